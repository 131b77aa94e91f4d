"""Pass 1 of the checks: every CSV read as text, its header and the fields of every line checked,
and the problem types every pass reports (:class:`Problem`, :class:`DataError`).

A problem names the file, the line as a person counts it in the file (the header is line 1), the
column and what is wrong. :mod:`analysis.data.validate` runs all three passes.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from .codebook.fields import Table

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


def read_raw(table: Table, path: Path,
             text: str | None = None) -> tuple[RawTable | None, list[Problem]]:
    """Read ``path`` as text, checking its header and the number of fields on every line.
    ``text`` is the file's content when the caller has read it already."""
    shown = f"data/{path.name}"
    if text is None:
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
        plain = _read_plain(table, path, header, text)
        if plain is not None:
            return plain, []
        # No quoting: one record per line, so split directly (the large vendored tables).
        body = text.split("\n")[1:]
        if body and body[-1] == "":
            body.pop()
        width = len(header)
        rows, lines = [], []
        for n, line in enumerate(body, start=_HEADER_LINE + 1):
            if not line:
                continue
            fields = [v or None for v in line.split(",")]
            if len(fields) != width:
                problems.append(Problem(shown, n, None, f"malformed row: {len(fields)} field(s) "
                                        f"where the header has {width}"))
            else:
                rows.append(fields)
                lines.append(n)
        return _raw_table(table, path, header, rows, lines, empties_are_none=True), problems
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


def _read_plain(table: Table, path: Path, header: list[str], text: str) -> RawTable | None:
    """A file without quotes or blank lines, every line as wide as the header, read by pandas'
    C parser (the roll-call tables hold 126,000 rows); None when the file is not that, for the
    line-by-line reader to find and name what is wrong."""
    body = text.partition("\n")[2]
    lines = body.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    commas = len(header) - 1
    if not lines or any(not line or line.count(",") != commas for line in lines):
        return None
    frame = pd.read_csv(io.StringIO(body), header=None, names=header, dtype=object,
                        na_filter=False, engine="c")
    if len(frame) != len(lines):
        return None
    first = _HEADER_LINE + 1
    return RawTable(table, path, frame.where(frame != "", None),
                    list(range(first, first + len(lines))))


def _raw_table(table: Table, path: Path, header: list[str], rows: list[list[str]],
               lines: list[int], empties_are_none: bool = False) -> RawTable:
    frame = pd.DataFrame(rows, columns=header, dtype=object)
    if not empties_are_none:  # the fast path already wrote empty cells as None
        frame = frame.replace({"": None}).astype(object)
        frame = frame.where(frame.notna(), None)
    frame.index = pd.RangeIndex(len(frame))
    return RawTable(table, path, frame, lines)
