"""Data integrity: the real tables pass, and each kind of bad input is named precisely."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.data.codebook import TABLES
from analysis.data.paths import ROOT
from analysis.data.validate import check_directory
from tests.helpers.data_files import expect_problem, read_rows, set_cell, write_rows


def test_real_data_passes_the_check():
    raws, problems = check_directory(ROOT / "data")
    assert problems == []
    assert set(raws) == set(TABLES)


def test_check_command_exits_zero_on_real_data(check_report):
    assert check_report.status == 0, check_report.stderr
    assert check_report.stdout.startswith("ok:")


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


def test_an_empty_key_cell_in_a_table_a_discrepancy_names_is_reported_not_a_crash(scratch_data):
    # The checks across tables still run when a table has an empty key cell; the row that has
    # one has no id, and the table's own check names the cell.
    set_cell(scratch_data, "capabilities", 3, "year", "")
    expect_problem(scratch_data, "capabilities.csv", 3, "year", "a value is required")


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


# --- the crisis universe, requests and their responders (issue 22) ------------------------------

def _line_where(directory: Path, table: str, column: str, value: str) -> int:
    """The line (header = 1) of the first row whose ``column`` equals ``value``."""
    rows = read_rows(directory / f"{table}.csv")
    col = rows[0].index(column)
    return next(i + 1 for i, r in enumerate(rows) if i and r[col] == value)


def _dropread_rows(directory: Path, table: str, keep) -> None:
    path = directory / f"{table}.csv"
    rows = read_rows(path)
    write_rows(path, [rows[0]] + [r for r in rows[1:] if keep(dict(zip(rows[0], r)))])


def test_an_included_crisis_without_a_request_row(scratch_data):
    line = _line_where(scratch_data, "crisis_candidates", "decision", "include")
    set_cell(scratch_data, "crisis_candidates", line, "request_id", "")
    expect_problem(scratch_data, "crisis_candidates.csv", line, "request_id",
            "`request_id` is empty but `decision` is include")


def test_a_request_outside_the_universe_without_a_request_row(scratch_data):
    line = _line_where(scratch_data, "crisis_candidates", "decision",
                       "request_outside_universe")
    set_cell(scratch_data, "crisis_candidates", line, "request_id", "")
    expect_problem(scratch_data, "crisis_candidates.csv", line, "request_id",
            "`decision` is request_outside_universe")


def test_a_candidate_without_a_reason(scratch_data):
    set_cell(scratch_data, "crisis_candidates", 4, "reason", "")
    expect_problem(scratch_data, "crisis_candidates.csv", 4, "reason", "a value is required")


def test_a_candidate_whose_request_does_not_exist(scratch_data):
    line = _line_where(scratch_data, "crisis_candidates", "decision", "include")
    set_cell(scratch_data, "crisis_candidates", line, "request_id", "CSTO-1999-XYZ")
    expect_problem(scratch_data, "crisis_candidates.csv", line, "request_id",
            "unknown request_id 'CSTO-1999-XYZ' (not in requests)")


def test_a_candidate_whose_second_request_does_not_exist(scratch_data):
    line = _line_where(scratch_data, "crisis_candidates", "request_id",
                       "NATO-A4-2012-TUR-2;NATO-AD-2012-TUR")
    set_cell(scratch_data, "crisis_candidates", line, "request_id",
             "NATO-A4-2012-TUR-2;NATO-XX")
    expect_problem(scratch_data, "crisis_candidates.csv", line, "request_id",
                   "unknown request_id 'NATO-XX'")


def test_a_request_without_a_response_row_of_the_alliance(scratch_data):
    _dropread_rows(scratch_data, "responses",
               lambda r: not (r["request_id"] == "CSTO-2022-KAZ" and r["responder"] == "alliance"))
    line = _line_where(scratch_data, "requests", "request_id", "CSTO-2022-KAZ")
    expect_problem(scratch_data, "requests.csv", line, "request_id",
            "request 'CSTO-2022-KAZ' has no response row of the alliance")


def test_a_request_without_a_response_row_of_the_patron(scratch_data):
    _dropread_rows(scratch_data, "responses",
               lambda r: not (r["request_id"] == "CSTO-2022-KAZ" and r["responder"] == "patron"))
    line = _line_where(scratch_data, "requests", "request_id", "CSTO-2022-KAZ")
    expect_problem(scratch_data, "requests.csv", line, "request_id",
            "request 'CSTO-2022-KAZ' has no response row of the patron")


def test_a_crisis_of_the_patron_needs_no_patron_row_and_may_not_have_one(scratch_data):
    # Russia's own crisis (Kursk 2024) has only the alliance's row, and that passes ...
    raws, problems = check_directory(scratch_data)
    assert problems == []
    kursk = raws["responses"].frame
    assert set(kursk.loc[kursk["request_id"] == "CSTO-2024-RUS", "responder"]) == {"alliance"}
    # ... but a patron row on it fails, where it is written.
    line = _line_where(scratch_data, "responses", "request_id", "CSTO-2024-RUS")
    set_cell(scratch_data, "responses", line, "responder", "patron")
    expect_problem(scratch_data, "responses.csv", line, "responder",
                   "a crisis of the patron (RUS) itself")


def test_a_responder_outside_the_vocabulary(scratch_data):
    set_cell(scratch_data, "responses", 2, "responder", "Russia")
    expect_problem(scratch_data, "responses.csv", 2, "responder", "is not one of")


def test_a_request_no_candidate_names(scratch_data):
    line = _line_where(scratch_data, "crisis_candidates", "request_id", "CSTO-2022-KAZ")
    set_cell(scratch_data, "crisis_candidates", line, "request_id", "CSTO-2022-ARM")
    req_line = _line_where(scratch_data, "requests", "request_id", "CSTO-2022-KAZ")
    expect_problem(scratch_data, "requests.csv", req_line, "request_id",
            "request 'CSTO-2022-KAZ' is named by no row of crisis_candidates")


def test_addressed_to_must_fit_request_made(scratch_data):
    line = _line_where(scratch_data, "requests", "request_id", "CSTO-2022-KAZ")
    set_cell(scratch_data, "requests", line, "addressed_to", "none")
    expect_problem(scratch_data, "requests.csv", line, "addressed_to",
                   "does not fit request_made 'yes'")


def test_an_ask_to_the_patron_needs_its_level(scratch_data):
    line = _line_where(scratch_data, "requests", "request_id", "CSTO-2010-KGZ")
    set_cell(scratch_data, "requests", line, "patron_asked_level", "")
    expect_problem(scratch_data, "requests.csv", line, "patron_asked_level",
                   "`addressed_to` is patron")


def test_only_the_patron_may_answer_before_the_request(scratch_data):
    # CSTO-1993-TJK-R4 is Russia's deployment of July 1993, before the CIS decision the request
    # is dated by: allowed for the patron (the data passes) ...
    line = _line_where(scratch_data, "responses", "response_id", "CSTO-1993-TJK-R4")
    rows = read_rows(scratch_data / "responses.csv")
    assert rows[line - 1][rows[0].index("responder")] == "patron"
    # ... but the same row as the alliance's fails.
    set_cell(scratch_data, "responses", line, "responder", "alliance")
    expect_problem(scratch_data, "responses.csv", line, "date", "before its request")


def test_every_candidate_with_a_request_row_is_in_the_universe_or_asked(tables):
    cand = tables["crisis_candidates"]
    with_request = cand[cand["request_id"].notna()]
    assert set(with_request["decision"]) <= {"include", "request_outside_universe"}
    named = {r for cell in with_request["request_id"] for r in cell.split(";")}
    assert named == set(tables["requests"]["request_id"])


def test_checked_tables_are_kept_across_loads_until_a_byte_changes(scratch_data, tmp_path,
                                                                    monkeypatch):
    from analysis.data import load, validate

    kept = tmp_path / "checked"
    first = load.load_all(scratch_data, checked=kept)
    assert len(list(kept.glob("*.pickle"))) == 1

    def no_check(folder):
        raise AssertionError("checked again although nothing changed")

    monkeypatch.setattr(validate, "check_directory", no_check)
    again = load.load_all(scratch_data, checked=kept)  # another process would find the same
    assert set(again) == set(first)
    assert all(again[n].equals(first[n]) for n in first)
    assert again["memberships"] is not first["memberships"]  # each caller its own tables
    monkeypatch.undo()
    validate.forget_checked()
    set_cell(scratch_data, "memberships", 5, "start", "1994-02-30")
    try:
        load.load_all(scratch_data, checked=kept)
    except load.DataError as error:
        assert "data/memberships.csv, line 5" in str(error)
    else:
        raise AssertionError("bad data loaded from the tables of an earlier check")
    assert len(list(kept.glob("*.pickle"))) == 1  # a failed check keeps nothing


def test_a_scratch_copy_is_never_kept_beside_the_books_data(scratch_data, tmp_path, monkeypatch):
    from analysis.data import load

    kept = tmp_path / "book-checked"
    monkeypatch.setattr(load, "CHECKED_TABLES", kept)
    load.load_all(scratch_data)
    assert not kept.exists()
    load.load_all()  # the book's own data: kept
    assert len(list(kept.glob("*.pickle"))) == 1
    assert load.state_of(scratch_data) == load.state_of(load.data_dir())  # same bytes
    set_cell(scratch_data, "memberships", 5, "start", "1901-01-01")
    assert load.state_of(scratch_data) != load.state_of(load.data_dir())


@settings(max_examples=80, deadline=None)
@given(st.one_of(*[st.lists(st.lists(st.sampled_from(["", "a", "RUS", "2020-01-01", "x y"]),
                                     min_size=low, max_size=high), max_size=12)
                   for low, high in ((3, 3), (1, 4))]),
       st.booleans())
def test_the_c_parser_reads_a_plain_file_as_the_line_reader_does(rows, trailing_newline):
    # Rows of any width (some malformed), empty cells, blank lines: the fast path gives the same
    # frame, line numbers and problems as reading line by line, or leaves the file to it.
    import pytest

    from analysis.data import read
    from analysis.data.codebook.fields import Field, Table

    small = Table("x", "X", "three columns", tuple(Field(n, "text", n) for n in "abc"), ("a",))
    text = "a,b,c\n" + "\n".join(",".join(row) for row in rows)
    text += "\n" if trailing_newline else ""
    fast = read.read_raw(small, Path("data/x.csv"), text)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(read, "_read_plain", lambda *args: None)
        slow = read.read_raw(small, Path("data/x.csv"), text)
    assert fast[1] == slow[1]
    assert (fast[0] is None) == (slow[0] is None)
    if fast[0] is not None:
        assert fast[0].frame.equals(slow[0].frame) and fast[0].lines == slow[0].lines


def _pandas_partial_date(value: str) -> bool:
    """The rule as pandas states it: the value parses as a year, month or day it can hold."""
    import pandas as pd

    fmt = {4: "%Y", 7: "%Y-%m", 10: "%Y-%m-%d"}.get(len(value))
    try:
        pd.to_datetime(value, format=fmt)
    except (ValueError, TypeError):
        return False
    return fmt is not None


@settings(max_examples=300, deadline=None)
@given(st.from_regex(r"\A[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?\Z")
       | st.builds(lambda y, m, d: f"{y:04d}-{m:02d}-{d:02d}", st.integers(0, 9999),
                   st.integers(0, 13), st.integers(0, 32)))
def test_a_partial_date_is_real_exactly_when_pandas_can_hold_it(value):
    # The check works the calendar out from the digits (and remembers each value); it must agree
    # with pandas on every well-formed cell: month 13, 30 February and 29 February of 1900 fail,
    # 29 February of 2000 and year 0 pass, as they did when pandas parsed each one.
    from analysis.data.validate import _real_partial_date

    assert _real_partial_date(value) == _pandas_partial_date(value)


def test_a_partial_date_in_other_digits_is_not_real():
    # The codebook's pattern (\d) lets other scripts' digits through; pandas read some of them
    # and not others. The check takes ASCII digits only.
    from analysis.data.validate import _real_partial_date

    assert _real_partial_date("2020-01-01") and _real_partial_date("0000")
    assert not _real_partial_date("202\u0661") and not _real_partial_date("2020-0\u0ae6")
    assert not _real_partial_date("2020-02-30") and not _real_partial_date("1900-02-29")
