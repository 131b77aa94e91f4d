"""The CSTO compared with NATO: growth, concentration of power, and use of the defence clause.

Both alliances are read from the same tables. The CSTO is followed back through the 1992
Collective Security Treaty (CST): before the CSTO Charter entered into force (the first day any
state was a ``member`` of the CSTO), the CST is the body that applies, and every table here says
which body a count refers to.

A state counts as *inside* an alliance when it is a ``member`` or when, after having been a member
of the same body, it is ``suspended``, ``frozen`` or ``withdrawing``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

import numpy as np
import pandas as pd

from ..data.dates import NAT, as_ns, from_ns, to_day
from ..data.edition import data_cutoff
from .membership import PREDECESSORS, Intervals, bodies
from .requests import LEVEL_RANK, request_outcomes

#: The two alliances compared, in the order of the comparison table's columns.
ALLIANCES: tuple[str, ...] = ("CSTO", "NATO")

#: Statuses of a state that is inside but not a full member (counted only after membership).
NOT_FULL: tuple[str, ...] = ("suspended", "frozen", "withdrawing")

#: The collective-defence clause of each alliance, as the comparison names it.
COLLECTIVE_DEFENCE_CLAUSE: dict[str, str] = {
    "CSTO": "Article 4 of the Collective Security Treaty (1992)",
    "NATO": "Article 5 of the North Atlantic Treaty (1949)",
}

#: Why the CSTO's clause is given as Article 4 although some of our seed texts say otherwise.
CLAUSE_NOTE: dict[str, str] = {
    "CSTO": "Some seed texts name Article 7; the mutual-assistance clause of the 1992 treaty, "
    "the one members invoked in 2022, is Article 4, and the comparison uses it.",
    "NATO": "An armed attack on one ally is an attack on all.",
}

#: Regular expressions that find each kind of request in ``requests.instrument``:
#: ``collective_defence`` is the mutual-defence clause, ``consultation`` the consultation clause
#: (NATO Article 4; for the CSTO, Article 2 of the treaty).
CLAUSE_PATTERNS: dict[tuple[str, str], str] = {
    ("CSTO", "collective_defence"): r"\bArticle\s+4\b",
    ("CSTO", "consultation"): r"\bArticle\s+2\b",
    ("NATO", "collective_defence"): r"\bArticle\s+5\b",
    ("NATO", "consultation"): r"\bArticle\s+4\b",
}

#: Short names of the clauses, for labels.
CLAUSE_LABEL: dict[tuple[str, str], str] = {
    ("CSTO", "collective_defence"): "CSTO Art. 4 (collective defence)",
    ("NATO", "collective_defence"): "NATO Art. 5 (collective defence)",
    ("CSTO", "consultation"): "CSTO Art. 2 (consultations)",
    ("NATO", "consultation"): "NATO Art. 4 (consultations)",
}

#: The ``capabilities`` measure holding each alliance's budget shares.
BUDGET_MEASURE: dict[str, str] = {"CSTO": "csto_budget_share", "NATO": "nato_common_budget_share"}



# --- membership -------------------------------------------------------------------------------
#
# Asked on many dates at once, through the membership table read once into plain columns
# (membership.Intervals; dates as int64 nanoseconds, a missing date as NAT).


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


# --- requests ---------------------------------------------------------------------------------


def clause_invocations(requests: pd.DataFrame, responses: pd.DataFrame) -> pd.DataFrame:
    """Each occasion on which a member invoked its alliance's defence or consultation clause.

    A request counts when ``request_made`` is ``yes`` and its ``instrument`` names the clause
    (:data:`CLAUSE_PATTERNS`: CSTO Article 4 and NATO Article 5 for collective defence, NATO
    Article 4 and CSTO Article 2 for consultations); requests that name no article are not
    counted. Requests of several members about the same crisis on the same day (NATO's joint
    request of 24 February 2022) are one occasion.

    Returns one row per occasion: ``organization``, ``clause`` (``collective_defence`` or
    ``consultation``), ``label``, ``crisis``, ``date``, ``request_ids`` (``;``-separated),
    ``n_requests`` (requests merged) and ``outcome`` (the highest response level over those
    requests, ``none`` where no response is recorded), sorted by organization, clause, date.
    """
    made = [i for i, m in enumerate(requests["request_made"].tolist()) if _is(m, "yes")]
    outcomes = request_outcomes(requests, responses)
    highest = dict(zip(outcomes["request_id"].tolist(), outcomes["highest_level"].tolist()))
    request_id, organization = requests["request_id"].tolist(), requests["organization"].tolist()
    crisis, instrument = requests["crisis"].tolist(), requests["instrument"].tolist()
    dates = as_ns(requests["date"])
    columns: dict[str, list] = {c: [] for c in ("organization", "clause", "label", "crisis",
                                                "date", "request_ids", "n_requests", "outcome")}
    for (org, clause), pattern in CLAUSE_PATTERNS.items():
        found = re.compile(pattern)
        # Requests naming the clause by (crisis, date); a missing crisis or date joins none.
        occasions: dict[tuple[str, int], list[int]] = {}
        for i in made:
            if (_is(organization[i], org) and isinstance(instrument[i], str)
                    and found.search(instrument[i]) and isinstance(crisis[i], str)
                    and dates[i] != NAT):
                occasions.setdefault((crisis[i], int(dates[i])), []).append(i)
        for (crisis_name, day), group in sorted(occasions.items()):
            levels = [highest.get(request_id[i], "none") for i in group]
            columns["organization"].append(org)
            columns["clause"].append(clause)
            columns["label"].append(CLAUSE_LABEL[(org, clause)])
            columns["crisis"].append(crisis_name)
            columns["date"].append(day)
            columns["request_ids"].append(";".join(sorted(request_id[i] for i in group)))
            columns["n_requests"].append(len(group))
            columns["outcome"].append(max(levels, key=LEVEL_RANK.__getitem__))
    out = pd.DataFrame({
        col: (from_ns(values) if col == "date"
              else np.array(values, dtype=np.int64) if col == "n_requests"
              else pd.array(values, dtype="string"))
        for col, values in columns.items()
    })
    return out.sort_values(["organization", "clause", "date"]).reset_index(drop=True)


def _is(value: object, wanted: str) -> bool:
    """``value == wanted``, False for a missing value."""
    return isinstance(value, str) and value == wanted


# --- capabilities -----------------------------------------------------------------------------


def concentration(
    capabilities: pd.DataFrame,
    measure: str,
    states: Iterable[str],
    year: int | None = None,
) -> pd.DataFrame:
    """How concentrated ``measure`` is among ``states``: one row.

    Shares are computed only over the states with data, and the row says how many there are
    (``n_with_data`` of ``n_states``). For a measure in persons or money a state's share is its
    value divided by the total of the states with data. For a measure in ``percent`` (a budget
    share) the value already is the state's share of the whole budget, so it is used as given;
    then the Herfindahl-Hirschman index is a lower bound when some states lack data.

    ``year`` picks one year. Without it, persons and money use each state's latest figure (years
    may differ: see ``year_min`` and ``year_max``), while percent measures use the latest year with
    any figure, because shares of different years' budgets cannot be combined.

    Returns ``measure``, ``unit``, ``n_states``, ``n_with_data``, ``year_min``, ``year_max``,
    ``editions`` (``; ``-separated), ``largest_state`` (``;``-joined when tied),
    ``largest_value`` (in ``unit``), ``largest_year`` and ``largest_edition`` (what the largest
    value refers to), ``largest_share`` (0-1), ``hhi`` (sum of squared shares,
    0-1; 1/n when n states with data are equal, 1 when one state holds everything) and
    ``share_basis`` (how shares were computed).
    """
    return _concentration_frame([_concentration(capabilities, measure, states, year)])


def _concentration(
    capabilities: pd.DataFrame, measure: str, states: Iterable[str], year: int | None
) -> dict[str, object]:
    """The values of the one row of :func:`concentration`."""
    wanted = sorted(set(states))
    state, unit_of = capabilities["state"].tolist(), capabilities["unit"].tolist()
    years, edition = capabilities["year"].tolist(), capabilities["edition"].tolist()
    of_measure = [i for i, m in enumerate(capabilities["measure"].tolist()) if _is(m, measure)]
    units = list(dict.fromkeys(unit_of[i] for i in of_measure if not pd.isna(unit_of[i])))
    if len(units) > 1:
        raise ValueError(f"{measure} comes in several units: {units}")
    unit = units[0] if units else pd.NA
    percent = bool(units) and unit == "percent"
    chosen = set(wanted)
    rows = [i for i in of_measure if state[i] in chosen]
    if year is not None:
        rows = [i for i in rows if not pd.isna(years[i]) and years[i] == year]
    elif percent and len(rows):
        known = [years[i] for i in rows if not pd.isna(years[i])]
        latest = max(known) if known else None
        rows = [i for i in rows if latest is not None and not pd.isna(years[i])
                and years[i] == latest]
    elif len(rows):
        # Each state's last row once sorted by year (the frame's own sort, ties included).
        by_year = pd.Series(capabilities["year"].array.take(rows)).sort_values().index
        ordered = [rows[k] for k in by_year]
        last = {state[i]: i for i in ordered if not pd.isna(state[i])}
        kept = set(last.values())
        rows = [i for i in ordered if i in kept]
    result: dict[str, object] = {
        "measure": measure, "unit": unit, "n_states": len(wanted), "n_with_data": len(rows),
        "year_min": pd.NA, "year_max": pd.NA, "editions": pd.NA, "largest_state": pd.NA,
        "largest_value": float("nan"), "largest_year": pd.NA, "largest_edition": pd.NA,
        "largest_share": float("nan"), "hhi": float("nan"),
        "share_basis": "reported share of the whole budget (HHI is a lower bound when data is "
        "partial)" if percent else "share of the total over states with data",
    }
    if len(rows):
        values = capabilities["value"].to_numpy(dtype="float64", na_value=np.nan)[rows]
        with np.errstate(all="ignore"):
            shares = values / 100.0 if percent else values / _nansum(values)
            squares = shares**2
        top = _nanmax(values)
        top_rows = [i for i, v in zip(rows, values) if v == top]

        def known_years(positions: list[int]) -> list[int]:
            return [years[i] for i in positions if not pd.isna(years[i])]

        result.update({
            "year_min": int(min(known_years(rows), default=pd.NA)),
            "year_max": int(max(known_years(rows), default=pd.NA)),
            "editions": "; ".join(sorted(dict.fromkeys(edition[i] for i in rows))),
            "largest_state": ";".join(sorted(state[i] for i in top_rows)),
            "largest_value": float(top),
            "largest_year": int(max(known_years(top_rows), default=pd.NA)),
            "largest_edition": "; ".join(sorted(dict.fromkeys(edition[i] for i in top_rows))),
            "largest_share": float(_nanmax(shares)),
            "hhi": float(_nansum(squares)),
        })
    return result


def _nansum(values: np.ndarray) -> np.float64:
    """Sum skipping NaN, added up as ``Series.sum`` does."""
    return np.where(np.isnan(values), 0.0, values).sum(dtype=np.float64)


def _nanmax(values: np.ndarray) -> float:
    """Largest value skipping NaN (NaN when there is none), as ``Series.max``."""
    known = values[~np.isnan(values)]
    return known.max() if len(known) else np.nan


_TEXT_COLUMNS = ("measure", "unit", "editions", "largest_state", "largest_edition", "share_basis")


def _concentration_frame(results: list[dict[str, object]],
                         **leading: list[str]) -> pd.DataFrame:
    """Rows of :func:`concentration` (``leading`` text columns first), typed as it types them."""
    columns: dict[str, object] = {name: pd.array(values, dtype="string")
                                  for name, values in leading.items()}
    for col in results[0]:
        values = [r[col] for r in results]
        if col in _TEXT_COLUMNS:
            columns[col] = pd.array(values, dtype="string")
        elif col in ("n_states", "n_with_data"):
            columns[col] = np.array(values, dtype=np.int64)
        elif col in ("year_min", "year_max", "largest_year"):
            columns[col] = pd.array(values, dtype="Int64")
        else:
            columns[col] = np.array(values, dtype=np.float64)
    return pd.DataFrame(columns)


def largest_member_shares(
    memberships: pd.DataFrame, capabilities: pd.DataFrame, date: str | pd.Timestamp | None = None
) -> pd.DataFrame:
    """Concentration of the common budget and of active forces in each alliance.

    For each alliance in :data:`ALLIANCES` and each panel (``budget``: the alliance's budget-share
    measure; ``forces``: ``active_personnel``), :func:`concentration` over the states inside the
    alliance on ``date`` (members and frozen or suspended members). Returns ``organization``,
    ``panel`` and the columns of :func:`concentration`.
    """
    table, day = Intervals(memberships), _day(date)
    results, organizations, panels = [], [], []
    for alliance in ALLIANCES:
        states = [table.state[i] for i in _inside_on(table, alliance, day)]
        for panel, measure in (("budget", BUDGET_MEASURE[alliance]),
                               ("forces", "active_personnel")):
            results.append(_concentration(capabilities, measure, states, None))
            organizations.append(alliance)
            panels.append(panel)
    return _concentration_frame(results, organization=organizations, panel=panels)


def _capability_rows(capabilities: pd.DataFrame, measure: str, states: list[str]) -> list[int]:
    """Positions of the rows of ``measure`` for ``states``."""
    wanted, state = set(states), capabilities["state"].tolist()
    return [i for i, m in enumerate(capabilities["measure"].tolist())
            if _is(m, measure) and state[i] in wanted]


def _best_year_of(rows: list[int], capabilities: pd.DataFrame) -> int | None:
    """The year in which most of the states in ``rows`` have a figure (the latest if tied)."""
    if not rows:
        return None
    state, years = capabilities["state"].tolist(), capabilities["year"].tolist()
    states_by_year: dict[int, set[str]] = {}
    for i in rows:
        if not pd.isna(years[i]):
            states_by_year.setdefault(years[i], set())
            if not pd.isna(state[i]):
                states_by_year[years[i]].add(state[i])
    coverage = sorted((len(s), y) for y, s in states_by_year.items())
    return int(coverage[-1][1])


def _spending_split(capabilities: pd.DataFrame, states: list[str]) -> dict[str, object]:
    """Defence spending of the biggest spender and of the other states with data, in the year with
    the best coverage."""
    rows = _capability_rows(capabilities, "defence_spending", states)
    year = _best_year_of(rows, capabilities)
    empty = {"year": pd.NA, "largest_state": pd.NA, "largest": pd.NA, "rest": pd.NA,
             "n_rest": 0, "n_states": len(states), "edition": pd.NA}
    if year is None:
        return empty
    years, state = capabilities["year"].tolist(), capabilities["state"].tolist()
    edition = capabilities["edition"].tolist()
    value = capabilities["value"].to_numpy(dtype="float64", na_value=np.nan)
    rows = [i for i in rows if not pd.isna(years[i]) and years[i] == year]

    def order(i: int) -> tuple:
        # Largest value first, then state; missing values last, ties in table order.
        missing_value, missing_state = bool(np.isnan(value[i])), pd.isna(state[i])
        return (missing_value, 0.0 if missing_value else -value[i],
                missing_state, "" if missing_state else state[i])

    rows = sorted(rows, key=order)
    top = rows[0]
    editions = sorted(dict.fromkeys(edition[i] for i in rows))
    return {"year": year, "largest_state": state[top], "largest": float(value[top]),
            "rest": float(_nansum(value[rows[1:]])), "n_rest": len(rows) - 1,
            "n_states": len(states), "edition": "; ".join(editions)}


# --- the comparison table ---------------------------------------------------------------------


def _fmt_day(day: pd.Timestamp) -> str:
    return f"{day:%Y-%m-%d}"


def _pct(share: float) -> object:
    return pd.NA if pd.isna(share) else round(100.0 * share, 1)


def side_by_side(
    memberships: pd.DataFrame,
    organizations: pd.DataFrame,
    requests: pd.DataFrame,
    responses: pd.DataFrame,
    capabilities: pd.DataFrame,
    as_of: str | pd.Timestamp | None = None,
) -> pd.DataFrame:
    """The CSTO and NATO side by side: one row per measure.

    Returns columns ``measure``, ``CSTO``, ``NATO`` (the values, which may be numbers or text;
    missing where the data has none), ``unit`` and ``note`` (what body, date, year, edition or
    coverage each value refers to, CSTO first). Membership is read on ``as_of``; capabilities use
    the latest figures, over the states inside each alliance on ``as_of``. Invocations count
    occasions as :func:`clause_invocations` does; "answered with troops" means the highest
    response level was ``deployment``.
    """
    day = _day(as_of)
    table: list[dict[str, object]] = []

    def add(measure: str, values: Mapping[str, object], unit: str, notes: Mapping[str, str]):
        table.append({"measure": measure, **{a: values.get(a, pd.NA) for a in ALLIANCES},
                      "unit": unit,
                      "note": " | ".join(f"{a}: {notes[a]}" for a in ALLIANCES if notes.get(a))})

    founded = organizations.set_index("code")["founded"]

    def founding_note(a: str) -> str:
        text = "; ".join(f"{b} founded {_fmt_day(founded[b])}" for b in bodies(a))
        switch = _charter_in_force(memberships, a)
        return text + (f"; {a} membership from {_fmt_day(switch)}" if switch is not None else "")

    add("founding year",
        {a: int(founded[bodies(a)[0]].year) for a in ALLIANCES}, "year",
        {a: founding_note(a) for a in ALLIANCES})

    inside = {a: states_inside(memberships, a, day) for a in ALLIANCES}
    add("members today", {a: int((inside[a]["status"] == "member").sum()) for a in ALLIANCES},
        "states", {a: f"status member on {_fmt_day(day)}" for a in ALLIANCES})
    add("states inside today (incl. suspended or frozen)",
        {a: len(inside[a]) for a in ALLIANCES}, "states",
        {a: ", ".join(f"{r.state} {r.status}" for r in inside[a].itertuples()
                      if r.status != "member") or "all full members" for a in ALLIANCES})

    largest = {a: largest_membership(memberships, a) for a in ALLIANCES}
    add("largest membership ever", {a: largest[a]["members"] for a in ALLIANCES}, "states",
        {a: f"{largest[a]['body']} from {_fmt_day(largest[a]['since'])} "
            + (f"to {_fmt_day(largest[a]['until'])}" if pd.notna(largest[a]["until"])
               else "to today") for a in ALLIANCES})

    left = {a: states_that_left(memberships, a, day) for a in ALLIANCES}
    add("states that left", {a: len(left[a]) for a in ALLIANCES}, "states",
        {a: ", ".join(f"{r.state} ({r.left:%Y})" for r in left[a].itertuples()) or "none"
         for a in ALLIANCES})

    add("collective-defence clause", COLLECTIVE_DEFENCE_CLAUSE, "article", CLAUSE_NOTE)

    uses = clause_invocations(requests, responses)
    defence = uses[uses["clause"] == "collective_defence"]
    consult = uses[uses["clause"] == "consultation"]

    def ids(frame: pd.DataFrame, a: str) -> str:
        return ", ".join(frame.loc[frame["organization"] == a, "request_ids"]) or "none"

    add("collective-defence clause invoked",
        {a: int((defence["organization"] == a).sum()) for a in ALLIANCES}, "occasions",
        {a: ids(defence, a) for a in ALLIANCES})
    troops = defence[defence["outcome"] == "deployment"]
    add("invocations answered with troops",
        {a: int((troops["organization"] == a).sum()) for a in ALLIANCES}, "occasions",
        {a: ids(troops, a) for a in ALLIANCES})
    add("consultation requests",
        {a: int((consult["organization"] == a).sum()) for a in ALLIANCES}, "occasions",
        {a: f"{CLAUSE_LABEL[(a, 'consultation')]}; "
            f"{int(consult.loc[consult['organization'] == a, 'n_requests'].sum())} requests, one "
            "per requesting state (a joint request of several members on one day is one occasion)"
         for a in ALLIANCES})

    by_panel = largest_member_shares(memberships, capabilities, day).set_index(["organization",
                                                                                "panel"])
    shares = {(a, panel): by_panel.loc[(a, panel)] for a in ALLIANCES
              for panel in ("budget", "forces")}

    def coverage(a: str, panel: str) -> str:
        row = shares[(a, panel)]
        if row["n_with_data"] == 0:
            return f"no data for any of {row['n_states']} members"
        years = (f"{row['year_min']}" if row["year_min"] == row["year_max"]
                 else f"{row['year_min']}-{row['year_max']}")
        who = str(row["largest_state"]).replace(";", " and ") + (
            " (tied)" if ";" in str(row["largest_state"]) else "")
        return (f"{who}, {years}, {row['n_with_data']} of {row['n_states']} "
                f"members with data ({row['editions']})")

    add("largest member's share of the common budget",
        {a: _pct(shares[(a, "budget")]["largest_share"]) for a in ALLIANCES}, "percent",
        {a: f"{BUDGET_MEASURE[a]}: " + coverage(a, "budget") for a in ALLIANCES})
    add("largest member's share of active personnel",
        {a: _pct(shares[(a, "forces")]["largest_share"]) for a in ALLIANCES}, "percent",
        {a: "share of members with data; " + coverage(a, "forces") for a in ALLIANCES})
    def largest_note(a: str, panel: str) -> str:
        row = shares[(a, panel)]
        if row["n_with_data"] == 0:
            return f"no data for any of {row['n_states']} members"
        return f"{row['largest_state']}, {row['largest_year']} ({row['largest_edition']})"

    add("active personnel of the largest member",
        {a: (pd.NA if pd.isna(v := shares[(a, "forces")]["largest_value"]) else int(v))
         for a in ALLIANCES}, "persons",
        {a: largest_note(a, "forces") for a in ALLIANCES})

    spend = {a: _spending_split(capabilities, inside[a]["state"].tolist()) for a in ALLIANCES}

    def spend_note(a: str, what: str) -> str:
        s = spend[a]
        if pd.isna(s["year"]):
            return "no data"
        if what == "largest":
            return f"{s['largest_state']}, {s['year']} ({s['edition']})"
        return (f"sum over {s['n_rest']} of {s['n_states'] - 1} other members with data, "
                f"{s['year']}")

    add("defence spending of the largest member",
        {a: spend[a]["largest"] for a in ALLIANCES}, "usd_million_current",
        {a: spend_note(a, "largest") for a in ALLIANCES})
    add("defence spending of the other members (with data)",
        {a: spend[a]["rest"] for a in ALLIANCES}, "usd_million_current",
        {a: spend_note(a, "rest") for a in ALLIANCES})

    out = pd.DataFrame(table, columns=["measure", *ALLIANCES, "unit", "note"])
    for col in ("measure", "unit", "note"):
        out[col] = out[col].astype("string")
    for col in ALLIANCES:
        out[col] = out[col].astype("object")
    return out


__all__ = [
    "ALLIANCES",
    "BUDGET_MEASURE",
    "CLAUSE_PATTERNS",
    "COLLECTIVE_DEFENCE_CLAUSE",
    "clause_invocations",
    "concentration",
    "largest_member_shares",
    "largest_membership",
    "membership_growth",
    "side_by_side",
    "states_inside",
    "states_that_left",
]
