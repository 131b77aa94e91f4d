"""The alliance as a network: who shares which organizations with whom, and how much runs via
Russia.

Graphs are built for one date from the tables (intervals include ``start`` and exclude ``end``,
as in :mod:`analysis.measures.membership`):

* :func:`affiliation_graph`: the bipartite graph of states and the organizations they belong to;
* :func:`state_projection`: states linked by the number of organizations they share;
* :func:`network_measures` and :func:`network_summary`: centrality, density and the ties that run
  only through the hub.

The alliance over time is in :mod:`analysis.measures.snapshots`, foreign installations in
:mod:`analysis.measures.installations`.
"""

from __future__ import annotations

from collections.abc import Iterable
from itertools import combinations

import networkx as nx
import numpy as np
import pandas as pd

from ..data.dates import to_day
from .membership import AFFILIATED, ALLIANCE, Intervals


def state_nodes(graph: nx.Graph) -> list[str]:
    """The state nodes of an affiliation graph, sorted."""
    return sorted(n for n, kind in graph.nodes(data="kind") if kind == "state")


def affiliation_graph(
    memberships: pd.DataFrame,
    date: str | pd.Timestamp,
    statuses: Iterable[str] = AFFILIATED,
) -> nx.Graph:
    """Bipartite graph of states and organizations on ``date``.

    Nodes are ISO3 codes (attribute ``kind="state"``) and organization codes (``kind=
    "organization"``); an edge joins a state to an organization when the state holds one of
    ``statuses`` in it on the date, with the attribute ``status``. By default a state is tied to an
    organization it has signed, belongs to, or is suspended from, frozen in or leaving; partners
    (``partner_suspended`` included) and observers are not. Only states and organizations with at
    least one edge appear.
    """
    return affiliation_graph_of(Intervals(memberships), to_day(date), statuses)


def affiliation_graph_of(table: Intervals, day: pd.Timestamp,
                         statuses: Iterable[str] = AFFILIATED) -> nx.Graph:
    """:func:`affiliation_graph` from the membership table read once
    (:class:`~analysis.measures.membership.Intervals`), for asking about many days."""
    rows = table.in_force(day, statuses=statuses)
    clash = {table.state[i] for i in rows} & {table.organization[i] for i in rows}
    if clash:
        raise ValueError(f"codes used both as state and as organization: {sorted(clash)}")
    graph = nx.Graph(date=day)
    for i in rows:
        state, organization = str(table.state[i]), str(table.organization[i])
        graph.add_node(state, kind="state")
        graph.add_node(organization, kind="organization")
        graph.add_edge(state, organization, status=str(table.status[i]))
    return graph


def state_projection(graph: nx.Graph, exclude: Iterable[str] = ()) -> nx.Graph:
    """States linked when they share organizations: the one-mode projection of ``graph``.

    ``graph`` is an :func:`affiliation_graph`. Every state node is kept (with ``kind="state"``),
    tied or not; an edge carries ``weight`` (number of shared organizations) and ``organizations``
    (their codes, sorted). Organizations in ``exclude`` are ignored, e.g. ``exclude=ALLIANCE`` to
    see what ties the members outside the alliance itself.
    """
    skip = set(exclude)
    projection = nx.Graph(**graph.graph)
    projection.add_nodes_from(state_nodes(graph), kind="state")
    organizations = sorted(
        n for n, kind in graph.nodes(data="kind") if kind == "organization" and n not in skip
    )
    for organization in organizations:
        members = sorted(graph.neighbors(organization))
        for a, b in combinations(members, 2):
            if projection.has_edge(a, b):
                projection[a][b]["organizations"].append(organization)
                projection[a][b]["weight"] += 1
            else:
                projection.add_edge(a, b, weight=1, organizations=[organization])
    return projection


def _without(projection: nx.Graph, exclude: Iterable[str]) -> nx.Graph:
    """A copy of a projection with the ties through ``exclude`` taken out (weights recounted)."""
    skip = set(exclude)
    out = nx.Graph(**projection.graph)
    out.add_nodes_from(projection.nodes(data=True))
    for a, b, orgs in projection.edges(data="organizations"):
        kept = [o for o in (orgs or []) if o not in skip]
        if kept:
            out.add_edge(a, b, weight=len(kept), organizations=kept)
    return out


def projection_density(graph: nx.Graph, states: int) -> float:
    """Density of the :func:`state_projection` of the affiliation graph ``graph``, which has
    ``states`` state nodes, computed as ``nx.density`` does (0.0 for fewer than two states)."""
    if states <= 1:
        return 0.0
    pairs = set()
    for organization, kind in graph.nodes(data="kind"):
        if kind == "organization":
            pairs.update(combinations(sorted(graph.neighbors(organization)), 2))
    if not pairs:
        return 0
    density = len(pairs) / (states * (states - 1))
    return density * 2


def _eigenvector(graph: nx.Graph) -> dict[str, float]:
    """Weighted eigenvector centrality that copes with disconnected graphs (see the caller)."""
    n = graph.number_of_nodes()
    scores = dict.fromkeys(graph.nodes, 0.0)
    for component in nx.connected_components(graph):
        if len(component) < 2:
            continue
        nodes = sorted(component)
        matrix = nx.to_numpy_array(graph, nodelist=nodes, weight="weight")
        values, vectors = np.linalg.eigh(matrix)
        # The leading eigenvector of a connected graph has entries of one sign (Perron-Frobenius).
        vector = np.abs(vectors[:, np.argmax(values)])
        vector = vector / np.linalg.norm(vector) * np.sqrt(len(nodes) / n)
        scores.update(zip(nodes, vector.tolist(), strict=True))
    return scores


def network_measures(graph: nx.Graph) -> pd.DataFrame:
    """Centrality of each state in a :func:`state_projection`, one row per state, sorted.

    Columns: ``state``; ``degree`` (number of states it shares an organization with);
    ``weighted_degree`` (sum of edge weights: shared memberships, counted once per partner and
    organization); ``eigenvector`` (weighted eigenvector centrality, unitless). For a disconnected
    graph each connected component gets its own leading eigenvector, scaled so that the component's
    scores have Euclidean norm sqrt(component size / number of states), so components weigh by
    their size and a small cluster does not outrank the main one (with no isolated state the whole
    vector has norm 1). States without ties score 0.
    """
    states = [n for n in graph.nodes if graph.nodes[n].get("kind", "state") == "state"]
    sub = graph.subgraph(states)
    eigen = _eigenvector(sub)
    rows = [
        {
            "state": s,
            "degree": sub.degree(s),
            "weighted_degree": sub.degree(s, weight="weight"),
            "eigenvector": eigen[s],
        }
        for s in sorted(states)
    ]
    out = pd.DataFrame(rows, columns=["state", "degree", "weighted_degree", "eigenvector"])
    out["state"] = out["state"].astype("string")
    return out.astype({"degree": "int64", "weighted_degree": "int64", "eigenvector": "float64"})


def network_summary(
    graph: nx.Graph,
    members: Iterable[str],
    hub: str = "RUS",
    exclude: Iterable[str] = ALLIANCE,
) -> pd.Series:
    """Density of a :func:`state_projection`, and how much of the members' ties run via ``hub``.

    Ties through the organizations in ``exclude`` (the alliance under study) are ignored, so the
    question is what else binds the members. Take the members other than the hub and every
    unordered pair of them. A pair is

    * ``direct`` if the two share at least one organization outside ``exclude``;
    * ``via_hub`` if they share none, but each of them shares one with the hub;
    * ``unlinked`` otherwise.

    Returns a Series: ``states`` (state nodes in ``graph``), ``density`` (of the whole projection,
    alliance ties included, 0-1), ``members`` (number of ``members``, hub included if listed),
    ``member_density`` (density of the members' subgraph without the alliance's ties, 0-1),
    ``hub_ties`` (members other than the hub tied to it outside the alliance), ``member_pairs``,
    ``direct_pairs``, ``via_hub_pairs``, ``unlinked_pairs`` (counts of pairs) and
    ``via_hub_share`` = ``via_hub_pairs / member_pairs`` (0-1; NaN with fewer than two members
    besides the hub): the share of member pairs whose only link outside the alliance is Russia;
    and ``hub_org_share`` (0-1; NaN if no pair is ``direct``): of the shared memberships that
    tie ``direct`` pairs (edge weights summed), the share held in organizations the hub also
    belongs to (as far as ``graph`` shows: organizations through which the hub is tied to a state).
    """
    outside = _without(graph, exclude)
    states = [n for n, kind in graph.nodes(data="kind") if kind in (None, "state")]
    density = nx.density(graph) if graph.number_of_nodes() > 1 else 0.0
    return pd.Series(summary_values(outside, members, hub, len(states), density), dtype="object")


def summary_values(outside: nx.Graph, members: Iterable[str], hub: str, states: int,
             density: float) -> dict[str, object]:
    """The values of :func:`network_summary`, as a dict, from the projection without the
    excluded ties (``outside``), the number of states and the density of the whole projection."""
    members = sorted(set(members))
    others = [m for m in members if m != hub]

    def tied(a: str, b: str) -> bool:
        return outside.has_node(a) and outside.has_node(b) and outside.has_edge(a, b)

    to_hub = {m for m in others if tied(m, hub)}
    hub_orgs = set()
    if outside.has_node(hub):
        hub_orgs = {o for _, _, orgs in outside.edges(hub, data="organizations") for o in orgs}
    shared = through_hub = 0
    direct = via_hub = unlinked = 0
    for a, b in combinations(others, 2):
        if tied(a, b):
            direct += 1
            orgs = outside[a][b]["organizations"]
            shared += len(orgs)
            through_hub += sum(o in hub_orgs for o in orgs)
        elif a in to_hub and b in to_hub:
            via_hub += 1
        else:
            unlinked += 1
    pairs = direct + via_hub + unlinked
    member_graph = nx.Graph()
    member_graph.add_nodes_from(members)
    member_graph.add_edges_from((a, b) for a, b in combinations(members, 2) if tied(a, b))
    return {
        "states": states,
        "density": density,
        "members": len(members),
        "member_density": nx.density(member_graph) if len(members) > 1 else 0.0,
        "hub_ties": len(to_hub),
        "member_pairs": pairs,
        "direct_pairs": direct,
        "via_hub_pairs": via_hub,
        "unlinked_pairs": unlinked,
        "via_hub_share": via_hub / pairs if pairs else float("nan"),
        "hub_org_share": through_hub / shared if shared else float("nan"),
    }


def shared_organizations(projection: nx.Graph, states: Iterable[str],
                         hub_organizations: Iterable[str] = ()) -> pd.DataFrame:
    """Every pair of ``states`` with the organizations its two states share in ``projection``
    (a :func:`state_projection`), pairs that share none included.

    ``hub_organizations`` are the organizations the hub (Russia) belongs to; a tie through any
    other organization runs past the hub. One row per pair, ``state`` < ``other``, most shared
    first (then by the two codes): ``state``, ``other``, ``organizations`` (codes, sorted,
    ``;``-joined), ``n`` (how many), ``without_hub`` (those the hub does not belong to,
    ``;``-joined) and ``n_without_hub``.
    """
    with_hub = set(hub_organizations)
    rows = []
    for a, b in combinations(sorted(set(states)), 2):
        orgs = sorted(projection[a][b]["organizations"]) if projection.has_edge(a, b) else []
        past = [o for o in orgs if o not in with_hub]
        rows.append({"state": a, "other": b, "organizations": ";".join(orgs), "n": len(orgs),
                     "without_hub": ";".join(past), "n_without_hub": len(past)})
    out = pd.DataFrame(rows, columns=["state", "other", "organizations", "n", "without_hub",
                                      "n_without_hub"])
    out = out.sort_values(["n", "state", "other"], ascending=[False, True, True],
                          kind="stable").reset_index(drop=True)
    return out.astype({"state": "string", "other": "string", "organizations": "string",
                       "without_hub": "string", "n": "int64", "n_without_hub": "int64"})


__all__ = [
    "affiliation_graph",
    "affiliation_graph_of",
    "network_measures",
    "network_summary",
    "projection_density",
    "shared_organizations",
    "state_nodes",
    "state_projection",
    "summary_values",
]
