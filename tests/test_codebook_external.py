"""The external datasets' extracts: checked like every table, each with its origin."""

from __future__ import annotations

from analysis.data.codebook import TABLES
from tests.helpers.data_files import expect_problem, read_rows, set_cell, write_rows

EXTERNAL = ("country_codes", "un_roll_calls", "un_roll_call_votes", "un_agreement", "milex",
            "arms_transfers", "atop_alliances", "atop_members", "nmc_milper", "ucdp_conflicts")


def test_every_external_table_has_an_origin_and_no_source_column(tables):
    named = {t for cell in tables["origins"]["tables"] for t in cell.split(";")}
    for name in EXTERNAL:
        assert name in TABLES and "source" not in TABLES[name].field_names
        assert name in named, f"{name} has no origin"


def test_an_origin_names_a_source_and_a_pinned_copy(tables):
    origins = tables["origins"]
    assert origins["source"].isin(tables["sources"]["source_id"]).all()
    pinned = origins["copy_commit"].dropna()
    assert len(pinned) >= 8 and pinned.str.fullmatch(r"[0-9a-f]{40}").all()


def test_a_state_code_that_maps_to_nothing_is_named(scratch_data):
    set_cell(scratch_data, "un_roll_call_votes", 7, "state", "XKX")
    expect_problem(scratch_data, "un_roll_call_votes.csv", 7, "state", "unknown iso3 'XKX'")


def test_a_duplicate_country_year_is_named(scratch_data):
    path = scratch_data / "milex.csv"
    rows = read_rows(path)
    rows.append(list(rows[5]))
    write_rows(path, rows)
    expect_problem(scratch_data, "milex.csv", len(rows), "state|year", "duplicate key")


def test_a_share_above_one_is_out_of_range(scratch_data):
    set_cell(scratch_data, "un_agreement", 3, "agree_russia", "1.5")
    expect_problem(scratch_data, "un_agreement.csv", 3, "agree_russia",
                   "above the largest allowed")


def test_negative_spending_is_out_of_range(scratch_data):
    set_cell(scratch_data, "milex", 4, "milex_constant_2023_usd_million", "-3.0")
    expect_problem(scratch_data, "milex.csv", 4, "milex_constant_2023_usd_million",
            "below the smallest allowed")


def test_a_vote_outside_the_scale_is_named(scratch_data):
    set_cell(scratch_data, "un_roll_call_votes", 2, "vote", "absent")
    expect_problem(scratch_data, "un_roll_call_votes.csv", 2, "vote", "is not one of")


def test_a_non_state_supplier_is_allowed_but_an_unknown_one_is_not(scratch_data):
    rows = read_rows(scratch_data / "arms_transfers.csv")
    line = next(i + 1 for i, r in enumerate(rows) if r[1] == "unknown")
    assert not [p for p in _problems_of(scratch_data) if "arms_transfers" in p]
    set_cell(scratch_data, "arms_transfers", line, "supplier", "martians")
    expect_problem(scratch_data, "arms_transfers.csv", line, "supplier", "does not match")


def test_a_table_without_an_origin_stops_the_check(scratch_data):
    path = scratch_data / "origins.csv"
    rows = read_rows(path)
    column = rows[0].index("tables")
    for row in rows[1:]:
        row[column] = ";".join(t for t in row[column].split(";") if t != "milex") or "origins"
    write_rows(path, rows)
    expect_problem(scratch_data, "milex.csv", None, None, "no row of origins.csv names this table")


def test_a_malformed_line_of_a_large_table_is_named(scratch_data):
    path = scratch_data / "un_roll_call_votes.csv"
    lines = path.read_text(encoding="utf-8").split("\n")
    lines[9] = lines[9] + ",extra"
    path.write_text("\n".join(lines), encoding="utf-8")
    expect_problem(scratch_data, "un_roll_call_votes.csv", 10, None, "malformed row: 4 field(s)")


def _problems_of(directory):
    from analysis.data.validate import check_directory

    return [str(p) for p in check_directory(directory)[1]]
