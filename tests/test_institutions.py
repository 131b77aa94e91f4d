"""The institutions: terms of office, the rotation, the forces' timeline and reader's tables."""

from __future__ import annotations

import pandas as pd

from analysis.measures import institutions
from tests.helpers.institutions import forces_table, holder_rows


def test_terms_are_ordered_and_an_open_term_runs_to_the_cutoff():
    spells = institutions.terms(holder_rows(), "2021-03-03")
    assert spells["holder_id"].tolist() == ["SG01", "SG02", "SG03"]
    # 2020 has 366 days; January 2021 has 31; 1 February to 3 March 2021 is 28 + 2 = 30 days.
    assert spells["days"].tolist() == [366, 31, 30]
    assert spells["open"].tolist() == [False, False, True]
    assert abs(spells["years"].iloc[0] - 366 / 365.25) < 1e-12


def test_secretaries_general_leave_out_acting_heads_and_count_each_person_once():
    holders = pd.concat([holder_rows(), holder_rows().iloc[[1]].assign(holder_id="SG04")])
    assert institutions.secretaries_general(holders) == ["A First", "C Third"]


def test_acting_days_add_up_every_acting_spell():
    holders = pd.concat([holder_rows(), pd.DataFrame({
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
    timeline = institutions.force_timeline(forces_table())
    assert timeline["force_id"].tolist() == ["F01", "F02"]
    assert timeline["label"].tolist() == ["KAZ–RUS", "KSOR"]
    assert timeline["year"].tolist() == [2001, 2009]


def test_forces_overview_states_personnel_only_where_sourced():
    table = institutions.forces_overview(forces_table())
    assert table["Personnel"].tolist() == ["", "18,000 (2022)"]
    assert table["Created"].tolist() == ["25 May 2001", "04 Feb 2009"]
    assert table["Kind"].tolist() == ["air defence", "rapid reaction"]


def test_holders_overview_shows_the_last_day_and_an_open_term():
    states = pd.DataFrame({"iso3": ["ARM", "BLR", "RUS"],
                           "name": ["Armenia", "Belarus", "Russia"]})
    table = institutions.holders_overview(holder_rows(), states, "2021-03-03")
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
