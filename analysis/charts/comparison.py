"""Charts of the two-alliance comparison: what came given what was asked (conditional panels),
the crisis universe over time, and the alliance's answer beside the patron's, request by request.

Colours and markers carry one meaning each: the alliance (CSTO vermillion circles, NATO blue
squares, from :data:`~analysis.charts.style.ALLIANCE_STYLE`); how a crisis drew a request is
told by the marker's fill, and the patron's answer by a hollow marker, each with a key.
"""

from __future__ import annotations

import textwrap

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.lines import Line2D

from ..data.codebook.vocabulary import RESPONSE_LEVELS
from ..measures.conditional import GROUP_ORDER
from .base import Chart
from .style import ALLIANCE_STYLE, LEVEL_STYLE

ORGANIZATIONS: tuple[str, str] = ("CSTO", "NATO")

#: How each channel is named on the charts.
CHANNEL_NAMES: dict[str, str] = {"alliance": "asked of the alliance",
                                 "patron": "asked of the patron (Russia; the United States)"}

#: The categories of the universe chart, top to bottom, and their row labels.
UNIVERSE_ROWS: dict[str, str] = {
    "armed_attack": "armed attack",
    "internal_armed_conflict": "internal armed\nconflict",
    "unrest": "unrest",
    "terrorist_attack": "terrorist attack",
}

#: How a crisis drew a request, as the universe chart draws it (fill of the alliance's marker).
DREW: dict[str, dict[str, str]] = {
    "none": {"fillstyle": "none", "label": "no request"},
    "alliance": {"fillstyle": "full", "label": "to the alliance"},
    "patron": {"fillstyle": "bottom", "label": "to the patron only"},
    "both": {"fillstyle": "full", "label": "to both (ringed)"},
}


def _source_line(fig: Figure, text: str) -> None:
    """The chart's source or credit line, under the chart, in type the column shows legibly."""
    fig.text(0.0, -0.01, text, ha="left", va="top", fontsize=9, color="#555555",
             transform=fig.transFigure)


def conditional_panels(rates: dict[str, pd.DataFrame], title: str,
                       source: str | None = None) -> Chart:
    """One panel per group of asks (troops, material aid, consultation) and, with two
    channels, one row of panels per channel: the share of requests that got what they asked,
    one bar per alliance in its colour, with the 95% Wilson interval and ``k of n`` written on
    it; a group an alliance never asked for reads "none asked". Each panel's title gives the
    number of requests of each alliance.

    ``rates`` maps a channel (``alliance``, ``patron``) to
    :func:`~analysis.measures.channels.channel_rates`. Data: one row per channel, group and
    alliance (``channel``, ``ask_group``, ``organization``, ``n``, ``k``, ``rate``, ``low``,
    ``high``).
    """
    channels = list(rates)
    fig, axes = plt.subplots(len(channels), len(GROUP_ORDER),
                             figsize=(7.45, 2.9 * len(channels) + 0.9), sharey=True,
                             squeeze=False)
    rows = []
    for i, channel in enumerate(channels):
        table = rates[channel].set_index(["ask_group", "organization"])
        for j, group in enumerate(GROUP_ORDER):
            ax = axes[i][j]
            counts = []
            for x, org in enumerate(ORGANIZATIONS):
                row = table.loc[(group, org)]
                n, k = int(row["n"]), int(row["k"])
                counts.append(f"{org} {n}")
                rows.append({"channel": channel, "ask_group": group, "organization": org,
                             "n": n, "k": k, "rate": row["rate"], "low": row["low"],
                             "high": row["high"]})
                style = ALLIANCE_STYLE[org]
                if n == 0:
                    ax.text(x, 0.04, "none\nasked", ha="center", va="bottom", fontsize=10,
                            color="#555555")
                    continue
                ax.bar(x, row["rate"], width=0.6, color=style["color"], hatch=style["hatch"],
                       edgecolor="white")
                ax.errorbar(x, row["rate"], yerr=[[row["rate"] - row["low"]],
                                                  [row["high"] - row["rate"]]],
                            color="black", capsize=4, linewidth=1)
                ax.text(x, min(row["high"] + 0.04, 1.02), f"{k} of {n}", ha="center",
                        va="bottom", fontsize=10)
            ax.set_xticks(range(len(ORGANIZATIONS)), ORGANIZATIONS)
            # The alliances' names in their colours are the key to the bars.
            for label, org in zip(ax.get_xticklabels(), ORGANIZATIONS):
                label.set_color(ALLIANCE_STYLE[org]["color"])
            ax.set_xlim(-0.6, len(ORGANIZATIONS) - 0.4)
            ax.set_ylim(0, 1.25)
            ax.set_yticks([0, 0.5, 1], ["0%", "50%", "100%"])
            ax.grid(axis="y", alpha=0.4)
            ax.grid(axis="x", visible=False)
            ax.set_title(f"{group}\nn = " + ", ".join(counts), fontsize=10, loc="left",
                         fontweight="normal")
        axes[i][0].set_ylabel(f"got what was\n{CHANNEL_NAMES[channel]}"
                              if len(channels) > 1 else "got what was asked", fontsize=10)
    fig.suptitle(title, fontsize=12, fontweight="bold", x=0.0, ha="left")
    if source:
        _source_line(fig, source)
    return Chart(fig, pd.DataFrame(rows))


def _drew(row: pd.Series) -> str:
    if row["alliance"] and row["patron"]:
        return "both"
    if row["alliance"]:
        return "alliance"
    return "patron" if row["patron"] else "none"


def universe_chart(crises: pd.DataFrame, title: str, credit: str | None = None) -> Chart:
    """Every included crisis of both alliances over time: one panel per alliance, one row per
    category (armed attack, internal armed conflict, unrest, terrorist attack), one marker per
    crisis at its start date in the alliance's colour and shape. The fill says whether the crisis
    drew a request and to whom (``DREW``): hollow, none; full, to the alliance; half, to the
    patron only; full and ringed, to both. A key explains the fills.

    ``crises`` is :func:`~analysis.measures.alternatives.coded_crises`; only included crises are
    drawn. Data: ``candidate_id``, ``organization``, ``crisis``, ``date``, ``category``,
    ``drew`` and ``y``.
    """
    frame = crises[crises["included"].astype(bool)].copy()
    unknown = sorted(set(frame["category"]) - set(UNIVERSE_ROWS))
    if unknown:
        raise ValueError(f"no row for categories {unknown}")
    frame["drew"] = [_drew(r) for _, r in frame.iterrows()]
    order = list(UNIVERSE_ROWS)
    frame["y"] = [len(order) - 1 - order.index(c) for c in frame["category"]]
    fig, (*axes, key) = plt.subplots(3, 1, figsize=(7.6, 7.0),
                                     gridspec_kw={"height_ratios": [1, 1, 0.22]})
    axes[0].sharex(axes[1])
    rng = np.random.default_rng(0)
    for ax, org in zip(axes, ORGANIZATIONS):
        style = ALLIANCE_STYLE[org]
        mine = frame[frame["organization"] == org].sort_values("date", kind="stable")
        jitter = rng.uniform(-0.22, 0.22, len(mine))
        for (_, row), dy in zip(mine.iterrows(), jitter):
            kind = DREW[row["drew"]]
            ax.plot(row["date"], row["y"] + dy, marker=style["marker"], markersize=8,
                    color=style["color"], fillstyle=kind["fillstyle"],
                    markeredgecolor="black" if row["drew"] == "both" else style["color"],
                    markeredgewidth=1.8 if row["drew"] == "both" else 1.2,
                    linestyle="none", zorder=3)
        asked = int((mine["drew"] != "none").sum())
        ax.set_title(f"{org}: {len(mine)} crises, {asked} drew a request or an appeal",
                     fontsize=10, loc="left", fontweight="normal")
        ax.set_yticks(range(len(order)), [UNIVERSE_ROWS[c] for c in reversed(order)])
        ax.set_ylim(-0.6, len(order) - 0.4)
        ax.grid(axis="y", alpha=0.3)
    axes[1].set_xlim(pd.Timestamp("1991-06-01"), pd.Timestamp("2027-06-01"))
    handles = [Line2D([], [], marker="o", markersize=8, color="#555555",
                      fillstyle=DREW[k]["fillstyle"],
                      markeredgecolor="black" if k == "both" else "#555555",
                      markeredgewidth=1.8 if k == "both" else 1.2, linestyle="none",
                      label=DREW[k]["label"]) for k in DREW]
    key.axis("off")
    key.legend(handles=handles, loc="upper left", ncol=4, fontsize=10, frameon=False,
               handletextpad=0.2, columnspacing=1.0, borderaxespad=0.0)
    if credit:
        key.text(0.0, 0.0, textwrap.fill(credit, 105), ha="left", va="bottom", fontsize=9,
                 color="#555555", transform=key.transAxes)
    fig.suptitle(title, fontsize=12, fontweight="bold", x=0.0, ha="left")
    data = frame[["candidate_id", "organization", "crisis", "date", "category", "drew",
                  "y"]].reset_index(drop=True)
    return Chart(fig, data)


def channels_chart(pairs: pd.DataFrame, labels: pd.Series, title: str) -> Chart:
    """The alliance's answer beside the patron's, request by request: one panel per alliance,
    one row per request counted on either channel (``labels``: its row label, indexed like
    ``pairs``), the response scale across; a filled marker at the alliance's highest response,
    a hollow one at the patron's (none on the patron's own crisis), joined by a line when they
    differ. A key explains the two markers.

    ``pairs`` is :func:`~analysis.measures.channels.channel_pairs`. Data: ``request_id``,
    ``organization``, ``label``, ``alliance_level``, ``patron_level`` and ``y``.
    """
    rank = {level: i for i, level in enumerate(RESPONSE_LEVELS)}
    counts = [int((pairs["organization"] == org).sum()) for org in ORGANIZATIONS]
    fig, axes = plt.subplots(2, 1, figsize=(8.2, 0.3 * sum(counts) + 3.0), sharex=True,
                             gridspec_kw={"height_ratios": [max(c, 1) for c in counts]})
    rows = []
    for ax, org in zip(axes, ORGANIZATIONS):
        style = ALLIANCE_STYLE[org]
        mine = pairs[pairs["organization"] == org]
        ys = np.arange(len(mine))[::-1]
        for y, (index, row) in zip(ys, mine.iterrows()):
            a = rank[row["alliance_level"]]
            p = None if pd.isna(row["patron_level"]) else rank[row["patron_level"]]
            if p is not None and p != a:
                ax.plot([a, p], [y, y], color="#BBBBBB", linewidth=1.2, zorder=1)
            ax.plot(a, y + 0.12, marker=style["marker"], markersize=8, color=style["color"],
                    linestyle="none", zorder=3)
            if p is not None:
                ax.plot(p, y - 0.12, marker=style["marker"], markersize=8, color=style["color"],
                        fillstyle="none", markeredgewidth=1.6, linestyle="none", zorder=3)
            rows.append({"request_id": row["request_id"], "organization": org,
                         "label": labels[index], "alliance_level": row["alliance_level"],
                         "patron_level": row["patron_level"], "y": int(y)})
        ax.set_yticks(ys, [labels[i] for i in mine.index])
        ax.set_ylim(-0.7, len(mine) - 0.3)
        ax.set_title(org, fontsize=10, loc="left", fontweight="normal")
        ax.grid(axis="x", alpha=0.4)
    axes[1].set_xticks(range(len(RESPONSE_LEVELS)),
                       [LEVEL_STYLE[v]["label"].replace(" ", "\n") for v in RESPONSE_LEVELS])
    axes[1].set_xlim(-0.4, len(RESPONSE_LEVELS) - 0.6)
    handles = [Line2D([], [], marker="o", markersize=8, color="#555555", linestyle="none",
                      label="the alliance's highest response"),
               Line2D([], [], marker="o", markersize=8, color="#555555", fillstyle="none",
                      markeredgewidth=1.6, linestyle="none",
                      label="the patron's highest response")]
    fig.legend(handles=handles, loc="outside lower left", ncol=2, fontsize=10, frameon=False)
    fig.suptitle(title, fontsize=12, fontweight="bold", x=0.0, ha="left")
    return Chart(fig, pd.DataFrame(rows))


__all__ = ["CHANNEL_NAMES", "DREW", "UNIVERSE_ROWS", "channels_chart", "conditional_panels",
           "universe_chart"]
