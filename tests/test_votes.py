"""UN votes: the vote matrix, pairwise agreement, agreement with a reference, cohesion."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from analysis.data.codebook.vocabulary import VOTES
from analysis.measures import votes as vote_measures
from analysis.measures.agreement import ABSENT_RULES
from tests.helpers.votes import CSTO, make_resolutions, make_votes


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
    agree = vote_measures.pairwise_agreement(votes, ["RUS", "ARM", "KAZ"], absent="missing")
    assert agree.loc["ARM", "KAZ"] == pytest.approx(1 / 2)
    assert agree.loc["RUS", "ARM"] == pytest.approx(1 / 3)


def test_two_absent_states_agree_when_absent_is_a_vote():
    both_away = make_votes([("R1", "KGZ", "absent"), ("R1", "TJK", "absent")])
    assert vote_measures.pairwise_agreement(both_away).loc["KGZ", "TJK"] == 1.0
    no_votes = vote_measures.pairwise_agreement(both_away, absent="missing")
    assert math.isnan(no_votes.loc["KGZ", "TJK"])


def test_pairwise_agreement_is_nan_for_a_state_without_votes(votes):
    agree = vote_measures.pairwise_agreement(votes, ["RUS", "UZB"])
    assert math.isnan(agree.loc["UZB", "UZB"])
    assert math.isnan(agree.loc["RUS", "UZB"])


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
@given(vote_tables(), st.sampled_from(ABSENT_RULES))
def test_agreement_matrix_is_symmetric_with_ones_on_the_diagonal(table, absent):
    agree = vote_measures.pairwise_agreement(table, POOL_STATES, absent)
    values = agree.to_numpy(dtype="float64")
    assert np.array_equal(np.isnan(values), np.isnan(values.T))
    assert np.allclose(np.nan_to_num(values, nan=-1), np.nan_to_num(values.T, nan=-1))
    finite = values[~np.isnan(values)]
    assert ((finite >= 0) & (finite <= 1)).all()
    counted = vote_measures.pairwise_counts(table, POOL_STATES, absent)
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
