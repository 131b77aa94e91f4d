"""The case timeline: one state's record, table by table, on one dated chart."""

from __future__ import annotations

from collections.abc import Mapping

import matplotlib.dates as mdates
import matplotlib.pyplot as plt
import pandas as pd

from ..measures.cases import LANES
from .base import Chart
from .style import PALETTE, add_source

#: Readable name, colour and marker of each lane: the marker shape repeats what colour says.
LANE_STYLE: dict[str, dict[str, str]] = {
    "requests": {"name": "Requests for help", "color": PALETTE["vermillion"], "marker": "v"},
    "responses": {"name": "Alliance responses", "color": PALETTE["orange"], "marker": "^"},
    "events": {"name": "Events", "color": PALETTE["blue"], "marker": "o"},
    "memberships": {"name": "Membership status", "color": PALETTE["purple"], "marker": "s"},
    "stances": {"name": "Stances", "color": PALETTE["green"], "marker": "D"},
    "un_votes": {"name": "UN votes", "color": PALETTE["black"], "marker": "P"},
    "bases": {"name": "Foreign bases", "color": PALETTE["grey"], "marker": "X"},
}

SOURCE = "The CSTO Record"


def case_timeline_chart(
    timeline: pd.DataFrame,
    title: str,
    row_by: str = "lane",
    notes: Mapping[str, str] | None = None,
    source: str = SOURCE,
    year_step: int = 1,
) -> Chart:
    """A dot timeline of a case: one row per lane (the table an item comes from) or, with
    ``row_by="state"``, one row per state; a marker per item, shaped and coloured by its lane
    (``LANE_STYLE``), filled when dated to the day and hollow when known only to the month or
    year. ``notes`` maps a ``record`` (``table:key``) to a short label written beside its marker.

    ``timeline`` is :func:`analysis.measures.cases.case_timeline`. The data returned is the
    timeline with ``row`` (the row label), ``y`` and ``note``.
    """
    if row_by not in ("lane", "state"):
        raise ValueError("row_by is 'lane' or 'state'")
    notes = dict(notes or {})
    unknown = sorted(set(notes) - set(timeline["record"]))
    if unknown:
        raise KeyError(f"notes name records not in the timeline: {unknown}")
    data = timeline.reset_index(drop=True).copy()
    if row_by == "lane":
        rows = [lane for lane in LANES if lane in set(data["lane"])]
        data["row"] = data["lane"].map(lambda lane: LANE_STYLE[lane]["name"])
        labels = [LANE_STYLE[lane]["name"] for lane in rows]
    else:
        labels = list(dict.fromkeys(data["state"]))
        data["row"] = data["state"]
    position = {label: len(labels) - 1 - i for i, label in enumerate(labels)}
    data["y"] = data["row"].map(position).astype("int64")
    data["note"] = [notes.get(record, "") for record in data["record"]]

    fig, ax = plt.subplots(figsize=(9, 0.55 * len(labels) + 2.4))
    seen: dict[tuple, int] = {}
    for _, row in data.iterrows():
        style = LANE_STYLE[row["lane"]]
        x = mdates.date2num(row["date"])
        # Items on the same day in the same row are nudged apart so that none hides another.
        key = (row["y"], row["date"])
        offset = 0.12 * seen.get(key, 0)
        seen[key] = seen.get(key, 0) + 1
        exact = row["date_precision"] == "day"
        ax.plot(x, row["y"] + offset, marker=style["marker"], markersize=7, linestyle="",
                markerfacecolor=style["color"] if exact else "white",
                markeredgecolor=style["color"], zorder=3)
        if row["note"]:
            ax.annotate(row["note"], (x, row["y"] + offset), xytext=(0, 9),
                        textcoords="offset points", fontsize=7, rotation=30, ha="left",
                        va="bottom", color="#333333")
    ax.set_yticks(list(position.values()), list(position.keys()), fontsize=9)
    ax.set_ylim(-0.6, len(labels) - 0.2 + 0.6)
    ax.xaxis_date()
    ax.xaxis.set_major_locator(mdates.YearLocator(year_step))
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%Y"))
    ax.grid(axis="y", visible=False)
    ax.set_xlabel("Date (hollow markers: known only to the month or year)")
    ax.set_title(title)
    add_source(fig, f"{source}; each marker is one row of the table named on its line")
    return Chart(fig, data)


__all__ = ["LANE_STYLE", "case_timeline_chart"]
