"""Military spending: shares and coverage over members with data, groups, panels, SIPRI rows
and series."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from analysis.data.codebook.external import MILEX_FLAGS
from analysis.measures import spending
from analysis.measures.spending import (
    FLAG_NOTES,
    SPENDING_EDITION,
    spending_rows,
    spending_series,
)
from tests.helpers.capabilities import SPENDING, TABLE, memberships, milex


def test_spending_shares_sum_to_one_over_members_with_data():
    spent = spending.spending_by_member(SPENDING, TABLE, years=[2000, 2001, 2002])
    for _, part in spent.groupby(["organization", "year"]):
        present = part[part["present"]]
        assert math.isclose(present["share_of_alliance"].sum(), 1.0)
    # 2002 CSTO: AAA 30 of 40, BBB (frozen, still inside) 10 of 40.
    row = spent.set_index(["organization", "year", "state"])["share_of_alliance"]
    assert row[("CSTO", 2002, "AAA")] == pytest.approx(0.75)
    assert row[("CSTO", 2002, "BBB")] == pytest.approx(0.25)
    # CCC left before the end of 2000: its 10 is not in the CSTO's 2000 total, AAA holds it all.
    assert row[("CSTO", 2000, "AAA")] == pytest.approx(1.0)
    assert ("CSTO", 2000, "CCC") not in row.index


def test_a_missing_value_is_not_zero_and_is_reported():
    spent = spending.spending_by_member(SPENDING, TABLE, years=[2001, 2002])
    cov = spending.spending_coverage(spent).set_index(["organization", "year"])
    # 2001: BBB is a member without a figure; AAA's 60 is the whole total, not 60 of 60 + 0.
    assert cov.loc[("CSTO", 2001), "n_members"] == 2
    assert cov.loc[("CSTO", 2001), "n_with_data"] == 1
    assert cov.loc[("CSTO", 2001), "missing"] == "BBB"
    assert not cov.loc[("CSTO", 2001), "complete"]
    assert cov.loc[("CSTO", 2001), "total_usd_million"] == 60.0
    missing = spent[(spent["year"] == 2001) & (spent["state"] == "BBB")]
    assert math.isnan(missing["share_of_alliance"].item())
    # A zero SIPRI gives (no armed forces) is a figure, and counts.
    assert cov.loc[("NATO", 2002), "n_with_data"] == 2
    assert cov.loc[("NATO", 2002), "largest_state"] == "EEE"
    assert cov.loc[("NATO", 2002), "largest_share"] == pytest.approx(1.0)


def test_a_year_without_any_figure_has_no_total():
    table = memberships(("AAA", "NATO", "member", "1999-01-01", None))
    spent = spending.spending_by_member(milex(("AAA", 2000, None, None)), table, ("NATO",), [2000])
    cov = spending.spending_coverage(spent).iloc[0]
    assert cov["n_with_data"] == 0 and math.isnan(cov["total_usd_million"])
    assert pd.isna(cov["largest_state"])


def test_spending_groups_name_the_largest_and_sum_the_rest():
    spent = spending.spending_by_member(SPENDING, TABLE, years=[2001])
    groups = spending.spending_groups(spent, {"NATO": ["DDD"]})
    nato = groups[groups["organization"] == "NATO"].set_index("group")
    assert nato.loc["DDD", "share"] == pytest.approx(0.75)
    assert nato.loc["other members", "usd_million"] == 25.0
    assert spending.largest_spenders(spent, "NATO", 1) == ["DDD"]


def test_spending_panel_marks_the_alliance_of_each_year():
    panel = spending.spending_panel(SPENDING, TABLE, ["CCC", "BBB"], years=[2000, 2001])
    alliance = panel.set_index(["state", "year"])["alliance"]
    assert alliance[("CCC", 2000)] is pd.NA or pd.isna(alliance[("CCC", 2000)])
    assert alliance[("BBB", 2001)] == "CSTO"
    assert len(panel) == 4  # every state-year, even without a milex row


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
