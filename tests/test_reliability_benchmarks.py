"""The published base rates of alliance reliability: each rate is credited to a work of
scholarship, agrees with the counts behind it where a source gives them, and a broken row is named
by file, line and column."""

from __future__ import annotations

import pytest

from analysis.data.codebook import TABLES
from tests.helpers.data_files import expect_problem, read_rows, set_cell

FILE = "reliability_benchmarks"


def line_of(directory, benchmark_id: str) -> int:
    """The line (header = 1) of one benchmark in the scratch copy."""
    rows = read_rows(directory / f"{FILE}.csv")
    return next(i + 1 for i, row in enumerate(rows) if row[0] == benchmark_id)


def test_the_table_is_in_the_codebook_and_cites_its_sources():
    table = TABLES[FILE]
    assert table.primary_key == ("benchmark_id",)
    assert table.field("work").ref == "sources.source_id"
    assert table.field("source").required


def test_every_rate_is_credited_to_a_work_of_scholarship(tables):
    kinds = tables["sources"].set_index("source_id")["kind"]
    assert (tables[FILE]["work"].map(kinds) == "scholarship").all()


def test_every_count_agrees_with_its_rate(tables):
    bench = tables[FILE].dropna(subset=["honoured"])
    assert len(bench) >= 6
    assert ((100 * bench["honoured"] / bench["opportunities"] - bench["rate"]).abs() <= 0.5).all()


def test_a_rate_that_disagrees_with_its_counts_fails(scratch_data):
    line = line_of(scratch_data, "bf2018-all-1945-2003")
    set_cell(scratch_data, FILE, line, "rate", "30")
    expect_problem(scratch_data, f"{FILE}.csv", line, "rate", "must agree with `honoured`")


def test_more_honoured_than_opportunities_fails(scratch_data):
    line = line_of(scratch_data, "bf2018-defence")
    set_cell(scratch_data, FILE, line, "honoured", "103")
    expect_problem(scratch_data, f"{FILE}.csv", line, "opportunities",
                   "must not be smaller than `honoured`")


def test_a_count_of_honoured_needs_its_denominator(scratch_data):
    line = line_of(scratch_data, "bf2018-all")
    set_cell(scratch_data, FILE, line, "opportunities", "")
    expect_problem(scratch_data, f"{FILE}.csv", line, "opportunities",
                   "`opportunities` is empty but `honoured` is set")


def test_a_rate_credited_to_a_news_release_fails(scratch_data):
    line = line_of(scratch_data, "leeds2003-all")
    set_cell(scratch_data, FILE, line, "work", "news-rice-leeds-2003")
    expect_problem(scratch_data, f"{FILE}.csv", line, "work", "not scholarship")


@pytest.mark.parametrize(("column", "value", "words"), [
    ("work", "no-such-work", "unknown source_id 'no-such-work'"),
    ("period", "1945-", "does not match"),
    ("rate", "101", "above the largest allowed value"),
    ("measure", "offensive_pacts", "is not one of"),
    ("source", "", "a value is required"),
])
def test_a_bad_cell_is_named(scratch_data, column, value, words):
    line = line_of(scratch_data, "bf2018-defence-1945-2003")
    set_cell(scratch_data, FILE, line, column, value)
    expect_problem(scratch_data, f"{FILE}.csv", line, column, words)
