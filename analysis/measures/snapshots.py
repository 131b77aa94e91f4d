"""The alliance over time: who was in it, in what status, and how it hung together, at each of
the book's turning points.

The alliance is the 1992 treaty (CST) and the 2002 organization (CSTO) taken as one
(:data:`~analysis.measures.membership.ALLIANCE`). :func:`snapshots` and :func:`changes_between`
follow it across :func:`turning_points`: the :data:`TURNING_POINTS` and the data's cut-off date.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from types import MappingProxyType

import pandas as pd

from ..data.dates import NAT, to_day
from .membership import AFFILIATED, ALLIANCE, Intervals, bodies
from .network import (
    affiliation_graph_of,
    projection_density,
    state_nodes,
    state_projection,
    summary_values,
)

#: The turning points of the alliance, ISO date -> what changed on it. Iterating gives the dates;
#: :func:`turning_points` adds the data's cut-off date.
#: Each date is the first day of the new state of affairs (intervals include their start and
#: exclude their end), so the snapshot on it already shows the change.
TURNING_POINTS: Mapping[str, str] = MappingProxyType({
    "1992-05-15": "Treaty signed in Tashkent",
    "1994-04-20": "Treaty in force",
    "1999-04-20": "Azerbaijan, Georgia, Uzbekistan do not renew",
    "2002-10-07": "CSTO Charter signed",
    "2006-08-16": "Uzbekistan returns",
    "2012-12-19": "Uzbekistan's membership suspended",
    "2022-01-05": "Kazakhstan asks for help",
    "2024-02-22": "Armenia freezes participation",
})

def _joined(codes: Iterable[str]) -> str:
    return ";".join(sorted(codes))


#: How the data's cut-off date is labelled among the turning points.
CUTOFF_LABEL = "Data cut-off"


def turning_points(cutoff: str | pd.Timestamp) -> Mapping[str, str]:
    """The :data:`TURNING_POINTS` up to ``cutoff`` (the data's cut-off date), followed by the
    cut-off date itself, labelled :data:`CUTOFF_LABEL`: the dates of the book's snapshots."""
    last = to_day(cutoff)
    points = {d: label for d, label in TURNING_POINTS.items() if to_day(d) < last}
    points[last.strftime("%Y-%m-%d")] = CUTOFF_LABEL
    return MappingProxyType(points)


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

    The alliance is ``organization`` with its predecessors
    (:data:`~analysis.measures.membership.PREDECESSORS`: the CSTO with the 1992 treaty, CST),
    status per state as in :func:`~analysis.measures.membership.alliance_status_on`. One row per
    date, in the order given, with columns ``date``, ``label`` (from :data:`TURNING_POINTS`, else
    empty; ``dates`` given as a mapping, such as
    :func:`turning_points`, labels its own dates), ``instruments`` (the organizations binding the
    states, ``;``-separated),
    ``in_alliance`` (every state with a status), ``members``, ``signatories``, ``suspended``,
    ``frozen``, ``withdrawing`` (ISO3 codes, ``;``-separated, sorted), their counts ``n_...``, and
    the :func:`~analysis.measures.network.network_summary` of the states in the alliance (all
    statuses) in the projection of the :func:`~analysis.measures.network.affiliation_graph` on that
    date, with the ties through the alliance and through the organizations in ``exclude`` left out.
    The CIS ties every post-Soviet member to every other,
    so ``exclude=("CIS",)`` asks what binds them beyond that blanket.
    """
    orgs = bodies(organization)
    table = Intervals(memberships)
    labels = dates if isinstance(dates, Mapping) else TURNING_POINTS
    rows = []
    for date in dates:
        day = to_day(date)
        status = table.alliance_status(day, orgs)
        by_status = {s: [state for state, held, _ in status if held == s] for s in AFFILIATED}
        inside = [state for state, _, _ in status]
        affiliation = affiliation_graph_of(table, day)
        # As network_summary(state_projection(affiliation), ...) computes it, without building
        # the whole projection: its ties outside the excluded organizations are the projection
        # that skips them, and its density needs only the number of tied pairs.
        states = state_nodes(affiliation)
        outside = state_projection(affiliation, exclude=(*orgs, *exclude))
        summary = summary_values(outside, inside, hub, len(states),
                           projection_density(affiliation, len(states)))
        binding = [table.organization[i] for i in table.in_force(day, orgs, AFFILIATED)]
        row = {
            "date": day,
            "label": labels.get(day.strftime("%Y-%m-%d"), ""),
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

    Statuses are taken from :func:`~analysis.measures.membership.alliance_status_on`
    (``organizations`` as one alliance;
    ``"none"`` = outside it) on each date, so a change undone between two dates does not show.
    One row per state whose status differs, with ``date_from``, ``date_to``, ``state``,
    ``from_status``, ``to_status`` and ``change``: joined, rejoined (had been inside before
    ``date_from``), signed, ratified, suspended, froze, gave notice, returned, left, or
    "<from> to <to>" for any other move. Sorted by date, then state.
    """
    orgs = list(organizations)
    days = [to_day(d) for d in dates]
    table = Intervals(memberships)
    # (state, start) of every row that puts a state inside the alliance.
    wanted_statuses = set(AFFILIATED)
    inside_rows = [(table.state[i], int(table.start[i])) for i in table.rows_of(orgs)
                   if isinstance(table.state[i], str) and table.status[i] in wanted_statuses]
    statuses = {}
    for day in days:
        if day not in statuses:
            statuses[day] = {state: status for state, status, _ in
                             table.alliance_status(day, orgs)}
    rows = []
    for before_day, after_day in zip(days, days[1:]):
        before, after = statuses[before_day], statuses[after_day]
        for state in sorted(set(before) | set(after)):
            old = str(before.get(state, "none"))
            new = str(after.get(state, "none"))
            if old == new:
                continue
            earlier = any(s == state and start != NAT and start < before_day.value
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


def points_that_change(
    memberships: pd.DataFrame,
    points: Mapping[str, str],
    organizations: Iterable[str] = ALLIANCE,
) -> Mapping[str, str]:
    """The first of ``points`` (ISO date -> label, e.g. :func:`turning_points`) and every later
    one at which some state's status in the alliance differs from the point before
    (:func:`changes_between`): the points at which a map of the alliance changes, with their
    labels."""
    dates = list(points)
    changed = changes_between(memberships, dates, organizations)
    moved = {f"{d:%Y-%m-%d}" for d in changed["date_to"]}
    return MappingProxyType({d: points[d] for i, d in enumerate(dates) if i == 0 or d in moved})


__all__ = ["CUTOFF_LABEL", "TURNING_POINTS", "changes_between", "points_that_change", "snapshots",
           "turning_points"]
