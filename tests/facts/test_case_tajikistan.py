"""The case of Tajikistan and the 1990s: its guards hold on the data and fail when a sentence
about the civil war, the CIS force, the border troops, UNMOT, Karabakh, Abkhazia or the 1999
non-renewals would be false; its figures read cleanly."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.publish.facts import case_tajikistan

from .helpers import altered, assert_breaks, breaks_every_guard, guard_ids, raises_guard, with_cell


def _cell(v, name, row, column, value):
    return altered(v, **{name: with_cell(getattr(v, name), row, column, value)})


def _span(v, label, column, value):
    spans = v.spans
    row = spans.index[spans["label"] == label][0]
    return _cell(v, "spans", row, column, value)


def _tajik_cis_end(v):
    d = v.deployed
    row = d.index[(d["request_id"] == "CSTO-1993-TJK") & (d["responder"] == "other_organization")]
    return _cell(v, "deployed", row[0], "end", pd.Timestamp("2000-01-01"))


def _a_fourth_leaver(v):
    cst = v.cst.copy()
    row = cst.index[(cst["state"] == "KAZ") & (cst["status"] == "member")][0]
    cst.loc[row, "end_reason"] = "not_renewed"
    return altered(v, cst=cst)


BREAKS = {
    "no_tajik_request_to_the_treaty": lambda v: _cell(
        v, "requests", "CSTO-1992-TJK", "request_made", "yes"),
    "the_201st_took_the_governments_side": lambda v: _cell(
        v, "responses", "CSTO-1992-TJK-R1", "level", "statement"),
    "the_death_estimates_disagree": lambda v: _cell(v, "numbers", "Q021", "value", 90000.0),
    "russia_sent_troops_before_the_cis_decided": lambda v: _cell(
        v, "responses", "CSTO-1993-TJK-R4", "date", pd.Timestamp("1993-10-01")),
    "the_cis_force_came_before_the_treaty_was_in_force": lambda v: _cell(
        v, "requests", "CSTO-1993-TJK", "addressed_to", "alliance"),
    "the_force_was_the_201st_with_token_units": lambda v: _cell(
        v, "events", "E802", "description", "CIS agreement on peacekeeping forces"),
    "the_force_shrank": lambda v: _cell(v, "numbers", "Q027", "value", 15000.0),
    "the_allied_battalions_left_by_1999": lambda v: _cell(
        v, "events", "E808", "description", "The Kyrgyz battalion rotates"),
    "the_end_of_the_force_is_not_dated": _tajik_cis_end,
    "the_division_became_a_base": lambda v: _cell(
        v, "bases", "B03", "end", pd.Timestamp("2010-01-01")),
    "the_border_troops_handed_over_and_left": lambda v: _cell(
        v, "events", "E810", "description", "Border troops reinforced"),
    "unmot_watched_the_ceasefire_and_liaised_with_the_cis_force": lambda v: _cell(
        v, "events", "E803", "description", "UN observers sent"),
    "unmot_grew_after_the_peace": lambda v: _cell(v, "numbers", "Q031", "value", 40.0),
    "unmot_outlasted_the_war_and_left_before_the_base": lambda v: _span(
        v, "Russia's 201st base", "end_kind", "known"),
    "forces_figure_title": lambda v: _span(
        v, "Russia's 201st division", "start", pd.Timestamp("1995-01-01")),
    "karabakh_between_two_parties_without_a_request": lambda v: _cell(
        v, "requests", "CSTO-1993-ARM-AZE", "request_made", "yes"),
    "armenias_1992_calls_drew_nothing": lambda v: _cell(
        v, "responses", "CSTO-1992-ARM-R1", "level", "statement"),
    "russia_not_the_treaty_brokered_the_ceasefire": lambda v: _cell(
        v, "responses", "CSTO-1993-ARM-AZE-R2", "responder", "alliance"),
    "georgia_joined_the_cis_after_defeat": lambda v: _cell(
        v, "events", "E837", "date", pd.Timestamp("1994-02-01")),
    "both_sides_asked_the_cis_for_the_abkhaz_force": lambda v: _cell(
        v, "events", "E840", "description", "CIS decides to deploy a force"),
    "georgia_protested_the_peacekeepers_passivity": lambda v: _cell(
        v, "responses", "CSTO-1998-GEO-R1", "description", "Moscow urged talks"),
    "three_left_in_1999": _a_fourth_leaver,
    "uzbekistan_joined_guam_the_year_it_left": lambda v: _cell(
        v, "events", "E006", "date", pd.Timestamp("2001-01-01")),
    "uzbekistan_returned_and_was_suspended": lambda v: _cell(
        v, "events", "E027", "type", "withdrawal"),
}


def test_every_guard_has_a_breaking_case():
    assert breaks_every_guard(case_tajikistan, BREAKS) == []


@pytest.mark.parametrize("guard", case_tajikistan.GUARDS, ids=guard_ids)
def test_guard_holds_on_the_data(guard, values_of):
    guard.check(values_of(case_tajikistan))


@pytest.mark.parametrize("guard", case_tajikistan.GUARDS, ids=guard_ids)
def test_guard_fails_when_its_sentence_would_be_false(guard, values_of):
    assert_breaks(guard, BREAKS[guard.name](values_of(case_tajikistan)))


def test_a_tajik_request_to_the_alliance_stops_the_case(tables, cutoff):
    requests = tables["requests"].copy()
    requests.loc[requests["request_id"] == "CSTO-1993-TJK", "addressed_to"] = "alliance"
    with raises_guard("the_cis_force_came_before_the_treaty_was_in_force"):
        case_tajikistan.facts({**tables, "requests": requests}, cutoff)


def test_every_record_the_figures_name_exists(tables, cutoff):
    # A span or milestone naming a missing record raises when the figure data is built.
    values = case_tajikistan.values(tables, cutoff)
    assert len(values.spans) == len(case_tajikistan.SPANS)
    assert len(values.milestones) == len(case_tajikistan.MILESTONES)
    assert len(values.decade) == len(case_tajikistan.DECADE)


