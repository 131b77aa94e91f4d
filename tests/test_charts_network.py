"""The network charts: the state projection drawn on fixed positions, and the bases chart."""

from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd

from analysis.charts.network import bases_chart, network_drawing
from analysis.measures import installations, network
from tests.helpers.charts import house_style  # noqa: F401 - autouse fixture
from tests.helpers.network import (
    TOY,
    TOY_BASES,
)


def test_network_drawing_returns_a_row_per_node_and_edge():
    projection = network.state_projection(network.affiliation_graph(TOY, "2020-01-01"))
    positions = {"RUS": (100.0, 60.0), "ARM": (45.0, 40.0), "KAZ": (67.0, 48.0),
                 "TJK": (71.0, 38.5)}
    chart = network_drawing(projection, positions)
    kinds = chart.data["kind"].value_counts().to_dict()
    assert kinds == {"node": 4, "edge": 6}
    assert chart.figure.axes[0].get_title(loc="left").startswith("States sharing organizations")
    plt.close(chart.figure)


def test_network_drawing_keeps_positions_across_snapshots():
    positions = {"RUS": (100.0, 60.0), "ARM": (45.0, 40.0), "KAZ": (67.0, 48.0),
                 "TJK": (71.0, 38.5)}
    frames = []
    for date in ["2012-01-01", "2025-01-01"]:
        chart = network_drawing(network.state_projection(network.affiliation_graph(TOY, date)),
                                positions)
        frames.append(chart.data[chart.data["kind"] == "node"].set_index("state")[["lon", "lat"]])
        plt.close(chart.figure)
    pd.testing.assert_frame_equal(frames[0], frames[1])


def test_bases_chart_draws_the_counts_it_is_given():
    counts = installations.bases_per_host(TOY_BASES, pd.date_range("1992-01-01", "2020-01-01",
                                                             freq="YS"))
    chart = bases_chart(counts)
    assert len(chart.data) == len(counts)
    assert chart.figure.get_suptitle()
    plt.close(chart.figure)
