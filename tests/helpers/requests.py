"""Test helpers shared by the tests split out of test_requests.py, test_record.py."""

from __future__ import annotations

import pandas as pd

from analysis.data.codebook import TABLES
from analysis.measures.interventions import intervention_timeline
from analysis.measures.requests import request_outcomes


def typed_table(rows: list[dict], table: str) -> pd.DataFrame:
    spec = TABLES[table]
    frame = pd.DataFrame(rows, columns=spec.field_names)
    for f in spec.fields:
        if f.kind == "date":
            frame[f.name] = pd.to_datetime(frame[f.name]).astype("datetime64[ns]")
        elif f.kind == "integer":
            frame[f.name] = pd.array([None if pd.isna(v) else int(v) for v in frame[f.name]],
                                     dtype="Int64")
        else:
            frame[f.name] = frame[f.name].astype("string")
    return frame


def make_requests(*rows: dict) -> pd.DataFrame:
    defaults = {"organization": "CSTO", "crisis": "A crisis", "requester": "KGZ",
                "date_precision": "day", "threat": "unrest", "instrument": "Article 4",
                "request_made": "yes", "ask": "Consultations", "asked_level": "consultation",
                "source": "s1"}
    filled = []
    for row in rows:
        full = {**defaults, "crisis": f"Crisis {row['request_id']}", **row}
        if full["request_made"] == "no" and "ask" not in row:
            full["ask"] = None
            full["asked_level"] = None
        full.setdefault("addressed_to", "alliance" if full["request_made"] == "yes" else "none")
        filled.append(full)
    return typed_table(filled, "requests")


def make_responses(*rows: dict) -> pd.DataFrame:
    defaults = {"responder": "alliance", "date_precision": "day", "troops": None, "end": None,
                "end_precision": None, "description": "Something was done", "source": "s1"}
    counts: dict[str, int] = {}
    filled = []
    for row in rows:
        counts[row["request_id"]] = counts.get(row["request_id"], 0) + 1
        rid = f"{row['request_id']}-R{counts[row['request_id']]}"
        filled.append({**defaults, "response_id": rid, **row})
    return typed_table(filled, "responses")


def joint_outcomes() -> pd.DataFrame:
    common = {"organization": "NATO", "crisis": "Invasion", "date": "2022-02-24",
              "threat": "armed_attack"}
    req = make_requests({"request_id": "NATO-A", "requester": "POL", **common},
                        {"request_id": "NATO-B", "requester": "EST", **common},
                        {"request_id": "NATO-C", "requester": "TUR", "organization": "NATO",
                         "date": "2020-02-27", "threat": "armed_attack"})
    resp = make_responses(
        {"request_id": "NATO-A", "date": "2022-02-24", "level": "consultation"},
        {"request_id": "NATO-B", "date": "2022-02-24", "level": "consultation"},
        {"request_id": "NATO-B", "date": "2022-02-25", "level": "deployment"},
        {"request_id": "NATO-C", "date": "2020-02-28", "level": "consultation"},
    )
    return request_outcomes(req, resp)


def rates_outcomes() -> pd.DataFrame:
    req = make_requests(
        {"request_id": "CSTO-1", "date": "2010-06-12", "threat": "unrest"},
        {"request_id": "CSTO-2", "date": "2021-07-07", "threat": "unrest"},
        {"request_id": "CSTO-3", "date": "2022-01-05", "threat": "unrest"},
        {"request_id": "CSTO-4", "date": "2022-09-13", "threat": "armed_attack"},
        {"request_id": "CSTO-5", "date": "2022-09-14", "threat": "unrest",
         "request_made": "no"},
    )
    resp = make_responses(
        {"request_id": "CSTO-1", "date": "2010-06-14", "level": "consultation"},
        {"request_id": "CSTO-2", "date": "2021-07-08", "level": "deployment"},
        {"request_id": "CSTO-3", "date": "2022-01-06", "level": "deployment"},
        {"request_id": "CSTO-4", "date": "2022-09-15", "level": "mission"},
        {"request_id": "CSTO-5", "date": "2022-09-16", "level": "deployment"},
    )
    return request_outcomes(req, resp)


def timeline_fixture_table() -> pd.DataFrame:
    req = make_requests(
        {"request_id": "CSTO-1", "date": "2022-01-05", "requester": "KAZ"},
        {"request_id": "CSTO-2", "date": "2022-09-14", "requester": "KGZ;TJK",
         "request_made": "no"},
    )
    resp = make_responses(
        {"request_id": "CSTO-1", "date": "2022-01-06", "level": "deployment", "troops": 2030,
         "end": "2022-01-19", "end_precision": "day"},
        {"request_id": "CSTO-2", "date": "2022-09-16", "level": "none"},
    )
    events = typed_table([
        {"event_id": "E001", "date": "2009-06-14", "date_precision": "day",
         "type": "force_created", "organization": "CSTO", "states": "ARM;RUS",
         "description": "Rapid reaction force set up", "source": "s1"},
        {"event_id": "E002", "date": "2012-12-19", "date_precision": "day", "type": "suspension",
         "organization": "CSTO", "states": "UZB", "description": "Suspension", "source": "s1"},
    ], "events")
    return intervention_timeline(req, resp, events)


def make_memberships(*rows: tuple) -> pd.DataFrame:
    """Rows (state, organization, status, start, end)."""
    return typed_table([
        {"state": s, "organization": o, "status": st, "start": a, "start_precision": "day",
         "end": e, "end_precision": "day" if e else None,
         "end_reason": "status_changed" if e else None, "note": None, "source": "s1"}
        for s, o, st, a, e in rows
    ], "memberships")
