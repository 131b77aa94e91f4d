"""The codebook: every table in ``data/``, its fields, keys and allowed values, defined once.

Everything else is generated from :data:`TABLES`: the pandera schemas that check the CSV files at
load time (:mod:`analysis.data.validate`), the Frictionless ``datapackage.json`` and the data
dictionary appendix of the book. The parts:

* :mod:`~analysis.data.codebook.fields`: :class:`~analysis.data.codebook.fields.Field`,
  :class:`~analysis.data.codebook.fields.Table`, the pattern of each kind of field and
  :func:`~analysis.data.codebook.fields.split_list`;
* :mod:`~analysis.data.codebook.vocabulary`: the scales and categories the tables code against;
* :mod:`~analysis.data.codebook.curated`, :mod:`~analysis.data.codebook.literature`,
  :mod:`~analysis.data.codebook.external` and :mod:`~analysis.data.codebook.institutions`: the
  tables themselves;
* :mod:`~analysis.data.codebook.policy`: the sourcing policy (the hosts the book does not cite,
  the rule for state media).

To add a column, add a ``Field`` to its table; the checks, the data package and the dictionary
follow. Nothing registers itself: this module assembles the tables from the five lists.
"""

from __future__ import annotations

from . import curated, external, institutions, literature, policy
from .fields import Table

#: Every table of the codebook, by name, in the order they are loaded (referenced tables first):
#: the curated tables, the published base rates of alliance reliability, then the field's
#: standard datasets (vendored extracts, each described by a row of ``origins``), the
#: institutions, then the hosts the sourcing policy excludes.
TABLES: dict[str, Table] = {
    table.name: table
    for table in (*curated.TABLES, *literature.TABLES, *external.TABLES, *institutions.TABLES,
                  *policy.TABLES)
}

__all__ = ["TABLES"]
