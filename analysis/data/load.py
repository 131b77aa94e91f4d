"""The one place that reads ``data/``: validated, typed tables.

>>> from analysis.data.load import load_all
>>> tables = load_all()          # dict of DataFrames, or DataError naming file, line and column
>>> tables["memberships"].dtypes["start"]
dtype('<M8[ns]')
"""

from __future__ import annotations

import hashlib
import sys
from pathlib import Path

import pandas as pd

from .codebook import TABLES
from .codebook.fields import DATE_FORMAT
from .paths import ROOT, data_dir
from .read import DataError, RawTable
from .stored import code_digest, read, write

#: Where :func:`load_all` keeps the tables of the last checks of ``data/`` that passed, one
#: file per state of the data and of the code that checks them (git ignores ``_build``).
CHECKED_TABLES = ROOT / "_build" / ".checked-tables"
#: How many states :data:`CHECKED_TABLES` keeps (the oldest go first).
_KEEP = 4


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


def state_of(directory: Path) -> str:
    """A digest of everything a check of ``directory`` depends on: each table's file (its
    bytes, or its absence), the modules that check and type them (``analysis.data``), and the
    versions of Python, pandas and pandera. Two loads with the same state give the same tables
    or the same errors."""
    from importlib.metadata import version

    digest = hashlib.sha256()
    digest.update(f"{sys.version}|{pd.__version__}|{version('pandera')}".encode())
    digest.update(code_digest(Path(__file__).parent).encode())
    for name, table in sorted(TABLES.items()):
        path = directory / table.filename
        content = path.read_bytes() if path.exists() else b"<missing>"
        digest.update(name.encode() + hashlib.sha256(content).digest())
    return digest.hexdigest()


#: ``checked`` of :func:`load_all` when not given: :data:`CHECKED_TABLES` for the book's data.
_BOOK = Path("<the book's own>")


def load_all(directory: Path | None = None, *,
             checked: Path | None = _BOOK) -> dict[str, pd.DataFrame]:
    """Every table in ``data/``, validated and typed, keyed by table name.

    Dates become ``datetime64``, counts nullable ``Int64``, text ``string``; ``;``-separated
    lists stay as text (split them with :func:`~analysis.data.codebook.fields.split_list`). Raises
    :class:`~analysis.data.read.DataError` listing every problem (file, line, column, what is
    wrong) if any table breaks its rules.

    The tables of a check that passed are kept in the folder ``checked``, under the state of the
    data and of the checking code (:func:`state_of`); a later load in any process finds them
    there and checks nothing again until a byte of either changes. Only the book's own
    ``data/`` is kept this way unless ``checked`` is given with another ``directory``; a
    failed check keeps nothing, so bad data stop every load. ``checked=None`` checks afresh.
    """
    folder = Path(directory or data_dir())
    if checked is _BOOK:  # a scratch copy of the data is never kept beside the book's own
        checked = CHECKED_TABLES if folder.resolve() == data_dir() else None
    stored = checked / f"{state_of(folder)}.pickle" if checked is not None else None
    if stored is not None:
        tables = read(stored)
        if isinstance(tables, dict) and set(tables) == set(TABLES):
            return tables
    from .validate import check_directory  # pandera is imported only when something is checked

    raws, problems = check_directory(folder)
    if problems:
        raise DataError(problems)
    tables = {name: _typed(raw) for name, raw in raws.items()}
    if stored is not None:
        write(stored, tables, _KEEP)
    return tables


def load_table(name: str, directory: Path | None = None) -> pd.DataFrame:
    """One validated table; the whole data set is checked so that foreign keys hold."""
    if name not in TABLES:
        raise KeyError(f"no table {name!r}; known tables: {sorted(TABLES)}")
    return load_all(directory)[name]


__all__ = ["CHECKED_TABLES", "DataError", "load_all", "load_table", "state_of"]
