"""Test helpers shared by the tests split out of test_divisions.py."""

from __future__ import annotations

import pandas as pd

CSTO = ["RUS", "BLR", "ARM", "KAZ", "KGZ", "TJK", "UZB"]


def as_strings(frame: pd.DataFrame, columns: list[str]) -> pd.DataFrame:
    return frame.astype({c: "string" for c in columns})


def make_votes(rows: list[tuple[str, str, str]]) -> pd.DataFrame:
    frame = pd.DataFrame(rows, columns=["resolution", "state", "vote"])
    frame["source"] = "src"
    return as_strings(frame, ["resolution", "state", "vote", "source"])


def make_resolutions(rows: list[tuple[str, str]]) -> pd.DataFrame:
    frame = pd.DataFrame(rows, columns=["resolution", "date"])
    frame["date"] = pd.to_datetime(frame["date"]).astype("datetime64[ns]")
    frame["title"] = [f"Title of {r}" for r in frame["resolution"]]
    frame["topic"] = "other"
    for col in ("yes", "no", "abstain", "non_voting"):
        frame[col] = pd.array([1] * len(frame), dtype="Int64")
    frame["source"] = "src"
    return as_strings(frame, ["resolution", "title", "topic", "source"])


def make_stances(rows: list[tuple[str, str, str, str, str]]) -> pd.DataFrame:
    frame = pd.DataFrame(rows, columns=["stance_id", "state", "issue", "alignment", "date"])
    frame["date"] = pd.to_datetime(frame["date"]).astype("datetime64[ns]")
    frame["position"] = "a position"
    frame["date_precision"] = "day"
    frame["note"] = pd.NA
    frame["source"] = "src"
    frame = frame[["stance_id", "state", "issue", "position", "alignment", "date",
                   "date_precision", "note", "source"]]
    return as_strings(frame, ["stance_id", "state", "issue", "position", "alignment",
                            "date_precision", "note", "source"])


def make_events(rows: list[tuple[str, str, str, str, str | None]]) -> pd.DataFrame:
    frame = pd.DataFrame(rows, columns=["event_id", "date", "type", "organization", "states"])
    frame["date"] = pd.to_datetime(frame["date"]).astype("datetime64[ns]")
    frame["date_precision"] = "day"
    frame["description"] = [f"event {e}" for e in frame["event_id"]]
    frame["source"] = "src"
    frame = frame[["event_id", "date", "date_precision", "type", "organization", "states",
                   "description", "source"]]
    return as_strings(frame, ["event_id", "date_precision", "type", "organization", "states",
                            "description", "source"])


def make_memberships(rows: list[tuple[str, str, str, str, str | None,
                                      str | None]]) -> pd.DataFrame:
    frame = pd.DataFrame(rows, columns=["state", "organization", "status", "start", "end",
                                        "end_reason"])
    frame["start"] = pd.to_datetime(frame["start"]).astype("datetime64[ns]")
    frame["end"] = pd.to_datetime(frame["end"]).astype("datetime64[ns]")
    frame["start_precision"] = "day"
    frame["end_precision"] = frame["end"].map(lambda d: pd.NA if pd.isna(d) else "day")
    frame["note"] = pd.NA
    frame["source"] = "src"
    frame = frame[["state", "organization", "status", "start", "start_precision", "end",
                   "end_precision", "end_reason", "note", "source"]]
    return as_strings(frame, ["state", "organization", "status", "start_precision",
                            "end_precision", "end_reason", "note", "source"])
