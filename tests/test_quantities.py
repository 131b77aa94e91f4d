"""The reported numbers (``data/quantities.csv``): each names a real row when it names one, a
range has its high end, and a bad row is named precisely."""

from __future__ import annotations

from tests.helpers.data_files import expect_problem, set_cell


def test_a_number_must_name_an_existing_row(scratch_data):
    set_cell(scratch_data, "quantities", 2, "record_id", "NO-SUCH-ROW")
    expect_problem(scratch_data, "quantities.csv", 2, "record_id", "no row 'NO-SUCH-ROW'")


def test_a_number_must_name_a_known_table(scratch_data):
    set_cell(scratch_data, "quantities", 2, "record_table", "no_such_table")
    expect_problem(scratch_data, "quantities.csv", 2, "record_table", "unknown table")


def test_a_range_needs_its_high_end(scratch_data):
    set_cell(scratch_data, "quantities", 2, "qualifier", "range")
    expect_problem(scratch_data, "quantities.csv", 2, "value_high", "is empty but")


def test_every_range_runs_upward(tables):
    q = tables["quantities"]
    ranges = q[q["qualifier"] == "range"]
    assert len(ranges) > 0
    assert (ranges["value_high"] > ranges["value"]).all()
