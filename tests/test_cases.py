"""Case timelines (analysis.measures.cases) on a small hand-made fixture."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.measures import cases
from tests.helpers.cases import D


@pytest.fixture
def tables() -> dict[str, pd.DataFrame]:
    events = pd.DataFrame({
        "event_id": ["E1", "E2", "E3"],
        "date": [D("2020-11-10"), D("2024-02-22"), D("2023-05-25")],
        "date_precision": ["day", "day", "day"],
        "type": ["other", "freeze", "cooperation_agreement"],
        "states": ["ARM;RUS", "ARM", "BLR"],
        "description": ["ceasefire", "freeze", "nuclear deal"],
        "source": ["s1", "s2", "s3"],
    })
    requests = pd.DataFrame({
        "request_id": ["Q1", "Q2"], "date": [D("2022-09-13"), D("2021-04-29")],
        "date_precision": ["day", "day"], "crisis": ["attack", "clash"],
        "requester": ["ARM", "KGZ;TJK"], "request_made": ["yes", "no"], "source": ["s4", "s5"],
    })
    responses = pd.DataFrame({
        "response_id": ["Q1-R1", "Q2-R1"], "request_id": ["Q1", "Q2"],
        "date": [D("2022-09-15"), D("2021-04-30")], "date_precision": ["day", "day"],
        "level": ["mission", "statement"], "description": ["mission sent", "call for calm"],
        "source": ["s6", "s7"],
    })
    memberships = pd.DataFrame({
        "state": ["ARM", "ARM", "BLR"], "organization": ["CSTO", "CSTO", "CSTO"],
        "status": ["member", "frozen", "member"],
        "start": [D("2003-09-18"), D("2024-02-22"), D("2003-09-18")],
        "start_precision": ["day", "day", "day"], "source": ["s8", "s9", "s8"],
    })
    stances = pd.DataFrame({
        "stance_id": ["S1", "S2", "S3", "S4"], "state": ["ARM", "ARM", "KAZ", "KAZ"],
        "issue": ["a", "a", "a", "b"], "position": ["abstained", "froze", "abstained", "no"],
        "alignment": ["hedging", "opposed", "hedging", "opposed"],
        "date": [D("2022-03-02"), D("2024-02-22"), D("2022-03-02"), D("2022-06-17")],
        "date_precision": ["day"] * 4, "source": ["s10"] * 4,
    })
    un_votes = pd.DataFrame({"resolution": ["R1", "R2"], "state": ["ARM", "ARM"],
                             "vote": ["no", "abstain"], "source": ["s11", "s12"]})
    un_resolutions = pd.DataFrame({"resolution": ["R1", "R2"],
                                   "date": [D("2014-03-27"), D("2022-03-02")],
                                   "title": ["Crimea", "Aggression"]})
    bases = pd.DataFrame({
        "base_id": ["B1", "B2"], "host": ["ARM", "KGZ"], "operator": ["RUS", "USA"],
        "name": ["Gyumri", "Manas"], "start": [D("1994-09-01"), D("2001-12-16")],
        "start_precision": ["day", "day"], "end": [pd.NaT, D("2014-06-03")],
        "end_precision": [pd.NA, "day"], "source": ["s13", "s14"],
    })
    return {"events": events, "requests": requests, "responses": responses,
            "memberships": memberships, "stances": stances, "un_votes": un_votes,
            "un_resolutions": un_resolutions, "bases": bases}


def test_timeline_gathers_every_table_for_the_state(tables):
    timeline = cases.case_timeline("ARM", **tables)
    assert len(timeline) == 11
    assert cases.lane_counts(timeline) == {"requests": 1, "responses": 1, "events": 2,
                                           "memberships": 2, "stances": 2, "un_votes": 2,
                                           "bases": 1}
    assert list(timeline.columns) == list(cases.COLUMNS)


def test_timeline_is_sorted_by_date_then_lane(tables):
    timeline = cases.case_timeline("ARM", **tables)
    assert timeline["record"].iloc[0] == "bases:B1"            # 1994, the oldest item
    same_day = timeline[timeline["date"] == D("2024-02-22")]
    # events before memberships before stances, as in LANES
    assert list(same_day["lane"]) == ["events", "memberships", "stances"]


def test_window_and_lanes_filter(tables):
    timeline = cases.case_timeline("ARM", **tables, start="2022-01-01")
    assert len(timeline) == 7
    only = cases.case_timeline("ARM", **tables, lanes=["un_votes"])
    assert list(only["label"]) == ["R1: no (Crimea)", "R2: abstain (Aggression)"]
    assert list(only["date"]) == [D("2014-03-27"), D("2022-03-02")]


def test_requests_and_responses_follow_the_requester(tables):
    timeline = cases.case_timeline("TJK", **tables)
    # Tajikistan shares the joint row Q2 (made no request) and its response; a closed US base
    # in Kyrgyzstan is not Tajikistan's
    assert list(timeline["record"]) == ["requests:Q2", "responses:Q2-R1"]
    assert list(timeline["kind"]) == ["no_request", "statement"]


def test_several_states_and_closed_bases(tables):
    timeline = cases.case_timeline(["KGZ", "BLR"], bases=tables["bases"],
                                   events=tables["events"])
    assert list(zip(timeline["state"], timeline["kind"])) == [
        ("KGZ", "opened"), ("KGZ", "closed"), ("BLR", "cooperation_agreement")]


def test_missing_tables_are_skipped_and_bad_input_named(tables):
    assert len(cases.case_timeline("ARM", events=tables["events"])) == 2
    with pytest.raises(ValueError, match="un_resolutions"):
        cases.case_timeline("ARM", un_votes=tables["un_votes"])
    with pytest.raises(KeyError, match="events lacks"):
        cases.case_timeline("ARM", events=tables["events"].drop(columns="states"))
    with pytest.raises(ValueError, match="unknown lane"):
        cases.case_timeline("ARM", events=tables["events"], lanes=["rumours"])
    votes = pd.concat([tables["un_votes"], pd.DataFrame(
        {"resolution": ["R9"], "state": ["ARM"], "vote": ["yes"], "source": ["s"]})])
    with pytest.raises(ValueError, match="R9"):
        cases.case_timeline("ARM", un_votes=votes, un_resolutions=tables["un_resolutions"])


def test_first_date(tables):
    timeline = cases.case_timeline("ARM", **tables)
    assert cases.first_date(timeline, "events") == D("2020-11-10")
    assert cases.first_date(timeline, "events", kinds=["freeze"]) == D("2024-02-22")
    assert cases.first_date(timeline, "stances", contains="FROZE") == D("2024-02-22")
    with pytest.raises(LookupError):
        cases.first_date(timeline, "events", kinds=["withdrawal"])


def test_loyalty_scorecard_takes_latest_stance(tables):
    card = cases.loyalty_scorecard(tables["stances"], ["a", "b"], ["ARM", "KAZ", "TJK"])
    assert list(card["state"]) == ["ARM", "KAZ", "TJK"]
    arm, kaz, tjk = (card.iloc[i] for i in range(3))
    assert arm["a"] == "opposed" and pd.isna(arm["b"])      # S2 (2024) replaces S1 (2022)
    assert (arm["opposed"], arm["score"]) == (1, -1)
    assert (kaz["hedging"], kaz["opposed"], kaz["score"]) == (1, 1, -1)
    assert (tjk["aligned"], tjk["hedging"], tjk["opposed"], tjk["score"]) == (0, 0, 0, 0)


def test_loyalty_scorecard_rejects_unknown_alignment(tables):
    bad = tables["stances"].assign(alignment=["hedging", "sideways", "hedging", "opposed"])
    with pytest.raises(ValueError, match="sideways"):
        cases.loyalty_scorecard(bad, ["a"], ["ARM"])
