"""Claims made in more than one chapter, computed once (analysis.publish.facts.claims)."""

from __future__ import annotations

import pandas as pd

from analysis.publish.facts.claims import sided_with_russia


def _memberships(*states: str) -> pd.DataFrame:
    return pd.DataFrame({"state": list(states), "organization": "CSTO", "status": "member"})


def _votes(rows: list[tuple[str, str, str]]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=["resolution", "state", "vote"]).astype("string")


def test_a_member_that_casts_russias_no_sided_with_it():
    votes = _votes([("R1", "RUS", "no"), ("R1", "BLR", "no"), ("R1", "KAZ", "no"),
                    ("R1", "ARM", "abstain"), ("R2", "RUS", "no"), ("R2", "KAZ", "yes")])
    assert sided_with_russia(votes, _memberships("RUS", "BLR", "KAZ", "ARM")) == {"R1": ["KAZ"]}


def test_belarus_and_non_members_are_not_counted():
    votes = _votes([("R1", "RUS", "no"), ("R1", "BLR", "no"), ("R1", "CHN", "no")])
    assert sided_with_russia(votes, _memberships("RUS", "BLR")) == {}


def test_matching_an_abstention_or_an_absence_is_nobodys_side():
    votes = _votes([("R1", "RUS", "abstain"), ("R1", "KAZ", "abstain"),
                    ("R2", "RUS", "absent"), ("R2", "KAZ", "absent")])
    assert sided_with_russia(votes, _memberships("RUS", "KAZ")) == {}


def test_an_unrecorded_vote_matches_nothing_and_resolutions_can_be_limited():
    votes = _votes([("R1", "RUS", "yes"), ("R1", "KAZ", "yes"), ("R2", "RUS", "no"),
                    ("R2", "KGZ", "no")])
    members = _memberships("RUS", "KAZ", "KGZ")
    assert sided_with_russia(votes, members) == {"R1": ["KAZ"], "R2": ["KGZ"]}
    assert sided_with_russia(votes, members, resolutions=["R2"]) == {"R2": ["KGZ"]}
