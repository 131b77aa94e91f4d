"""Test helpers shared by the tests split out of test_forces.py."""

from __future__ import annotations

import pandas as pd

from tests.helpers.alliances import typed_frame


def typed_rows(frame: pd.DataFrame, dates=(), ints=(), floats=()) -> pd.DataFrame:
    """The fixture's columns typed as the loader types them (the comparison tests' helper)."""
    return typed_frame(frame.to_dict("records"), tuple(dates), tuple(ints), tuple(floats))


def memberships(*rows: tuple) -> pd.DataFrame:
    """Rows of (state, organization, status, start, end or None)."""
    return typed_rows(pd.DataFrame(
        [{"state": s, "organization": o, "status": st, "start": a, "end": b} for s, o, st, a, b
         in rows]), dates=("start", "end"))


def milex(*rows: tuple) -> pd.DataFrame:
    """Rows of (state, year, constant US$ million or None, share of GDP or None)."""
    return typed_rows(pd.DataFrame(
        [{"state": s, "year": y, "milex_constant_2023_usd_million": v,
          "milex_flag": None if v is not None else "unavailable",
          "milex_share_of_gdp_percent": g, "share_flag": None, "sipri_notes": None}
         for s, y, v, g in rows]), ints=("year",),
        floats=("milex_constant_2023_usd_million", "milex_share_of_gdp_percent"))

#: A small alliance "CSTO" (with the CST before it) and "NATO":
#: AAA a member throughout; BBB joins the CSTO in mid-2001 and freezes in 2002;
#: CCC a CST member that leaves in mid-2000; DDD and EEE in NATO, EEE only from 2001.
TABLE = memberships(
    ("AAA", "CST", "member", "1999-01-01", "2001-01-01"),
    ("CCC", "CST", "member", "1999-01-01", "2000-06-30"),
    ("AAA", "CSTO", "member", "2001-01-01", None),
    ("BBB", "CSTO", "member", "2001-06-01", "2002-03-01"),
    ("BBB", "CSTO", "frozen", "2002-03-01", None),
    ("DDD", "NATO", "member", "1999-01-01", None),
    ("EEE", "NATO", "member", "2001-01-01", None),
)

SPENDING = milex(
    ("AAA", 2000, 90.0, 4.0), ("CCC", 2000, 10.0, 1.0),
    ("AAA", 2001, 60.0, 3.0), ("BBB", 2001, None, None),
    ("AAA", 2002, 30.0, 2.0), ("BBB", 2002, 10.0, 1.0),
    ("DDD", 2000, 50.0, 2.0), ("DDD", 2001, 75.0, 2.0), ("EEE", 2001, 25.0, 1.0),
    ("DDD", 2002, 0.0, None), ("EEE", 2002, 5.0, 1.0),
)


def cow_rows(*rows):
    return typed_rows(pd.DataFrame([{"state": s, "year": y, "milper_thousands": v,
                                 "milex_thousands_usd": None} for s, y, v in rows]),
                  ints=("year", "milper_thousands", "milex_thousands_usd"))


def curated_personnel(*rows):
    return typed_rows(pd.DataFrame([{"state": s, "year": y, "measure": "active_personnel",
                                 "value": v, "unit": "persons", "edition": "Ed",
                                 "source": "x"} for s, y, v in rows]),
                  ints=("year",), floats=("value",))


def arms_rows(*rows):
    return typed_rows(pd.DataFrame([{"recipient": r, "supplier": s, "year": y, "tiv_million": v,
                                 "n_deals": 1, "n_deals_estimated": 0} for r, s, y, v in rows]),
                  ints=("year", "n_deals", "n_deals_estimated"), floats=("tiv_million",))

ARMS = arms_rows(("AAA", "RUS", 2000, 30.0), ("AAA", "FRA", 2001, 10.0),
                 ("BBB", "RUS", 2001, 60.0),
             ("CCC", "RUS", 2001, 100.0), ("AAA", "RUS", 2006, 5.0))


def exercise_rows(*rows):
    return typed_rows(pd.DataFrame([{"exercise_id": i, "name": n, "start": d, "host": h,
                                 "participants": p, "troops": t, "organization": "CSTO"}
                                for i, n, d, h, p, t in rows]),
                  dates=("start",), ints=("troops",))


def source_text(fig) -> str:
    return " ".join(t.get_text() for t in fig.texts)
