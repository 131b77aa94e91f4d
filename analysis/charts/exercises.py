"""Exercises chart: who took part in the CSTO's exercises, and who stayed away."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.lines import Line2D

from ..data.codebook.fields import split_list
from .base import Chart
from .style import PALETTE, add_source


def exercise_grid_chart(
    record: pd.DataFrame,
    states: Sequence[str],
    names: Mapping[str, str] | None = None,
    title: str = "The CSTO's exercises: who took part, who stayed away",
    source: str = "The CSTO Record, data/exercises.csv and data/memberships.csv",
) -> Chart:
    """A grid with one row per exercise (oldest at the top) and one column per state: a filled
    square where the state took part, a cross where it was a member and stayed away, a dot where
    it was a member and the sources name no participants, and blank where it was not a member.
    Cancelled exercises are labelled as such, and the troop count is written at the right.

    ``record`` is :func:`analysis.measures.exercises.exercise_record`. The data returned has one
    row per exercise and state: ``exercise_id``, ``name``, ``year``, ``state`` and ``mark`` (``took
    part``, ``absent``, ``member, participants unknown``, ``member, not held`` or
    ``not a member``).
    """
    names = dict(names or {})
    states = list(states)
    rows = []
    fig, ax = plt.subplots(figsize=(9.5, 0.33 * len(record) + 1.5))
    n = len(record)
    for i, (_, x) in enumerate(record.iterrows()):
        y = n - 1 - i
        took, members = set(split_list(x["participants"])), set(split_list(x["members"]))
        for j, state in enumerate(states):
            if not x["held"] and state in members:
                mark = "member, not held"
            elif state in took:
                mark = "took part"
            elif state in members and pd.isna(x["absent"]):
                mark = "member, participants unknown"
            elif state in members:
                mark = "absent"
            else:
                mark = "not a member"
            rows.append({"exercise_id": x["exercise_id"], "name": x["name"], "year": x["year"],
                         "state": state, "mark": mark})
            if mark == "took part":
                ax.plot(j, y, marker="s", markersize=9, color=PALETTE["blue"])
            elif mark == "absent":
                ax.plot(j, y, marker="X", markersize=8, color=PALETTE["vermillion"])
            elif mark == "member, participants unknown":
                ax.plot(j, y, marker=".", markersize=5, color="#777777")
            elif mark == "member, not held":
                ax.plot(j, y, marker="_", markersize=9, color="#777777")
        host = x["host"] if pd.notna(x["host"]) else ""
        note = f"{int(x['troops']):,} troops" if pd.notna(x["troops"]) else "troops n/a"
        if not x["held"]:
            note = f"not held as planned: host {names.get(host, host)} withdrew"
        ax.text(len(states) - 0.3, y, note, va="center", fontsize=7.5,
                color="#333333" if x["held"] else PALETTE["vermillion"],
                fontweight="normal" if x["held"] else "bold")
    short = [str(s).split(" (")[0] for s in record["name"]]
    ax.set_yticks(range(n), [f"{nm}, host {h}" for nm, h in
                             zip(reversed(short), reversed(record["host"].fillna("?").tolist()))],
                  fontsize=7.5)
    ax.set_xticks(range(len(states)), [names.get(s, s) for s in states], fontsize=8)
    ax.xaxis.tick_top()
    ax.set_xlim(-0.6, len(states) + 2.6)
    ax.set_ylim(-0.7, n - 0.3)
    ax.grid(False)
    for spine in ("left", "bottom"):
        ax.spines[spine].set_visible(False)
    ax.set_title(title, pad=24)
    handles = [Line2D([], [], linestyle="none", marker="s", color=PALETTE["blue"],
                      label="took part"),
               Line2D([], [], linestyle="none", marker="X", color=PALETTE["vermillion"],
                      label="member, stayed away"),
               Line2D([], [], linestyle="none", marker=".", color="#777777",
                      label="member, participants not recorded"),
               Line2D([], [], linestyle="none", marker="_", color="#777777", markersize=9,
                      label="member, exercise not held"),
               ]
    ax.legend(handles=handles, loc="upper center", bbox_to_anchor=(0.4, -0.01), ncol=4,
              fontsize=7.5)
    add_source(fig, source + ". Blank: not a member in that year (31 December).")
    return Chart(fig, pd.DataFrame(rows))


__all__ = ["exercise_grid_chart"]
