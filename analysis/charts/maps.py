"""Maps: where the alliance's members are on a day, and how the map changed at each turning
point. The categories are drawn in :data:`~analysis.charts.style.MAP_STYLE` (the CSTO's members in
the CSTO's colour, NATO's in NATO's), on an equirectangular projection of the region.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.patches import Patch, PathPatch
from matplotlib.path import Path

from ..measures.geometry import EURASIA, Shapes, clip_shapes, largest_ring_centroid
from ..measures.maps import (
    CAUCASUS,
    MAP_CATEGORIES,
    MEMBERS_WINDOW,
    declutter,
    largest_ring_area,
    state_categories,
)
from ..measures.membership import ALLIANCE
from ..measures.snapshots import TURNING_POINTS
from .base import Chart
from .sourceline import source_line
from .style import MAP_STYLE

#: Mid-latitude of the map window: the standard parallel of the equirectangular projection.
STANDARD_PARALLEL = 47.5

def _compound_path(rings: list[np.ndarray]) -> Path:
    vertices, codes = [], []
    for ring in rings:
        vertices.append(ring)
        codes.append(np.r_[Path.MOVETO, np.full(len(ring) - 2, Path.LINETO), Path.CLOSEPOLY])
    return Path(np.concatenate(vertices), np.concatenate(codes).astype(Path.code_type))


def _map_frame(ax: Axes, window: tuple[float, float, float, float]) -> None:
    west, east, south, north = window
    ax.set_xlim(west, east)
    ax.set_ylim(south, north)
    # Equirectangular projection: one degree of latitude is 1/cos(phi0) degrees of longitude long.
    ax.set_aspect(1 / math.cos(math.radians(STANDARD_PARALLEL)))
    ax.set_facecolor("#F4F8FB")
    ax.grid(False)
    ax.tick_params(labelsize=7, length=2)
    ax.xaxis.set_major_formatter(lambda v, _: f"{v:.0f}°E")
    ax.yaxis.set_major_formatter(lambda v, _: f"{v:.0f}°N")


def _map_data(
    memberships: pd.DataFrame,
    states: pd.DataFrame,
    visible: Shapes,
    date: pd.Timestamp,
    organizations: tuple[str, ...],
) -> pd.DataFrame:
    """One row per country drawn (``visible``: shapes already clipped to the window): date,
    iso_numeric, iso3 and name (empty for countries not in ``states``), category."""
    known = state_categories(memberships, states, date, organizations)
    known = known[known["iso_numeric"].astype("int64").isin(list(visible))]
    by_code = known.set_index(known["iso_numeric"].astype("int64"))
    rows = []
    for code in sorted(visible):
        if code in by_code.index:
            iso3, name, category = (by_code.at[code, c] for c in ("iso3", "name", "category"))
        else:
            iso3, name, category = pd.NA, pd.NA, "other"
        rows.append({"date": date, "iso_numeric": code, "iso3": iso3, "name": name,
                     "category": category})
    data = pd.DataFrame(rows, columns=["date", "iso_numeric", "iso3", "name", "category"])
    return data.astype({"iso_numeric": "int64", "iso3": "string", "name": "string",
                        "category": "string"})


_LABELLED = {"member", "signatory", "suspended", "frozen", "withdrawing", "former"}


#: Categories drawn with a heavy black outline on top of the others, so a small state whose
#: status stands out (Armenia's frozen seat) is visible even at the width of a book's column.
_OUTLINED = {"suspended", "frozen", "withdrawing"}


def _draw_map(ax: Axes, data: pd.DataFrame, visible: Shapes, labels: bool,
              min_label_area: float = 0.0, fontsize: float = 6.5, spread: float = 4.5) -> None:
    """Fill every country of ``data``; label alliance states whose largest ring has at least
    ``min_label_area`` square degrees, and outlined ones (frozen, suspended, leaving) always,
    with a leader line when they are too small for their code."""
    for code, category in zip(data["iso_numeric"], data["category"], strict=True):
        style = MAP_STYLE[category]
        outlined = category in _OUTLINED
        ax.add_patch(PathPatch(
            _compound_path(visible[code]), facecolor=style["color"],
            edgecolor="black" if outlined else "white",
            linewidth=1.4 if outlined else 0.4, zorder=3 if outlined else 1,
        ))
    if not labels:
        return
    labelled = data[data["category"].isin(_LABELLED) & data["iso3"].notna()]
    spots, small = {}, {}
    for iso3, code, category in zip(labelled["iso3"], labelled["iso_numeric"],
                                    labelled["category"], strict=True):
        centre = largest_ring_centroid(visible[code])
        if largest_ring_area(visible[code]) >= min_label_area:
            spots[str(iso3)] = centre
        elif category in _OUTLINED:
            small[str(iso3)] = centre
    box = {"boxstyle": "round,pad=0.15", "fc": "white", "ec": "none", "alpha": 0.8}
    # Small neighbours (the South Caucasus) would print their codes on top of each other.
    for iso3, (x, y) in declutter(spots, min_distance=spread).items():
        ax.annotate(iso3, (x, y), ha="center", va="center", fontsize=fontsize,
                    fontweight="bold", bbox=box, zorder=5)
    for iso3, (x, y) in small.items():
        ax.annotate(iso3, (x, y), xytext=(-14, -12), textcoords="offset points", ha="right",
                    va="top", fontsize=fontsize, fontweight="bold", bbox=box, zorder=5,
                    arrowprops={"arrowstyle": "-", "color": "black", "linewidth": 0.8})


def _caucasus_inset(ax: Axes, data: pd.DataFrame, shapes: Shapes) -> None:
    """A magnified South Caucasus in the lower right of ``ax``, with every code, framed on the
    main map by lines (not a patch, so the map keeps one patch per country)."""
    west, east, south, north = CAUCASUS
    inset = ax.inset_axes((0.70, 0.02, 0.29, 0.36))
    near = clip_shapes(shapes, CAUCASUS)
    categories = data.set_index("iso_numeric")["category"]
    names = data.set_index("iso_numeric")["iso3"]
    rows = pd.DataFrame({"iso_numeric": sorted(near),
                         "category": [categories.get(c, "other") for c in sorted(near)],
                         "iso3": [names.get(c, pd.NA) for c in sorted(near)]})
    _map_frame(inset, CAUCASUS)
    _draw_map(inset, rows, near, labels=True, fontsize=7)
    inset.tick_params(labelbottom=False, labelleft=False, length=0)
    inset.set_title("South Caucasus, enlarged", fontsize=7, pad=2)
    ax.plot([west, east, east, west, west], [south, south, north, north, south], color="black",
            linewidth=0.8, zorder=4)


def _legend_handles(categories: Iterable[str]) -> list[Patch]:
    present = set(categories)
    return [
        Patch(facecolor=MAP_STYLE[c]["color"], edgecolor="#333333",
              linewidth=0.4, label=MAP_STYLE[c]["label"])
        for c in MAP_CATEGORIES if c in present
    ]


def membership_map(
    memberships: pd.DataFrame,
    states: pd.DataFrame,
    shapes: Shapes,
    date: str | pd.Timestamp,
    organizations: Iterable[str] = ALLIANCE,
    window: tuple[float, float, float, float] = EURASIA,
    title: str | None = None,
    source: str = "The CSTO Record, data/memberships.csv; borders: Natural Earth (public domain)",
) -> Chart:
    """Map of Eurasia on ``date``: alliance members, signatories, suspended or frozen members,
    former members, NATO members and others, each in its own colour (no hatching: the key names
    every colour).

    ``shapes`` comes from :func:`analysis.measures.maps.load_shapes`; ``window`` is (west, east,
    south, north) in degrees, drawn in an equirectangular projection. Alliance states (current and
    former) carry their ISO3 code where it fits; a frozen, suspended or leaving member is outlined
    in black and always labelled. When the window holds the South Caucasus
    (:data:`~analysis.measures.maps.CAUCASUS`) an enlarged inset shows it. The data returned has
    one row per country drawn: ``date``,
    ``iso_numeric``, ``iso3`` and ``name`` (empty for countries outside ``states``), ``category``.
    """
    day = pd.Timestamp(date).normalize()
    visible = clip_shapes(shapes, window)
    data = _map_data(memberships, states, visible, day, tuple(organizations))
    fig, ax = plt.subplots(figsize=(8, 3.9))
    _map_frame(ax, window)
    _draw_map(ax, data, visible, labels=True, min_label_area=4.0)
    west, east, south, north = window
    c_west, c_east, c_south, c_north = CAUCASUS
    if west <= c_west and c_east <= east and south <= c_south and c_north <= north:
        _caucasus_inset(ax, data, shapes)
    ax.set_xlabel("Longitude")
    ax.set_ylabel("Latitude")
    ax.set_title(title or f"The alliance on {day:%d %B %Y}")
    ax.legend(handles=_legend_handles(data["category"]), loc="upper left",
              bbox_to_anchor=(0, -0.1), ncols=4, fontsize=9, handlelength=2.2, handleheight=1.2)
    source_line(fig, source)
    return Chart(fig, data)


def map_grid(
    memberships: pd.DataFrame,
    states: pd.DataFrame,
    shapes: Shapes,
    dates: Iterable[str | pd.Timestamp] = TURNING_POINTS,
    organizations: Iterable[str] = ALLIANCE,
    window: tuple[float, float, float, float] = MEMBERS_WINDOW,
    ncols: int = 2,
    title: str = "The alliance at its turning points",
    source: str = "The CSTO Record, data/memberships.csv; borders: Natural Earth (public domain)",
) -> Chart:
    """Small multiples of ``membership_map``, one panel per date (by default the
    :data:`~analysis.measures.snapshots.TURNING_POINTS`; a mapping such as
    :func:`~analysis.measures.snapshots.turning_points` labels its own dates), with one shared
    legend.

    The default window (:data:`~analysis.measures.maps.MEMBERS_WINDOW`, 20-90°E, 34-60°N) is
    centred on the Caucasus and Central Asia, and two columns keep each panel wide enough at the
    book's column width for the members to be told apart: states large enough carry their code,
    and a frozen, suspended or leaving member is outlined in black and labelled. Panels are titled
    with the date and, for a turning point, what changed. Data: the
    rows of every panel, with its ``date``.
    """
    labels = dates if isinstance(dates, Mapping) else TURNING_POINTS
    # The window and projection go in the caption; the title states the finding.
    days = [pd.Timestamp(d).normalize() for d in dates]
    orgs = tuple(organizations)
    nrows = math.ceil(len(days) / ncols)
    fig, axes = plt.subplots(nrows, ncols, figsize=(3.75 * ncols, 2.2 * nrows + 1.1),
                             squeeze=False)
    visible = clip_shapes(shapes, window)
    frames = []
    for ax, day in zip(axes.flat, days):
        data = _map_data(memberships, states, visible, day, orgs)
        _map_frame(ax, window)
        _draw_map(ax, data, visible, labels=True, min_label_area=14.0, fontsize=8.5,
                  spread=7.0)
        label = labels.get(day.strftime("%Y-%m-%d"), "")
        ax.set_title(f"{day:%-d %B %Y}" + (f"\n{label}" if label else ""), fontsize=9,
                     loc="left")
        ax.tick_params(labelbottom=False, labelleft=False, length=0)
        frames.append(data)
    for ax in list(axes.flat)[len(days):]:
        ax.set_visible(False)
    data = pd.concat(frames, ignore_index=True)
    fig.suptitle(title, x=0.0, ha="left", fontweight="bold", fontsize=11.5)
    # The legend sits in a strip kept free at the bottom, clear of the source line below it.
    strip = 0.8 / fig.get_figheight()
    fig.get_layout_engine().set(rect=(0, strip, 1, 1 - strip))
    legend = fig.legend(handles=_legend_handles(data["category"]), loc="lower center",
                        bbox_to_anchor=(0.5, 0.0), ncols=3, fontsize=9, handlelength=2.2,
                        handleheight=1.2)
    legend.set_in_layout(False)
    source_line(fig, source)
    return Chart(fig, data)


__all__ = ["STANDARD_PARALLEL", "map_grid", "membership_map"]
