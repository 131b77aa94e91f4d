"""Membership charts: who was in the alliance, and when."""

from __future__ import annotations

from collections.abc import Iterable

import matplotlib.dates as mdates
import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.patches import Patch

from ..measures import membership
from .base import Chart
from .style import STATUS_STYLE, add_source


def membership_timeline(
    memberships: pd.DataFrame,
    states: pd.DataFrame,
    until: str | pd.Timestamp,
    organizations: Iterable[str] = ("CST", "CSTO"),
    title: str = "Who was in the alliance, and when",
    source: str = "The CSTO Record, data/memberships.csv",
) -> Chart:
    """A Gantt chart: one row per state, one bar per status interval in ``organizations``, open
    intervals drawn to ``until`` (the data's cut-off date).

    Colour and hatch both encode the status, and the legend sits above the bars. The data
    returned holds ``state``, ``name``, ``organization``, ``status``, ``start``, ``end`` and
    ``open`` for every bar.
    """
    data = membership.intervals(memberships, organizations, until)
    names = states.set_index("iso3")["name"]
    data.insert(1, "name", data["state"].map(names).astype("string"))
    order = (
        data.groupby("name")["start"].min().sort_values(ascending=False,
                                                        kind="stable").index.tolist()
    )
    fig, ax = plt.subplots(figsize=(8, 0.42 * len(order) + 1.6))
    # Where two organizations overlap (the CST and the CSTO in 2002-03), full membership is drawn
    # on top: a state that was a member of either was inside the alliance.
    priority = {status: rank for rank, status in enumerate(reversed(list(STATUS_STYLE)))}
    for _, row in data.iterrows():
        style = STATUS_STYLE[row["status"]]
        y = order.index(row["name"])
        ax.barh(
            y,
            (row["end"] - row["start"]).days,
            left=mdates.date2num(row["start"]),
            height=0.6,
            color=style["color"],
            hatch=style["hatch"],
            edgecolor="white",
            linewidth=0.5,
            zorder=2 + priority[row["status"]] / 100,
        )
    ax.set_yticks(range(len(order)), order)
    ax.xaxis_date()
    ax.xaxis.set_major_locator(mdates.YearLocator(4))
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%Y"))
    ax.set_title(title)
    shown = [s for s in STATUS_STYLE if s in set(data["status"])]
    handles = [
        Patch(facecolor=STATUS_STYLE[s]["color"], hatch=STATUS_STYLE[s]["hatch"], label=s)
        for s in shown
    ]
    ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(0, -0.06), ncols=len(shown),
              fontsize=9, handlelength=1.6)
    add_source(fig, source)
    return Chart(fig, data)
