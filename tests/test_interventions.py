"""The intervention timeline."""

from __future__ import annotations

from analysis.measures.interventions import intervention_timeline
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


def test_real_data_timeline_holds_every_request_and_response_once(tables):
    timeline = intervention_timeline(tables["requests"], tables["responses"], tables["events"])
    asks = timeline[timeline["kind"].isin(["request", "no_request"])]
    assert sorted(asks["request_id"]) == sorted(tables["requests"]["request_id"])
    answers = timeline[~timeline["kind"].isin(["request", "no_request", "event"])]
    # The timeline is the alliance's: the patron's and other organizations' rows are left out.
    alliance = tables["responses"][tables["responses"]["responder"] == "alliance"]
    assert 0 < len(alliance) < len(tables["responses"])
    assert len(answers) == len(alliance)
