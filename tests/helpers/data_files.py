"""Helpers for tests that break a copy of ``data/`` and expect the checks to name the problem."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from analysis.data.load import DataError, load_all


def read_rows(path: Path) -> list[list[str]]:
    with path.open(newline="", encoding="utf-8") as fh:
        return list(csv.reader(fh))


def write_rows(path: Path, rows: list[list[str]]) -> None:
    with path.open("w", newline="", encoding="utf-8") as fh:
        csv.writer(fh, lineterminator="\n").writerows(rows)


def set_cell(directory: Path, table: str, line: int, column: str, value: str) -> None:
    """Set one cell; ``line`` counts as a person does (header = line 1)."""
    path = directory / f"{table}.csv"
    rows = read_rows(path)
    rows[line - 1][rows[0].index(column)] = value
    write_rows(path, rows)


def expect_problem(directory: Path, file: str, line: int | None, column: str | None, words: str):
    where = f"data/{file}"
    if line is not None:
        where += f", line {line}"
    if column is not None:
        where += f", column '{column}'"
    with pytest.raises(DataError) as excinfo:
        load_all(directory)
    found = [str(p) for p in excinfo.value.problems]
    matching = [p for p in found if p.startswith(where) and words in p]
    assert matching, f"expected a problem at {where} mentioning {words!r}; got {found}"
    assert where in str(excinfo.value)
