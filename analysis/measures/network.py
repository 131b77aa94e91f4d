"""The alliance as a network: who shares which organizations with whom, and what runs via Russia.

Three kinds of graph, all built for one date from the tables (intervals include ``start`` and
exclude ``end``, as in :mod:`analysis.measures.membership`):

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


# The tables are small and read on many dates: the helpers below take the columns out once
# (dates as int64 nanoseconds, NaT as the smallest int64) and filter in plain Python, which costs
# far less than a boolean filter of the whole frame per date.

_NAT = np.iinfo(np.int64).min


def _ns(dates: pd.Series) -> np.ndarray:
    """Dates as int64 nanoseconds since the epoch, NaT as :data:`_NAT`."""
    return np.asarray(dates, dtype="datetime64[ns]").view("int64")


class _Rows:
    """The columns of ``memberships`` the network needs, as lists (dates as int64 ns)."""

    def __init__(self, memberships: pd.DataFrame) -> None:
        self.state = memberships["state"].tolist()
        self.organization = memberships["organization"].tolist()
        self.status = memberships["status"].tolist()
        self.start = _ns(memberships["start"]).tolist()
        self.end = _ns(memberships["end"]).tolist()

    def in_force(self, day: pd.Timestamp, organizations: Iterable[str] | None = None,
                 statuses: Iterable[str] | None = None) -> list[int]:
        """Positions of the rows in force on ``day`` (as :func:`_in_force`), optionally only
        those of ``organizations`` and with one of ``statuses`` (missing values match none)."""
        ns = day.value
        orgs = None if organizations is None else set(organizations)
        wanted = None if statuses is None else set(statuses)
        return [
            i for i, (start, end) in enumerate(zip(self.start, self.end))
            if start != _NAT and start <= ns and (end == _NAT or end > ns)
            and (orgs is None or _isin(self.organization[i], orgs))
            and (wanted is None or _isin(self.status[i], wanted))
        ]


def _isin(value: object, wanted: set[str]) -> bool:
    return isinstance(value, str) and value in wanted


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
    return _affiliation_graph(_Rows(memberships), _day(date), statuses)


def _affiliation_graph(table: _Rows, day: pd.Timestamp,
                       statuses: Iterable[str] = AFFILIATED) -> nx.Graph:
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


def _projection_density(graph: nx.Graph, states: int) -> float:
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
    return pd.Series(_summary(outside, members, hub, len(states), density), dtype="object")


def _summary(outside: nx.Graph, members: Iterable[str], hub: str, states: int,
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
    rows = _alliance_status(_Rows(memberships), _day(date), organizations)
    return pd.DataFrame({
        column: pd.array([row[n] for row in rows], dtype="string")
        for n, column in enumerate(("state", "status", "organization"))
    })


_RANK = {status: rank for rank, status in enumerate(AFFILIATED)}


def _alliance_status(
    table: _Rows, day: pd.Timestamp, organizations: Iterable[str]
) -> list[tuple[object, str, str]]:
    """The rows of :func:`alliance_status_on` as (state, status, organization) tuples."""
    rows = table.in_force(day, organizations, AFFILIATED)

    def order(i: int) -> tuple:
        # As sort_values: a missing state last; status rank, then organization.
        state = table.state[i]
        return ((0, state) if isinstance(state, str) else (1, ""), _RANK[table.status[i]],
                table.organization[i])

    out, seen = [], set()
    for i in sorted(rows, key=order):
        state = table.state[i]
        key = state if isinstance(state, str) else None  # missing states are one value
        if key in seen:
            continue
        seen.add(key)
        out.append((state, table.status[i], table.organization[i]))
    return out


def _alliance(organization: str) -> tuple[str, ...]:
    return (*PREDECESSORS.get(organization, ()), organization)


#: The columns of :func:`snapshots` that list the states in each alliance status.
_STATUS_COLUMNS = {"member": "members", "signatory": "signatories", "suspended": "suspended",
                   "frozen": "frozen", "withdrawing": "withdrawing"}


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
    table = _Rows(memberships)
    rows = []
    for date in dates:
        day = _day(date)
        status = _alliance_status(table, day, orgs)
        by_status = {s: [state for state, held, _ in status if held == s] for s in AFFILIATED}
        inside = [state for state, _, _ in status]
        affiliation = _affiliation_graph(table, day)
        # As network_summary(state_projection(affiliation), ...) computes it, without building
        # the whole projection: its ties outside the excluded organizations are the projection
        # that skips them, and its density needs only the number of tied pairs.
        states = _state_nodes(affiliation)
        outside = state_projection(affiliation, exclude=(*orgs, *exclude))
        summary = _summary(outside, inside, hub, len(states),
                           _projection_density(affiliation, len(states)))
        binding = [table.organization[i] for i in table.in_force(day, orgs, AFFILIATED)]
        row = {
            "date": day,
            "label": TURNING_POINTS.get(day.strftime("%Y-%m-%d"), ""),
            "instruments": _joined(set(binding)),
            "in_alliance": _joined(inside),
        }
        row.update({column: _joined(by_status[s]) for s, column in _STATUS_COLUMNS.items()})
        row["n_in_alliance"] = len(inside)
        row.update({f"n_{column}": len(by_status[s]) for s, column in _STATUS_COLUMNS.items()})
        row.update({k: v for k, v in summary.items() if k != "members"})
        rows.append(row)
    out = pd.DataFrame(rows)
    text = ["label", "instruments", "in_alliance", *_STATUS_COLUMNS.values()]
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
    table = _Rows(memberships)
    # (state, start) of every row that puts a state inside the alliance.
    wanted_orgs, wanted_statuses = set(orgs), set(AFFILIATED)
    inside_rows = [(table.state[i], table.start[i]) for i in range(len(table.state))
                   if isinstance(table.state[i], str)
                   and _isin(table.organization[i], wanted_orgs)
                   and _isin(table.status[i], wanted_statuses)]
    statuses = {}
    for day in days:
        if day not in statuses:
            statuses[day] = {state: status for state, status, _ in
                             _alliance_status(table, day, orgs)}
    rows = []
    for before_day, after_day in zip(days, days[1:]):
        before, after = statuses[before_day], statuses[after_day]
        for state in sorted(set(before) | set(after)):
            old = str(before.get(state, "none"))
            new = str(after.get(state, "none"))
            if old == new:
                continue
            earlier = any(s == state and start != _NAT and start < before_day.value
                          for s, start in inside_rows)
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
    hosts, operators = bases["host"].tolist(), bases["operator"].tolist()

    def known(code: object) -> str | None:
        return code if isinstance(code, str) else None

    # Each pair once (missing codes alike), in sort order with missing codes last.
    found = dict.fromkeys((known(h), known(o)) for h, o in zip(hosts, operators))
    pairs = sorted(found, key=lambda pair: tuple((0, c) if c is not None else (1, "")
                                                 for c in pair))
    slot = {pair: n for n, pair in enumerate(pairs)}
    days = np.array([_day(d).value for d in dates], dtype=np.int64)
    start, end = _ns(bases["start"])[:, None], _ns(bases["end"])[:, None]
    active = ((start == _NAT) | (start <= days)) & ((end == _NAT) | (end > days))
    # pairs x installations: which pair each installation counts for (none if a code is missing).
    owner = np.zeros((len(pairs), len(hosts)), dtype=np.int64)
    for n, (host, operator) in enumerate(zip(hosts, operators)):
        if known(host) is not None and known(operator) is not None:
            owner[slot[(host, operator)], n] = 1
    counts = owner @ active.astype(np.int64)
    return pd.DataFrame({
        "date": np.repeat(days, len(pairs)).view("datetime64[ns]"),
        "host": pd.array([h for _ in days for h, _ in pairs], dtype="string"),
        "operator": pd.array([o for _ in days for _, o in pairs], dtype="string"),
        "installations": counts.T.reshape(-1).astype(np.int64),
    })


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
