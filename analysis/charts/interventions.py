"""The intervention timeline chart: crises, requests and what each alliance did, over time."""

from __future__ import annotations

import textwrap

import matplotlib.dates as mdates
import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.lines import Line2D
from matplotlib.patches import Patch

from ..data.codebook.vocabulary import RESPONSE_LEVELS
from .base import Chart
from .requests import SOURCE, crisis_label
from .style import LEVEL_STYLE, PALETTE, RUSSIA_SIDE, add_source

#: Marker, colour and (for spans) hatch of each kind of row in an intervention timeline: the
#: response levels as :data:`~analysis.charts.style.LEVEL_STYLE` draws them.
KIND_STYLE = {
    "request": {"marker": ">", "color": PALETTE["black"], "filled": True, "label": "request"},
    "no_request": {"marker": ">", "color": PALETTE["black"], "filled": False,
                   "label": "crisis, no request"},
    "no_action": {**LEVEL_STYLE["none"], "filled": True},
    **{level: {**LEVEL_STYLE[level], "filled": True} for level in RESPONSE_LEVELS[1:]},
    "event": {"marker": "*", "color": PALETTE["black"], "filled": True, "label": "forces created"},
}


def intervention_timeline_chart(
    timeline: pd.DataFrame,
    organization: str | None = "CSTO",
    title: str | None = None,
    source: str = SOURCE + ", data/events.csv",
) -> Chart:
    """A timeline of crises and actions: one lane per crisis (labelled with its name and year,
    oldest at the top) plus a lane for institutional events; a marker per request, crisis without
    request and response (shape and colour per kind, see ``KIND_STYLE``), and a hatched bar
    from start to end for missions and deployments with a known end. Troop numbers are written
    beside deployments.

    ``timeline`` is :func:`analysis.measures.interventions.intervention_timeline`; only
    ``organization``'s rows are drawn (``None``: all). The data returned is those rows with
    ``lane`` and ``y``.
    """
    rows = timeline if organization is None else timeline[timeline["organization"] == organization]
    data = rows.reset_index(drop=True).copy()
    first_date = data[data["request_id"].notna()].groupby("request_id")["start"].min()
    crisis_of = data.dropna(subset=["request_id"]).drop_duplicates("request_id").set_index(
        "request_id")["crisis"]
    lanes = [crisis_label(crisis_of[rid], first_date[rid])
             for rid in first_date.sort_values(kind="stable").index]
    lane_of = {rid: crisis_label(crisis_of[rid], first_date[rid]) for rid in first_date.index}
    if (data["kind"] == "event").any():
        lanes = ["Forces created"] + lanes
    data["lane"] = [lane_of[r] if pd.notna(r) else "Forces created" for r in data["request_id"]]
    position = {lane: len(lanes) - 1 - i for i, lane in enumerate(lanes)}
    data["y"] = data["lane"].map(position).astype("int64")

    fig, ax = plt.subplots(figsize=(9, 0.36 * len(lanes) + 2.2))
    for _, row in data.iterrows():
        style = KIND_STYLE[row["kind"]]
        x = mdates.date2num(row["start"])
        # Requests sit a little above their lane and responses a little below, so that a
        # response on the day of the request does not hide it.
        y = row["y"] + (0.2 if row["kind"] in ("request", "no_request") else -0.1)
        if pd.notna(row["duration_days"]) and row["duration_days"] > 0:
            ax.barh(row["y"], row["duration_days"], left=x, height=0.5, color=style["color"],
                    hatch=style.get("hatch"), edgecolor="white", linewidth=0.5, alpha=0.8,
                    zorder=2)
        face = style["color"] if style["filled"] else "white"
        ax.plot(x, y, marker=style["marker"], markersize=7, linestyle="",
                markerfacecolor=face, markeredgecolor=style["color"], zorder=3)
        if row["kind"] == "deployment" and pd.notna(row["troops"]):
            ax.annotate(f"{int(row['troops']):,} troops", (x, y), xytext=(6, -3),
                        textcoords="offset points", fontsize=7)
    ax.set_yticks(list(position.values()), list(position.keys()), fontsize=8)
    ax.set_ylim(-0.7, len(lanes) - 0.3)
    ax.xaxis_date()
    ax.xaxis.set_major_locator(mdates.YearLocator(2))
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%Y"))
    ax.set_xlabel("Date (bars: missions and deployments, start to end)")
    who = organization or "the alliances"
    ax.set_title(title or f"Crises, requests and what {who} did, over time")
    shown = [k for k in KIND_STYLE if k in set(data["kind"])]
    handles = [
        Line2D([], [], marker=KIND_STYLE[k]["marker"], linestyle="", markersize=7,
               markerfacecolor=KIND_STYLE[k]["color"] if KIND_STYLE[k]["filled"] else "white",
               markeredgecolor=KIND_STYLE[k]["color"], label=KIND_STYLE[k]["label"])
        for k in shown
    ]
    ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(0, -0.12), ncols=5, fontsize=8)
    add_source(fig, source)
    return Chart(fig, data)




# --- calls for help by channel, deployments, and annotated case timelines ----------------------

#: Width of the charts below (inches): at 96 px per inch they fit the 736 px text column
#: unshrunk, so 9-point text shows at 12 px.
WIDTH_IN = 7.6
#: Font size (points) of labels and ticks in the charts below.
LABEL_PT = 9
#: The first and last year the timeline of calls for help shows.
TIMELINE_YEARS = (1991, 2026)
#: Style of a call for help on a timeline (a request, an appeal or a request to another body).
CALL_STYLE = {"marker": ">", "color": PALETTE["black"], "label": "call for help"}
#: Style of a year's crises on the crisis count, with and without a call for help.
CRISIS_COUNT_STYLE = {
    "with_call": {"color": PALETTE["black"], "label": "a member called for help"},
    "without_call": {"color": PALETTE["grey"], "label": "no call for help"},
}


#: Characters per line of a chart title before it wraps (a 12-point bold title across the
#: column).
TITLE_CHARS = 66


def _title(text: str) -> str:
    """A chart title wrapped to lines that fit the column."""
    return textwrap.fill(text, TITLE_CHARS)


def _source_line(fig, text: str) -> None:  # noqa: ANN001 - a matplotlib Figure
    """The house source line (:func:`~analysis.charts.style.add_source`), set at a size that
    reads at 11 px or more in the text column."""
    add_source(fig, text)
    fig.texts[-1].set_fontsize(LABEL_PT)


def _year_axis(ax, first: int, last: int, step: int) -> None:  # noqa: ANN001 - an Axes
    ax.set_xlim(mdates.date2num(pd.Timestamp(f"{first}-07-01")),
                mdates.date2num(pd.Timestamp(f"{last}-07-01")))
    ax.xaxis.set_major_locator(mdates.YearLocator(step))
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%Y"))
    ax.tick_params(axis="x", labelsize=LABEL_PT)


def _marker(ax, x: float, y: float, style: dict, filled: bool = True,  # noqa: ANN001
            size: float = 7, zorder: float = 3) -> None:
    ax.plot(x, y, marker=style["marker"], markersize=size, linestyle="",
            markerfacecolor=style["color"] if filled else "white",
            markeredgecolor=style["color"], zorder=zorder)


def channel_timeline_chart(
    marks: pd.DataFrame,
    per_year: pd.DataFrame,
    title: str,
    panel_titles: dict[str, str],
    source: str = SOURCE,
    years: tuple[int, int] = TIMELINE_YEARS,
) -> Chart:
    """Calls for help and the answers, one panel per channel, under a count of crises per year.

    ``marks`` is :func:`analysis.measures.interventions.channel_marks`: one lane per call (or
    unasked deployment) in each channel's panel, oldest at the top, labelled with its ``lane``.
    A call is a black triangle above the lane; each answer sits on the lane, marked by its level
    (:data:`~analysis.charts.style.LEVEL_STYLE`); a grey cross marks a call that drew nothing. A
    deployment is a bar from its start to its end; where no source gives the end, the bar runs to
    the last record that shows the force in place and is drawn with a dashed edge and the words
    "end not dated". Troop numbers are written beside the deployments that have them.
    ``per_year`` is :func:`analysis.measures.interventions.calls_per_year`. ``panel_titles``
    names the panels by channel, in the order drawn. The data returned is ``marks`` with ``y``.
    """
    channels = [c for c in panel_titles if (marks["channel"] == c).any()]
    counts = [int(marks.loc[marks["channel"] == c, "lane_order"].max()) + 1 for c in channels]
    lane_in = 0.27
    heights = [1.0] + [n * lane_in + 0.35 for n in counts] + [0.55]
    fig = plt.figure(figsize=(WIDTH_IN, sum(heights) + 1.2))
    grid = fig.add_gridspec(len(heights), 1, height_ratios=heights)
    top = fig.add_subplot(grid[0])
    x_years = [mdates.date2num(pd.Timestamp(f"{y}-07-01")) for y in per_year["year"]]
    width = 300
    top.bar(x_years, per_year["without_call"], width=width,
            color=CRISIS_COUNT_STYLE["without_call"]["color"],
            label=CRISIS_COUNT_STYLE["without_call"]["label"])
    top.bar(x_years, per_year["with_call"], width=width, bottom=per_year["without_call"],
            color=CRISIS_COUNT_STYLE["with_call"]["color"],
            label=CRISIS_COUNT_STYLE["with_call"]["label"])
    top.set_title("Crises in members each year", loc="left", fontsize=10, fontweight="normal")
    top.set_ylabel("crises", fontsize=LABEL_PT)
    top.tick_params(axis="y", labelsize=LABEL_PT)
    top.legend(loc="upper left", fontsize=LABEL_PT, ncols=2, frameon=False)
    top.set_ylim(0, max(int(per_year["crises"].max()) * 1.7, 1))
    _year_axis(top, *years, step=4)
    top.tick_params(axis="x", labelbottom=False)

    data = marks.copy()
    data["y"] = 0.0
    axes = []
    for i, channel in enumerate(channels):
        ax = fig.add_subplot(grid[i + 1], sharex=top)
        axes.append(ax)
        rows = data[data["channel"] == channel]
        n = counts[i]
        labels = rows.drop_duplicates("lane_order").sort_values("lane_order")
        ax.set_yticks([n - 1 - k for k in labels["lane_order"]], labels["lane"].tolist(),
                      fontsize=LABEL_PT)
        ax.set_ylim(-0.6, n - 0.4)
        ax.set_title(panel_titles[channel], loc="left", fontsize=10, fontweight="normal")
        for idx, row in rows.iterrows():
            y = n - 1 - int(row["lane_order"])
            data.at[idx, "y"] = y
            x = mdates.date2num(row["start"])
            kind = row["kind"]
            if kind == "call":
                _marker(ax, x, y + 0.22, CALL_STYLE, size=6)
            elif kind == "no_action":
                _marker(ax, x, y - 0.08, LEVEL_STYLE["none"])
            elif kind == "deployment_span":
                style = LEVEL_STYLE["deployment"]
                if pd.notna(row["end"]):
                    end = mdates.date2num(row["end"])
                    dashed = row["end_kind"] != "known"
                    ax.barh(y - 0.08, max(end - x, 1.0), left=x, height=0.42,
                            color=style["color"], alpha=0.25 if dashed else 0.45,
                            edgecolor=style["color"], linewidth=1.0,
                            linestyle="--" if dashed else "-", zorder=2)
                    if dashed:
                        ax.annotate("end not dated", (end, y - 0.08), xytext=(4, 0),
                                    textcoords="offset points", va="center",
                                    fontsize=LABEL_PT)
                if pd.notna(row["troops"]):
                    ax.annotate(f"{int(row['troops']):,} troops", (x, y - 0.08),
                                xytext=(-9, 0), textcoords="offset points", ha="right",
                                va="center", fontsize=LABEL_PT)
            else:
                # Higher levels are drawn over lower ones on the same days.
                _marker(ax, x, y - 0.08, LEVEL_STYLE[kind],
                        zorder=3 + RESPONSE_LEVELS.index(kind))
        ax.grid(axis="y", visible=False)
        if i < len(channels) - 1:
            ax.tick_params(axis="x", labelbottom=False)
        else:
            ax.tick_params(axis="x", labelsize=LABEL_PT)
    shown = [k for k in RESPONSE_LEVELS if k in set(data["kind"]) or
             (k == "none" and "no_action" in set(data["kind"]))]
    handles = [Line2D([], [], marker=CALL_STYLE["marker"], linestyle="", markersize=6,
                      markerfacecolor=CALL_STYLE["color"], markeredgecolor=CALL_STYLE["color"],
                      label=CALL_STYLE["label"])]
    handles += [Line2D([], [], marker=LEVEL_STYLE[k]["marker"], linestyle="", markersize=7,
                       markerfacecolor=LEVEL_STYLE[k]["color"],
                       markeredgecolor=LEVEL_STYLE[k]["color"], label=LEVEL_STYLE[k]["label"])
                for k in shown]
    handles.append(Patch(facecolor=LEVEL_STYLE["deployment"]["color"], alpha=0.45,
                         edgecolor=LEVEL_STYLE["deployment"]["color"],
                         label="troops in place, start to end"))
    key = fig.add_subplot(grid[-1])
    key.axis("off")
    # A figure legend placed over the empty last row: an axes legend wider than its axes would
    # make the constrained layout give up.
    fig.legend(handles=handles, loc="center left", bbox_to_anchor=(0, 0, 1, 1),
               bbox_transform=key.transAxes, ncols=4, fontsize=LABEL_PT, frameon=False,
               borderaxespad=0)
    fig.suptitle(_title(title), x=0.01, ha="left", fontsize=12, fontweight="bold")
    _source_line(fig, source)
    return Chart(fig, data)


__all__ = [
    "CALL_STYLE",
    "CRISIS_COUNT_STYLE",
    "END_KINDS",
    "ITEM_STYLE",
    "LABEL_LEVELS",
    "PRESENCE_STYLE",
    "KIND_STYLE",
    "REPORT_STYLE",
    "annotated_timeline_chart",
    "channel_timeline_chart",
    "contingents_chart",
    "intervention_timeline_chart",
    "presence_chart",
]


#: Style of a reported troop figure: given by the sending state's own government, or an early,
#: approximate report.
REPORT_STYLE = {
    "official": {"marker": "o", "filled": True, "label": "given by the sending government"},
    "early": {"marker": "o", "filled": False, "label": "early, approximate report"},
}


def contingents_chart(contingents: pd.DataFrame, totals: pd.DataFrame, title: str,
                      source: str = SOURCE) -> Chart:
    """Troops sent by each state, as each source gives them, above the whole force's size as
    each source gives it.

    ``contingents``: one row per reported figure, with ``state`` (the name shown), ``value`` and
    ``official`` (bool: given by the sending government; else an early report), in the order
    drawn (top first). ``totals``: one row per figure for the whole force, with ``label`` (who
    gave it, and when), ``value`` and ``used`` (bool: the figure the book uses, drawn solid).
    The data returned is both, stacked, with ``panel``.
    """
    states = list(dict.fromkeys(contingents["state"]))
    n_top, n_bottom = len(states), len(totals)
    fig, (top, bottom) = plt.subplots(
        2, 1, figsize=(WIDTH_IN, 0.34 * (n_top + n_bottom) + 2.4),
        height_ratios=[n_top + 1.2, n_bottom + 0.8])
    colour = LEVEL_STYLE["deployment"]["color"]
    y_of = {s: n_top - 1 - i for i, s in enumerate(states)}
    for state, rows in contingents.groupby("state", sort=False):
        y = y_of[state]
        values = sorted(rows["value"].tolist())
        if len(values) > 1:
            top.plot([values[0], values[-1]], [y, y], color=colour, linewidth=1.2, zorder=2)
        for row in rows.itertuples(index=False):
            style = REPORT_STYLE["official" if row.official else "early"]
            top.plot(row.value, y, marker=style["marker"], markersize=8, linestyle="",
                     markerfacecolor=colour if style["filled"] else "white",
                     markeredgecolor=colour, markeredgewidth=1.5, zorder=3)
        text = " or ".join(f"{v:,.0f}" for v in values)
        top.annotate(text, (values[-1], y), xytext=(8, 0), textcoords="offset points",
                     va="center", fontsize=LABEL_PT)
    top.set_yticks(list(y_of.values()), list(y_of.keys()), fontsize=LABEL_PT)
    top.set_ylim(-0.7, n_top - 0.3)
    top.set_xlim(0, float(contingents["value"].max()) * 1.25)
    top.tick_params(axis="x", labelsize=LABEL_PT)
    top.set_title("Troops each state sent, as reported", loc="left", fontsize=10,
                  fontweight="normal")
    handles = [Line2D([], [], marker=s["marker"], linestyle="", markersize=8,
                      markerfacecolor=colour if s["filled"] else "white",
                      markeredgecolor=colour, markeredgewidth=1.5, label=s["label"])
               for s in REPORT_STYLE.values()]
    top.legend(handles=handles, loc="lower right", fontsize=LABEL_PT, frameon=False)

    ys = [n_bottom - 1 - i for i in range(n_bottom)]
    for y, row in zip(ys, totals.itertuples(index=False)):
        bottom.barh(y, row.value, height=0.6, color=colour, alpha=0.9 if row.used else 0.3,
                    edgecolor=colour)
        bottom.annotate(f"{row.value:,.0f}", (row.value, y), xytext=(6, 0),
                        textcoords="offset points", va="center", fontsize=LABEL_PT)
    bottom.set_yticks(ys, totals["label"].tolist(), fontsize=LABEL_PT)
    bottom.set_xlim(0, float(totals["value"].max()) * 1.2)
    bottom.tick_params(axis="x", labelsize=LABEL_PT)
    bottom.set_xlabel("troops", fontsize=LABEL_PT)
    bottom.set_title("The whole force, as each source counts it (solid: the figure the book "
                     "uses)", loc="left", fontsize=10, fontweight="normal")
    fig.suptitle(_title(title), x=0.01, ha="left", fontsize=12, fontweight="bold")
    _source_line(fig, source)
    data = pd.concat([contingents.assign(panel="contingents"), totals.assign(panel="totals")],
                     ignore_index=True)
    return Chart(fig, data)


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


def _place_labels(xs: list[float], widths: list[float], lo: float, hi: float,
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
    placed = _place_labels(xs, widths, lo, hi, levels, gap=0.12 * per_in)
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
    ax.set_title(_title(title), loc="left")
    _source_line(fig, source)
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
    (:func:`analysis.measures.interventions.record_spans`), top first, under a line of labelled
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
    head.set_title(_title(title), loc="left")
    _source_line(fig, source)
    data = pd.concat([spans.assign(panel="spans"), marks.assign(panel="milestones")],
                     ignore_index=True)
    return Chart(fig, data)
