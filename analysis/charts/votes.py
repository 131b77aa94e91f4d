"""Charts of the hand-coded UN votes: every member's vote on each resolution, and each member's
agreement with Russia over time. Every cell and line carries a second cue besides colour (a
letter, a marker, a direct label).
"""

from __future__ import annotations

import textwrap

import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.patches import Patch, Rectangle
from matplotlib.ticker import PercentFormatter
from matplotlib.transforms import ScaledTranslation

from .base import Chart, state_names
from .style import NOT_RECORDED_STYLE, PALETTE, VOTE_STYLE, add_source

#: Smallest type of the vote charts (points): 11 px on screen in the 736 px column, with room.
TEXT_PT = 8.5

#: Characters per line of a source line under a chart about 6.5 inches wide.
SOURCE_WIDTH = 100


def source_line(fig, text: str, width: int = SOURCE_WIDTH) -> None:  # noqa: ANN001 - a Figure
    """The house source line (:func:`~analysis.charts.style.add_source`), wrapped to the chart's
    width and set in :data:`TEXT_PT` type so that it reads at 11 px in the book's column."""
    add_source(fig, textwrap.fill(text, width=width - len("Source: "),
                                  break_on_hyphens=False))
    fig.texts[-1].set_fontsize(TEXT_PT)


def figure_title(fig, text: str) -> None:  # noqa: ANN001 - a Figure
    """The chart's title, set at the figure's left edge (not the axes', which long row labels
    push to the right), in the house's bold type."""
    fig.suptitle(text, x=0.01, ha="left", fontsize=11, fontweight="bold")


def finding_title(text: str, width: int = 62) -> str:
    """A figure title that states a finding, wrapped to lines of about ``width`` characters."""
    return textwrap.fill(text, width=width, break_on_hyphens=False)


LINE_MARKERS = ("o", "s", "^", "D", "v", "P", "X", "*", "h", "<", ">")


LINE_COLOURS = ("blue", "vermillion", "green", "purple", "orange", "sky", "black", "grey")


def _short(text: str, width: int = 40) -> str:
    return textwrap.shorten(str(text), width=width, placeholder="…")


def vote_heatmap(
    matrix: pd.DataFrame,
    states_table: pd.DataFrame,
    title: str = "How the members voted on Ukraine in the UN General Assembly",
    source: str = "The CSTO Record, data/un_votes.csv and data/un_resolutions.csv",
) -> Chart:
    """A resolution x state grid of UN votes, from :func:`analysis.measures.votes.vote_matrix`.

    Each cell carries the vote twice, as a colour and a letter (Y yes, N no, A abstain, – absent);
    a state with no recorded vote gets a white hatched cell marked ``n/r`` (not recorded). Rows are
    labelled with the adoption date and short title when the matrix index has ``date`` and
    ``title`` levels, else with the UN symbol. The data returned has one row per cell:
    ``resolution``, ``label``, ``state``, ``name``, ``vote`` (``<NA>`` when not recorded),
    ``letter``, ``row`` and ``column`` (grid positions, 0 at top left).
    """
    names = state_names(states_table)
    index = matrix.index
    if isinstance(index, pd.MultiIndex) and {"date", "title"} <= set(index.names):
        symbols = index.get_level_values("resolution").tolist()
        labels = [
            f"{pd.Timestamp(d):%b %Y}  {_short(t)}"
            for d, t in zip(index.get_level_values("date"), index.get_level_values("title"))
        ]
    else:
        symbols = [r[0] if isinstance(r, tuple) else r for r in index.tolist()]
        labels = [str(s) for s in symbols]
    states = [str(s) for s in matrix.columns]
    cells = []
    for i, (symbol, label) in enumerate(zip(symbols, labels)):
        for j, state in enumerate(states):
            vote = matrix.iat[i, j]
            recorded = not pd.isna(vote)
            cells.append({
                "resolution": symbol, "label": label, "state": state,
                "name": names.get(state, state), "vote": vote if recorded else pd.NA,
                "letter": VOTE_STYLE[vote]["letter"] if recorded else NOT_RECORDED_STYLE["letter"],
                "row": i, "column": j,
            })
    data = pd.DataFrame(cells, columns=["resolution", "label", "state", "name", "vote", "letter",
                                        "row", "column"])
    data = data.astype({"resolution": "string", "label": "string", "state": "string",
                        "name": "string", "vote": "string", "letter": "string",
                        "row": "int64", "column": "int64"})

    fig, ax = plt.subplots(figsize=(2.9 + 0.42 * len(states), 2.6 + 0.3 * len(symbols)))
    for cell in data.itertuples():
        style = NOT_RECORDED_STYLE if pd.isna(cell.vote) else VOTE_STYLE[cell.vote]
        ax.add_patch(Rectangle((cell.column - 0.5, cell.row - 0.5), 1, 1,
                               facecolor=style["color"], edgecolor="white", linewidth=1.5,
                               hatch=style.get("hatch")))
        ax.text(cell.column, cell.row, cell.letter, ha="center", va="center",
                fontsize=TEXT_PT if pd.isna(cell.vote) else 9.5, fontweight="bold",
                color=style["text"])
    ax.set_xlim(-0.5, len(states) - 0.5)
    ax.set_ylim(len(symbols) - 0.5, -0.5)
    ax.set_xticks(range(len(states)), [names.get(s, s) for s in states], rotation=90,
                  ha="center", va="bottom", fontsize=9)
    ax.xaxis.tick_top()
    ax.xaxis.set_label_position("top")
    ax.set_yticks(range(len(symbols)), labels, fontsize=TEXT_PT)
    ax.grid(False)
    ax.tick_params(length=0)
    for side in ("left", "bottom", "top", "right"):
        ax.spines[side].set_visible(False)
    figure_title(fig, title)
    handles = [Patch(facecolor=s["color"], edgecolor="#999999", label=f"{s['letter']} = {vote}")
               for vote, s in VOTE_STYLE.items()]
    handles.append(Patch(facecolor=NOT_RECORDED_STYLE["color"], edgecolor="#999999",
                         hatch=NOT_RECORDED_STYLE["hatch"],
                         label=f"{NOT_RECORDED_STYLE['letter']} = not recorded"))
    ax.legend(handles=handles, loc="upper right", bbox_to_anchor=(1, 0), ncols=3,
              fontsize=TEXT_PT, handlelength=1.4)
    source_line(fig, source, width=95)
    return Chart(fig, data)


def _spread(values: list[float], gap: float) -> list[float]:
    """Label positions near ``values`` but at least ``gap`` apart, order kept (for end labels).

    Labels that would collide are pushed apart symmetrically about their common centre.
    """
    order = sorted(range(len(values)), key=lambda i: (values[i], i))
    pos = [float(values[i]) for i in order]
    for _ in range(10 * len(pos) + 1):
        moved = False
        for k in range(1, len(pos)):
            if pos[k] - pos[k - 1] < gap - 1e-12:
                middle = (pos[k] + pos[k - 1]) / 2
                pos[k - 1], pos[k] = middle - gap / 2, middle + gap / 2
                moved = True
        if not moved:
            break
    placed = [0.0] * len(values)
    for k, i in enumerate(order):
        placed[i] = pos[k]
    return placed


def agreement_with_russia_lines(
    over_time: pd.DataFrame,
    states_table: pd.DataFrame | None = None,
    title: str = "How often each member voted as Russia did",
    source: str = "The CSTO Record, data/un_votes.csv; share of resolutions both voted on",
) -> Chart:
    """One line per state: the share of its UN votes that matched the reference state's.

    Takes :func:`analysis.measures.votes.agreement_with_over_time` (by year, or by resolution: then
    the x axis is the adoption date and the line follows ``cumulative_share``). The reference
    state itself (always 100%) is left out. Each line has its own colour and marker and a label
    at its last point; with ``states_table`` the labels are names rather than ISO3 codes. Lines
    drawn later are thinner and their markers smaller, so states with identical records show as
    nested stripes and markers instead of hiding one another. The data returned holds ``state``,
    ``label``, ``x``, ``share`` (a fraction), ``votes`` and ``agreeing`` for every point drawn.
    """
    names = state_names(states_table)
    frame = over_time[over_time["state"] != over_time["reference"]].copy()
    by_year = "year" in frame.columns
    frame["x"] = frame["year"] if by_year else frame["date"]
    y_column = "share" if by_year else "cumulative_share"
    data = pd.DataFrame({
        "state": frame["state"].astype("string"),
        "label": frame["state"].map(lambda s: names.get(s, s)).astype("string"),
        "x": frame["x"],
        "share": frame[y_column].astype("float64"),
        "votes": frame["votes"].astype("int64"),
        "agreeing": frame["agreeing"].astype("int64"),
    }).sort_values(["state", "x"], kind="stable").reset_index(drop=True)

    fig, ax = plt.subplots(figsize=(8, 4.8))
    states = list(dict.fromkeys(data["state"].tolist()))
    ends = []
    for k, state in enumerate(states):
        points = data[data["state"] == state]
        colour = PALETTE[LINE_COLOURS[k % len(LINE_COLOURS)]]
        ax.plot(points["x"], points["share"], marker=LINE_MARKERS[k % len(LINE_MARKERS)],
                color=colour, linewidth=max(1.0, 4.0 - 0.5 * k),
                markersize=max(4.0, 12.0 - 1.3 * k), markeredgecolor="white",
                markeredgewidth=0.6, zorder=2 + k, label=points["label"].iloc[0])
        ends.append((points["x"].iloc[-1], points["share"].iloc[-1], points["label"].iloc[0],
                     colour))
    # Labels sit a few points right of each line's last point, spread so they never overlap.
    label_y = _spread([e[1] for e in ends], gap=0.06)
    nudge = ax.transData + ScaledTranslation(8 / 72, 0, fig.dpi_scale_trans)
    for (x, _, label, colour), ly in zip(ends, label_y):
        ax.text(x, ly, label, transform=nudge, ha="left", va="center", fontsize=9,
                color=colour, fontweight="bold", zorder=50,
                bbox={"facecolor": "white", "edgecolor": "none", "pad": 0.6, "alpha": 0.85})
    low = min([-0.05, *(y - 0.03 for y in label_y)])
    high = max([1.08, *(y + 0.03 for y in label_y)])
    if by_year and len(data):
        years = sorted(data["x"].unique().tolist())
        ax.set_xticks(years, [str(y) for y in years])
        ax.set_xlim(min(years) - 0.5, max(years) + 1.5)
    elif len(data):
        first, last = data["x"].min(), data["x"].max()
        ax.set_xlim(first - (last - first) * 0.03, last + (last - first) * 0.2)
    ax.set_ylim(low, high)
    ax.yaxis.set_major_formatter(PercentFormatter(1.0))
    ax.grid(True, axis="y")
    ax.set_xlabel("Year" if by_year else "Date of resolution")
    ax.set_ylabel("Votes the same as Russia's" + ("" if by_year else " (cumulative)"))
    ax.set_title(title)
    add_source(fig, source)
    return Chart(fig, data)


__all__ = ["agreement_with_russia_lines", "vote_heatmap"]
