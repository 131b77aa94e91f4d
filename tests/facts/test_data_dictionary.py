"""The data appendix's facts: counts of tables and rows, and the tables it shows."""

from __future__ import annotations

import re

import pandas as pd

from analysis.publish.facts import data_dictionary


def test_counts_tables_and_rows_by_hand(cutoff):
    tables = {"a": pd.DataFrame({"x": [1, 2, 3]}), "b": pd.DataFrame({"y": [1]})}
    assert data_dictionary.facts(tables, cutoff) == {"n_rows_total": 4, "n_tables_dict": 2}


def test_shows_the_scale_and_every_table(tables, cutoff):
    shown = data_dictionary.displays(tables, cutoff)
    assert sorted(shown) == ["scale", "tables"]
    headings = re.findall(r"^### .*\(`(\w+)\.csv`\)$", shown["tables"], re.M)
    assert sorted(headings) == sorted(tables)
