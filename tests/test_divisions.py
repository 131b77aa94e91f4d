"""Divisions among the members: stance coding, acts of defiance, trajectories."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.measures import divisions
from tests.helpers.votes import (
    as_strings,
    make_events,
    make_memberships,
    make_resolutions,
    make_stances,
    make_votes,
)


@pytest.fixture
def votes() -> pd.DataFrame:
    return make_votes([
        ("R1", "RUS", "no"), ("R1", "ARM", "no"), ("R1", "KAZ", "abstain"),
        ("R2", "RUS", "no"), ("R2", "ARM", "abstain"), ("R2", "KAZ", "abstain"),
        ("R3", "RUS", "no"), ("R3", "ARM", "absent"), ("R3", "KAZ", "no"),
        ("R4", "RUS", "no"), ("R4", "ARM", "abstain"),
    ])


@pytest.fixture
def resolutions() -> pd.DataFrame:
    # Deliberately not in date order.
    return make_resolutions([("R3", "2022-04-07"), ("R1", "2014-03-27"), ("R4", "2025-02-24"),
                             ("R2", "2022-03-02")])


@pytest.fixture
def stances() -> pd.DataFrame:
    return make_stances([
        ("S001", "RUS", "recognize_crimea_annexation", "aligned", "2014-03-18"),
        ("S002", "ARM", "recognize_crimea_annexation", "aligned", "2014-03-27"),
        ("S003", "ARM", "other", "aligned", "2022-11-23"),
        ("S004", "ARM", "other", "opposed", "2024-02-22"),
        ("S005", "KAZ", "recognize_crimea_annexation", "hedging", "2014-03-27"),
        ("S006", "KAZ", "sanctions_compliance", "hedging", "2023-09-28"),
        ("S007", "KAZ", "sanctions_compliance", "opposed", "2023-09-28"),
    ])


def test_alignment_codes_aligned_hedging_opposed(stances):
    matrix = divisions.alignment_matrix(stances)
    assert matrix.loc["RUS", "recognize_crimea_annexation"] == 1
    assert matrix.loc["KAZ", "recognize_crimea_annexation"] == 0
    assert matrix.loc["ARM", "other"] == -1  # the 2024 stance replaces the 2022 one


def test_alignment_matrix_leaves_unrecorded_stances_missing(stances):
    matrix = divisions.alignment_matrix(stances)
    assert pd.isna(matrix.loc["RUS", "other"])
    assert str(matrix.dtypes.iloc[0]) == "Int64"


def test_alignment_same_day_tie_goes_to_the_later_entry(stances):
    assert divisions.alignment_matrix(stances).loc["KAZ", "sanctions_compliance"] == -1


def test_alignment_matrix_on_a_date_ignores_later_stances(stances):
    matrix = divisions.alignment_matrix(stances, on="2023-01-01")
    assert matrix.loc["ARM", "other"] == 1
    assert pd.isna(matrix.loc["KAZ", "sanctions_compliance"])


def test_alignment_issues_follow_the_codebook_order(stances):
    issues = divisions.alignment_matrix(stances).columns.tolist()
    assert issues == ["recognize_crimea_annexation", "sanctions_compliance", "other"]


@pytest.fixture
def events() -> pd.DataFrame:
    return make_events([
        ("E001", "1992-05-15", "treaty_signed", "CSTO", "ARM;KAZ;RUS"),
        ("E002", "2022-11-23", "declaration_refused", "CSTO", "ARM;BLR"),
        ("E003", "2023-11-23", "summit_boycott", "CSTO", "ARM"),
        ("E004", "2024-02-22", "freeze", "CSTO", "ARM"),
        ("E005", "2024-06-01", "summit", "CSTO", "ARM"),
        ("E006", "2020-01-01", "summit_boycott", "GUAM", "AZE"),
    ])


@pytest.fixture
def memberships() -> pd.DataFrame:
    return make_memberships([
        ("ARM", "CSTO", "member", "2003-09-18", "2024-02-22", "status_changed"),
        ("ARM", "CSTO", "frozen", "2024-02-22", None, None),
        ("UZB", "CSTO", "suspended", "2012-06-28", "2012-12-19", "withdrew"),
        ("GEO", "CIS", "withdrawing", "2008-08-18", "2009-08-18", "withdrew"),
        ("ARM", "EU", "partner", "2009-05-07", None, None),
        ("ARM", "CST", "member", "1994-04-20", "2003-09-18", "superseded"),
    ])


def test_defiance_counts_per_member_and_year(events, memberships):
    out = divisions.defiance_events(events, memberships).set_index(["state", "year"])
    assert out["total"].to_dict() == {("ARM", 2022): 1, ("ARM", 2023): 1, ("ARM", 2024): 1,
                                      ("BLR", 2022): 1, ("UZB", 2012): 1}
    assert out.loc[("ARM", 2023), "summit_boycott"] == 1
    assert out.loc[("UZB", 2012), "suspension"] == 1


def test_a_cancelled_or_shunned_exercise_counts_as_defiance(memberships):
    shunned = make_events([
        ("E010", "2022-09-27", "exercise_withdrawal", "CSTO", "ARM"),
        ("E011", "2022-10-09", "exercise_withdrawal", "CSTO", "KGZ"),
        ("E012", "2022-10-01", "decision", "CSTO", "KAZ"),
    ])
    out = divisions.defiance_events(shunned, memberships).set_index(["state", "year"])
    assert out.loc[("ARM", 2022), "exercise_withdrawal"] == 1
    assert out.loc[("KGZ", 2022), "exercise_withdrawal"] == 1
    assert ("KAZ", 2022) not in out.index


def test_defiance_does_not_count_a_freeze_twice(events, memberships):
    # E004 and the ARM "frozen" interval record the same act.
    acts = divisions.defiance_acts(events, memberships)
    freezes = acts[(acts["state"] == "ARM") & (acts["kind"] == "freeze")]
    assert freezes["record"].tolist() == ["E004"]


def test_defiance_ignores_other_organizations(events, memberships):
    acts = divisions.defiance_acts(events, memberships)
    assert not acts["state"].isin(["AZE", "GEO"]).any()


def test_trajectory_directions_by_hand(stances, votes, resolutions, events, memberships):
    path = divisions.trajectory(stances, votes, resolutions, events, memberships, "ARM")
    moves = {(d.strftime("%Y-%m-%d"), table, direction)
             for d, table, direction in zip(path["date"], path["table"], path["direction"])}
    expected = {
        ("1992-05-15", "events", 1),          # signs the treaty
        ("1994-04-20", "memberships", 1),     # CST member
        ("2009-05-07", "memberships", -1),    # EU partnership
        ("2014-03-27", "stances", 1),         # aligned on Crimea
        ("2014-03-27", "un_votes", 1),        # R1: no, as Russia
        ("2022-03-02", "un_votes", 0),        # R2: abstains
        ("2022-04-07", "un_votes", 0),        # R3: absent
        ("2022-11-23", "events", -1),         # refuses the declaration
        ("2023-11-23", "events", -1),         # boycotts the summit
        ("2024-02-22", "events", -1),         # freeze (event)
        ("2024-02-22", "memberships", -1),    # freeze (status)
        ("2024-02-22", "stances", -1),        # opposed stance
        ("2024-06-01", "events", 0),          # attends a summit: neutral
    }
    assert expected <= moves
    assert path["date"].is_monotonic_increasing


def test_trajectory_counts_a_yes_against_russias_no_as_away(resolutions):
    votes = make_votes([("R1", "RUS", "no"), ("R1", "GEO", "yes")])
    empty_stances = make_stances([])
    empty_events = make_events([])
    empty_members = make_memberships([])
    path = divisions.trajectory(empty_stances, votes, resolutions, empty_events, empty_members,
                                "GEO")
    assert path["direction"].tolist() == [-1]


def test_real_alignment_matrix_has_a_cell_for_every_state_and_issue(tables):
    stances = tables["stances"]
    matrix = divisions.alignment_matrix(stances)
    pairs = stances[["state", "issue"]].drop_duplicates()
    assert int(matrix.notna().to_numpy().sum()) == len(pairs)
    assert set(matrix.stack().dropna().unique()) <= {-1, 0, 1}


def test_real_defiance_counts_every_defiance_event(tables):
    events, memberships = tables["events"], tables["memberships"]
    acts = divisions.defiance_acts(events, memberships)
    counts = divisions.defiance_events(events, memberships)
    assert counts["total"].sum() == len(acts)
    defiant = events[events["type"].isin(divisions.DEFIANCE_KINDS)
                     & events["organization"].isin(["CST", "CSTO"])]
    assert set(defiant["event_id"]) <= set(acts["record"])


def test_real_trajectory_draws_on_all_four_tables(tables):
    path = divisions.trajectory(tables["stances"], tables["un_votes"], tables["un_resolutions"],
                                tables["events"], tables["memberships"], "ARM")
    assert set(path["table"]) == {"stances", "un_votes", "events", "memberships"}
    assert set(path["direction"]) <= {-1, 0, 1}
    assert path["date"].is_monotonic_increasing


# --- the ordinal defiance scale -----------------------------------------------------------------


def _attendance(rows: list[tuple[str, str, str, str]]) -> pd.DataFrame:
    frame = pd.DataFrame(rows, columns=["session_id", "date", "state", "attended"])
    frame["date"] = pd.to_datetime(frame["date"]).astype("datetime64[ns]")
    frame["city"] = "Moscow"
    return as_strings(frame, ["session_id", "state", "attended", "city"])


@pytest.fixture
def scale_members() -> pd.DataFrame:
    return make_memberships([
        ("ARM", "CSTO", "member", "2003-09-18", "2024-02-22", "status_changed"),
        ("ARM", "CSTO", "frozen", "2024-02-22", None, None),
        ("UZB", "CST", "member", "1994-04-20", "1999-04-20", "not_renewed"),
        ("UZB", "CSTO", "member", "2006-08-16", "2012-06-28", "status_changed"),
        ("UZB", "CSTO", "suspended", "2012-06-28", "2012-12-19", "withdrew"),
        ("KGZ", "CSTO", "member", "2003-09-18", None, None),
        ("BLR", "CSTO", "member", "2003-09-18", None, None),
    ])


def test_each_level_of_the_scale_by_its_rule(scale_members):
    events = make_events([
        ("E821", "2016-04-07", "statement", "CSTO", "ARM;RUS;AZE"),  # dissent, Armenia's alone
        ("E602", "2022-10-09", "exercise_withdrawal", "CSTO", "KGZ"),  # to host: refusing
        ("E601", "2022-09-27", "exercise_withdrawal", "CSTO", "ARM"),  # units kept away
        ("E029", "2022-11-23", "declaration_refused", "CSTO", "ARM"),
        ("E034", "2024-02-22", "freeze", "CSTO", "ARM"),
        ("E026", "2012-06-28", "suspension", "CSTO", "UZB"),  # a note announcing withdrawal
        ("E999", "2016-04-07", "statement", "CSTO", "KGZ"),  # a statement not coded as dissent
        ("E998", "2016-04-07", "summit_boycott", "EAEU", "BLR"),  # another organization
    ])
    attendance = _attendance([("CSC-2016-12-26", "2016-12-26", "BLR", "absent"),
                              ("CSC-2016-12-26", "2016-12-26", "ARM", "deputy")])
    acts = divisions.defiance_scale_acts(events, scale_members, attendance)
    levels = {(s, int(y)): int(level) for s, y, level in
              zip(acts["state"], acts["year"], acts["level"])}
    assert levels == {("ARM", 2016): 1, ("KGZ", 2022): 3, ("ARM", 2022): 3, ("ARM", 2024): 4,
                      ("UZB", 2012): 5, ("BLR", 2016): 2, ("UZB", 1999): 5}
    arm_2022 = acts[(acts["state"] == "ARM") & (acts["year"] == 2022)]
    assert sorted(arm_2022["level"].tolist()) == [2, 3]
    assert "RUS" not in set(acts["state"])  # E821 is Armenia's act, not Russia's
    # The freeze and Uzbekistan's note are recorded in both tables and counted once each.
    assert acts[acts["state"] == "ARM"]["record"].tolist().count("E034") == 1
    assert (acts["table"] == "memberships").sum() == 1  # only the 1999 non-renewal
    assert acts.loc[acts["record"] == "E602", "rule"].iloc[0].startswith("coded E602")


def test_an_absence_recorded_as_a_boycott_counts_once(scale_members):
    events = make_events([("E033", "2023-11-23", "summit_boycott", "CSTO", "ARM")])
    attendance = _attendance([("CSC-2023-11-23", "2023-11-23", "ARM", "absent")])
    acts = divisions.defiance_scale_acts(events, scale_members, attendance)
    assert acts.loc[acts["table"] != "memberships", "record"].tolist() == ["E033"]


def test_acts_outside_membership_do_not_count(scale_members):
    events = make_events([("E853", "2021-10-08", "summit_boycott", "CSTO", "UZB")])
    acts = divisions.defiance_scale_acts(events, scale_members, _attendance([]))
    assert "E853" not in set(acts["record"])  # Uzbekistan was not a member in 2021


def test_a_year_takes_its_highest_level_and_a_freeze_lasts(scale_members):
    events = make_events([
        ("E601", "2022-09-27", "exercise_withdrawal", "CSTO", "ARM"),
        ("E029", "2022-11-23", "declaration_refused", "CSTO", "ARM"),
        ("E034", "2024-02-22", "freeze", "CSTO", "ARM"),
    ])
    acts = divisions.defiance_scale_acts(events, scale_members, _attendance([]))
    levels = divisions.defiance_levels(acts, scale_members, 2026).set_index(["state", "year"])
    assert levels.at[("ARM", 2022), "level"] == 3 and levels.at[("ARM", 2022), "acts"] == 2
    assert levels.at[("ARM", 2022), "records"] == "E029"
    assert levels.at[("ARM", 2021), "level"] == 0
    assert [levels.at[("ARM", y), "level"] for y in (2024, 2025, 2026)] == [4, 4, 4]
    assert bool(levels.at[("ARM", 2025), "in_force"]) and not levels.at[("ARM", 2024),
                                                                          "in_force"]
    assert levels.at[("ARM", 2022), "name"] == "refusing"
    # Uzbekistan: a member 1994-1999 and 2006-2012, not in between.
    assert ("UZB", 2003) not in levels.index and ("UZB", 2006) in levels.index


def test_the_scale_names_six_levels():
    assert sorted(divisions.DEFIANCE_LEVELS) == [0, 1, 2, 3, 4, 5]
    coded = {**divisions.STATEMENTS_OF_DISSENT, **divisions.REFUSALS, **divisions.LEAVING}
    assert len(coded) == (len(divisions.STATEMENTS_OF_DISSENT) + len(divisions.REFUSALS)
                          + len(divisions.LEAVING))  # no event coded twice


def test_every_coded_event_exists_and_concerns_the_alliance(tables):
    events = tables["events"].set_index("event_id")
    coded = {**divisions.STATEMENTS_OF_DISSENT, **divisions.REFUSALS, **divisions.LEAVING}
    for event_id, (actors, _) in coded.items():
        assert events.at[event_id, "organization"] in ("CST", "CSTO"), event_id
        named = set(str(events.at[event_id, "states"]).split(";"))
        assert set(actors) <= named or event_id == "E019", event_id  # E019 names no state


def test_attendance_matrix_orders_sessions_and_leaves_non_members_empty():
    attendance = _attendance([("CSC-B", "2010-08-20", "ARM", "head_of_state"),
                              ("CSC-A", "2009-06-14", "BLR", "absent"),
                              ("CSC-A", "2009-06-14", "ARM", "unknown")])
    out = divisions.attendance_matrix(attendance, ["ARM", "BLR"])
    assert out.index.tolist() == ["CSC-A", "CSC-B"]
    assert out.at["CSC-A", "BLR"] == "absent" and pd.isna(out.at["CSC-B", "BLR"])
    assert out.at["CSC-A", "ARM"] == "unknown"
