"""Charts of the institutions: who headed the Secretariat, when each collective force was
created, and who pays for the organization."""

from __future__ import annotations

from collections.abc import Mapping

import matplotlib.dates as mdates
import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.patches import Patch

from ..data.codebook.fields import split_list
from ..data.dates import to_day
from ..measures import institutions
from .base import Chart, state_names
from .sourceline import source_line
from .style import ALLIANCE_STYLE, PALETTE

SOURCE = "The CSTO Record, data/office_holders.csv and data/forces.csv"

#: Fill of a term of office: full terms dark, acting spells pale (colour alone tells them apart,
#: and the legend says which is which).
TERM_STYLE = {
    "secretary_general": {"color": PALETTE["blue"], "label": "Secretary General"},
    "acting_secretary_general": {"color": PALETTE["sky"], "label": "acting Secretary General"},
}
#: Fill of a force's bar: forces of the organization in the CSTO's colour, groupings and systems
#: of one member with Russia in grey.
FORCE_STYLE = {
    "collective": {"color": ALLIANCE_STYLE["CSTO"]["color"], "label": "CSTO collective force"},
    "bilateral": {"color": PALETTE["grey"], "label": "one member with Russia"},
}
#: How each kind of force reads in a row label.
FORCE_TEXT = {
    "regional_group": "group of forces",
    "rapid_deployment": "Rapid deployment forces",
    "peacekeeping": "Peacekeeping forces",
    "rapid_reaction": "Rapid reaction forces",
    "air_defence": "air-defence system",
}


def force_label(row: pd.Series, names: Mapping[str, str]) -> str:
    """A force's row label in words: a bilateral one by its two states and kind ("Belarus–Russia
    air-defence system"), a collective one by its kind and abbreviation ("Rapid reaction forces
    (KSOR)")."""
    states = split_list(row["states"])
    if len(states) == 2:
        pair = "–".join(names.get(s, s) for s in sorted(states, key=lambda s: s == "RUS"))
        return f"{pair} {FORCE_TEXT[row['kind']]}"
    short = row["label"]
    text = FORCE_TEXT[row["kind"]]
    return f"{text} ({short})" if short != row["name"] else text


def institutions_timeline(holders: pd.DataFrame, forces: pd.DataFrame, states: pd.DataFrame,
                          until: str | pd.Timestamp, title: str | None = None,
                          source: str = SOURCE) -> Chart:
    """Two panels on one time axis: above, one row per head of the Secretariat (name and state)
    with a bar per term from first day to the successor's (open term drawn to ``until``; acting
    spells pale); below, one row per collective force or grouping, a bar from the decision that
    created it to ``until``, the organization's own forces in the CSTO's colour and those of one
    member with Russia in grey, with a legend for each panel.

    The data returned has one row per mark: ``panel`` (``secretariat`` or ``forces``),
    ``label`` (a name, or a force's short name), ``kind`` (office or force kind), ``start`` and
    ``end`` (``until`` for a force).
    """
    names = state_names(states if "iso3" in states else None)
    spells = institutions.terms(holders, until)
    timeline = institutions.force_timeline(forces)
    timeline = timeline.merge(forces[["force_id", "states"]], on="force_id", how="left")
    people = list(dict.fromkeys(spells["name"]))
    end = to_day(until)
    fig, (top, bottom) = plt.subplots(
        2, 1, sharex=True, figsize=(7.2, 0.36 * (len(people) + len(timeline)) + 2.4),
        height_ratios=[len(people) + 1.2, max(len(timeline), 1) + 1.2])
    rows = []
    for _, row in spells.iterrows():
        style = TERM_STYLE[row["office"]]
        start, stop = mdates.date2num(row["start"]), mdates.date2num(row["end"])
        top.barh(people.index(row["name"]), stop - start, left=start, height=0.62,
                 color=style["color"], edgecolor="white", linewidth=0.8)
        rows.append({"panel": "secretariat", "label": row["name"], "kind": row["office"],
                     "start": row["start"], "end": row["end"]})
    states_of = spells.drop_duplicates("name").set_index("name")["state"]
    top.set_yticks(range(len(people)),
                   [f"{p} ({names.get(states_of[p], states_of[p])})" for p in people])
    top.set_ylim(len(people) - 0.4, -1.3)
    top.set_title("Heads of the Secretariat", fontsize=10, loc="left")
    top.legend(handles=[Patch(facecolor=s["color"], label=s["label"])
                        for s in TERM_STYLE.values()],
               loc="upper left", ncols=2, fontsize=9, borderaxespad=0.1)
    labels = []
    for y, (_, row) in enumerate(timeline.iterrows()):
        bilateral = len(split_list(row["states"])) == 2
        style = FORCE_STYLE["bilateral" if bilateral else "collective"]
        start = mdates.date2num(row["created"])
        bottom.barh(y, mdates.date2num(end) - start, left=start, height=0.62,
                    color=style["color"], edgecolor="white", linewidth=0.8)
        labels.append(f"{force_label(row, names)}, {row['year']}")
        rows.append({"panel": "forces", "label": row["label"], "kind": row["kind"],
                     "start": row["created"], "end": end})
    bottom.set_yticks(range(len(timeline)), labels)
    bottom.set_ylim(len(timeline) - 0.4, -1.3)
    bottom.set_title("Forces and groupings, from their creation",
                     fontsize=10, loc="left")
    bottom.legend(handles=[Patch(facecolor=s["color"], label=s["label"])
                           for s in FORCE_STYLE.values()],
                  loc="upper left", ncols=2, fontsize=9, borderaxespad=0.1)
    bottom.set_xlim(mdates.date2num(pd.Timestamp("1998-07-01")),
                    mdates.date2num(end + pd.Timedelta(days=200)))
    bottom.xaxis_date()
    bottom.xaxis.set_major_locator(mdates.YearLocator(4))
    bottom.xaxis.set_major_formatter(mdates.DateFormatter("%Y"))
    for ax in (top, bottom):
        ax.tick_params(axis="y", length=0)
        ax.grid(True, axis="x")
    fig.suptitle(title or "Heads of the Secretariat and the collective forces", x=0.0,
                 ha="left", fontweight="bold", fontsize=11.5)
    source_line(fig, source)
    return Chart(fig, pd.DataFrame(rows))


def _together(names: list[str]) -> str:
    """One payer's name, or several over two lines ending "together"."""
    if len(names) == 1:
        return names[0]
    if len(names) == 2:
        return f"{names[0]} and {names[1]}\ntogether"
    half = len(names) // 2
    return ", ".join(names[:half]) + ",\n" + ", ".join(names[half:]) + " together"


def budget_shares_chart(scales: pd.DataFrame, names: Mapping[str, str], title: str,
                        source: str) -> Chart:
    """One stacked bar per budget of ``scales``
    (:func:`~analysis.measures.institutions.budget_scales`), titled above it, each member's share a
    segment with its percentage; a wide segment carries the member's name inside, a narrow one
    beside the bar (above it, or below for the second of two narrow neighbours). A share the sources
    give only for several members together is one pale segment naming them. Russia's segment is in
    the CSTO's colour, every other member's in grey (the labels name them). Data: ``scales`` as
    drawn, with ``label``."""
    data = scales.copy()
    budgets = list(dict.fromkeys(data["budget"]))
    fig, ax = plt.subplots(figsize=(7.5, 1.6 * len(budgets) + 1.0))
    labels = []
    for n, budget in enumerate(budgets):
        y = 1.5 * n
        part = data[data["budget"] == budget]
        ax.text(0, y - 0.62, part["budget_label"].iloc[0].replace("\n", " "), ha="left",
                va="bottom", fontsize=10, fontweight="bold")
        left, narrow = 0.0, 0
        for _, row in part.iterrows():
            payers = split_list(row["payers"])
            russia = payers == ["RUS"]
            together = len(payers) > 1
            colour = (ALLIANCE_STYLE["CSTO"]["color"] if russia
                      else ("#E6E6E6" if together else PALETTE["grey"]))
            ax.barh(y, row["share"], left=left, height=0.5, color=colour, edgecolor="white",
                    linewidth=1.2)
            who = _together([names.get(p, p) for p in payers])
            middle = left + row["share"] / 2
            share = f"{row['share']:.0f}%"
            if row["share"] >= 25:
                ax.text(middle, y, f"{who}\n{share}", ha="center", va="center", fontsize=9,
                        color="white" if russia else "black")
            else:
                ax.text(middle, y, share, ha="center", va="center", fontsize=9)
                above = narrow % 2 == 0
                ax.text(middle, y + (-0.27 if above else 0.27), who, ha="center",
                        va="bottom" if above else "top", fontsize=9)
                narrow += 1
            labels.append(f"{who.replace(chr(10), ' ')} {share}")
            left += row["share"]
    data["label"] = labels
    ax.set_yticks([])
    ax.set_ylim(1.5 * (len(budgets) - 1) + 0.7, -0.95)
    ax.set_xlim(0, 100)
    ax.set_xlabel("Share of the budget (%)")
    ax.spines["left"].set_visible(False)
    ax.set_title(title, loc="left", fontsize=11.5)
    source_line(fig, source)
    return Chart(fig, data)


__all__ = ["FORCE_STYLE", "TERM_STYLE", "budget_shares_chart", "force_label",
           "institutions_timeline"]
