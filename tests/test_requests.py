"""Requests against responses: highest level, lags, Wilson intervals, rates, the intervention
timeline and its charts. Expected values are worked out by hand in each test."""

from __future__ import annotations

import math
from datetime import date, timedelta

import matplotlib.pyplot as plt
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.charts import requests as charts
from analysis.charts.base import Chart
from analysis.measures.interventions import filter_timeline, intervention_timeline
from analysis.measures.rates import (
    crises_without_request,
    response_rates,
    wilson_interval,
    yardstick,
)
from analysis.measures.requests import (
    merge_joint_requests,
    periods,
    request_outcomes,
    response_lag_days,
)
from analysis.data.codebook.vocabulary import RESPONSE_LEVELS
from analysis.data.codebook import TABLES
from analysis.charts.style import use_house_style

Z95 = 1.959963984540054  # the 97.5% quantile of the standard normal


# --- fixtures: frames with the columns and dtypes of the loaded tables ---------------------------

def _typed(rows: list[dict], table: str) -> pd.DataFrame:
    spec = TABLES[table]
    frame = pd.DataFrame(rows, columns=spec.field_names)
    for f in spec.fields:
        if f.kind == "date":
            frame[f.name] = pd.to_datetime(frame[f.name]).astype("datetime64[ns]")
        elif f.kind == "integer":
            frame[f.name] = pd.array([None if pd.isna(v) else int(v) for v in frame[f.name]],
                                     dtype="Int64")
        else:
            frame[f.name] = frame[f.name].astype("string")
    return frame


def make_requests(*rows: dict) -> pd.DataFrame:
    defaults = {"organization": "CSTO", "crisis": "A crisis", "requester": "KGZ",
                "date_precision": "day", "threat": "internal_unrest", "instrument": "Article 4",
                "request_made": "yes", "ask": "Consultations", "asked_level": "consultation",
                "source": "s1"}
    filled = []
    for row in rows:
        full = {**defaults, "crisis": f"Crisis {row['request_id']}", **row}
        if full["request_made"] == "no" and "ask" not in row:
            full["ask"] = None
            full["asked_level"] = None
        filled.append(full)
    return _typed(filled, "requests")


def make_responses(*rows: dict) -> pd.DataFrame:
    defaults = {"date_precision": "day", "troops": None, "end": None, "end_precision": None,
                "description": "Something was done", "source": "s1"}
    counts: dict[str, int] = {}
    filled = []
    for row in rows:
        counts[row["request_id"]] = counts.get(row["request_id"], 0) + 1
        rid = f"{row['request_id']}-R{counts[row['request_id']]}"
        filled.append({**defaults, "response_id": rid, **row})
    return _typed(filled, "responses")


def one(outcomes: pd.DataFrame, request_id: str) -> pd.Series:
    rows = outcomes[outcomes["request_id"] == request_id]
    assert len(rows) == 1
    return rows.iloc[0]


# --- highest level --------------------------------------------------------------------------------

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


# --- lags -----------------------------------------------------------------------------------------

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


# --- what was asked -------------------------------------------------------------------------------

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


# --- Wilson intervals -----------------------------------------------------------------------------

def _wilson_by_hand(k: int, n: int, z: float = Z95) -> tuple[float, float]:
    p = k / n
    centre = (p + z**2 / (2 * n)) / (1 + z**2 / n)
    half = z / (1 + z**2 / n) * math.sqrt(p * (1 - p) / n + z**2 / (4 * n**2))
    return centre - half, centre + half


@pytest.mark.parametrize(("k", "n"), [(3, 10), (1, 4), (7, 20), (12, 17)])
def test_wilson_interval_matches_the_formula(k, n):
    assert wilson_interval(k, n) == pytest.approx(_wilson_by_hand(k, n), abs=1e-12)


def test_wilson_interval_for_3_of_10_is_the_textbook_value():
    # The commonly quoted 95% Wilson interval for 3/10 is 0.108 to 0.603.
    low, high = wilson_interval(3, 10)
    assert low == pytest.approx(0.1078, abs=5e-4)
    assert high == pytest.approx(0.6032, abs=5e-4)


def test_wilson_interval_for_no_successes_starts_at_zero():
    # With k = 0 the upper bound reduces to z^2 / (n + z^2): 3.8415 / 8.8415 for n = 5.
    low, high = wilson_interval(0, 5)
    assert low == 0.0
    assert high == pytest.approx(Z95**2 / (5 + Z95**2), abs=1e-12)
    assert high == pytest.approx(0.4345, abs=1e-4)


def test_wilson_interval_for_all_successes_ends_at_one():
    # With k = n the lower bound reduces to n / (n + z^2): 5 / 8.8415 for n = 5.
    low, high = wilson_interval(5, 5)
    assert high == 1.0
    assert low == pytest.approx(5 / (5 + Z95**2), abs=1e-12)


def test_wilson_interval_of_nothing_is_undefined():
    low, high = wilson_interval(0, 0)
    assert math.isnan(low) and math.isnan(high)


def test_wilson_interval_rejects_more_successes_than_trials():
    with pytest.raises(ValueError):
        wilson_interval(6, 5)


@settings(max_examples=300, deadline=None)
@given(st.integers(min_value=1, max_value=2000).flatmap(
    lambda n: st.tuples(st.integers(min_value=0, max_value=n), st.just(n))))
def test_property_wilson_interval_contains_the_rate_inside_zero_one(kn):
    k, n = kn
    low, high = wilson_interval(k, n)
    assert 0.0 <= low <= k / n <= high <= 1.0


# --- rates, periods, yardstick --------------------------------------------------------------------

def _rates_fixture() -> pd.DataFrame:
    req = make_requests(
        {"request_id": "CSTO-1", "date": "2010-06-12", "threat": "internal_unrest"},
        {"request_id": "CSTO-2", "date": "2021-07-07", "threat": "internal_unrest"},
        {"request_id": "CSTO-3", "date": "2022-01-05", "threat": "internal_unrest"},
        {"request_id": "CSTO-4", "date": "2022-09-13", "threat": "border_clash"},
        {"request_id": "CSTO-5", "date": "2022-09-14", "threat": "internal_unrest",
         "request_made": "no"},
    )
    resp = make_responses(
        {"request_id": "CSTO-1", "date": "2010-06-14", "level": "consultation"},
        {"request_id": "CSTO-2", "date": "2021-07-08", "level": "deployment"},
        {"request_id": "CSTO-3", "date": "2022-01-06", "level": "deployment"},
        {"request_id": "CSTO-4", "date": "2022-09-15", "level": "mission"},
        {"request_id": "CSTO-5", "date": "2022-09-16", "level": "deployment"},
    )
    return request_outcomes(req, resp)


def test_response_rates_by_threat_count_only_requests_made():
    rates = response_rates(_rates_fixture(), "threat", success="deployed").set_index("threat")
    # internal_unrest: CSTO-1 (consultation), -2 and -3 (deployed); CSTO-5 made no request.
    assert rates.loc["internal_unrest", ["n", "k"]].tolist() == [3, 2]
    assert rates.loc["internal_unrest", "rate"] == pytest.approx(2 / 3)
    assert rates.loc["border_clash", ["n", "k"]].tolist() == [1, 0]


def test_response_rates_carry_the_wilson_interval_of_each_group():
    rates = response_rates(_rates_fixture(), "threat", success="deployed").set_index("threat")
    low, high = _wilson_by_hand(2, 3)
    assert rates.loc["internal_unrest", "low"] == pytest.approx(low)
    assert rates.loc["internal_unrest", "high"] == pytest.approx(high)


def test_response_rates_by_period():
    rates = response_rates(_rates_fixture(), "period", success="any_action").set_index("period")
    # 2010 falls in 2010-2019 (1 request), 2021-2022 in 2020- (3 requests), all acted on.
    assert rates.loc["2010-2019", ["n", "k"]].tolist() == [1, 1]
    assert rates.loc["2020-", ["n", "k"]].tolist() == [3, 3]


def test_periods_label_each_date_by_its_years():
    dates = pd.Series(pd.to_datetime(["1991-12-31", "1999-08-01", "2002-01-01", "2019-12-31",
                                      "2025-09-10"]))
    labels = periods(dates).astype(object).tolist()
    assert pd.isna(labels[0])
    assert labels[1:] == ["1992-2001", "2002-2009", "2010-2019", "2020-"]


def _joint_fixture() -> pd.DataFrame:
    common = {"organization": "NATO", "crisis": "Invasion", "date": "2022-02-24",
              "threat": "external_aggression"}
    req = make_requests({"request_id": "NATO-A", "requester": "POL", **common},
                        {"request_id": "NATO-B", "requester": "EST", **common},
                        {"request_id": "NATO-C", "requester": "TUR", "organization": "NATO",
                         "date": "2020-02-27", "threat": "external_aggression"})
    resp = make_responses(
        {"request_id": "NATO-A", "date": "2022-02-24", "level": "consultation"},
        {"request_id": "NATO-B", "date": "2022-02-24", "level": "consultation"},
        {"request_id": "NATO-B", "date": "2022-02-25", "level": "deployment"},
        {"request_id": "NATO-C", "date": "2020-02-28", "level": "consultation"},
    )
    return request_outcomes(req, resp)


def test_merge_joint_requests_folds_a_joint_request_into_one_row():
    merged = merge_joint_requests(_joint_fixture())
    assert len(merged) == 2
    joint = merged[merged["requests_merged"] == 2].iloc[0]
    assert joint["requester"] == "EST;POL"
    assert joint["highest_level"] == "deployment"
    assert joint["lag_highest_days"] == 1


def test_response_rates_count_a_joint_request_once_unless_told_otherwise():
    outcomes = _joint_fixture()
    once = response_rates(outcomes, "organization", success="deployed")
    each = response_rates(outcomes, "organization", success="deployed", merge_joint=False)
    assert once[["n", "k"]].iloc[0].tolist() == [2, 1]
    assert each[["n", "k"]].iloc[0].tolist() == [3, 1]


def test_crises_without_request_lists_only_those():
    req = make_requests({"request_id": "CSTO-1", "date": "2022-01-05"},
                        {"request_id": "CSTO-2", "date": "2020-07-12", "request_made": "no"})
    assert crises_without_request(req)["request_id"].tolist() == ["CSTO-2"]


def test_yardstick_summarises_each_alliance_by_the_same_measures():
    csto = _rates_fixture()
    both = pd.concat([csto, _joint_fixture()], ignore_index=True)
    table = yardstick(both).set_index("organization")
    # CSTO: 5 crises, 4 requests, 2 deployed; first lags 2, 1, 1, 2 days -> median 1.5.
    assert table.loc["CSTO", ["crises", "requests", "no_request", "deployed"]].tolist() == [
        5, 4, 1, 2]
    assert table.loc["CSTO", "median_lag_first_days"] == 1.5
    # NATO: the joint request counts once: 2 requests, 1 deployed, first lags 0 and 1 -> 0.5.
    assert table.loc["NATO", ["requests", "deployed"]].tolist() == [2, 1]
    assert table.loc["NATO", "median_lag_first_days"] == 0.5
    assert table.loc["NATO", "deployed_rate"] == 0.5


# --- intervention timeline ------------------------------------------------------------------------

def _timeline_fixture() -> pd.DataFrame:
    req = make_requests(
        {"request_id": "CSTO-1", "date": "2022-01-05", "requester": "KAZ"},
        {"request_id": "CSTO-2", "date": "2022-09-14", "requester": "KGZ;TJK",
         "request_made": "no"},
    )
    resp = make_responses(
        {"request_id": "CSTO-1", "date": "2022-01-06", "level": "deployment", "troops": 2030,
         "end": "2022-01-19", "end_precision": "day"},
        {"request_id": "CSTO-2", "date": "2022-09-16", "level": "none"},
    )
    events = _typed([
        {"event_id": "E001", "date": "2009-06-14", "date_precision": "day",
         "type": "force_created", "organization": "CSTO", "states": "ARM;RUS",
         "description": "Rapid reaction force set up", "source": "s1"},
        {"event_id": "E002", "date": "2012-12-19", "date_precision": "day", "type": "suspension",
         "organization": "CSTO", "states": "UZB", "description": "Suspension", "source": "s1"},
    ], "events")
    return intervention_timeline(req, resp, events)


def test_timeline_has_one_row_per_request_crisis_response_and_chosen_event():
    timeline = _timeline_fixture()
    assert timeline["kind"].tolist() == ["event", "request", "deployment", "no_request",
                                         "no_action"]


def test_timeline_duration_is_end_minus_start_for_a_deployment():
    timeline = _timeline_fixture()
    deployment = timeline[timeline["kind"] == "deployment"].iloc[0]
    # 6 -> 19 January 2022: 13 days.
    assert deployment["duration_days"] == 13
    assert timeline.loc[timeline["kind"] == "request", "duration_days"].isna().all()


def test_filter_timeline_by_state_matches_any_listed_state():
    kept = filter_timeline(_timeline_fixture(), states=["TJK"])
    assert kept["request_id"].tolist() == ["CSTO-2", "CSTO-2"]


def test_filter_timeline_window_keeps_spans_that_overlap_it():
    # The deployment runs 6-19 January; a window from 10 January still catches it.
    kept = filter_timeline(_timeline_fixture(), start="2022-01-10", end="2022-01-31")
    assert kept["kind"].tolist() == ["deployment"]


def test_filter_timeline_by_kind():
    kept = filter_timeline(_timeline_fixture(), kinds=["request", "no_request"])
    assert kept["request_id"].tolist() == ["CSTO-1", "CSTO-2"]


# --- charts ---------------------------------------------------------------------------------------

@pytest.fixture
def house_style():
    use_house_style()
    yield
    plt.close("all")


def test_response_ladder_draws_one_dot_per_crisis(house_style):
    chart = charts.response_ladder(_rates_fixture(), organization="CSTO")
    assert isinstance(chart, Chart)
    assert len(chart.data) == 5
    assert chart.figure.axes[0].get_title(loc="left")


def test_rates_by_threat_draws_one_bar_per_group(house_style):
    chart = charts.rates_by_threat(response_rates(_rates_fixture(), "threat"))
    assert chart.data["label"].tolist() == ["border clash", "internal unrest"]


def test_intervention_timeline_chart_puts_events_in_their_own_lane(house_style):
    chart = charts.intervention_timeline_chart(_timeline_fixture())
    assert set(chart.data["lane"]) == {"Forces created", "Crisis CSTO-1 (2022)",
                                       "Crisis CSTO-2 (2022)"}


def test_lag_chart_draws_only_requests_made(house_style):
    chart = charts.lag_chart(_rates_fixture())
    assert chart.data["request_id"].tolist() == ["CSTO-1", "CSTO-2", "CSTO-3", "CSTO-4"]


# --- real data ------------------------------------------------------------------------------------

def test_real_data_gives_one_outcome_row_per_request(tables):
    outcomes = request_outcomes(tables["requests"], tables["responses"])
    assert sorted(outcomes["request_id"]) == sorted(tables["requests"]["request_id"])


def test_real_data_lags_are_never_negative(tables):
    outcomes = request_outcomes(tables["requests"], tables["responses"])
    lags = outcomes[["lag_first_days", "lag_highest_days"]].stack()
    assert (lags >= 0).all()


def test_real_data_rates_count_every_request_made_once(tables):
    outcomes = request_outcomes(tables["requests"], tables["responses"])
    rates = response_rates(outcomes, ["organization", "threat"], merge_joint=False)
    assert rates["n"].sum() == (tables["requests"]["request_made"] == "yes").sum()


def test_real_data_yardstick_has_both_alliances(tables):
    outcomes = request_outcomes(tables["requests"], tables["responses"])
    table = yardstick(outcomes)
    assert table["organization"].tolist() == ["CSTO", "NATO"]
    assert (table["requests"] + table["no_request"] == table["crises"]).all()


def test_real_data_timeline_holds_every_request_and_response_once(tables):
    timeline = intervention_timeline(tables["requests"], tables["responses"], tables["events"])
    asks = timeline[timeline["kind"].isin(["request", "no_request"])]
    assert sorted(asks["request_id"]) == sorted(tables["requests"]["request_id"])
    answers = timeline[~timeline["kind"].isin(["request", "no_request", "event"])]
    assert len(answers) == len(tables["responses"])


def test_real_data_charts_draw(tables, house_style):
    outcomes = request_outcomes(tables["requests"], tables["responses"])
    timeline = intervention_timeline(tables["requests"], tables["responses"], tables["events"])
    made = (tables["requests"]["request_made"] == "yes").sum()
    csto = (tables["requests"]["organization"] == "CSTO").sum()
    assert len(charts.response_ladder(outcomes).data) == csto
    # A joint request is one row: the eight Article 4 requests of 24 February 2022 are one.
    joint = outcomes[outcomes["request_made"] == "yes"].groupby(
        ["organization", "crisis", "date"]).ngroups
    assert len(charts.lag_chart(outcomes).data) == joint
    assert len(charts.rates_by_threat(response_rates(outcomes, "threat")).data) > 0
    assert len(charts.intervention_timeline_chart(timeline).data) > 0
