"""Checks every CSV in ``data/`` against the codebook in :mod:`analysis.data.codebook`.

The checks run in three passes, and every problem is reported with the file, the line as a person
counts it in the file (the header is line 1), the column and what is wrong:

1. reading: the file exists and every line has as many fields as the header;
2. each table on its own, with a pandera schema built from the codebook (types, required values,
   allowed values, patterns, unique keys, start before end, no overlapping intervals);
3. across tables: foreign keys (states, sources, organizations, requests, resolutions) and rules
   that need two tables (a response never comes before its request).

Nothing is dropped or repaired: any problem raises :class:`~analysis.data.read.DataError`.
"""

from __future__ import annotations

import calendar
import functools
import hashlib
import re
from collections import OrderedDict
from pathlib import Path

import numpy as np
import pandas as pd
import pandera.pandas as pa
from pandera.errors import SchemaErrors

from .codebook import TABLES
from .codebook.fields import DATE_FORMAT, KIND_PATTERNS, Field, Table
from .crosscheck import cross_table_problems
from .read import DataError, Problem, RawTable, read_raw  # noqa: F401 - DataError: see below

# Pass 1 and pass 3 live in analysis.data.read and analysis.data.crosscheck.
# DataError (documented in analysis.data.read) stays importable from here for callers that
# check a folder and raise what they find, as they could before.
__all__ = ["check_directory", "forget_checked", "pandera_schema", "validate_table"]

# --- pass 2: one table --------------------------------------------------------------------------

def _real_dates(values: pd.Series) -> pd.Series:
    """Vectorised: which cells hold a real YYYY-MM-DD date (badly formatted ones fail
    elsewhere)."""
    parsed = pd.to_datetime(values, format=DATE_FORMAT, errors="coerce")
    badly_formatted = ~values.astype(str).str.fullmatch(r"\d{4}-\d{2}-\d{2}")
    return parsed.notna() | badly_formatted


@functools.lru_cache(maxsize=1 << 14)
def _real_partial_date(value: str) -> bool:
    """Whether ``value`` is a real year, month or day (``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD``) of
    the proleptic Gregorian calendar, as pandas reads one (year 0 included).

    Worked out from the digits and remembered per value: the sources repeat a few thousand dates
    in every check, and pandas' parser cost about 60 µs a call."""
    parts = value.split("-") if isinstance(value, str) else []
    if [len(part) for part in parts] not in ([4], [4, 2], [4, 2, 2]) or not all(
            part.isascii() and part.isdigit() for part in parts):
        return False
    year, *rest = (int(part) for part in parts)
    if not rest:
        return True
    month, *day = rest
    if not 1 <= month <= 12:
        return False
    return not day or 1 <= day[0] <= calendar.monthrange(2000 if calendar.isleap(year) else 2001,
                                                         month)[1]


def _distinct(test):
    """A vectorised check that applies ``test`` to each distinct non-empty value once."""

    def ok(values: pd.Series) -> pd.Series:
        good = [v for v in values.dropna().unique() if test(v)]
        return values.isna() | values.isin(good)

    return ok


def _matches(pattern: str):
    """Vectorised ``str_matches`` that tests each distinct value once: the large tables repeat a
    few codes many times (a state, a vote), and matching every cell was most of their check."""
    compiled = re.compile(pattern)
    return _distinct(lambda v: isinstance(v, str) and compiled.match(v) is not None)


def _column_checks(f: Field) -> list[pa.Check]:
    checks: list[pa.Check] = []
    pattern = f.pattern or KIND_PATTERNS.get(f.kind)
    if pattern:
        checks.append(pa.Check(_matches(pattern), error=f"does not match {pattern}"))
    if f.kind == "date":
        checks.append(pa.Check(_real_dates, error="is not a real calendar date"))
    if f.kind == "partial_date":
        checks.append(
            pa.Check(_distinct(_real_partial_date), error="is not a real calendar date")
        )
    if f.enum is not None:
        checks.append(pa.Check.isin(list(f.enum), error=f"is not one of {list(f.enum)}"))
    if f.minimum is not None:
        checks.append(pa.Check(lambda s, low=f.minimum: ~(pd.to_numeric(s, errors="coerce") < low),
                               error=f"is below the smallest allowed value {f.minimum:g}"))
    if f.maximum is not None:
        checks.append(pa.Check(lambda s,
                               high=f.maximum: ~(pd.to_numeric(s, errors="coerce") > high),
                               error=f"is above the largest allowed value {f.maximum:g}"))
    if f.unique:
        checks.append(pa.Check(lambda s: s.isna() | ~s.duplicated(keep="first"),
                               error="repeats the value of an earlier row"))
    return checks


def _interval_check(start: str, end: str) -> pa.Check:
    def ok(df: pd.DataFrame) -> pd.Series:
        s = pd.to_datetime(df[start], format=DATE_FORMAT, errors="coerce")
        e = pd.to_datetime(df[end], format=DATE_FORMAT, errors="coerce")
        return ~(e < s)

    return pa.Check(ok, name=f"{end}>={start}", error=f"`{end}` is before `{start}`")


def _overlap_check(keys: tuple[str, ...]) -> pa.Check:
    def ok(df: pd.DataFrame) -> pd.Series:
        start = pd.to_datetime(df["start"], format=DATE_FORMAT, errors="coerce")
        end = pd.to_datetime(df["end"], format=DATE_FORMAT, errors="coerce")
        result = pd.Series(True, index=df.index)
        for _, group in df.groupby(list(keys), sort=False):
            latest_end = None  # None before the first interval; NaT once one is open-ended
            for i in start[group.index].sort_values(kind="stable").index:
                if latest_end is not None and (pd.isna(latest_end) or start[i] < latest_end):
                    result[i] = False
                if latest_end is None or pd.isna(end[i]) or \
                        (not pd.isna(latest_end) and end[i] > latest_end):
                    latest_end = end[i]
        return result

    return pa.Check(ok, name="no_overlap",
                    error=f"interval overlaps an earlier one for the same {' and '.join(keys)}")


def _required_if_check(column: str, other: str, value: str | None) -> pa.Check:
    def ok(df: pd.DataFrame) -> pd.Series:
        applies = df[other].notna() if value is None else df[other] == value
        return ~applies | df[column].notna()

    when = f"`{other}` is set" if value is None else f"`{other}` is {value}"
    return pa.Check(ok, name=f"required_if:{column}", error=f"`{column}` is empty but {when}")


@functools.cache
def pandera_schema(table: Table) -> pa.DataFrameSchema:
    """The pandera schema for one table's text cells, built from the codebook."""
    columns = {
        f.name: pa.Column(
            object,
            checks=_column_checks(f),
            nullable=not f.required,
            unique=table.primary_key == (f.name,),
            coerce=False,
            required=True,
        )
        for f in table.fields
    }
    checks = [_interval_check(s, e) for s, e in table.intervals]
    if table.no_overlap:
        checks.append(_overlap_check(table.no_overlap))
    checks.extend(_required_if_check(*rule) for rule in table.required_if)
    checks.extend(pa.Check(rc.holds, name=f"row:{rc.column}", error=rc.message)
                  for rc in table.row_checks)
    unique = list(table.primary_key) if len(table.primary_key) > 1 else None
    return pa.DataFrameSchema(
        columns, checks=checks, unique=unique, strict=True, ordered=True, name=table.name
    )


def _problems_from_pandera(raw: RawTable, err: SchemaErrors) -> list[Problem]:
    shown = f"data/{raw.path.name}"
    problems = []
    seen: set[tuple[int | None, str]] = set()
    for _, case in err.failure_cases.iterrows():
        index = case["index"]
        row = int(index) if index is not None and not pd.isna(index) else None
        line = raw.line_of(row) if row is not None else None
        check = str(case["check"])
        column = case["column"] if isinstance(case["column"], str) else None
        value = case["failure_case"]
        rule_column = _column_for_check(check)
        if rule_column is not None or check == "multiple_fields_uniqueness":
            # Rules over whole rows: pandera lists every cell of a failing row; name it once,
            # at the column the rule is about.
            if (line, check) in seen:
                continue
            seen.add((line, check))
            if check == "multiple_fields_uniqueness":
                column = "|".join(raw.table.primary_key)
                key = raw.frame.loc[row, list(raw.table.primary_key)].astype(str)
                problems.append(Problem(shown, line, column, f"duplicate key {'|'.join(key)!r}"))
                continue
            column = rule_column
            value = raw.frame.loc[row, column] if row is not None else None
        problems.append(Problem(shown, line, column, _describe(column, check, value)))
    return problems


def _column_for_check(check: str) -> str | None:
    """The column a whole-row rule is about, read from its message (None for cell checks).

    pandera reports a failed check by its ``error`` text; every whole-row rule's text begins
    with the column it concerns in backticks, or is the overlap rule (about ``start``).
    """
    if check.startswith("`"):
        return check.split("`")[1]
    if check.startswith("interval overlaps"):
        return "start"
    return None


def _describe(column: str | None, check: str, value: object) -> str:
    missing = value is None or (isinstance(value, float) and np.isnan(value))
    shown = "empty" if missing else repr(value)
    if check == "not_nullable":
        return "a value is required but the cell is empty"
    if check in ("field_uniqueness", "multiple_fields_uniqueness"):
        return f"duplicate key {shown}"
    if check.startswith(("does not match", "is not", "`")) or "`" in check:
        return f"{shown} {check}" if not missing else check
    return f"{shown} fails {check}"


def validate_table(raw: RawTable) -> list[Problem]:
    """Check one table on its own; returns the problems found (empty if none)."""
    try:
        pandera_schema(raw.table).validate(raw.frame, lazy=True)
    except SchemaErrors as err:
        return _problems_from_pandera(raw, err)
    return []


#: Passes 1 and 2 already run in this process, by table and file content (a digest of the
#: bytes): a file that has not changed is not read or checked again, whatever folder it is in.
#: Problems name a file by ``data/<name>`` only, so they hold for any copy. Pass 3 always runs.
_CHECKED: OrderedDict[tuple[Table, bytes], tuple[pd.DataFrame | None, list[int],
                                                 list[Problem]]] = OrderedDict()
#: How many checked files are kept (the least recently used go first).
_CHECKED_MAX = 128


def forget_checked() -> None:
    """Forget every file checked so far, so the next check reads and checks all again (the
    benchmark measures cold checks this way)."""
    _CHECKED.clear()


def _read_and_check(table: Table, path: Path) -> tuple[RawTable | None, list[Problem]]:
    """Passes 1 and 2 for one file, or their remembered outcome for the same content."""
    if not path.exists():
        return read_raw(table, path)
    data = path.read_bytes()
    key = (table, hashlib.blake2b(data, digest_size=20).digest())
    known = _CHECKED.get(key)
    if known is None:
        raw, problems = read_raw(table, path, data.decode("utf-8"))
        if raw is not None:
            problems = problems + validate_table(raw)
        known = (None if raw is None else raw.frame, [] if raw is None else raw.lines, problems)
        _CHECKED[key] = known
        while len(_CHECKED) > _CHECKED_MAX:
            _CHECKED.popitem(last=False)
    else:
        _CHECKED.move_to_end(key)
    frame, lines, problems = known
    # Each caller gets its own frame (copying the cells' references, not the strings).
    raw = None if frame is None else RawTable(table, path, frame.copy(), list(lines))
    return raw, list(problems)


def check_directory(data_dir: Path) -> tuple[dict[str, RawTable], list[Problem]]:
    """Read and check every table in ``data_dir``.

    Returns the raw text tables and every problem found; callers decide whether to raise.
    A file whose content was checked before in this process is not checked again
    (:func:`forget_checked`); the checks across tables always run.
    """
    raws: dict[str, RawTable] = {}
    problems: list[Problem] = []
    for name, table in TABLES.items():
        raw, table_problems = _read_and_check(table, data_dir / table.filename)
        problems.extend(table_problems)
        if raw is None:
            continue
        raws[name] = raw
    problems.extend(cross_table_problems(raws))
    return raws, problems
