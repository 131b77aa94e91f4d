"""Forces, money and arms: the members' military spending and its concentration, personnel from
two sources, arms deliveries by supplier, and who took part in the CSTO's exercises.

Charts drawn from SIPRI data carry SIPRI's credit line, and name the calculations as ours (SIPRI's
terms ask that calculations not be attributed to SIPRI).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import matplotlib.colors as mpl_colors
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.lines import Line2D
from matplotlib.patches import Patch

from ..data.codebook.fields import split_list
from .base import Chart
from .style import PALETTE, add_source

#: SIPRI's credit lines, as ``data/origins.csv`` gives them (without the leading "Source: ").
SIPRI_MILEX = "SIPRI Military Expenditure Database"
SIPRI_ARMS = "SIPRI Arms Transfers Database"
COW_NMC = "Correlates of War Project, National Material Capabilities v7.0"

#: Colour and hatch of each alliance in these charts (hatch repeats what the colour says).
ALLIANCE_LOOK = {"CSTO": {"color": PALETTE["vermillion"], "hatch": "//", "marker": "o"},
                 "NATO": {"color": PALETTE["blue"], "hatch": None, "marker": "s"}}

#: Colours and hatches for up to six stacked groups, then "other members" in grey.
_GROUP_LOOKS = [(PALETTE["vermillion"], None), (PALETTE["orange"], "//"),
                (PALETTE["sky"], "\\\\"), (PALETTE["green"], ".."), (PALETTE["purple"], "xx"),
                (PALETTE["yellow"], "++")]
_OTHER_LOOK = ("#CCCCCC", "--")

#: Colour and hatch of each supplier in the arms chart.
SUPPLIER_LOOK = {
    "RUS": (PALETTE["vermillion"], None), "UKR": (PALETTE["yellow"], ".."),
    "BLR": (PALETTE["orange"], "//"), "ISR": (PALETTE["blue"], "\\\\"),
    "TUR": (PALETTE["green"], "xx"), "USA": (PALETTE["sky"], "++"),
    "CHN": (PALETTE["purple"], "oo"), "IND": ("#555555", "||"), "others": ("#CCCCCC", "--"),
}


def burden_shares_chart(
    groups: pd.DataFrame,
    coverage: pd.DataFrame,
    names: Mapping[str, str] | None = None,
    title: str = "Whose money: each alliance's military spending as shares of its members",
    source: str = SIPRI_MILEX,
) -> Chart:
    """For each alliance, a 100% stacked area of its members' military spending (constant 2023
    US$) year by year, the largest spenders drawn on their own, and under it a step line of how
    many members have a figure against how many there were.

    ``groups`` is :func:`analysis.measures.forces.spending_groups`; ``coverage`` is
    :func:`analysis.measures.forces.spending_coverage`; ``names`` maps ISO3 codes to the labels
    shown. Each group has its own colour and is named in the legend, listed in the order the
    bands are stacked (hatching is left out: it would triple the image's weight). The data
    returned is ``groups`` with the coverage columns ``n_members`` and ``n_with_data`` of the
    alliance-year.
    """
    names = dict(names or {})
    alliances = list(dict.fromkeys(groups["organization"]))
    fig, axes = plt.subplots(2, len(alliances), figsize=(9, 5.2), sharex=True,
                             gridspec_kw={"height_ratios": [4, 1.2]}, squeeze=False)
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
            colour, _ = _OTHER_LOOK if group == "other members" else _GROUP_LOOKS[
                n % len(_GROUP_LOOKS)]
            values = 100.0 * wide[group].to_numpy()
            ax.fill_between(wide.index, bottom, bottom + values, color=colour, linewidth=0)
            label = names.get(group, group)
            handles.append(Patch(facecolor=colour, edgecolor="white", label=label))
            bottom += values
        first = order[0]
        mean = 100.0 * wide[first].mean()
        ax.text(wide.index[len(wide) // 2], min(mean / 2, 45), f"{names.get(first, first)}",
                ha="center", va="center", fontsize=10, fontweight="bold", color="white")
        ax.set_ylim(0, 100)
        ax.set_title(org, fontsize=11)
        ax.grid(axis="y")
        ax.legend(handles=list(reversed(handles)), fontsize=7.5, loc="lower left",
                  bbox_to_anchor=(0.0, 0.0), framealpha=0.9, frameon=True)
        cov = coverage[coverage["organization"] == org].sort_values("year")
        low = axes[1, col]
        low.step(cov["year"], cov["n_members"], where="mid", color="#555555", linewidth=1.2,
                 linestyle="--", label="members")
        low.step(cov["year"], cov["n_with_data"], where="mid", color=ALLIANCE_LOOK.get(
            org, {"color": "black"})["color"], linewidth=1.6, label="with a figure")
        low.set_ylim(0, cov["n_members"].max() * 1.25)
        low.set_xlabel("year (members on 31 December)")
        low.legend(fontsize=7.5, loc="lower right", ncol=2)
        low.grid(axis="y")
    axes[0, 0].set_ylabel("share of the members' total (%)")
    axes[1, 0].set_ylabel("states")
    fig.suptitle(title, x=0.0, ha="left", fontweight="bold", fontsize=12)
    add_source(fig, f"{source}; shares and membership by The CSTO Record "
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
    source: str = SIPRI_MILEX,
) -> Chart:
    """A grid with one row per state (in ``states`` order) and one column per year: each cell
    coloured by military spending as a share of GDP (%) in the years the state was inside the CSTO
    or NATO, light grey in its years outside either, and white where SIPRI has no share. A dot
    marks the cells at or above ``threshold_percent`` (NATO's 2% guideline), so the colour scale
    is never the only cue; the row label names the alliance.

    ``panel`` is :func:`analysis.measures.forces.spending_panel`. The colour scale (cividis) is
    readable with the common forms of colour blindness. The data returned is ``panel``
    restricted to ``states`` with a ``drawn`` column: ``inside``, ``outside`` or ``no share``.
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
    fig, ax = plt.subplots(figsize=(9, 0.17 * len(states) + 1.6))
    ax.imshow(np.where(outside, 1.0, np.nan), cmap=mpl_colors.ListedColormap(["#E6E6E6"]),
              aspect="auto", interpolation="nearest", vmin=0, vmax=1)
    image = ax.imshow(grid, cmap="cividis_r", aspect="auto", interpolation="nearest", vmin=0,
                      vmax=min(np.ceil(top), 8.0))
    hi = np.argwhere(grid >= threshold_percent)
    # Rasterized: hundreds of dots as vector marks would double the figure's weight.
    ax.plot(hi[:, 1], hi[:, 0], linestyle="none", marker="o", markersize=1.8, color="white",
            rasterized=True)
    alliance = {s: (data.loc[data["state"] == s, "alliance"].dropna().mode().iloc[0]
                    if data.loc[data["state"] == s, "alliance"].notna().any() else "")
                for s in states}
    ax.set_yticks(range(len(states)), [f"{names.get(s, s)} ({alliance[s]})" for s in states],
                  fontsize=7)
    ticks = [j for j, y in enumerate(years) if y % 4 == 0]
    ax.set_xticks(ticks, [str(years[j]) for j in ticks], fontsize=7.5)
    ax.grid(False)
    for spine in ax.spines.values():
        spine.set_visible(False)
    split = sum(1 for s in states if alliance[s] == "CSTO")
    ax.axhline(split - 0.5, color="black", linewidth=0.8)
    bar = fig.colorbar(image, ax=ax, shrink=0.5, pad=0.02, extend="max")
    bar.set_label("% of GDP (years inside an alliance)", fontsize=8)
    ax.set_title(title)
    ax.set_xlabel(f"year; grey: outside both alliances; white: no share; dot: "
                  f"{threshold_percent:g}% or more", fontsize=8)
    add_source(fig, f"{source}; membership by The CSTO Record (data/memberships.csv).")
    return Chart(fig, data.reset_index(drop=True))


def personnel_chart(
    comparison: pd.DataFrame,
    alliance_of: Mapping[str, str],
    names: Mapping[str, str] | None = None,
    title: str = "Military personnel of every member, from two sources",
    source: str = f"{COW_NMC}; data/capabilities.csv (IISS, NATO, CIA, GFP, BICC figures)",
) -> Chart:
    """One row per state, grouped by alliance and sorted by size: COW's latest personnel figure
    (filled circle) and the curated figure (open diamond, with its year), on a log scale, joined
    by a line where both exist.

    ``comparison`` is :func:`analysis.measures.forces.personnel_two_sources`; ``alliance_of``
    maps each state to its alliance. States whose COW figure is 0 (under 500, or no armed forces)
    are listed with a note, since a log scale cannot place them. The data returned is ``comparison`` with an
    ``alliance`` column, in the order drawn (top first).
    """
    names = dict(names or {})
    data = comparison.copy()
    data["alliance"] = data["state"].map(dict(alliance_of)).astype("string")
    size = data["cow_persons"].fillna(data["curated_persons"])
    data = data.assign(_size=size).sort_values(["alliance", "_size"], ascending=[True, False])
    data = data.drop(columns="_size").reset_index(drop=True)
    fig, ax = plt.subplots(figsize=(9, 0.2 * len(data) + 1.6))
    y = np.arange(len(data))[::-1]
    low = 1000.0
    for yi, (_, row) in zip(y, data.iterrows()):
        look = ALLIANCE_LOOK.get(row["alliance"], {"color": PALETTE["grey"], "marker": "o"})
        cow, cur = row["cow_persons"], row["curated_persons"]
        if pd.notna(cow) and pd.notna(cur) and cow > 0:
            ax.plot([cow, cur], [yi, yi], color="#999999", linewidth=1, zorder=1)
        if pd.notna(cow) and cow > 0:
            ax.plot(cow, yi, marker="o", color=look["color"], markersize=5, zorder=3)
        elif pd.notna(cow):
            ax.text(low * 1.1, yi, "COW: 0 (in thousands, rounded)", va="center", fontsize=7,
                    color="#555555")
        if pd.notna(cur) and cur > 0:
            ax.plot(cur, yi, marker="D", markerfacecolor="white", markeredgecolor="black",
                    markersize=5, zorder=4)
            left = pd.notna(cow) and cur < cow  # the year on the side away from COW's dot
            ax.annotate(str(row["curated_year"]), (cur, yi), xytext=(-6 if left else 6, 0),
                        textcoords="offset points", va="center", ha="right" if left else "left",
                        fontsize=6.5, color="#333333")
    ax.set_yticks(y, [f"{names.get(s, s)} ({a})" for s, a in zip(data["state"],
                                                                   data["alliance"])],
                  fontsize=7.5)
    ax.set_xscale("log")
    ax.set_xlim(low, 3e6)
    ax.set_ylim(-1, len(data))
    ax.set_xlabel("military personnel (persons, log scale)")
    ax.set_title(title)
    handles = [Line2D([], [], linestyle="none", marker="o", color="#444444",
                      label="COW, latest year (2022)"),
               Line2D([], [], linestyle="none", marker="D", markerfacecolor="white",
                      markeredgecolor="black", label="curated figure (year beside it)")]
    ax.legend(handles=handles, loc="lower right", fontsize=8, frameon=True, framealpha=0.9)
    add_source(fig, source)
    return Chart(fig, data)


def arms_supplier_chart(
    shares: pd.DataFrame,
    recipients: Sequence[str],
    labels: Mapping[str, str],
    names: Mapping[str, str] | None = None,
    title: str = "Who armed the CSTO's members: major arms delivered, by supplier and period",
    source: str = SIPRI_ARMS,
) -> Chart:
    """Small multiples, one per recipient: stacked bars of the arms delivered in each period by
    supplier (SIPRI trend-indicator values, a volume index, not money), each bar labelled with
    Russia's share.

    ``shares`` is :func:`analysis.measures.forces.supplier_shares`; ``labels`` gives each
    recipient's panel title (its name and membership). Suppliers have their own colour, and
    each segment tall enough carries the supplier's code, so colour is never the only cue.
    Scales differ between panels (each panel's own maximum). The data returned is
    ``shares`` for ``recipients``.
    """
    names = dict(names or {})
    recipients = list(recipients)
    data = shares[shares["recipient"].isin(recipients)].reset_index(drop=True)
    periods = sorted(set(shares["period"]))
    suppliers = [s for s in SUPPLIER_LOOK if s in set(data["supplier"])]
    ncols = 3
    nrows = -(-len(recipients) // ncols)
    fig, axes = plt.subplots(nrows, ncols, figsize=(9, 2.2 * nrows + 0.9), sharex=True,
                             squeeze=False)
    for n, recipient in enumerate(recipients):
        ax = axes[n // ncols, n % ncols]
        part = data[data["recipient"] == recipient]
        wide = part.pivot(index="period", columns="supplier", values="tiv_million")
        wide = wide.reindex(index=periods).fillna(0.0)
        bottom = np.zeros(len(periods))
        segments = []
        for supplier in suppliers:
            if supplier not in wide.columns:
                continue
            colour, _ = SUPPLIER_LOOK[supplier]
            values = wide[supplier].to_numpy()
            drawn = values > 0  # no empty rectangles: they only add weight
            ax.bar(np.arange(len(periods))[drawn], values[drawn], bottom=bottom[drawn],
                   color=colour, edgecolor="white", linewidth=0.4, width=0.7)
            bottom += values
            segments.append((supplier, values, bottom - values))
        # Each segment tall enough to hold it is labelled with its supplier's code, so
        # colour is never the only cue (hatching would triple the image's weight).
        for supplier, values, base in segments:
            for x, value in enumerate(values):
                # Russia's segments need no code: the label on each bar gives its share.
                if supplier != "RUS" and value >= 0.14 * bottom.max():
                    ax.text(x, base[x] + value / 2, supplier if supplier != "others" else "oth.",
                            ha="center", va="center", fontsize=6,
                            color="white" if supplier in ("RUS", "ISR", "IND", "CHN", "TUR")
                            else "black")
        for x, period in enumerate(periods):
            total = bottom[x]
            if total <= 0:
                ax.text(x, 0, "none", ha="center", va="bottom", fontsize=6.5, color="#555555")
                continue
            rus = wide.loc[period, "RUS"] if "RUS" in wide.columns else 0.0
            text = "" if recipient == "RUS" else f"{100 * rus / total:.0f}%"
            ax.text(x, total, text, ha="center", va="bottom", fontsize=6.5)
        ax.set_ylim(0, max(bottom.max(), 1.0) * 1.22)
        ax.set_title(labels.get(recipient, recipient), fontsize=8, loc="left")
        ax.grid(axis="y", linewidth=0.4)
        ax.tick_params(labelsize=7)
        ax.set_xticks(range(len(periods)), periods, fontsize=6.5)
    for n in range(len(recipients), nrows * ncols):
        axes[n // ncols, n % ncols].set_visible(False)
    for row in axes:
        row[0].set_ylabel("TIV (million)", fontsize=7.5)
    handles = [Patch(facecolor=SUPPLIER_LOOK[s][0], edgecolor="white",
                     label=f"{s}: {names.get(s, s)}" if s != "others" else "oth.: others")
               for s in suppliers]
    fig.legend(handles=handles, loc="outside upper center", ncol=5, fontsize=7.5)
    fig.suptitle(title + "\n(labels: Russia's share of each bar)", x=0.0, ha="left",
                 fontweight="bold", fontsize=11)
    add_source(fig, f"{source}; sums by year, period and supplier by The CSTO Record. TIV is "
               "SIPRI's volume index of military capability, not a price.")
    return Chart(fig, data)


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

    ``record`` is :func:`analysis.measures.forces.exercise_record`. The data returned has one row
    per exercise and state: ``exercise_id``, ``name``, ``year``, ``state`` and ``mark``
    (``took part``, ``absent``, ``member, participants unknown``, ``member, not held`` or
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


__all__ = [
    "arms_supplier_chart",
    "burden_shares_chart",
    "exercise_grid_chart",
    "gdp_share_heatmap",
    "personnel_chart",
]
