"""The one place that reads ``data/``: validated, typed tables.

>>> from analysis.data.load import load_all
>>> tables = load_all()          # dict of DataFrames, or DataError naming file, line and column
>>> tables["memberships"].dtypes["start"]
dtype('<M8[ns]')
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from .codebook import TABLES
from .codebook.fields import DATE_FORMAT
from .paths import data_dir
from .read import DataError, RawTable
from .validate import check_directory


def _typed(raw: RawTable) -> pd.DataFrame:
    frame = raw.frame.copy()
    for f in raw.table.fields:
        col = frame[f.name]
        if f.kind == "date":
            frame[f.name] = pd.to_datetime(col, format=DATE_FORMAT).astype("datetime64[ns]")
        elif f.kind == "integer":
            frame[f.name] = pd.array([None if v is None else int(v) for v in col], dtype="Int64")
        elif f.kind == "number":
            frame[f.name] = pd.to_numeric(col).astype("float64")
        else:
            frame[f.name] = col.astype("string")
    frame.attrs["source_file"] = str(raw.path)
    frame.attrs["table"] = raw.table.name
    return frame


def load_all(directory: Path | None = None) -> dict[str, pd.DataFrame]:
    """Every table in ``data/``, validated and typed, keyed by table name.

    Dates become ``datetime64``, counts nullable ``Int64``, text ``string``; ``;``-separated
    lists stay as text (split them with :func:`~analysis.data.codebook.fields.split_list`). Raises
    :class:`~analysis.data.read.DataError` listing every problem (file, line, column, what is
    wrong) if any table breaks its rules.
    """
    raws, problems = check_directory(directory or data_dir())
    if problems:
        raise DataError(problems)
    return {name: _typed(raw) for name, raw in raws.items()}


def load_table(name: str, directory: Path | None = None) -> pd.DataFrame:
    """One validated table; the whole data set is checked so that foreign keys hold."""
    if name not in TABLES:
        raise KeyError(f"no table {name!r}; known tables: {sorted(TABLES)}")
    return load_all(directory)[name]


__all__ = ["DataError", "load_all", "load_table"]
