"""Charts of Russia's alliances beyond the CSTO: the treaties by kind, the defence pacts over
time, and the network of every formal tie (measures in :mod:`analysis.measures.alliances`)."""

from __future__ import annotations

import math
from collections.abc import Mapping

import matplotlib.dates as mdates
import matplotlib.pyplot as plt
import networkx as nx
import pandas as pd
from matplotlib.lines import Line2D
from matplotlib.patches import Patch

from ..data.codebook.fields import split_list
from ..measures.alliances import ATOP_END, WIDTH_CLASSES, width_class
from .base import Chart
from .style import ALLIANCE_STYLE, PALETTE, STATUS_STYLE, add_source

#: Fill and hatch of each kind of alliance in :func:`portfolio_chart` (hatch repeats colour).
KIND_STYLE: dict[str, dict] = {
    "defence_bilateral": {"color": PALETTE["vermillion"], "hatch": None,
                          "label": "Defence pact, bilateral"},
    "defence_multilateral": {"color": PALETTE["orange"], "hatch": "//",
                             "label": "Defence pact, multilateral"},
    "other_bilateral": {"color": PALETTE["sky"], "hatch": "..",
                        "label": "No defence pledge, bilateral"},
    "other_multilateral": {"color": PALETTE["blue"], "hatch": "xx",
                           "label": "No defence pledge, multilateral"},
}

#: Width, line style and colour of each edge class of :func:`tie_network_chart`.
CLASS_STYLE: dict[str, dict] = {
    "1": {"linewidth": 0.9, "linestyle": ":", "color": PALETTE["grey"]},
    "2–3": {"linewidth": 2.6, "linestyle": "--", "color": PALETTE["sky"]},
    "4+": {"linewidth": 5.5, "linestyle": "-", "color": PALETTE["blue"]},
}

#: Marker and fill of each node category of :func:`tie_network_chart`.
NODE_STYLE: dict[str, dict] = {
    "hub": {"marker": "s", "color": PALETTE["black"], "size": 620, "label": "Russia"},
    "member": {"marker": "o", "color": ALLIANCE_STYLE["CSTO"]["color"], "size": 420,
               "label": "CSTO member"},
    "frozen": {"marker": "D", "color": STATUS_STYLE["frozen"]["color"], "size": 400,
               "label": "CSTO member, participation frozen"},
    "former": {"marker": "^", "color": PALETTE["yellow"], "size": 420,
               "label": "Former CST/CSTO member"},
    "other": {"marker": "h", "color": "#DDDDDD", "size": 400, "label": "Never a member"},
}


def portfolio_chart(
    summary: pd.DataFrame,
    names: Mapping[str, str] | None = None,
    title: str = "Formal alliances in force at the end of 2016, by kind",
    *,
    credit: str,
) -> Chart:
    """One stacked horizontal bar per state of
    :func:`~analysis.measures.alliances.portfolio_summary`: its alliances split into defence pacts
    and others, bilateral and multilateral (each kind with its own colour and hatch, and its count
    printed in the segment), with the number of states its defence pacts bind it to written at the
    bar's end. Data: one row per state and kind,
    ``state``, ``kind``, ``alliances``, ``defence_partners``.

    ``credit`` is ATOP's credit line as ``data/origins.csv`` gives it
    (:func:`analysis.measures.provenance.credit_lines`)."""
    kinds = list(KIND_STYLE)
    rows = [{"state": r.state, "kind": k, "alliances": int(getattr(r, k)),
             "defence_partners": int(r.defence_partners)}
            for r in summary.itertuples() for k in kinds]
    data = pd.DataFrame(rows, columns=["state", "kind", "alliances", "defence_partners"])
    fig, ax = plt.subplots(figsize=(8, 1.2 + 0.8 * len(summary)))
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
            ax.barh(y, n, left=left, color=style["color"], hatch=style["hatch"],
                    edgecolor="#333333", linewidth=0.5, height=0.6)
            if n >= 2:
                ax.text(left + n / 2, y, str(n), ha="center", va="center", fontsize=8,
                        fontweight="bold",
                        bbox={"boxstyle": "round,pad=0.1", "fc": "white", "ec": "none",
                              "alpha": 0.85})
            left += n
        ax.text(left + top * 0.01, y, f"{r.alliances} in all; defence pacts bind it to "
                f"{r.defence_partners} states", va="center", fontsize=8)
    ax.set_yticks(list(ys), labels)
    ax.set_xlim(0, top * 1.75)
    ax.set_xlabel("Alliance treaties in force on 31 December 2016 (ATOP's last day)")
    ax.grid(True, axis="x")
    ax.set_title(title)
    # The legend sits in a strip kept free at the bottom, clear of the source line below it.
    strip = 0.55 / fig.get_figheight()
    fig.get_layout_engine().set(rect=(0, strip, 1, 1 - strip))
    legend = fig.legend(handles=[Patch(facecolor=s["color"], hatch=s["hatch"],
                                       edgecolor="#333333", label=s["label"])
                                 for s in KIND_STYLE.values()],
                        loc="lower left", bbox_to_anchor=(0.0, 0.0), ncols=2, fontsize=8)
    legend.set_in_layout(False)
    add_source(fig, credit)
    return Chart(fig, data)


def defence_pacts_chart(
    spells: pd.DataFrame,
    names: Mapping[str, str] | None = None,
    since: str = "1992-01-01",
    title: str = "Russia's alliance treaties with a defence pledge, 1992-2016",
    *,
    credit: str,
) -> Chart:
    """One bar per pact of :func:`~analysis.measures.alliances.defence_spells`, from its start
    (drawn from ``since`` for older pacts, which get a left arrow) to its end or to ATOP's last
    day (then a right arrow: in force when the data ends). Bilateral pacts are solid vermillion,
    multilateral ones orange and hatched; each row is labelled with the partners. Data: the
    spells as drawn, with ``label`` and ``drawn_start``/``drawn_end``.

    ``credit`` is ATOP's credit line as ``data/origins.csv`` gives it
    (:func:`analysis.measures.provenance.credit_lines`)."""
    first = pd.Timestamp(since)
    data = spells.copy()
    data["drawn_start"] = data["start"].where(data["start"] >= first, first)
    data["drawn_end"] = data["end"].fillna(ATOP_END)

    def label(row: pd.Series) -> str:
        who = [(names or {}).get(p, p) for p in split_list(row["partners"])]
        year = f"{row['start']:%Y}"
        if pd.notna(row["organization"]) and not row["bilateral"]:
            return f"{row['organization'].replace(';', '/')} ({len(who)} others), {year}"
        if pd.notna(row["organization"]):
            return f"{', '.join(who)} ({row['organization'].replace('_', ' ').title()}), {year}"
        return f"{', '.join(who)}, {year}"

    data["label"] = [label(r) for _, r in data.iterrows()]
    fig, ax = plt.subplots(figsize=(8, 0.9 + 0.3 * len(data)))
    ys = list(range(len(data)))[::-1]
    for y, (_, r) in zip(ys, data.iterrows(), strict=True):
        style = (KIND_STYLE["defence_bilateral"] if r["bilateral"]
                 else KIND_STYLE["defence_multilateral"])
        ax.barh(y, r["drawn_end"] - r["drawn_start"], left=r["drawn_start"], height=0.6,
                color=style["color"], hatch=style["hatch"], edgecolor="#333333", linewidth=0.5)
        if r["start"] < first:
            ax.annotate("◀", (r["drawn_start"], y), ha="right", va="center", fontsize=7)
        if pd.isna(r["end"]):
            ax.annotate("▶", (r["drawn_end"], y), ha="left", va="center", fontsize=7)
    ax.set_yticks(ys, data["label"], fontsize=8)
    ax.set_xlim(first - pd.Timedelta(days=200), ATOP_END + pd.Timedelta(days=500))
    ax.xaxis.set_major_locator(mdates.YearLocator(4))
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%Y"))
    ax.grid(True, axis="x")
    ax.set_xlabel("◀ in force before 1992 (signed by the USSR)   ▶ in force when ATOP ends (2016)")
    ax.set_title(title)
    ax.legend(handles=[Patch(facecolor=KIND_STYLE[k]["color"], hatch=KIND_STYLE[k]["hatch"],
                             edgecolor="#333333", label=KIND_STYLE[k]["label"])
                       for k in ("defence_bilateral", "defence_multilateral")],
              loc="lower left", fontsize=8)
    add_source(fig, credit)
    return Chart(fig, data)


def tie_network_chart(
    graph: nx.Graph,
    positions: Mapping[str, tuple[float, float]],
    categories: Mapping[str, str],
    hub: str = "RUS",
    title: str = "Formal ties among Russia's neighbours and partners",
    *,
    credit: str,
) -> Chart:
    """The tie graph (:func:`~analysis.measures.alliances.tie_graph`) on fixed positions, its
    edges drawn in the few classes of :data:`~analysis.measures.alliances.WIDTH_CLASSES`
    (1, 2–3, 4+ shared ties), each with its own width, line style and colour, thickest on top.

    ``positions`` maps ISO3 codes to (longitude, latitude); ``categories`` maps each state to a
    key of ``NODE_STYLE`` (the ``hub`` is always "hub"). Every node carries its ISO3 code.
    Data: one row per mark, ``kind`` "node" (``state``, ``category``, ``lon``, ``lat``) or "edge"
    (``state``, ``other``, ``weight``, ``width_class``, ``ties`` ``;``-separated).

    ``credit`` is ATOP's credit line as ``data/origins.csv`` gives it
    (:func:`analysis.measures.provenance.credit_lines`).
    """
    nodes = sorted(n for n in graph.nodes if n in positions)
    sub = graph.subgraph(nodes)
    pos = {n: positions[n] for n in nodes}
    edges = sorted(((min(a, b), max(a, b), d) for a, b, d in sub.edges(data=True)),
                   key=lambda e: (e[2]["weight"], e[0], e[1]))
    fig, ax = plt.subplots(figsize=(8, 5.4))
    for a, b, d in edges:
        style = CLASS_STYLE[width_class(d["weight"])]
        (xa, ya), (xb, yb) = pos[a], pos[b]
        ax.plot([xa, xb], [ya, yb], solid_capstyle="round", alpha=0.85, zorder=1, **style)
    category = {n: "hub" if n == hub else categories.get(n, "other") for n in nodes}
    for key, style in NODE_STYLE.items():
        chosen = [n for n in nodes if category[n] == key]
        if not chosen:
            continue
        ax.scatter([pos[n][0] for n in chosen], [pos[n][1] for n in chosen], s=style["size"],
                   marker=style["marker"], c=style["color"], edgecolors="black", linewidths=0.8,
                   zorder=3)
        for n in chosen:
            dark = key == "hub"
            ax.annotate(n, pos[n], ha="center", va="center", fontsize=7, fontweight="bold",
                        color="white" if dark else "black", zorder=4)
    ax.set_aspect(1 / math.cos(math.radians(47.5)), adjustable="datalim")
    ax.margins(0.06)
    ax.grid(False)
    ax.set_xlabel("Longitude of the state's centre (degrees east, approximate; spread apart "
                  "where crowded)")
    ax.set_ylabel("Latitude (degrees north)")
    ax.set_title(title)
    counts = pd.Series([width_class(d["weight"]) for _, _, d in edges]).value_counts()
    handles = [Line2D([], [], label=f"{name} shared tie{'s' if name != '1' else ''} "
                      f"({int(counts.get(name, 0))} pairs)", **CLASS_STYLE[name])
               for _, name in WIDTH_CLASSES]
    present = [k for k in NODE_STYLE if k in set(category.values())]
    handles += [Line2D([], [], marker=NODE_STYLE[k]["marker"], linestyle="", markersize=9,
                       markerfacecolor=NODE_STYLE[k]["color"], markeredgecolor="black",
                       label=NODE_STYLE[k]["label"]) for k in present]
    ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.0, 1.0), fontsize=8,
              handlelength=3)
    add_source(fig, f"The CSTO Record, data/memberships.csv; {credit}, read as still in force")
    node_rows = [{"kind": "node", "state": n, "other": pd.NA, "category": category[n],
                  "lon": pos[n][0], "lat": pos[n][1], "weight": pd.NA, "width_class": pd.NA,
                  "ties": pd.NA} for n in nodes]
    edge_rows = [{"kind": "edge", "state": a, "other": b, "category": pd.NA, "lon": math.nan,
                  "lat": math.nan, "weight": d["weight"], "width_class": width_class(d["weight"]),
                  "ties": ";".join(d["organizations"])} for a, b, d in edges]
    data = pd.DataFrame(node_rows + edge_rows, columns=["kind", "state", "other", "category",
                                                        "lon", "lat", "weight", "width_class",
                                                        "ties"])
    data = data.astype({"kind": "string", "state": "string", "other": "string",
                        "category": "string", "lon": "float64", "lat": "float64",
                        "weight": "Int64", "width_class": "string", "ties": "string"})
    return Chart(fig, data)


__all__ = ["CLASS_STYLE", "KIND_STYLE", "NODE_STYLE", "defence_pacts_chart",
           "portfolio_chart", "tie_network_chart"]
