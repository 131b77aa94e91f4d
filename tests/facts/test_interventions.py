"""The interventions chapter's facts: its guards hold on the data and fail when a sentence about
the timeline, Kazakhstan or Armenia would be false."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.publish.facts import interventions

from .helpers import altered, assert_breaks, breaks_every_guard, guard_ids, raises_guard, with_cell


def _request(v, request_id, column, value):
    return altered(v, csto=with_cell(v.csto, request_id, column, value))


def _second_bar(v):
    t = v.timeline
    row = t.index[(t["request_id"] == "CSTO-1993-TJK") & (t["kind"] == "deployment")][0]
    return altered(v, timeline=with_cell(t, row, "duration_days", 100.0))


BREAKS = {
    "span_1992_2024": lambda v: _request(v, "CSTO-2022-KAZ", "date", pd.Timestamp("2025-01-05")),
    "one_deployment_bar": _second_bar,
    "one_rule_for_appeals_to_russia": lambda v: altered(v, bilateral=v.bilateral - {
        "CSTO-2020-BLR"}),
    "kazakhstan_invoked_article_4": lambda v: _request(v, "CSTO-2022-KAZ", "instrument",
                                                       "a letter"),
    "first_deployment_of_its_own_forces": lambda v: _request(v, "CSTO-2010-KGZ", "deployed",
                                                             True),
    "armenia_asked_for_troops_and_got_nothing_from_russia": lambda v: _request(
        v, "CSTO-2021-ARM-2", "highest_level", "statement"),
}


def test_every_guard_has_a_breaking_case():
    assert breaks_every_guard(interventions, BREAKS) == []


@pytest.mark.parametrize("guard", interventions.GUARDS, ids=guard_ids)
def test_guard_holds_on_the_data(guard, values_of):
    guard.check(values_of(interventions))


@pytest.mark.parametrize("guard", interventions.GUARDS, ids=guard_ids)
def test_guard_fails_when_its_sentence_would_be_false(guard, values_of):
    assert_breaks(guard, BREAKS[guard.name](values_of(interventions)))


def test_a_request_coded_below_deployment_stops_the_chapter(tables, cutoff):
    requests = tables["requests"].copy()
    requests.loc[requests["request_id"] == "CSTO-2022-ARM", "asked_level"] = "material_aid"
    with raises_guard("armenia_asked_for_troops_and_got_nothing_from_russia"):
        interventions.facts({**tables, "requests": requests}, cutoff)
