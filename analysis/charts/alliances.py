"""Charts of Russia's alliances beyond the CSTO: the treaties by kind, the defence pacts over
time, and the network of every formal tie (measures in :mod:`analysis.measures.alliances`)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import matplotlib.dates as mdates
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.colors import BoundaryNorm, ListedColormap
from matplotlib.patches import Patch

from ..data.codebook.fields import split_list
from ..measures.alliances import ATOP_END
from .base import Chart
from .sourceline import source_line
from .style import PALETTE

#: Fill of each kind of alliance in :func:`portfolio_chart` and :func:`defence_pacts_chart`
#: (colour alone tells the kinds apart; the key names them).
KIND_STYLE: dict[str, dict] = {
    "defence_bilateral": {"color": PALETTE["vermillion"], "label": "Defence pact, bilateral"},
    "defence_multilateral": {"color": PALETTE["orange"], "label": "Defence pact, multilateral"},
    "other_bilateral": {"color": PALETTE["sky"], "label": "No defence pledge, bilateral"},
    "other_multilateral": {"color": PALETTE["blue"], "label": "No defence pledge, multilateral"},
}
#: A defence pact signed after ATOP's data end, added from the book's own events.
LATER_STYLE = {"color": PALETTE["purple"],
               "label": "Defence pact, bilateral, signed after ATOP's data end"}

def portfolio_chart(
    summary: pd.DataFrame,
    names: Mapping[str, str] | None = None,
    title: str = "Formal alliances in force at the end of 2016, by kind",
    *,
    credit: str,
) -> Chart:
    """One stacked horizontal bar per state of
    :func:`~analysis.measures.alliances.portfolio_summary`: its alliances split into defence pacts
    and others, bilateral and multilateral (each kind in its own colour, named in the key, and its
    count printed in the segment), with the number of states its defence pacts bind it to written
    at the bar's end. Data: one row per state and kind,
    ``state``, ``kind``, ``alliances``, ``defence_partners``.

    ``credit`` is ATOP's credit line as ``data/origins.csv`` gives it
    (:func:`analysis.measures.provenance.credit_lines`)."""
    kinds = list(KIND_STYLE)
    rows = [{"state": r.state, "kind": k, "alliances": int(getattr(r, k)),
             "defence_partners": int(r.defence_partners)}
            for r in summary.itertuples() for k in kinds]
    data = pd.DataFrame(rows, columns=["state", "kind", "alliances", "defence_partners"])
    fig, ax = plt.subplots(figsize=(7.5, 1.6 + 0.8 * len(summary)))
    labels = [(names or {}).get(s, s) for s in summary["state"]]
    ys = range(len(summary))[::-1]
    top = int(summary["alliances"].max())
    for y, r in zip(ys, summary.itertuples(), strict=True):
        left = 0
        for kind in kinds:
            n = int(getattr(r, kind))
            if n == 0:
                continue
            style = KIND_STYLE[kind]
            ax.barh(y, n, left=left, color=style["color"], edgecolor="white", linewidth=0.8,
                    height=0.6)
            if n >= 3:
                ax.text(left + n / 2, y, str(n), ha="center", va="center", fontsize=9,
                        fontweight="bold",
                        bbox={"boxstyle": "round,pad=0.1", "fc": "white", "ec": "none",
                              "alpha": 0.85})
            left += n
        ax.text(left + top * 0.01, y, f"{r.alliances} in all;\ndefence pacts bind it to "
                f"{r.defence_partners} states", va="center", fontsize=9)
    ax.set_yticks(list(ys), labels)
    ax.set_xlim(0, top * 1.6)
    ax.set_xlabel("Alliance treaties in force on 31 December 2016 (ATOP's last day)")
    ax.grid(True, axis="x")
    ax.tick_params(axis="y", length=0)
    ax.set_title(title, loc="left", fontsize=11.5)
    # The key sits in a strip kept free at the bottom, clear of the source line below it.
    strip = 0.6 / fig.get_figheight()
    fig.get_layout_engine().set(rect=(0, strip, 1, 1 - strip))
    legend = fig.legend(handles=[Patch(facecolor=s["color"], label=s["label"])
                                 for s in KIND_STYLE.values()],
                        loc="lower left", bbox_to_anchor=(0.0, 0.0), ncols=2, fontsize=9)
    legend.set_in_layout(False)
    source_line(fig, credit)
    return Chart(fig, data)


def defence_pacts_chart(
    spells: pd.DataFrame,
    names: Mapping[str, str] | None = None,
    since: str = "1992-01-01",
    until: str | pd.Timestamp | None = None,
    title: str = "Russia's alliance treaties with a defence pledge, 1992-2016",
    *,
    credit: str,
) -> Chart:
    """One bar per pact of :func:`~analysis.measures.alliances.defence_spells`, from its start
    (drawn from ``since`` for older pacts, which get a left arrow) to its end or to ATOP's last
    day (then a right arrow: in force when the data ends). Bilateral pacts in one colour,
    multilateral ones in another; each row is labelled with the partners.

    Rows with ``later`` set are pacts signed after ATOP's data end, taken from the book's own
    events: drawn in a third colour from their signature to ``until`` (the data's cut-off),
    with a dashed line at ATOP's last day. Data: the spells as drawn, with ``label`` and
    ``drawn_start``/``drawn_end``.

    ``credit`` is ATOP's credit line as ``data/origins.csv`` gives it
    (:func:`analysis.measures.provenance.credit_lines`)."""
    first = pd.Timestamp(since)
    data = spells.copy()
    if "later" not in data:
        data["later"] = False
    data["later"] = data["later"].fillna(False).astype(bool)
    last = pd.Timestamp(until) if until is not None else ATOP_END
    data["drawn_start"] = data["start"].where(data["start"] >= first, first)
    data["drawn_end"] = data["end"].fillna(ATOP_END).where(~data["later"], last)

    def label(row: pd.Series) -> str:
        who = [(names or {}).get(p, p) for p in split_list(row["partners"])]
        year = f"{row['start']:%Y}"
        if pd.notna(row["organization"]) and not row["bilateral"]:
            return f"{row['organization'].replace(';', '/')} ({len(who)} others), {year}"
        if pd.notna(row["organization"]):
            return f"{', '.join(who)} ({row['organization'].replace('_', ' ').title()}), {year}"
        return f"{', '.join(who)}, {year}"

    data["label"] = [label(r) for _, r in data.iterrows()]
    fig, ax = plt.subplots(figsize=(7.5, 1.6 + 0.3 * len(data)))
    ys = list(range(len(data)))[::-1]
    for y, (_, r) in zip(ys, data.iterrows(), strict=True):
        style = (LATER_STYLE if r["later"] else KIND_STYLE["defence_bilateral"] if r["bilateral"]
                 else KIND_STYLE["defence_multilateral"])
        ax.barh(y, r["drawn_end"] - r["drawn_start"], left=r["drawn_start"], height=0.6,
                color=style["color"])
        if r["start"] < first:
            ax.annotate("◀", (r["drawn_start"], y), ha="right", va="center", fontsize=9)
        if pd.isna(r["end"]) and not r["later"]:
            ax.annotate("▶", (r["drawn_end"], y), ha="left", va="center", fontsize=9)
    ax.set_yticks(ys, data["label"])
    ax.set_xlim(first - pd.Timedelta(days=200), max(last, ATOP_END) + pd.Timedelta(days=500))
    if data["later"].any():
        ax.axvline(ATOP_END, color="#555555", linestyle="--", linewidth=0.9)
    ax.xaxis.set_major_locator(mdates.YearLocator(4))
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%Y"))
    ax.grid(True, axis="x")
    ax.tick_params(axis="y", length=0)
    ax.set_xlabel("◀ signed by the USSR   ▶ in force when ATOP's data end (2016)")
    fig.suptitle(title, x=0.0, ha="left", fontweight="bold", fontsize=11.5)
    shown = [KIND_STYLE["defence_bilateral"], KIND_STYLE["defence_multilateral"]]
    if data["later"].any():
        shown.append(LATER_STYLE)
    strip = (0.35 + 0.27 * len(shown)) / fig.get_figheight()
    fig.get_layout_engine().set(rect=(0, strip, 1, 1 - strip))
    legend = fig.legend(handles=[Patch(facecolor=st["color"], label=st["label"]) for st in shown],
                        loc="lower left", bbox_to_anchor=(0.0, 0.0), ncols=1, fontsize=9)
    legend.set_in_layout(False)
    source_line(fig, f"{credit}; pacts after 2016: The CSTO Record, data/events.csv"
                if data["later"].any() else credit)
    return Chart(fig, data)


def tie_matrix_chart(
    matrix: pd.DataFrame,
    names: Mapping[str, str],
    groups: Sequence[tuple[str, Sequence[str]]],
    title: str,
    *,
    credit: str,
) -> Chart:
    """The tie graph as a matrix (:func:`~analysis.measures.alliances.tie_matrix`): one row and
    one column per state, in ``groups`` order (a label and its states; a thin line between
    groups), the lower triangle only, each cell the number of formal ties the two states share,
    written in it and shaded darker for more (a colour bar is the key).

    Data: one row per pair drawn, ``state``, ``other`` and ``ties``.

    ``credit`` is ATOP's credit line as ``data/origins.csv`` gives it
    (:func:`analysis.measures.provenance.credit_lines`)."""
    order = [s for _, members in groups for s in members if s in matrix.index]
    values = matrix.loc[order, order].to_numpy(dtype=float)
    n = len(order)
    lower = np.tril(np.ones((n, n), dtype=bool), k=-1)
    shown = np.where(lower, values, np.nan)
    top = int(np.nanmax(shown)) if lower.any() else 1
    shades = plt.get_cmap("Blues")(np.linspace(0.08, 0.95, top + 1))
    shades[0] = (1.0, 1.0, 1.0, 1.0)
    cmap = ListedColormap(shades)
    norm = BoundaryNorm(np.arange(-0.5, top + 1.5), cmap.N)
    fig, ax = plt.subplots(figsize=(7.5, 7.3))
    image = ax.imshow(np.ma.masked_invalid(shown), cmap=cmap, norm=norm, aspect="equal")
    rows = []
    for i in range(n):
        for j in range(i):
            count = int(values[i, j])
            rows.append({"state": order[i], "other": order[j], "ties": count})
            if count:
                ax.text(j, i, str(count), ha="center", va="center", fontsize=9,
                        color="white" if count > top * 0.6 else "black")
    labels = [names.get(s, s) for s in order]
    ax.set_xticks(range(n), labels, rotation=90)
    ax.set_yticks(range(n), labels)
    ax.tick_params(length=0)
    ax.grid(False)
    for side in ("top", "right", "left", "bottom"):
        ax.spines[side].set_visible(False)
    edge = -0.5
    for _, members in groups[:-1]:
        edge += len([s for s in members if s in matrix.index])
        ax.plot([-0.5, edge], [edge, edge], color="#333333", linewidth=0.8)
        ax.plot([edge, edge], [edge, n - 0.5], color="#333333", linewidth=0.8)
    ax.set_xlim(-0.5, n - 1.5)
    ax.set_ylim(n - 0.5, 0.5)
    bar = fig.colorbar(image, ax=ax, shrink=0.5, ticks=range(0, top + 1), location="right")
    bar.set_label("Formal ties the two states share")
    ax.set_title(title, loc="left", fontsize=11.5)
    source_line(fig, f"The CSTO Record, data/memberships.csv; {credit}, read as still in force")
    return Chart(fig, pd.DataFrame(rows, columns=["state", "other", "ties"]))


__all__ = ["KIND_STYLE", "LATER_STYLE", "defence_pacts_chart", "portfolio_chart",
           "tie_matrix_chart"]
