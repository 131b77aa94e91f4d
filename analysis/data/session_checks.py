"""Pass 3 of the checks, the sessions of the Collective Security Council
(``summit_attendance``): every row of a session repeats its date, city and chair; every state
listed was a member or signatory of the CST or the CSTO on the session's date; every state seated
then has a row. :mod:`analysis.data.crosscheck` runs them with the other rules across tables.
"""

from __future__ import annotations

import pandas as pd

from .codebook.fields import DATE_FORMAT
from .dates import latest_possible
from .read import Problem, RawTable

__all__ = ["COUNCIL_ORGANIZATIONS", "COUNCIL_STATUSES", "SESSION_COLUMNS", "session_problems"]


def session_problems(attendance: RawTable, memberships: RawTable | None) -> list[Problem]:
    """Every problem of the sessions' rows; the rules that need ``memberships`` are skipped
    when it is missing."""
    problems = _session_problems(attendance)
    if memberships is not None:
        problems += _council_membership_problems(attendance, memberships)
        problems += _missing_member_problems(attendance, memberships)
    return problems


#: The organizations whose members sit on the Collective Security Council: the 1992 treaty and
#: the 2002 organization.
COUNCIL_ORGANIZATIONS: tuple[str, ...] = ("CST", "CSTO")
#: Membership statuses that keep a state's seat on the Council (a suspended or frozen member keeps
#: it; an observer or partner has none).
COUNCIL_STATUSES: tuple[str, ...] = ("signatory", "member", "suspended", "frozen")
#: Columns every row of one session shares.
SESSION_COLUMNS: tuple[str, ...] = ("date", "date_precision", "city", "chair_state")


def _session_problems(attendance: RawTable) -> list[Problem]:
    """Every row of a session repeats the session's date, precision, city and chair."""
    frame, shown = attendance.frame, f"data/{attendance.path.name}"
    problems = []
    # The row that opens each session (rows without a session id are compared with nothing).
    opening = frame[frame["session_id"].notna()].drop_duplicates("session_id")
    for column in SESSION_COLUMNS:
        first = frame["session_id"].map(dict(zip(opening["session_id"], opening[column])))
        same = (frame[column] == first) | (frame[column].isna() & first.isna())
        for i in frame.index[~same.to_numpy(dtype=bool)]:
            shown_value = "empty" if pd.isna(frame.at[i, column]) else repr(frame.at[i, column])
            expected = "empty" if pd.isna(first[i]) else repr(first[i])
            problems.append(Problem(shown, attendance.line_of(i), column,
                                    f"{shown_value} differs from the first row of session "
                                    f"{frame.at[i, 'session_id']!r} ({expected})"))
    return problems


def _council_spells(memberships: RawTable) -> pd.DataFrame:
    """The intervals that seat a state on the Council: ``state``, ``start`` and ``end`` (NaT
    while the status holds)."""
    spells = memberships.frame
    spells = spells[spells["organization"].isin(COUNCIL_ORGANIZATIONS)
                    & spells["status"].isin(COUNCIL_STATUSES)]
    return pd.DataFrame({
        "state": spells["state"],
        "start": pd.to_datetime(spells["start"], format=DATE_FORMAT, errors="coerce"),
        "end": pd.to_datetime(spells["end"], format=DATE_FORMAT, errors="coerce"),
    })


def _session_days(attendance: RawTable) -> pd.DataFrame:
    """Per row of ``attendance``: ``row`` (its index), ``session_id``, ``state`` and the first and
    last day its date may stand for; rows with a bad date are left out (their own checks name
    them)."""
    frame = attendance.frame
    first = pd.to_datetime(frame["date"], format=DATE_FORMAT, errors="coerce")
    days = pd.DataFrame({"row": frame.index, "session_id": frame["session_id"].to_numpy(),
                         "state": frame["state"].to_numpy(), "first": first.to_numpy(),
                         "last": latest_possible(first, frame["date_precision"]).to_numpy()})
    return days[days["first"].notna()]


def _council_membership_problems(attendance: RawTable, memberships: RawTable) -> list[Problem]:
    """Each state listed for a session was a member or signatory (CST or CSTO) on its date.

    An interval counts up to and including the day it ended, since the session that ends a
    status (Uzbekistan's suspension, 19 December 2012) is held on that day; a session dated only
    to the month or year needs membership on some day of it.
    """
    frame = attendance.frame
    rows = _session_days(attendance)
    rows = rows[rows["state"].notna()]
    pairs = rows.merge(_council_spells(memberships), on="state", how="left")
    inside = (pairs["start"] <= pairs["last"]) & (pairs["end"].isna() | (pairs["end"] >= pairs["first"]))
    seated = inside.groupby(pairs["row"]).any()
    shown = f"data/{attendance.path.name}"
    return [
        Problem(shown, attendance.line_of(i), "state",
                f"{frame.at[i, 'state']} was not a member or signatory of the CST or the CSTO on "
                f"{frame.at[i, 'date']} (memberships)")
        for i in seated.index[~seated.to_numpy(dtype=bool)]
    ]


def _missing_member_problems(attendance: RawTable, memberships: RawTable) -> list[Problem]:
    """Each session has a row for every state seated on the Council throughout its date (an
    absent or unknown state still has its row), named at the session's first row."""
    sessions = _session_days(attendance).drop_duplicates("session_id")
    spells = _council_spells(memberships)
    spells = list(zip(spells["state"].tolist(), spells["start"].tolist(), spells["end"].tolist()))
    listed: dict[str, set] = {}
    for session, state in zip(attendance.frame["session_id"].tolist(),
                              attendance.frame["state"].tolist()):
        listed.setdefault(session, set()).add(state)
    shown = f"data/{attendance.path.name}"
    problems = []
    for s in sessions.itertuples():
        # A spell with an unreadable start seats no one; one with no end is still running.
        seated = {state for state, start, end in spells
                  if start <= s.first and (pd.isna(end) or end >= s.last)}
        for state in sorted(seated - listed[s.session_id]):
            problems.append(Problem(shown, attendance.line_of(s.row), "state",
                                    f"session {s.session_id!r} has no row for {state}, a member "
                                    f"or signatory on {attendance.frame.at[s.row, 'date']}"))
    return problems
