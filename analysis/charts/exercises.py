"""Exercises chart: who took part in the CSTO's exercises, and who stayed away."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.lines import Line2D

from ..data.codebook.fields import split_list
from .base import Chart
from .sourceline import source_line
from .style import PALETTE


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
    fig, ax = plt.subplots(figsize=(7.5, 0.3 * len(record) + 2.2))
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
        note = f"{int(x['troops']):,}" if pd.notna(x["troops"]) else ""
        if not x["held"]:
            note = "not held as planned"
        ax.text(len(states) - 0.3, y, note, va="center", fontsize=9,
                color="#333333" if x["held"] else PALETTE["vermillion"],
                fontweight="normal" if x["held"] else "bold")
    short = [str(s).split(" (")[0] for s in record["name"]]
    ax.set_yticks(range(n), [f"{nm}, {h}" for nm, h in
                             zip(reversed(short), reversed(record["host"].fillna("?").tolist()))])
    ax.tick_params(axis="y", labelsize=9, length=0)
    ax.set_xticks(range(len(states)), [names.get(s, s) for s in states], rotation=90)
    ax.tick_params(axis="x", labelsize=9, length=0)
    ax.xaxis.tick_top()
    ax.text(len(states) - 0.3, n - 0.3, "troops", va="bottom", fontsize=9, color="#333333")
    ax.set_xlim(-0.6, len(states) + 1.6)
    ax.set_ylim(-0.7, n - 0.3)
    ax.grid(False)
    for spine in ("left", "bottom"):
        ax.spines[spine].set_visible(False)
    fig.suptitle(title, x=0.0, ha="left", fontweight="bold", fontsize=11.5)
    handles = [Line2D([], [], linestyle="none", marker="s", color=PALETTE["blue"],
                      label="took part"),
               Line2D([], [], linestyle="none", marker="X", color=PALETTE["vermillion"],
                      label="member, stayed away"),
               Line2D([], [], linestyle="none", marker=".", color="#777777",
                      label="member, participants not recorded"),
               Line2D([], [], linestyle="none", marker="_", color="#777777", markersize=9,
                      label="member, exercise not held"),
               ]
    ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(-0.4, -0.01), ncol=2,
              fontsize=9)
    source_line(fig, source + ". Row labels: exercise and host state. Blank: not a member in "
                "that year (31 December).")
    return Chart(fig, pd.DataFrame(rows))


def exercise_series_chart(
    counts: pd.DataFrame,
    series: Sequence[str],
    title: str,
    source: str = "The CSTO Record, data/exercises.csv (a sample of the exercises held)",
) -> Chart:
    """Named exercises held, by year and series: one row per series (in ``series`` order), one
    column per year from the first to the last with any, a square where the sample holds an
    exercise of the series that year (its count written in it when more than one), and the
    year's total under the grid.

    ``counts`` is :func:`analysis.measures.exercises.exercises_by_series`. Data: ``counts``.
    """
    years = list(range(int(counts["year"].min()), int(counts["year"].max()) + 1))
    shown = [s for s in series if s in set(counts["series"])]
    fig, ax = plt.subplots(figsize=(7.5, 0.34 * len(shown) + 2.2))
    for _, row in counts.iterrows():
        x, y = years.index(int(row["year"])), shown.index(row["series"])
        ax.plot(x, y, marker="s", markersize=11, color=PALETTE["blue"], linestyle="none")
        if row["exercises"] > 1:
            ax.text(x, y, str(row["exercises"]), ha="center", va="center", fontsize=9,
                    color="white")
    totals = counts.groupby("year")["exercises"].sum()
    for x, year in enumerate(years):
        ax.text(x, len(shown) + 0.1, str(int(totals.get(year, 0))), ha="center", va="top",
                fontsize=9)
    ax.text(-0.7, len(shown) + 0.1, "in all", ha="right", va="top", fontsize=9)
    ax.set_yticks(range(len(shown)), shown)
    ax.set_xticks(range(len(years)), [f"’{y % 100:02d}" for y in years])
    ax.tick_params(length=0, labelsize=9)
    ax.set_xlim(-0.7, len(years) - 0.3)
    ax.set_ylim(len(shown) + 0.9, -0.7)
    ax.grid(True, axis="x", linewidth=0.4)
    for spine in ("left", "bottom"):
        ax.spines[spine].set_visible(False)
    ax.set_xlabel("year")
    fig.suptitle(title, x=0.0, ha="left", fontweight="bold", fontsize=11.5)
    source_line(fig, source)
    return Chart(fig, counts.reset_index(drop=True))


__all__ = ["exercise_grid_chart", "exercise_series_chart"]
