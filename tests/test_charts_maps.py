"""The map charts: one map and the grid of turning points (size, labels, data)."""

from __future__ import annotations

import io

import matplotlib.pyplot as plt
import pytest

from analysis.charts.maps import map_grid, membership_map
from analysis.data.edition import data_cutoff
from analysis.measures import maps, snapshots
from tests.helpers.charts import house_style  # noqa: F401 - autouse fixture


@pytest.fixture(scope="module")
def shapes():
    return maps.load_shapes()


def _svg_bytes(figure) -> int:
    buffer = io.BytesIO()
    figure.savefig(buffer, format="svg", bbox_inches="tight")
    return len(buffer.getvalue())


def test_membership_map_svg_is_small_and_labelled(tables, shapes):
    chart = membership_map(tables["memberships"], tables["states"], shapes, "2026-11-23")
    assert _svg_bytes(chart.figure) < 300_000
    ax = chart.figure.axes[0]
    labels = [t.get_text() for t in ax.get_legend().get_texts()]
    assert "Member" in labels and "Frozen participation" in labels
    assert ax.get_title(loc="left") and ax.get_xlabel() and ax.get_ylabel()
    plt.close(chart.figure)


def test_membership_map_data_has_one_row_per_country_drawn(tables, shapes):
    chart = membership_map(tables["memberships"], tables["states"], shapes, "2026-11-23")
    assert chart.data["iso_numeric"].is_unique
    drawn = chart.figure.axes[0].patches
    assert len(drawn) == len(chart.data)
    assert set(chart.data["category"]) <= set(maps.MAP_CATEGORIES)
    plt.close(chart.figure)


def test_map_grid_svg_is_small_with_simplified_borders(tables):
    coarse = maps.load_shapes(tolerance=0.75)
    points = snapshots.turning_points(data_cutoff())
    chart = map_grid(tables["memberships"], tables["states"], coarse, points)
    assert _svg_bytes(chart.figure) < 300_000
    assert chart.data["date"].nunique() == 9
    plt.close(chart.figure)
