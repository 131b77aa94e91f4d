"""The largest member and its share, and the best-covered year: the computations that spending,
personnel and the concentration measures share."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd

from analysis.measures.shares import (
    best_covered_year,
    largest_member,
    nansum,
    one_year_rows,
)


def test_largest_member_of_50_30_20_holds_half():
    top = largest_member(["BBB", "AAA", "CCC"], [30.0, 50.0, 20.0])
    assert top == {"states": ["AAA"], "value": 50.0, "total": 100.0, "share": 0.5}


def test_a_missing_figure_is_left_out_not_read_as_zero():
    top = largest_member(["AAA", "BBB", "CCC"], [np.nan, 30.0, 10.0])
    assert top["states"] == ["BBB"] and top["total"] == 40.0 and top["share"] == 0.75


def test_a_tie_names_every_state_holding_the_top_value_alphabetically():
    assert largest_member(["ZZZ", "AAA", "MMM"], [5.0, 5.0, 1.0])["states"] == ["AAA", "ZZZ"]


def test_a_share_of_a_given_whole():
    # Budget shares in percent already are shares of the whole budget: 40 of 100.
    top = largest_member(["AAA", "BBB"], [40.0, 10.0], whole=100.0)
    assert top["share"] == 0.4 and top["total"] == 50.0


def test_nothing_to_share():
    top = largest_member(["AAA"], [np.nan])
    assert top["states"] == [] and math.isnan(top["value"]) and math.isnan(top["share"])
    assert math.isnan(largest_member(["AAA", "BBB"], [0.0, 0.0])["share"])
    assert nansum(np.array([np.nan, 1.5, 2.5])) == 4.0


def test_best_covered_year_takes_the_latest_of_the_best_covered():
    years = [2019, 2019, 2020, 2020, 2021]
    states = ["AAA", "BBB", "AAA", "BBB", "AAA"]
    assert best_covered_year(years, states) == 2020
    assert best_covered_year([2019, 2019, pd.NA], ["AAA", "AAA", "BBB"]) == 2019
    assert best_covered_year([], []) is None


def test_one_year_rows_are_capabilities_rows_of_the_best_covered_year():
    table = pd.DataFrame({"state": ["AAA", "BBB", "AAA", "CCC"], "year": [2020, 2020, 2021, 2021],
                          "figure": [1.0, 2.0, 3.0, np.nan]})
    rows, year = one_year_rows(table, "figure", ["AAA", "BBB", "CCC"], "m", "persons", "Ed",
                               1000.0)
    assert year == 2020
    assert rows["state"].tolist() == ["AAA", "BBB"]
    assert rows["value"].tolist() == [1000.0, 2000.0]
    assert set(rows["measure"]) == {"m"} and set(rows["edition"]) == {"Ed"}
    empty, none = one_year_rows(table, "figure", ["ZZZ"], "m", "persons", "Ed", 1.0)
    assert empty.empty and none is None
