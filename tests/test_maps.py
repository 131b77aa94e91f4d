"""Country shapes: the TopoJSON decoder, geometry helpers, map categories and the map charts."""

from __future__ import annotations

import io

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest

from analysis.data.edition import data_cutoff
from analysis.measures import geometry, maps, snapshots
from analysis.charts.network import map_grid, membership_map
from analysis.measures.membership import ever_members
from analysis.charts.style import use_house_style

MEMBERSHIP_COLUMNS = ["state", "organization", "status", "start", "start_precision", "end",
                      "end_precision", "end_reason", "note", "source"]


def memberships(rows: list[tuple[str, str, str, str, str | None]]) -> pd.DataFrame:
    """A memberships table typed like the loaded one, from (state, org, status, start, end)."""
    frame = pd.DataFrame(
        [{"state": s, "organization": o, "status": status, "start": start,
          "start_precision": "day", "end": end, "end_precision": "day" if end else None,
          "end_reason": "status_changed" if end else None, "note": None, "source": "test"}
         for s, o, status, start, end in rows],
        columns=MEMBERSHIP_COLUMNS,
    )
    frame["start"] = pd.to_datetime(frame["start"]).astype("datetime64[ns]")
    frame["end"] = pd.to_datetime(frame["end"]).astype("datetime64[ns]")
    text = [c for c in MEMBERSHIP_COLUMNS if c not in ("start", "end")]
    return frame.astype(dict.fromkeys(text, "string"))

#: Two neighbouring rectangles, quantized: scale (0.5, 2), translate (10, 20).
#: Arc 0 is their shared border, quantized (2,0)->(2,1), i.e. (11,20)->(11,22).
#: Arc 1 is the rest of A: (2,1)->(0,1)->(0,0)->(2,0), delta-encoded.
#: Arc 2 is the rest of B: (2,1)->(4,1)->(4,0)->(2,0), delta-encoded.
TINY = {
    "type": "Topology",
    "transform": {"scale": [0.5, 2.0], "translate": [10.0, 20.0]},
    "arcs": [
        [[2, 0], [0, 1]],
        [[2, 1], [-2, 0], [0, -1], [2, 0]],
        [[2, 1], [2, 0], [0, -1], [-2, 0]],
    ],
    "objects": {"countries": {"type": "GeometryCollection", "geometries": [
        {"type": "Polygon", "id": "051", "arcs": [[0, 1]]},
        # B walks arc 2 backwards (~2 = -3), then the shared border backwards (~0 = -1).
        {"type": "MultiPolygon", "id": "004", "arcs": [[[-3, -1]]]},
        {"type": "Polygon", "arcs": [[0, 1]], "properties": {"name": "no id"}},
        {"type": None, "id": "999"},
    ]}},
}


@pytest.fixture(scope="module", autouse=True)
def house_style():
    use_house_style()
    yield
    plt.close("all")


@pytest.fixture(scope="module")
def shapes():
    return maps.load_shapes()


# --- decoder -------------------------------------------------------------------------------------

def test_decoder_undoes_delta_encoding_and_transform():
    ring = geometry.decode_topology(TINY)[51][0]
    expected = [(11, 20), (11, 22), (10, 22), (10, 20), (11, 20)]
    np.testing.assert_allclose(ring, expected)


def test_decoder_walks_negative_arc_indexes_backwards():
    ring = geometry.decode_topology(TINY)[4][0]
    expected = [(11, 20), (12, 20), (12, 22), (11, 22), (11, 20)]
    np.testing.assert_allclose(ring, expected)


def test_decoder_keys_by_numeric_id_and_skips_features_without_one():
    assert sorted(geometry.decode_topology(TINY)) == [4, 51]


def test_decoder_reads_unquantized_arcs_as_they_are():
    topology = {"arcs": [[[0.0, 0.0], [3.0, 0.0], [3.0, 4.0], [0.0, 0.0]]],
                "objects": {"countries": {"type": "GeometryCollection",
                                          "geometries": [{"type": "Polygon", "id": "8",
                                                          "arcs": [[0]]}]}}}
    np.testing.assert_allclose(geometry.decode_topology(topology)[8][0],
                               [(0, 0), (3, 0), (3, 4), (0, 0)])


def test_decoder_makes_a_ring_continuous_across_the_antimeridian():
    # Natural Earth cuts Chukotka at 180°: the ring jumps from 180 to -180 and back.
    ring = [[170.0, 60.0], [180.0, 60.0], [-170.0, 60.0], [-170.0, 70.0], [180.0, 70.0],
            [170.0, 70.0], [170.0, 60.0]]
    topology = {"arcs": [ring], "objects": {"countries": {"type": "GeometryCollection",
                "geometries": [{"type": "Polygon", "id": "643", "arcs": [[0]]}]}}}
    decoded = geometry.decode_topology(topology)[643][0]
    assert decoded[:, 0].max() == pytest.approx(190.0)
    assert abs(geometry.ring_area(decoded)) == pytest.approx(200.0)


def test_decoder_simplification_drops_points_within_tolerance():
    topology = {"arcs": [[[0.0, 0.0], [1.0, 0.001], [2.0, 0.0], [2.0, 2.0], [0.0, 0.0]]],
                "objects": {"countries": {"type": "GeometryCollection",
                                          "geometries": [{"type": "Polygon", "id": "8",
                                                          "arcs": [[0]]}]}}}
    ring = geometry.decode_topology(topology, tolerance=0.01)[8][0]
    np.testing.assert_allclose(ring, [(0, 0), (2, 0), (2, 2), (0, 0)])


# --- geometry ------------------------------------------------------------------------------------

SQUARE = np.array([(0.0, 0.0), (2.0, 0.0), (2.0, 2.0), (0.0, 2.0), (0.0, 0.0)])


def test_ring_area_and_centroid_of_a_square():
    assert geometry.ring_area(SQUARE) == pytest.approx(4.0)
    assert geometry.ring_centroid(SQUARE) == pytest.approx((1.0, 1.0))


def test_largest_ring_centroid_ignores_small_islands():
    island = np.array([(50.0, 50.0), (50.5, 50.0), (50.5, 50.5), (50.0, 50.0)])
    assert geometry.largest_ring_centroid([island, SQUARE]) == pytest.approx((1.0, 1.0))


def test_clip_ring_keeps_the_part_inside_the_window():
    square = np.array([(0.0, 0.0), (10.0, 0.0), (10.0, 10.0), (0.0, 10.0), (0.0, 0.0)])
    clipped = geometry.clip_ring(square, (5.0, 20.0, -5.0, 5.0))
    # What is left is the square (5,0)-(10,5).
    assert abs(geometry.ring_area(clipped)) == pytest.approx(25.0)
    assert np.array_equal(clipped[0], clipped[-1])


def test_clip_ring_outside_the_window_is_none():
    assert geometry.clip_ring(SQUARE, (10.0, 20.0, 10.0, 20.0)) is None


def test_declutter_pushes_close_points_apart_and_leaves_others():
    moved = maps.declutter({"a": (0.0, 0.0), "b": (1.0, 0.0), "far": (50.0, 50.0)},
                           min_distance=4.0)
    assert moved["b"][0] - moved["a"][0] == pytest.approx(4.0)
    assert moved["far"] == (50.0, 50.0)


def test_crimea_ring_moves_from_russia_to_ukraine():
    crimea = np.array([(33.0, 45.0), (36.0, 45.0), (36.0, 46.0), (33.0, 45.0)])
    mainland = np.array([(40.0, 50.0), (100.0, 50.0), (100.0, 70.0), (40.0, 50.0)])
    ukraine = np.array([(23.0, 46.0), (40.0, 46.0), (40.0, 52.0), (23.0, 46.0)])
    out = maps.crimea_in_ukraine({643: [mainland, crimea], 804: [ukraine]})
    assert [len(out[643]), len(out[804])] == [1, 2]
    assert out[804][1] is crimea


# --- map categories ------------------------------------------------------------------------------

def test_state_categories_on_a_date():
    table = memberships([
        ("RUS", "CSTO", "member", "2003-09-18", None),
        ("ARM", "CSTO", "member", "2003-09-18", "2024-02-22"),
        ("ARM", "CSTO", "frozen", "2024-02-22", None),
        ("UZB", "CSTO", "member", "2006-08-16", "2012-12-19"),
        ("POL", "NATO", "member", "1999-03-12", None),
    ])
    states = pd.DataFrame({"iso3": ["ARM", "CHN", "POL", "RUS", "UZB"],
                           "name": ["Armenia", "China", "Poland", "Russia", "Uzbekistan"],
                           "iso_numeric": [51, 156, 616, 643, 860]})
    states = states.astype({"iso3": "string", "name": "string", "iso_numeric": "Int64"})
    got = maps.state_categories(table, states, "2025-01-01")
    assert got.set_index("iso3")["category"].to_dict() == {
        "ARM": "frozen", "CHN": "other", "POL": "nato", "RUS": "member", "UZB": "former"}


# --- the real file -------------------------------------------------------------------------------

def test_real_file_has_a_shape_for_every_alliance_member(tables, shapes):
    members = ever_members(tables["memberships"], ["CST", "CSTO"])
    codes = tables["states"].set_index("iso3").loc[members, "iso_numeric"]
    assert all(int(code) in shapes for code in codes)


def test_real_russia_sits_in_siberia_and_crimea_in_ukraine(tables, shapes):
    positions = maps.state_positions(shapes, tables["states"])
    assert 60 < positions["RUS"][0] < 180  # east of the Urals, not pulled off by Chukotka
    west, east, south, north = maps.CRIMEA_BOX
    in_box = [r for r in shapes[643] if r[:, 0].min() >= west and r[:, 0].max() <= east
              and r[:, 1].min() >= south and r[:, 1].max() <= north]
    assert in_box == []


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
