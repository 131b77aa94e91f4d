"""UN General Assembly charts from the full roll calls: agreement with Russia, member by year, and
our count against Bailey, Strezhnev and Voeten's.

The strip (:func:`agreement_strip`) prints every value in its cell, so the colour scale is a
second cue, never the only one; a missing cell is hatched grey and marked with a dash, never
drawn as zero.
"""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.colors import LinearSegmentedColormap, Normalize
from matplotlib.patches import Rectangle
from matplotlib.ticker import PercentFormatter

from ..measures.roll_calls import GROUPS, SERIES_SOURCES
from .base import Chart, state_names
from .style import PALETTE, RUSSIA_SIDE
from .votes import TEXT_PT, figure_title, source_line

#: Diverging scale for agreement with Russia: blue (never) through white (half) to vermillion
#: (always), both ends from the colour-blind-safe palette.
AGREEMENT_CMAP = LinearSegmentedColormap.from_list(
    "agreement", [RUSSIA_SIDE["against"], "#FFFFFF", RUSSIA_SIDE["with"]])


#: How a missing cell looks: hatched light grey with a dash.
MISSING = {"color": "#EEEEEE", "hatch": "////", "text": "–"}


#: Heading of each CSTO group in the strip.
GROUP_WORDS = {"current": "CSTO members", "frozen": "frozen", "former": "former members",
               "reference": "for contrast"}


#: How each source of :func:`~analysis.measures.roll_calls.combined_series` is named at the
#: strip's right edge.
SOURCE_WORDS = {SERIES_SOURCES[0]: "roll calls,\nour count", SERIES_SOURCES[1]: "BSV's\nscores",
                SERIES_SOURCES[2]: "UN Digital\nLibrary,\nour count",
                SERIES_SOURCES[3]: "no record"}


def agreement_strip(
    series: pd.DataFrame,
    groups: pd.DataFrame,
    reference_columns: dict[str, pd.Series] | None = None,
    states_table: pd.DataFrame | None = None,
    title: str = "How often each member voted as Russia did, by General Assembly session",
    source: str = ("Voeten, Strezhnev & Bailey, UNGA Voting Data (roll calls, our count, to "
                   "2019); Bailey, Strezhnev & Voeten (2017) agreement scores (2020-2023)"),
) -> Chart:
    """A year x member grid of agreement with Russia, every value printed in its cell.

    ``series`` is :func:`analysis.measures.roll_calls.combined_series` (``state``, ``year``,
    ``share``, ``votes``, ``source``); ``groups`` is
    :func:`analysis.measures.roll_calls.csto_groups`, whose order sets the columns (its first
    state, Russia, is left out: always 100%). ``reference_columns`` adds columns at the right
    under "for contrast", each a share per year (e.g. the NATO median). Rows are sessions, labelled
    by the year each opened; a rule separates each block of years from one source, named at the
    right. A state with no figure in a year gets a hatched cell with a dash; a year with no
    record at all (a gap between sources) is one hatched band, labelled as such. The data returned
    has one row per cell: ``column`` (a state's ISO3 or a reference column's name), ``label``,
    ``group``, ``year``, ``share`` (a fraction; ``NaN`` if missing), ``votes`` and ``source``.
    """
    names = state_names(states_table)
    order = groups.iloc[1:] if len(groups) else groups
    columns = [(s, names.get(s, s), g) for s, g in zip(order["state"], order["group"])]
    references = reference_columns or {}
    columns += [(label, label, "reference") for label in references]
    years = sorted(int(y) for y in series["year"].unique())
    by_cell = series.set_index(["state", "year"])
    source_of_year = series.groupby("year")["source"].first()
    cells = []
    for j, (key, label, group) in enumerate(columns):
        for i, year in enumerate(years):
            if group == "reference":
                value = references[key].get(year, np.nan)
                votes = pd.NA
            elif (key, year) in by_cell.index:
                value = float(by_cell.at[(key, year), "share"])
                votes = by_cell.at[(key, year), "votes"]
            else:
                value, votes = np.nan, pd.NA
            cells.append({"column": key, "label": label, "group": group, "year": year,
                          "share": value, "votes": votes,
                          "source": source_of_year.get(year, pd.NA), "row": i, "col": j})
    data = pd.DataFrame(cells, columns=["column", "label", "group", "year", "share", "votes",
                                        "source", "row", "col"])
    data = data.astype({"column": "string", "label": "string", "group": "string",
                        "year": "int64", "share": "float64", "votes": "Int64",
                        "source": "string", "row": "int64", "col": "int64"})
    gap_years = {y for y in years if source_of_year.get(y) == SERIES_SOURCES[3]}

    # Reference columns stand a little apart from the members.
    gap = {j: (0.35 if group == "reference" else 0.0) for j, (_, _, group) in enumerate(columns)}
    x_of = {j: j + gap[j] for j in range(len(columns))}
    norm = Normalize(0.0, 1.0)
    n = len(years)
    fig, ax = plt.subplots(figsize=(6.6, 3.6 + 0.215 * n))
    # Each column is one small image (a light SVG); missing cells are hatched patches on top.
    for j in range(len(columns)):
        shares = data.loc[data["col"] == j, "share"].to_numpy(dtype="float64")
        rgba = AGREEMENT_CMAP(norm(np.nan_to_num(shares, nan=0.5)))
        rgba[np.isnan(shares), 3] = 0.0
        ax.imshow(rgba.reshape(n, 1, 4), extent=(x_of[j] - 0.5, x_of[j] + 0.5, n - 0.5, -0.5),
                  interpolation="nearest", aspect="auto")
    right = max(x_of.values()) + 0.5 if x_of else 0.5
    for cell in data.itertuples():
        x, y = x_of[cell.col], cell.row
        if cell.year in gap_years:
            continue
        if np.isnan(cell.share):
            ax.add_patch(Rectangle((x - 0.5, y - 0.5), 1, 1, facecolor=MISSING["color"],
                                   edgecolor="white", hatch=MISSING["hatch"], linewidth=0))
            ax.text(x, y, MISSING["text"], ha="center", va="center", fontsize=TEXT_PT,
                    color="#555555")
            continue
        dark = abs(cell.share - 0.5) > 0.4
        ax.text(x, y, f"{cell.share * 100:.0f}", ha="center", va="center", fontsize=TEXT_PT,
                color="white" if dark else "black")
    for year in sorted(gap_years):
        y = years.index(year)
        ax.add_patch(Rectangle((-0.5, y - 0.5), right + 0.5, 1, facecolor=MISSING["color"],
                               edgecolor="white", hatch=MISSING["hatch"], linewidth=0, zorder=3))
        ax.text(right / 2 - 0.25, y, "no roll calls on record for this session",
                ha="center", va="center", fontsize=TEXT_PT, color="black", zorder=4,
                bbox={"facecolor": MISSING["color"], "edgecolor": "none", "pad": 0.5})
    # White rules between cells.
    for y in range(n + 1):
        ax.axhline(y - 0.5, color="white", linewidth=1)
    for j in range(len(columns)):
        ax.axvline(x_of[j] - 0.5, color="white", linewidth=1)
        ax.axvline(x_of[j] + 0.5, color="white", linewidth=1)
    ax.set_xlim(-0.5, right)
    ax.set_ylim(n - 0.5, -0.5)
    ax.set_xticks([x_of[j] for j in range(len(columns))], [c[1] for c in columns],
                  rotation=90, ha="center", va="bottom", fontsize=9)
    ax.xaxis.tick_top()
    ax.set_yticks(range(n), [str(y) for y in years], fontsize=TEXT_PT)
    ax.tick_params(length=0)
    ax.grid(False)
    for side in ("left", "bottom", "top", "right"):
        ax.spines[side].set_visible(False)
    # Group headings above the column names, on two lines.
    for group in [*GROUPS, "reference"]:
        members = [x_of[j] for j, c in enumerate(columns) if c[2] == group]
        if not members:
            continue
        ax.annotate(GROUP_WORDS[group].replace(" ", "\n", 1), xy=((min(members) + max(members)) / 2,
                    -0.5), xycoords="data", xytext=(0, 78), textcoords="offset points",
                    ha="center", va="bottom", fontsize=9, fontweight="bold")
        ax.plot([min(members) - 0.45, max(members) + 0.45], [-0.5, -0.5], color="#333333",
                linewidth=1.5, clip_on=False, transform=ax.transData)
    # Where each block of years comes from.
    blocks = []
    for year in years:
        origin = source_of_year.get(year, pd.NA)
        if blocks and blocks[-1][0] == origin:
            blocks[-1][2] = year
        else:
            blocks.append([origin, year, year])
    for k, (origin, first, last) in enumerate(blocks):
        top, bottom = years.index(first) - 0.5, years.index(last) + 0.5
        ax.plot([right + 0.15] * 2, [top + 0.1, bottom - 0.1], color="#333333", linewidth=1,
                clip_on=False)
        ax.text(right + 0.3, top + 0.1, SOURCE_WORDS.get(origin, str(origin)), ha="left",
                va="top", fontsize=TEXT_PT, clip_on=False, linespacing=1.0)
        if k:
            ax.plot([-0.5, right], [top, top], color="black", linewidth=1.5)
    ax.set_ylabel("General Assembly session (year it opened)", fontsize=9)
    figure_title(fig, title)
    bar = fig.colorbar(plt.cm.ScalarMappable(norm=norm, cmap=AGREEMENT_CMAP), ax=ax,
                       location="bottom", shrink=0.6, aspect=40, pad=0.02)
    bar.set_ticks([0, 0.25, 0.5, 0.75, 1.0])
    bar.ax.xaxis.set_major_formatter(PercentFormatter(1.0))
    bar.ax.tick_params(labelsize=TEXT_PT)
    bar.set_label("Share of roll calls both voted on where the member voted as Russia did\n"
                  "(the cell's number); – no vote in common", fontsize=TEXT_PT)
    source_line(fig, source, width=95)
    return Chart(fig, data.drop(columns=["row", "col"]))


def bsv_difference_chart(
    comparison: pd.DataFrame,
    highlight: list[str] | None = None,
    title: str = "Our count against Bailey, Strezhnev & Voeten's, by session",
    source: str = ("Voeten, Strezhnev & Bailey, UNGA Voting Data (roll calls); Bailey, "
                   "Strezhnev & Voeten (2017) agreement scores, June 2024 release"),
) -> Chart:
    """Dots of our agreement with Russia minus BSV's, per state, one column per session: a
    validation of our count against the published one.

    ``comparison`` is :func:`analysis.measures.roll_calls.bsv_comparison`. Every state's
    difference is a small grey dot; the states in ``highlight`` are hollow circles, with a
    legend; a line marks each session's median absolute difference. The data returned has
    ``state``, ``year``, ``difference`` (in shares) and ``highlighted`` for every dot.
    """
    highlight = highlight or []
    data = comparison[["state", "year", "difference"]].copy()
    data["highlighted"] = data["state"].isin(highlight)
    fig, ax = plt.subplots(figsize=(6.6, 3.8))
    rest = data[~data["highlighted"]]
    ax.scatter(rest["year"], rest["difference"], s=8, color=PALETTE["grey"], alpha=0.6,
               linewidths=0, label="other states")
    mine = data[data["highlighted"]]
    if len(mine):
        ax.scatter(mine["year"], mine["difference"], s=22, marker="o", facecolors="none",
                   edgecolors=PALETTE["vermillion"], linewidths=0.9,
                   label="current and former CSTO members")
    typical = data.assign(absolute=data["difference"].abs()).groupby("year")["absolute"].median()
    ax.plot(typical.index, typical.values, color=PALETTE["black"], linewidth=1.2,
            label="median absolute difference")
    ax.axhline(0, color="#333333", linewidth=0.8)
    ax.yaxis.set_major_formatter(PercentFormatter(1.0, decimals=0))
    ax.tick_params(labelsize=TEXT_PT)
    ax.set_ylabel("Ours minus BSV's (points)", fontsize=9)
    ax.set_xlabel("General Assembly session (year it opened)", fontsize=9)
    ax.grid(True, axis="y")
    ax.legend(fontsize=TEXT_PT, loc="upper center", bbox_to_anchor=(0.5, -0.2), ncols=3,
              handletextpad=0.3, columnspacing=1.0)
    figure_title(fig, title)
    source_line(fig, source, width=95)
    return Chart(fig, data.reset_index(drop=True))


__all__ = ["AGREEMENT_CMAP", "agreement_strip", "bsv_difference_chart"]
