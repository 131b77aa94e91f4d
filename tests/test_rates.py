"""Rates with Wilson intervals, the yardstick, the ask-versus-outcome pairs."""

from __future__ import annotations

import math

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.measures.rates import (
    asked_versus_got,
    crises_without_request,
    response_rates,
    wilson_interval,
    yardstick,
)
from analysis.measures.requests import (
    request_outcomes,
)
from tests.helpers.asks import OUTCOMES
from tests.helpers.requests import (
    joint_outcomes,
    make_requests,
    make_responses,
    rates_outcomes,
)


def test_yardstick_counts_requests_short_of_met_and_beyond_the_ask():
    req = make_requests(
        {"request_id": "C-1", "asked_level": "deployment", "date": "2022-01-01"},
        {"request_id": "C-2", "asked_level": "consultation", "date": "2022-02-01"},
        {"request_id": "C-3", "asked_level": "statement", "date": "2022-03-01"},
        {"request_id": "C-4", "asked_level": None, "date": "2022-04-01"},
    )
    resp = make_responses(
        {"request_id": "C-1", "date": "2022-01-02", "level": "mission"},       # 5 - 3 = 2 short
        {"request_id": "C-2", "date": "2022-02-02", "level": "consultation"},  # met
        {"request_id": "C-3", "date": "2022-03-02", "level": "deployment"},    # 1 - 5 = -4
    )
    row = yardstick(request_outcomes(req, resp)).iloc[0]
    assert (row["asked_coded"], row["short"], row["met"], row["exceeded"]) == (3, 1, 1, 1)
    assert row["short_rate"] == pytest.approx(1 / 3)
    # Mean of the gaps 2, 0 and -4: -2/3.
    assert row["mean_gap_rank"] == pytest.approx(-2 / 3)


def test_real_data_nato_never_fell_short_and_the_csto_often_did(tables):
    """Of the requests that went to the alliance itself; France's request of 2015 went to the EU
    (``addressed_to`` other_organization), so NATO's outcome on it is `none` by construction."""
    req = tables["requests"]
    to_alliance = req[req["addressed_to"].isin(["alliance", "both"])]
    table = yardstick(request_outcomes(to_alliance, tables["responses"])).set_index(
        "organization")
    assert table.loc["NATO", "short"] == 0
    assert table.loc["CSTO", "short"] > 0
    elsewhere = req[req["addressed_to"] == "other_organization"]
    assert "NATO-2015-FRA" in set(elsewhere["request_id"])


Z95 = 1.959963984540054  # the 97.5% quantile of the standard normal


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


def test_response_rates_by_threat_count_only_requests_made():
    rates = response_rates(rates_outcomes(), "threat", success="deployed").set_index("threat")
    # unrest: CSTO-1 (consultation), -2 and -3 (deployed); CSTO-5 made no request.
    assert rates.loc["unrest", ["n", "k"]].tolist() == [3, 2]
    assert rates.loc["unrest", "rate"] == pytest.approx(2 / 3)
    assert rates.loc["armed_attack", ["n", "k"]].tolist() == [1, 0]


def test_response_rates_carry_the_wilson_interval_of_each_group():
    rates = response_rates(rates_outcomes(), "threat", success="deployed").set_index("threat")
    low, high = _wilson_by_hand(2, 3)
    assert rates.loc["unrest", "low"] == pytest.approx(low)
    assert rates.loc["unrest", "high"] == pytest.approx(high)


def test_response_rates_by_period():
    rates = response_rates(rates_outcomes(), "period", success="any_action").set_index("period")
    # 2010 falls in 2010-2019 (1 request), 2021-2022 in 2020- (3 requests), all acted on.
    assert rates.loc["2010-2019", ["n", "k"]].tolist() == [1, 1]
    assert rates.loc["2020-", ["n", "k"]].tolist() == [3, 3]


def test_response_rates_count_a_joint_request_once_unless_told_otherwise():
    outcomes = joint_outcomes()
    once = response_rates(outcomes, "organization", success="deployed")
    each = response_rates(outcomes, "organization", success="deployed", merge_joint=False)
    assert once[["n", "k"]].iloc[0].tolist() == [2, 1]
    assert each[["n", "k"]].iloc[0].tolist() == [3, 1]


def test_crises_without_request_lists_only_those():
    req = make_requests({"request_id": "CSTO-1", "date": "2022-01-05"},
                        {"request_id": "CSTO-2", "date": "2020-07-12", "request_made": "no"})
    assert crises_without_request(req)["request_id"].tolist() == ["CSTO-2"]


def test_yardstick_summarises_each_alliance_by_the_same_measures():
    csto = rates_outcomes()
    both = pd.concat([csto, joint_outcomes()], ignore_index=True)
    table = yardstick(both).set_index("organization")
    # CSTO: 5 crises, 4 requests, 2 deployed; first lags 2, 1, 1, 2 days -> median 1.5.
    assert table.loc["CSTO", ["crises", "requests", "no_request", "deployed"]].tolist() == [
        5, 4, 1, 2]
    assert table.loc["CSTO", "median_lag_first_days"] == 1.5
    # NATO: the joint request counts once: 2 requests, 1 deployed, first lags 0 and 1 -> 0.5.
    assert table.loc["NATO", ["requests", "deployed"]].tolist() == [2, 1]
    assert table.loc["NATO", "median_lag_first_days"] == 0.5
    assert table.loc["NATO", "deployed_rate"] == 0.5


def test_real_data_rates_count_every_request_made_once(tables):
    outcomes = request_outcomes(tables["requests"], tables["responses"])
    rates = response_rates(outcomes, ["organization", "threat"], merge_joint=False)
    assert rates["n"].sum() == (tables["requests"]["request_made"] == "yes").sum()


def test_real_data_yardstick_has_both_alliances(tables):
    outcomes = request_outcomes(tables["requests"], tables["responses"])
    table = yardstick(outcomes)
    assert table["organization"].tolist() == ["CSTO", "NATO"]
    assert (table["requests"] + table["no_request"] == table["crises"]).all()


def test_pairs_are_counted_per_alliance_without_the_crises_with_no_request():
    table = asked_versus_got(OUTCOMES, merge_joint=False)
    assert table.to_dict("records") == [
        {"organization": "CSTO", "asked_level": "deployment", "highest_level": "none",
         "requests": 2, "outcome": "less"},
        {"organization": "CSTO", "asked_level": "material_aid", "highest_level": "material_aid",
         "requests": 1, "outcome": "as asked"},
        {"organization": "NATO", "asked_level": "consultation", "highest_level": "deployment",
         "requests": 1, "outcome": "more"},
    ]
