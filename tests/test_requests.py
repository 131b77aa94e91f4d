"""Requests against responses: highest level, lags, gaps, joint requests, periods."""

from __future__ import annotations

from datetime import date, timedelta

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.data.codebook.vocabulary import RESPONSE_LEVELS
from analysis.measures.requests import (
    merge_joint_requests,
    periods,
    request_outcomes,
    response_lag_days,
)
from tests.helpers.requests import (
    joint_outcomes,
    make_requests,
    make_responses,
)


def one(outcomes: pd.DataFrame, request_id: str) -> pd.Series:
    rows = outcomes[outcomes["request_id"] == request_id]
    assert len(rows) == 1
    return rows.iloc[0]


def test_highest_level_is_the_top_of_the_scale_reached():
    req = make_requests({"request_id": "CSTO-1", "date": "2022-01-05"})
    resp = make_responses(
        {"request_id": "CSTO-1", "date": "2022-01-06", "level": "statement"},
        {"request_id": "CSTO-1", "date": "2022-01-07", "level": "mission"},
        {"request_id": "CSTO-1", "date": "2022-01-08", "level": "consultation"},
    )
    row = one(request_outcomes(req, resp), "CSTO-1")
    # statement (1) < consultation (2) < mission (3): the top is mission.
    assert row["highest_level"] == "mission"
    assert row["highest_rank"] == 3


def test_highest_level_is_an_ordered_categorical_on_the_scale():
    req = make_requests({"request_id": "CSTO-1", "date": "2022-01-05"})
    resp = make_responses({"request_id": "CSTO-1", "date": "2022-01-06", "level": "statement"})
    levels = request_outcomes(req, resp)["highest_level"]
    assert levels.cat.ordered
    assert tuple(levels.cat.categories) == RESPONSE_LEVELS


def test_request_without_any_response_counts_as_none():
    req = make_requests({"request_id": "CSTO-1", "date": "2022-01-05"})
    row = one(request_outcomes(req, make_responses()), "CSTO-1")
    assert row["highest_level"] == "none"
    assert pd.isna(row["first_response_date"])
    assert pd.isna(row["lag_first_days"])
    assert not row["any_action"]


def test_a_none_response_is_not_a_first_response():
    req = make_requests({"request_id": "CSTO-1", "date": "2022-01-05"})
    resp = make_responses(
        {"request_id": "CSTO-1", "date": "2022-01-05", "level": "none"},
        {"request_id": "CSTO-1", "date": "2022-01-09", "level": "statement"},
    )
    row = one(request_outcomes(req, resp), "CSTO-1")
    assert row["first_response_date"] == pd.Timestamp("2022-01-09")
    assert row["lag_first_days"] == 4


def test_outcome_flags_follow_the_highest_level():
    req = make_requests({"request_id": "CSTO-1", "date": "2022-01-05"},
                        {"request_id": "CSTO-2", "date": "2022-01-05"},
                        {"request_id": "CSTO-3", "date": "2022-01-05"})
    resp = make_responses(
        {"request_id": "CSTO-1", "date": "2022-01-06", "level": "mission"},
        {"request_id": "CSTO-2", "date": "2022-01-06", "level": "material_aid"},
        {"request_id": "CSTO-3", "date": "2022-01-06", "level": "deployment"},
    )
    out = request_outcomes(req, resp).set_index("request_id")
    flags = out[["any_action", "material", "deployed"]].astype(bool).to_dict("index")
    assert flags["CSTO-1"] == {"any_action": True, "material": False, "deployed": False}
    assert flags["CSTO-2"] == {"any_action": True, "material": True, "deployed": False}
    assert flags["CSTO-3"] == {"any_action": True, "material": True, "deployed": True}


def test_troops_is_the_largest_number_sent_or_missing():
    req = make_requests({"request_id": "CSTO-1", "date": "2022-01-05"},
                        {"request_id": "CSTO-2", "date": "2022-01-05"})
    resp = make_responses(
        {"request_id": "CSTO-1", "date": "2022-01-06", "level": "deployment", "troops": 2030},
        {"request_id": "CSTO-1", "date": "2022-01-09", "level": "deployment", "troops": 500},
        {"request_id": "CSTO-2", "date": "2022-01-06", "level": "deployment"},
    )
    out = request_outcomes(req, resp)
    assert one(out, "CSTO-1")["troops"] == 2030
    assert pd.isna(one(out, "CSTO-2")["troops"])


def test_lags_to_first_response_and_to_first_response_at_the_top():
    req = make_requests({"request_id": "CSTO-1", "date": "2022-01-05"})
    resp = make_responses(
        {"request_id": "CSTO-1", "date": "2022-01-06", "level": "consultation"},
        {"request_id": "CSTO-1", "date": "2022-01-20", "level": "deployment"},
        {"request_id": "CSTO-1", "date": "2022-01-10", "level": "deployment"},
    )
    row = one(request_outcomes(req, resp), "CSTO-1")
    # 5 -> 6 January is 1 day; the first deployment is on 10 January, 5 days after the request.
    assert row["lag_first_days"] == 1
    assert row["lag_highest_days"] == 5
    assert row["highest_response_date"] == pd.Timestamp("2022-01-10")


def test_month_precision_response_before_the_request_day_counts_as_lag_zero():
    # Request on 13 May 2021; a response known only as "May 2021" is stored as 1 May.
    req = make_requests({"request_id": "CSTO-1", "date": "2021-05-13"})
    resp = make_responses({"request_id": "CSTO-1", "date": "2021-05-01",
                           "date_precision": "month", "level": "statement"})
    row = one(request_outcomes(req, resp), "CSTO-1")
    assert row["lag_first_days"] == 0
    assert row["lag_first_precision"] == "month"


def test_month_precision_request_gives_an_approximate_lag():
    # "August 1999" is stored as 1 August: 1 Aug -> 2 Oct is 30 + 31 + 1 = 62 days.
    req = make_requests({"request_id": "CSTO-1", "date": "1999-08-01", "date_precision": "month"})
    resp = make_responses({"request_id": "CSTO-1", "date": "1999-10-02", "level": "material_aid"})
    row = one(request_outcomes(req, resp), "CSTO-1")
    assert row["lag_first_days"] == 62
    assert row["lag_first_precision"] == "month"


def test_response_lag_days_rejects_a_day_precise_response_before_its_request():
    with pytest.raises(ValueError, match="before its request"):
        response_lag_days(pd.Series(pd.to_datetime(["2021-05-13"])),
                          pd.Series(pd.to_datetime(["2021-05-12"])),
                          pd.Series(["day"], dtype="string"))


def test_response_lag_days_rejects_a_month_that_ended_before_the_request():
    # April 2021 ends on 30 April, before a request of 13 May.
    with pytest.raises(ValueError, match="before its request"):
        response_lag_days(pd.Series(pd.to_datetime(["2021-05-13"])),
                          pd.Series(pd.to_datetime(["2021-04-01"])),
                          pd.Series(["month"], dtype="string"))

days_after = st.integers(min_value=0, max_value=3000)

start_days = st.dates(min_value=date(1990, 1, 1), max_value=date(2030, 12, 31))

precisions = st.sampled_from(["day", "month", "year"])


def _stored(day: date, precision: str) -> date:
    """How a date of this precision is stored: the first day of its month or year."""
    if precision == "month":
        return day.replace(day=1)
    if precision == "year":
        return day.replace(month=1, day=1)
    return day


@settings(max_examples=30, deadline=None)
@given(start_days, precisions, st.lists(st.tuples(days_after, precisions), min_size=1,
                                        max_size=5))
def test_property_a_response_lag_is_never_negative(asked, asked_precision, answers):
    # A response really happens on or after the request; it is stored at its own precision.
    request_day = _stored(asked, asked_precision)
    req = make_requests({"request_id": "CSTO-1", "date": str(request_day),
                         "date_precision": asked_precision})
    resp = make_responses(*[
        {"request_id": "CSTO-1", "date": str(_stored(asked + timedelta(days=k), p)),
         "date_precision": p, "level": "statement"}
        for k, p in answers
    ])
    lags = response_lag_days(pd.Series([pd.Timestamp(request_day)] * len(resp)), resp["date"],
                             resp["date_precision"])
    assert (lags >= 0).all()
    row = one(request_outcomes(req, resp), "CSTO-1")
    assert row["lag_first_days"] >= 0
    assert row["lag_highest_days"] >= 0


@settings(max_examples=30, deadline=None)
@given(st.lists(st.sampled_from(RESPONSE_LEVELS), min_size=1, max_size=6))
def test_property_highest_level_is_at_least_every_response_level(levels):
    req = make_requests({"request_id": "CSTO-1", "date": "2022-01-05"})
    resp = make_responses(*[{"request_id": "CSTO-1", "date": f"2022-01-{6 + i:02d}",
                             "level": level} for i, level in enumerate(levels)])
    highest = request_outcomes(req, resp)["highest_level"]  # ordered: compares on the scale
    assert all((highest >= level).all() for level in levels)
    assert highest.iloc[0] in levels


def test_gap_compares_the_level_asked_with_the_level_reached():
    req = make_requests({"request_id": "CSTO-1", "date": "2022-01-05",
                         "ask": "Peacekeeping contingent to restore order",
                         "asked_level": "deployment"})
    resp = make_responses({"request_id": "CSTO-1", "date": "2022-01-06", "level": "mission"})
    row = one(request_outcomes(req, resp), "CSTO-1")
    # Asked deployment (5), got mission (3): two steps short.
    assert row["asked_level"] == "deployment"
    assert row["gap_rank"] == 2
    assert row["gap"] == "short"


def test_no_gap_is_computed_for_a_crisis_without_request():
    req = make_requests({"request_id": "CSTO-1", "date": "2022-01-05", "request_made": "no"})
    row = one(request_outcomes(req, make_responses()), "CSTO-1")
    assert pd.isna(row["asked_level"])
    assert pd.isna(row["gap"])


def test_periods_label_each_date_by_its_years():
    dates = pd.Series(pd.to_datetime(["1991-12-31", "1999-08-01", "2002-01-01", "2019-12-31",
                                      "2025-09-10"]))
    labels = periods(dates).astype(object).tolist()
    assert pd.isna(labels[0])
    assert labels[1:] == ["1992-2001", "2002-2009", "2010-2019", "2020-"]


def test_merge_joint_requests_folds_a_joint_request_into_one_row():
    merged = merge_joint_requests(joint_outcomes())
    assert len(merged) == 2
    joint = merged[merged["requests_merged"] == 2].iloc[0]
    assert joint["requester"] == "EST;POL"
    assert joint["highest_level"] == "deployment"
    assert joint["lag_highest_days"] == 1


def test_real_data_gives_one_outcome_row_per_request(tables):
    outcomes = request_outcomes(tables["requests"], tables["responses"])
    assert sorted(outcomes["request_id"]) == sorted(tables["requests"]["request_id"])


def test_real_data_lags_are_never_negative(tables):
    outcomes = request_outcomes(tables["requests"], tables["responses"])
    lags = outcomes[["lag_first_days", "lag_highest_days"]].stack()
    assert (lags >= 0).all()


# --- responders: the alliance's answers, the patron's and another organization's ----------------

def _responder_fixture():
    req = make_requests({"request_id": "CSTO-1", "date": "2021-05-13",
                         "asked_level": "deployment"})
    resp = make_responses(
        {"request_id": "CSTO-1", "date": "2021-05-14", "level": "consultation"},
        {"request_id": "CSTO-1", "responder": "patron", "date": "2021-08-05",
         "level": "deployment"},
        {"request_id": "CSTO-1", "responder": "other_organization", "date": "2021-06-01",
         "level": "mission"},
    )
    return req, resp


def test_request_outcomes_count_only_the_alliance_by_default():
    req, resp = _responder_fixture()
    row = one(request_outcomes(req, resp), "CSTO-1")
    # The patron's deployment does not lift the alliance's outcome above its consultation.
    assert row["highest_level"] == "consultation" and not row["deployed"]
    assert row["gap"] == "short"


def test_request_outcomes_for_the_patron_or_several_responders():
    req, resp = _responder_fixture()
    patron = one(request_outcomes(req, resp, responder="patron"), "CSTO-1")
    assert patron["highest_level"] == "deployment" and patron["gap"] == "met"
    both = one(request_outcomes(req, resp, responder=("alliance", "other_organization")),
               "CSTO-1")
    assert both["highest_level"] == "mission"


def test_an_unknown_responder_is_refused():
    req, resp = _responder_fixture()
    with pytest.raises(ValueError, match="unknown responder"):
        request_outcomes(req, resp, responder="Russia")


def test_a_response_table_without_responders_is_the_alliance_s():
    req, resp = _responder_fixture()
    plain = resp.drop(columns="responder").iloc[[0]]
    assert one(request_outcomes(req, plain), "CSTO-1")["highest_level"] == "consultation"
    assert one(request_outcomes(req, plain, responder="patron"),
               "CSTO-1")["highest_level"] == "none"
