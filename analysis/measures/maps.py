"""Country shapes for the maps: Natural Earth borders from the vendored TopoJSON in ``data/geo``,
where each state sits on a map, and what category it is drawn in on a date.

The file is ``countries-110m.json`` from the npm package ``world-atlas`` 2.0.2 (Natural Earth
4.1.0 admin-0 countries, 1:110m, public domain); ``data/geo/README.md`` says where it came from.
Shapes are keyed by ISO 3166-1 numeric code, the ``iso_numeric`` column of ``states``. Nothing is
downloaded: :func:`load_shapes` reads the vendored file, the other functions are pure. What a
shape is, and how the file is decoded, simplified and clipped, is in
:mod:`~analysis.measures.geometry`.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from pathlib import Path

import numpy as np
import pandas as pd

from ..data.paths import data_dir
from . import membership
from .geometry import Shapes, decode_topology, largest_ring_centroid, ring_area
from .membership import ALLIANCE, alliance_status_on

# The vendored country borders (see data/geo/README.md).
GEO_FILE = data_dir() / "geo" / "countries-110m.json"

#: Map categories of a state on a date, in legend order (highest precedence first).
MAP_CATEGORIES = (
    "member",
    "signatory",
    "suspended",
    "frozen",
    "withdrawing",
    "nato",
    "former",
    "other",
)


#: (west, east, south, north) in degrees of the small multiples' window: Belarus to the Chinese
#: border, centred on the Caucasus and Central Asia, where the members are.
MEMBERS_WINDOW = (20.0, 90.0, 34.0, 60.0)

#: (west, east, south, north) in degrees of the South Caucasus, the inset of a single map.
CAUCASUS = (38.5, 51.5, 37.5, 44.5)


def largest_ring_area(rings: list[np.ndarray]) -> float:
    """Area in square degrees of a shape's largest ring (0 for none): how much room a label has.
    Armenia's is about 3, Kazakhstan's about 340."""
    return max((abs(ring_area(r)) for r in rings), default=0.0)


#: (west, east, south, north) in degrees of a box holding the Crimean peninsula and nothing
#: else of Russia's.
CRIMEA_BOX = (32.0, 37.0, 44.0, 46.5)
RUSSIA, UKRAINE = 643, 804


def crimea_in_ukraine(shapes: Shapes) -> Shapes:
    """The same shapes with Crimea drawn as part of Ukraine.

    Natural Earth draws borders as it sees control on the ground ("de facto"), so its Russia
    includes the Crimean peninsula, annexed in 2014. The UN General Assembly (resolution 68/262)
    and the book's other tables treat it as Ukraine's; this moves every ring of Russia lying wholly
    inside :data:`CRIMEA_BOX` to Ukraine. Other shapes are returned unchanged (same arrays).
    """
    if RUSSIA not in shapes:
        return dict(shapes)
    west, east, south, north = CRIMEA_BOX

    def in_crimea(ring: np.ndarray) -> bool:
        return bool((ring[:, 0].min() >= west) and (ring[:, 0].max() <= east)
                    and (ring[:, 1].min() >= south) and (ring[:, 1].max() <= north))

    moved = [r for r in shapes[RUSSIA] if in_crimea(r)]
    out = dict(shapes)
    out[RUSSIA] = [r for r in shapes[RUSSIA] if not in_crimea(r)]
    if moved:
        out[UKRAINE] = [*shapes.get(UKRAINE, []), *moved]
    return out


def load_shapes(
    path: Path = GEO_FILE, tolerance: float = 0.0, recognized_borders: bool = True
) -> Shapes:
    """Country shapes from the vendored TopoJSON file: ``{iso_numeric: [ring, ...]}``, degrees.

    Reads only the local file (by default ``data/geo/countries-110m.json``); never downloads.
    ``tolerance`` (degrees) simplifies the borders, see
    :func:`~analysis.measures.geometry.decode_topology`; 0.75 suits small multiples
    (``analysis.charts.network.map_grid``). With ``recognized_borders`` (the default) Crimea is
    drawn as Ukraine's, see :func:`crimea_in_ukraine`; set it to False for
    Natural Earth's borders as they are.
    """
    with Path(path).open(encoding="utf-8") as fh:
        shapes = decode_topology(json.load(fh), tolerance=tolerance)
    return crimea_in_ukraine(shapes) if recognized_borders else shapes


def state_positions(shapes: Shapes, states: pd.DataFrame) -> dict[str, tuple[float, float]]:
    """ISO3 -> (longitude, latitude) in degrees of each state's largest polygon's centroid.

    States are joined to shapes through ``states.iso_numeric``; states with no shape are left out.
    The positions depend only on the borders, so a network drawn with them keeps every node in
    place from one date to the next.
    """
    positions = {}
    for iso3, numeric in zip(states["iso3"], states["iso_numeric"], strict=True):
        if pd.notna(numeric) and int(numeric) in shapes:
            positions[str(iso3)] = largest_ring_centroid(shapes[int(numeric)])
    return positions


def declutter(
    positions: Mapping[str, tuple[float, float]],
    min_distance: float = 4.0,
    iterations: int = 100,
) -> dict[str, tuple[float, float]]:
    """The same positions pushed apart until no two are closer than ``min_distance`` (degrees).

    Deterministic: each step moves every too-close pair apart along the line joining them (by
    half the overlap each), in sorted key order, for at most ``iterations`` rounds. Points far from
    all others do not move. Use it once on all states, so positions stay fixed across drawings.
    """
    keys = sorted(positions)
    xy = np.array([positions[k] for k in keys], dtype=float).reshape(-1, 2)
    for _ in range(iterations):
        moved = False
        for i in range(len(keys)):
            for j in range(i + 1, len(keys)):
                delta = xy[j] - xy[i]
                distance = float(np.hypot(*delta))
                if distance >= min_distance:
                    continue
                # Coincident points are split along a fixed direction so the result is repeatable.
                direction = delta / distance if distance > 1e-9 else np.array([1.0, 0.0])
                push = (min_distance - distance) / 2.0 * direction
                xy[i] -= push
                xy[j] += push
                moved = True
        if not moved:
            break
    return {k: (float(x), float(y)) for k, (x, y) in zip(keys, xy, strict=True)}


def state_categories(
    memberships: pd.DataFrame,
    states: pd.DataFrame,
    date: str | pd.Timestamp,
    organizations: Iterable[str] = ALLIANCE,
    nato: str = "NATO",
) -> pd.DataFrame:
    """The map category of every state in ``states`` on ``date``, one of :data:`MAP_CATEGORIES`.

    In order of precedence: the state's status in the alliance (``organizations`` taken together,
    see :func:`analysis.measures.membership.alliance_status_on`: member, signatory, suspended,
    frozen or withdrawing); ``nato`` if it is a full member of ``nato`` on the date; ``former`` if
    it was a
    ``member`` of the alliance at some earlier time; else ``other``. Returns ``iso3``, ``name``,
    ``iso_numeric`` and ``category``, in the order of ``states``.
    """
    day = pd.Timestamp(date).normalize()
    orgs = tuple(organizations)
    status = alliance_status_on(memberships, day, orgs).set_index("state")["status"]
    in_nato = set(membership.members_on(memberships, day, nato))
    earlier = memberships[
        memberships["organization"].isin(orgs)
        & (memberships["status"] == "member")
        & (memberships["start"] < day)
    ]
    former = set(earlier["state"])

    def category(iso3: str) -> str:
        if iso3 in status.index and status[iso3] in MAP_CATEGORIES:
            return str(status[iso3])
        if iso3 in in_nato:
            return "nato"
        if iso3 in former:
            return "former"
        return "other"

    out = states[["iso3", "name", "iso_numeric"]].copy().reset_index(drop=True)
    out["category"] = pd.array([category(str(s)) for s in out["iso3"]], dtype="string")
    return out


__all__ = [
    "CAUCASUS",
    "CRIMEA_BOX",
    "MEMBERS_WINDOW",
    "largest_ring_area",
    "GEO_FILE",
    "crimea_in_ukraine",
    "MAP_CATEGORIES",
    "declutter",
    "load_shapes",
    "state_categories",
    "state_positions",
]
