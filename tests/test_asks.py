"""What was asked against what came: the measure and the intro's chart."""

from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd

from analysis.charts.asks import asked_versus_got_chart
from analysis.charts.style import use_house_style
from analysis.data.codebook.vocabulary import RESPONSE_LEVELS
from analysis.measures.rates import asked_versus_got


def _outcomes(rows):
    levels = pd.CategoricalDtype(RESPONSE_LEVELS, ordered=True)
    frame = pd.DataFrame(rows, columns=["request_id", "organization", "crisis", "date",
                                        "request_made", "asked_level", "highest_level"])
    frame["date"] = pd.to_datetime(frame["date"])
    frame["asked_level"] = frame["asked_level"].astype(levels)
    frame["highest_level"] = frame["highest_level"].astype(levels)
    return frame


OUTCOMES = _outcomes([
    ("C1", "CSTO", "a", "2010-01-01", "yes", "deployment", "none"),
    ("C2", "CSTO", "b", "2011-01-01", "yes", "deployment", "none"),
    ("C3", "CSTO", "c", "2012-01-01", "yes", "material_aid", "material_aid"),
    ("C4", "CSTO", "d", "2013-01-01", "no", None, "none"),
    ("N1", "NATO", "e", "2014-01-01", "yes", "consultation", "deployment"),
])


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


def test_the_chart_marks_each_pair_less_as_asked_or_more():
    use_house_style()
    chart = asked_versus_got_chart(asked_versus_got(OUTCOMES, merge_joint=False))
    assert chart.data["outcome"].tolist() == ["less", "as asked", "more"]
    titles = [ax.get_title(loc="left") for ax in chart.figure.axes]
    assert titles == ["CSTO: 2 of 3 requests got less than asked",
                      "NATO: 0 of 1 requests got less than asked"]
    plt.close(chart.figure)
