"""Charts of requests and responses: what was asked, what came, how fast, and when."""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.lines import Line2D
from matplotlib.patches import Patch
from matplotlib.ticker import PercentFormatter

from ..data.codebook.vocabulary import RESPONSE_LEVELS
from ..measures.requests import merge_joint_requests
from .base import Chart
from .style import ALLIANCE_STYLE, PALETTE, add_source

SOURCE = "The CSTO Record, data/requests.csv and data/responses.csv"


#: How each success measure of :func:`analysis.measures.rates.response_rates` reads in a sentence.
SUCCESS_PHRASE = {
    "any_action": "any action",
    "material": "material aid or troops",
    "deployed": "a deployment of troops",
}


def _level_name(level: str) -> str:
    return level.replace("_", " ")


def crisis_label(crisis: str, date: pd.Timestamp) -> str:
    """A crisis' name with its year, unless the name already holds it."""
    return crisis if str(date.year) in crisis else f"{crisis} ({date.year})"


def response_ladder(
    outcomes: pd.DataFrame,
    organization: str = "CSTO",
    title: str | None = None,
    source: str = SOURCE,
) -> Chart:
    """One row per crisis of ``organization`` (labelled with its name and year, oldest at the top)
    and a dot at the highest response level reached, on the ordinal scale along the x axis.

    Requests are filled circles; crises in which no request was made are hollow diamonds (placed
    at whatever the alliance did anyway). Troop numbers are written beside the dot where known.
    ``outcomes`` is :func:`analysis.measures.requests.request_outcomes` (or a merged or filtered
    copy). The data returned holds ``request_id``, ``label``, ``request_made``, ``highest_level``,
    ``highest_rank``, ``troops`` and ``y`` (row position) for every dot.
    """
    rows = outcomes[outcomes["organization"] == organization].sort_values("date", kind="stable")
    data = pd.DataFrame({
        "request_id": rows["request_id"].to_numpy(),
        "label": [crisis_label(c, d) for c, d in zip(rows["crisis"], rows["date"])],
        "request_made": rows["request_made"].to_numpy(),
        "highest_level": rows["highest_level"].to_numpy(),
        "highest_rank": rows["highest_rank"].to_numpy(),
        "troops": rows["troops"].to_numpy(),
    })
    data["y"] = np.arange(len(data))[::-1] if len(data) else []
    fig, ax = plt.subplots(figsize=(8.5, 0.38 * len(data) + 1.8))
    color = ALLIANCE_STYLE.get(organization, ALLIANCE_STYLE["CSTO"])["color"]
    for _, row in data.iterrows():
        x = int(row["highest_rank"])
        ax.plot([0, x], [row["y"], row["y"]], color="#CCCCCC", linewidth=1, zorder=1)
        if row["request_made"] == "yes":
            ax.plot(x, row["y"], marker="o", markersize=8, color=color, zorder=3)
        else:
            ax.plot(x, row["y"], marker="D", markersize=7, markerfacecolor="white",
                    markeredgecolor=PALETTE["grey"], markeredgewidth=1.5, zorder=3)
        if pd.notna(row["troops"]):
            ax.annotate(f"{int(row['troops']):,} troops", (x, row["y"]), xytext=(8, 0),
                        textcoords="offset points", va="center", fontsize=8)
    ax.set_yticks(data["y"], data["label"])
    ax.set_xticks(range(len(RESPONSE_LEVELS)), [lv.replace("_", "\n") for lv in RESPONSE_LEVELS],
                  fontsize=8)
    ax.set_xlim(-0.4, len(RESPONSE_LEVELS) - 0.2)
    ax.set_ylim(-0.7, len(data) - 0.3)
    ax.set_xlabel("Highest response reached (ordinal scale, lowest on the left)")
    ax.set_title(title or f"{organization}: the highest response to each crisis")
    handles = [
        Line2D([], [], marker="o", linestyle="", color=color, markersize=8,
               label="request made"),
        Line2D([], [], marker="D", linestyle="", markerfacecolor="white",
               markeredgecolor=PALETTE["grey"], markeredgewidth=1.5, markersize=7,
               label="no request made"),
    ]
    ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(0, -0.16), ncols=2, fontsize=9)
    add_source(fig, source)
    return Chart(fig, data)


_RATE_STATS = ("n", "k", "rate", "low", "high", "success")


def rates_by_threat(
    rates: pd.DataFrame,
    title: str | None = None,
    source: str = SOURCE,
) -> Chart:
    """Horizontal bars: the share of requests answered in each group of ``rates``
    (:func:`analysis.measures.rates.response_rates`, e.g. by threat, or by organization and
    threat), with the Wilson interval as an error bar and "k of n" written beside each bar.

    Where ``rates`` has an ``organization`` column, bars are coloured and hatched by alliance and
    the alliance is also in the label. The data returned is ``rates`` with ``label`` and ``y``.
    """
    keys = [c for c in rates.columns if c not in _RATE_STATS]
    data = rates.reset_index(drop=True).copy()
    data["label"] = [
        " · ".join(_level_name(str(v)) for v in values)
        for values in data[keys].itertuples(index=False)
    ] if keys else ["all requests"] * len(data)
    data["y"] = np.arange(len(data))[::-1] if len(data) else []
    fig, ax = plt.subplots(figsize=(8, 0.45 * len(data) + 1.8))
    for _, row in data.iterrows():
        org = row["organization"] if "organization" in data else None
        style = ALLIANCE_STYLE.get(org, {"color": PALETTE["blue"], "hatch": None})
        ax.barh(row["y"], row["rate"], height=0.6, color=style["color"], hatch=style["hatch"],
                edgecolor="white", linewidth=0.5, zorder=2)
        ax.errorbar(row["rate"], row["y"], xerr=[[row["rate"] - row["low"]],
                                                 [row["high"] - row["rate"]]],
                    fmt="none", ecolor=PALETTE["black"], elinewidth=1, capsize=3, zorder=3)
        ax.annotate(f"{int(row['k'])} of {int(row['n'])}", (row["high"], row["y"]),
                    xytext=(6, 0), textcoords="offset points", va="center", fontsize=8)
    ax.set_yticks(data["y"], data["label"])
    ax.set_xlim(0, 1.15)
    ax.set_ylim(-0.7, len(data) - 0.3)
    ax.xaxis.set_major_formatter(PercentFormatter(1.0))
    success = str(data["success"].iloc[0]) if len(data) and "success" in data else "any_action"
    phrase = SUCCESS_PHRASE.get(success, _level_name(success))
    ax.set_xlabel(f"Share of requests answered with {phrase} (bars; lines: 95% Wilson interval)")
    ax.set_title(title or f"Requests answered with {phrase}, by kind of threat")
    if "organization" in data:
        shown = [o for o in ALLIANCE_STYLE if o in set(data["organization"])]
        handles = [Patch(facecolor=ALLIANCE_STYLE[o]["color"], hatch=ALLIANCE_STYLE[o]["hatch"],
                         edgecolor="white", label=o) for o in shown]
        ax.legend(handles=handles, loc="lower right")
    add_source(fig, source)
    return Chart(fig, data)


def lag_chart(
    outcomes: pd.DataFrame,
    title: str = "How fast the alliance answered: days to the first and to the highest response",
    source: str = SOURCE,
) -> Chart:
    """Days from each request to its first response and to its highest response, CSTO and NATO
    in two blocks (one row per request, labelled), on a symmetric log scale because lags run from
    0 to hundreds of days.

    A joint request (several allies asking together on one day) is one row
    (:func:`analysis.measures.requests.merge_joint_requests`), as the rates count it. Circles
    (CSTO) and squares (NATO) mark the first response, a thin line runs to a diamond at the highest
    response when it came later. Filled markers are exact lags (both dates known to the day);
    hollow ones, marked "~", are approximate. A dashed line marks each alliance's median lag to the
    first response, a dotted one its median to the highest. Requests never answered are listed with
    "no action". Only ``request_made == "yes"`` rows are drawn. The data returned holds
    ``organization``, ``request_id``, ``label``, ``requests_merged``, ``lag_first_days``,
    ``lag_highest_days``, ``exact_first``, ``exact_highest`` and ``y``.
    """
    made = merge_joint_requests(outcomes[outcomes["request_made"] == "yes"])
    made = made.sort_values(["organization", "date"], kind="stable")
    data = pd.DataFrame({
        "organization": made["organization"].to_numpy(),
        "request_id": made["request_id"].to_numpy(),
        "label": [crisis_label(c, d) + (f" ({n} allies jointly)" if n > 1 else "")
                  for c, d, n in zip(made["crisis"], made["date"], made["requests_merged"])],
        "requests_merged": made["requests_merged"].to_numpy(),
        "lag_first_days": made["lag_first_days"].to_numpy(),
        "lag_highest_days": made["lag_highest_days"].to_numpy(),
        "exact_first": (made["lag_first_precision"] == "day").fillna(False).to_numpy(dtype=bool),
        "exact_highest": (made["lag_highest_precision"] == "day").fillna(False).to_numpy(
            dtype=bool),
    })
    # Top to bottom: CSTO block, a blank row, NATO block.
    y, positions, previous = 0, [], None
    for org in data["organization"]:
        if previous is not None and org != previous:
            y += 1
        positions.append(y)
        previous = org
        y += 1
    top = (positions[-1] if positions else 0)
    data["y"] = [top - p for p in positions]

    fig, ax = plt.subplots(figsize=(8.5, 0.34 * (top + 1) + 2.2))
    for _, row in data.iterrows():
        style = ALLIANCE_STYLE.get(row["organization"], ALLIANCE_STYLE["CSTO"])
        if pd.isna(row["lag_first_days"]):
            ax.annotate("no action", (0, row["y"]), xytext=(4, 0), textcoords="offset points",
                        va="center", fontsize=8, color="#555555", style="italic")
            continue
        first, highest = int(row["lag_first_days"]), int(row["lag_highest_days"])
        if highest > first:
            ax.plot([first, highest], [row["y"], row["y"]], color=style["color"], linewidth=0.8,
                    zorder=2)
            ax.plot(highest, row["y"], marker="D", markersize=6, linestyle="",
                    markerfacecolor=style["color"] if row["exact_highest"] else "white",
                    markeredgecolor=style["color"], markeredgewidth=1.2, zorder=3)
        ax.plot(first, row["y"], marker=style["marker"], markersize=7, linestyle="",
                markerfacecolor=style["color"] if row["exact_first"] else "white",
                markeredgecolor=style["color"], markeredgewidth=1.5, zorder=3)
        text = ("" if row["exact_first"] else "~") + f"{first}"
        if highest > first:
            text += " → " + ("" if row["exact_highest"] else "~") + f"{highest}"
        ax.annotate(text, (highest, row["y"]), xytext=(7, 0), textcoords="offset points",
                    va="center", fontsize=7)
    for org, block in data.groupby("organization"):
        style = ALLIANCE_STYLE.get(org, ALLIANCE_STYLE["CSTO"])
        for column, dash, what, dy in (("lag_first_days", "--", "first", 0.4),
                                       ("lag_highest_days", ":", "highest", 1.0)):
            lags = block[column].dropna().astype(float)
            if not len(lags):
                continue
            median = float(lags.median())
            ax.plot([median, median], [block["y"].min() - 0.4, block["y"].max() + 0.4],
                    color=style["color"], linestyle=dash, linewidth=1, zorder=1)
            ax.annotate(f"{org} median to {what}: {median:g} day{'' if median == 1 else 's'}",
                        (median, block["y"].max() + dy), xytext=(3, 2),
                        textcoords="offset points", fontsize=8, color=style["color"])
    ax.set_xscale("symlog", linthresh=1)
    longest = data["lag_highest_days"].dropna()
    ax.set_xlim(-0.3, max(10.0, float(longest.max()) * 3 if len(longest) else 0.0))
    ax.set_yticks(data["y"], [f"{o} · {lab}" for o, lab in zip(data["organization"],
                                                              data["label"])], fontsize=8)
    ax.set_ylim(-0.7, top + 1.8)
    ax.set_xlabel("Days from request to response (symmetric log scale; 0 = same day)")
    ax.set_title(title)
    handles = [
        *(Line2D([], [], marker=s["marker"], linestyle="", color=s["color"],
                 label=f"{o}: first response")
          for o, s in ALLIANCE_STYLE.items() if o in set(data["organization"])),
        Line2D([], [], marker="D", linestyle="-", color=PALETTE["grey"],
               label="highest response, if later"),
        Line2D([], [], marker="o", linestyle="", markerfacecolor="white",
               markeredgecolor=PALETTE["grey"], label="approximate (date known to month or year)"),
    ]
    ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(0, -0.12), ncols=2, fontsize=8)
    add_source(fig, source)
    return Chart(fig, data)


__all__ = ["SOURCE", "crisis_label", "lag_chart", "rates_by_threat", "response_ladder"]
