"""The Belarusian case's facts: its guards hold on the data and fail when a sentence would be
false; every day the prose names is a day of the record it cites."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.publish.facts import case_belarus

from .helpers import altered, assert_breaks, breaks_every_guard, guard_ids, raises_guard, with_cell

BREAKS = {
    "nuclear_story_starts_with_the_referendum": lambda v: altered(
        v, first_nuclear=pd.Timestamp("2020-01-01")),
    "belarus_every_time": lambda v: altered(v, share=with_cell(v.share, "BLR", "sum",
                                                               v.share.loc["BLR", "count"] - 1)),
}


def test_every_guard_has_a_breaking_case():
    assert breaks_every_guard(case_belarus, BREAKS) == []


@pytest.mark.parametrize("guard", case_belarus.GUARDS, ids=guard_ids)
def test_guard_holds_on_the_data(guard, values_of):
    guard.check(values_of(case_belarus))


@pytest.mark.parametrize("guard", case_belarus.GUARDS, ids=guard_ids)
def test_guard_fails_when_its_sentence_would_be_false(guard, values_of):
    assert_breaks(guard, BREAKS[guard.name](values_of(case_belarus)))


def test_an_abstention_by_belarus_stops_the_case(tables, cutoff):
    un_votes = tables["un_votes"].copy()
    un_votes.loc[(un_votes["state"] == "BLR") & (un_votes["resolution"] == "A/RES/ES-11/1"),
                 "vote"] = "abstain"
    with raises_guard("belarus_every_time"):
        case_belarus.facts({**tables, "un_votes": un_votes}, cutoff)


def test_every_named_day_is_a_record_of_the_case(values_of):
    records = set(values_of(case_belarus).dates.index)
    cited = set(case_belarus.DAYS.values()) | set(case_belarus.NOTES)
    assert sorted(cited - records) == []
