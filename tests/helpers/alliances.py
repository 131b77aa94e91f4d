"""Test helpers shared by the tests split out of test_compare.py."""

from __future__ import annotations

import pandas as pd


def typed_frame(rows: list[dict], dates: tuple[str, ...], ints: tuple[str, ...] = (),
           floats: tuple[str, ...] = ()) -> pd.DataFrame:
    frame = pd.DataFrame(rows)
    for col in frame.columns:
        if col in dates:
            frame[col] = pd.to_datetime(frame[col]).astype("datetime64[ns]")
        elif col in ints:
            frame[col] = frame[col].astype("Int64")
        elif col in floats:
            frame[col] = frame[col].astype("float64")
        else:
            frame[col] = frame[col].astype("string")
    return frame


def memberships(*rows: tuple) -> pd.DataFrame:
    """Rows of (state, organization, status, start, end or None)."""
    return typed_frame(
        [{"state": s, "organization": o, "status": st_, "start": a, "end": b,
          "end_reason": None if b is None else "status_changed", "source": "x"}
         for s, o, st_, a, b in rows],
        dates=("start", "end"),
    )


def capabilities(*rows: tuple) -> pd.DataFrame:
    """Rows of (state, year, measure, value, unit)."""
    return typed_frame(
        [{"state": s, "year": y, "measure": m, "value": v, "unit": u, "edition": f"Ed {y}",
          "source": "x"} for s, y, m, v, u in rows],
        dates=(), ints=("year",), floats=("value",),
    )

AS_OF = "2026-11-23"


def requests(*rows: tuple) -> pd.DataFrame:
    """Rows of (request_id, organization, crisis, requester, date, instrument, request_made)."""
    return typed_frame(
        [{"request_id": r, "organization": o, "crisis": c, "requester": q, "date": d,
          "date_precision": "day", "threat": "other", "instrument": i, "request_made": m,
          "ask": "help" if m == "yes" else None,
          "asked_level": "deployment" if m == "yes" else None, "source": "x"}
         for r, o, c, q, d, i, m in rows],
        dates=("date",),
    )


def responses(*rows: tuple) -> pd.DataFrame:
    """Rows of (request_id, n, level)."""
    return typed_frame(
        [{"response_id": f"{r}-R{n}", "request_id": r, "date": "2030-01-01", "level": lvl,
          "date_precision": "day", "troops": None, "description": "d", "source": "x"}
         for r, n, lvl in rows],
        dates=("date",), ints=("troops",),
    )

REQUESTS = requests(
    ("CSTO-1", "CSTO", "unrest", "KAZ", "2022-01-05", "Article 4", "yes"),
    ("CSTO-2", "CSTO", "attack", "ARM", "2022-09-13", "Article 4", "yes"),
    ("CSTO-3", "CSTO", "clash", "ARM", "2021-05-13", "Article 2 consultations", "yes"),
    ("CSTO-4", "CSTO", "riots", "KGZ", "2020-10-05", "none", "no"),
    ("NATO-1", "NATO", "9/11", "USA", "2001-09-12", "Article 5", "yes"),
    ("NATO-2", "NATO", "invasion", "POL", "2022-02-24", "Article 4", "yes"),
    ("NATO-3", "NATO", "invasion", "EST", "2022-02-24", "Article 4", "yes"),
    ("NATO-4", "NATO", "missile", "POL", "2022-11-15", "none (Article 4 considered, not invoked)",
     "no"),
)

RESPONSES = responses(
    ("CSTO-1", 1, "deployment"), ("CSTO-1", 2, "consultation"),
    ("CSTO-2", 1, "consultation"), ("CSTO-2", 2, "mission"),
    ("CSTO-3", 1, "statement"),
    ("NATO-1", 1, "consultation"), ("NATO-1", 2, "deployment"),
    ("NATO-2", 1, "consultation"), ("NATO-3", 1, "consultation"), ("NATO-3", 2, "deployment"),
)
