"""Test helpers shared by the tests split out of test_asks.py."""

from __future__ import annotations

import pandas as pd

from analysis.data.codebook.vocabulary import RESPONSE_LEVELS


def outcomes_table(rows):
    levels = pd.CategoricalDtype(RESPONSE_LEVELS, ordered=True)
    frame = pd.DataFrame(rows, columns=["request_id", "organization", "crisis", "date",
                                        "request_made", "asked_level", "highest_level"])
    frame["date"] = pd.to_datetime(frame["date"])
    frame["asked_level"] = frame["asked_level"].astype(levels)
    frame["highest_level"] = frame["highest_level"].astype(levels)
    return frame

OUTCOMES = outcomes_table([
    ("C1", "CSTO", "a", "2010-01-01", "yes", "deployment", "none"),
    ("C2", "CSTO", "b", "2011-01-01", "yes", "deployment", "none"),
    ("C3", "CSTO", "c", "2012-01-01", "yes", "material_aid", "material_aid"),
    ("C4", "CSTO", "d", "2013-01-01", "no", None, "none"),
    ("N1", "NATO", "e", "2014-01-01", "yes", "consultation", "deployment"),
])
