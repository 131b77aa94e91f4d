"""The loyalty case's facts: its guards hold on the data and fail when a sentence would be
false."""

from __future__ import annotations

import pytest

from analysis.publish.facts import case_loyalty

from .helpers import altered, assert_breaks, breaks_every_guard, guard_ids, raises_guard, with_cell


def _council_vote_by_armenia(v):
    row = v.later.index[(v.later["resolution"] == "A/RES/ES-11/3")
                        & (v.later["state"] == "ARM")][0]
    return altered(v, later=with_cell(v.later, row, "agrees", True))


BREAKS = {
    "no_member_recognised_abkhazia": lambda v: altered(v, georgia=with_cell(
        v.georgia, v.georgia.index[0], "alignment", "aligned")),
    "armenia_and_belarus_with_russia_on_crimea": lambda v: altered(v, crimea=with_cell(
        v.crimea, "KAZ", "agrees", True)),
    "others_at_most_once": lambda v: altered(v, share=with_cell(v.share, "KAZ", "sum", 2)),
    "armenia_stayed_away_on_the_council": _council_vote_by_armenia,
    "only_belarus_took_part_in_the_war": lambda v: altered(v, card=with_cell(
        v.card, "KAZ", "support_invasion_ukraine", "aligned")),
    "belarus_the_most_loyal": lambda v: altered(v, card=with_cell(v.card, "KAZ", "score", 99.0)),
}


def test_every_guard_has_a_breaking_case():
    assert breaks_every_guard(case_loyalty, BREAKS) == []


@pytest.mark.parametrize("guard", case_loyalty.GUARDS, ids=guard_ids)
def test_guard_holds_on_the_data(guard, values_of):
    guard.check(values_of(case_loyalty))


@pytest.mark.parametrize("guard", case_loyalty.GUARDS, ids=guard_ids)
def test_guard_fails_when_its_sentence_would_be_false(guard, values_of):
    assert_breaks(guard, BREAKS[guard.name](values_of(case_loyalty)))


def test_a_recognition_of_abkhazia_stops_the_case(tables, cutoff):
    stances = tables["stances"].copy()
    row = stances.index[(stances["issue"] == "recognize_abkhazia_south_ossetia")
                        & (stances["state"] == "BLR")][0]
    stances.loc[row, "alignment"] = "aligned"
    with raises_guard("no_member_recognised_abkhazia"):
        case_loyalty.facts({**tables, "stances": stances}, cutoff)
