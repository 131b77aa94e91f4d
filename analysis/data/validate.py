"""Checks every CSV in ``data/`` against the codebook in :mod:`analysis.data.schema`.

The checks run in three passes, and every problem is reported with the file, the line as a person
counts it in the file (the header is line 1), the column and what is wrong:

1. reading: the file exists and every line has as many fields as the header;
2. each table on its own, with a pandera schema built from the codebook (types, required values,
   allowed values, patterns, unique keys, start before end, no overlapping intervals);
3. across tables: foreign keys (states, sources, organizations, requests, resolutions) and rules
   that need two tables (a response never comes before its request).

Nothing is dropped or repaired: any problem raises :class:`DataError`.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd
import pandera.pandas as pa
from pandera.errors import SchemaErrors

from .dates import latest_possible
from .schema import DATE_FORMAT, TABLES, Field, Table

_HEADER_LINE = 1


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong in one cell (or line) of one file."""

    file: str
    line: int | None
    column: str | None
    message: str

    def __str__(self) -> str:
        where = self.file
        if self.line is not None:
            where += f", line {self.line}"
        if self.column:
            where += f", column '{self.column}'"
        return f"{where}: {self.message}"


class DataError(ValueError):
    """Raised when any table breaks its rules; ``problems`` lists every one found."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems, key=lambda p: (p.file, p.line or 0, p.column or ""))
        shown = "\n".join(f"  {p}" for p in self.problems[:50])
        more = len(self.problems) - 50
        suffix = f"\n  ... and {more} more" if more > 0 else ""
        super().__init__(f"{len(self.problems)} problem(s) in the data:\n{shown}{suffix}")


@dataclass
class RawTable:
    """A table read as text, with the file line on which each row starts."""

    table: Table
    path: Path
    frame: pd.DataFrame  # all cells str; empty cells are NA
    lines: list[int]

    def line_of(self, index: int) -> int:
        return self.lines[index]


def read_raw(table: Table, path: Path) -> tuple[RawTable | None, list[Problem]]:
    """Read ``path`` as text, checking its header and the number of fields on every line."""
    shown = f"data/{path.name}"
    if not path.exists():
        return None, [Problem(shown, None, None, f"file is missing (expected at {path})")]
    text = path.read_text(encoding="utf-8")
    reader = csv.reader(io.StringIO(text, newline=""))
    problems: list[Problem] = []
    try:
        header = next(reader)
    except StopIteration:
        return None, [Problem(shown, _HEADER_LINE, None, "file is empty (no header line)")]
    except csv.Error as exc:
        return None, [Problem(shown, _HEADER_LINE, None, f"malformed CSV: {exc}")]
    expected = table.field_names
    if header != expected:
        missing = [c for c in expected if c not in header]
        unknown = [c for c in header if c not in expected]
        detail = []
        if missing:
            detail.append(f"missing column(s) {missing}")
        if unknown:
            detail.append(f"unknown column(s) {unknown}")
        if not detail:
            detail.append(f"columns out of order; expected {expected}")
        return None, [Problem(shown, _HEADER_LINE, None, "bad header: " + "; ".join(detail))]
    if '"' not in text and "\r" not in text:
        # No quoting: one record per line, so split directly (the large vendored tables).
        body = text.split("\n")[1:]
        if body and body[-1] == "":
            body.pop()
        width = len(header)
        rows, lines = [], []
        for n, line in enumerate(body, start=_HEADER_LINE + 1):
            if not line:
                continue
            fields = line.split(",")
            if len(fields) != width:
                problems.append(Problem(shown, n, None, f"malformed row: {len(fields)} field(s) "
                                        f"where the header has {width}"))
            else:
                rows.append(fields)
                lines.append(n)
        return _raw_table(table, path, header, rows, lines), problems
    rows = []
    lines = []
    start_line = reader.line_num + 1
    while True:
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            problems.append(Problem(shown, start_line, None, f"malformed CSV: {exc}"))
            break
        if row and len(row) != len(header):
            problems.append(
                Problem(shown, start_line, None,
                        f"malformed row: {len(row)} field(s) where the header has {len(header)}")
            )
        elif row:
            rows.append(row)
            lines.append(start_line)
        start_line = reader.line_num + 1
    return _raw_table(table, path, header, rows, lines), problems


def _raw_table(table: Table, path: Path, header: list[str], rows: list[list[str]],
               lines: list[int]) -> RawTable:
    frame = pd.DataFrame(rows, columns=header, dtype=object)
    frame = frame.replace({"": None}).astype(object)
    frame = frame.where(frame.notna(), None)
    frame.index = pd.RangeIndex(len(frame))
    return RawTable(table, path, frame, lines)


# --- pass 2: one table --------------------------------------------------------------------------

_PATTERNS = {
    "date": r"^\d{4}-\d{2}-\d{2}$",
    "partial_date": r"^\d{4}(-\d{2}(-\d{2})?)?$",
    "integer": r"^-?\d+$",
    "number": r"^-?\d+(\.\d+)?$",
    "url": r"^https?://\S+$",
    "state": r"^[A-Z]{3}$",
    "states": r"^[A-Z]{3}(;[A-Z]{3})*$",
    "sources": r"^[a-z0-9][a-z0-9-]*(;[a-z0-9][a-z0-9-]*)*$",
}


def _real_dates(values: pd.Series) -> pd.Series:
    """Vectorised: which cells hold a real YYYY-MM-DD date (badly formatted ones fail elsewhere)."""
    parsed = pd.to_datetime(values, format=DATE_FORMAT, errors="coerce")
    badly_formatted = ~values.astype(str).str.fullmatch(r"\d{4}-\d{2}-\d{2}")
    return parsed.notna() | badly_formatted


def _real_partial_date(value: str) -> bool:
    fmt = {4: "%Y", 7: "%Y-%m", 10: DATE_FORMAT}.get(len(value))
    if fmt is None:
        return False
    try:
        pd.to_datetime(value, format=fmt)
    except (ValueError, TypeError):
        return False
    return True


def _matches(pattern: str):
    """Vectorised ``str_matches`` that tests each distinct value once: the large tables repeat a
    few codes many times (a state, a vote), and matching every cell was most of their check."""
    compiled = re.compile(pattern)

    def ok(values: pd.Series) -> pd.Series:
        distinct = values.dropna().unique()
        good = [v for v in distinct if isinstance(v, str) and compiled.match(v)]
        return values.isna() | values.isin(good)

    return ok


def _column_checks(f: Field) -> list[pa.Check]:
    checks: list[pa.Check] = []
    pattern = f.pattern or _PATTERNS.get(f.kind)
    if pattern:
        checks.append(pa.Check(_matches(pattern), error=f"does not match {pattern}"))
    if f.kind == "date":
        checks.append(pa.Check(_real_dates, error="is not a real calendar date"))
    if f.kind == "partial_date":
        checks.append(
            pa.Check(_real_partial_date, element_wise=True, error="is not a real calendar date")
        )
    if f.enum is not None:
        checks.append(pa.Check.isin(list(f.enum), error=f"is not one of {list(f.enum)}"))
    if f.minimum is not None:
        checks.append(pa.Check(lambda s, low=f.minimum: ~(pd.to_numeric(s, errors="coerce") < low),
                               error=f"is below the smallest allowed value {f.minimum:g}"))
    if f.maximum is not None:
        checks.append(pa.Check(lambda s, high=f.maximum: ~(pd.to_numeric(s, errors="coerce") > high),
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


# --- pass 3: across tables ----------------------------------------------------------------------


def split_list(value: object) -> list[str]:
    """The items of a ``;``-separated cell (``[]`` for an empty one)."""
    if value is None or value is pd.NA or (isinstance(value, float) and pd.isna(value)):
        return []
    return [part for part in str(value).split(";") if part]


def cross_table_problems(raws: dict[str, RawTable]) -> list[Problem]:
    """Foreign keys and rules that need two tables; tables missing from ``raws`` are skipped."""
    problems: list[Problem] = []
    wanted = {f.ref for raw in raws.values() for f in raw.table.fields if f.ref}
    keys: dict[str, set[str]] = {}
    for ref in wanted:
        name, field_name = ref.split(".")
        if name in raws:
            keys[ref] = set(raws[name].frame[field_name].dropna())

    for name, raw in raws.items():
        shown = f"data/{raw.path.name}"
        for f in raw.table.fields:
            if not f.ref or f.ref not in keys:
                continue
            known = keys[f.ref] | set(f.ref_exempt)
            target = f.ref.split(".")[0]
            column = raw.frame[f.name]
            if f.kind in ("states", "sources"):
                cells = column.dropna().map(split_list).explode().dropna()
            else:
                cells = column.dropna()
            # Every cell is checked; only the unknown ones are looked at one by one.
            for i, part in cells[~cells.isin(known)].items():
                problems.append(
                    Problem(shown, raw.line_of(i), f.name,
                            f"unknown {f.ref.split('.')[1]} {part!r} (not in {target})")
                )

    if "responses" in raws and "requests" in raws:
        resp = raws["responses"]
        # Duplicate request ids are reported by the requests schema; map to the first.
        request_dates = raws["requests"].frame.drop_duplicates("request_id")
        asked = resp.frame["request_id"].map(request_dates.set_index("request_id")["date"])
        answered = pd.to_datetime(resp.frame["date"], format=DATE_FORMAT, errors="coerce")
        # A response known only to the month (or year) may fall late in it.
        latest = latest_possible(answered, resp.frame["date_precision"])
        early = latest < pd.to_datetime(asked, format=DATE_FORMAT, errors="coerce")
        for i in resp.frame.index[early.to_numpy(dtype=bool, na_value=False)]:
            problems.append(Problem(f"data/{resp.path.name}", resp.line_of(i), "date",
                                    f"response dated {resp.frame.at[i, 'date']}, before its "
                                    f"request ({asked[i]})"))

    if "origins" in raws:
        problems.extend(_origin_problems(raws))

    if "discrepancies" in raws:
        disc = raws["discrepancies"]
        row_ids: dict[str, set[str]] = {}
        for i, row in disc.frame.iterrows():
            table = TABLES.get(row["table"] or "")
            if table is None or table.name not in raws:
                if row["table"] not in TABLES:
                    problems.append(Problem(f"data/{disc.path.name}", disc.line_of(i), "table",
                                            f"unknown table {row['table']!r}"))
                continue
            if table.name not in row_ids:
                keys = raws[table.name].frame[list(table.primary_key)].astype(str)
                row_ids[table.name] = {"|".join(values) for values in keys.itertuples(index=False)}
            if row["record_id"] not in row_ids[table.name]:
                problems.append(Problem(f"data/{disc.path.name}", disc.line_of(i), "record_id",
                                        f"no row {row['record_id']!r} in {table.name}"))
            if row["field"] not in table.field_names:
                problems.append(Problem(f"data/{disc.path.name}", disc.line_of(i), "field",
                                        f"{table.name} has no column {row['field']!r}"))
    return problems


def _origin_problems(raws: dict[str, RawTable]) -> list[Problem]:
    """Each table without a ``source`` column is named by an origin, and every table an origin
    names exists."""
    origins = raws["origins"]
    shown = f"data/{origins.path.name}"
    problems, named = [], set()
    for i, cell in origins.frame["tables"].items():
        for name in split_list(cell):
            named.add(name)
            if name not in TABLES:
                problems.append(Problem(shown, origins.line_of(i), "tables",
                                        f"unknown table {name!r}"))
    for name, raw in raws.items():
        if ("source" not in raw.table.field_names and name not in ("sources", "origins")
                and name not in named):
            problems.append(Problem(f"data/{raw.path.name}", None, None,
                                    "no row of origins.csv names this table, and its rows "
                                    "carry no source"))
    return problems


def check_directory(data_dir: Path, tables: list[str] | None = None) -> tuple[
        dict[str, RawTable], list[Problem]]:
    """Read and check every table (or the ones named) in ``data_dir``.

    Returns the raw text tables and every problem found; callers decide whether to raise.
    """
    names = tables or list(TABLES)
    raws: dict[str, RawTable] = {}
    problems: list[Problem] = []
    for name in names:
        table = TABLES[name]
        raw, read_problems = read_raw(table, data_dir / table.filename)
        problems.extend(read_problems)
        if raw is None:
            continue
        raws[name] = raw
        problems.extend(validate_table(raw))
    problems.extend(cross_table_problems(raws))
    return raws, problems
