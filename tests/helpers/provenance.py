"""Test helpers shared by the tests split out of test_provenance.py."""

from __future__ import annotations

import pandas as pd

DISC = pd.DataFrame({
    "table": ["responses"] * 3 + ["bases"],
    "record_id": ["R1", "R1", "R1", "B1"],
    "field": ["troops"] * 3 + ["personnel"],
    "value": ["2500", "2030", "about 3,600", "700"],
    "source": ["s-b", "s-a", "s-c", "s-d"],
    "note": ["", "", "", ""],
    "used": ["no", "yes", "no", "yes"],
}, dtype="string")
