"""How each alliance's membership grew and shrank: counts of states inside it over time, its
largest membership, and who left (who is inside on a day is :mod:`~analysis.measures.membership`'s
question).

Both alliances are read from the same tables. The CSTO is followed back through the 1992
Collective Security Treaty (CST): before the CSTO Charter entered into force (the first day any
state was a ``member`` of the CSTO), the CST is the body that applies, and every table here says
which body a count refers to.

A state counts as *inside* an alliance by the rule of :mod:`~analysis.measures.membership`: a
``member``, or, after having been a member of the same body, ``suspended``, ``frozen`` or
``withdrawing``.

Membership is asked on many dates at once, through the membership table read once into plain
columns (:class:`~analysis.measures.membership.Intervals`; dates as int64 nanoseconds, a missing
date as NAT).
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
import pandas as pd

from ..data.dates import NAT, as_ns, earliest, from_ns, to_day
from .membership import (
    Intervals,
    bodies,
    body_on,
    charter_in_force,
    inside_on,
    inside_rows,
)

#: The two alliances compared, in the order of the comparison table's columns.
ALLIANCES: tuple[str, ...] = ("CSTO", "NATO")

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
    end: str | pd.Timestamp,
    organizations: Iterable[str] = ALLIANCES,
    start: str | pd.Timestamp | None = None,
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

    Dates are ``pd.date_range(start, end, freq=freq)`` (``end`` is usually the data's cut-off
    date); ``start`` defaults to the first day any state signed or joined one of the alliances'
    bodies, and an alliance has no rows before its own first such day. With ``include_end``,
    ``end`` is added as a last date when it is not a period end itself, so that the table ends
    "today".
    """
    alliances = list(organizations)
    table = Intervals(memberships)
    all_bodies = [b for a in alliances for b in bodies(a)]
    first_day = earliest(table.start[table.rows_of(all_bodies)])
    first = to_day(start) if start is not None else first_day
    last = to_day(end)
    dates = list(pd.date_range(first, last, freq=freq))
    if include_end and (not dates or dates[-1] != last):
        dates.append(last)
    columns: dict[str, list] = {c: [] for c in ("date", "organization", "body", "members",
                                                "suspended_or_frozen", "inside")}
    for alliance in alliances:
        members_of = bodies(alliance)
        opened = earliest(table.start[table.rows_of(members_of)])
        switch = charter_in_force(table, alliance)
        inside = inside_rows(table, members_of)
        days = [day for day in dates if not (pd.isna(opened) or day < opened)]
        body_of_day = [body_on(alliance, day, switch) for day in days]
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
    switch = charter_in_force(table, alliance)
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
    switch = charter_in_force(table, alliance)
    inside = inside_rows(table, bodies(alliance))
    days = _change_points(table, alliance)
    body_of_day = [body_on(alliance, day, switch) for day in days]
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


def states_that_left(
    memberships: pd.DataFrame, alliance: str, date: str | pd.Timestamp
) -> pd.DataFrame:
    """States once ``member`` of ``alliance`` (or its predecessor) that are not inside it on
    ``date``: columns ``state`` and ``left`` (the last day their membership, or suspension,
    ended, i.e. the first day outside), sorted by state."""
    day = to_day(date)
    table = Intervals(memberships)
    now = {table.state[i] for i in inside_on(table, alliance, day)}
    left: dict[str, int] = {}
    for i in inside_rows(table, bodies(alliance)):
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
    "states_that_left",
]
