"""Test helpers shared by the tests split out of test_institutions.py."""

from __future__ import annotations

import pandas as pd


def holder_rows() -> pd.DataFrame:
    # A full term of 2020 (366 days: a leap year), an acting spell of 31 days, an open term.
    return pd.DataFrame({
        "holder_id": ["SG02", "SG01", "SG03"],
        "office": ["acting_secretary_general", "secretary_general", "secretary_general"],
        "name": ["B Acting", "A First", "C Third"],
        "state": ["RUS", "ARM", "BLR"],
        "start": pd.to_datetime(["2021-01-01", "2020-01-01", "2021-02-01"]),
        "end": pd.to_datetime(["2021-02-01", "2021-01-01", None]),
    })


def forces_table() -> pd.DataFrame:
    return pd.DataFrame({
        "force_id": ["F02", "F01"],
        "name": ["Collective Rapid Reaction Forces (KSOR)", "Joint air-defence system"],
        "kind": ["rapid_reaction", "air_defence"],
        "region": ["all", "central_asia"],
        "states": ["ARM;BLR;KAZ", "KAZ;RUS"],
        "created": pd.to_datetime(["2009-02-04", "2001-05-25"]),
        "strength": pd.array([18000, None], dtype="Int64"),
        "strength_year": pd.array([2022, None], dtype="Int64"),
    })
