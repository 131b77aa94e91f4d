"""The chart of competing values."""

from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd

from analysis.charts.provenance import competing_values_chart
from analysis.measures.provenance import competing_values
from tests.helpers.charts import house_style  # noqa: F401 - autouse fixture
from tests.helpers.provenance import DISC

SOURCES = pd.DataFrame({"source_id": ["s-a", "s-b", "s-c", "s-d"],
                        "publisher": ["A", "B", "C", "D"]}, dtype="string")


def test_chart_draws_one_bar_per_numeric_value():
    chart = competing_values_chart(competing_values(DISC, "responses", "R1", "troops"), SOURCES,
                                   title="t", unit="troops")
    assert chart.data["label"].tolist() == ["A", "B"]
    assert chart.data["used"].tolist() == [True, False]
    plt.close(chart.figure)
