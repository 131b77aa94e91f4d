"""The intervention timeline and its filters."""

from __future__ import annotations

from analysis.measures.interventions import filter_timeline, intervention_timeline
from tests.helpers.requests import (
    timeline_fixture_table,
)


def test_timeline_has_one_row_per_request_crisis_response_and_chosen_event():
    timeline = timeline_fixture_table()
    assert timeline["kind"].tolist() == ["event", "request", "deployment", "no_request",
                                         "no_action"]


def test_timeline_duration_is_end_minus_start_for_a_deployment():
    timeline = timeline_fixture_table()
    deployment = timeline[timeline["kind"] == "deployment"].iloc[0]
    # 6 -> 19 January 2022: 13 days.
    assert deployment["duration_days"] == 13
    assert timeline.loc[timeline["kind"] == "request", "duration_days"].isna().all()


def test_filter_timeline_by_state_matches_any_listed_state():
    kept = filter_timeline(timeline_fixture_table(), states=["TJK"])
    assert kept["request_id"].tolist() == ["CSTO-2", "CSTO-2"]


def test_filter_timeline_window_keeps_spans_that_overlap_it():
    # The deployment runs 6-19 January; a window from 10 January still catches it.
    kept = filter_timeline(timeline_fixture_table(), start="2022-01-10", end="2022-01-31")
    assert kept["kind"].tolist() == ["deployment"]


def test_filter_timeline_by_kind():
    kept = filter_timeline(timeline_fixture_table(), kinds=["request", "no_request"])
    assert kept["request_id"].tolist() == ["CSTO-1", "CSTO-2"]


def test_real_data_timeline_holds_every_request_and_response_once(tables):
    timeline = intervention_timeline(tables["requests"], tables["responses"], tables["events"])
    asks = timeline[timeline["kind"].isin(["request", "no_request"])]
    assert sorted(asks["request_id"]) == sorted(tables["requests"]["request_id"])
    answers = timeline[~timeline["kind"].isin(["request", "no_request", "event"])]
    assert len(answers) == len(tables["responses"])
