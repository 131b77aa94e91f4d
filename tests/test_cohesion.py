"""The cohesion tables: attendance at the Collective Security Council, the exercises as a sample
and the officials' yearly counts of exercises. Each rule of the checks is shown to fail on a
broken copy of the data, at the file, line and column concerned, and the coverage arithmetic on
small tables whose answer is known."""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pandas as pd
import pytest

from analysis.__main__ import main
from analysis.data.codebook import TABLES
from analysis.data.coverage import exercise_sample, named_exercises, summit_coverage
from analysis.data.load import DataError, load_all


def _rows(path: Path) -> list[list[str]]:
    with path.open(newline="", encoding="utf-8") as fh:
        return list(csv.reader(fh))


def _write(path: Path, rows: list[list[str]]) -> None:
    with path.open("w", newline="", encoding="utf-8") as fh:
        csv.writer(fh, lineterminator="\n").writerows(rows)


def _lines(directory: Path, session: str, state: str | None = None) -> list[int]:
    """Lines (header = 1) of ``session``'s rows in summit_attendance.csv, or of one state's."""
    rows = _rows(directory / "summit_attendance.csv")
    head = rows[0]
    return [i + 1 for i, r in enumerate(rows) if i and r[head.index("session_id")] == session
            and (state is None or r[head.index("state")] == state)]


def _set(directory: Path, lines: list[int], **cells: str) -> None:
    path = directory / "summit_attendance.csv"
    rows = _rows(path)
    for line in lines:
        for column, value in cells.items():
            rows[line - 1][rows[0].index(column)] = value
    _write(path, rows)


def _problems(directory: Path) -> list[str]:
    with pytest.raises(DataError) as excinfo:
        load_all(directory)
    return [str(p) for p in excinfo.value.problems]


def _at(problems: list[str], line: int, column: str, words: str) -> list[str]:
    where = f"data/summit_attendance.csv, line {line}, column '{column}'"
    return [p for p in problems if p.startswith(where) and words in p]


# --- the check that a state at a session was on the Council that day --------------------------

def test_a_state_that_was_not_a_member_that_day_is_named(scratch_data):
    # Georgia left the treaty in 1999; give it Russia's row at the 2020 video session.
    line = _lines(scratch_data, "CSC-2020-12-02-video", "RUS")[0]
    _set(scratch_data, [line], state="GEO")
    problems = _problems(scratch_data)
    assert _at(problems, line, "state", "GEO was not a member or signatory of the CST or the "
                                        "CSTO on 2020-12-02")


def test_the_day_a_status_ends_counts_and_the_next_does_not(scratch_data):
    # Uzbekistan's suspension ended on 19 December 2012 at the session that ended it: its row
    # passes on that day and fails a day later.
    load_all(scratch_data)
    lines = _lines(scratch_data, "CSC-2012-12-19")
    uzbekistan = _lines(scratch_data, "CSC-2012-12-19", "UZB")[0]
    _set(scratch_data, lines, date="2012-12-20")
    problems = _problems(scratch_data)
    assert _at(problems, uzbekistan, "state", "UZB was not a member")
    assert [p for p in problems if "was not a member" in p] == _at(problems, uzbekistan, "state",
                                                                   "UZB")


def test_a_session_known_to_the_month_needs_membership_on_some_day_of_it(scratch_data):
    # Azerbaijan, Georgia and Uzbekistan were treaty members until 20 April 1999.
    lines = _lines(scratch_data, "CSC-1999-04-02")
    _set(scratch_data, lines, date="1999-04-01", date_precision="month")
    load_all(scratch_data)  # April 1999: every row passes
    _set(scratch_data, lines, date="1999-05-01")
    problems = _problems(scratch_data)
    gone = {state: _lines(scratch_data, "CSC-1999-04-02", state)[0]
            for state in ("AZE", "GEO", "UZB")}
    for state, line in gone.items():
        assert _at(problems, line, "state", f"{state} was not a member")
    assert len([p for p in problems if "was not a member" in p]) == 3


def test_a_member_without_a_row_is_named_at_the_session(scratch_data):
    path = scratch_data / "summit_attendance.csv"
    rows = _rows(path)
    line = _lines(scratch_data, "CSC-2019-11-28", "TJK")[0]
    del rows[line - 1]
    _write(path, rows)
    first = _lines(scratch_data, "CSC-2019-11-28")[0]
    problems = _problems(scratch_data)
    assert _at(problems, first, "state", "session 'CSC-2019-11-28' has no row for TJK")


def test_rows_of_one_session_agree_on_its_date_city_and_chair(scratch_data):
    lines = _lines(scratch_data, "CSC-2016-10-14")
    _set(scratch_data, [lines[2]], city="Minsk")
    _set(scratch_data, [lines[3]], chair_state="")
    problems = _problems(scratch_data)
    assert _at(problems, lines[2], "city", "'Minsk' differs from the first row of session "
                                           "'CSC-2016-10-14' ('Yerevan')")
    assert _at(problems, lines[3], "chair_state", "empty differs from the first row")


# --- the table's own rules -------------------------------------------------------------------

def test_attendance_is_on_the_scale(scratch_data):
    line = _lines(scratch_data, "CSC-2019-11-28", "ARM")[0]
    _set(scratch_data, [line], attended="present")
    assert _at(_problems(scratch_data), line, "attended", "is not one of")


def test_a_deputy_is_named(scratch_data):
    line = _lines(scratch_data, "CSC-2016-10-14", "KAZ")[0]
    _set(scratch_data, [line], represented_by="")
    assert _at(_problems(scratch_data), line, "represented_by",
               "`represented_by` is empty but `attended` is deputy")


def test_the_chair_is_a_known_state(scratch_data):
    lines = _lines(scratch_data, "CSC-2019-11-28")
    _set(scratch_data, lines, chair_state="XYZ")
    assert _at(_problems(scratch_data), lines[0], "chair_state", "unknown iso3 'XYZ'")


def test_a_session_key_carries_its_date(scratch_data):
    lines = _lines(scratch_data, "CSC-2019-11-28")
    _set(scratch_data, lines, session_id="Bishkek-2019")
    assert _at(_problems(scratch_data), lines[0], "session_id", "does not match")


def test_every_unknown_row_says_so_and_every_known_row_has_a_source(tables):
    att = tables["summit_attendance"]
    assert att["source"].notna().all()
    unknown = att[att["attended"] == "unknown"]
    assert unknown["represented_by"].isna().all()
    assert unknown["note"].notna().all()


# --- coverage ----------------------------------------------------------------------------------

def test_summit_coverage_counts_sessions_rows_and_years():
    toy = pd.DataFrame({
        "session_id": ["S1", "S1", "S2", "S2", "S3"],
        "date": ["1999-04-02", "1999-04-02", "2001-05-25", "2001-05-25", "2004-06-18"],
        "attended": ["head_of_state", "unknown", "absent", "head_of_state", "unknown"],
    })
    c = summit_coverage(toy)
    assert (c["sessions"], c["rows"], c["known"]) == (3, 5, 3)
    assert c["share_known"] == pytest.approx(0.6)
    assert (c["first"], c["last"], c["years"], c["span"]) == (1999, 2004, 3, 6)
    assert c["by_value"] == {"head_of_state": 2, "absent": 1, "unknown": 2}
    assert list(c["by_value"]) == ["head_of_state", "absent", "unknown"]  # the scale's order


@pytest.mark.parametrize("name, n", [
    ("Rubezh-2010", 1),
    ("Interaction/Search/Echelon-2024", 3),
    ("Combat Brotherhood-2021 (Interaction/Search/Echelon-2021)", 3),
    ("Combat Brotherhood-2023 (Interaction/Search/Echelon/Barrier-2023)", 4),
    ("Tsentr-2011 (Center-2011)", 1),
    ("Indestructible Brotherhood-2023 (planned in Armenia; hosting cancelled, "
     "moved to Kyrgyzstan)", 1),
])
def test_a_row_stands_for_the_exercises_its_name_lists(name, n):
    assert named_exercises(name) == n


def test_exercise_sample_arithmetic():
    exercises = pd.DataFrame({
        "name": ["A-2009", "B/C-2018", "D-2019 (cancelled by host)", "E-2020", "F-2020"],
        "start": pd.to_datetime(["2009-05-01", "2018-05-01", "2019-05-01", "2020-05-01",
                                 "2020-06-01"]),
    })
    counts = pd.DataFrame({
        "year": [2018, 2019, 2022, 2020],
        "counted": ["exercises", "exercises", "exercises", "training_activities"],
        "scope": ["all", "all", "part", "all"],
        "count": [4, 6, 1, 50],
    })
    x = exercise_sample(exercises, counts)
    # 2018 to the last held year, 2020: three years at 4-6 a year, 12-18 exercises; held rows
    # in those years B/C, E, F stand for four named exercises; the cancelled D is left out.
    assert (x["first"], x["last"], x["years"], x["low"], x["high"]) == (2018, 2020, 3, 4, 6)
    assert (x["expected_low"], x["expected_high"]) == (12, 18)
    assert (x["held_rows"], x["held_named"]) == (3, 4)
    assert x["share"] == pytest.approx(4 / 15)
    assert x["stated_years"] == [2018, 2019]


def test_check_prints_both_coverage_lines(capsys):
    assert main(["check"]) == 0
    out = capsys.readouterr().out
    summit = re.search(r"coverage: summit_attendance: (\d+) sessions .* in (\d+) of the (\d+) "
                       r"years (\d{4})-(\d{4}); (\d+) state-rows, (\d+) known \((\d+)%\)", out)
    assert summit, out
    assert re.search(r"coverage: exercises: a sample\. For 2018-\d{4} it holds \d+ named "
                     r"exercises .* officials state \d+-\d+ a year .* roughly \d+-\d+ over \d+ "
                     r"years", out), out


def test_the_exercises_description_states_the_officials_range(tables):
    counts = tables["exercise_counts"]
    stated = counts[(counts["counted"] == "exercises") & (counts["scope"] == "all")]
    low, high = int(stated["count"].min()), int(stated["count"].max())
    first, last = int(stated["year"].min()), int(stated["year"].max())
    description = TABLES["exercises"].description
    assert f"{low} to {high} named exercises a year for {first}-{last}" in description
