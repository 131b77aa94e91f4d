"""Divisions among the members: stance coding, acts of defiance, trajectories."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.measures import divisions
from tests.helpers.votes import (
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
