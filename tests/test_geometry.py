"""Country shapes: the TopoJSON decoder and the geometry helpers."""

from __future__ import annotations

import numpy as np
import pytest

from analysis.measures import geometry

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
