"""Test helpers shared by the tests split out of test_network.py."""

from __future__ import annotations

import pandas as pd
from hypothesis import strategies as st

from analysis.data.codebook.vocabulary import MEMBERSHIP_STATUSES

MEMBERSHIP_COLUMNS = ["state", "organization", "status", "start", "start_precision", "end",
                      "end_precision", "end_reason", "note", "source"]

TEXT = ["state", "organization", "status", "start_precision", "end_precision", "end_reason",
        "note", "source"]


def memberships(rows: list[tuple[str, str, str, str, str | None]]) -> pd.DataFrame:
    """A memberships table typed like the loaded one, from (state, org, status, start, end)."""
    frame = pd.DataFrame(
        [
            {"state": s, "organization": o, "status": st_, "start": start,
             "start_precision": "day", "end": end, "end_precision": "day" if end else None,
             "end_reason": "status_changed" if end else None, "note": None, "source": "test"}
            for s, o, st_, start, end in rows
        ],
        columns=MEMBERSHIP_COLUMNS,
    )
    frame["start"] = pd.to_datetime(frame["start"]).astype("datetime64[ns]")
    frame["end"] = pd.to_datetime(frame["end"]).astype("datetime64[ns]")
    return frame.astype(dict.fromkeys(TEXT, "string"))

#: Four states. On 2020-01-01: all four in the CSTO; RUS, ARM, KAZ in the EAEU; RUS, KAZ, TJK in
#: the SCO; ARM and KAZ in ABC (a grouping without Russia). Russia's NATO partnership was
#: suspended in 2014. From 2024-02-22 Armenia is frozen in the CSTO.
TOY = memberships([
    ("RUS", "CSTO", "member", "2003-01-01", None),
    ("ARM", "CSTO", "member", "2003-01-01", "2024-02-22"),
    ("ARM", "CSTO", "frozen", "2024-02-22", None),
    ("KAZ", "CSTO", "member", "2003-01-01", None),
    ("TJK", "CSTO", "member", "2003-01-01", None),
    ("RUS", "EAEU", "member", "2015-01-01", None),
    ("ARM", "EAEU", "member", "2015-01-01", None),
    ("KAZ", "EAEU", "member", "2015-01-01", None),
    ("RUS", "SCO", "member", "2001-01-01", None),
    ("KAZ", "SCO", "member", "2001-01-01", None),
    ("TJK", "SCO", "member", "2001-01-01", None),
    ("ARM", "ABC", "member", "2010-01-01", None),
    ("KAZ", "ABC", "member", "2010-01-01", None),
    ("RUS", "NATO", "partner", "1994-06-22", "2014-04-01"),
    ("RUS", "NATO", "partner_suspended", "2014-04-01", None),
])

STATES = ("AAA", "BBB", "CCC")

ORGS = ("ORG1", "ORG2")

BASE_DAY = pd.Timestamp("2000-01-01")


def iso_code(offset: int) -> str:
    return str((BASE_DAY + pd.Timedelta(days=offset)).date())


@st.composite
def timelines(draw, organizations=ORGS, statuses=MEMBERSHIP_STATUSES):
    """A memberships table: per state and organization, non-overlapping intervals with gaps."""
    rows = []
    for state in STATES:
        for organization in organizations:
            cuts = sorted(draw(st.sets(st.integers(0, 400), min_size=0, max_size=5)))
            open_end = draw(st.booleans())
            for i, start in enumerate(cuts):
                if not draw(st.booleans()):
                    continue  # a gap
                last = i == len(cuts) - 1
                end = None if last and open_end else (cuts[i + 1] if not last else start + 30)
                rows.append((state, organization, draw(st.sampled_from(statuses)), iso_code(start),
                             None if end is None else iso_code(end)))
    return memberships(rows)

#: The alliance's history in miniature: the 1992 treaty (CST) and the 2002 organization (CSTO).
HISTORY = memberships([
    ("RUS", "CST", "signatory", "1992-05-15", "1994-04-20"),
    ("ARM", "CST", "signatory", "1992-05-15", "1994-04-20"),
    ("UZB", "CST", "signatory", "1992-05-15", "1994-04-20"),
    ("RUS", "CST", "member", "1994-04-20", "2003-09-18"),
    ("ARM", "CST", "member", "1994-04-20", "2003-09-18"),
    ("UZB", "CST", "member", "1994-04-20", "1999-04-20"),
    ("RUS", "CSTO", "signatory", "2002-10-07", "2003-09-18"),
    ("ARM", "CSTO", "signatory", "2002-10-07", "2003-09-18"),
    ("RUS", "CSTO", "member", "2003-09-18", None),
    ("ARM", "CSTO", "member", "2003-09-18", "2024-02-22"),
    ("ARM", "CSTO", "frozen", "2024-02-22", None),
    ("UZB", "CSTO", "member", "2006-08-16", "2012-06-28"),
    ("UZB", "CSTO", "suspended", "2012-06-28", "2012-12-19"),
])

BASES_COLUMNS = ["base_id", "host", "operator", "name", "kind", "start", "start_precision", "end",
                 "end_precision", "personnel", "personnel_year", "source"]


def bases(rows: list[tuple[str, str, str, str | None, str | None]]) -> pd.DataFrame:
    """A bases table typed like the loaded one, from (base_id, host, operator, start, end)."""
    frame = pd.DataFrame(
        [{"base_id": b, "host": h, "operator": o, "name": f"base {b}", "kind": "army_base",
          "start": s, "start_precision": "day" if s else None, "end": e,
          "end_precision": "day" if e else None, "personnel": None, "personnel_year": None,
          "source": "test"} for b, h, o, s, e in rows],
        columns=BASES_COLUMNS,
    )
    frame["start"] = pd.to_datetime(frame["start"]).astype("datetime64[ns]")
    frame["end"] = pd.to_datetime(frame["end"]).astype("datetime64[ns]")
    frame = frame.astype({"personnel": "Int64", "personnel_year": "Int64"})
    text = [c for c in BASES_COLUMNS if c not in ("start", "end", "personnel", "personnel_year")]
    return frame.astype(dict.fromkeys(text, "string"))

TOY_BASES = bases([
    ("B01", "ARM", "RUS", "1995-01-01", None),
    ("B02", "ARM", "RUS", "1996-01-01", None),
    ("B03", "KGZ", "USA", "2001-12-16", "2014-06-03"),
    ("B04", "GEO", "RUS", None, "2007-06-27"),  # inherited Soviet site: no start date
])
