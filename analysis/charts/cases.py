"""The case timeline: one state's record, table by table, on one dated chart."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import matplotlib.dates as mdates
import matplotlib.pyplot as plt
import pandas as pd

from ..measures.cases import LANES
from .base import Chart
from .language import KEY_GID
from .style import LEVEL_STYLE, PALETTE, add_source

#: Readable name, colour and marker of each lane: the marker shape repeats what colour says.
LANE_STYLE: dict[str, dict[str, str]] = {
    "requests": {"name": "Requests for help", "color": PALETTE["vermillion"], "marker": "v"},
    "responses": {"name": "Alliance responses", "color": PALETTE["orange"], "marker": "^"},
    "events": {"name": "Events", "color": PALETTE["blue"], "marker": "o"},
    "memberships": {"name": "Membership status", "color": PALETTE["purple"], "marker": "s"},
    "stances": {"name": "Stances", "color": PALETTE["green"], "marker": "D"},
    "un_votes": {"name": "UN votes", "color": PALETTE["black"], "marker": "P"},
    "bases": {"name": "Foreign bases", "color": PALETTE["grey"], "marker": "X"},
}

SOURCE = "The CSTO Record"


def case_timeline_chart(
    timeline: pd.DataFrame,
    title: str,
    row_by: str = "lane",
    notes: Mapping[str, str] | None = None,
    source: str = SOURCE,
    year_step: int = 1,
) -> Chart:
    """A dot timeline of a case: one row per lane (the table an item comes from) or, with
    ``row_by="state"``, one row per state; a marker per item, shaped and coloured by its lane
    (``LANE_STYLE``), filled when dated to the day and hollow when known only to the month or
    year. ``notes`` maps a ``record`` (``table:key``) to a short label written beside its marker.

    ``timeline`` is :func:`analysis.measures.cases.case_timeline`. The data returned is the
    timeline with ``row`` (the row label), ``y`` and ``note``.
    """
    if row_by not in ("lane", "state"):
        raise ValueError("row_by is 'lane' or 'state'")
    notes = dict(notes or {})
    unknown = sorted(set(notes) - set(timeline["record"]))
    if unknown:
        raise KeyError(f"notes name records not in the timeline: {unknown}")
    data = timeline.reset_index(drop=True).copy()
    if row_by == "lane":
        rows = [lane for lane in LANES if lane in set(data["lane"])]
        data["row"] = data["lane"].map(lambda lane: LANE_STYLE[lane]["name"])
        labels = [LANE_STYLE[lane]["name"] for lane in rows]
    else:
        labels = list(dict.fromkeys(data["state"]))
        data["row"] = data["state"]
    position = {label: len(labels) - 1 - i for i, label in enumerate(labels)}
    data["y"] = data["row"].map(position).astype("int64")
    data["note"] = [notes.get(record, "") for record in data["record"]]

    fig, ax = plt.subplots(figsize=(9, 0.55 * len(labels) + 2.4))
    seen: dict[tuple, int] = {}
    for _, row in data.iterrows():
        style = LANE_STYLE[row["lane"]]
        x = mdates.date2num(row["date"])
        # Items on the same day in the same row are nudged apart so that none hides another.
        key = (row["y"], row["date"])
        offset = 0.12 * seen.get(key, 0)
        seen[key] = seen.get(key, 0) + 1
        exact = row["date_precision"] == "day"
        ax.plot(x, row["y"] + offset, marker=style["marker"], markersize=7, linestyle="",
                markerfacecolor=style["color"] if exact else "white",
                markeredgecolor=style["color"], zorder=3)
        if row["note"]:
            ax.annotate(row["note"], (x, row["y"] + offset), xytext=(0, 9),
                        textcoords="offset points", fontsize=7, rotation=30, ha="left",
                        va="bottom", color="#333333")
    ax.set_yticks(list(position.values()), list(position.keys()), fontsize=9)
    ax.set_ylim(-0.6, len(labels) - 0.2 + 0.6)
    ax.xaxis_date()
    ax.xaxis.set_major_locator(mdates.YearLocator(year_step))
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%Y"))
    ax.grid(axis="y", visible=False)
    ax.set_xlabel("Date (hollow markers: known only to the month or year)")
    ax.set_title(title)
    add_source(fig, f"{source}; each marker is one row of the table named on its line")
    return Chart(fig, data)




# --- The annotated timeline: what happened, and who answered how --------------------------------

#: Marker and colour of what is not an answer: an event or a crisis (a grey dot) and a call for
#: help (a black downward triangle). Answers take the colour and marker of their level on the
#: response scale (``LEVEL_STYLE``).
MOMENT_STYLE: dict[str, dict[str, str]] = {
    "event": {"name": "what happened", "color": PALETTE["grey"], "marker": "o"},
    "request": {"name": "call for help", "color": PALETTE["black"], "marker": "v"},
}

#: Sizes of the annotated timeline, in points: label text, column gap, line height, marker.
_FONT, _GAP, _LINE, _MARK = 9.0, 5.0, 11.0, 6.0
_WIDTH_IN = 7.45  # with the saved figure's 0.1 in padding each side, at most the 736 px column


def _text_width(fig, text: str, size: float, weight: str = "normal") -> float:  # noqa: ANN001
    """Width of ``text`` in points, as drawn in ``fig``."""
    from matplotlib.font_manager import FontProperties

    renderer = fig.canvas.get_renderer()
    props = FontProperties(size=size, weight=weight)
    width, _, _ = renderer.get_text_width_height_descent(text, props, ismath=False)
    return width * 72 / fig.dpi


def _wrap(fig, text: str, width: float) -> list[str]:  # noqa: ANN001
    """``text`` broken at spaces into lines no wider than ``width`` points (a word longer than
    the width stands on its own line)."""
    lines: list[str] = []
    for word in text.split():
        if lines and _text_width(fig, f"{lines[-1]} {word}", _FONT) <= width:
            lines[-1] = f"{lines[-1]} {word}"
        else:
            lines.append(word)
    return lines


def _day(date: pd.Timestamp, precision: str) -> str:
    return {"year": f"{date:%Y}", "month": f"{date:%b %Y}"}.get(precision, f"{date:%-d %b %Y}")


def _glyph(kind: str, level: str) -> dict[str, str]:
    if kind == "response":
        style = LEVEL_STYLE[level]
        return {"color": str(style["color"]), "marker": str(style["marker"]),
                "name": str(style["label"])}
    return MOMENT_STYLE["request" if kind == "request" else "event"]


def _draw_glyph(ax, x: float, y: float, glyph: dict, exact: bool) -> None:  # noqa: ANN001
    ax.plot(x, y, linestyle="", marker=glyph["marker"], markersize=_MARK,
            markerfacecolor=glyph["color"] if exact else "white",
            markeredgecolor=glyph["color"], markeredgewidth=1.3, clip_on=False, zorder=3)


def annotated_timeline_chart(
    moments: pd.DataFrame,
    title: str,
    columns: Sequence[str],
    source: str = SOURCE,
) -> Chart:
    """An annotated timeline of a case: the moments of
    :func:`analysis.measures.moments.case_moments`, in their reading order from top to bottom,
    each a marker and a short label in the column of whoever acted (``columns``, left to right:
    what happened first, then the answers). Moments of one day share a line; the day is written
    on the left (to the month or year where only that is known).

    An answer's colour and marker are its level on the response scale (``LEVEL_STYLE``); an
    event or a crisis is a grey dot and a call for help a black triangle (``MOMENT_STYLE``). A
    marker known only to the month or year is hollow. The key under the chart names every glyph
    drawn. Time runs down the page in order, not to scale (say so in the caption).

    The data returned is ``moments`` with ``line`` (the line of the chart, from 0 at the top),
    ``x`` and ``y`` (points from the top left) and ``text`` (the label as wrapped).
    """
    unknown = sorted(set(moments["column"]) - set(columns))
    if unknown:
        raise ValueError(f"moments in columns not drawn: {unknown}")
    fig = plt.figure(figsize=(_WIDTH_IN, 4), layout="none")
    fig.canvas.draw()
    width = _WIDTH_IN * 72
    date_w = max(_text_width(fig, _day(d, p), _FONT) for d, p in
                 zip(moments["date"], moments["date_precision"])) + _GAP
    col_w = (width - date_w) / len(columns)
    left = {c: date_w + i * col_w for i, c in enumerate(columns)}
    data = moments.reset_index(drop=True).copy()
    # A new line starts wherever the day changes; within a line each column stacks its labels.
    data["line"] = (data["date"].ne(data["date"].shift()) |
                    data["date_precision"].ne(data["date_precision"].shift())).cumsum() - 1
    data["text"] = ["\n".join(_wrap(fig, label, col_w - 2 * _GAP - _MARK))
                    for label in data["label"]]
    title_lines = _wrap_title(fig, title, width)
    top = 12 * 1.3 * len(title_lines) + 6 + _LINE * 1.6
    y = top
    ys = []
    for _, part in data.groupby("line", sort=True):
        used = {c: 0 for c in columns}
        for i, row in part.iterrows():
            ys.append((i, y + used[row["column"]] * _LINE))
            used[row["column"]] += row["text"].count("\n") + 1
        y += max(used.values()) * _LINE + 4
    data["y"] = pd.Series(dict(ys))
    data["x"] = [left[c] + _GAP / 2 + _MARK / 2 for c in data["column"]]
    bottom = y + 4
    legend_rows = _legend_rows(fig, data, width)
    height = bottom + (len(legend_rows) + 0.6) * _LINE * 1.3
    fig.set_size_inches(_WIDTH_IN, height / 72)
    ax = fig.add_axes((0, 0, 1, 1))
    ax.set_xlim(0, width)
    ax.set_ylim(height, 0)
    ax.set_axis_off()
    ax.text(0, 0, "\n".join(title_lines), fontsize=12, fontweight="bold", va="top", ha="left",
            linespacing=1.3)
    head = top - _LINE * 1.1
    for column in columns:
        ax.text(left[column] + _GAP / 2, head, column, fontsize=_FONT + 0.5, fontweight="bold",
                va="bottom", ha="left")
        ax.plot([left[column] + _GAP / 2 + _MARK / 2] * 2, [head + 3, bottom - 4],
                color="#DDDDDD", linewidth=0.8, zorder=1)
    last_year = None
    for line, part in data.groupby("line", sort=True):
        first = part.iloc[0]
        if last_year is not None and first["date"].year != last_year:
            ax.plot([0, width], [first["y"] - 4] * 2, color="#CCCCCC", linewidth=0.6, zorder=1)
        last_year = first["date"].year
        ax.text(0, first["y"], _day(first["date"], first["date_precision"]), fontsize=_FONT,
                va="center", ha="left", color="#333333")
    for _, row in data.iterrows():
        glyph = _glyph(row["kind"], row["level"])
        _draw_glyph(ax, row["x"], row["y"], glyph, row["date_precision"] == "day")
        # The first line of the label is centred on its marker.
        ax.text(row["x"] + _MARK / 2 + 3, row["y"] - _LINE / 2, row["text"], fontsize=_FONT,
                va="top", ha="left", linespacing=1.05)
    _draw_legend(ax, legend_rows, bottom + _LINE)
    add_source(fig, "\n".join(_wrap(fig, source, width - 40)))
    fig.texts[-1].set_fontsize(_FONT)
    return Chart(fig, data)


def _wrap_title(fig, title: str, width: float) -> list[str]:  # noqa: ANN001
    lines: list[str] = []
    for word in title.split():
        if lines and _text_width(fig, f"{lines[-1]} {word}", 12, "bold") <= width:
            lines[-1] = f"{lines[-1]} {word}"
        else:
            lines.append(word)
    return lines


def _legend_rows(fig, data: pd.DataFrame, width: float) -> list[list[tuple[dict, bool]]]:  # noqa: ANN001
    """The key's entries (glyph, hollow), in rows that fit ``width``: what is not an answer
    first, then the answers' levels from lowest to highest, then the hollow marker if any
    moment is known only to the month or year."""
    kinds = {"request" if k == "request" else "event" for k in data["kind"]
             if k != "response"}
    levels = [lvl for lvl in LEVEL_STYLE if lvl in set(data.loc[data["kind"] == "response",
                                                                "level"])]
    entries = [(MOMENT_STYLE[k], False) for k in MOMENT_STYLE if k in kinds]
    entries += [({**_glyph("response", lvl), "name": f"answer: {LEVEL_STYLE[lvl]['label']}"},
                 False) for lvl in levels]
    if data["date_precision"].ne("day").any():
        entries.append(({**MOMENT_STYLE["event"], "color": PALETTE["black"],
                         "name": "hollow: known only to the month or year"}, True))
    rows: list[list[tuple[dict, bool]]] = [[]]
    used = 0.0
    for glyph, hollow in entries:
        w = _MARK + 4 + _text_width(fig, glyph["name"], _FONT) + 14
        if rows[-1] and used + w > width:
            rows.append([])
            used = 0.0
        rows[-1].append((glyph, hollow))
        used += w
    return rows


def _draw_legend(ax, rows: list[list[tuple[dict, bool]]], y: float) -> None:  # noqa: ANN001
    fig = ax.figure
    for row in rows:
        x = _MARK / 2
        for glyph, hollow in row:
            _draw_glyph(ax, x, y, glyph, not hollow)
            ax.lines[-1].set_gid(KEY_GID)  # the glyph is a key entry, named beside it
            ax.text(x + _MARK / 2 + 4, y, glyph["name"], fontsize=_FONT, va="center",
                    ha="left")
            x += _MARK + 4 + _text_width(fig, glyph["name"], _FONT) + 14
        y += _LINE * 1.3


__all__ = ["LANE_STYLE", "MOMENT_STYLE", "annotated_timeline_chart", "case_timeline_chart"]
