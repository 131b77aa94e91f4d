"""Data integrity: the real tables pass, and each kind of bad input is named precisely."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from analysis.data.codebook import TABLES
from analysis.data.paths import ROOT
from analysis.data.validate import check_directory
from tests.helpers.data_files import expect_problem, read_rows, set_cell, write_rows


def test_real_data_passes_the_check():
    raws, problems = check_directory(ROOT / "data")
    assert problems == []
    assert set(raws) == set(TABLES)


def test_check_command_exits_zero_on_real_data():
    result = subprocess.run([sys.executable, "-m", "analysis", "check"], capture_output=True,
                            text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("ok:")


def test_every_row_cites_a_source(tables):
    for name, frame in tables.items():
        if "source" in frame:
            assert frame["source"].notna().all(), name


def test_bad_date(scratch_data):
    set_cell(scratch_data, "memberships", 5, "start", "1994-02-30")
    expect_problem(scratch_data, "memberships.csv", 5, "start", "not a real calendar date")


def test_badly_formatted_date(scratch_data):
    set_cell(scratch_data, "events", 3, "date", "12/05/1992")
    expect_problem(scratch_data, "events.csv", 3, "date", "does not match")


def test_unknown_state(scratch_data):
    set_cell(scratch_data, "un_votes", 4, "state", "XYZ")
    expect_problem(scratch_data, "un_votes.csv", 4, "state", "unknown iso3 'XYZ'")


def test_unknown_state_inside_a_list(scratch_data):
    set_cell(scratch_data, "exercises", 2, "participants", "RUS;QQQ")
    expect_problem(scratch_data, "exercises.csv", 2, "participants", "unknown iso3 'QQQ'")


def test_unknown_source(scratch_data):
    set_cell(scratch_data, "requests", 6, "source", "no-such-source")
    expect_problem(scratch_data, "requests.csv", 6, "source", "unknown source_id 'no-such-source'")


def test_missing_source(scratch_data):
    set_cell(scratch_data, "bases", 3, "source", "")
    expect_problem(scratch_data, "bases.csv", 3, "source", "required")


def test_end_before_start(scratch_data):
    rows = read_rows(scratch_data / "memberships.csv")
    line = next(i + 1 for i, r in enumerate(rows) if i and r[rows[0].index("end")])
    start = rows[line - 1][rows[0].index("start")]
    set_cell(scratch_data, "memberships", line, "end", f"{int(start[:4]) - 1}{start[4:]}")
    expect_problem(scratch_data, "memberships.csv", line, "end", "`end` is before `start`")


def test_duplicate_key(scratch_data):
    path = scratch_data / "requests.csv"
    rows = read_rows(path)
    rows.append(list(rows[3]))
    write_rows(path, rows)
    expect_problem(scratch_data, "requests.csv", len(rows), "request_id", "duplicate")


def test_duplicate_composite_key(scratch_data):
    path = scratch_data / "un_votes.csv"
    rows = read_rows(path)
    rows.append(list(rows[1]))
    write_rows(path, rows)
    expect_problem(scratch_data, "un_votes.csv", len(rows), "resolution|state", "duplicate key")


def test_overlapping_interval(scratch_data):
    path = scratch_data / "memberships.csv"
    rows = read_rows(path)
    header = rows[0]
    # A second CSTO membership for Russia that starts inside its open interval.
    extra = dict.fromkeys(header, "")
    extra.update(state="RUS", organization="CSTO", status="member", start="2010-01-01",
                 start_precision="day", source=rows[1][header.index("source")])
    rows.append([extra[c] for c in header])
    write_rows(path, rows)
    expect_problem(scratch_data, "memberships.csv", len(rows), "start", "overlaps")


def test_bad_category(scratch_data):
    set_cell(scratch_data, "responses", 2, "level", "sympathy")
    expect_problem(scratch_data, "responses.csv", 2, "level", "is not one of")


def test_conditional_requirement(scratch_data):
    rows = read_rows(scratch_data / "requests.csv")
    header = rows[0]
    line = next(i + 1 for i,
                r in enumerate(rows) if i and r[header.index("request_made")] == "yes")
    set_cell(scratch_data, "requests", line, "ask", "")
    expect_problem(scratch_data, "requests.csv", line, "ask", "`request_made` is yes")


def test_response_before_its_request(scratch_data):
    set_cell(scratch_data, "responses", 2, "date", "1900-01-01")
    set_cell(scratch_data, "responses", 2, "date_precision", "day")
    expect_problem(scratch_data, "responses.csv", 2, "date", "before its request")


def test_missing_file(scratch_data):
    (scratch_data / "stances.csv").unlink()
    expect_problem(scratch_data, "stances.csv", None, None, "file is missing")


def test_malformed_csv_row(scratch_data):
    path = scratch_data / "exercises.csv"
    with path.open("a", encoding="utf-8") as fh:
        fh.write("X999,too,few,fields\n")
    line = len(read_rows(path))
    expect_problem(scratch_data, "exercises.csv", line, None, "malformed row")


def test_bad_header(scratch_data):
    path = scratch_data / "bases.csv"
    rows = read_rows(path)
    rows[0][rows[0].index("kind")] = "type"
    write_rows(path, rows)
    expect_problem(scratch_data, "bases.csv", 1, None, "missing column(s) ['kind']")


def test_discrepancy_must_name_an_existing_row(scratch_data):
    set_cell(scratch_data, "discrepancies", 2, "record_id", "NO-SUCH-ROW")
    expect_problem(scratch_data, "discrepancies.csv", 2, "record_id", "no row 'NO-SUCH-ROW'")


def test_check_command_fails_and_names_the_cell(scratch_data):
    set_cell(scratch_data, "stances", 3, "alignment", "friendly")
    result = subprocess.run(
        [sys.executable, "-m", "analysis", "check", "--data-dir", str(scratch_data)],
        capture_output=True, text=True,
    )
    assert result.returncode == 1
    assert "data/stances.csv, line 3, column 'alignment'" in result.stderr


def test_nothing_is_dropped(tables):
    """Every data line of every file becomes exactly one row."""
    for name, frame in tables.items():
        path = Path(frame.attrs["source_file"])
        assert len(frame) == len(read_rows(path)) - 1, name


def test_a_source_address_is_recorded_once(scratch_data):
    rows = read_rows(scratch_data / "sources.csv")
    url = rows[0].index("url")
    line = next(i + 1 for i, r in enumerate(rows) if i > 2 and r[url])
    set_cell(scratch_data, "sources", line, "url", rows[2][url])
    expect_problem(scratch_data, "sources.csv", line, "url", "repeats the value of an earlier row")


def test_every_source_is_cited_by_some_row(tables):
    cited = set()
    for name, frame in tables.items():
        # every column that cites sources: `source`, and an origin's `verified_by`
        for f in TABLES[name].fields:
            if f.kind == "sources" and name != "sources":
                for value in frame[f.name].dropna():
                    cited.update(value.split(";"))
    # and the chapters' citations: a source a chapter cites in its prose is cited too
    for chapter in (ROOT / "book").glob("*.md"):
        for keys in re.findall(r"\{cite:[a-z]+\}`([^`]+)`", chapter.read_text(encoding="utf-8")):
            cited.update(key.strip() for key in keys.split(","))
    orphans = sorted(set(tables["sources"]["source_id"]) - cited)
    assert not orphans, f"sources no row or chapter cites: {orphans}"


def test_an_unchanged_file_is_not_checked_twice_and_a_changed_one_is(scratch_data, monkeypatch):
    from analysis.data import validate

    checked = []
    real = validate.validate_table
    monkeypatch.setattr(validate, "validate_table",
                        lambda raw: checked.append(raw.table.name) or real(raw))
    validate.forget_checked()
    raws, problems = check_directory(scratch_data)
    assert sorted(checked) == sorted(TABLES) and problems == []
    checked.clear()
    again, problems = check_directory(scratch_data)
    assert checked == [] and problems == []  # nothing read or checked again ...
    assert all(again[n].frame.equals(raws[n].frame) for n in TABLES)  # ... and the same tables
    set_cell(scratch_data, "memberships", 5, "start", "1994-02-30")
    _, problems = check_directory(scratch_data)
    assert checked == ["memberships"]  # only the changed file is checked again
    assert ("data/memberships.csv", 5, "start") in [(p.file, p.line, p.column) for p in problems]
    set_cell(scratch_data, "memberships", 5, "state", "XYZ")  # fails only across tables
    _, problems = check_directory(scratch_data)
    assert any("unknown iso3 'XYZ'" in str(p) for p in problems)


def test_a_caller_changing_a_table_does_not_change_what_the_next_caller_gets(scratch_data):
    first, _ = check_directory(scratch_data)
    first["memberships"].frame.iloc[0, 0] = "changed"
    second, _ = check_directory(scratch_data)
    assert second["memberships"].frame.iloc[0, 0] != "changed"
