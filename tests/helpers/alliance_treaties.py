"""Test helpers shared by the tests split out of test_alliances.py."""

from __future__ import annotations

import pandas as pd

MEMBER_COLUMNS = ["atopid", "phase", "state", "cow_code", "member_begin", "member_end",
                  "defense", "offense", "neutral", "nonagg", "consul"]


def atop(alliances: list[tuple], spells: list[tuple]) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Tables typed like the loaded ones. alliances: (atopid, organization, begin, bilateral);
    spells: (atopid, state, begin, end, defense)."""
    a = pd.DataFrame([{"atopid": i, "organization": o, "begin_date": pd.Timestamp(b),
                       "bilateral": bil} for i, o, b, bil in alliances])
    a = a.astype({"atopid": "Int64", "organization": "string", "bilateral": "string"})
    m = pd.DataFrame([{"atopid": i, "phase": 0, "state": s, "cow_code": 1, "member_begin": b,
                       "member_end": e, "defense": d, "offense": "0", "neutral": "0",
                       "nonagg": "1", "consul": "0"} for i, s, b, e, d in spells],
                     columns=MEMBER_COLUMNS)
    m = m.astype({"atopid": "Int64", "phase": "Int64", "state": "string", "cow_code": "Int64",
                  "member_begin": "string", "member_end": "string", "defense": "string"})
    return a, m


def memberships(rows: list[tuple[str, str, str, str, str | None]]) -> pd.DataFrame:
    """A memberships table typed like the loaded one, from (state, org, status, start, end)."""
    frame = pd.DataFrame([{"state": s, "organization": o, "status": st, "start": b, "end": e}
                          for s, o, st, b, e in rows])
    frame["start"] = pd.to_datetime(frame["start"]).astype("datetime64[ns]")
    frame["end"] = pd.to_datetime(frame["end"]).astype("datetime64[ns]")
    return frame.astype({"state": "string", "organization": "string", "status": "string"})
