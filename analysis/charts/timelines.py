"""Labelled timelines for the cases: dated items on one line with labels that never overlap, and
who was present when (bars over time under a line of milestones). Both are drawn at the text
column's width, with text that reads at 11 px or more."""

from __future__ import annotations

import textwrap

import matplotlib.dates as mdates
import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.lines import Line2D
from matplotlib.patches import Patch

from ..data.codebook.vocabulary import RESPONSE_LEVELS
from .base import Chart
from .requests import SOURCE
from .style import LEVEL_STYLE, PALETTE, RUSSIA_SIDE, add_source

#: Width of the charts below (inches): at 96 px per inch they fit the 736 px text column
#: unshrunk, so 9-point text shows at 12 px.
WIDTH_IN = 7.6
#: Font size (points) of labels and ticks in the charts below.
LABEL_PT = 9
#: Characters per line of a chart title before it wraps (a 12-point bold title across the
#: column).
TITLE_CHARS = 72


def wrap_title(text: str) -> str:
    """A chart title wrapped to lines that fit the column."""
    return textwrap.fill(text, TITLE_CHARS)


def source_line(fig, text: str) -> None:  # noqa: ANN001 - a matplotlib Figure
    """The house source line (:func:`~analysis.charts.style.add_source`), set at a size that
    reads at 11 px or more in the text column."""
    add_source(fig, text)
    fig.texts[-1].set_fontsize(LABEL_PT)


#: Marker, colour and key label of each kind of item on an annotated timeline: a clash or other
#: crisis, the alliance's responses by level (as :data:`~analysis.charts.style.LEVEL_STYLE` draws
#: them), a step the states took themselves, and anything else.
ITEM_STYLE: dict[str, dict[str, str]] = {
    "crisis": {"marker": "X", "color": PALETTE["black"], "label": "fighting or crisis"},
    **{level: {"marker": str(LEVEL_STYLE[level]["marker"]),
               "color": str(LEVEL_STYLE[level]["color"]),
               "label": f"the CSTO: {LEVEL_STYLE[level]['label']}"}
       for level in RESPONSE_LEVELS[1:]},
    "own_step": {"marker": "D", "color": PALETTE["black"], "label": "a step the states took"},
    "other": {"marker": "o", "color": PALETTE["grey"], "label": "other"},
}

#: Levels (rows) an annotated timeline may stack labels on, tried in this order.
LABEL_LEVELS: tuple[int, ...] = (1, -1, 2, -2, 3, -3, 4, -4, 5, -5)


def place_labels(xs: list[float], widths: list[float], lo: float, hi: float,
                  levels: tuple[int, ...], gap: float) -> list[tuple[int, str, float, float]]:
    """A level and alignment for each label so that no two on a level overlap: ``(level, ha,
    left, right)`` per label, in data units. Labels near an edge are aligned to stay inside."""
    taken: dict[int, list[tuple[float, float]]] = {}
    placed = []
    for x, w in zip(xs, widths):
        if x - w / 2 < lo:
            ha, left, right = "left", x, x + w
        elif x + w / 2 > hi:
            ha, left, right = "right", x - w, x
        else:
            ha, left, right = "center", x - w / 2, x + w / 2
        for level in levels:
            if all(right + gap < a or left - gap > b for a, b in taken.get(level, [])):
                taken.setdefault(level, []).append((left, right))
                placed.append((level, ha, left, right))
                break
        else:
            raise ValueError("too many labels for the levels an annotated timeline has")
    return placed


def _draw_annotated(ax, items: pd.DataFrame, lo: float, hi: float, width_in: float,  # noqa: ANN001
                    levels: tuple[int, ...] = LABEL_LEVELS) -> pd.DataFrame:
    """Draw ``items`` (``date``, ``label``, ``kind``) as markers on a line at y = 0 with labels
    stacked on levels above and below; returns the items with ``level`` and ``x``."""
    per_in = (hi - lo) / width_in
    xs = [mdates.date2num(d) for d in items["date"]]
    widths = [len(str(t)) * LABEL_PT * 0.56 / 72 * per_in for t in items["label"]]
    placed = place_labels(xs, widths, lo, hi, levels, gap=0.12 * per_in)
    ax.axhline(0, color=PALETTE["grey"], linewidth=1, zorder=1)
    used = [p[0] for p in placed]
    for x, kind, label, (level, ha, _, _) in zip(xs, items["kind"], items["label"], placed):
        style = ITEM_STYLE[kind]
        ax.plot(x, 0, marker=style["marker"], markersize=8, linestyle="",
                markerfacecolor=style["color"], markeredgecolor=style["color"], zorder=3)
        ax.plot([x, x], [0, level * 0.8], color=PALETTE["grey"], linewidth=0.6, zorder=1)
        ax.text(x, level * 0.8, label, ha=ha, va="bottom" if level > 0 else "top",
                fontsize=LABEL_PT, zorder=4)
    top, low = max(max(used), 0), min(min(used), 0)
    ax.set_ylim(low * 0.8 - 0.6, top * 0.8 + 0.6)
    ax.set_yticks([])
    ax.spines[["left"]].set_visible(False)
    ax.grid(False)
    return items.assign(x=xs, level=used)


def annotated_timeline_chart(items: pd.DataFrame, title: str, start: pd.Timestamp,
                             end: pd.Timestamp, source: str = SOURCE,
                             tick_years: int = 1) -> Chart:
    """Dated items on one line, each with its marker (:data:`ITEM_STYLE`, by ``kind``) and its
    label, the labels stacked above and below so that none overlaps another; a key names the
    kinds shown. ``items``: ``date``, ``label``, ``kind`` (one row per item: a record appears
    once). Raises :class:`ValueError` when a label repeats. The data returned is ``items`` with
    ``x`` and ``level``."""
    repeated = items["label"][items["label"].duplicated()].tolist()
    if repeated:
        raise ValueError(f"labels repeat on the timeline: {repeated}")
    fig, ax = plt.subplots(figsize=(WIDTH_IN, 4.2))
    lo, hi = mdates.date2num(start), mdates.date2num(end)
    data = _draw_annotated(ax, items.reset_index(drop=True), lo, hi, WIDTH_IN - 0.3)
    ax.set_xlim(lo, hi)
    ax.xaxis.set_major_locator(mdates.YearLocator(tick_years))
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%Y"))
    ax.tick_params(axis="x", labelsize=LABEL_PT)
    shown = [k for k in ITEM_STYLE if k in set(items["kind"])]
    handles = [Line2D([], [], marker=ITEM_STYLE[k]["marker"], linestyle="", markersize=8,
                      markerfacecolor=ITEM_STYLE[k]["color"],
                      markeredgecolor=ITEM_STYLE[k]["color"], label=ITEM_STYLE[k]["label"])
               for k in shown]
    ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(0, -0.1), ncols=3,
              fontsize=LABEL_PT, frameon=False)
    ax.set_title(wrap_title(title), loc="left")
    source_line(fig, source)
    return Chart(fig, data)


#: How a presence's bar ends: known, ongoing at the cut-off (an arrow), attested only (a dashed
#: edge, "end not dated") or unknown.
END_KINDS: tuple[str, ...] = ("known", "ongoing", "attested", "unknown")


#: Colour and key label of whoever a presence belongs to: Russia's forces (the colour of
#: Russia's side), another organization's force, the UN's mission, and the war itself.
PRESENCE_STYLE: dict[str, dict[str, str]] = {
    "russia": {"color": RUSSIA_SIDE["with"], "label": "Russia's forces"},
    "cis": {"color": PALETTE["orange"], "label": "the CIS's force"},
    "un": {"color": PALETTE["sky"], "label": "the UN's mission"},
    "war": {"color": PALETTE["grey"], "label": "the war"},
}


def presence_chart(spans: pd.DataFrame, milestones: pd.DataFrame, title: str,
                   start: pd.Timestamp, end: pd.Timestamp, owners: dict[str, str],
                   source: str = SOURCE) -> Chart:
    """Who was present, and when: one bar per row of ``spans``
    (:func:`analysis.measures.records.record_spans`), top first, under a line of labelled
    ``milestones`` (``date``, ``label``, ``kind`` as :func:`annotated_timeline_chart` takes
    them). A bar with no start began before ``start`` (it is drawn from the left edge, with an
    arrow); an ``ongoing`` one runs past ``end`` (an arrow on the right); an ``attested`` one
    stops at the last record that shows it, with a dashed edge and the words "end not dated".
    ``owners`` names whose each span is, by ``label`` (a key of :data:`PRESENCE_STYLE`, which
    colours it); a key names the owners shown. The data returned is the spans and the
    milestones, stacked, with ``panel``."""
    n = len(spans)
    fig, (head, ax) = plt.subplots(2, 1, figsize=(WIDTH_IN, 0.42 * n + 3.4), sharex=True,
                                   height_ratios=[2.2, 0.42 * n + 0.6])
    lo, hi = mdates.date2num(start), mdates.date2num(end)
    marks = _draw_annotated(head, milestones.reset_index(drop=True), lo, hi, WIDTH_IN - 1.9,
                            levels=(1, 2, 3, 4, 5))
    head.spines[["bottom"]].set_visible(False)
    head.tick_params(axis="x", bottom=False)
    for i, row in enumerate(spans.itertuples(index=False)):
        y = n - 1 - i
        left = lo if pd.isna(row.start) else mdates.date2num(row.start)
        right = hi if row.end_kind == "ongoing" or pd.isna(row.end) else \
            mdates.date2num(row.end)
        dashed = row.end_kind in ("attested", "unknown")
        colour = PRESENCE_STYLE[owners[row.label]]["color"]
        ax.barh(y, right - left, left=left, height=0.5, color=colour,
                alpha=0.3 if dashed else 0.75, edgecolor=colour,
                linestyle="--" if dashed else "-", linewidth=1.0)
        if pd.isna(row.start):
            ax.annotate("", (left, y), xytext=(left + 0.02 * (hi - lo), y),
                        arrowprops={"arrowstyle": "->", "color": PALETTE["black"]})
        if row.end_kind == "ongoing":
            ax.annotate("", (hi, y), xytext=(hi - 0.02 * (hi - lo), y),
                        arrowprops={"arrowstyle": "->", "color": PALETTE["black"]})
        if dashed:
            ax.annotate("end not dated", (right, y), xytext=(4, 0), textcoords="offset points",
                        va="center", fontsize=LABEL_PT)
    ax.set_yticks([n - 1 - i for i in range(n)], spans["label"].tolist(), fontsize=LABEL_PT)
    ax.set_ylim(-0.6, n - 0.4)
    ax.set_xlim(lo, hi)
    ax.xaxis.set_major_locator(mdates.YearLocator(2))
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%Y"))
    ax.tick_params(axis="x", labelsize=LABEL_PT)
    ax.grid(axis="y", visible=False)
    shown = [k for k in PRESENCE_STYLE if k in set(owners.values())]
    ax.legend(handles=[Patch(facecolor=PRESENCE_STYLE[k]["color"], alpha=0.75,
                             label=PRESENCE_STYLE[k]["label"]) for k in shown],
              loc="upper left", bbox_to_anchor=(0, -0.12), ncols=len(shown), fontsize=LABEL_PT,
              frameon=False)
    fig.suptitle(wrap_title(title), x=0.01, ha="left", fontsize=12, fontweight="bold")
    source_line(fig, source)
    data = pd.concat([spans.assign(panel="spans"), marks.assign(panel="milestones")],
                     ignore_index=True)
    return Chart(fig, data)


__all__ = [
    "END_KINDS",
    "ITEM_STYLE",
    "LABEL_LEVELS",
    "LABEL_PT",
    "PRESENCE_STYLE",
    "TITLE_CHARS",
    "WIDTH_IN",
    "annotated_timeline_chart",
    "place_labels",
    "presence_chart",
    "source_line",
    "wrap_title",
]
