"""How each alliance's membership grew and shrank: counts of states inside it over time, its
largest membership, who is inside on a day and who left.

Both alliances are read from the same tables. The CSTO is followed back through the 1992
Collective Security Treaty (CST): before the CSTO Charter entered into force (the first day any
state was a ``member`` of the CSTO), the CST is the body that applies, and every table here says
which body a count refers to.

A state counts as *inside* an alliance when it is a ``member`` or when, after having been a member
of the same body, it is ``suspended``, ``frozen`` or ``withdrawing``.

Membership is asked on many dates at once, through the membership table read once into plain
columns (:class:`~analysis.measures.membership.Intervals`; dates as int64 nanoseconds, a missing
date as NAT).
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
import pandas as pd

from ..data.dates import NAT, as_ns, from_ns, to_day
from ..data.edition import data_cutoff
from .membership import PREDECESSORS, Intervals, bodies

#: The two alliances compared, in the order of the comparison table's columns.
ALLIANCES: tuple[str, ...] = ("CSTO", "NATO")

#: Statuses of a state that is inside but not a full member (counted only after membership).
NOT_FULL: tuple[str, ...] = ("suspended", "frozen", "withdrawing")



def _day(date: str | pd.Timestamp | None) -> pd.Timestamp:
    """``date`` as a day; None means the data's cut-off date (``data/package.yml``)."""
    return data_cutoff() if date is None else to_day(date)


def _earliest(starts: np.ndarray) -> pd.Timestamp:
    """The earliest of int64 dates, NaT when there is none (as ``Series.min`` gives)."""
    known = starts[starts != NAT]
    return pd.Timestamp(int(known.min()), unit="ns") if len(known) else pd.NaT


def _charter_in_force(memberships: pd.DataFrame | Intervals, alliance: str) -> pd.Timestamp | None:
    """First day any state was a ``member`` of ``alliance`` itself (not of its predecessor), or
    None when the alliance has no predecessor: the day its own body took over."""
    if alliance not in PREDECESSORS:
        return None
    table = memberships if isinstance(memberships, Intervals) else Intervals(memberships)
    rows = [i for i in table.rows_of([alliance]) if table.status[i] == "member"]
    return _earliest(table.start[rows]) if rows else None


def _body_on(alliance: str, day: pd.Timestamp, switch: pd.Timestamp | None) -> str:
    if switch is not None and day < switch:
        return PREDECESSORS[alliance][-1]
    return alliance


def _inside_positions(table: Intervals, organizations: Iterable[str]) -> list[int]:
    """Positions of the rows of ``bodies`` that make a state inside: ``member`` rows, and
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


def _inside_rows(memberships: pd.DataFrame, organizations: Iterable[str]) -> pd.DataFrame:
    """Rows of ``organizations`` that make a state inside: ``member`` rows, and ``suspended``, ``frozen``
    or ``withdrawing`` rows of a state that was a member of the same body before."""
    return memberships.iloc[_inside_positions(Intervals(memberships), organizations)]


def _counts_over(table: Intervals, inside: list[int], body: str,
                 days: np.ndarray) -> dict[str, np.ndarray]:
    """Numbers of distinct states (``members``, ``suspended_or_frozen``, ``inside``) among the
    ``inside`` rows of ``body`` holding on each of ``days`` (int64 dates)."""
    rows = [i for i in inside if table.organization[i] == body and isinstance(table.state[i], str)]
    codes = {s: n for n, s in enumerate(dict.fromkeys(table.state[i] for i in rows))}
    # states x rows: which state each row belongs to.
    owner = np.zeros((len(codes), len(rows)), dtype=np.int64)
    owner[[codes[table.state[i]] for i in rows], np.arange(len(rows))] = 1
    covers = table.covers(rows, days).astype(np.int64)
    statuses = [table.status[i] for i in rows]

    def distinct(kind: list[bool]) -> np.ndarray:
        held = (owner * np.array(kind, dtype=np.int64)) @ covers
        return (held > 0).sum(axis=0).astype(np.int64)

    return {"members": distinct([s == "member" for s in statuses]),
            "suspended_or_frozen": distinct([s in ("suspended", "frozen") for s in statuses]),
            "inside": distinct([True] * len(rows))}


def membership_growth(
    memberships: pd.DataFrame,
    organizations: Iterable[str] = ALLIANCES,
    start: str | pd.Timestamp | None = None,
    end: str | pd.Timestamp | None = None,
    freq: str = "YE",
    include_end: bool = True,
) -> pd.DataFrame:
    """Number of states in each alliance at each period end (by default each year end).

    Returns one row per alliance and date with columns ``date``, ``organization`` (the alliance,
    e.g. CSTO), ``body`` (the organization whose membership is counted on that date: the CST
    before the CSTO Charter entered into force), ``members`` (states with status ``member``),
    ``suspended_or_frozen`` (former members now ``suspended`` or ``frozen``) and ``inside``
    (members plus suspended, frozen or withdrawing former members); counts are numbers of
    states. Intervals include their start and exclude their end, so a state that joins on a
    date is counted on that date and one that leaves on it is not.

    Dates are ``pd.date_range(start, end, freq=freq)``; ``start`` defaults to the first day
    any state signed or joined one of the alliances' bodies, and an alliance has no rows before
    its own first such day. With ``include_end``, ``end`` is added as a last date when it is
    not a period end itself, so that the table ends "today".
    """
    alliances = list(organizations)
    table = Intervals(memberships)
    all_bodies = [b for a in alliances for b in bodies(a)]
    first = _day(start) if start is not None else _earliest(table.start[table.rows_of(all_bodies)])
    last = _day(end)
    dates = list(pd.date_range(first, last, freq=freq))
    if include_end and (not dates or dates[-1] != last):
        dates.append(last)
    columns: dict[str, list] = {c: [] for c in ("date", "organization", "body", "members",
                                                "suspended_or_frozen", "inside")}
    for alliance in alliances:
        members_of = bodies(alliance)
        opened = _earliest(table.start[table.rows_of(members_of)])
        switch = _charter_in_force(table, alliance)
        inside = _inside_positions(table, members_of)
        days = [day for day in dates if not (pd.isna(opened) or day < opened)]
        body_of_day = [_body_on(alliance, day, switch) for day in days]
        days_ns = as_ns(days)
        counts = {body: _counts_over(table, inside, body, days_ns) for body in set(body_of_day)}
        columns["date"] += days_ns.tolist()
        columns["organization"] += [alliance] * len(days)
        columns["body"] += body_of_day
        for col in ("members", "suspended_or_frozen", "inside"):
            columns[col] += [int(counts[body][col][n]) for n, body in enumerate(body_of_day)]
    growth = pd.DataFrame({
        "date": from_ns(columns["date"]),
        "organization": pd.array(columns["organization"], dtype="string"),
        "body": pd.array(columns["body"], dtype="string"),
        **{col: np.array(columns[col], dtype=np.int64)
           for col in ("members", "suspended_or_frozen", "inside")},
    })
    return growth.sort_values(["organization", "date"]).reset_index(drop=True)


def _change_points(memberships: pd.DataFrame | Intervals, alliance: str) -> list[pd.Timestamp]:
    """Every day on which the membership of ``alliance`` (or of its predecessor) can change."""
    table = memberships if isinstance(memberships, Intervals) else Intervals(memberships)
    rows = table.rows_of(bodies(alliance))
    days = np.concatenate([table.start[rows], table.end[rows]])
    days = days[days != NAT]
    switch = _charter_in_force(table, alliance)
    if switch is not None:
        days = np.append(days, switch.value)
    return [pd.Timestamp(int(d), unit="ns") for d in np.unique(days)]


def largest_membership(memberships: pd.DataFrame, alliance: str) -> dict[str, object]:
    """The most states ever ``member`` of ``alliance`` at once (its predecessor included).

    Returns ``members`` (a count of states), ``since`` (first day that count was reached),
    ``until`` (the day it first dropped below it, or NaT if it still holds) and ``body``
    (the organization counted on ``since``).
    """
    table = Intervals(memberships)
    switch = _charter_in_force(table, alliance)
    inside = _inside_positions(table, bodies(alliance))
    days = _change_points(table, alliance)
    body_of_day = [_body_on(alliance, day, switch) for day in days]
    days_ns = as_ns(days)
    members = {body: _counts_over(table, inside, body, days_ns)["members"]
               for body in set(body_of_day)}
    series = [(day, body, int(members[body][n]))
              for n, (day, body) in enumerate(zip(days, body_of_day))]
    best = max(count for _, _, count in series)
    since_index = next(i for i, (_, _, count) in enumerate(series) if count == best)
    until = next((day for day, _, count in series[since_index:] if count < best), pd.NaT)
    day, body, _ = series[since_index]
    return {"members": best, "since": day, "until": until, "body": body}


def _inside_on(table: Intervals, alliance: str, day: pd.Timestamp) -> list[int]:
    """Positions of the rows that make a state inside ``alliance`` on ``day``, in the order of
    :func:`_inside_positions`."""
    body = _body_on(alliance, day, _charter_in_force(table, alliance))
    rows = _inside_positions(table, [body])
    holds = table.covers(rows, as_ns([day]))[:, 0]
    return [i for i, h in zip(rows, holds) if h]


def states_inside(
    memberships: pd.DataFrame, alliance: str, date: str | pd.Timestamp | None = None
) -> pd.DataFrame:
    """States inside ``alliance`` on ``date``: columns ``state`` and ``status`` (``member``, or
    ``suspended``/``frozen``/``withdrawing`` for former members), sorted by state."""
    now = _inside_on(Intervals(memberships), alliance, _day(date))
    columns = [memberships.columns.get_loc("state"), memberships.columns.get_loc("status")]
    return memberships.iloc[now, columns].sort_values("state").reset_index(drop=True)


def states_that_left(
    memberships: pd.DataFrame, alliance: str, date: str | pd.Timestamp | None = None
) -> pd.DataFrame:
    """States once ``member`` of ``alliance`` (or its predecessor) that are not inside it on
    ``date``: columns ``state`` and ``left`` (the last day their membership, or suspension,
    ended, i.e. the first day outside), sorted by state."""
    day = _day(date)
    table = Intervals(memberships)
    now = {table.state[i] for i in _inside_on(table, alliance, day)}
    left: dict[str, int] = {}
    for i in _inside_positions(table, bodies(alliance)):
        state, start = table.state[i], int(table.start[i])
        if start == NAT or start > day.value or not isinstance(state, str) or state in now:
            continue
        end = int(table.end[i])
        left[state] = max(left.get(state, NAT), end) if end != NAT else left.get(state, NAT)
    states = sorted(left)
    ends = from_ns([left[s] for s in states])
    return pd.DataFrame({
        "state": pd.array(states, dtype=memberships["state"].dtype),
        "left": ends.astype(memberships["end"].dtype),
    })



__all__ = [
    "ALLIANCES",
    "largest_membership",
    "membership_growth",
    "states_inside",
    "states_that_left",
]
