"""Intervention charts: crises, requests and what each alliance did over time (one lane per
crisis), calls for help by channel with every deployment, and the Kazakhstan force by country
and by source."""

from __future__ import annotations

import matplotlib.dates as mdates
import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.lines import Line2D
from matplotlib.patches import Patch

from ..data.codebook.vocabulary import RESPONSE_LEVELS
from .base import Chart
from .requests import SOURCE, crisis_label
from .style import LEVEL_STYLE, PALETTE, add_source
from .timelines import LABEL_PT, WIDTH_IN, source_line, wrap_title

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


# --- calls for help by channel, every deployment, the Kazakhstan force --------------------------

#: The first and last year the timeline of calls for help shows.
TIMELINE_YEARS = (1991, 2026)
#: Style of a call for help on a timeline (a request, an appeal or a request to another body).
CALL_STYLE = {"marker": ">", "color": PALETTE["black"], "label": "call for help"}
#: Style of a year's crises on the crisis count, with and without a call for help.
CRISIS_COUNT_STYLE = {
    "with_call": {"color": PALETTE["black"], "label": "a member called for help"},
    "without_call": {"color": PALETTE["grey"], "label": "no call for help"},
}


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

    ``marks`` is :func:`analysis.measures.calls.channel_marks`: one lane per call (or
    unasked deployment) in each channel's panel, oldest at the top, labelled with its ``lane``.
    A call is a black triangle above the lane; each answer sits on the lane, marked by its level
    (:data:`~analysis.charts.style.LEVEL_STYLE`); a grey cross marks a call that drew nothing. A
    deployment is a bar from its start to its end; where no source gives the end, the bar runs to
    the last record that shows the force in place and is drawn with a dashed edge and the words
    "end not dated". Troop numbers are written beside the deployments that have them.
    ``per_year`` is :func:`analysis.measures.calls.calls_per_year`. ``panel_titles``
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
    fig.suptitle(wrap_title(title), x=0.01, ha="left", fontsize=12, fontweight="bold")
    source_line(fig, source)
    return Chart(fig, data)


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
    fig.suptitle(wrap_title(title), x=0.01, ha="left", fontsize=12, fontweight="bold")
    source_line(fig, source)
    data = pd.concat([contingents.assign(panel="contingents"), totals.assign(panel="totals")],
                     ignore_index=True)
    return Chart(fig, data)


__all__ = [
    "CALL_STYLE",
    "CRISIS_COUNT_STYLE",
    "KIND_STYLE",
    "REPORT_STYLE",
    "TIMELINE_YEARS",
    "channel_timeline_chart",
    "contingents_chart",
    "intervention_timeline_chart",
]
