"""Spending from SIPRI in one year, as the concentration measure reads it."""

from __future__ import annotations

import pandas as pd

from analysis.measures.burden import SPENDING_EDITION, spending_rows


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
