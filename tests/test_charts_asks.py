"""The intro's chart of what was asked against what came."""

from __future__ import annotations

import matplotlib.pyplot as plt

from analysis.charts.asks import asked_versus_got_chart
from analysis.charts.style import use_house_style
from analysis.measures.rates import asked_versus_got
from tests.helpers.asks import OUTCOMES
from tests.helpers.charts import house_style  # noqa: F401 - autouse fixture


def test_the_chart_marks_each_pair_less_as_asked_or_more():
    use_house_style()
    chart = asked_versus_got_chart(asked_versus_got(OUTCOMES, merge_joint=False))
    assert chart.data["outcome"].tolist() == ["less", "as asked", "more"]
    titles = [ax.get_title(loc="left") for ax in chart.figure.axes]
    assert titles == ["CSTO: 2 of 3 requests got less than asked",
                      "NATO: 0 of 1 requests got less than asked"]
    plt.close(chart.figure)
