"""The Kyrgyz-Tajik case's facts: its guards hold on the data and fail when a sentence would be
false."""

from __future__ import annotations

import pytest

from analysis.publish.facts import case_kyrgyz_tajik

from .helpers import (
    altered,
    assert_breaks,
    breaks_every_guard,
    guard_ids,
    raises_guard,
    with_cell,
    with_item,
)

BREAKS = {
    "neither_asked": lambda v: altered(v, between=with_cell(
        v.between, v.between.index[0], "request_made", "yes")),
    "nothing_but_words": lambda v: altered(v, answers=with_cell(
        v.answers, v.answers.index[0], "level", "mission")),
    "kyrgyzstan_called_off_the_exercise": lambda v: altered(v, cancelled=with_item(
        v.cancelled, "host", "TJK")),
    "the_csto_welcomed_the_treaty_the_same_day": lambda v: altered(v, records=with_cell(
        v.records, "events:E527", "kind", "summit")),
}


def test_every_guard_has_a_breaking_case():
    assert breaks_every_guard(case_kyrgyz_tajik, BREAKS) == []


@pytest.mark.parametrize("guard", case_kyrgyz_tajik.GUARDS, ids=guard_ids)
def test_guard_holds_on_the_data(guard, values_of):
    guard.check(values_of(case_kyrgyz_tajik))


@pytest.mark.parametrize("guard", case_kyrgyz_tajik.GUARDS, ids=guard_ids)
def test_guard_fails_when_its_sentence_would_be_false(guard, values_of):
    assert_breaks(guard, BREAKS[guard.name](values_of(case_kyrgyz_tajik)))


def test_a_request_by_either_side_stops_the_case(tables, cutoff):
    requests = tables["requests"].copy()
    requests.loc[requests["request_id"] == "CSTO-2022-KGZ-2", "request_made"] = "yes"
    with raises_guard("neither_asked"):
        case_kyrgyz_tajik.facts({**tables, "requests": requests}, cutoff)


def test_every_named_day_is_a_record_of_the_case(values_of):
    records = set(values_of(case_kyrgyz_tajik).records.index)
    cited = set(case_kyrgyz_tajik.DAYS.values()) | set(case_kyrgyz_tajik.NOTES)
    assert sorted(cited - records) == []
