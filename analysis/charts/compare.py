"""Comparison charts: the CSTO beside NATO (growth, concentration, use of the defence clause)."""

from __future__ import annotations

from collections.abc import Iterable

import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.patches import Patch

from ..data.codebook.vocabulary import RESPONSE_LEVELS
from ..measures.compare import CLAUSE_LABEL
from .base import Chart
from .style import ALLIANCE_STYLE, LEVEL_STYLE, PALETTE
from .timelines import LABEL_PT, WIDTH_IN, source_line, wrap_title

#: Moments annotated on the growth chart: alliance, day the change took effect, label, where
#: the label sits relative to the point (offset in points) and, optionally, how it is aligned
#: there (``ha``, centred by default). The labels sit in the empty space around the CSTO's line,
#: clear of each other, of the line's end label and of the arrows that point to their moments.
GROWTH_EVENTS: tuple[dict[str, object], ...] = (
    {"organization": "CSTO", "date": "1999-04-20", "offset": (-75, -30),
     "label": "1999: Azerbaijan, Georgia and\nUzbekistan do not renew the treaty"},
    {"organization": "CSTO", "date": "2012-12-19", "offset": (-10, 32),
     "label": "2012: Uzbekistan's\nmembership suspended"},
    {"organization": "CSTO", "date": "2024-02-22", "offset": (-4, -38), "ha": "right",
     "label": "2024: Armenia freezes\nits participation"},
    {"organization": "NATO", "date": "2023-04-04", "offset": (-60, 22),
     "label": "Finland (2023) and\nSweden (2024) join"},
)


def _event_rows(growth: pd.DataFrame, events: Iterable[dict[str, object]]) -> pd.Series:
    """Label of each event on the first row of its alliance dated on or after the event."""
    labels = pd.Series(pd.NA, index=growth.index, dtype="string")
    for event in events:
        rows = growth[(growth["organization"] == event["organization"])
                      & (growth["date"] >= pd.Timestamp(event["date"]))]
        if len(rows):
            i = rows["date"].idxmin()
            old = labels[i]
            labels[i] = event["label"] if pd.isna(old) else f"{old}; {event['label']}"
    return labels


def growth_chart(
    growth: pd.DataFrame,
    events: Iterable[dict[str, object]] = GROWTH_EVENTS,
    title: str = "Member states of the CSTO and NATO, at each year end",
    source: str = "The CSTO Record, data/memberships.csv",
) -> Chart:
    """Step lines of the number of member states of each alliance over time.

    ``growth`` is :func:`analysis.measures.growth.membership_growth`. Each alliance has its own
    colour and marker and is labelled at the end of its line. Each step ends at the year end it
    counts, so the level drawn over a year is the count at its end. The CSTO's markers are hollow
    while the 1992 treaty (CST) is the body counted. A dashed line adds suspended or frozen members
    where there are any. ``events`` (default ``GROWTH_EVENTS``) are annotated on the line. The data
    returned is ``growth`` with an ``event`` column (the label annotated on that row, if any).
    """
    events = list(events)
    data = growth.copy()
    data["event"] = _event_rows(data, events)
    fig, ax = plt.subplots(figsize=(WIDTH_IN, 4.8))
    last_day = data["date"].max()
    for org, rows in data.groupby("organization", sort=True):
        style = ALLIANCE_STYLE.get(org, {"color": PALETTE["black"], "marker": "^"})
        if (rows["suspended_or_frozen"] > 0).any():
            ax.step(rows["date"], rows["inside"], where="pre", color=style["color"],
                    linestyle="--", linewidth=1.2, zorder=2)
        ax.step(rows["date"], rows["members"], where="pre", color=style["color"], linewidth=2,
                zorder=3)
        for body, part in rows.groupby("body", sort=False):
            hollow = body != org
            ax.plot(part["date"], part["members"], linestyle="none", marker=style["marker"],
                    markersize=3.5, color=style["color"],
                    markerfacecolor="white" if hollow else style["color"], zorder=4)
            if hollow:
                # Left of the line's first step, where nothing else is drawn.
                counted = part[part["members"] > 0]
                first = (counted if len(counted) else part).iloc[0]
                ax.annotate(f"{body} (1992 treaty)", (first["date"], first["members"]),
                            xytext=(-8, 0), textcoords="offset points", ha="right",
                            va="center", fontsize=LABEL_PT, color=style["color"])
        end = rows.iloc[-1]
        text = f"{org}: {end['members']}"
        if end["suspended_or_frozen"]:
            text += f"\n(+{end['suspended_or_frozen']} suspended\nor frozen, dashed)"
        ax.annotate(text, (end["date"], end["members"]), xytext=(6, 0),
                    textcoords="offset points", va="center", fontsize=9, fontweight="bold",
                    color=style["color"])
    for event in events:
        hit = data[(data["event"].fillna("").str.contains(str(event["label"]), regex=False))
                   & (data["organization"] == event["organization"])]
        if hit.empty:
            continue
        row = hit.iloc[0]
        ax.annotate(event["label"], (row["date"], row["members"]), xytext=event["offset"],
                    textcoords="offset points", ha=event.get("ha", "center"), fontsize=LABEL_PT,
                    color="#333333",
                    bbox={"boxstyle": "round,pad=0.1", "facecolor": "white", "edgecolor": "none"},
                    arrowprops={"arrowstyle": "-", "color": "#777777", "linewidth": 0.7})
    ax.set_xlim(data["date"].min() - pd.Timedelta(days=365),
                last_day + pd.Timedelta(days=365 * 9))
    ax.set_ylim(0, max(data["inside"].max(), data["members"].max()) + 4)
    ax.set_title(title)
    ax.set_xlabel("year end")
    ax.set_ylabel("member states")
    source_line(fig, source)
    return Chart(fig, data)


def _pct_label(row: pd.Series) -> str:
    who = str(row["largest_state"]).replace(";", " & ")
    return f"{row['largest_share_pct']:.0f}%\n{who}"


def concentration_panels(
    shares: pd.DataFrame,
    title: str = "How much rests on the largest member",
    source: str = "The CSTO Record, data/capabilities.csv",
) -> Chart:
    """Two panels of bars: the largest member's share of the common budget (or of military
    spending) and of active forces, for each alliance, labelled with the percentage and the
    state; the panels follow ``shares``.

    ``shares`` is :func:`analysis.measures.burden.largest_member_shares`. Under each bar a note
    says how many members have data (budget shares are shares of the whole budget; force shares are
    shares of the members with data), and "no data" marks an alliance without any figure. The data
    returned has one row per bar: ``organization``, ``panel``, ``largest_state``,
    ``largest_share_pct`` (percent), ``n_with_data``, ``n_states``, ``year_min``, ``year_max`` and
    ``partial`` (True when some members lack data).
    """
    data = shares[["organization", "panel", "largest_state", "largest_share", "n_with_data",
                   "n_states", "year_min", "year_max"]].copy()
    data["largest_share_pct"] = 100.0 * data.pop("largest_share")
    data["partial"] = data["n_with_data"] < data["n_states"]
    headings = {"budget": "Common budget", "spending": "Military spending",
                "forces": "Active personnel"}
    panels = [(p, headings[p]) for p in dict.fromkeys(data["panel"])]
    fig, axes = plt.subplots(1, 2, figsize=(WIDTH_IN, 4.8), sharey=True)
    for ax, (panel, heading) in zip(axes, panels):
        rows = data[data["panel"] == panel].reset_index(drop=True)
        ticks = []
        for x, row in rows.iterrows():
            style = ALLIANCE_STYLE.get(row["organization"], {"color": PALETTE["grey"],
                                                             "hatch": None})
            if row["n_with_data"] == 0 or pd.isna(row["largest_share_pct"]):
                ax.text(x, 4, "no data", ha="center", va="bottom", fontsize=9, color="#555555")
            else:
                ax.bar(x, row["largest_share_pct"], width=0.6, color=style["color"],
                       hatch=style["hatch"], edgecolor="white")
                ax.text(x, row["largest_share_pct"] + 2, _pct_label(row), ha="center",
                        va="bottom", fontsize=9, fontweight="bold")
            years = ("" if pd.isna(row["year_min"]) else
                     f"{row['year_min']}" if row["year_min"] == row["year_max"]
                     else f"{row['year_min']}-{row['year_max']}")
            partial = ", partial" if row["partial"] else ""
            ticks.append(f"{row['organization']}\n{row['n_with_data']} of {row['n_states']} "
                         f"members\nwith data{partial}\n{years}".rstrip())
        ax.set_xticks(range(len(rows)), ticks, fontsize=LABEL_PT)
        # The tick labels name each bar's alliance in its colour: they are the colours' key.
        for label, org in zip(ax.get_xticklabels(), rows["organization"]):
            label.set_color(ALLIANCE_STYLE.get(org, {"color": PALETTE["black"]})["color"])
        ax.set_xlim(-0.6, len(rows) - 0.4)
        ax.set_title(heading, fontsize=11)
        ax.set_xlabel("alliance")
    axes[0].set_ylim(0, 110)
    axes[0].set_ylabel("largest member's share (%)")
    fig.suptitle(title, x=0.0, ha="left", fontweight="bold", fontsize=12)
    basis = ("budget: reported shares of the whole budget; forces: share of the members with "
             "data" if "budget" in dict(panels) else "shares of the members with data")
    source_line(fig, f"{source}. {basis[0].upper()}{basis[1:]}.")
    return Chart(fig, data.reset_index(drop=True))


def clause_use_chart(
    invocations: pd.DataFrame,
    title: str = "Calls on the defence and consultation clauses, and what came of them",
    source: str = "The CSTO Record, data/requests.csv and data/responses.csv",
) -> Chart:
    """Horizontal stacked bars: for each alliance's collective-defence and consultation clause,
    how many occasions it was invoked, split by the highest response each drew.

    ``invocations`` is :func:`analysis.measures.compare.clause_invocations` (a joint request by
    several members on one day is one occasion). Every outcome has its own colour and hatch, and
    each segment is labelled with its count. The data returned has one row per segment:
    ``organization``, ``clause``, ``label``, ``outcome`` and ``occasions`` (a count).
    """
    counts = (invocations.groupby(["organization", "clause", "label", "outcome"], sort=False)
              .size().rename("occasions").reset_index())
    order = [CLAUSE_LABEL[key] for key in CLAUSE_LABEL]
    counts["row"] = counts["label"].map({label: i for i, label in enumerate(order)})
    counts["rank"] = counts["outcome"].map({lvl: i for i, lvl in enumerate(RESPONSE_LEVELS)})
    counts = counts.sort_values(["row", "rank"]).reset_index(drop=True)
    fig, ax = plt.subplots(figsize=(WIDTH_IN, 4))
    left = {label: 0 for label in order}
    for _, seg in counts.iterrows():
        style = LEVEL_STYLE[seg["outcome"]]
        y = len(order) - 1 - seg["row"]
        ax.barh(y, seg["occasions"], left=left[seg["label"]], height=0.6, color=style["color"],
                hatch=style["hatch"], edgecolor="white", linewidth=0.8)
        ax.text(left[seg["label"]] + seg["occasions"] / 2, y, str(seg["occasions"]), ha="center",
                va="center", fontsize=9, fontweight="bold",
                bbox={"boxstyle": "round,pad=0.15", "facecolor": "white", "edgecolor": "none",
                      "alpha": 0.85})
        left[seg["label"]] += seg["occasions"]
    for label, total in left.items():
        ax.text(total + 0.15, len(order) - 1 - order.index(label), f"total {total}",
                va="center", fontsize=9, color="#333333")
    ax.set_yticks(range(len(order)), list(reversed(order)))
    ax.set_xlim(0, max(max(left.values()), 1) + 2)
    ax.set_xlabel("occasions (a joint request of several members on one day counts once)")
    # Over the whole figure, not the axes: the clause names take the left third of the width.
    fig.suptitle(wrap_title(title), x=0.0, ha="left", fontweight="bold", fontsize=12)
    shown = [lvl for lvl in RESPONSE_LEVELS if lvl in set(counts["outcome"])]
    handles = [Patch(facecolor=LEVEL_STYLE[lvl]["color"], hatch=LEVEL_STYLE[lvl]["hatch"],
                     edgecolor="white", label=lvl.replace("_", " ")) for lvl in shown]
    ax.legend(handles=handles, title="highest response", loc="upper right", fontsize=LABEL_PT,
              title_fontsize=LABEL_PT)
    source_line(fig, source)
    return Chart(fig, counts.drop(columns=["row", "rank"]))


__all__ = ["clause_use_chart", "concentration_panels", "growth_chart"]
