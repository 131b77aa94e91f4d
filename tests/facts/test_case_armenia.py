"""The Armenian case's facts: its guards hold on the data and fail when a sentence would be
false; every day the prose names is a day of the record it cites."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.publish.facts import case_armenia

from .helpers import altered, assert_breaks, breaks_every_guard, guard_ids, raises_guard, with_cell

BREAKS = {
    "no_aid_and_no_troops": lambda v: altered(v, answers=with_cell(
        v.answers, v.answers.index[0], "kind", "material_aid")),
    "still_a_member_frozen": lambda v: altered(v, status=["member"]),
    "never_voted_as_russia_did": lambda v: altered(v, recent=with_cell(
        v.recent, v.recent.index[0], "agrees", True)),
}


def test_every_guard_has_a_breaking_case():
    assert breaks_every_guard(case_armenia, BREAKS) == []


@pytest.mark.parametrize("guard", case_armenia.GUARDS, ids=guard_ids)
def test_guard_holds_on_the_data(guard, values_of):
    guard.check(values_of(case_armenia))


@pytest.mark.parametrize("guard", case_armenia.GUARDS, ids=guard_ids)
def test_guard_fails_when_its_sentence_would_be_false(guard, values_of):
    assert_breaks(guard, BREAKS[guard.name](values_of(case_armenia)))


def test_leaving_the_alliance_stops_the_case(tables, cutoff):
    """"Still formally a member" is false once Armenia's frozen spell ends."""
    members = tables["memberships"].copy()
    row = members.index[(members["state"] == "ARM") & (members["organization"] == "CSTO")
                        & members["end"].isna()][0]
    members.loc[row, "end"] = pd.Timestamp("2026-06-01")
    with raises_guard("still_a_member_frozen"):
        case_armenia.facts({**tables, "memberships": members}, cutoff)


def test_every_named_day_and_span_is_a_record_of_the_case(values_of):
    records = set(values_of(case_armenia).dates.index)
    cited = set(case_armenia.DAYS.values()) | {r for span in case_armenia.SPANS.values()
                                               for r in span} | set(case_armenia.NOTES)
    assert sorted(cited - records) == []


def test_spans_run_forward_in_time(tables, cutoff):
    glued = case_armenia.facts(tables, cutoff)
    assert all(glued[name] > 0 for name in case_armenia.SPANS)
