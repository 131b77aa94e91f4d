"""The Ukraine votes chart: how each member voted against Russia's vote, kind by kind, with a
colour and a count printed in every segment (no hatching: the colour and the count say it).
"""

from __future__ import annotations

import textwrap

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.patches import Patch

from .base import Chart, state_names
from .style import NOT_RECORDED_STYLE, RUSSIA_SIDE, VOTE_STYLE
from .votes import TEXT_PT, figure_title, source_line

#: Colour, hatch and legend wording of each kind of vote in :func:`ukraine_vote_bars`.
UKRAINE_STYLE: dict[str, dict[str, str | None]] = {
    "same": {"color": RUSSIA_SIDE["with"], "hatch": None, "text": "white",
             "label": "voted as Russia did"},
    "one_abstained": {"color": VOTE_STYLE["abstain"]["color"], "hatch": None, "text": "black",
                      "label": "abstained (Russia voted)"},
    "opposite": {"color": RUSSIA_SIDE["against"], "hatch": None, "text": "white",
                 "label": "voted against Russia"},
    "absent": {"color": VOTE_STYLE["absent"]["color"], "hatch": None, "text": "black",
               "label": "absent"},
    "not_recorded": {"color": NOT_RECORDED_STYLE["color"], "hatch": None,
                     "text": NOT_RECORDED_STYLE["text"], "label": "not recorded"},
}


def ukraine_vote_bars(
    panels: dict[str, tuple[pd.DataFrame, pd.DataFrame | None]],
    groups: pd.DataFrame,
    states_table: pd.DataFrame | None = None,
    title: str = "How the members voted on Ukraine, before and after the full invasion",
    source: str = ("Voeten, Strezhnev & Bailey, UNGA Voting Data (roll calls to 2019); The "
                   "CSTO Record, data/un_votes.csv (ES-11 votes)"),
) -> Chart:
    """Side-by-side panels of stacked bars, one bar per member: its votes on a set of Ukraine
    resolutions, by how they met Russia's.

    ``panels`` maps a panel title to ``(three, half)``: the counts of
    :func:`analysis.measures.ukraine.ukraine_vote_counts` under the three-category rule and
    (or ``None``) under the half rule. ``groups``
    (:func:`analysis.measures.roll_calls.csto_groups`) sets the order and the group shown beside
    each name; Russia itself is left out. Each segment prints its count; at each bar's end stands
    the share of cast votes that matched Russia's, then the half-rule share. The data returned has
    one row per panel and state: ``panel``, ``state``, ``name``, ``group``, the five counts,
    ``votes``, ``share`` and ``share_half`` (``NaN`` without a half-rule table).
    """
    names = state_names(states_table)
    order = groups.iloc[1:]
    kinds = list(UKRAINE_STYLE)
    rows = []
    for panel, (three, half_rule) in panels.items():
        table = three.set_index("state")
        half = half_rule.set_index("state")["share"] if half_rule is not None else None
        for state, group in zip(order["state"], order["group"]):
            row = {"panel": panel, "state": state, "name": names.get(state, state),
                   "group": group}
            row.update({k: int(table.at[state, k]) for k in kinds})
            row["votes"] = int(table.at[state, "votes"])
            row["share"] = float(table.at[state, "share"])
            row["share_half"] = float(half[state]) if half is not None else np.nan
            rows.append(row)
    data = pd.DataFrame(rows, columns=["panel", "state", "name", "group", *kinds, "votes",
                                       "share", "share_half"])
    data = data.astype({"panel": "string", "state": "string", "name": "string",
                        "group": "string"})

    # A row of panels over one legend row spanning them all (constrained layout makes room).
    fig = plt.figure(figsize=(6.8, 2.6 + 0.36 * len(order)))
    grid = fig.add_gridspec(2, max(1, len(panels)), height_ratios=(1.0, 0.3))
    first = fig.add_subplot(grid[0, 0])
    axes = [first] + [fig.add_subplot(grid[0, k], sharey=first) for k in range(1, len(panels))]
    for ax, (panel, (three, _)) in zip(axes, panels.items()):
        part = data[data["panel"] == panel].reset_index(drop=True)
        for i, row in enumerate(part.itertuples()):
            left = 0
            for kind in kinds:
                n = getattr(row, kind)
                if not n:
                    continue
                style = UKRAINE_STYLE[kind]
                ax.barh(i, n, left=left, color=style["color"], hatch=style["hatch"],
                        edgecolor="#555555", linewidth=0.6, height=0.7)
                ax.text(left + n / 2, i, str(n), ha="center", va="center", fontsize=TEXT_PT,
                        fontweight="bold", color=style["text"],
                        bbox={"facecolor": style["color"], "edgecolor": "none", "pad": 0.3})
                left += n
            if not row.votes:
                end = "no vote"
            elif np.isnan(row.share_half):
                end = f"{row.share * 100:.0f}%"
            else:
                end = f"{row.share * 100:.0f}% / {row.share_half * 100:.0f}%"
            ax.text(left + 0.2, i, end, ha="left", va="center", fontsize=TEXT_PT)
        total = int(three["resolutions"].max()) if len(three) else 0
        ax.set_xlim(0, total * 1.55 + 1)
        ax.set_xticks(range(0, total + 1, 2 if total > 8 else 1))
        ax.tick_params(axis="x", labelsize=TEXT_PT)
        ax.grid(True, axis="x")
        ax.set_axisbelow(True)
        ax.set_title(textwrap.fill(panel, width=30), fontsize=9, fontweight="bold", loc="left")
        ax.set_xlabel("resolutions", fontsize=TEXT_PT)
    for ax in axes[1:]:
        ax.tick_params(axis="y", labelleft=False)
    labels = [f"{names.get(s, s)} ({g})" for s, g in zip(order["state"], order["group"])]
    first.set_yticks(range(len(order)), labels, fontsize=9)
    first.set_ylim(len(order) - 0.5, -0.5)
    figure_title(fig, title)
    handles = [Patch(facecolor=s["color"], hatch=s["hatch"], edgecolor="#555555",
                     label=s["label"]) for s in UKRAINE_STYLE.values()]
    key = fig.add_subplot(grid[1, :])
    key.axis("off")
    key.legend(handles=handles, loc="center", ncols=3, fontsize=TEXT_PT, frameon=False,
               title_fontsize=TEXT_PT,
               title="At each bar's end: share of cast votes that matched Russia's,\n"
                     "abstention as a third option / abstention as half an agreement")
    source_line(fig, source, width=100)
    return Chart(fig, data)


__all__ = ["UKRAINE_STYLE", "ukraine_vote_bars"]
