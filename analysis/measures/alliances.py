"""Russia's formal alliances beyond the CSTO, from ATOP, and the network of all its ties.

ATOP v4.01 (``atop_alliances``, ``atop_members``) codes every written alliance treaty with its
obligations to the end of 2016 (:data:`ATOP_END`). Its dates are its own: NATO accessions date
from the signature of the accession protocol, and its CIS alliance is the 1993 CIS Charter, not
the 1991 founding agreements (``tools/imports/README.md``). What happened later comes from
the curated ``memberships`` table, and every function here says which of the two a row rests on.

* :func:`alliance_portfolio`: one row per ATOP alliance a state belongs to on a day;
* :func:`portfolio_summary`: how many, how many with a defence obligation, bilateral or not;
* :func:`defence_spells`: when each of a state's defence pacts ran;
* :func:`defence_partners`: the states a state has promised to defend, and through which pacts;
* :func:`double_ties`: members of an organization that also hold a bilateral defence pact;
* :func:`atop_endings`: ATOP alliances that ended after 2016, as recorded in ``discrepancies``;
* :func:`tie_graph`: states linked by the organizations and ATOP alliances they share, and
  :func:`width_class`, the few classes the network chart draws its edge widths in.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

import networkx as nx
import pandas as pd

from ..data.codebook.fields import split_list
from ..data.dates import to_day
from .membership import IN_ORGANIZATION, members_on
from .network import affiliation_graph, state_projection

#: The last day ATOP v4.01 covers: a spell still open in the files is read as holding on it.
ATOP_END = pd.Timestamp("2016-12-31")

#: Prefix of an ATOP alliance's node in :func:`tie_graph` (``"ATOP 4890"``).
ATOP_PREFIX = "ATOP "

#: Edge-width classes of the tie network: (lowest weight, label), in increasing order.
WIDTH_CLASSES: tuple[tuple[int, str], ...] = ((1, "1"), (2, "2–3"), (4, "4+"))


def _days(values: pd.Series) -> pd.Series:
    """ATOP partial dates (``YYYY-MM-DD`` or ``YYYY-MM``) as their first possible day (NaT if
    empty)."""
    text = values.astype("string")
    text = text.where(text.str.len() != 7, text + "-01")
    return pd.to_datetime(text, format="%Y-%m-%d")


def _spells_on(members: pd.DataFrame, day: pd.Timestamp) -> pd.DataFrame:
    """Member spells holding on ``day``: begun on or before it, not yet ended (an ATOP
    ``member_end`` is the last day of membership)."""
    begin, end = _days(members["member_begin"]), _days(members["member_end"])
    holds = (begin <= day) & (end.isna() | (end >= day))
    return members[holds.fillna(False).astype(bool).to_numpy()]


def alliance_portfolio(
    alliances: pd.DataFrame,
    members: pd.DataFrame,
    state: str,
    day: str | pd.Timestamp = ATOP_END,
) -> pd.DataFrame:
    """Every ATOP alliance ``state`` belongs to on ``day`` (default :data:`ATOP_END`).

    One row per alliance, sorted by ``atopid``: ``atopid``, ``organization`` (our link to
    ``organizations``, may be empty), ``begin_date`` (of the alliance), ``n_members`` (states with
    a spell on the day), ``bilateral`` (True when exactly two), ``partners`` (the others, sorted,
    ``;``-separated) and the state's own obligations on the day as booleans (``defense``,
    ``offense``, ``neutral``, ``nonagg``, ``consul``; the largest over its phases).

    Bilateral is counted from the members on the day, not read from ATOP's flag: an alliance
    whose other members have left counts as bilateral (the 1954 Manila Pact, by 2016 the United
    States and Thailand).
    """
    when = to_day(day)
    spells = _spells_on(members, when)
    own = spells[spells["state"] == state]
    info = alliances.set_index("atopid")
    rows = []
    for atopid in sorted(set(own["atopid"].astype(int))):
        inside = spells[spells["atopid"] == atopid]
        mine = own[own["atopid"] == atopid]
        others = sorted(set(inside["state"]) - {state})
        row = {"atopid": atopid, "organization": info.at[atopid, "organization"],
               "begin_date": info.at[atopid, "begin_date"],
               "n_members": len(others) + 1, "bilateral": len(others) == 1,
               "partners": ";".join(others)}
        for flag in ("defense", "offense", "neutral", "nonagg", "consul"):
            row[flag] = bool((mine[flag].astype(str) == "1").any())
        rows.append(row)
    columns = ["atopid", "organization", "begin_date", "n_members", "bilateral", "partners",
               "defense", "offense", "neutral", "nonagg", "consul"]
    types = {"atopid": "int64", "n_members": "int64", "bilateral": "bool", "partners": "string",
             "organization": "string", "begin_date": "datetime64[ns]"}
    types.update(dict.fromkeys(("defense", "offense", "neutral", "nonagg", "consul"), "bool"))
    return pd.DataFrame(rows, columns=columns).astype(types)


def defence_spells(
    alliances: pd.DataFrame,
    members: pd.DataFrame,
    state: str,
    since: str | pd.Timestamp = "1992-01-01",
) -> pd.DataFrame:
    """Each ATOP alliance in which ``state`` took on a defence obligation for a spell running on
    or after ``since``: one row per alliance, sorted by start.

    Columns: ``atopid``, ``organization``, ``partners`` (every other state that ever held a spell
    in it, sorted, ``;``-separated), ``bilateral`` (ATOP's flag: a treaty with one state and its
    successors, Czechoslovakia's, stays bilateral), ``start`` (the state's first
    defence spell), ``end`` (the last day of its last one; NaT when still open at ATOP's end).
    """
    first = to_day(since)
    own = members[(members["state"] == state) & (members["defense"].astype(str) == "1")].copy()
    own["begin"], own["finish"] = _days(own["member_begin"]), _days(own["member_end"])
    own = own[own["finish"].isna() | (own["finish"] >= first)]
    info = alliances.set_index("atopid")
    rows = []
    for atopid, spells in own.groupby("atopid"):
        everyone = members[members["atopid"] == atopid]
        others = sorted(set(everyone["state"]) - {state})
        open_ = spells["finish"].isna().any()
        rows.append({"atopid": int(atopid), "organization": info.at[atopid, "organization"],
                     "partners": ";".join(others),
                     "bilateral": str(info.at[atopid, "bilateral"]) == "1",
                     "start": spells["begin"].min(),
                     "end": pd.NaT if open_ else spells["finish"].max()})
    out = pd.DataFrame(rows, columns=["atopid", "organization", "partners", "bilateral", "start",
                                      "end"])
    out = out.astype({"atopid": "int64", "organization": "string", "partners": "string",
                      "bilateral": "bool", "start": "datetime64[ns]", "end": "datetime64[ns]"})
    return out.sort_values(["start", "atopid"]).reset_index(drop=True)


def portfolio_summary(portfolios: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """Counts for each state's :func:`alliance_portfolio`, one row per state (in the order given).

    Columns: ``state``; ``alliances``; ``defence`` (with a defence obligation for the state);
    ``defence_bilateral`` and ``defence_multilateral``; ``other_bilateral`` and
    ``other_multilateral`` (no defence obligation); ``partners`` (distinct states sharing any of
    them); ``defence_partners`` (distinct states it shares a defence pact with).
    """
    rows = []
    for state, table in portfolios.items():
        defence = table[table["defense"]]
        other = table[~table["defense"]]

        def distinct(frame: pd.DataFrame) -> int:
            return len({p for ps in frame["partners"] for p in split_list(ps)})

        rows.append({
            "state": state, "alliances": len(table), "defence": len(defence),
            "defence_bilateral": int(defence["bilateral"].sum()),
            "defence_multilateral": int((~defence["bilateral"]).sum()),
            "other_bilateral": int(other["bilateral"].sum()),
            "other_multilateral": int((~other["bilateral"]).sum()),
            "partners": distinct(table), "defence_partners": distinct(defence),
        })
    return pd.DataFrame(rows, columns=["state", "alliances", "defence", "defence_bilateral",
                                       "defence_multilateral", "other_bilateral",
                                       "other_multilateral", "partners", "defence_partners"])


def defence_partners(portfolio: pd.DataFrame) -> pd.DataFrame:
    """The states a portfolio's defence pacts bind it to, one row per partner, sorted.

    ``portfolio`` is an :func:`alliance_portfolio`. Columns: ``partner``; ``bilateral`` and
    ``multilateral`` (the ``atopid`` values, ``;``-separated, empty if none); ``n_pacts``.
    """
    pacts: dict[str, dict[str, list[str]]] = {}
    for row in portfolio[portfolio["defense"]].itertuples():
        for partner in split_list(row.partners):
            kind = "bilateral" if row.bilateral else "multilateral"
            pacts.setdefault(partner, {"bilateral": [], "multilateral": []})[kind].append(
                str(row.atopid))
    rows = [{"partner": p, "bilateral": ";".join(k["bilateral"]),
             "multilateral": ";".join(k["multilateral"]),
             "n_pacts": len(k["bilateral"]) + len(k["multilateral"])}
            for p, k in sorted(pacts.items())]
    return pd.DataFrame(rows, columns=["partner", "bilateral", "multilateral", "n_pacts"]).astype(
        {"partner": "string", "bilateral": "string", "multilateral": "string", "n_pacts": "int64"})


def double_ties(
    portfolio: pd.DataFrame,
    memberships: pd.DataFrame,
    organization: str,
    day: str | pd.Timestamp,
    centre: str = "RUS",
) -> pd.DataFrame:
    """Members of ``organization`` on ``day`` (curated ``memberships``; frozen and suspended
    members count) and the bilateral defence pacts each also holds with ``centre``.

    ``portfolio`` is the :func:`alliance_portfolio` of ``centre`` (on ATOP's last day). One row per
    member other than ``centre``, sorted: ``state``, ``pacts`` (``atopid`` values,
    ``;``-separated, empty if none), ``first_signed`` (earliest ``begin_date`` of those pacts,
    NaT if none).
    """
    bilateral = portfolio[portfolio["defense"] & portfolio["bilateral"]]
    rows = []
    for state in sorted(set(members_on(memberships, day, organization,
                                       statuses=IN_ORGANIZATION)) - {centre}):
        pacts = bilateral[bilateral["partners"] == state]
        rows.append({"state": state, "pacts": ";".join(str(a) for a in pacts["atopid"]),
                     "first_signed": pacts["begin_date"].min() if len(pacts) else pd.NaT})
    return pd.DataFrame(rows, columns=["state", "pacts", "first_signed"]).astype(
        {"state": "string", "pacts": "string", "first_signed": "datetime64[ns]"})


def tie_graph(
    memberships: pd.DataFrame,
    alliances: pd.DataFrame,
    members: pd.DataFrame,
    day: str | pd.Timestamp,
    states: Iterable[str] | None = None,
    exclude: Iterable[str] = (),
    atop_day: str | pd.Timestamp = ATOP_END,
    ended: Mapping[int, pd.Timestamp] | None = None,
) -> nx.Graph:
    """States linked by every formal tie they share: organizations and alliance treaties.

    Organizations come from the curated ``memberships`` on ``day`` (members, signatories,
    suspended, frozen and leaving members; not observers or partners). Alliance treaties come
    from ATOP on ``atop_day`` (its last day by default, read as still holding on ``day``), each as
    a node ``"ATOP <atopid>"``; an ATOP alliance linked to an organization (CSTO, CIS, SCO, Union
    State) is left to the curated table, so no tie is counted twice. ``ended`` maps ATOP
    alliances known to have ended after ATOP's last day to that day (:func:`atop_endings`); they
    are left out from it on. ``exclude`` drops ties by
    code (``"OSCE"``-like pan-continental ones such as ``"ATOP 3740"``); ``states`` keeps only
    those states. Returns a :func:`~analysis.measures.network.state_projection`: an edge has
    ``weight`` (ties shared) and ``organizations`` (their codes, sorted).
    """
    graph = affiliation_graph(memberships, day)
    spells = _spells_on(members, to_day(atop_day))
    skip = set(alliances.loc[alliances["organization"].notna(), "atopid"].astype(int))
    when = to_day(day)
    skip |= {a for a, end in (ended or {}).items() if to_day(end) <= when}
    for atopid, state in zip(spells["atopid"].astype(int), spells["state"], strict=True):
        if atopid in skip:
            continue
        node = f"{ATOP_PREFIX}{atopid}"
        graph.add_node(str(state), kind="state")
        graph.add_node(node, kind="organization")
        graph.add_edge(str(state), node, status="member")
    if states is not None:
        keep = set(states)
        graph = graph.subgraph(n for n, k in graph.nodes(data="kind")
                               if k == "organization" or n in keep).copy()
    projection = state_projection(graph, exclude=exclude)
    projection.graph["atop_day"] = to_day(atop_day)
    return projection


def atop_endings(discrepancies: pd.DataFrame) -> dict[int, pd.Timestamp]:
    """ATOP alliances that ended after ATOP's last day, from the ``discrepancies`` table: rows of
    table ``atop_alliances``, field ``end_date``, ``used`` = yes. Returns ``{atopid: end day}``."""
    rows = discrepancies[(discrepancies["table"] == "atop_alliances")
                         & (discrepancies["field"] == "end_date")
                         & (discrepancies["used"] == "yes")]
    return {int(r): to_day(v) for r, v in zip(rows["record_id"], rows["value"], strict=True)}


def width_class(weight: int, classes: Sequence[tuple[int, str]] = WIDTH_CLASSES) -> str:
    """The label of the class a tie count falls in: with the default classes 1 -> ``"1"``,
    2 or 3 -> ``"2–3"``, 4 or more -> ``"4+"``. A weight below the first class is an error."""
    if weight < classes[0][0]:
        raise ValueError(f"weight {weight} is below the lowest class ({classes[0][0]})")
    label = classes[0][1]
    for low, name in classes:
        if weight >= low:
            label = name
    return label


def tie_matrix(graph: nx.Graph, order: Sequence[str]) -> pd.DataFrame:
    """The tie graph (:func:`tie_graph`) as a square table: one row and one column per state of
    ``order``, in that order, each cell the number of ties the two states share (0 where none,
    and on the diagonal)."""
    codes = list(order)
    out = pd.DataFrame(0, index=codes, columns=codes, dtype="int64")
    for a, b, weight in graph.edges(data="weight"):
        if a in out.index and b in out.index:
            out.loc[a, b] = out.loc[b, a] = int(weight)
    return out


__all__ = [
    "ATOP_END",
    "ATOP_PREFIX",
    "WIDTH_CLASSES",
    "alliance_portfolio",
    "atop_endings",
    "defence_spells",
    "defence_partners",
    "double_ties",
    "portfolio_summary",
    "tie_graph",
    "tie_matrix",
    "width_class",
]
