"""The moments of a case (analysis.measures.moments) on a small hand-made fixture."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.measures import moments
from tests.helpers.cases import D


@pytest.fixture
def tables() -> dict[str, pd.DataFrame]:
    events = pd.DataFrame({
        "event_id": ["E1", "E2"], "date": [D("2020-11-10"), D("2024-02-01")],
        "date_precision": ["day", "month"], "description": ["ceasefire", "freeze"],
        "source": ["s1", "s2"],
    })
    requests = pd.DataFrame({
        "request_id": ["Q1", "Q2"], "date": [D("2022-09-13"), D("2020-07-12")],
        "date_precision": ["day", "day"], "request_made": ["yes", "no"], "source": ["s3", "s4"],
    })
    responses = pd.DataFrame({
        "response_id": ["Q1-R1", "Q1-R2"], "request_id": ["Q1", "Q1"],
        "responder": ["alliance", "patron"], "date": [D("2022-09-15"), D("2022-09-13")],
        "date_precision": ["day", "day"], "level": ["mission", "consultation"],
        "source": ["s5", "s6"],
    })
    resolutions = pd.DataFrame({"resolution": ["R1"], "date": [D("2022-03-02")]})
    return {"events": events, "requests": requests, "responses": responses,
            "un_resolutions": resolutions}


def test_moments_keep_the_reading_order_and_say_what_each_is(tables):
    got = moments.case_moments([
        ("requests:Q2", "What happened", "Border fighting"),
        ("events:E1", "Russia", "Ceasefire"),
        ("votes:R1", "Members", "UN vote"),
        ("requests:Q1", "What happened", "Asks for help"),
        ("responses:Q1-R2", "Russia", "Mediation"),
        ("responses:Q1-R1", "CSTO", "A mission"),
        ("events:E2", "What happened", "Freeze"),
    ], **tables)
    assert list(got.columns) == list(moments.MOMENT_COLUMNS)
    assert list(got["kind"]) == ["crisis", "event", "event", "request", "response", "response",
                                 "event"]
    assert list(got["level"]) == ["", "", "", "", "consultation", "mission", ""]
    assert got.loc[6, "date_precision"] == "month"
    assert got.loc[0, "source"] == "s4"


def test_an_answer_outside_its_responders_column_is_refused(tables):
    with pytest.raises(ValueError, match="belongs in column 'Russia'"):
        moments.case_moments([("responses:Q1-R2", "CSTO", "Mediation")], **tables)
    other = moments.case_moments([("responses:Q1-R2", "Moscow", "Mediation")], **tables,
                                 answer_columns={"alliance": "CSTO", "patron": "Moscow"})
    assert list(other["column"]) == ["Moscow"]


def test_a_label_used_twice_is_refused(tables):
    with pytest.raises(ValueError, match="used twice"):
        moments.case_moments([("events:E1", "Russia", "Ceasefire"),
                              ("events:E2", "What happened", "Ceasefire")], **tables)


def test_moments_out_of_date_order_are_refused_but_a_month_may_hold_a_day(tables):
    with pytest.raises(ValueError, match="out of date order"):
        moments.case_moments([("requests:Q1", "What happened", "Asks"),
                              ("events:E1", "Russia", "Ceasefire")], **tables)
    events = tables["events"].copy()
    events.loc[1, "date"] = D("2024-02-01")
    events = pd.concat([events, pd.DataFrame({"event_id": ["E3"], "date": [D("2024-02-20")],
                                              "date_precision": ["day"], "description": ["x"],
                                              "source": ["s"]})])
    # A moment known only to February 2024 may follow one of 20 February 2024.
    got = moments.case_moments([("events:E3", "Russia", "Day"),
                                ("events:E2", "Russia", "Month")], **{**tables, "events": events})
    assert list(got["record"]) == ["events:E3", "events:E2"]


def test_unknown_records_and_missing_tables_are_named(tables):
    with pytest.raises(KeyError, match="E9"):
        moments.case_moments([("events:E9", "Russia", "?")], **tables)
    with pytest.raises(ValueError, match="crisis_candidates"):
        moments.case_moments([("candidates:C1", "Russia", "?")], **tables)
    with pytest.raises(ValueError, match="starts with one of"):
        moments.case_moments([("bases:B1", "Russia", "?")], **tables)


def test_record_dates_and_latest_day(tables):
    dates = moments.record_dates(["events:E2", "responses:Q1-R1"], **tables)
    assert dates.loc["events:E2", "date_precision"] == "month"
    assert dates.loc["responses:Q1-R1", "date"] == D("2022-09-15")
    assert moments.latest_day(D("2024-02-01"), "month") == D("2024-02-29")
    assert moments.latest_day(D("2024-01-01"), "year") == D("2024-12-31")
    assert moments.latest_day(D("2024-02-10"), "day") == D("2024-02-10")
