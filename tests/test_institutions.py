"""The institutions: terms of office, the rotation, the forces' timeline and reader's tables,
each on a small hand-worked fixture; and bad rows in the three tables named by file, line and
column."""

from __future__ import annotations

import pandas as pd

from analysis.charts import institutions_timeline
from analysis.measures import institutions
from tests.test_data import _expect, _rows, _set_cell, _write


def _holders() -> pd.DataFrame:
    # A full term of 2020 (366 days: a leap year), an acting spell of 31 days, an open term.
    return pd.DataFrame({
        "holder_id": ["SG02", "SG01", "SG03"],
        "office": ["acting_secretary_general", "secretary_general", "secretary_general"],
        "name": ["B Acting", "A First", "C Third"],
        "state": ["RUS", "ARM", "BLR"],
        "start": pd.to_datetime(["2021-01-01", "2020-01-01", "2021-02-01"]),
        "end": pd.to_datetime(["2021-02-01", "2021-01-01", None]),
    })


def _forces() -> pd.DataFrame:
    return pd.DataFrame({
        "force_id": ["F02", "F01"],
        "name": ["Collective Rapid Reaction Forces (KSOR)", "Joint air-defence system"],
        "kind": ["rapid_reaction", "air_defence"],
        "region": ["all", "central_asia"],
        "states": ["ARM;BLR;KAZ", "KAZ;RUS"],
        "created": pd.to_datetime(["2009-02-04", "2001-05-25"]),
        "strength": pd.array([18000, None], dtype="Int64"),
        "strength_year": pd.array([2022, None], dtype="Int64"),
    })


def test_terms_are_ordered_and_an_open_term_runs_to_the_cutoff():
    spells = institutions.terms(_holders(), "2021-03-03")
    assert spells["holder_id"].tolist() == ["SG01", "SG02", "SG03"]
    # 2020 has 366 days; January 2021 has 31; 1 February to 3 March 2021 is 28 + 2 = 30 days.
    assert spells["days"].tolist() == [366, 31, 30]
    assert spells["open"].tolist() == [False, False, True]
    assert abs(spells["years"].iloc[0] - 366 / 365.25) < 1e-12


def test_secretaries_general_leave_out_acting_heads_and_count_each_person_once():
    holders = pd.concat([_holders(), _holders().iloc[[1]].assign(holder_id="SG04")])
    assert institutions.secretaries_general(holders) == ["A First", "C Third"]


def test_acting_days_add_up_every_acting_spell():
    holders = pd.concat([_holders(), pd.DataFrame({
        "holder_id": ["SG09"], "office": ["acting_secretary_general"], "name": ["B Acting"],
        "state": ["RUS"], "start": pd.to_datetime(["2019-12-01"]),
        "end": pd.to_datetime(["2019-12-11"])})])
    assert institutions.acting_days(holders, "2021-03-03") == 31 + 10


def test_rotation_follows_the_russian_alphabet_and_wraps_round():
    assert institutions.follows_rotation(["ARM", "BLR", "KAZ", "KGZ"])
    assert institutions.follows_rotation(["TJK", "ARM"])
    assert not institutions.follows_rotation(["ARM", "KAZ"])
    assert not institutions.follows_rotation(["ARM", "UZB"])
    assert institutions.follows_rotation(["KAZ"])


def test_short_labels():
    assert institutions.short_label("Collective Rapid Reaction Forces (KSOR)", "ARM;RUS") == "KSOR"
    assert institutions.short_label("Joint air-defence system", "KAZ;RUS") == "KAZ–RUS"
    assert institutions.short_label("CSTO peacekeeping forces", "ARM;BLR;KAZ") == \
        "CSTO peacekeeping forces"


def test_force_timeline_runs_in_order_of_creation():
    timeline = institutions.force_timeline(_forces())
    assert timeline["force_id"].tolist() == ["F01", "F02"]
    assert timeline["label"].tolist() == ["KAZ–RUS", "KSOR"]
    assert timeline["year"].tolist() == [2001, 2009]


def test_forces_overview_states_personnel_only_where_sourced():
    table = institutions.forces_overview(_forces())
    assert table["Personnel"].tolist() == ["", "18,000 (2022)"]
    assert table["Created"].tolist() == ["25 May 2001", "04 Feb 2009"]
    assert table["Kind"].tolist() == ["air defence", "rapid reaction"]


def test_holders_overview_shows_the_last_day_and_an_open_term():
    states = pd.DataFrame({"iso3": ["ARM", "BLR", "RUS"], "name": ["Armenia", "Belarus", "Russia"]})
    table = institutions.holders_overview(_holders(), states, "2021-03-03")
    assert table["To"].tolist() == ["31 Dec 2020", "31 Jan 2021", "in office"]
    assert table["Office"].tolist() == ["Secretary General", "acting", "Secretary General"]
    assert table["State"].tolist() == ["Armenia", "Russia", "Belarus"]


def test_organs_overview_words_the_decision_rule():
    organs = pd.DataFrame({
        "name": ["Council", "Staff"], "composition": ["Heads", "Officers"],
        "decides": ["consensus", "prepares_only"],
        "established": pd.to_datetime(["1992-05-15", "2003-04-28"]), "role": ["Decides", "Plans"]})
    table = institutions.organs_overview(organs)
    assert table["Decides"].tolist() == ["by consensus", "prepares and carries out decisions"]
    assert table["Set up"].tolist() == [1992, 2003]
    assert "| Council" in institutions.as_markdown(table)


def test_the_timeline_chart_draws_one_mark_per_term_and_per_force():
    chart = institutions_timeline(_holders(), _forces(), pd.DataFrame(), "2021-03-03")
    assert (chart.data["panel"] == "secretariat").sum() == 3
    assert chart.data.loc[chart.data["panel"] == "forces", "label"].tolist() == ["KAZ–RUS", "KSOR"]
    assert chart.data["end"].max() == pd.Timestamp("2021-03-03")


def test_an_unknown_office_is_named(scratch_data):
    _set_cell(scratch_data, "office_holders", 3, "office", "chief")
    _expect(scratch_data, "office_holders.csv", 3, "office", "is not one of")


def test_overlapping_terms_are_named(scratch_data):
    path = scratch_data / "office_holders.csv"
    rows = _rows(path)
    # Khachaturov's term (line 4) made to start inside Bordyuzha's.
    rows[3][rows[0].index("start")] = "2016-06-01"
    _write(path, rows)
    _expect(scratch_data, "office_holders.csv", 4, "start", "overlaps")


def test_an_unknown_decision_rule_is_named(scratch_data):
    _set_cell(scratch_data, "organs", 2, "decides", "majority")
    _expect(scratch_data, "organs.csv", 2, "decides", "is not one of")


def test_a_strength_without_its_year_is_named(scratch_data):
    rows = _rows(scratch_data / "forces.csv")
    line = next(i + 1 for i, r in enumerate(rows) if i and r[rows[0].index("strength")])
    _set_cell(scratch_data, "forces", line, "strength_year", "")
    _expect(scratch_data, "forces.csv", line, "strength_year", "is empty but `strength` is set")


def test_a_force_row_without_a_source_is_named(scratch_data):
    _set_cell(scratch_data, "forces", 5, "source", "")
    _expect(scratch_data, "forces.csv", 5, "source", "required")
