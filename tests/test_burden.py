"""Concentration: the largest member's share and the HHI of budgets, forces and spending."""

from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.data.edition import data_cutoff
from analysis.measures import burden, personnel
from tests.helpers.alliances import capabilities


def test_concentration_of_50_30_20_gives_half_and_hhi_038():
    caps = capabilities(("AAA", 2020, "active_personnel", 50, "persons"),
                        ("BBB", 2020, "active_personnel", 30, "persons"),
                        ("CCC", 2020, "active_personnel", 20, "persons"))
    row = burden.concentration(caps, "active_personnel", ["AAA", "BBB", "CCC"]).iloc[0]
    # 0.5^2 + 0.3^2 + 0.2^2 = 0.25 + 0.09 + 0.04
    assert row["largest_state"] == "AAA"
    assert row["largest_share"] == pytest.approx(0.5)
    assert row["hhi"] == pytest.approx(0.38)


def test_concentration_is_computed_over_states_with_data_only():
    caps = capabilities(("AAA", 2020, "active_personnel", 60, "persons"),
                        ("BBB", 2020, "active_personnel", 40, "persons"))
    row = burden.concentration(caps, "active_personnel", ["AAA", "BBB", "CCC", "DDD"]).iloc[0]
    assert (row["n_with_data"], row["n_states"]) == (2, 4)
    assert row["largest_share"] == pytest.approx(0.6)


def test_budget_shares_in_percent_are_taken_as_shares_of_the_whole_budget():
    caps = capabilities(("AAA", 2025, "csto_budget_share", 50, "percent"),
                        ("BBB", 2025, "csto_budget_share", 10, "percent"))
    row = burden.concentration(caps, "csto_budget_share", ["AAA", "BBB", "CCC"]).iloc[0]
    # 50% of the whole budget, not 50 / (50 + 10); HHI over the known shares: 0.25 + 0.01.
    assert row["largest_share"] == pytest.approx(0.5)
    assert row["hhi"] == pytest.approx(0.26)


def test_budget_shares_of_different_years_are_not_mixed():
    caps = capabilities(("AAA", 2006, "csto_budget_share", 50, "percent"),
                        ("BBB", 2006, "csto_budget_share", 30, "percent"),
                        ("AAA", 2025, "csto_budget_share", 40, "percent"))
    row = burden.concentration(caps, "csto_budget_share", ["AAA", "BBB"]).iloc[0]
    assert (row["year_min"], row["year_max"], row["n_with_data"]) == (2025, 2025, 1)


def test_without_a_year_each_state_contributes_its_latest_figure():
    caps = capabilities(("AAA", 2018, "active_personnel", 10, "persons"),
                        ("AAA", 2020, "active_personnel", 30, "persons"),
                        ("BBB", 2019, "active_personnel", 10, "persons"))
    row = burden.concentration(caps, "active_personnel", ["AAA", "BBB"]).iloc[0]
    # AAA 30 (2020) and BBB 10 (2019): AAA holds 30 / 40.
    assert row["largest_share"] == pytest.approx(0.75)
    assert (row["year_min"], row["year_max"]) == (2019, 2020)


def test_a_given_year_selects_that_year_only():
    caps = capabilities(("AAA", 2018, "active_personnel", 10, "persons"),
                        ("AAA", 2020, "active_personnel", 30, "persons"),
                        ("BBB", 2018, "active_personnel", 30, "persons"))
    row = burden.concentration(caps, "active_personnel", ["AAA", "BBB"], year=2018).iloc[0]
    assert row["largest_state"] == "BBB"
    assert row["largest_share"] == pytest.approx(0.75)


def test_concentration_without_data_says_so():
    caps = capabilities(("AAA", 2020, "active_personnel", 10, "persons"))
    row = burden.concentration(caps, "active_personnel", ["XXX", "YYY"]).iloc[0]
    assert (row["n_with_data"], row["n_states"]) == (0, 2)
    assert math.isnan(row["largest_share"]) and math.isnan(row["hhi"])


@settings(max_examples=60, deadline=None)
@given(st.lists(st.floats(min_value=1, max_value=1e6, allow_nan=False), min_size=1, max_size=12))
def test_hhi_lies_between_one_over_n_and_one(values):
    states = [f"S{i:02d}" for i in range(len(values))]
    caps = capabilities(*[(s, 2020, "active_personnel", v, "persons")
                          for s, v in zip(states, values)])
    row = burden.concentration(caps, "active_personnel", states).iloc[0]
    n = len(values)
    assert 1 / n - 1e-9 <= row["hhi"] <= 1 + 1e-9
    assert row["largest_share"] >= 1 / n - 1e-9


def test_chapter_5_4_counts_kazakhstan_and_uses_one_source(tables):
    """Ch. 5.4 left Kazakhstan out and mixed Military Balance, Global Firepower, CIA and BICC."""
    shares = burden.largest_member_shares(tables["memberships"], tables["capabilities"],
                                          data_cutoff(), personnel=tables["nmc_milper"])
    forces = shares[shares["panel"] == "forces"].set_index("organization")
    assert (forces["n_with_data"] == forces["n_states"]).all()
    assert (forces["year_min"] == forces["year_max"]).all()
    assert set(forces["editions"]) == {personnel.PERSONNEL_EDITION}
    # Russia's share by hand from the 2022 rows: 1190 / (1190+48+43+39+11+9) = 1190/1340.
    assert forces.loc["CSTO", "largest_share"] == pytest.approx(1190 / 1340)
