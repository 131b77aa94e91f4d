"""What the external extracts cover: full panels, roll calls per year, the check's report."""

from __future__ import annotations

import pandas as pd

from analysis.data.coverage import present_expected, roll_calls_by_year


def test_present_expected_counts_a_full_panel():
    frame = pd.DataFrame({"state": ["A", "A", "B"], "year": [1, 2, 1], "x": [1.0, None, 3.0]})
    assert present_expected(frame, "x") == (2, 4)


def test_roll_calls_by_year_counts_calls_and_voting_states():
    calls = pd.DataFrame({"rcid": [1, 2, 3], "date": ["1992-01-05", "1992-03-01", "1993-07-07"]})
    votes = pd.DataFrame({"rcid": [1, 1, 2, 3], "state": ["RUS", "USA", "RUS", "RUS"]})
    out = roll_calls_by_year(calls, votes)
    assert out.to_dict("records") == [{"year": "1992", "roll_calls": 2, "states": 2},
                                      {"year": "1993", "roll_calls": 1, "states": 1}]


def test_the_check_prints_coverage_of_each_dataset(check_report):
    out = check_report.stdout
    assert "coverage: milex.milex_constant_2023_usd_million:" in out
    assert "coverage: un_roll_calls:" in out and "coverage: atop:" in out
