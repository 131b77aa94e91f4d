"""Agreement with Russia from the full roll calls: by period, against BSV, the combined series,
groups and subsets."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.measures import roll_calls as rc
from tests.helpers.roll_calls import make_roll_call_votes


def make_roll_calls() -> pd.DataFrame:
    frame = pd.DataFrame({
        "rcid": [1, 2, 3, 4, 5],
        "session": [70, 70, 70, 71, 71],
        "date": pd.to_datetime(["2015-10-01", "2015-12-01", "2016-03-01", "2016-12-01",
                                "2016-12-02"]).astype("datetime64[ns]"),
    })
    return frame.astype({"rcid": "Int64", "session": "Int64"})


def by_state(frame: pd.DataFrame, key: str = "session") -> dict[tuple[str, int], float]:
    return {(s, int(k)): v for s, k, v in zip(frame["state"], frame[key], frame["share"])}


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


def _undl() -> tuple[pd.DataFrame, pd.DataFrame]:
    calls = pd.DataFrame({
        "undl_id": [10, 11, 12, 13], "session": [79, 80, 80, 80],
        "date": pd.to_datetime(["2025-03-04", "2025-10-01", "2025-12-01", "2025-12-02"]),
        "resolution": ["A/79/1", "A/80/1", "A/80/2", "A/80/3"], "title": ["a", "b", "c", "d"]})
    votes = pd.DataFrame({
        "undl_id": [10, 10, 11, 11, 12, 12, 13],
        "state": ["RUS", "KAZ", "RUS", "KAZ", "RUS", "KAZ", "RUS"],
        "vote": ["yes", "yes", "yes", "yes", "no", "abstain", "yes"]})
    return calls, votes


def test_a_session_counts_only_when_the_copy_holds_its_start():
    calls, _ = _undl()
    shaped, _ = rc.undl_as_roll_calls(*_undl())
    assert list(shaped.columns[:3]) == ["rcid", "session", "date"]
    assert rc.complete_sessions(shaped) == [80]  # session 79 opened in 2024: only its spring
    later = rc.later_agreement(*_undl()).set_index(["state", "session"])
    assert later.index.get_level_values("session").unique().tolist() == [80]
    assert later.at[("KAZ", 80), "share"] == pytest.approx(1 / 2)  # 13: KAZ did not vote
    assert later.at[("KAZ", 80), "votes"] == 2


def test_combined_series_shows_a_gap_as_a_gap_before_the_later_roll_calls():
    ours = rc.agreement_by_period(make_roll_calls(), make_roll_call_votes())
    bsv = pd.DataFrame({"state": ["KAZ", "KAZ"], "session": [72, 73], "year": [2017, 2018],
                        "agree_russia": [0.6, 0.7], "agree_usa": [0.2, 0.2],
                        "ideal_point": [0.0, 0.0]})
    later = rc.later_agreement(*_undl())
    out = rc.combined_series(ours, bsv, last_session=71, later=later)
    kaz = out[out["state"] == "KAZ"].set_index("session")
    assert kaz["source"].to_dict() == {70: "roll calls", 71: "roll calls", 72: "BSV", 73: "BSV",
                                       74: "no record", 75: "no record", 76: "no record",
                                       77: "no record", 78: "no record", 79: "no record",
                                       80: "UN Digital Library"}
    assert kaz.loc[74:79, "share"].isna().all()  # missing, never zero
    assert kaz.at[80, "share"] == pytest.approx(1 / 2) and kaz.at[80, "year"] == 2025
