"""Spending from SIPRI in one year, as the concentration measure reads it."""

from __future__ import annotations

import pandas as pd

import numpy as np
import pytest

from analysis.data.codebook.external import MILEX_FLAGS
from analysis.measures.burden import FLAG_NOTES, SPENDING_EDITION, spending_rows, spending_series


def test_spending_rows_take_the_latest_year_that_covers_the_most_states():
    milex = pd.DataFrame({
        "state": ["RUS", "RUS", "BLR", "BLR", "ARM", "USA"],
        "year": [2023, 2024, 2023, 2024, 2023, 2024],
        "milex_constant_2023_usd_million": [100.0, 150.0, 1.0, None, 2.0, 900.0],
    })
    rows, year = spending_rows(milex, ["RUS", "BLR", "ARM"])
    # 2023 has all three; 2024 only RUS (BLR missing, ARM absent): 2023 wins
    assert year == 2023
    assert rows["state"].tolist() == ["ARM", "BLR", "RUS"]
    assert rows["value"].tolist() == [2.0, 1.0, 100.0]
    assert set(rows["edition"]) == {SPENDING_EDITION}
    assert set(rows["measure"]) == {"military_spending"}


def test_no_figure_gives_no_year():
    milex = pd.DataFrame({"state": ["RUS"], "year": [2024],
                          "milex_constant_2023_usd_million": [None]})
    rows, year = spending_rows(milex, ["RUS"])
    assert year is None and rows.empty


def test_spending_series_names_the_source_and_sipris_mark_on_every_year():
    milex = pd.DataFrame({
        "state": ["RUS", "RUS", "ARM", "GEO"], "year": [2021, 2020, 2020, 2020],
        "milex_constant_2023_usd_million": [2.0, 1.0, np.nan, 3.0],
        "milex_flag": pd.array(["estimate", None, "unavailable", None], dtype="string"),
    })
    out = spending_series(milex, ["RUS", "ARM"], edition="SIPRI 2025")
    assert out[["state", "year"]].values.tolist() == [["ARM", 2020], ["RUS", 2020],
                                                      ["RUS", 2021]]
    assert out["source"].tolist() == ["SIPRI 2025; SIPRI: no figure", "SIPRI 2025",
                                      "SIPRI 2025; SIPRI estimate"]
    assert np.isnan(out["value"].iloc[0])  # kept as missing, for the chart to leave out
    with pytest.raises(ValueError, match="KAZ"):
        spending_series(milex, ["RUS", "KAZ"])


def test_every_sipri_mark_has_a_note():
    assert set(FLAG_NOTES) == set(MILEX_FLAGS)
