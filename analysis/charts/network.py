"""Network charts: what ties the states together, and whose soldiers are where (the maps are in
:mod:`analysis.charts.maps`)."""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping

import matplotlib.dates as mdates
import matplotlib.pyplot as plt
import networkx as nx
import numpy as np
import pandas as pd
from matplotlib.lines import Line2D

from .base import Chart
from .maps import STANDARD_PARALLEL
from .style import PALETTE, add_source

#: Colour and marker of each base operator; any other operator gets grey squares.
OPERATOR_STYLE: dict[str, dict] = {
    "RUS": {"color": PALETTE["vermillion"], "marker": "o", "linestyle": "-"},
    "USA": {"color": PALETTE["blue"], "marker": "s", "linestyle": "--"},
    "DEU": {"color": PALETTE["green"], "marker": "^", "linestyle": ":"},
}
_OTHER_OPERATOR = {"color": PALETTE["grey"], "marker": "D", "linestyle": "-."}


def network_drawing(
    graph: nx.Graph,
    positions: Mapping[str, tuple[float, float]],
    nodes: Iterable[str] | None = None,
    hub: str = "RUS",
    title: str | None = None,
    source: str = "The CSTO Record, data/memberships.csv",
) -> Chart:
    """The state projection (:func:`analysis.measures.network.state_projection`) drawn on fixed
    positions.

    ``positions`` maps ISO3 codes to (longitude, latitude), e.g. from
    :func:`analysis.measures.maps.state_positions` (then :func:`analysis.measures.maps.declutter`),
    so a node stays in place from one snapshot to the next. ``nodes`` limits the drawing to those
    states (default: every state with a position). Edge width grows with the number of shared
    organizations; every node carries its ISO3 code, the ``hub`` is larger, darker and in bold.
    Data: one row per mark,
    ``kind`` "node" (``state``, ``lon``, ``lat``, ``weighted_degree``) or "edge" (``state``,
    ``other``, ``weight``, ``organizations`` ``;``-separated).
    """
    wanted = [n for n in (nodes if nodes is not None else graph.nodes) if n in positions]
    sub = graph.subgraph(n for n in wanted if n in graph)
    fig, ax = plt.subplots(figsize=(8, 4.6))
    pos = {n: positions[n] for n in sub.nodes}
    edges = sorted((min(a, b), max(a, b), d) for a, b, d in sub.edges(data=True))
    widths = [0.8 + 1.2 * (d.get("weight", 1) - 1) for _, _, d in edges]
    nx.draw_networkx_edges(sub, pos, edgelist=[(a, b) for a, b, _ in edges], width=widths,
                           edge_color=PALETTE["grey"], alpha=0.7, ax=ax)
    others = sorted(n for n in sub.nodes if n != hub)
    nx.draw_networkx_nodes(sub, pos, nodelist=others, node_color=PALETTE["sky"], node_size=420,
                           edgecolors=PALETTE["blue"], linewidths=1.0, ax=ax)
    nx.draw_networkx_labels(sub, pos, labels={n: n for n in others}, font_size=7, ax=ax)
    if hub in sub:
        nx.draw_networkx_nodes(sub, pos, nodelist=[hub], node_color=PALETTE["vermillion"],
                               node_shape="s", node_size=700, edgecolors="black", ax=ax)
        nx.draw_networkx_labels(sub, pos, labels={hub: hub}, font_size=8, font_weight="bold",
                                font_color="white", ax=ax)
    ax.set_aspect(1 / math.cos(math.radians(STANDARD_PARALLEL)), adjustable="datalim")
    ax.margins(0.08)
    ax.grid(False)
    ax.tick_params(left=True, bottom=True, labelleft=True, labelbottom=True)
    ax.set_xlabel("Longitude of the state's centre (degrees east, approximate)")
    ax.set_ylabel("Latitude (degrees north)")
    date = graph.graph.get("date")
    ax.set_title(title or "States sharing organizations"
                 + (f", {pd.Timestamp(date):%d %B %Y}" if date is not None else ""))
    top = max((d.get("weight", 1) for _, _, d in edges), default=1)
    handles = [Line2D([], [], color=PALETTE["grey"], linewidth=0.8 + 1.2 * (w - 1),
                      label=f"{w} shared organization{'s' if w > 1 else ''}")
               for w in range(1, top + 1)]
    handles.append(Line2D([], [], marker="s", linestyle="", markersize=10,
                          markerfacecolor=PALETTE["vermillion"], markeredgecolor="black",
                          label=f"{hub} (hub)"))
    ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.0, 1.0), fontsize=8)
    add_source(fig, source)
    node_rows = [{"kind": "node", "state": n, "other": pd.NA, "lon": pos[n][0], "lat": pos[n][1],
                  "weighted_degree": sub.degree(n, weight="weight"), "weight": pd.NA,
                  "organizations": pd.NA} for n in sorted(sub.nodes)]
    edge_rows = [{"kind": "edge", "state": a, "other": b, "lon": np.nan, "lat": np.nan,
                  "weighted_degree": pd.NA, "weight": d.get("weight", 1),
                  "organizations": ";".join(d.get("organizations", []))} for a, b, d in edges]
    data = pd.DataFrame(node_rows + edge_rows,
                        columns=["kind", "state", "other", "lon", "lat", "weighted_degree",
                                 "weight", "organizations"])
    data = data.astype({"kind": "string", "state": "string", "other": "string", "lon": "float64",
                        "lat": "float64", "weighted_degree": "Int64", "weight": "Int64",
                        "organizations": "string"})
    return Chart(fig, data)


def bases_chart(
    counts: pd.DataFrame,
    states: pd.DataFrame | None = None,
    ncols: int = 4,
    title: str = "Foreign military installations on members' soil",
    source: str = "The CSTO Record, data/bases.csv",
) -> Chart:
    """Installations in use per host over time, one panel per host, one step line per operator.

    ``counts`` is :func:`analysis.measures.installations.bases_per_host` over a series of dates.
    Each operator has its own colour, marker and line style (Russia: vermillion circles, solid).
    Panels are
    titled with the host's name when ``states`` is given. Data: ``counts`` as drawn.
    """
    data = counts.sort_values(["host", "operator", "date"]).reset_index(drop=True)
    hosts = sorted(data["host"].unique())
    operators = sorted(data["operator"].unique(), key=lambda o: (o not in OPERATOR_STYLE, o))
    names = states.set_index("iso3")["name"] if states is not None else pd.Series(dtype="string")
    nrows = math.ceil(len(hosts) / ncols)
    fig, axes = plt.subplots(nrows, ncols, figsize=(2.3 * ncols, 1.9 * nrows + 0.9),
                             sharex=True, sharey=True, squeeze=False)
    top = int(data["installations"].max()) if len(data) else 1
    for ax, host in zip(axes.flat, hosts):
        for operator in operators:
            line = data[(data["host"] == host) & (data["operator"] == operator)]
            if line.empty or (line["installations"] == 0).all():
                continue
            style = OPERATOR_STYLE.get(operator, _OTHER_OPERATOR)
            ax.step(line["date"], line["installations"], where="post", color=style["color"],
                    linestyle=style["linestyle"], linewidth=1.4)
            # Markers where the count changes (and at the start), not on every date.
            changes = line[line["installations"].diff().fillna(1) != 0]
            ax.plot(changes["date"], changes["installations"], linestyle="",
                    marker=style["marker"], markersize=4, color=style["color"])
        ax.set_title(str(names.get(host, host)), fontsize=9)
        ax.set_ylim(0, top + 0.8)
        ax.set_yticks(range(0, top + 1, max(1, top // 4 or 1)))
        ax.grid(True, axis="y")
        ax.tick_params(labelsize=7, labelbottom=True)
        ax.xaxis.set_major_locator(mdates.YearLocator(10))
        ax.xaxis.set_major_formatter(mdates.DateFormatter("%Y"))
    spare = list(axes.flat)[len(hosts):]
    for ax in spare:
        ax.set_visible(False)
    fig.suptitle(title, x=0.0, ha="left", fontweight="bold")
    fig.supxlabel("Year (a marker where the count changes)", fontsize=9)
    fig.supylabel("Installations in use", fontsize=9)
    handles = [Line2D([], [], label=o,
                      **OPERATOR_STYLE.get(o, _OTHER_OPERATOR)) for o in operators]
    if spare:
        # An empty panel slot is the natural place for the legend.
        spare[0].set_visible(True)
        spare[0].axis("off")
        spare[0].legend(handles=handles, title="Operator", loc="center", fontsize=8)
    else:
        fig.legend(handles=handles, title="Operator", loc="outside right upper", fontsize=8)
    add_source(fig, source)
    return Chart(fig, data)


__all__ = ["OPERATOR_STYLE", "bases_chart", "network_drawing"]
