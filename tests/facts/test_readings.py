"""The facts of the chapter on what the field says: its guards hold on the benchmark table and
fail when a sentence would be false, and every rate it glues is the table's."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.publish.facts import readings
from analysis.publish.facts.checks import SentenceNotSupported

from .helpers import altered, assert_breaks, breaks_every_guard, guard_ids, with_cell


def _rate(v, role, rate):
    return altered(v, rates=with_cell(v.rates, role, "rate", rate))


#: For each guard, values altered so that its sentence would be false.
BREAKS = {
    "early_estimates_about_three_in_four": lambda v: _rate(v, "leeds", 60.0),
    "update_is_lower": lambda v: _rate(v, "bf_all", 80.0),
    "post_1945_fell": lambda v: _rate(v, "bf_post", 70.0),
    "post_1945_below_one_in_four": lambda v: _rate(v, "bf_post", 30.0),
    "defence_pacts_lower": lambda v: _rate(v, "bf_defence", 55.0),
    "defence_after_1945_below_one_in_five": lambda v: _rate(v, "bf_defence_post", 21.0),
    "llm_without_count": lambda v: altered(v, rates=with_cell(v.rates, "llm", "opportunities",
                                                              100)),
    "counts_for_the_update": lambda v: altered(v, rates=with_cell(v.rates, "bf_post", "honoured",
                                                                  pd.NA)),
}


def test_every_guard_has_a_breaking_case():
    assert breaks_every_guard(readings, BREAKS) == []


@pytest.mark.parametrize("guard", readings.GUARDS, ids=guard_ids)
def test_guard_holds_on_the_data(guard, values_of):
    guard.check(values_of(readings))


@pytest.mark.parametrize("guard", readings.GUARDS, ids=guard_ids)
def test_guard_fails_when_its_sentence_would_be_false(guard, values_of):
    assert_breaks(guard, BREAKS[guard.name](values_of(readings)))


def test_every_glued_rate_is_the_tables(tables, cutoff):
    facts = readings.facts(tables, cutoff)
    bench = tables["reliability_benchmarks"].set_index("benchmark_id")
    for role, key in readings.QUOTED.items():
        assert facts[f"rd_{role}_rate"] == f"{bench.loc[key, 'rate']:g}%"
        if pd.notna(bench.loc[key, "honoured"]):
            assert facts[f"rd_{role}_count"] == (f"{bench.loc[key, 'honoured']} of "
                                                 f"{bench.loc[key, 'opportunities']}")
    assert facts["rd_leeds_n"] == str(bench.loc["leeds2003-all", "opportunities"])
    assert facts["rd_bf_post_period"] == "1945 to 2003"


def test_a_table_that_stops_supporting_a_sentence_stops_the_chapter(tables, cutoff):
    """Had the post-1945 rate been recorded as 70% (with counts to match), "it fell" would be
    false: the facts refuse rather than print it."""
    bench = tables["reliability_benchmarks"].copy()
    row = bench["benchmark_id"] == "bf2018-all-1945-2003"
    bench.loc[row, ["honoured", "opportunities", "rate"]] = [38, 54, 70.0]
    with pytest.raises(SentenceNotSupported, match="post_1945_fell"):
        readings.facts({**tables, "reliability_benchmarks": bench}, cutoff)


def test_a_missing_benchmark_stops_the_chapter(tables, cutoff):
    bench = tables["reliability_benchmarks"]
    without = bench[bench["benchmark_id"] != "bf2018-defence-1945-2003"]
    with pytest.raises(KeyError):
        readings.facts({**tables, "reliability_benchmarks": without}, cutoff)


@pytest.mark.parametrize(("rate", "text"), [(74.5, "74.5%"), (75.0, "75%"), (14.0, "14%")])
def test_rates_are_worded_as_published(rate, text):
    assert readings.percent_text(rate) == text
