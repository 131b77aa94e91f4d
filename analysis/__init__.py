"""The CSTO Record's analysis package: load the sourced tables in ``data/`` and compute what the book shows.

Modules, one concern each: :mod:`analysis.schema` (the codebook), :mod:`analysis.load` (validated
tables), :mod:`analysis.membership`, :mod:`analysis.charts` (house style and figures), and the
command line ``python -m analysis check``.
"""

from .load import DataError, load_all, load_table

__all__ = ["DataError", "load_all", "load_table"]
