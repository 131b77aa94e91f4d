"""Foreign military installations on members' soil: who operates what where, on a date.

An installation is in use from ``start`` (an empty start counts as "before the data begins": a
Soviet-era site the operator inherited) until the day before ``end``.
"""

from __future__ import annotations

from collections.abc import Iterable

import networkx as nx
import numpy as np
import pandas as pd

from ..data.dates import NAT, as_ns, from_ns, to_day
from .membership import alliance_status_on, in_force


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
    day = to_day(date)
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
        nato = memberships.loc[in_force(memberships, day) & (memberships["organization"] == "NATO")
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
    days = as_ns(dates)
    start, end = as_ns(bases["start"])[:, None], as_ns(bases["end"])[:, None]
    active = ((start == NAT) | (start <= days)) & ((end == NAT) | (end > days))
    # pairs x installations: which pair each installation counts for (none if a code is missing).
    owner = np.zeros((len(pairs), len(hosts)), dtype=np.int64)
    for n, (host, operator) in enumerate(zip(hosts, operators)):
        if known(host) is not None and known(operator) is not None:
            owner[slot[(host, operator)], n] = 1
    counts = owner @ active.astype(np.int64)
    return pd.DataFrame({
        "date": from_ns(np.repeat(days, len(pairs))),
        "host": pd.array([h for _ in days for h, _ in pairs], dtype="string"),
        "operator": pd.array([o for _ in days for _, o in pairs], dtype="string"),
        "installations": counts.T.reshape(-1).astype(np.int64),
    })


def installations_on(bases: pd.DataFrame, date: str | pd.Timestamp,
                     operator: str | None = None) -> pd.DataFrame:
    """The installations in use on ``date`` (as in :func:`security_ties`), of ``operator`` only
    when one is given: the rows of ``bases``, by host and ``base_id``, with ``personnel`` and
    ``personnel_year`` as the table gives them (empty where no source gives a figure)."""
    active = _bases_active(bases, to_day(date))
    if operator is not None:
        active = active[active["operator"] == operator]
    return active.sort_values(["host", "base_id"]).reset_index(drop=True)


__all__ = ["bases_per_host", "installations_on", "security_ties"]
