"""The divisions chapter's facts: its guards hold on the data and fail when a sentence about
votes, recognitions or defiance would be false."""

from __future__ import annotations

import pytest

from analysis.publish.facts import divisions

from .helpers import (
    altered,
    assert_breaks,
    breaks_every_guard,
    guard_ids,
    raises_guard,
    with_cell,
    with_item,
)


def _defiance(v, state, column, value):
    row = v.defiance.index[v.defiance["state"] == state][0]
    return altered(v, defiance=with_cell(v.defiance, row, column, value))


BREAKS = {
    "abstention_the_commonest_vote": lambda v: altered(v, cast=with_item(v.cast, "yes", 10_000)),
    "exceptions_armenia_and_central_asia": lambda v: altered(v, sided={
        **v.sided, "A/RES/ES-11/4": ["KAZ"]}),
    "belarus_voted_with_russia": lambda v: altered(v, agreement=with_cell(
        v.agreement, "BLR", "RUS", 0.95)),
    "recognitions_none_but_belarus_on_crimea": lambda v: altered(v, aligned={
        **v.aligned, "recognize_2022_annexations": ["BLR"]}),
    "armenias_defiance_since_2022": lambda v: _defiance(v, "ARM", "year", 2019),
    "drills_armenia_and_kyrgyzstan": lambda v: _defiance(v, "UZB", "exercise_withdrawal", 1),
}


def test_every_guard_has_a_breaking_case():
    assert breaks_every_guard(divisions, BREAKS) == []


@pytest.mark.parametrize("guard", divisions.GUARDS, ids=guard_ids)
def test_guard_holds_on_the_data(guard, values_of):
    guard.check(values_of(divisions))


@pytest.mark.parametrize("guard", divisions.GUARDS, ids=guard_ids)
def test_guard_fails_when_its_sentence_would_be_false(guard, values_of):
    assert_breaks(guard, BREAKS[guard.name](values_of(divisions)))


def test_a_recognition_by_kazakhstan_stops_the_chapter(tables, cutoff):
    stances = tables["stances"].copy()
    row = stances.index[(stances["state"] == "KAZ")
                        & (stances["issue"] == "recognize_2022_annexations")][0]
    stances.loc[row, "alignment"] = "aligned"
    with raises_guard("recognitions_none_but_belarus_on_crimea"):
        divisions.facts({**tables, "stances": stances}, cutoff)


def test_followed_puts_russia_first(tables):
    states = divisions.followed(tables["memberships"])
    assert states[0] == "RUS" and states[1:] == sorted(states[1:])
