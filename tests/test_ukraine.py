"""The Ukraine votes against Russia's, and one record of votes across sources."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from analysis.measures import ukraine
from tests.helpers.roll_calls import make_ukraine
from tests.helpers.votes import make_resolutions, make_votes


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
    votes, resolutions = ukraine.vote_record([later, earlier], ["RUS", "KAZ"])
    assert resolutions["resolution"].tolist() == ["A/1", "A/2", "B/1"]
    assert resolutions["title"].tolist() == ["On A/1", "On A/2", "On B/1"]
    assert sorted(votes["state"].unique()) == ["KAZ", "RUS"]  # Ukraine was not asked for
    assert len(votes) == 6 and set(votes.loc[votes["resolution"] == "B/1", "vote"]) == {"no"}


def test_vote_record_marks_a_missing_vote_not_recorded():
    votes, listed = _part(["A/1", "A/2"], ["RUS", "KAZ"])
    votes = votes[~((votes["resolution"] == "A/2") & (votes["state"] == "KAZ"))]
    out, _ = ukraine.vote_record([(votes, listed)], ["RUS", "KAZ"])
    cells = dict(zip(zip(out["resolution"], out["state"]), out["vote"]))
    assert cells == {("A/1", "RUS"): "yes", ("A/1", "KAZ"): "yes", ("A/2", "RUS"): "yes",
                     ("A/2", "KAZ"): ukraine.NOT_RECORDED}


def test_vote_record_refuses_a_resolution_twice_and_an_unlisted_vote():
    with pytest.raises(ValueError, match=r"part 2: .*earlier part: \['A/1'\]"):
        ukraine.vote_record([_part(["A/1"], ["RUS"]), _part(["A/1"], ["RUS"])], ["RUS"])
    votes, listed = _part(["A/1"], ["RUS"])
    with pytest.raises(ValueError, match=r"does not list: \['A/9'\]"):
        ukraine.vote_record([(pd.concat([votes, votes.assign(resolution="A/9")]), listed)],
                                  ["RUS"])


def test_ukraine_vote_counts_per_member():
    votes, resolutions = make_ukraine()
    out = ukraine.ukraine_vote_counts(votes, resolutions, ["KAZ", "GEO", "TJK"]).set_index("state")
    kaz = out.loc["KAZ"]
    assert (kaz["same"], kaz["one_abstained"], kaz["opposite"], kaz["absent"],
            kaz["not_recorded"], kaz["votes"]) == (1, 1, 0, 1, 0, 2)
    assert kaz["share"] == pytest.approx(1 / 2)
    geo = out.loc["GEO"]
    assert (geo["opposite"], geo["not_recorded"], geo["votes"], geo["share"]) == (2, 1, 2, 0.0)
    assert out.at["TJK", "not_recorded"] == 3 and math.isnan(out.at["TJK", "share"])


def test_ukraine_vote_counts_half_rule():
    votes, resolutions = make_ukraine()
    out = ukraine.ukraine_vote_counts(votes, resolutions, ["KAZ"], abstention="half")
    assert out["share"].iloc[0] == pytest.approx((0.5 + 1) / 2)


def test_ukraine_agreement_by_year_leaves_absences_out():
    votes, resolutions = make_ukraine()
    out = ukraine.ukraine_agreement_by_year(votes, resolutions, ["KAZ"]).set_index("year")
    assert out.at[2014, "share"] == 0.0 and out.at[2014, "votes"] == 1
    assert out.at[2022, "share"] == 1.0 and out.at[2022, "votes"] == 1  # R3 absent: left out
    assert out.at[2022, "roll_calls"] == 2
