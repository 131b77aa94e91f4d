"""The intervention timeline chart."""

from __future__ import annotations

from analysis import charts
from tests.helpers.charts import house_style  # noqa: F401 - autouse fixture
from tests.helpers.requests import (
    timeline_fixture_table,
)


def test_intervention_timeline_chart_puts_events_in_their_own_lane():
    chart = charts.intervention_timeline_chart(timeline_fixture_table())
    assert set(chart.data["lane"]) == {"Forces created", "Crisis CSTO-1 (2022)",
                                       "Crisis CSTO-2 (2022)"}
