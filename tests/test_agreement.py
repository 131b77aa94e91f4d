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


# --- the rule, pair by pair ---------------------------------------------------------------------

#: Every pair of votes with its relation and scores, worked out from the rule in the docstring:
#: (vote, reference vote, relation, three-category score, half-credit score or None where half
#: credit is not defined because an absence is compared).
PAIRS = [
    ("yes", "yes", "same", 1.0, 1.0),
    ("yes", "no", "opposite", 0.0, 0.0),
    ("no", "yes", "opposite", 0.0, 0.0),
    ("yes", "abstain", "between", 0.0, 0.5),
    ("abstain", "no", "between", 0.0, 0.5),
    ("abstain", "abstain", "same", 1.0, 1.0),
    ("absent", "absent", "same", 1.0, None),
    ("absent", "yes", "between", 0.0, None),
    ("no", "absent", "between", 0.0, None),
]


@pytest.mark.parametrize(("vote", "reference", "relation", "three", "half"), PAIRS)
def test_each_pair_by_hand(vote, reference, relation, three, half):
    assert agreement.relation(vote, reference) == relation
    assert agreement.score(vote, reference, "three_categories") == three
    assert agreement.direction(vote, reference) == {"same": 1, "opposite": -1, "between": 0}[
        relation]
    if half is not None:
        assert agreement.score(vote, reference, "half") == half


def test_vectorised_scores_follow_the_scalar_rule():
    votes = pd.Series([p[0] for p in PAIRS])
    reference = pd.Series([p[1] for p in PAIRS])
    assert agreement.vote_scores(votes, reference, absent="vote").tolist() == [
        p[3] for p in PAIRS]
    cast = [i for i, p in enumerate(PAIRS) if p[4] is not None]
    assert agreement.vote_scores(votes[cast], reference[cast], "half").tolist() == [
        PAIRS[i][4] for i in cast]


def test_an_absence_counts_only_when_it_is_a_vote():
    assert agreement.counts("absent", "vote") and not agreement.counts("absent", "missing")
    assert agreement.counts("abstain", "missing")
    assert not agreement.counts(pd.NA, "vote") and not agreement.counts(None, "vote")


def test_half_credit_with_absences_as_votes_is_refused():
    with pytest.raises(ValueError, match="cast votes only"):
        agreement.check_rules("vote", "half")
    with pytest.raises(ValueError, match="absent must be one of"):
        agreement.check_rules("sometimes")


def test_paired_votes_keep_absences_when_they_are_votes():
    votes = pd.DataFrame({"resolution": ["A", "A", "B", "B"], "state": ["RUS", "KAZ"] * 2,
                          "vote": ["absent", "absent", "no", "absent"]})
    missing = agreement.paired_votes(votes, "RUS", "resolution", ["KAZ"], absent="missing")
    assert missing.empty
    as_vote = agreement.paired_votes(votes, "RUS", "resolution", ["KAZ"], absent="vote")
    assert as_vote["resolution"].tolist() == ["A", "B"]
    summary = agreement.summarise(as_vote, ["state"], "three_categories", absent="vote")
    assert summary[["votes", "same", "opposite", "one_abstained"]].iloc[0].tolist() == [2, 1, 0, 1]
    assert summary["share"].iloc[0] == 0.5


def test_each_rule_is_described_in_words_once():
    assert agreement.describe() == agreement.RULE_WORDS[("missing", "three_categories")]
    assert "half" in agreement.describe("missing", "half")
    assert "absence counts as a vote" in agreement.describe("vote")
    with pytest.raises(ValueError):
        agreement.describe("vote", "half")
