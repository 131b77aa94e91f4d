"""Competing values from the discrepancies table, and the credit lines from origins."""

from __future__ import annotations

import pytest

from analysis.measures.provenance import competing_values, numeric_range
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
