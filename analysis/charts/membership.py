"""Membership charts: who was in the alliance, and when."""

from __future__ import annotations

from collections.abc import Iterable

import matplotlib.dates as mdates
import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.patches import Patch

from ..measures import membership
from .base import Chart
from .sourceline import source_line
from .style import STATUS_STYLE

#: How each status reads in the key.
STATUS_WORDS = {"member": "member", "signatory": "signed, not yet in force",
                "suspended": "suspended", "frozen": "participation frozen",
                "withdrawing": "leaving (notice given)"}


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

    Colour encodes the status (no hatching), and the key sits under the axis. The data
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
    fig, ax = plt.subplots(figsize=(7.5, 0.42 * len(order) + 1.8))
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
            linewidth=0,
            zorder=2 + priority[row["status"]] / 100,
        )
    ax.set_yticks(range(len(order)), order)
    ax.xaxis_date()
    ax.xaxis.set_major_locator(mdates.YearLocator(4))
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%Y"))
    ax.set_title(title, loc="left", fontsize=11.5)
    shown = [s for s in STATUS_STYLE if s in set(data["status"])]
    handles = [
        Patch(facecolor=STATUS_STYLE[s]["color"], label=STATUS_WORDS.get(s, s))
        for s in shown
    ]
    ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(0, -0.08), ncols=len(shown),
              fontsize=9, handlelength=1.6, columnspacing=1.0)
    source_line(fig, source)
    return Chart(fig, data)
