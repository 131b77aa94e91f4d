"""The intervention timeline chart: crises, requests and what each alliance did, over time."""

from __future__ import annotations

import matplotlib.dates as mdates
import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.lines import Line2D

from ..data.codebook.vocabulary import RESPONSE_LEVELS
from .base import Chart
from .requests import SOURCE, crisis_label
from .style import LEVEL_STYLE, PALETTE, add_source

#: Marker, colour and (for spans) hatch of each kind of row in an intervention timeline: the
#: response levels as :data:`~analysis.charts.style.LEVEL_STYLE` draws them.
KIND_STYLE = {
    "request": {"marker": ">", "color": PALETTE["black"], "filled": True, "label": "request"},
    "no_request": {"marker": ">", "color": PALETTE["black"], "filled": False,
                   "label": "crisis, no request"},
    "no_action": {**LEVEL_STYLE["none"], "filled": True},
    **{level: {**LEVEL_STYLE[level], "filled": True} for level in RESPONSE_LEVELS[1:]},
    "event": {"marker": "*", "color": PALETTE["black"], "filled": True, "label": "forces created"},
}


def intervention_timeline_chart(
    timeline: pd.DataFrame,
    organization: str | None = "CSTO",
    title: str | None = None,
    source: str = SOURCE + ", data/events.csv",
) -> Chart:
    """A timeline of crises and actions: one lane per crisis (labelled with its name and year,
    oldest at the top) plus a lane for institutional events; a marker per request, crisis without
    request and response (shape and colour per kind, see ``KIND_STYLE``), and a hatched bar
    from start to end for missions and deployments with a known end. Troop numbers are written
    beside deployments.

    ``timeline`` is :func:`analysis.measures.interventions.intervention_timeline`; only
    ``organization``'s rows are drawn (``None``: all). The data returned is those rows with
    ``lane`` and ``y``.
    """
    rows = timeline if organization is None else timeline[timeline["organization"] == organization]
    data = rows.reset_index(drop=True).copy()
    first_date = data[data["request_id"].notna()].groupby("request_id")["start"].min()
    crisis_of = data.dropna(subset=["request_id"]).drop_duplicates("request_id").set_index(
        "request_id")["crisis"]
    lanes = [crisis_label(crisis_of[rid], first_date[rid])
             for rid in first_date.sort_values(kind="stable").index]
    lane_of = {rid: crisis_label(crisis_of[rid], first_date[rid]) for rid in first_date.index}
    if (data["kind"] == "event").any():
        lanes = ["Forces created"] + lanes
    data["lane"] = [lane_of[r] if pd.notna(r) else "Forces created" for r in data["request_id"]]
    position = {lane: len(lanes) - 1 - i for i, lane in enumerate(lanes)}
    data["y"] = data["lane"].map(position).astype("int64")

    fig, ax = plt.subplots(figsize=(9, 0.36 * len(lanes) + 2.2))
    for _, row in data.iterrows():
        style = KIND_STYLE[row["kind"]]
        x = mdates.date2num(row["start"])
        # Requests sit a little above their lane and responses a little below, so that a
        # response on the day of the request does not hide it.
        y = row["y"] + (0.2 if row["kind"] in ("request", "no_request") else -0.1)
        if pd.notna(row["duration_days"]) and row["duration_days"] > 0:
            ax.barh(row["y"], row["duration_days"], left=x, height=0.5, color=style["color"],
                    hatch=style.get("hatch"), edgecolor="white", linewidth=0.5, alpha=0.8,
                    zorder=2)
        face = style["color"] if style["filled"] else "white"
        ax.plot(x, y, marker=style["marker"], markersize=7, linestyle="",
                markerfacecolor=face, markeredgecolor=style["color"], zorder=3)
        if row["kind"] == "deployment" and pd.notna(row["troops"]):
            ax.annotate(f"{int(row['troops']):,} troops", (x, y), xytext=(6, -3),
                        textcoords="offset points", fontsize=7)
    ax.set_yticks(list(position.values()), list(position.keys()), fontsize=8)
    ax.set_ylim(-0.7, len(lanes) - 0.3)
    ax.xaxis_date()
    ax.xaxis.set_major_locator(mdates.YearLocator(2))
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%Y"))
    ax.set_xlabel("Date (bars: missions and deployments, start to end)")
    who = organization or "the alliances"
    ax.set_title(title or f"Crises, requests and what {who} did, over time")
    shown = [k for k in KIND_STYLE if k in set(data["kind"])]
    handles = [
        Line2D([], [], marker=KIND_STYLE[k]["marker"], linestyle="", markersize=7,
               markerfacecolor=KIND_STYLE[k]["color"] if KIND_STYLE[k]["filled"] else "white",
               markeredgecolor=KIND_STYLE[k]["color"], label=KIND_STYLE[k]["label"])
        for k in shown
    ]
    ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(0, -0.12), ncols=5, fontsize=8)
    add_source(fig, source)
    return Chart(fig, data)


__all__ = ["KIND_STYLE", "intervention_timeline_chart"]
