"""Military personnel: COW against the curated figures, coverage, one series and one year."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.measures import personnel
from tests.helpers.capabilities import (
    cow_rows,
    curated_personnel,
    memberships,
)


def test_personnel_compares_same_years_only():
    cow = cow_rows(("AAA", 2020, 100), ("AAA", 2022, 120), ("BBB", 2022, 10), ("CCC", 2022, 50),
               ("DDD", 2022, 9))
    caps = curated_personnel(("AAA", 2020, 100400), ("BBB", 2022, 12000), ("CCC", 2024, 80000),
                 ("DDD", 2022, 9500))
    out = personnel.personnel_two_sources(cow, caps, ["AAA", "BBB", "CCC", "DDD", "EEE"])
    out = out.set_index("state")
    # AAA: 100,400 vs 100,000 in 2020, within COW's rounding; its latest COW year is 2022.
    assert out.loc["AAA", "verdict"] == "agree"
    assert out.loc["AAA", "cow_persons"] == 120000 and out.loc["AAA", "cow_year"] == 2022
    # BBB: 12,000 vs 10,000 is 20% off, beyond the 10% tolerance.
    assert out.loc["BBB", "verdict"] == "disagree"
    assert out.loc["BBB", "difference_pct"] == pytest.approx(0.2)
    # CCC: curated 2024, COW has no 2024: not compared.
    assert out.loc["CCC", "verdict"] == "years differ"
    # DDD: 500 more than 9,000 is COW's rounding.
    assert out.loc["DDD", "verdict"] == "agree"
    assert out.loc["EEE", "verdict"] == "one source"


def test_personnel_series_reports_coverage():
    table = memberships(("AAA", "NATO", "member", "1999-01-01", None),
                        ("BBB", "NATO", "member", "1999-01-01", None))
    out = personnel.personnel_series(cow_rows(("AAA", 2000, 30), ("BBB", 2000, 10),
                                              ("AAA", 2001, 30)),
                                  table, "NATO", [2000, 2001]).set_index("year")
    assert out.loc[2000, "largest_share"] == pytest.approx(0.75)
    assert out.loc[2001, "n_with_data"] == 1 and out.loc[2001, "missing"] == "BBB"


def test_personnel_rows_take_one_series_and_one_year():
    nmc = pd.DataFrame({"state": ["RUS", "RUS", "KAZ", "KAZ", "TJK"],
                        "year": [2021, 2022, 2021, 2022, 2021],
                        "milper_thousands": [900.0, 1190.0, 39.0, 39.0, 9.0]})
    rows, year = personnel.personnel_rows(nmc, ["RUS", "KAZ", "TJK"])
    # 2021 covers all three states, 2022 only two: 2021 wins.
    assert year == 2021
    assert rows["value"].tolist() == [39000.0, 900000.0, 9000.0]
    assert set(rows["edition"]) == {personnel.PERSONNEL_EDITION}
