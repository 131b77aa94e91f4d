"""What members asked for against what came: the book's headline chart."""

from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.patches import Rectangle

from ..data.codebook.vocabulary import RESPONSE_LEVELS
from .base import Chart
from .style import PALETTE, add_source

SOURCE = "The CSTO Record, data/requests.csv and data/responses.csv"


def _label(level: str) -> str:
    return level.replace("_", " ")


def asked_versus_got_chart(
    table: pd.DataFrame,
    organizations: tuple[str, ...] = ("CSTO", "NATO"),
    title: str = "What members asked for, and what came",
    source: str = SOURCE,
) -> Chart:
    """One panel per alliance: the level each request asked for (rows) against the highest
    response it drew (columns), a disc per pair sized by the number of requests and labelled
    with it.

    ``table`` is :func:`analysis.measures.rates.asked_versus_got`. Cells on the diagonal (what
    was asked came) are outlined; cells left of it got less than was asked, and the panel's
    subtitle counts them, so the reading does not rest on colour. Data: ``table``.
    """
    rank = {level: n for n, level in enumerate(RESPONSE_LEVELS)}
    data = table.copy()
    colour = {"less": PALETTE["vermillion"], "as asked": PALETTE["blue"],
              "more": PALETTE["green"]}
    largest = max(int(data["requests"].max()), 1) if len(data) else 1
    fig, axes = plt.subplots(1, len(organizations), figsize=(4.2 * len(organizations), 4.2),
                             sharey=True, squeeze=False)
    levels = list(RESPONSE_LEVELS)
    for ax, org in zip(axes[0], organizations):
        mine = data[data["organization"] == org]
        for n in range(len(levels)):
            ax.add_patch(Rectangle((n - 0.5, n - 0.5), 1, 1, fill=False, lw=1.2,
                                   edgecolor=PALETTE["grey"], ls="--"))
        for row in mine.itertuples():
            x, y = rank[row.highest_level], rank[row.asked_level]
            ax.scatter([x], [y], s=120 + 900 * row.requests / largest,
                       color=colour[row.outcome], alpha=0.85, edgecolor="white", zorder=3)
            ax.text(x, y, str(row.requests), ha="center", va="center", color="white",
                    fontsize=10, fontweight="bold", zorder=4)
        less = int(mine.loc[mine["outcome"] == "less", "requests"].sum())
        ax.set_title(f"{org}: {less} of {int(mine['requests'].sum())} requests got less than "
                     "asked", fontsize=10, loc="left")
        ax.set_xticks(range(len(levels)), [_label(v) for v in levels], rotation=40, ha="right")
        ax.set_yticks(range(len(levels)), [_label(v) for v in levels])
        ax.set_xlim(-0.6, len(levels) - 0.4)
        ax.set_ylim(-0.6, len(levels) - 0.4)
        ax.set_xlabel("highest response")
        ax.grid(alpha=0.3)
    axes[0][0].set_ylabel("asked for")
    fig.suptitle(f"{title}\n(dashed squares: what was asked came; left of them: less came)",
                 fontsize=11, x=0.02, ha="left")
    add_source(fig, source)
    return Chart(fig, data)
