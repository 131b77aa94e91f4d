"""Test helpers shared by the tests split out of test_roll_calls.py."""

from __future__ import annotations

import pandas as pd


def make_roll_call_votes() -> pd.DataFrame:
    rows = [
        (1, "RUS", "yes"), (1, "KAZ", "yes"), (1, "GEO", "no"), (1, "ARM", "abstain"),
        (2, "RUS", "no"), (2, "KAZ", "abstain"), (2, "GEO", "yes"),
        (3, "RUS", "abstain"), (3, "KAZ", "abstain"), (3, "GEO", "yes"), (3, "ARM", "abstain"),
        (4, "RUS", "yes"), (4, "KAZ", "no"), (4, "ARM", "yes"),
        (5, "KAZ", "yes"), (5, "GEO", "yes"), (5, "ARM", "yes"),
    ]
    frame = pd.DataFrame(rows, columns=["rcid", "state", "vote"])
    return frame.astype({"rcid": "Int64", "state": "string", "vote": "string"})


def make_ukraine() -> tuple[pd.DataFrame, pd.DataFrame]:
    """R1 (2014): RUS no, KAZ abstain, GEO yes. R2 (2022): RUS no, KAZ no, GEO not recorded.
    R3 (2022): RUS no, KAZ absent, GEO yes. TJK has no row at all."""
    votes = pd.DataFrame([
        ("R1", "RUS", "no"), ("R1", "KAZ", "abstain"), ("R1", "GEO", "yes"),
        ("R2", "RUS", "no"), ("R2", "KAZ", "no"),
        ("R3", "RUS", "no"), ("R3", "KAZ", "absent"), ("R3", "GEO", "yes"),
    ], columns=["resolution", "state", "vote"]).astype("string")
    resolutions = pd.DataFrame({"resolution": ["R1", "R2", "R3"],
                                "date": pd.to_datetime(["2014-03-27", "2022-03-02",
                                                        "2022-10-12"]).astype("datetime64[ns]")})
    return votes, resolutions.astype({"resolution": "string"})
