"""The codebook: every table in ``data/``, its fields, keys and allowed values, defined once.

Everything else is generated from :data:`TABLES`: the pandera schemas that check the CSV files at
load time (:mod:`analysis.data.validate`), the Frictionless ``datapackage.json`` and the data dictionary
appendix of the book. This module defines :class:`Field` and :class:`Table` and holds the registry;
the tables themselves are in :mod:`analysis.data.curated` (hand-coded) and
:mod:`analysis.data.datasets` (external extracts). To add a column, add a :class:`Field` there;
the checks, the data package and the dictionary follow.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .vocabulary import (  # noqa: F401 - the codebook re-exports its vocabularies
    RESPONSE_LEVELS,
    RESPONSE_LEVEL_MEANING,
    THREATS,
    THREAT_MEANING,
    MEMBERSHIP_STATUSES,
    MEMBERSHIP_STATUS_MEANING,
    PRECISIONS,
    ORG_KINDS,
    END_REASONS,
    REGIONS,
    EVENT_TYPES,
    BASE_KINDS,
    VOTES,
    UN_TOPICS,
    STANCE_ISSUES,
    ALIGNMENTS,
    MEASURES,
    UNITS,
)

#: Tables whose rows are intervals; an interval's ``end`` is exclusive (the day the status changed).
DATE_FORMAT = "%Y-%m-%d"


@dataclass(frozen=True)
class Field:
    """One column of a table.

    ``kind`` is one of: ``string``, ``id`` (lowercase slug or code), ``date`` (YYYY-MM-DD),
    ``partial_date`` (YYYY, YYYY-MM or YYYY-MM-DD), ``integer``, ``number``, ``category``
    (one of ``enum``), ``state`` (an ISO3 code in ``states``), ``states`` (``;``-separated ISO3
    codes), ``sources`` (``;``-separated ``source_id``s), ``url``.
    ``ref`` names a foreign key as ``"table.field"``.
    """

    name: str
    kind: str
    description: str
    required: bool = False
    enum: tuple[str, ...] | None = None
    pattern: str | None = None
    ref: str | None = None
    unit: str | None = None
    #: no two rows share a (non-empty) value; primary keys are unique in any case
    unique: bool = False
    #: the smallest and largest value a number may take (``None``: no bound)
    minimum: float | None = None
    maximum: float | None = None
    #: values of a ``ref`` column that stand outside the referenced table (non-state codes)
    ref_exempt: tuple[str, ...] = ()


@dataclass(frozen=True)
class Table:
    """One CSV file in ``data/`` and its rules."""

    name: str
    title: str
    description: str
    fields: tuple[Field, ...]
    primary_key: tuple[str, ...]
    #: pairs (start, end) where end must not come before start
    intervals: tuple[tuple[str, str], ...] = ()
    #: columns that identify one timeline whose intervals must not overlap
    no_overlap: tuple[str, ...] = ()
    #: (column, other column, value): column is required when other column equals value
    #: (or, with value None, whenever the other column is set)
    required_if: tuple[tuple[str, str, str | None], ...] = ()
    extra_rules: tuple[str, ...] = field(default_factory=tuple)

    @property
    def filename(self) -> str:
        return f"{self.name}.csv"

    def field(self, name: str) -> Field:
        for f in self.fields:
            if f.name == name:
                return f
        raise KeyError(f"{self.name} has no field {name!r}")

    @property
    def field_names(self) -> list[str]:
        return [f.name for f in self.fields]


def _precision(col: str) -> Field:
    return Field(
        f"{col}_precision",
        "category",
        f"How precise `{col}` is: a day, or only a month or a year (then `{col}` holds the first "
        "day of that month or year).",
        enum=PRECISIONS,
    )


SOURCE = Field(
    "source",
    "sources",
    "One or more `source_id`s from `sources`, separated by `;`. Every row has at least one.",
    required=True,
    ref="sources.source_id",
)
NOTE = Field("note", "string", "Our remark on the row: caveats, context, disagreements.")


#: Every table of the codebook, by name, in the order they are loaded (referenced tables first).
TABLES: dict[str, Table] = {}


def _register(table: Table) -> Table:
    TABLES[table.name] = table
    return table


# The tables, registered in load order (referenced tables first): the curated ones, then the
# field's standard datasets, vendored as extracts, each described by a row of `origins`.
from . import curated as _curated  # noqa: E402,F401 - registers the curated tables
from . import datasets as _datasets  # noqa: E402,F401 - registers the external tables
from . import institutions as _institutions  # noqa: E402,F401 - registers the institutions tables

#: The order in which tables are loaded: referenced tables first.
LOAD_ORDER: tuple[str, ...] = tuple(TABLES)
