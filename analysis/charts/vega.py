"""What every interactive figure's Vega-Lite specification shares: the schema, the type sizes,
the ``usermeta`` that lets the page fit it to a phone, titles wrapped for a phone's column, days
written out, map shapes as GeoJSON, states in a given order, and the finding a yearly series
shows (its title). ``analysis.charts.interactive`` builds the specifications with them."""

from __future__ import annotations

import textwrap
from collections.abc import Iterable, Mapping

import numpy as np
import pandas as pd

from ..measures.geometry import Shapes

#: Vega-Lite's schema version of the specifications (what the vendored vega-lite 6 reads).
SCHEMA = "https://vega.github.io/schema/vega-lite/v6.json"
#: Degrees are rounded to this many decimals in a map's shapes (about 1 km): small files.
MAP_DECIMALS = 2


#: Type sizes (px) of every interactive figure: no text under 11 px, as in the static charts.
CONFIG = {"axis": {"labelFontSize": 11, "titleFontSize": 11},
          "legend": {"labelFontSize": 11, "titleFontSize": 11, "labelLimit": 0},
          "title": {"fontSize": 14, "subtitleFontSize": 11}}


def finish_spec(chart, usermeta: dict | None = None) -> dict:  # noqa: ANN001 - an Altair chart
    """An Altair chart as a JSON-ready specification: the book's schema and type sizes, and
    ``usermeta`` (what the page's script reads: ``fit_width``, ``bind_labels``) merged in."""
    spec = chart.to_dict()
    spec["$schema"] = SCHEMA
    spec["config"] = {**spec.get("config", {}), **CONFIG}
    if usermeta:
        spec["usermeta"] = {**spec.get("usermeta", {}), **usermeta}
    return spec


#: Characters per line of a title (14 px bold) and of a subtitle (11 px): short enough for a
#: phone's 358 px column.
TITLE_CHARS, SUBTITLE_CHARS = 36, 52


def title_lines(*texts: str, width: int = SUBTITLE_CHARS) -> list[str]:
    """Each text wrapped at ``width`` characters, as the lines of a Vega title."""
    return [line for text in texts for line in textwrap.wrap(text, width)]


def long_day(date: str) -> str:
    """``"1992-05-15"`` -> ``"15 May 1992"``."""
    return f"{pd.Timestamp(date):%-d %B %Y}"


def geojson_features(shapes: Shapes, decimals: int = MAP_DECIMALS) -> list[dict]:
    """Shapes (ISO numeric code -> rings of (longitude, latitude)) as GeoJSON features, one
    MultiPolygon per state with its code in ``properties.iso_numeric``, degrees rounded to
    ``decimals``. Rings are written clockwise, as Vega's spherical projection needs, so that
    each fills its inside, not the rest of the globe."""
    features = []
    for code, rings in sorted(shapes.items()):
        polygons = []
        for ring in rings:
            points = np.round(np.asarray(ring, dtype=float), decimals)
            x, y = points[:, 0], points[:, 1]
            area = 0.5 * float(np.sum(x * np.roll(y, -1) - np.roll(x, -1) * y))
            if area > 0:  # counter-clockwise in (lon, lat): reverse
                points = points[::-1]
            coords = points.tolist()
            if coords[0] != coords[-1]:
                coords.append(coords[0])
            polygons.append([coords])
        features.append({"type": "Feature", "properties": {"iso_numeric": int(code)},
                         "geometry": {"type": "MultiPolygon", "coordinates": polygons}})
    return features


def names_in_order(codes: Iterable[str], names: Mapping[str, str], order: list[str] | None,
                    which: str) -> list[str]:
    """The names of the states ``codes`` in ``order`` (their codes, first to last; by name when
    None); raises ValueError naming a state that ``order`` leaves out."""
    present = set(codes)
    if order is None:
        return sorted({names.get(s, s) for s in present})
    left_out = sorted(present - set(order))
    if left_out:
        raise ValueError(f"states {which} but not in the order: {left_out}")
    return [names.get(s, s) for s in order if s in present]


def series_finding(series: pd.DataFrame, names: Mapping[str, str]) -> str:
    """What a yearly series per state (``state``, ``year``, ``value``) shows, as a title: how
    many times the others' combined value the largest one is, in the last year with values
    for more than one state ("Russia outspent the seven others with data combined 16 to 1 in
    2024"; "with data" when some state has no value that year)."""
    known = series.dropna(subset=["value"])
    counts = known.groupby("year")["state"].nunique()
    if not (counts > 1).any():
        raise ValueError("a finding needs values for two states in one year")
    year = int(counts[counts > 1].index.max())
    values = known[known["year"] == year].groupby("state")["value"].sum()
    top = values.idxmax()
    others = values.drop(top)
    complete = set(values.index) == set(series["state"])
    word = {1: "one", 2: "two", 3: "three", 4: "four", 5: "five", 6: "six", 7: "seven",
            8: "eight", 9: "nine"}.get(len(others), f"{len(others):,}")
    if len(others) == 1:
        whom = names.get(others.index[0], others.index[0])
        if not complete:
            whom += ", the only other state with data,"
    else:
        whom = f"the {word} others {'' if complete else 'with data '}combined"
    return (f"{names.get(top, top)} outspent {whom} {values[top] / others.sum():,.0f} to 1 "
            f"in {year}")
