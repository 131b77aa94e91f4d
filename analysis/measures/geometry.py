"""Map geometry: decoding TopoJSON into country rings, simplifying and clipping them, and the
areas and centroids of rings.

A shape is a list of rings; a ring is an ``(n, 2)`` array of (longitude, latitude) in degrees,
closed (its last point repeats the first). Outer rings and holes sit in one flat list, which is
what a matplotlib compound path drawn with the even-odd rule needs. Every function here is pure:
the vendored file is read by :func:`analysis.measures.maps.load_shapes`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import numpy as np

#: The map window: (west, east, south, north) in degrees; Europe to the Pacific coast.
EURASIA = (-10.0, 150.0, 20.0, 75.0)

Shapes = dict[int, list[np.ndarray]]


def _decoded_arcs(topology: Mapping, tolerance: float = 0.0) -> list[np.ndarray]:
    """Every arc as absolute (lon, lat) points: undo the delta encoding and the quantization,
    then simplify it to ``tolerance`` degrees (0 = keep every point)."""
    transform = topology.get("transform")
    arcs = []
    for arc in topology["arcs"]:
        points = np.asarray(arc, dtype=float).reshape(-1, len(arc[0]) if arc else 2)[:, :2]
        if transform is not None:
            # Quantized arcs store the first position and then differences to the previous one.
            points = np.cumsum(points, axis=0) * transform["scale"] + transform["translate"]
        arcs.append(_simplified(points, tolerance))
    return arcs


def _simplified(points: np.ndarray, tolerance: float) -> np.ndarray:
    """Douglas-Peucker: the points of a line to keep so that none dropped lies farther than
    ``tolerance`` (degrees) from the simplified line. The two ends are always kept."""
    if tolerance <= 0 or len(points) < 3:
        return points
    keep = np.zeros(len(points), dtype=bool)
    keep[[0, -1]] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        if last - first < 2:
            continue
        start, end = points[first], points[last]
        inner = points[first + 1:last]
        chord = end - start
        length = float(np.hypot(*chord))
        if length == 0:
            distances = np.hypot(*(inner - start).T)
        else:
            distances = np.abs(chord[0] * (inner[:, 1] - start[1])
                               - chord[1] * (inner[:, 0] - start[0])) / length
        farthest = int(np.argmax(distances))
        if distances[farthest] > tolerance:
            middle = first + 1 + farthest
            keep[middle] = True
            stack += [(first, middle), (middle, last)]
    return points[keep]


def _ring(indexes: Iterable[int], arcs: list[np.ndarray]) -> np.ndarray:
    """One ring from its arc indexes; index ``~i`` (negative) is arc ``i`` walked backwards."""
    parts = []
    for position, index in enumerate(indexes):
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        # Consecutive arcs share an end point; keep it once.
        parts.append(arc if position == 0 else arc[1:])
    return np.concatenate(parts)


def _unwrapped(ring: np.ndarray) -> np.ndarray:
    """The ring with longitudes made continuous across the antimeridian (Chukotka runs on to
    190°E instead of jumping to -180°), then shifted by 360° if its middle fell off -180..180."""
    lon = np.unwrap(ring[:, 0], period=360.0)
    middle = (lon.min() + lon.max()) / 2
    lon = lon + 360.0 * (int(middle < -180.0) - int(middle > 180.0))
    return np.column_stack([lon, ring[:, 1]])


def _rings_of(geometry: Mapping, arcs: list[np.ndarray]) -> list[np.ndarray]:
    kind = geometry.get("type")
    if kind == "Polygon":
        return [_unwrapped(_ring(r, arcs)) for r in geometry["arcs"]]
    if kind == "MultiPolygon":
        return [_unwrapped(_ring(r, arcs)) for polygon in geometry["arcs"] for r in polygon]
    if kind == "GeometryCollection":
        return [ring for g in geometry["geometries"] for ring in _rings_of(g, arcs)]
    return []  # points, lines and null geometries have no area


def decode_topology(
    topology: Mapping, object_name: str = "countries", tolerance: float = 0.0
) -> Shapes:
    """The polygons of ``topology["objects"][object_name]``, keyed by numeric feature id.

    ``topology`` is a parsed TopoJSON document. Returns ``{id: [ring, ...]}`` where each ring is an
    ``(n, 2)`` float array of (longitude, latitude) in degrees; a ring crossing the antimeridian
    is made continuous (longitudes beyond 180°). Features without an id, or with an
    id that is not a number (world-atlas leaves Kosovo, Somaliland and N. Cyprus without one), are
    left out; features sharing an id are merged. With ``tolerance`` > 0 (degrees) each arc is
    simplified (Douglas-Peucker) before the rings are built: neighbours share their border arcs,
    so they stay seamless, and rings left with fewer than four points (a triangle, closed) are
    dropped.
    """
    arcs = _decoded_arcs(topology, tolerance)
    collection = topology["objects"][object_name]
    geometries = collection.get("geometries", [collection])
    shapes: Shapes = {}
    for geometry in geometries:
        code = str(geometry.get("id", "")).strip()
        if not code.isdigit():
            continue
        rings = [r for r in _rings_of(geometry, arcs) if len(r) >= 4]
        if rings:
            shapes.setdefault(int(code), []).extend(rings)
    return shapes


def ring_area(ring: np.ndarray) -> float:
    """Signed area of a ring in square degrees (shoelace formula; positive = anticlockwise)."""
    x, y = ring[:, 0], ring[:, 1]
    return float(np.dot(x, np.roll(y, -1)) - np.dot(np.roll(x, -1), y)) / 2.0


def ring_centroid(ring: np.ndarray) -> tuple[float, float]:
    """Area centroid (longitude, latitude) of a ring in degrees, on the plain lon/lat plane.

    Falls back to the mean of the points for a ring with no area.
    """
    x, y = ring[:, 0], ring[:, 1]
    x1, y1 = np.roll(x, -1), np.roll(y, -1)
    cross = x * y1 - x1 * y
    area = cross.sum() / 2.0
    if abs(area) < 1e-12:
        return float(x.mean()), float(y.mean())
    return (float(((x + x1) * cross).sum() / (6 * area)),
            float(((y + y1) * cross).sum() / (6 * area)))


def largest_ring_centroid(rings: list[np.ndarray]) -> tuple[float, float]:
    """Centroid (longitude, latitude, degrees) of the ring with the largest area.

    Holes lie inside their outer ring, so the largest ring is the outer ring of the largest
    polygon: Russia's point falls in Siberia, not between Kaliningrad and Chukotka.
    """
    biggest = max(rings, key=lambda ring: abs(ring_area(ring)))
    return ring_centroid(biggest)


def shapes_in_window(shapes: Shapes,
                     window: tuple[float, float, float, float] = EURASIA) -> Shapes:
    """The shapes with at least one ring whose bounding box meets ``window`` (west, east, south,
    north, degrees); only those rings are kept, so a map of Eurasia skips the Americas' islands."""
    west, east, south, north = window
    kept: Shapes = {}
    for code, rings in shapes.items():
        inside = [
            r for r in rings
            if r[:, 0].max() >= west and r[:, 0].min() <= east
            and r[:, 1].max() >= south and r[:, 1].min() <= north
        ]
        if inside:
            kept[code] = inside
    return kept


def _clip_half_plane(points: np.ndarray, axis: int, bound: float, keep_above: bool) -> np.ndarray:
    """Sutherland-Hodgman step: the part of an open ring on one side of ``x[axis] = bound``."""
    if len(points) == 0:
        return points
    inside = points[:, axis] >= bound if keep_above else points[:, axis] <= bound
    out = []
    for i in range(len(points)):
        here, there = points[i - 1], points[i]
        if inside[i] != inside[i - 1]:
            t = (bound - here[axis]) / (there[axis] - here[axis])
            out.append(here + t * (there - here))
        if inside[i]:
            out.append(there)
    return np.array(out).reshape(-1, 2)


def clip_ring(ring: np.ndarray, window: tuple[float, float, float, float]) -> np.ndarray | None:
    """The part of a closed ring inside ``window`` (west, east, south, north; degrees), closed,
    or None if nothing of it is inside. Sutherland-Hodgman clipping against the rectangle: a ring
    that leaves and re-enters the window keeps a stretch along the window's edge, invisible when
    the rectangle is the map frame."""
    west, east, south, north = window
    points = ring[:-1] if len(ring) > 1 and np.array_equal(ring[0], ring[-1]) else ring
    for axis, bound, keep_above in ((0, west, True), (0, east, False),
                                    (1, south, True), (1, north, False)):
        points = _clip_half_plane(points, axis, bound, keep_above)
    if len(points) < 3 or abs(ring_area(np.vstack([points, points[:1]]))) < 1e-12:
        return None
    return np.vstack([points, points[:1]])


def clip_shapes(shapes: Shapes, window: tuple[float, float, float, float] = EURASIA) -> Shapes:
    """The shapes cut to ``window`` (west, east, south, north; degrees), rings outside dropped
    and countries with nothing left left out: what a map of that window draws, and no more."""
    clipped: Shapes = {}
    for code, rings in shapes_in_window(shapes, window).items():
        kept = [c for c in (clip_ring(r, window) for r in rings) if c is not None]
        if kept:
            clipped[code] = kept
    return clipped


__all__ = [
    "EURASIA",
    "clip_ring",
    "clip_shapes",
    "decode_topology",
    "largest_ring_centroid",
    "ring_area",
    "ring_centroid",
    "shapes_in_window",
]
