"""Who belonged to what, and when.

Intervals in ``memberships`` include ``start`` and exclude ``end`` (the day the status changed);
an empty ``end`` means the status still holds.
"""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

#: Statuses under which a state is bound by (or still inside) the organization.
IN_ORGANIZATION = ("member", "suspended", "frozen", "withdrawing")


def _as_date(date: str | pd.Timestamp) -> pd.Timestamp:
    return pd.Timestamp(date).normalize()


def status_on(memberships: pd.DataFrame, date: str | pd.Timestamp) -> pd.DataFrame:
    """The rows of ``memberships`` in force on ``date``: one per state and organization.

    Returns the columns ``state``, ``organization`` and ``status``, sorted by organization, state.
    """
    day = _as_date(date)
    covers = (memberships["start"] <= day) & (memberships["end"].isna() | (memberships["end"] > day))
    found = memberships.loc[covers, ["state", "organization", "status"]]
    return found.sort_values(["organization", "state"]).reset_index(drop=True)


def members_on(
    memberships: pd.DataFrame,
    date: str | pd.Timestamp,
    organization: str,
    statuses: Iterable[str] = ("member",),
) -> list[str]:
    """ISO3 codes of the states with one of ``statuses`` in ``organization`` on ``date``, sorted."""
    now = status_on(memberships, date)
    wanted = now[(now["organization"] == organization) & now["status"].isin(list(statuses))]
    return sorted(wanted["state"].tolist())


def member_counts(
    memberships: pd.DataFrame,
    organization: str,
    dates: Iterable[str | pd.Timestamp],
    statuses: Iterable[str] = ("member",),
) -> pd.DataFrame:
    """Number of states with one of ``statuses`` in ``organization`` on each date.

    Returns columns ``date`` and ``members`` (a count of states).
    """
    statuses = tuple(statuses)
    rows = [
        {"date": _as_date(d), "members": len(members_on(memberships, d, organization, statuses))}
        for d in dates
    ]
    return pd.DataFrame(rows, columns=["date", "members"])


def ever_members(memberships: pd.DataFrame, organizations: Iterable[str]) -> list[str]:
    """States that were ever ``member`` of any of ``organizations``, sorted."""
    orgs = list(organizations)
    rows = memberships[memberships["organization"].isin(orgs) & (memberships["status"] == "member")]
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
    rows["end"] = rows["end"].fillna(_as_date(until))
    columns = ["state", "organization", "status", "start", "end", "open"]
    return rows[columns].sort_values(["state", "start"]).reset_index(drop=True)
