"""The charts of requests and responses: ladder, rates, lags and the intervention timeline."""

from __future__ import annotations

from analysis import charts
from analysis.charts.base import Chart
from analysis.measures.interventions import intervention_timeline
from analysis.measures.rates import (
    response_rates,
)
from analysis.measures.requests import request_outcomes
from tests.helpers.charts import house_style  # noqa: F401 - autouse fixture
from tests.helpers.requests import (
    make_requests,
    make_responses,
    rates_outcomes,
)


def test_lag_chart_shows_a_joint_request_once_and_both_lags(tables):
    """Ch. 3.5: the figure drew the joint request of 24 Feb 2022 as eight rows and plotted only
    the first response while the text quoted the highest."""
    outcomes = request_outcomes(tables["requests"], tables["responses"])
    made = (tables["requests"]["request_made"] == "yes").sum()
    data = charts.lag_chart(outcomes).data
    feb = data[data["request_id"].str.contains("NATO-A4-2022-BGR")]
    assert len(feb) == 1 and feb["requests_merged"].iloc[0] == 8
    assert {"lag_first_days", "lag_highest_days"} <= set(data.columns)
    assert len(data) == made - 7


def test_lag_chart_by_hand():
    req = make_requests(
        {"request_id": "N-1", "organization": "NATO", "requester": "EST", "date": "2022-02-24",
         "crisis": "Invasion"},
        {"request_id": "N-2", "organization": "NATO", "requester": "POL", "date": "2022-02-24",
         "crisis": "Invasion"},
    )
    resp = make_responses(
        {"request_id": "N-1", "date": "2022-02-24", "level": "consultation"},
        {"request_id": "N-2", "date": "2022-02-24", "level": "consultation"},
        {"request_id": "N-2", "date": "2022-02-26", "level": "deployment"},
    )
    data = charts.lag_chart(request_outcomes(req, resp)).data
    assert data[["requests_merged", "lag_first_days", "lag_highest_days"]].values.tolist() == [
        [2, 0, 2]]


def test_response_ladder_draws_one_dot_per_crisis():
    chart = charts.response_ladder(rates_outcomes(), organization="CSTO")
    assert isinstance(chart, Chart)
    assert len(chart.data) == 5
    assert chart.figure.axes[0].get_title(loc="left")


def test_rates_by_threat_draws_one_bar_per_group():
    chart = charts.rates_by_threat(response_rates(rates_outcomes(), "threat"))
    assert chart.data["label"].tolist() == ["armed attack", "unrest"]


def test_lag_chart_draws_only_requests_made():
    chart = charts.lag_chart(rates_outcomes())
    assert chart.data["request_id"].tolist() == ["CSTO-1", "CSTO-2", "CSTO-3", "CSTO-4"]


def test_real_data_charts_draw(tables):
    outcomes = request_outcomes(tables["requests"], tables["responses"])
    timeline = intervention_timeline(tables["requests"], tables["responses"], tables["events"])
    csto = (tables["requests"]["organization"] == "CSTO").sum()
    assert len(charts.response_ladder(outcomes).data) == csto
    # A joint request is one row: the eight Article 4 requests of 24 February 2022 are one.
    joint = outcomes[outcomes["request_made"] == "yes"].groupby(
        ["organization", "crisis", "date"]).ngroups
    assert len(charts.lag_chart(outcomes).data) == joint
    assert len(charts.rates_by_threat(response_rates(outcomes, "threat")).data) > 0
    assert len(charts.intervention_timeline_chart(timeline).data) > 0
