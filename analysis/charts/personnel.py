"""Military personnel chart: every member's personnel from two sources, COW and the curated
figures."""

from __future__ import annotations

from collections.abc import Mapping

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.lines import Line2D
from matplotlib.ticker import FuncFormatter

from .base import Chart
from .sourceline import source_line
from .style import ALLIANCE_STYLE, PALETTE


def personnel_chart(
    comparison: pd.DataFrame,
    alliance_of: Mapping[str, str],
    names: Mapping[str, str] | None = None,
    title: str = "Military personnel of every member, from two sources",
    *,
    credit: str,
) -> Chart:
    """One row per state, grouped by alliance and sorted by size: COW's latest personnel figure
    (filled circle) and the curated figure (open diamond, with its year), on a log scale, joined
    by a line where both exist.

    ``comparison`` is :func:`analysis.measures.personnel.personnel_two_sources`; ``alliance_of``
    maps each state to its alliance. States whose COW figure is 0 (under 500, or no armed forces)
    are listed with a note, since a log scale cannot place them. The data returned is
    ``comparison`` with an
    ``alliance`` column, in the order drawn (top first).

    ``credit`` is the dataset's credit line as ``data/origins.csv`` gives it
    (:func:`analysis.measures.provenance.credit_lines`).
    """
    names = dict(names or {})
    data = comparison.copy()
    data["alliance"] = data["state"].map(dict(alliance_of)).astype("string")
    size = data["cow_persons"].fillna(data["curated_persons"])
    data = data.assign(_size=size).sort_values(["alliance", "_size"], ascending=[True, False])
    data = data.drop(columns="_size").reset_index(drop=True)
    fig, ax = plt.subplots(figsize=(7.5, 0.22 * len(data) + 2.0))
    y = np.arange(len(data))[::-1]
    low = 1000.0
    for yi, (_, row) in zip(y, data.iterrows()):
        look = ALLIANCE_STYLE.get(row["alliance"], {"color": PALETTE["grey"], "marker": "o"})
        cow, cur = row["cow_persons"], row["curated_persons"]
        if pd.notna(cow) and pd.notna(cur) and cow > 0:
            ax.plot([cow, cur], [yi, yi], color="#999999", linewidth=1, zorder=1)
        if pd.notna(cow) and cow > 0:
            ax.plot(cow, yi, marker="o", color=look["color"], markersize=5, zorder=3)
        elif pd.notna(cow):
            ax.text(low * 1.1, yi, "COW: 0 (in thousands, rounded)", va="center", fontsize=9,
                    color="#555555")
        if pd.notna(cur) and cur > 0:
            ax.plot(cur, yi, marker="D", markerfacecolor="white", markeredgecolor="black",
                    markersize=5, zorder=4)
            left = pd.notna(cow) and cur < cow  # the year on the side away from COW's dot
            ax.annotate(str(row["curated_year"]), (cur, yi), xytext=(-6 if left else 6, 0),
                        textcoords="offset points", va="center", ha="right" if left else "left",
                        fontsize=9, color="#333333")
    ax.set_yticks(y, [f"{names.get(s, s)} ({a})" for s, a in zip(data["state"],
                                                                   data["alliance"])])
    ax.tick_params(axis="y", labelsize=9, length=0)
    ax.set_xscale("log")
    ax.set_xlim(low, 3e6)
    ax.xaxis.set_major_formatter(FuncFormatter(_persons))
    ax.set_ylim(-1, len(data))
    ax.set_xlabel("military personnel (persons, log scale)")
    fig.suptitle(title, x=0.0, ha="left", fontweight="bold", fontsize=11.5)
    handles = [Line2D([], [], linestyle="none", marker="o",
                      color=ALLIANCE_STYLE[org]["color"], label=f"COW, latest year: {org}")
               for org in ALLIANCE_STYLE if org in set(data["alliance"])]
    handles.append(Line2D([], [], linestyle="none", marker="D", markerfacecolor="white",
                          markeredgecolor="black", label="curated figure (year beside it)"))
    ax.legend(handles=handles, loc="lower right", fontsize=9, frameon=True, framealpha=0.95)
    source_line(fig, f"{credit}; data/capabilities.csv (IISS, NATO, CIA, GFP, BICC figures)")
    return Chart(fig, data)


def _persons(value: float, _: object) -> str:
    """A tick of the log axis in words a reader knows: 1,000, 10,000, ..., 1 million."""
    if value >= 1e6:
        return f"{value / 1e6:g} million"
    return f"{value:,.0f}"


__all__ = ["personnel_chart"]
