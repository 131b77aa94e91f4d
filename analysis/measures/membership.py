"""Who belonged to what, with which status, on a day or over a period: the one home of
membership intervals, and of the rule for who is *inside* an alliance.

Intervals in ``memberships`` include ``start`` and exclude ``end`` (the day the status changed);
an empty ``end`` means the status still holds on the data's cut-off date. The network, the
CSTO-NATO comparison and the maps all ask these questions through this module: the DataFrame
functions (:func:`status_on`, :func:`members_on`, :func:`alliance_status_on`, ...) for one date,
and :class:`Intervals`, the table read once into plain columns, for many dates at once.

**Inside an alliance.** A state is inside an alliance on a day when it is a ``member``, or when,
after having been a member of the same body, it is ``suspended``, ``frozen`` or ``withdrawing``
(:func:`inside_rows`, :func:`inside_on`, :func:`states_inside`, :func:`inside_by_year`). The
CSTO is followed back through the 1992 Collective Security Treaty (CST): before the CSTO Charter
entered into force (:func:`charter_in_force`, the first day any state was a ``member`` of the
CSTO itself), the CST is the body that applies (:func:`body_on`).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from types import MappingProxyType

import numpy as np
import pandas as pd

from ..data.dates import NAT, as_ns, earliest, to_day

#: Statuses under which a state is bound by (or still inside) the organization.
IN_ORGANIZATION = ("member", "suspended", "frozen", "withdrawing")

#: Statuses of a state that is inside but not a full member (counted only after membership).
NOT_FULL: tuple[str, ...] = ("suspended", "frozen", "withdrawing")

#: Statuses under which a state counts as inside an organization (signed, bound, or on its way
#: out), in order of precedence when a state holds two at once (a CST member that signed the
#: CSTO Charter is a member of the alliance).
AFFILIATED: tuple[str, ...] = ("member", "withdrawing", "suspended", "frozen", "signatory")

#: The alliance under study: the 1992 treaty and the 2002 organization, taken as one.
ALLIANCE: tuple[str, ...] = ("CST", "CSTO")

#: Organizations that continue an earlier one: the CSTO continues the 1992 treaty (CST).
PREDECESSORS: Mapping[str, tuple[str, ...]] = MappingProxyType({"CSTO": ("CST",)})


def bodies(organization: str) -> tuple[str, ...]:
    """The organization codes that make up ``organization`` over time, oldest first:
    ``bodies("CSTO")`` -> ``("CST", "CSTO")``, ``bodies("NATO")`` -> ``("NATO",)``."""
    return (*PREDECESSORS.get(organization, ()), organization)


def _isin(value: object, wanted: set[str]) -> bool:
    return isinstance(value, str) and value in wanted


class Intervals:
    """The ``memberships`` table read once into plain columns, to ask about many dates cheaply.

    ``state``, ``organization`` and ``status`` are lists (a missing value stays missing and
    matches nothing); ``start`` and ``end`` are int64 nanoseconds
    (:func:`~analysis.data.dates.as_ns`, a missing date as ``NAT``). Positions index the rows of
    the table it was made from.
    """

    def __init__(self, memberships: pd.DataFrame) -> None:
        self.state = memberships["state"].tolist()
        self.organization = memberships["organization"].tolist()
        self.status = memberships["status"].tolist()
        self.start = as_ns(memberships["start"])
        self.end = as_ns(memberships["end"])

    def __len__(self) -> int:
        return len(self.state)

    def rows_of(self, organizations: Iterable[str]) -> list[int]:
        """Positions of the rows of ``organizations``."""
        wanted = set(organizations)
        return [i for i, org in enumerate(self.organization) if _isin(org, wanted)]

    def covers(self, rows: list[int], days: np.ndarray) -> np.ndarray:
        """rows x days: whether each row's interval holds on each day (int64 dates). A missing
        start never holds, a missing end always does."""
        start, end = self.start[rows][:, None], self.end[rows][:, None]
        return (start != NAT) & (start <= days) & ((end == NAT) | (end > days))

    def in_force(self, date: str | pd.Timestamp, organizations: Iterable[str] | None = None,
                 statuses: Iterable[str] | None = None) -> list[int]:
        """Positions of the rows in force on ``date``, optionally only those of
        ``organizations`` and with one of ``statuses``."""
        rows = range(len(self)) if organizations is None else self.rows_of(organizations)
        if statuses is not None:
            wanted = set(statuses)
            rows = [i for i in rows if _isin(self.status[i], wanted)]
        rows = list(rows)
        holds = self.covers(rows, np.array([to_day(date).value], dtype=np.int64))[:, 0]
        return [i for i, h in zip(rows, holds) if h]

    def alliance_status(self, date: str | pd.Timestamp,
                        organizations: Iterable[str] = ALLIANCE) -> list[tuple[object, str, str]]:
        """The rows of :func:`alliance_status_on` as (state, status, organization) tuples."""
        rows = self.in_force(date, organizations, AFFILIATED)

        def order(i: int) -> tuple:
            # As sort_values: a missing state last; status rank, then organization.
            state = self.state[i]
            return ((0, state) if isinstance(state, str) else (1, ""), _RANK[self.status[i]],
                    self.organization[i])

        out, seen = [], set()
        for i in sorted(rows, key=order):
            state = self.state[i]
            key = state if isinstance(state, str) else None  # missing states are one value
            if key in seen:
                continue
            seen.add(key)
            out.append((state, self.status[i], self.organization[i]))
        return out


_RANK = {status: rank for rank, status in enumerate(AFFILIATED)}


def in_force(memberships: pd.DataFrame, date: str | pd.Timestamp) -> pd.Series:
    """Boolean mask of the rows of ``memberships`` whose interval holds on ``date``."""
    on = to_day(date)
    return (memberships["start"] <= on) & (memberships["end"].isna() | (memberships["end"] > on))


def status_on(memberships: pd.DataFrame, date: str | pd.Timestamp) -> pd.DataFrame:
    """The rows of ``memberships`` in force on ``date``: one per state and organization.

    Returns the columns ``state``, ``organization`` and ``status``, sorted by organization, state.
    """
    found = memberships.loc[in_force(memberships, date), ["state", "organization", "status"]]
    return found.sort_values(["organization", "state"]).reset_index(drop=True)


def members_on(
    memberships: pd.DataFrame,
    date: str | pd.Timestamp,
    organization: str,
    statuses: Iterable[str] = ("member",),
) -> list[str]:
    """ISO3 codes of the states with one of ``statuses`` in ``organization`` on ``date``,
    sorted."""
    now = status_on(memberships, date)
    wanted = now[(now["organization"] == organization) & now["status"].isin(list(statuses))]
    return sorted(wanted["state"].tolist())


def alliance_status_on(
    memberships: pd.DataFrame,
    date: str | pd.Timestamp,
    organizations: Iterable[str] = ALLIANCE,
) -> pd.DataFrame:
    """Each state's status in the alliance formed by ``organizations`` taken together, on ``date``.

    A state holding statuses in two of them at once (in 2002-03 the CST members had signed the
    CSTO Charter) gets the first in :data:`AFFILIATED` order: member, withdrawing, suspended,
    frozen, signatory. States with none of these (outside, observers, partners) are left out.
    Returns ``state``, ``status`` and ``organization`` (where that status is held), sorted by
    state.
    """
    rows = Intervals(memberships).alliance_status(date, organizations)
    return pd.DataFrame({
        column: pd.array([row[n] for row in rows], dtype="string")
        for n, column in enumerate(("state", "status", "organization"))
    })


def ever_members(memberships: pd.DataFrame, organizations: Iterable[str]) -> list[str]:
    """States that were ever ``member`` of any of ``organizations``, sorted."""
    orgs = list(organizations)
    member = memberships["status"] == "member"
    rows = memberships[memberships["organization"].isin(orgs) & member]
    return sorted(rows["state"].unique().tolist())


def intervals(
    memberships: pd.DataFrame, organizations: Iterable[str], until: str | pd.Timestamp
) -> pd.DataFrame:
    """Membership intervals in ``organizations`` with open ends closed at ``until``.

    Returns ``state``, ``organization``, ``status``, ``start``, ``end`` and ``open`` (True where
    the interval still holds), sorted by state and start: the rows a timeline chart draws.
    """
    orgs = list(organizations)
    rows = memberships[memberships["organization"].isin(orgs)].copy()
    rows["open"] = rows["end"].isna()
    rows["end"] = rows["end"].fillna(to_day(until))
    columns = ["state", "organization", "status", "start", "end", "open"]
    return rows[columns].sort_values(["state", "start"]).reset_index(drop=True)


# --- inside an alliance -------------------------------------------------------------------------


def charter_in_force(memberships: pd.DataFrame | Intervals, alliance: str) -> pd.Timestamp | None:
    """First day any state was a ``member`` of ``alliance`` itself (not of its predecessor), or
    None when the alliance has no predecessor: the day its own body took over."""
    if alliance not in PREDECESSORS:
        return None
    table = memberships if isinstance(memberships, Intervals) else Intervals(memberships)
    rows = [i for i in table.rows_of([alliance]) if table.status[i] == "member"]
    return earliest(table.start[rows]) if rows else None


def body_on(alliance: str, day: pd.Timestamp, switch: pd.Timestamp | None) -> str:
    """The organization whose membership counts for ``alliance`` on ``day``: its predecessor
    before ``switch`` (:func:`charter_in_force`), else the alliance itself."""
    if switch is not None and day < switch:
        return PREDECESSORS[alliance][-1]
    return alliance


def inside_rows(table: Intervals, organizations: Iterable[str]) -> list[int]:
    """Positions of the rows of ``organizations`` that make a state inside: ``member`` rows, and
    ``suspended``, ``frozen`` or ``withdrawing`` rows of a state that was a member of the same
    body before; sorted by organization, state and start (missing last), member rows first on
    ties."""
    rows = table.rows_of(organizations)
    full = [i for i in rows if table.status[i] == "member"]
    first_member: dict[tuple[str, str], int] = {}
    for i in full:
        key, start = (table.state[i], table.organization[i]), int(table.start[i])
        if isinstance(key[0], str) and start != NAT:
            first_member[key] = min(first_member.get(key, start), start)
    after_membership = []
    for i in rows:
        state, start = table.state[i], int(table.start[i])
        if (table.status[i] in NOT_FULL and isinstance(state, str) and start != NAT
                and first_member.get((state, table.organization[i]), start + 1) <= start):
            after_membership.append(i)

    def order(i: int) -> tuple:
        state, start = table.state[i], int(table.start[i])
        return (table.organization[i],
                (0, state) if isinstance(state, str) else (1, ""),
                (0, start) if start != NAT else (1, 0))

    return sorted(full + after_membership, key=order)


def inside_on(table: Intervals, alliance: str, day: pd.Timestamp) -> list[int]:
    """Positions of the rows that make a state inside ``alliance`` on ``day`` (the body that
    applies that day, :func:`body_on`), in the order of :func:`inside_rows`."""
    body = body_on(alliance, day, charter_in_force(table, alliance))
    rows = inside_rows(table, [body])
    holds = table.covers(rows, as_ns([day]))[:, 0]
    return [i for i, h in zip(rows, holds) if h]


def states_inside(memberships: pd.DataFrame, alliance: str,
                  date: str | pd.Timestamp) -> pd.DataFrame:
    """States inside ``alliance`` on ``date``: columns ``state`` and ``status`` (``member``, or
    ``suspended``/``frozen``/``withdrawing`` for former members), sorted by state."""
    now = inside_on(Intervals(memberships), alliance, to_day(date))
    columns = [memberships.columns.get_loc("state"), memberships.columns.get_loc("status")]
    return memberships.iloc[now, columns].sort_values("state").reset_index(drop=True)


def inside_by_year(memberships: pd.DataFrame, alliance: str,
                   years: Iterable[int]) -> pd.DataFrame:
    """The states inside ``alliance`` on 31 December of each of ``years``.

    Inside means a ``member``, or a former member of the same body that is ``suspended``,
    ``frozen`` or ``withdrawing`` (:func:`inside_rows`); the CSTO's years before 2003 are read
    from the 1992 treaty (CST). Returns ``organization``, ``year``, ``state`` and ``status``
    (``member`` when the state holds that status on the day, otherwise the status it holds),
    sorted by year and state.
    """
    years = [int(y) for y in years]
    table = Intervals(memberships)
    rows = inside_rows(table, bodies(alliance))
    days = as_ns([pd.Timestamp(year=y, month=12, day=31) for y in years])
    holds = table.covers(rows, days) if rows else np.zeros((0, len(years)), dtype=bool)
    found: dict[tuple[int, str], str] = {}
    for r, i in enumerate(rows):
        state = table.state[i]
        if not isinstance(state, str):
            continue
        for n, year in enumerate(years):
            if holds[r, n]:
                key = (year, state)
                if found.get(key) != "member":
                    found[key] = table.status[i]
    ordered = sorted(found)
    return pd.DataFrame({
        "organization": pd.array([alliance] * len(ordered), dtype="string"),
        "year": np.array([y for y, _ in ordered], dtype=np.int64),
        "state": pd.array([s for _, s in ordered], dtype="string"),
        "status": pd.array([found[k] for k in ordered], dtype="string"),
    })
