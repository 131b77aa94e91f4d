"""Charts of the institutions: who headed the Secretariat, and when each collective force was
created."""

from __future__ import annotations

import matplotlib.dates as mdates
import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.patches import Patch

from ..data.dates import to_day
from ..measures import institutions
from .base import Chart
from .style import PALETTE, add_source

SOURCE = "The CSTO Record, data/office_holders.csv and data/forces.csv"

#: Marker and colour of each kind of force: shape and colour both tell the kinds apart.
FORCE_STYLE = {
    "regional_group": {"marker": "s", "color": PALETTE["blue"], "label": "regional group"},
    "rapid_deployment": {"marker": "^", "color": PALETTE["vermillion"],
                         "label": "rapid deployment force"},
    "peacekeeping": {"marker": "D", "color": PALETTE["green"], "label": "peacekeeping force"},
    "rapid_reaction": {"marker": "P", "color": PALETTE["orange"], "label": "rapid reaction force"},
    "air_defence": {"marker": "o", "color": PALETTE["purple"], "label": "joint air defence"},
}
#: Fill and hatch of a term: acting spells are hatched and pale, so colour is not the only cue.
TERM_STYLE = {
    "secretary_general": {"color": PALETTE["blue"], "hatch": None,
                          "label": "Secretary General"},
    "acting_secretary_general": {"color": PALETTE["sky"], "hatch": "//",
                                 "label": "acting Secretary General"},
}


def institutions_timeline(holders: pd.DataFrame, forces: pd.DataFrame, states: pd.DataFrame,
                          until: str | pd.Timestamp, source: str = SOURCE) -> Chart:
    """Two panels on one time axis: above, one row per head of the Secretariat (name and state)
    with a bar per term from first day to the successor's (open term drawn to ``until``; acting
    spells pale and hatched); below, each
    collective force or grouping as a marker at the date it was created, one row per kind
    (marker shape and colour both give the kind), labelled with its short name.

    The data returned has one row per mark: ``panel`` (``secretariat`` or ``forces``),
    ``label``, ``kind`` (office or force kind), ``start`` and ``end`` (equal for a force).
    """
    spells = institutions.terms(holders, until)
    timeline = institutions.force_timeline(forces)
    kinds = [k for k in FORCE_STYLE if k in set(timeline["kind"])]
    fig, (top, bottom) = plt.subplots(
        2, 1, sharex=True, figsize=(8, 6),
                                      height_ratios=[len(spells['name'].unique()),
                                                     max(len(kinds), 1)])
    rows = []
    people = list(dict.fromkeys(spells["name"]))
    for _, row in spells.iterrows():
        style = TERM_STYLE[row["office"]]
        start, end = mdates.date2num(row["start"]), mdates.date2num(row["end"])
        top.barh(people.index(row["name"]), end - start, left=start, height=0.6,
                 color=style["color"], hatch=style["hatch"], edgecolor="white", linewidth=0.8)
        rows.append({"panel": "secretariat", "label": row["name"], "kind": row["office"],
                     "start": row["start"], "end": row["end"]})
    states_of = spells.drop_duplicates("name").set_index("name")["state"]
    top.set_yticks(range(len(people)), [f"{p.split()[-1]} ({states_of[p]})" for p in people],
                   fontsize=8)
    top.invert_yaxis()
    top.set_title("Heads of the Secretariat, and the collective forces as they were created")
    top.legend(handles=[Patch(facecolor=s["color"], hatch=s["hatch"], label=s["label"])
                        for s in TERM_STYLE.values()],
               loc="upper right", ncols=1, fontsize=8)
    seen: dict[str, int] = {}
    for _, row in timeline.iterrows():
        style = FORCE_STYLE[row["kind"]]
        # Every second mark in a row is labelled below it, so neighbours' labels do not collide.
        below = seen.get(row["kind"], 0) % 2 == 1
        seen[row["kind"]] = seen.get(row["kind"], 0) + 1
        y = kinds.index(row["kind"])
        x = mdates.date2num(row["created"])
        bottom.plot(x, y, marker=style["marker"], color=style["color"], markersize=9,
                    linestyle="none")
        bottom.annotate(f"{row['label']} ({row['year']})", (x, y),
                        xytext=(0, -9) if below else (7, 0), textcoords="offset points",
                        ha="center" if below else "left", va="top" if below else "center",
                        fontsize=7)
        rows.append({"panel": "forces", "label": row["label"], "kind": row["kind"],
                     "start": row["created"], "end": row["created"]})
    bottom.set_yticks(range(len(kinds)), [FORCE_STYLE[k]["label"] for k in kinds], fontsize=8)
    bottom.set_ylim(-0.6, len(kinds) - 0.4)
    bottom.invert_yaxis()
    bottom.set_xlim(mdates.date2num(pd.Timestamp("1998-01-01")),
                    mdates.date2num(to_day(until) + pd.Timedelta(days=400)))
    bottom.xaxis_date()
    bottom.xaxis.set_major_locator(mdates.YearLocator(3))
    bottom.xaxis.set_major_formatter(mdates.DateFormatter("%Y"))
    add_source(fig, source)
    return Chart(fig, pd.DataFrame(rows))
