"""Agreement with Russia from the full roll calls, and its charts.

Hand-worked fixture (``-`` = no row: absent, not voting or not a member):

    rcid  session  date        RUS      KAZ      GEO  ARM
    1     70       2015-10-01  yes      yes      no   abstain
    2     70       2015-12-01  no       abstain  yes  -
    3     70       2016-03-01  abstain  abstain  yes  abstain
    4     71       2016-12-01  yes      no       -    yes
    5     71       2016-12-02  -        yes      yes  yes

Session 70, three categories: KAZ 2 of 3 (same, abstained, same); GEO 0 of 3; ARM 1 of 2 (roll
call 2 not counted: ARM has no vote). With half credit for an abstention: KAZ 2.5 / 3, GEO 0.5 / 3,
ARM 1.5 / 2. Session 71: KAZ 0 of 1, ARM 1 of 1, GEO nothing (no row, not a zero); roll call 5
counts for no one, since Russia did not vote.
"""

from __future__ import annotations

import math

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest

from analysis.charts.style import use_house_style
from analysis.charts.votes import agreement_strip, bsv_difference_chart, ukraine_vote_bars
from analysis.measures import roll_calls as rc


def make_roll_calls() -> pd.DataFrame:
    frame = pd.DataFrame({
        "rcid": [1, 2, 3, 4, 5],
        "session": [70, 70, 70, 71, 71],
        "date": pd.to_datetime(["2015-10-01", "2015-12-01", "2016-03-01", "2016-12-01",
                                "2016-12-02"]).astype("datetime64[ns]"),
    })
    return frame.astype({"rcid": "Int64", "session": "Int64"})


def make_roll_call_votes() -> pd.DataFrame:
    rows = [
        (1, "RUS", "yes"), (1, "KAZ", "yes"), (1, "GEO", "no"), (1, "ARM", "abstain"),
        (2, "RUS", "no"), (2, "KAZ", "abstain"), (2, "GEO", "yes"),
        (3, "RUS", "abstain"), (3, "KAZ", "abstain"), (3, "GEO", "yes"), (3, "ARM", "abstain"),
        (4, "RUS", "yes"), (4, "KAZ", "no"), (4, "ARM", "yes"),
        (5, "KAZ", "yes"), (5, "GEO", "yes"), (5, "ARM", "yes"),
    ]
    frame = pd.DataFrame(rows, columns=["rcid", "state", "vote"])
    return frame.astype({"rcid": "Int64", "state": "string", "vote": "string"})


def by_state(frame: pd.DataFrame, key: str = "session") -> dict[tuple[str, int], float]:
    return {(s, int(k)): v for s, k, v in zip(frame["state"], frame[key], frame["share"])}


# --- scoring one pair of votes ---------------------------------------------------------------


def test_three_categories_scores_only_the_same_vote():
    a = pd.Series(["yes", "abstain", "yes", "abstain"])
    b = pd.Series(["yes", "yes", "no", "abstain"])
    assert rc.vote_scores(a, b).tolist() == [1.0, 0.0, 0.0, 1.0]


def test_half_rule_gives_half_for_one_abstention_and_zero_for_yes_against_no():
    a = pd.Series(["yes", "abstain", "no", "yes", "abstain"])
    b = pd.Series(["yes", "no", "abstain", "no", "abstain"])
    assert rc.vote_scores(a, b, "half").tolist() == [1.0, 0.5, 0.5, 0.0, 1.0]


def test_an_unknown_rule_or_vote_is_refused():
    with pytest.raises(ValueError, match="abstention"):
        rc.vote_scores(pd.Series(["yes"]), pd.Series(["yes"]), "quarter")
    with pytest.raises(ValueError, match="absent"):
        rc.vote_scores(pd.Series(["absent"]), pd.Series(["yes"]))


def test_paired_votes_keep_only_roll_calls_both_voted_on():
    paired = rc.paired_votes(make_roll_call_votes(), "RUS", "rcid", ["ARM"])
    assert paired["rcid"].tolist() == [1, 3, 4]  # 2: ARM absent; 5: RUS absent
    assert paired["reference_vote"].tolist() == ["yes", "abstain", "yes"]


def test_two_votes_by_one_state_on_one_roll_call_are_refused():
    votes = pd.concat([make_roll_call_votes(), make_roll_call_votes().iloc[[1]]])
    with pytest.raises(ValueError, match="rcid=1, state=KAZ"):
        rc.paired_votes(votes)


# --- agreement per session and per year -------------------------------------------------------


def test_agreement_by_session_three_categories():
    out = rc.agreement_by_period(make_roll_calls(), make_roll_call_votes())
    shares = by_state(out)
    assert shares[("KAZ", 70)] == pytest.approx(2 / 3)
    assert shares[("GEO", 70)] == 0.0
    assert shares[("ARM", 70)] == pytest.approx(1 / 2)
    assert shares[("KAZ", 71)] == 0.0
    assert shares[("ARM", 71)] == 1.0
    assert shares[("RUS", 70)] == 1.0


def test_a_missing_vote_is_not_a_disagreement():
    out = rc.agreement_by_period(make_roll_calls(), make_roll_call_votes()).set_index(
        ["state", "session"])
    assert out.at[("ARM", 70), "votes"] == 2  # roll call 2 left out, not counted as 0
    assert out.at[("ARM", 70), "roll_calls"] == 3
    assert ("GEO", 71) not in out.index  # no vote in common: no cell, not a zero


def test_counts_behind_each_cell():
    out = rc.agreement_by_period(make_roll_calls(), make_roll_call_votes()).set_index(
        ["state", "session"])
    kaz = out.loc[("KAZ", 70)]
    assert (kaz["votes"], kaz["same"], kaz["one_abstained"], kaz["opposite"]) == (3, 2, 1, 0)
    geo = out.loc[("GEO", 70)]
    assert (geo["same"], geo["one_abstained"], geo["opposite"]) == (0, 1, 2)
    assert out.at[("KAZ", 70), "year"] == 2015  # the year session 70 opened


def test_agreement_with_half_credit_for_abstention():
    out = rc.agreement_by_period(make_roll_calls(), make_roll_call_votes(), abstention="half")
    shares = by_state(out)
    assert shares[("KAZ", 70)] == pytest.approx(2.5 / 3)
    assert shares[("GEO", 70)] == pytest.approx(0.5 / 3)
    assert shares[("ARM", 70)] == pytest.approx(0.75)
    assert set(out["abstention"]) == {"half"}


def test_agreement_by_calendar_year():
    out = rc.agreement_by_period(make_roll_calls(), make_roll_call_votes(), period="year")
    shares = by_state(out, "year")
    assert shares[("KAZ", 2015)] == pytest.approx(1 / 2)
    assert shares[("KAZ", 2016)] == pytest.approx(1 / 2)
    assert shares[("ARM", 2015)] == 0.0
    assert shares[("ARM", 2016)] == 1.0
    assert "session" not in out.columns


def test_a_vote_on_an_unknown_roll_call_is_named():
    votes = make_roll_call_votes()
    votes.loc[0, "rcid"] = 99
    with pytest.raises(ValueError, match="rcid 99"):
        rc.agreement_by_period(make_roll_calls(), votes)


# --- BSV: the cross-check and the series after 2019 -------------------------------------------


def make_bsv() -> pd.DataFrame:
    frame = pd.DataFrame({"state": ["KAZ", "GEO", "ARM", "KAZ"], "session": [70, 70, 71, 72],
                          "agree_russia": [0.6, 0.0, 1.0, 0.25]})
    frame["year"] = frame["session"] + 1945
    return frame.astype({"state": "string", "session": "Int64", "year": "Int64"})


def test_bsv_comparison_is_ours_minus_theirs_where_both_exist():
    ours = rc.agreement_by_period(make_roll_calls(), make_roll_call_votes())
    out = rc.bsv_comparison(ours, make_bsv()).set_index(["state", "session"])
    assert out.at[("KAZ", 70), "difference"] == pytest.approx(2 / 3 - 0.6)
    assert out.at[("GEO", 70), "difference"] == 0.0
    assert out.at[("ARM", 71), "difference"] == 0.0
    assert ("KAZ", 71) not in out.index  # BSV has no KAZ 71


def test_bsv_comparison_refuses_another_definition():
    half = rc.agreement_by_period(make_roll_calls(), make_roll_call_votes(), abstention="half")
    with pytest.raises(ValueError, match="three_categories"):
        rc.bsv_comparison(half, make_bsv())
    yearly = rc.agreement_by_period(make_roll_calls(), make_roll_call_votes(), period="year")
    with pytest.raises(ValueError, match="session"):
        rc.bsv_comparison(yearly, make_bsv())


def test_combined_series_takes_bsv_after_the_last_roll_call_session():
    ours = rc.agreement_by_period(make_roll_calls(), make_roll_call_votes())
    out = rc.combined_series(ours, make_bsv(), last_session=70).set_index(["state", "session"])
    assert out.at[("KAZ", 70), "source"] == "roll calls"
    assert out.at[("KAZ", 70), "votes"] == 3
    assert out.at[("ARM", 71), "source"] == "BSV"
    assert pd.isna(out.at[("ARM", 71), "votes"])
    assert out.at[("KAZ", 72), "share"] == 0.25
    assert ("KAZ", 71) not in out.index  # ours for 71 is not used, BSV has none


def make_memberships(rows: list[tuple[str, str, str, str, str | None]]) -> pd.DataFrame:
    frame = pd.DataFrame(rows, columns=["state", "organization", "status", "start", "end"])
    for column in ("start", "end"):
        frame[column] = pd.to_datetime(frame[column]).astype("datetime64[ns]")
    return frame.astype({"state": "string", "organization": "string", "status": "string"})


def test_group_reference_uses_the_members_of_each_year():
    memberships = make_memberships([
        ("USA", "NATO", "member", "1949-08-24", None),
        ("DEU", "NATO", "member", "1955-05-06", None),
        ("POL", "NATO", "member", "1999-03-12", None),
    ])
    series = pd.DataFrame({"state": ["USA", "DEU", "POL"] * 2, "session": [53] * 3 + [55] * 3,
                           "year": [1998] * 3 + [2000] * 3,
                           "share": [0.3, 0.5, 0.9, 0.3, 0.5, 0.9]})
    out = rc.group_reference(series, memberships).set_index("year")
    assert out.at[1998, "members"] == 2 and out.at[1998, "median"] == pytest.approx(0.4)
    assert out.at[2000, "members"] == 3 and out.at[2000, "median"] == pytest.approx(0.5)
    assert out.at[2000, "highest"] == 0.9


def test_csto_groups_current_frozen_former_with_russia_first():
    memberships = make_memberships([
        ("RUS", "CSTO", "member", "2003-09-18", None),
        ("KAZ", "CSTO", "member", "2003-09-18", None),
        ("ARM", "CSTO", "member", "2003-09-18", "2024-02-22"),
        ("ARM", "CSTO", "frozen", "2024-02-22", None),
        ("UZB", "CSTO", "member", "2006-08-16", "2012-06-28"),
        ("GEO", "CST", "member", "1994-04-20", "1999-04-20"),
        ("POL", "NATO", "member", "1999-03-12", None),
    ])
    out = rc.csto_groups(memberships, "2026-11-23")
    assert out["state"].tolist() == ["RUS", "KAZ", "ARM", "GEO", "UZB"]
    assert out["group"].tolist() == ["current", "current", "frozen", "former", "former"]


# --- the hand-coded Ukraine votes ---------------------------------------------------------------


def make_ukraine() -> tuple[pd.DataFrame, pd.DataFrame]:
    """R1 (2014): RUS no, KAZ abstain, GEO yes. R2 (2022): RUS no, KAZ no, GEO not recorded.
    R3 (2022): RUS no, KAZ absent, GEO yes. TJK has no row at all."""
    votes = pd.DataFrame([
        ("R1", "RUS", "no"), ("R1", "KAZ", "abstain"), ("R1", "GEO", "yes"),
        ("R2", "RUS", "no"), ("R2", "KAZ", "no"),
        ("R3", "RUS", "no"), ("R3", "KAZ", "absent"), ("R3", "GEO", "yes"),
    ], columns=["resolution", "state", "vote"]).astype("string")
    resolutions = pd.DataFrame({"resolution": ["R1", "R2", "R3"],
                                "date": pd.to_datetime(["2014-03-27", "2022-03-02",
                                                        "2022-10-12"]).astype("datetime64[ns]")})
    return votes, resolutions.astype({"resolution": "string"})


def test_ukraine_vote_counts_per_member():
    votes, resolutions = make_ukraine()
    out = rc.ukraine_vote_counts(votes, resolutions, ["KAZ", "GEO", "TJK"]).set_index("state")
    kaz = out.loc["KAZ"]
    assert (kaz["same"], kaz["one_abstained"], kaz["opposite"], kaz["absent"],
            kaz["not_recorded"], kaz["votes"]) == (1, 1, 0, 1, 0, 2)
    assert kaz["share"] == pytest.approx(1 / 2)
    geo = out.loc["GEO"]
    assert (geo["opposite"], geo["not_recorded"], geo["votes"], geo["share"]) == (2, 1, 2, 0.0)
    assert out.at["TJK", "not_recorded"] == 3 and math.isnan(out.at["TJK", "share"])


def test_ukraine_vote_counts_half_rule():
    votes, resolutions = make_ukraine()
    out = rc.ukraine_vote_counts(votes, resolutions, ["KAZ"], abstention="half")
    assert out["share"].iloc[0] == pytest.approx((0.5 + 1) / 2)


def test_roll_call_subset_marks_a_missing_row_absent():
    calls = make_roll_calls()
    calls["resolution"] = pd.array(["A/1", "A/2", "A/3", "A/4", "A/5"], dtype="string")
    calls["short_title"] = pd.array([f"Title {n}" for n in range(1, 6)], dtype="string")
    votes, dated = rc.roll_call_subset(calls, make_roll_call_votes(), ["A/4", "A/2"],
                                       ["KAZ", "GEO"])
    cells = {(r, s): v for r, s, v in zip(votes["resolution"], votes["state"], votes["vote"])}
    assert cells == {("A/2", "KAZ"): "abstain", ("A/2", "GEO"): "yes",
                     ("A/4", "KAZ"): "no", ("A/4", "GEO"): "absent"}
    assert dated["resolution"].tolist() == ["A/2", "A/4"]
    assert dated["title"].tolist() == ["Title 2", "Title 4"]
    with pytest.raises(ValueError, match="A/9 names 0 roll calls"):
        rc.roll_call_subset(calls, make_roll_call_votes(), ["A/9"], ["KAZ"])


def test_ukraine_agreement_by_year_leaves_absences_out():
    votes, resolutions = make_ukraine()
    out = rc.ukraine_agreement_by_year(votes, resolutions, ["KAZ"]).set_index("year")
    assert out.at[2014, "share"] == 0.0 and out.at[2014, "votes"] == 1
    assert out.at[2022, "share"] == 1.0 and out.at[2022, "votes"] == 1  # R3 absent: left out
    assert out.at[2022, "roll_calls"] == 2


# --- charts -------------------------------------------------------------------------------------


@pytest.fixture(autouse=True)
def _style():
    use_house_style()
    yield
    plt.close("all")


def test_strip_shows_a_missing_cell_as_missing_not_zero():
    series = pd.DataFrame({"state": ["KAZ", "KAZ", "GEO"], "session": [70, 71, 70],
                           "year": [2015, 2016, 2015], "share": [0.75, 0.5, 0.25],
                           "votes": pd.array([4, 2, 4], dtype="Int64"),
                           "source": ["roll calls", "BSV", "roll calls"]})
    groups = pd.DataFrame({"state": ["RUS", "KAZ", "GEO"],
                           "group": ["current", "current", "former"]})
    chart = agreement_strip(series, groups, {"NATO median": pd.Series({2015: 0.6, 2016: 0.4})})
    cells = chart.data.set_index(["column", "year"])
    assert math.isnan(cells.at[("GEO", 2016), "share"])
    assert cells.at[("KAZ", 2015), "share"] == 0.75
    assert cells.at[("NATO median", 2016), "share"] == 0.4
    assert "RUS" not in set(chart.data["column"])
    texts = [t.get_text() for t in chart.figure.axes[0].texts]
    assert "75" in texts and "–" in texts


def test_ukraine_bars_carry_counts_and_both_shares():
    votes, resolutions = make_ukraine()
    groups = pd.DataFrame({"state": ["RUS", "KAZ", "GEO"],
                           "group": ["current", "current", "former"]})
    three = rc.ukraine_vote_counts(votes, resolutions, groups["state"])
    half = rc.ukraine_vote_counts(votes, resolutions, groups["state"], abstention="half")
    chart = ukraine_vote_bars({"all": (three, half), "again": (three, None)}, groups)
    kaz = chart.data.set_index(["panel", "state"]).loc[("all", "KAZ")]
    assert (kaz["same"], kaz["one_abstained"], kaz["absent"]) == (1, 1, 1)
    assert kaz["share_half"] == pytest.approx(0.75)
    assert math.isnan(chart.data.set_index(["panel", "state"]).at[("again", "KAZ"),
                                                                   "share_half"])
    texts = [t.get_text() for t in chart.figure.axes[0].texts]
    assert "50% / 75%" in texts


def test_difference_chart_marks_the_highlighted_states():
    comparison = pd.DataFrame({"state": ["KAZ", "USA"], "year": [2015, 2015],
                               "difference": [0.02, -0.01]})
    chart = bsv_difference_chart(comparison, ["KAZ"])
    assert chart.data["highlighted"].tolist() == [True, False]
    assert np.allclose(chart.data["difference"], [0.02, -0.01])
