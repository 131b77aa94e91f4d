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


# --- the one universe of votes on Ukraine ------------------------------------------------------


def _universe_tables():
    """A hand-coded table (the 2014 vote and one emergency-session vote), Voeten roll calls (one
    on Crimea, one on another subject, one naming Ukraine before 2014) and UN Digital Library
    roll calls (a copy of the hand-coded emergency-session vote, and one on the occupied
    territories)."""
    un_votes = make_votes([
        ("A/68/262", "RUS", "no"), ("A/68/262", "KAZ", "abstain"),
        ("ES/1", "RUS", "no"), ("ES/1", "KAZ", "abstain"),  # UZB has no row: not recorded
    ])
    un_resolutions = make_resolutions([("A/68/262", "2014-03-27"), ("ES/1", "2022-03-02")])
    calls = pd.DataFrame({
        "rcid": [1, 2, 3], "session": [71, 71, 67],
        "date": pd.to_datetime(["2016-12-19", "2016-12-20", "2012-12-01"]),
        "resolution": ["A/71/205", "A/71/300", "A/67/1"],
        "short_title": ["Situation of human rights in the Autonomous Republic of Crimea : "
                        "resolution / adopted by the General Assembly", "Education for all",
                        "Cooperation with Ukraine"]})
    call_votes = pd.DataFrame({"rcid": [1, 1, 2, 3], "state": ["RUS", "KAZ", "RUS", "RUS"],
                               "vote": ["no", "no", "yes", "yes"]})
    undl = pd.DataFrame({
        "undl_id": [10, 11], "session": [79, 80],
        "date": pd.to_datetime(["2022-03-02", "2025-12-18"]),
        "resolution": ["ES/1", "A/80/223"],
        "title": ["Aggression against Ukraine", "Situation of human rights in the temporarily "
                  "occupied territories of Ukraine"]})
    undl_votes = pd.DataFrame({"undl_id": [10, 10, 11, 11], "state": ["RUS", "KAZ", "RUS", "UZB"],
                               "vote": ["no", "yes", "no", "abstain"]})
    return un_votes, un_resolutions, calls, call_votes, undl, undl_votes


def test_the_universe_takes_each_resolution_once_by_its_rule():
    votes, resolutions = ukraine.ukraine_universe(*_universe_tables(), ["RUS", "KAZ", "UZB"])
    assert resolutions["resolution"].tolist() == ["A/68/262", "A/71/205", "ES/1", "A/80/223"]
    assert resolutions["record"].tolist() == ["hand-coded", "roll calls", "hand-coded",
                                              "UN Digital Library"]
    assert resolutions["period"].tolist() == ["before", "before", "after", "after"]
    assert resolutions["short"].tolist()[1::2] == ["Human rights in Crimea",
                                                   "Human rights in the occupied territories"]
    assert not resolutions["title"].str.contains("adopted by the General Assembly").any()
    cells = dict(zip(zip(votes["resolution"], votes["state"]), votes["vote"]))
    # The hand-coded vote wins over the UN Digital Library's copy of the same resolution.
    assert cells[("ES/1", "KAZ")] == "abstain"
    # A roll call without a row for a state is an absence; a hand-coded gap stays a gap.
    assert cells[("A/71/205", "UZB")] == "absent" and cells[("A/80/223", "KAZ")] == "absent"
    assert ("ES/1", "UZB") not in cells
    assert "A/71/300" not in set(votes["resolution"]) and "A/67/1" not in set(votes["resolution"])


def test_the_universe_counts_fit_the_vote_counts():
    votes, resolutions = ukraine.ukraine_universe(*_universe_tables(), ["RUS", "KAZ", "UZB"])
    out = ukraine.ukraine_vote_counts(votes, resolutions, ["KAZ", "UZB"]).set_index("state")
    assert (out.at["KAZ", "same"], out.at["KAZ", "one_abstained"], out.at["KAZ", "absent"]) \
        == (1, 2, 1)
    assert (out.at["UZB", "absent"], out.at["UZB", "not_recorded"], out.at["UZB", "votes"]) \
        == (1, 2, 1)


def test_short_titles():
    assert ukraine.short_title("Problem of the militarization of the Autonomous Republic of "
                               "Crimea and the city of Sevastopol") == "Militarisation of Crimea"
    assert ukraine.short_title("Aggression against Ukraine; demands withdrawal") \
        == "Aggression against Ukraine"
    assert ukraine.short_title("The path to peace (US draft as amended)") == "The path to peace"


def test_the_real_universe_holds_seventeen_votes(tables):
    from analysis.publish.facts.claims import ukraine_votes
    votes, resolutions = ukraine_votes(tables)
    assert len(resolutions) == 17
    assert resolutions["period"].value_counts().to_dict() == {"after": 10, "before": 7}
    # In the gap only the hand-coded emergency-session votes are on record.
    in_gap = resolutions["date"].dt.year.between(*ukraine.UNIVERSE_GAP)
    assert set(resolutions.loc[in_gap, "record"]) == {"hand-coded"}
    assert resolutions.loc[in_gap, "resolution"].str.startswith("A/RES/ES-11/").all()
