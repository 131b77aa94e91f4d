"""The institutions chapter's facts: its guards hold on the data and fail when a sentence about
the organs, the Secretaries-General or the forces would be false."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.publish.facts import institutions

from .helpers import altered, assert_breaks, breaks_every_guard, guard_ids, raises_guard, with_cell


def _organ(v, organ_id, column, value):
    index = v.organs.index[v.organs["organ_id"] == organ_id][0]
    return altered(v, organs=with_cell(v.organs, index, column, value))


def _longer_successor(v):
    zas = v.spells.index[v.spells["name"] == "Stanislav Zas"][0]
    return altered(v, spells=with_cell(v.spells, zas, "years", 20.0))


BREAKS = {
    "consensus_rule_sourced_for_the_council_only":
        lambda v: _organ(v, "permanent_council", "decides", "consensus"),
    "staff_and_assembly_added_after_the_charter":
        lambda v: _organ(v, "joint_staff", "established", pd.Timestamp("2002-01-01")),
    "one_russian_acting_head": lambda v: altered(v, acting=with_cell(
        v.acting, v.acting.index[-1], "state", "KAZ")),
    "bordyuzha_longer_than_all_successors": _longer_successor,
    "rotation_in_russian_alphabetical_order": lambda v: altered(v, rotated=v.rotated[::-1]),
    "masadykov_in_office": lambda v: altered(v, spells=with_cell(
        v.spells, v.spells.index[-1], "open", False)),
    "bilateral_groupings_pair_a_member_with_russia": lambda v: altered(v, bilateral=with_cell(
        v.bilateral, v.bilateral.index[0], "states", "ARM;BLR")),
    "multilateral_forces_in_order": lambda v: altered(v, multilateral=v.multilateral.iloc[::-1]),
    "assembly_observers_afghanistan_and_serbia": lambda v: altered(v, pa_observers=["SRB"]),
}


def test_every_guard_has_a_breaking_case():
    assert breaks_every_guard(institutions, BREAKS) == []


@pytest.mark.parametrize("guard", institutions.GUARDS, ids=guard_ids)
def test_guard_holds_on_the_data(guard, values_of):
    guard.check(values_of(institutions))


@pytest.mark.parametrize("guard", institutions.GUARDS, ids=guard_ids)
def test_guard_fails_when_its_sentence_would_be_false(guard, values_of):
    assert_breaks(guard, BREAKS[guard.name](values_of(institutions)))


def test_a_grouping_without_russia_stops_the_chapter(tables, cutoff):
    forces = tables["forces"].copy()
    forces.loc[forces["force_id"] == "F08", "states"] = "ARM;KAZ"
    with raises_guard("bilateral_groupings_pair_a_member_with_russia"):
        institutions.facts({**tables, "forces": forces}, cutoff)


def test_the_chapter_shows_three_tables_as_markdown(tables, cutoff):
    shown = institutions.displays(tables, cutoff)
    assert sorted(shown) == ["forces", "holders", "organs"]
    assert all(text.startswith("|") for text in shown.values())
