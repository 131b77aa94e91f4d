"""Divisions among the members: vote agreement, cohesion, stance coding, defiance, trajectories.

Hand-worked fixture used throughout (RUS, ARM, KAZ x four resolutions; ``-`` = no row):

    resolution  date        RUS  ARM      KAZ
    R1          2014-03-27  no   no       abstain
    R2          2022-03-02  no   abstain  abstain
    R3          2022-04-07  no   absent   no
    R4          2025-02-24  no   abstain  -
"""

from __future__ import annotations

import math

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from analysis.measures import divisions
from analysis.measures import votes as vote_measures
from analysis.charts import Chart
from analysis.charts.divisions import (
    agreement_with_russia_lines,
    alignment_grid,
    defiance_chart,
    vote_heatmap,
)
from analysis.data.codebook.vocabulary import VOTES
from analysis.charts.style import use_house_style

CSTO = ["RUS", "BLR", "ARM", "KAZ", "KGZ", "TJK", "UZB"]


# --- fixtures: same columns and dtypes as the loaded tables -------------------------------------


def _strings(frame: pd.DataFrame, columns: list[str]) -> pd.DataFrame:
    return frame.astype({c: "string" for c in columns})


def make_votes(rows: list[tuple[str, str, str]]) -> pd.DataFrame:
    frame = pd.DataFrame(rows, columns=["resolution", "state", "vote"])
    frame["source"] = "src"
    return _strings(frame, ["resolution", "state", "vote", "source"])


def make_resolutions(rows: list[tuple[str, str]]) -> pd.DataFrame:
    frame = pd.DataFrame(rows, columns=["resolution", "date"])
    frame["date"] = pd.to_datetime(frame["date"]).astype("datetime64[ns]")
    frame["title"] = [f"Title of {r}" for r in frame["resolution"]]
    frame["topic"] = "other"
    for col in ("yes", "no", "abstain", "non_voting"):
        frame[col] = pd.array([1] * len(frame), dtype="Int64")
    frame["source"] = "src"
    return _strings(frame, ["resolution", "title", "topic", "source"])


def make_stances(rows: list[tuple[str, str, str, str, str]]) -> pd.DataFrame:
    frame = pd.DataFrame(rows, columns=["stance_id", "state", "issue", "alignment", "date"])
    frame["date"] = pd.to_datetime(frame["date"]).astype("datetime64[ns]")
    frame["position"] = "a position"
    frame["date_precision"] = "day"
    frame["note"] = pd.NA
    frame["source"] = "src"
    frame = frame[["stance_id", "state", "issue", "position", "alignment", "date",
                   "date_precision", "note", "source"]]
    return _strings(frame, ["stance_id", "state", "issue", "position", "alignment",
                            "date_precision", "note", "source"])


def make_events(rows: list[tuple[str, str, str, str, str | None]]) -> pd.DataFrame:
    frame = pd.DataFrame(rows, columns=["event_id", "date", "type", "organization", "states"])
    frame["date"] = pd.to_datetime(frame["date"]).astype("datetime64[ns]")
    frame["date_precision"] = "day"
    frame["description"] = [f"event {e}" for e in frame["event_id"]]
    frame["source"] = "src"
    frame = frame[["event_id", "date", "date_precision", "type", "organization", "states",
                   "description", "source"]]
    return _strings(frame, ["event_id", "date_precision", "type", "organization", "states",
                            "description", "source"])


def make_memberships(rows: list[tuple[str, str, str, str, str | None, str | None]]) -> pd.DataFrame:
    frame = pd.DataFrame(rows, columns=["state", "organization", "status", "start", "end",
                                        "end_reason"])
    frame["start"] = pd.to_datetime(frame["start"]).astype("datetime64[ns]")
    frame["end"] = pd.to_datetime(frame["end"]).astype("datetime64[ns]")
    frame["start_precision"] = "day"
    frame["end_precision"] = frame["end"].map(lambda d: pd.NA if pd.isna(d) else "day")
    frame["note"] = pd.NA
    frame["source"] = "src"
    frame = frame[["state", "organization", "status", "start", "start_precision", "end",
                   "end_precision", "end_reason", "note", "source"]]
    return _strings(frame, ["state", "organization", "status", "start_precision",
                            "end_precision", "end_reason", "note", "source"])


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


@pytest.fixture(autouse=True)
def _close_figures():
    use_house_style()
    yield
    plt.close("all")


# --- vote_matrix --------------------------------------------------------------------------------


def test_vote_matrix_leaves_unrecorded_votes_missing(votes):
    matrix = vote_measures.vote_matrix(votes, ["RUS", "ARM", "KAZ"])
    assert matrix.loc["R4", "ARM"] == "abstain"
    assert pd.isna(matrix.loc["R4", "KAZ"])
    assert matrix.loc["R3", "ARM"] == "absent"


def test_vote_matrix_keeps_requested_states_even_without_votes(votes):
    matrix = vote_measures.vote_matrix(votes, ["KAZ", "UZB", "RUS"])
    assert matrix.columns.tolist() == ["KAZ", "UZB", "RUS"]
    assert matrix["UZB"].isna().all()


def test_vote_matrix_orders_rows_by_date_with_a_resolutions_table(votes, resolutions):
    matrix = vote_measures.vote_matrix(votes, ["RUS"], resolutions)
    assert matrix.index.names == ["resolution", "date", "title"]
    assert matrix.index.get_level_values("resolution").tolist() == ["R1", "R2", "R3", "R4"]


# --- pairwise agreement -------------------------------------------------------------------------


def test_pairwise_agreement_by_hand(votes):
    # RUS-ARM: 4 shared, same on R1 only; RUS-KAZ: 3 shared (R1-R3), same on R3;
    # ARM-KAZ: 3 shared, same on R2 (abstain); R3 absent vs no differs.
    agree = vote_measures.pairwise_agreement(votes, ["RUS", "ARM", "KAZ"])
    assert agree.loc["RUS", "ARM"] == pytest.approx(1 / 4)
    assert agree.loc["RUS", "KAZ"] == pytest.approx(1 / 3)
    assert agree.loc["ARM", "KAZ"] == pytest.approx(1 / 3)


def test_pairwise_counts_by_hand(votes):
    counts = vote_measures.pairwise_counts(votes, ["RUS", "ARM", "KAZ"])
    assert counts.loc["RUS", "ARM"] == 4
    assert counts.loc["ARM", "KAZ"] == 3
    assert counts.loc["KAZ", "KAZ"] == 3


def test_pairwise_agreement_can_treat_absent_as_not_recorded(votes):
    # Without R3 for ARM: ARM-KAZ share R1, R2 -> same on R2 = 1/2; RUS-ARM R1, R2, R4 -> 1/3.
    agree = vote_measures.pairwise_agreement(votes, ["RUS", "ARM", "KAZ"], absent_as_vote=False)
    assert agree.loc["ARM", "KAZ"] == pytest.approx(1 / 2)
    assert agree.loc["RUS", "ARM"] == pytest.approx(1 / 3)


def test_two_absent_states_agree_when_absent_is_a_vote():
    both_away = make_votes([("R1", "KGZ", "absent"), ("R1", "TJK", "absent")])
    assert vote_measures.pairwise_agreement(both_away).loc["KGZ", "TJK"] == 1.0
    no_votes = vote_measures.pairwise_agreement(both_away, absent_as_vote=False)
    assert math.isnan(no_votes.loc["KGZ", "TJK"])


def test_pairwise_agreement_is_nan_for_a_state_without_votes(votes):
    agree = vote_measures.pairwise_agreement(votes, ["RUS", "UZB"])
    assert math.isnan(agree.loc["UZB", "UZB"])
    assert math.isnan(agree.loc["RUS", "UZB"])


# --- agreement with Russia ----------------------------------------------------------------------


def test_agreement_with_marks_each_shared_vote(votes, resolutions):
    rows = vote_measures.agreement_with(votes, resolutions, "RUS", ["KAZ"])
    assert rows["resolution"].tolist() == ["R1", "R2", "R3"]  # no KAZ vote on R4
    assert rows["agrees"].tolist() == [False, False, True]
    assert rows["date"].iloc[0] == pd.Timestamp("2014-03-27")


def test_agreement_with_russia_per_year_by_hand(votes, resolutions):
    # ARM: 2014 R1 same (1/1); 2022 R2 abstain, R3 absent (0/2); 2025 R4 abstain (0/1).
    # KAZ: 2014 0/1; 2022 R3 same (1/2); no 2025 vote.
    out = vote_measures.agreement_with_over_time(votes, resolutions, "RUS", ["ARM", "KAZ"])
    arm = out[out["state"] == "ARM"].set_index("year")
    kaz = out[out["state"] == "KAZ"].set_index("year")
    assert arm["share"].to_dict() == {2014: 1.0, 2022: 0.0, 2025: 0.0}
    assert arm.loc[2022, "votes"] == 2
    assert kaz["share"].to_dict() == {2014: 0.0, 2022: 0.5}


def test_agreement_with_russia_per_resolution_is_cumulative(votes, resolutions):
    out = vote_measures.agreement_with_over_time(votes, resolutions, "RUS", ["ARM"],
                                                 by="resolution")
    assert out["resolution"].tolist() == ["R1", "R2", "R3", "R4"]
    assert out["cumulative_share"].tolist() == pytest.approx([1, 1 / 2, 1 / 3, 1 / 4])


def test_agreement_over_time_rejects_an_unknown_period(votes, resolutions):
    with pytest.raises(ValueError):
        vote_measures.agreement_with_over_time(votes, resolutions, by="month")


# --- cohesion -----------------------------------------------------------------------------------


def test_cohesion_counts_and_modal_vote_by_hand(votes, resolutions):
    out = vote_measures.cohesion_index(votes, ["RUS", "ARM", "KAZ"], resolutions).set_index(
        "resolution")
    assert out.loc["R1", ["yes", "no", "abstain", "absent", "not_recorded"]].tolist() == [
        0, 2, 1, 0, 0]
    assert out.loc["R4", "not_recorded"] == 1
    assert out.loc["R1", "modal_vote"] == "no"
    assert out.loc["R4", "modal_vote"] == "no;abstain"  # a tie, 1 against 1


def test_cohesion_modal_share_counts_absent_as_an_option(votes):
    # R3: no, absent, no -> 2 of 3 recorded votes are the modal "no".
    out = vote_measures.cohesion_index(votes, ["RUS", "ARM", "KAZ"]).set_index("resolution")
    assert out.loc["R3", "modal_share"] == pytest.approx(2 / 3)
    assert out.loc["R4", "modal_share"] == pytest.approx(1 / 2)


def test_agreement_index_by_hand(votes):
    # R1: Y0 N2 A1 -> (2 - 0.5 * 1) / 3 = 0.5; R3: N2 (absent left out) -> 2 / 2 = 1;
    # R4: N1 A1 -> (1 - 0.5 * 1) / 2 = 0.25.
    out = vote_measures.cohesion_index(votes, ["RUS", "ARM", "KAZ"]).set_index("resolution")
    assert out["agreement_index"].to_dict() == pytest.approx(
        {"R1": 0.5, "R2": 0.5, "R3": 1.0, "R4": 0.25})


def test_agreement_index_is_zero_for_an_even_three_way_split():
    split = make_votes([("R1", "A", "yes"), ("R1", "B", "no"), ("R1", "C", "abstain")])
    out = vote_measures.cohesion_index(split, ["A", "B", "C"])
    assert out["agreement_index"].iloc[0] == 0.0


def test_cohesion_is_nan_when_no_one_in_the_group_voted(votes):
    out = vote_measures.cohesion_index(votes, ["UZB"])
    assert out["agreement_index"].isna().all()
    assert (out["not_recorded"] == 1).all()


# --- stances ------------------------------------------------------------------------------------


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


# --- defiance -----------------------------------------------------------------------------------


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


# --- trajectory ---------------------------------------------------------------------------------


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


# --- properties ---------------------------------------------------------------------------------

POOL_STATES = ["RUS", "BLR", "ARM", "KAZ", "KGZ"]
POOL_RESOLUTIONS = ["R1", "R2", "R3", "R4", "R5"]
DATES = {r: f"20{10 + i}-06-0{1 + i}" for i, r in enumerate(POOL_RESOLUTIONS)}


@st.composite
def vote_tables(draw) -> pd.DataFrame:
    """A random un_votes table: each state-resolution pair has no row or one of the votes."""
    cells = draw(st.lists(st.sampled_from([None, *VOTES]), min_size=25, max_size=25))
    rows = [(r, s, v) for (r, s), v in
            zip(((r, s) for r in POOL_RESOLUTIONS for s in POOL_STATES), cells) if v is not None]
    return make_votes(rows)


PROPERTY = settings(max_examples=25, deadline=None,
                    suppress_health_check=[HealthCheck.function_scoped_fixture])


@PROPERTY
@given(vote_tables(), st.booleans())
def test_agreement_matrix_is_symmetric_with_ones_on_the_diagonal(table, absent_as_vote):
    agree = vote_measures.pairwise_agreement(table, POOL_STATES, absent_as_vote)
    values = agree.to_numpy(dtype="float64")
    assert np.array_equal(np.isnan(values), np.isnan(values.T))
    assert np.allclose(np.nan_to_num(values, nan=-1), np.nan_to_num(values.T, nan=-1))
    finite = values[~np.isnan(values)]
    assert ((finite >= 0) & (finite <= 1)).all()
    counted = vote_measures.pairwise_counts(table, POOL_STATES, absent_as_vote)
    for state in POOL_STATES:
        if counted.loc[state, state] > 0:
            assert agree.loc[state, state] == 1.0
        else:
            assert math.isnan(agree.loc[state, state])


@PROPERTY
@given(vote_tables(), st.sampled_from(POOL_STATES), st.sampled_from(["year", "resolution"]))
def test_a_state_always_agrees_with_itself_over_time(table, state, by):
    resolutions = make_resolutions(list(DATES.items()))
    out = vote_measures.agreement_with_over_time(table, resolutions, reference=state, by=by)
    own = out[out["state"] == state]
    assert (own["share"] == 1.0).all()
    recorded = table[table["state"] == state]
    assert own["votes"].sum() == len(recorded)


@PROPERTY
@given(vote_tables(), st.lists(st.sampled_from(POOL_STATES), min_size=1, max_size=5,
                               unique=True))
def test_cohesion_lies_between_zero_and_one(table, group):
    out = vote_measures.cohesion_index(table, group)
    for column in ("agreement_index", "modal_share"):
        defined = out[column].dropna()
        assert ((defined >= 0) & (defined <= 1)).all()
    counts = out[["yes", "no", "abstain", "absent", "not_recorded"]].sum(axis=1)
    assert (counts == len(group)).all()


# --- charts on the fixtures ---------------------------------------------------------------------


@pytest.fixture
def states_table() -> pd.DataFrame:
    frame = pd.DataFrame({"iso3": ["RUS", "ARM", "KAZ", "BLR", "UZB"],
                          "name": ["Russia", "Armenia", "Kazakhstan", "Belarus", "Uzbekistan"]})
    frame["iso_numeric"] = pd.array([643, 51, 398, 112, 860], dtype="Int64")
    frame["region"] = "post_soviet"
    frame["source"] = "src"
    return _strings(frame, ["iso3", "name", "region", "source"])


def test_vote_heatmap_writes_a_letter_in_every_cell(votes, resolutions, states_table):
    chart = vote_heatmap(vote_measures.vote_matrix(votes, ["RUS", "ARM", "KAZ"], resolutions),
                         states_table)
    assert isinstance(chart, Chart)
    assert len(chart.data) == 12
    cell = chart.data.set_index(["resolution", "state"])
    assert cell.loc[("R3", "ARM"), "letter"] == "–"
    assert cell.loc[("R4", "KAZ"), "letter"] == "n/r"
    assert pd.isna(cell.loc[("R4", "KAZ"), "vote"])
    drawn = [t.get_text() for t in chart.figure.axes[0].texts]
    assert drawn.count("n/r") == 1 and drawn.count("N") == 6


def test_vote_heatmap_labels_rows_with_date_and_title(votes, resolutions, states_table):
    chart = vote_heatmap(vote_measures.vote_matrix(votes, ["RUS"], resolutions), states_table)
    labels = [t.get_text() for t in chart.figure.axes[0].get_yticklabels()]
    assert labels[0] == "2014-03-27  Title of R1"


def test_agreement_lines_leave_out_the_reference_and_label_each_line(
        votes, resolutions, states_table):
    over_time = vote_measures.agreement_with_over_time(votes, resolutions, "RUS")
    chart = agreement_with_russia_lines(over_time, states_table)
    assert set(chart.data["state"]) == {"ARM", "KAZ"}
    texts = {t.get_text() for t in chart.figure.axes[0].texts}
    assert {"Armenia", "Kazakhstan"} <= texts
    assert all(line.get_marker() not in (None, "None", "") for line in chart.figure.axes[0].lines)


def test_alignment_grid_has_one_mark_per_cell(stances, states_table):
    chart = alignment_grid(divisions.alignment_matrix(stances), states_table)
    assert len(chart.data) == 3 * 3
    assert chart.data["alignment"].isna().sum() == 4  # 5 of the 9 cells have a stance


def test_defiance_chart_stacks_each_kind_with_a_hatch(events, memberships, states_table):
    chart = defiance_chart(divisions.defiance_events(events, memberships), states_table)
    arm = chart.data[chart.data["state"] == "ARM"]
    assert arm["count"].sum() == 3
    assert arm["left"].tolist() == [0, 1, 2]
    assert chart.data["state"].iloc[0] == "ARM"  # most acts first
    bars = chart.figure.axes[0].patches
    assert len(bars) == len(chart.data) and all(b.get_hatch() for b in bars)


# --- the real data: structure only ---------------------------------------------------------------


def test_real_vote_matrix_holds_every_recorded_vote_once(tables):
    votes = tables["un_votes"]
    matrix = vote_measures.vote_matrix(votes, resolutions=tables["un_resolutions"])
    assert int(matrix.notna().to_numpy().sum()) == len(votes)
    assert matrix.index.get_level_values("resolution").is_unique


def test_real_agreement_among_members_is_a_proper_matrix(tables):
    agree = vote_measures.pairwise_agreement(tables["un_votes"], CSTO)
    values = agree.to_numpy(dtype="float64")
    assert np.allclose(np.nan_to_num(values), np.nan_to_num(values.T))
    assert (np.diag(values) == 1.0).all()


def test_real_cohesion_has_one_row_per_resolution(tables):
    out = vote_measures.cohesion_index(tables["un_votes"], CSTO, tables["un_resolutions"])
    assert sorted(out["resolution"]) == sorted(tables["un_resolutions"]["resolution"])
    assert out["date"].is_monotonic_increasing


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


def test_real_charts_return_their_data(tables):
    states = tables["states"]
    votes, resolutions = tables["un_votes"], tables["un_resolutions"]
    charts = [
        vote_heatmap(vote_measures.vote_matrix(votes, CSTO, resolutions), states),
        agreement_with_russia_lines(
            vote_measures.agreement_with_over_time(votes, resolutions, states=CSTO), states),
        alignment_grid(divisions.alignment_matrix(tables["stances"]), states),
        defiance_chart(divisions.defiance_events(tables["events"], tables["memberships"]), states),
    ]
    for chart in charts:
        assert isinstance(chart, Chart)
        assert len(chart.data) > 0
        ax = chart.figure.axes[0]
        assert ax.get_title(loc="left") and ax.get_xlabel() and ax.get_ylabel()
        assert any(t.get_text().startswith("Source:") for t in chart.figure.texts)


def _part(resolutions: list[str], states: list[str], vote: str = "yes"):
    votes = pd.DataFrame([(r, s, vote) for r in resolutions for s in states],
                         columns=["resolution", "state", "vote"])
    dates = pd.to_datetime([f"20{10 + n}-01-01" for n in range(len(resolutions))])
    listed = pd.DataFrame({"resolution": resolutions, "date": dates,
                           "title": [f"On {r}" for r in resolutions]})
    return votes, listed


def test_vote_record_stacks_parts_in_date_order_for_the_states_asked():
    later = _part(["B/1"], ["RUS", "KAZ", "UKR"], "no")
    earlier = _part(["A/1", "A/2"], ["RUS", "KAZ"])
    later[1]["date"] = pd.to_datetime(["2022-03-02"])
    votes, resolutions = vote_measures.vote_record([later, earlier], ["RUS", "KAZ"])
    assert resolutions["resolution"].tolist() == ["A/1", "A/2", "B/1"]
    assert resolutions["title"].tolist() == ["On A/1", "On A/2", "On B/1"]
    assert sorted(votes["state"].unique()) == ["KAZ", "RUS"]  # Ukraine was not asked for
    assert len(votes) == 6 and set(votes.loc[votes["resolution"] == "B/1", "vote"]) == {"no"}


def test_vote_record_marks_a_missing_vote_not_recorded():
    votes, listed = _part(["A/1", "A/2"], ["RUS", "KAZ"])
    votes = votes[~((votes["resolution"] == "A/2") & (votes["state"] == "KAZ"))]
    out, _ = vote_measures.vote_record([(votes, listed)], ["RUS", "KAZ"])
    cells = dict(zip(zip(out["resolution"], out["state"]), out["vote"]))
    assert cells == {("A/1", "RUS"): "yes", ("A/1", "KAZ"): "yes", ("A/2", "RUS"): "yes",
                     ("A/2", "KAZ"): vote_measures.NOT_RECORDED}


def test_vote_record_refuses_a_resolution_twice_and_an_unlisted_vote():
    with pytest.raises(ValueError, match=r"part 2: .*earlier part: \['A/1'\]"):
        vote_measures.vote_record([_part(["A/1"], ["RUS"]), _part(["A/1"], ["RUS"])], ["RUS"])
    votes, listed = _part(["A/1"], ["RUS"])
    with pytest.raises(ValueError, match=r"does not list: \['A/9'\]"):
        vote_measures.vote_record([(pd.concat([votes, votes.assign(resolution="A/9")]), listed)],
                                  ["RUS"])
