"""The institutions' tables: bad values the checks must name."""

from __future__ import annotations

from tests.helpers.data_files import expect_problem, read_rows, set_cell, write_rows


def test_an_unknown_office_is_named(scratch_data):
    set_cell(scratch_data, "office_holders", 3, "office", "chief")
    expect_problem(scratch_data, "office_holders.csv", 3, "office", "is not one of")


def test_overlapping_terms_are_named(scratch_data):
    path = scratch_data / "office_holders.csv"
    rows = read_rows(path)
    # Khachaturov's term (line 4) made to start inside Bordyuzha's.
    rows[3][rows[0].index("start")] = "2016-06-01"
    write_rows(path, rows)
    expect_problem(scratch_data, "office_holders.csv", 4, "start", "overlaps")


def test_an_unknown_decision_rule_is_named(scratch_data):
    set_cell(scratch_data, "organs", 2, "decides", "majority")
    expect_problem(scratch_data, "organs.csv", 2, "decides", "is not one of")


def test_a_strength_without_its_year_is_named(scratch_data):
    rows = read_rows(scratch_data / "forces.csv")
    line = next(i + 1 for i, r in enumerate(rows) if i and r[rows[0].index("strength")])
    set_cell(scratch_data, "forces", line, "strength_year", "")
    expect_problem(scratch_data, "forces.csv", line, "strength_year",
                   "is empty but `strength` is set")


def test_a_force_row_without_a_source_is_named(scratch_data):
    set_cell(scratch_data, "forces", 5, "source", "")
    expect_problem(scratch_data, "forces.csv", 5, "source", "required")
