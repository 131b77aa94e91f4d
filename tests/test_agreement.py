"""The one vote-agreement scorer (analysis.measures.agreement): the rules for absences and
abstentions, scores by hand, and vectorised scores that agree with the scalar rule."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.measures import agreement
from tests.helpers.roll_calls import make_roll_call_votes


def test_three_categories_scores_only_the_same_vote():
    a = pd.Series(["yes", "abstain", "yes", "abstain"])
    b = pd.Series(["yes", "yes", "no", "abstain"])
    assert agreement.vote_scores(a, b).tolist() == [1.0, 0.0, 0.0, 1.0]


def test_half_rule_gives_half_for_one_abstention_and_zero_for_yes_against_no():
    a = pd.Series(["yes", "abstain", "no", "yes", "abstain"])
    b = pd.Series(["yes", "no", "abstain", "no", "abstain"])
    assert agreement.vote_scores(a, b, "half").tolist() == [1.0, 0.5, 0.5, 0.0, 1.0]


def test_an_unknown_rule_or_vote_is_refused():
    with pytest.raises(ValueError, match="abstention"):
        agreement.vote_scores(pd.Series(["yes"]), pd.Series(["yes"]), "quarter")
    with pytest.raises(ValueError, match="absent"):
        agreement.vote_scores(pd.Series(["absent"]), pd.Series(["yes"]))


def test_paired_votes_keep_only_roll_calls_both_voted_on():
    paired = agreement.paired_votes(make_roll_call_votes(), "RUS", "rcid", ["ARM"])
    assert paired["rcid"].tolist() == [1, 3, 4]  # 2: ARM absent; 5: RUS absent
    assert paired["reference_vote"].tolist() == ["yes", "abstain", "yes"]


def test_two_votes_by_one_state_on_one_roll_call_are_refused():
    votes = pd.concat([make_roll_call_votes(), make_roll_call_votes().iloc[[1]]])
    with pytest.raises(ValueError, match="rcid=1, state=KAZ"):
        agreement.paired_votes(votes)
