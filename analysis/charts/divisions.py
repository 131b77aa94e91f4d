"""Division charts: stances on Moscow's causes and acts of defiance. Every chart encodes its
categories twice: a colour from the Okabe-Ito palette and a second cue (a marker shape, a hatch or
a direct label), so it reads in grey print and for colour-blind readers.
"""

from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.lines import Line2D
from matplotlib.patches import Patch

from ..measures.divisions import ALIGNMENT_CODES, DEFIANCE_KINDS
from .base import Chart, state_names
from .style import PALETTE, RUSSIA_SIDE, add_source

#: Marker, colour and fill of each stance alignment in the grid.
ALIGNMENT_STYLE: dict[str, dict[str, str]] = {
    "aligned": {"marker": "o", "color": RUSSIA_SIDE["with"], "fill": "full"},
    "hedging": {"marker": "D", "color": PALETTE["orange"], "fill": "none"},
    "opposed": {"marker": "X", "color": RUSSIA_SIDE["against"], "fill": "full"},
}


#: Colour, hatch and legend label of each kind of act of defiance.
DEFIANCE_STYLE: dict[str, dict[str, str | None]] = {
    "summit_boycott": {"color": PALETTE["orange"], "hatch": "//", "label": "summit boycotted"},
    "exercise_withdrawal": {"color": PALETTE["green"], "hatch": "++",
                            "label": "exercise cancelled or shunned"},
    "declaration_refused": {"color": PALETTE["sky"], "hatch": "..",
                            "label": "declaration refused"},
    "suspension": {"color": PALETTE["purple"], "hatch": "xx", "label": "suspension"},
    "freeze": {"color": PALETTE["vermillion"], "hatch": "\\\\", "label": "freeze"},
    "withdrawal": {"color": PALETTE["grey"], "hatch": "--", "label": "withdrawal"},
}


#: Legend wording of each stance alignment.
ALIGNMENT_WORDS = {"aligned": "aligned with Moscow", "hedging": "hedging",
                   "opposed": "opposed to Moscow"}


def alignment_grid(
    matrix: pd.DataFrame,
    states_table: pd.DataFrame | None = None,
    title: str = "Where each state stands on Moscow's causes",
    source: str = "The CSTO Record, data/stances.csv (latest stance per state and issue)",
) -> Chart:
    """A state x issue grid of stances, from :func:`analysis.measures.divisions.alignment_matrix`.

    Each recorded stance is a symbol whose shape and colour both give the alignment (filled
    circle aligned, hollow diamond hedging, cross opposed); a cell with no recorded stance shows a
    small grey dot. The data returned has one row per cell: ``state``, ``name``, ``issue``,
    ``code`` (1, 0, -1 or ``<NA>``), ``alignment`` (word, ``<NA>`` when not recorded), ``row``
    and ``column``.
    """
    names = state_names(states_table)
    words = {code: word for word, code in ALIGNMENT_CODES.items()}
    states = [str(s) for s in matrix.index]
    issues = [str(i) for i in matrix.columns]
    cells = []
    for i, state in enumerate(states):
        for j, issue in enumerate(issues):
            code = matrix.iat[i, j]
            known = not pd.isna(code)
            cells.append({"state": state, "name": names.get(state, state), "issue": issue,
                          "code": int(code) if known else pd.NA,
                          "alignment": words[int(code)] if known else pd.NA,
                          "row": i, "column": j})
    data = pd.DataFrame(cells, columns=["state", "name", "issue", "code", "alignment", "row",
                                        "column"])
    data = data.astype({"state": "string", "name": "string", "issue": "string", "code": "Int64",
                        "alignment": "string", "row": "int64", "column": "int64"})

    fig, ax = plt.subplots(figsize=(2.5 + 0.9 * len(issues), 2.2 + 0.42 * len(states)))
    missing = data[data["alignment"].isna()]
    ax.scatter(missing["column"], missing["row"], marker=".", s=20, color=PALETTE["grey"])
    for word, style in ALIGNMENT_STYLE.items():
        cells_of = data[data["alignment"] == word]
        hollow = style["fill"] == "none"
        ax.scatter(cells_of["column"], cells_of["row"], marker=style["marker"], s=110,
                   facecolors="none" if hollow else style["color"], edgecolors=style["color"],
                   linewidths=2 if hollow else 0.8, zorder=3)
    ax.set_xlim(-0.5, len(issues) - 0.5)
    ax.set_ylim(len(states) - 0.5, -0.5)
    ax.set_xticks(range(len(issues)), [i.replace("_", " ") for i in issues], rotation=35,
                  ha="right")
    ax.set_yticks(range(len(states)), [names.get(s, s) for s in states])
    ax.grid(True, axis="both")
    ax.set_xlabel("Issue")
    ax.set_ylabel("State")
    ax.set_title(title)
    handles = [
        Line2D([], [], linestyle="none", marker=s["marker"], markersize=9,
               markerfacecolor="none" if s["fill"] == "none" else s["color"],
               markeredgecolor=s["color"], markeredgewidth=2 if s["fill"] == "none" else 0.8,
               label=ALIGNMENT_WORDS[word])
        for word, s in ALIGNMENT_STYLE.items()
    ]
    handles.append(Line2D([], [], linestyle="none", marker=".", color=PALETTE["grey"],
                          label="no stance recorded"))
    ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.01, 1.0), fontsize=8)
    add_source(fig, source)
    return Chart(fig, data)


def defiance_chart(
    counts: pd.DataFrame,
    states_table: pd.DataFrame | None = None,
    title: str = "Acts of defiance toward the alliance, by member",
    source: str = "The CSTO Record, data/events.csv and data/memberships.csv",
) -> Chart:
    """Stacked bars, one per member: its boycotts, refused declarations, suspensions, freezes
    and withdrawals, summed over the years of :func:`analysis.measures.divisions.defiance_events`.

    Each kind has its own colour and hatch, and the total is written at the end of each bar.
    The data returned has one row per drawn segment: ``state``, ``name``, ``kind``, ``count`` (a
    number of acts) and ``left`` (where the segment starts), members with the most acts first.
    """
    names = state_names(states_table)
    kinds = [k for k in DEFIANCE_KINDS if k in counts.columns]
    totals = counts.groupby("state")[kinds].sum()
    totals = totals.loc[totals.sum(axis=1).sort_values(ascending=False, kind="stable").index]
    rows = []
    for state, row in totals.iterrows():
        left = 0
        for kind in kinds:
            if row[kind] > 0:
                rows.append({"state": state, "name": names.get(state, state), "kind": kind,
                             "count": int(row[kind]), "left": left})
                left += int(row[kind])
    data = pd.DataFrame(rows, columns=["state", "name", "kind", "count", "left"])
    data = data.astype({"state": "string", "name": "string", "kind": "string", "count": "int64",
                        "left": "int64"})

    order = totals.index.tolist()
    fig, ax = plt.subplots(figsize=(8, 1.6 + 0.5 * max(len(order), 1)))
    for seg in data.itertuples():
        style = DEFIANCE_STYLE[seg.kind]
        ax.barh(order.index(seg.state), seg.count, left=seg.left, height=0.6,
                color=style["color"], hatch=style["hatch"], edgecolor="white", linewidth=0.8)
    for y, state in enumerate(order):
        total = int(totals.loc[state].sum())
        ax.text(total + 0.1, y, str(total), va="center", ha="left", fontsize=9)
    ax.set_yticks(range(len(order)), [names.get(s, s) for s in order])
    ax.invert_yaxis()
    ax.xaxis.get_major_locator().set_params(integer=True)
    ax.set_xlabel("Number of acts")
    ax.set_ylabel("Member")
    ax.set_title(title)
    shown = [k for k in kinds if k in set(data["kind"].tolist())]
    handles = [Patch(facecolor=DEFIANCE_STYLE[k]["color"], hatch=DEFIANCE_STYLE[k]["hatch"],
                     edgecolor="white", label=DEFIANCE_STYLE[k]["label"]) for k in shown]
    ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.01, 1.0), fontsize=8)
    add_source(fig, source)
    return Chart(fig, data)


__all__ = ["ALIGNMENT_STYLE", "DEFIANCE_STYLE", "alignment_grid", "defiance_chart"]
