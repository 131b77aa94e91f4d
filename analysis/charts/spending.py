"""Military spending charts: each alliance's spending as shares of its members, and spending as a
share of GDP, member by member and year by year. Drawn from SIPRI data, they carry SIPRI's credit
line and name the calculations as ours (SIPRI's terms ask that calculations not be attributed to
SIPRI).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import matplotlib.colors as mpl_colors
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.patches import Patch

from .base import Chart
from .sourceline import source_line
from .style import ALLIANCE_STYLE, PALETTE

#: Colours for the stacked groups after the largest member (which takes its alliance's colour),
#: then "other members" in grey.
_GROUP_LOOKS = [(PALETTE["orange"], None), (PALETTE["green"], None), (PALETTE["purple"], None),
                (PALETTE["yellow"], None), (PALETTE["sky"], None)]


_OTHER_LOOK = ("#CCCCCC", "--")


def burden_shares_chart(
    groups: pd.DataFrame,
    coverage: pd.DataFrame,
    names: Mapping[str, str] | None = None,
    title: str = "Whose money: each alliance's military spending as shares of its members",
    *,
    credit: str,
) -> Chart:
    """For each alliance, a 100% stacked area of its members' military spending (constant 2023
    US$) year by year, the largest spenders drawn on their own, with a key under each panel.

    ``groups`` is :func:`analysis.measures.spending.spending_groups`; ``coverage`` is
    :func:`analysis.measures.spending.spending_coverage` (how many members have a figure, which
    the chapter states in words); ``names`` maps ISO3 codes to the labels shown. Each group has
    its own colour and is named in the key, in the order the bands are stacked, top first (no
    hatching); the largest member takes its alliance's colour
    (:data:`~analysis.charts.style.ALLIANCE_STYLE`). The data returned is ``groups`` with the
    coverage columns ``n_members`` and
    ``n_with_data`` of the alliance-year.

    ``credit`` is the dataset's credit line as ``data/origins.csv`` gives it
    (:func:`analysis.measures.provenance.credit_lines`).
    """
    names = dict(names or {})
    alliances = list(dict.fromkeys(groups["organization"]))
    fig, axes = plt.subplots(1, len(alliances), figsize=(7.5, 4.6), sharey=True, squeeze=False)
    for col, org in enumerate(alliances):
        part = groups[groups["organization"] == org]
        wide = part.pivot(index="year", columns="group", values="share").fillna(0.0)
        order = (part[part["group"] != "other members"].groupby("group")["usd_million"].sum()
                 .sort_values(ascending=False).index.tolist())
        order += ["other members"] if "other members" in wide.columns else []
        ax = axes[0, col]
        bottom = np.zeros(len(wide))
        handles = []
        for n, group in enumerate(order):
            colour, _ = (_OTHER_LOOK if group == "other members"
                         else (ALLIANCE_STYLE[org]["color"], None) if n == 0
                         and org in ALLIANCE_STYLE else _GROUP_LOOKS[(n - 1) % len(_GROUP_LOOKS)])
            values = 100.0 * wide[group].to_numpy()
            ax.fill_between(wide.index, bottom, bottom + values, color=colour, linewidth=0)
            handles.append(Patch(facecolor=colour, edgecolor="white",
                                 label=names.get(group, group)))
            bottom += values
        first = order[0]
        mean = 100.0 * wide[first].mean()
        ax.text(wide.index[len(wide) // 2], min(mean / 2, 45), f"{names.get(first, first)}",
                ha="center", va="center", fontsize=11, fontweight="bold", color="white")
        ax.set_ylim(0, 100)
        ax.set_xlim(wide.index.min(), wide.index.max())
        ax.set_title(org, fontsize=11, loc="left")
        ax.grid(axis="y")
        ax.set_xlabel("year (members on 31 December)")
        ax.legend(handles=list(reversed(handles)), fontsize=9, loc="upper left",
                  bbox_to_anchor=(0.0, -0.16), ncols=2, handlelength=1.2, columnspacing=0.8)
    axes[0, 0].set_ylabel("share of the members' total (%)")
    fig.suptitle(title, x=0.0, ha="left", fontweight="bold", fontsize=11.5)
    source_line(fig, f"{credit}; shares and membership by The CSTO Record "
                "(data/memberships.csv). Shares are of the members with a figure.")
    data = groups.merge(coverage[["organization", "year", "n_members", "n_with_data"]],
                        on=["organization", "year"], how="left")
    return Chart(fig, data)


def gdp_share_heatmap(
    panel: pd.DataFrame,
    states: Sequence[str],
    names: Mapping[str, str] | None = None,
    threshold_percent: float = 2.0,
    title: str = "Military spending as a share of GDP, every current and former member",
    *,
    credit: str,
) -> Chart:
    """A grid with one row per state (in ``states`` order) and one column per year: each cell
    coloured by military spending as a share of GDP (%) in the years the state was inside the CSTO
    or NATO, light grey in its years outside either, and white where SIPRI has no share. A dot
    marks the cells at or above ``threshold_percent`` (NATO's 2% guideline), so the colour scale
    is never the only cue; the row label names the alliance, "former" for a state outside it in
    the last year (``row_label``).

    ``panel`` is :func:`analysis.measures.spending.spending_panel`. The colour scale (yellow to
    red) holds no grey, so it cannot be taken for the grey of the years outside. The data
    returned is ``panel`` restricted to ``states`` with a ``drawn`` column (``inside``,
    ``outside`` or ``no share``) and a ``row_label``.

    ``credit`` is the dataset's credit line as ``data/origins.csv`` gives it
    (:func:`analysis.measures.provenance.credit_lines`).
    """
    names = dict(names or {})
    states = list(states)
    data = panel[panel["state"].isin(states)].copy()
    share = data["milex_share_of_gdp_percent"]
    data["drawn"] = np.where(share.isna(), "no share",
                             np.where(data["alliance"].notna(), "inside", "outside"))
    years = sorted(set(data["year"]))
    grid = np.full((len(states), len(years)), np.nan)
    outside = np.zeros_like(grid, dtype=bool)
    row_of = {s: i for i, s in enumerate(states)}
    col_of = {y: j for j, y in enumerate(years)}
    for s, y, v, drawn in zip(data["state"], data["year"], share, data["drawn"]):
        i, j = row_of[s], col_of[y]
        if drawn == "inside":
            grid[i, j] = v
        elif drawn == "outside":
            outside[i, j] = True
    top = float(np.nanmax(grid))
    fig, ax = plt.subplots(figsize=(7.5, 0.2 * len(states) + 1.9))
    ax.imshow(np.where(outside, 1.0, np.nan), cmap=mpl_colors.ListedColormap(["#E6E6E6"]),
              aspect="auto", interpolation="nearest", vmin=0, vmax=1)
    image = ax.imshow(grid, cmap="YlOrRd", aspect="auto", interpolation="nearest", vmin=0,
                      vmax=min(np.ceil(top), 8.0))
    hi = np.argwhere(grid >= threshold_percent)
    # Rasterized: hundreds of dots as vector marks would double the figure's weight.
    ax.plot(hi[:, 1], hi[:, 0], linestyle="none", marker="o", markersize=2.2, color="black",
            rasterized=True)
    alliance = {s: (data.loc[data["state"] == s, "alliance"].dropna().mode().iloc[0]
                    if data.loc[data["state"] == s, "alliance"].notna().any() else "")
                for s in states}
    last = max(years)
    inside_last = set(data.loc[(data["year"] == last) & data["alliance"].notna(), "state"])
    data["row_label"] = data["state"].map(
        {s: row_label(names.get(s, s), alliance[s], s in inside_last) for s in states})
    ax.set_yticks(range(len(states)), [row_label(names.get(s, s), alliance[s],
                                                 s in inside_last) for s in states])
    ax.tick_params(axis="y", labelsize=9, length=0)
    ticks = [j for j, y in enumerate(years) if y % 4 == 0]
    ax.set_xticks(ticks, [str(years[j]) for j in ticks])
    ax.grid(False)
    for spine in ax.spines.values():
        spine.set_visible(False)
    split = sum(1 for s in states if alliance[s] == "CSTO")
    ax.axhline(split - 0.5, color="black", linewidth=0.8)
    bar = fig.colorbar(image, ax=ax, shrink=0.5, pad=0.02, extend="max")
    bar.set_label("% of GDP (years inside an alliance)")
    fig.suptitle(title, x=0.0, ha="left", fontweight="bold", fontsize=11.5)
    ax.set_xlabel(f"grey: outside both alliances; white: no share; dot: "
                  f"{threshold_percent:g}% or more")
    source_line(fig, f"{credit}; membership by The CSTO Record (data/memberships.csv).")
    return Chart(fig, data.reset_index(drop=True))


def row_label(name: str, alliance: str, inside_last: bool) -> str:
    """A state's row in the GDP grid: its name and alliance, "former" when it was outside its
    alliance in the grid's last year ("Georgia (former CSTO)")."""
    if not alliance:
        return name
    return f"{name} ({alliance})" if inside_last else f"{name} (former {alliance})"


__all__ = ["burden_shares_chart", "gdp_share_heatmap", "row_label"]
