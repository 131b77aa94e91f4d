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


# --- calls by channel, deployments, records -------------------------------------------------------

import pandas as pd  # noqa: E402
import pytest  # noqa: E402

from analysis.measures.calls import (  # noqa: E402
    calls_by_channel,
    calls_per_year,
    channel_marks,
)
from analysis.measures.interventions import deployments  # noqa: E402
from analysis.measures.records import (  # noqa: E402
    Span,
    labelled_records,
    record_date,
    record_spans,
)
from tests.helpers.requests import make_requests, make_responses, typed_table  # noqa: E402


def _calls_fixture():
    req = make_requests(
        {"request_id": "CSTO-A", "date": "2021-05-13", "requester": "ARM",
         "addressed_to": "both", "asked_level": "consultation",
         "patron_asked_level": "deployment"},
        {"request_id": "CSTO-B", "date": "2022-01-05", "requester": "KAZ",
         "asked_level": "deployment"},
        {"request_id": "CSTO-C", "date": "1993-09-24", "requester": "TJK",
         "addressed_to": "other_organization", "asked_level": "deployment"},
        {"request_id": "CSTO-D", "date": "1992-05-01", "requester": "TJK", "request_made": "no"},
    )
    resp = make_responses(
        {"request_id": "CSTO-A", "date": "2021-05-14", "level": "consultation"},
        {"request_id": "CSTO-A", "responder": "patron", "date": "2021-08-05",
         "level": "deployment"},
        {"request_id": "CSTO-B", "date": "2022-01-06", "level": "deployment", "troops": 2030,
         "end": "2022-01-19", "end_precision": "day"},
        {"request_id": "CSTO-C", "responder": "other_organization", "date": "1993-09-24",
         "level": "deployment"},
        {"request_id": "CSTO-C", "responder": "other_organization", "date": "1996-01-19",
         "level": "deployment"},
        {"request_id": "CSTO-C", "date": "1993-09-24", "level": "none"},
        {"request_id": "CSTO-D", "responder": "patron", "date": "1992-05-01",
         "level": "deployment"},
    )
    events = typed_table([
        {"event_id": "E1", "date": "1999-03-01", "date_precision": "month", "type": "other",
         "organization": "CIS", "states": "TJK", "description": "Battalion home",
         "source": "s1"},
    ], "events")
    return req, resp, events


def test_a_call_to_both_goes_through_two_channels_each_with_its_own_answers():
    req, resp, _ = _calls_fixture()
    calls = calls_by_channel(req, resp).set_index(["request_id", "channel"])
    assert calls.loc[("CSTO-A", "alliance"), "highest_level"] == "consultation"
    assert calls.loc[("CSTO-A", "patron"), "highest_level"] == "deployment"
    # The appeal to the patron is judged against what was asked of the patron.
    assert calls.loc[("CSTO-A", "patron"), "asked_level"] == "deployment"
    assert calls.loc[("CSTO-C", "other_organization"), "deployed"]
    # A crisis without a call has no channel at all.
    assert "CSTO-D" not in calls.index.get_level_values("request_id")


def test_deployments_fold_rows_and_take_an_end_or_a_last_record_from_events():
    req, resp, events = _calls_fixture()
    d = deployments(req, resp, events, attested={"CSTO-C-R1": "E1"}).set_index(
        ["request_id", "responder"])
    assert len(d) == 4
    kaz = d.loc[("CSTO-B", "alliance")]
    assert kaz["duration_days"] == 13 and kaz["end_record"] == "responses:CSTO-B-R1"
    cis = d.loc[("CSTO-C", "other_organization")]
    assert cis["start"] == pd.Timestamp("1993-09-24") and pd.isna(cis["end"])
    assert cis["attested_until"] == pd.Timestamp("1999-03-01")
    ended = deployments(req, resp, events, ends={"CSTO-C-R2": "E1"}).set_index(
        ["request_id", "responder"]).loc[("CSTO-C", "other_organization")]
    assert ended["end"] == pd.Timestamp("1999-03-01") and ended["end_record"] == "events:E1"


def test_deployments_refuse_an_event_they_cannot_find():
    req, resp, events = _calls_fixture()
    with pytest.raises(KeyError, match="E9"):
        deployments(req, resp, events, ends={"CSTO-C-R1": "E9"})


def test_channel_marks_give_unasked_deployments_a_lane_and_mark_silence():
    req, resp, events = _calls_fixture()
    calls = calls_by_channel(req, resp)
    marks = channel_marks(calls, resp, deployments(req, resp, events),
                          {"TJK": "Tajikistan", "ARM": "Armenia", "KAZ": "Kazakhstan"})
    patron = marks[marks["channel"] == "patron"]
    assert "Tajikistan 1992 (unasked)" in set(patron["lane"])
    unasked = patron[patron["lane"] == "Tajikistan 1992 (unasked)"]
    assert "call" not in set(unasked["kind"]) and "deployment_span" in set(unasked["kind"])
    silent = marks[(marks["channel"] == "alliance") & (marks["request_id"] == "CSTO-C")]
    assert silent.empty  # a request to the CIS is not a request to the alliance


def test_calls_per_year_counts_every_year_with_zeros():
    req, _, _ = _calls_fixture()
    per_year = calls_per_year(req).set_index("year")
    assert per_year.loc[1992, "without_call"] == 1 and per_year.loc[1994, "crises"] == 0
    assert per_year["crises"].sum() == len(req)


def test_records_spans_and_labels_read_the_rows_they_name():
    req, resp, events = _calls_fixture()
    tables = {"requests": req, "responses": resp, "events": events}
    assert record_date(tables, "events:E1") == (pd.Timestamp("1999-03-01"), "month")
    assert record_date(tables, "responses:CSTO-B-R1:end")[0] == pd.Timestamp("2022-01-19")
    with pytest.raises(KeyError):
        record_date(tables, "events:E404")
    spans = record_spans(tables, [Span("force", "responses:CSTO-C-R1", attested="events:E1"),
                                  Span("troops", None, ongoing=True)],
                         pd.Timestamp("2026-11-23")).set_index("label")
    assert spans.loc["force", "end_kind"] == "attested"
    assert pd.isna(spans.loc["troops", "start"]) and spans.loc["troops", "end_kind"] == "ongoing"
    items = labelled_records(tables, {"events:E1": ("other", "home"),
                                      "requests:CSTO-D": ("crisis", "war")})
    assert items["label"].tolist() == ["war", "home"]
