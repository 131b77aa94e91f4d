"""Competing values from the discrepancies table, and the credit lines from origins."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.measures.provenance import competing_values, credit_lines, numeric_range
from tests.helpers.provenance import DISC


def test_used_value_comes_first():
    out = competing_values(DISC, "responses", "R1", "troops")
    assert out["value"].tolist() == ["2030", "2500", "about 3,600"]
    assert out["used"].tolist() == [True, False, False]


def test_unknown_fact_raises():
    with pytest.raises(KeyError):
        competing_values(DISC, "responses", "R2", "troops")


def test_numeric_range_skips_worded_values():
    assert numeric_range(competing_values(DISC, "responses", "R1", "troops")) == (2030.0, 2500.0)


def test_credit_lines_come_from_origins_without_the_source_prefix():
    origins = pd.DataFrame({"origin_id": ["a", "b", "c"],
                            "credit_line": ["Source: A Database", "B data (2002)", pd.NA]})
    assert credit_lines(origins) == {"a": "A Database", "b": "B data (2002)"}


def test_every_external_chart_credit_is_in_origins(tables):
    credits = credit_lines(tables["origins"])
    for origin in ("sipri-milex-2025", "sipri-arms-2024", "cow-nmc-7.0", "atop-4-01"):
        assert credits[origin] and not credits[origin].startswith("Source:")
