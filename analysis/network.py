"""The alliance as a network: who shares which organizations with whom, and what runs via Russia.

Three kinds of graph, all built for one date from the tables (intervals include ``start`` and
exclude ``end``, as in :mod:`analysis.membership`):

* :func:`affiliation_graph`: the bipartite graph of states and the organizations they belong to;
* :func:`state_projection`: states linked by the number of organizations they share;
* :func:`security_ties`: operator -> host links for the foreign military installations.

:func:`snapshots` and :func:`changes_between` follow the alliance (the 1992 treaty, CST, and the
2002 organization, CSTO, taken as one) across the :data:`TURNING_POINTS`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from itertools import combinations
from types import MappingProxyType

import networkx as nx
import numpy as np
import pandas as pd


#: The snapshot dates of the book, ISO date -> what changed on it. Iterating gives the dates.
#: Each date is the first day of the new state of affairs (intervals include their start and
#: exclude their end), so the snapshot on it already shows the change.
TURNING_POINTS: Mapping[str, str] = MappingProxyType({
    "1992-05-15": "Treaty signed in Tashkent",
    "1994-04-20": "Treaty in force",
    "1999-04-20": "Azerbaijan, Georgia, Uzbekistan out",
    "2002-10-07": "CSTO Charter signed",
    "2006-08-16": "Uzbekistan returns",
    "2012-12-19": "Uzbekistan out again",
    "2022-01-05": "Kazakhstan asks for help",
    "2024-02-22": "Armenia freezes participation",
    "2026-11-23": "Today",
})

#: The alliance under study: the 1992 treaty and the 2002 organization, taken as one.
ALLIANCE: tuple[str, ...] = ("CST", "CSTO")

#: Organizations that continue an earlier one, for :func:`snapshots`.
PREDECESSORS: Mapping[str, tuple[str, ...]] = MappingProxyType({"CSTO": ("CST",)})

#: Statuses under which a state counts as inside an organization (signed, bound, or on its way
#: out), in order of precedence when a state holds two at once (a CST member that signed the
#: CSTO Charter is a member of the alliance).
AFFILIATED: tuple[str, ...] = ("member", "withdrawing", "suspended", "frozen", "signatory")

def _day(date: str | pd.Timestamp) -> pd.Timestamp:
    return pd.Timestamp(date).normalize()


def _joined(codes: Iterable[str]) -> str:
    return ";".join(sorted(codes))


def _in_force(memberships: pd.DataFrame, day: pd.Timestamp) -> pd.Series:
    return (memberships["start"] <= day) & (memberships["end"].isna() | (memberships["end"] > day))


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
    wanted = set(statuses)
    day = _day(date)
    rows = memberships.loc[_in_force(memberships, day) & memberships["status"].isin(wanted)]
    clash = set(rows["state"]) & set(rows["organization"])
    if clash:
        raise ValueError(f"codes used both as state and as organization: {sorted(clash)}")
    graph = nx.Graph(date=day)
    for state, organization, status in zip(rows["state"], rows["organization"], rows["status"],
                                            strict=True):
        graph.add_node(str(state), kind="state")
        graph.add_node(str(organization), kind="organization")
        graph.add_edge(str(state), str(organization), status=str(status))
    return graph


def _state_nodes(graph: nx.Graph) -> list[str]:
    return sorted(n for n, kind in graph.nodes(data="kind") if kind == "state")


def state_projection(graph: nx.Graph, exclude: Iterable[str] = ()) -> nx.Graph:
    """States linked when they share organizations: the one-mode projection of ``graph``.

    ``graph`` is an :func:`affiliation_graph`. Every state node is kept (with ``kind="state"``),
    tied or not; an edge carries ``weight`` (number of shared organizations) and ``organizations``
    (their codes, sorted). Organizations in ``exclude`` are ignored, e.g. ``exclude=ALLIANCE`` to
    see what ties the members outside the alliance itself.
    """
    skip = set(exclude)
    projection = nx.Graph(**graph.graph)
    projection.add_nodes_from(_state_nodes(graph), kind="state")
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
    states = [n for n, kind in graph.nodes(data="kind") if kind in (None, "state")]
    return pd.Series(
        {
            "states": len(states),
            "density": nx.density(graph) if graph.number_of_nodes() > 1 else 0.0,
            "members": len(members),
            "member_density": nx.density(member_graph) if len(members) > 1 else 0.0,
            "hub_ties": len(to_hub),
            "member_pairs": pairs,
            "direct_pairs": direct,
            "via_hub_pairs": via_hub,
            "unlinked_pairs": unlinked,
            "via_hub_share": via_hub / pairs if pairs else float("nan"),
            "hub_org_share": through_hub / shared if shared else float("nan"),
        },
        dtype="object",
    )


def alliance_status_on(
    memberships: pd.DataFrame,
    date: str | pd.Timestamp,
    organizations: Iterable[str] = ALLIANCE,
) -> pd.DataFrame:
    """Each state's status in the alliance formed by ``organizations`` taken together, on ``date``.

    A state holding statuses in two of them at once (in 2002-03 the CST members had signed the
    CSTO Charter) gets the first in :data:`AFFILIATED` order: member, withdrawing, suspended,
    frozen, signatory. States with none of these (outside, observers, partners) are left out.
    Returns ``state``, ``status`` and ``organization`` (where that status is held), sorted by state.
    """
    orgs = list(organizations)
    day = _day(date)
    rows = memberships.loc[
        _in_force(memberships, day)
        & memberships["organization"].isin(orgs)
        & memberships["status"].isin(AFFILIATED),
        ["state", "status", "organization"],
    ].copy()
    rows["rank"] = rows["status"].map({s: i for i, s in enumerate(AFFILIATED)}).astype("int64")
    rows = rows.sort_values(["state", "rank", "organization"]).drop_duplicates("state")
    out = rows.drop(columns="rank").reset_index(drop=True)
    return out.astype({"state": "string", "status": "string", "organization": "string"})


def _alliance(organization: str) -> tuple[str, ...]:
    return (*PREDECESSORS.get(organization, ()), organization)


def snapshots(
    memberships: pd.DataFrame,
    dates: Iterable[str | pd.Timestamp] = TURNING_POINTS,
    organization: str = "CSTO",
    hub: str = "RUS",
    exclude: Iterable[str] = (),
) -> pd.DataFrame:
    """The alliance on each date: who is in it, in what status, and how it hangs together.

    The alliance is ``organization`` with its predecessors (:data:`PREDECESSORS`: the CSTO with
    the 1992 treaty, CST), status per state as in :func:`alliance_status_on`. One row per date,
    in the order given, with columns ``date``, ``label`` (from :data:`TURNING_POINTS`, else
    empty), ``instruments`` (the organizations binding the states, ``;``-separated),
    ``in_alliance`` (every state with a status), ``members``, ``signatories``, ``suspended``,
    ``frozen``, ``withdrawing`` (ISO3 codes, ``;``-separated, sorted), their counts ``n_...``, and
    the :func:`network_summary` of the states in the alliance (all statuses) in the projection of
    the :func:`affiliation_graph` on that date, with the ties through the alliance and through
    the organizations in ``exclude`` left out. The CIS ties every post-Soviet member to every other,
    so ``exclude=("CIS",)`` asks what binds them beyond that blanket.
    """
    orgs = _alliance(organization)
    rows = []
    for date in dates:
        day = _day(date)
        status = alliance_status_on(memberships, day, orgs)
        by_status = {s: status.loc[status["status"] == s, "state"].tolist() for s in AFFILIATED}
        inside = status["state"].tolist()
        projection = state_projection(affiliation_graph(memberships, day))
        summary = network_summary(projection, inside, hub=hub, exclude=(*orgs, *exclude))
        binding = memberships.loc[_in_force(memberships, day)
                                  & memberships["organization"].isin(orgs)
                                  & memberships["status"].isin(AFFILIATED), "organization"]
        row = {
            "date": day,
            "label": TURNING_POINTS.get(day.strftime("%Y-%m-%d"), ""),
            "instruments": _joined(set(binding)),
            "in_alliance": _joined(inside),
            "members": _joined(by_status["member"]),
            "signatories": _joined(by_status["signatory"]),
            "suspended": _joined(by_status["suspended"]),
            "frozen": _joined(by_status["frozen"]),
            "withdrawing": _joined(by_status["withdrawing"]),
            "n_in_alliance": len(inside),
            "n_members": len(by_status["member"]),
            "n_signatories": len(by_status["signatory"]),
            "n_suspended": len(by_status["suspended"]),
            "n_frozen": len(by_status["frozen"]),
            "n_withdrawing": len(by_status["withdrawing"]),
        }
        row.update(summary.drop("members").to_dict())
        rows.append(row)
    out = pd.DataFrame(rows)
    text = ["label", "instruments", "in_alliance", "members", "signatories", "suspended", "frozen",
            "withdrawing"]
    counts = [c for c in out.columns if c.startswith("n_") or c.endswith("_pairs")]
    counts += ["states", "hub_ties"]
    return out.astype(
        {**dict.fromkeys(text, "string"), **dict.fromkeys(counts, "int64"),
         "density": "float64", "member_density": "float64", "via_hub_share": "float64",
         "hub_org_share": "float64"}
    )


#: Names of the moves between two alliance statuses ("none" = outside).
_CHANGES = {
    ("none", "signatory"): "signed",
    ("signatory", "member"): "ratified",
    ("member", "suspended"): "suspended",
    ("member", "frozen"): "froze",
    ("member", "withdrawing"): "gave notice",
    ("suspended", "member"): "returned",
    ("frozen", "member"): "returned",
    ("withdrawing", "member"): "returned",
}


def _change(before: str, after: str, was_inside_earlier: bool) -> str:
    if before == "none" and after == "member":
        return "rejoined" if was_inside_earlier else "joined"
    if after == "none":
        return "left"
    return _CHANGES.get((before, after), f"{before} to {after}")


def changes_between(
    memberships: pd.DataFrame,
    dates: Iterable[str | pd.Timestamp],
    organizations: Iterable[str] = ALLIANCE,
) -> pd.DataFrame:
    """What changed in the alliance between each pair of consecutive ``dates``.

    Statuses are taken from :func:`alliance_status_on` (``organizations`` as one alliance;
    ``"none"`` = outside it) on each date, so a change undone between two dates does not show.
    One row per state whose status differs, with ``date_from``, ``date_to``, ``state``,
    ``from_status``, ``to_status`` and ``change``: joined, rejoined (had been inside before
    ``date_from``), signed, ratified, suspended, froze, gave notice, returned, left, or
    "<from> to <to>" for any other move. Sorted by date, then state.
    """
    orgs = list(organizations)
    days = [_day(d) for d in dates]
    inside_rows = memberships[memberships["organization"].isin(orgs)
                              & memberships["status"].isin(AFFILIATED)]
    rows = []
    for before_day, after_day in zip(days, days[1:]):
        before = alliance_status_on(memberships, before_day, orgs).set_index("state")["status"]
        after = alliance_status_on(memberships, after_day, orgs).set_index("state")["status"]
        for state in sorted(set(before.index) | set(after.index)):
            old = str(before.get(state, "none"))
            new = str(after.get(state, "none"))
            if old == new:
                continue
            earlier = bool(((inside_rows["state"] == state)
                            & (inside_rows["start"] < before_day)).any())
            rows.append({
                "date_from": before_day,
                "date_to": after_day,
                "state": state,
                "from_status": old,
                "to_status": new,
                "change": _change(old, new, earlier),
            })
    columns = ["date_from", "date_to", "state", "from_status", "to_status", "change"]
    out = pd.DataFrame(rows, columns=columns)
    out["date_from"] = pd.to_datetime(out["date_from"]).astype("datetime64[ns]")
    out["date_to"] = pd.to_datetime(out["date_to"]).astype("datetime64[ns]")
    return out.astype(dict.fromkeys(columns[2:], "string"))


def _bases_active(bases: pd.DataFrame, day: pd.Timestamp) -> pd.DataFrame:
    # An empty start means a Soviet-era site the operator inherited: in use before the data begins.
    started = bases["start"].isna() | (bases["start"] <= day)
    running = bases["end"].isna() | (bases["end"] > day)
    return bases.loc[started & running]


def security_ties(
    bases: pd.DataFrame,
    date: str | pd.Timestamp,
    memberships: pd.DataFrame | None = None,
) -> nx.DiGraph:
    """Directed graph operator -> host of the foreign installations in use on ``date``.

    An installation is in use from ``start`` (an empty start counts as "before the data begins")
    until the day before ``end``. Each edge carries ``bases`` (the ``base_id``s, sorted),
    ``names`` and ``count`` (number of installations). Nodes are ISO3 codes with ``role``
    ("operator", "host" or "both"). With ``memberships``, each node also gets ``alliance_status``
    (its status in CST/CSTO on the date, or "none") and ``nato`` (True if a NATO member).
    """
    day = _day(date)
    active = _bases_active(bases, day).sort_values("base_id")
    graph = nx.DiGraph(date=day)
    for (operator, host), group in active.groupby(["operator", "host"], sort=True):
        graph.add_edge(str(operator), str(host), bases=[str(b) for b in group["base_id"]],
                       names=[str(n) for n in group["name"]], count=len(group))
    for node in graph.nodes:
        hosts, operates = graph.in_degree(node) > 0, graph.out_degree(node) > 0
        role = "both" if hosts and operates else ("host" if hosts else "operator")
        graph.nodes[node]["role"] = role
    if memberships is not None:
        status = alliance_status_on(memberships, day).set_index("state")["status"]
        nato = memberships.loc[_in_force(memberships, day) & (memberships["organization"] == "NATO")
                               & (memberships["status"] == "member"), "state"]
        for node in graph.nodes:
            graph.nodes[node]["alliance_status"] = str(status.get(node, "none"))
            graph.nodes[node]["nato"] = node in set(nato)
    return graph


def bases_per_host(bases: pd.DataFrame, dates: Iterable[str | pd.Timestamp]) -> pd.DataFrame:
    """Number of foreign installations in use in each host, by operator, on each date.

    Long format: ``date``, ``host``, ``operator``, ``installations`` (a count). Every host and
    operator pair found in ``bases`` appears on every date, with 0 when none is in use, sorted by
    date, host and operator. "In use" as in :func:`security_ties`.
    """
    pairs = bases[["host", "operator"]].drop_duplicates().sort_values(["host", "operator"])
    rows = []
    for date in dates:
        day = _day(date)
        counts = _bases_active(bases, day).groupby(["host", "operator"]).size()
        for host, operator in zip(pairs["host"], pairs["operator"], strict=True):
            rows.append({"date": day, "host": host, "operator": operator,
                         "installations": int(counts.get((host, operator), 0))})
    out = pd.DataFrame(rows, columns=["date", "host", "operator", "installations"])
    out["date"] = pd.to_datetime(out["date"]).astype("datetime64[ns]")
    return out.astype({"host": "string", "operator": "string", "installations": "int64"})


__all__ = [
    "AFFILIATED",
    "ALLIANCE",
    "PREDECESSORS",
    "TURNING_POINTS",
    "affiliation_graph",
    "alliance_status_on",
    "bases_per_host",
    "changes_between",
    "network_measures",
    "network_summary",
    "security_ties",
    "snapshots",
    "state_projection",
]
