"""The interventions chapter's facts: its guards hold on the data and fail when a sentence about
the channels, the deployments, the counting rules, Kazakhstan or Armenia would be false."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.publish.facts import interventions

from .helpers import altered, assert_breaks, breaks_every_guard, guard_ids, raises_guard, with_cell


def _cell(v, name, row, column, value):
    return altered(v, **{name: with_cell(getattr(v, name), row, column, value)})


def _deployment(v, request_id, responder, column, value):
    d = v.deployed
    row = d.index[(d["request_id"] == request_id) & (d["responder"] == responder)][0]
    return _cell(v, "deployed", row, column, value)


BREAKS = {
    "the_alliance_sent_troops_once_for_kazakhstan": lambda v: _deployment(
        v, "CSTO-1993-TJK", "other_organization", "responder", "alliance"),
    "the_cis_sent_the_1990s_forces": lambda v: _deployment(
        v, "CSTO-1994-GEO", "other_organization", "responder", "patron"),
    "the_call_for_police_went_to_the_osce": lambda v: _cell(
        v, "requests", "CSTO-2010-KGZ-2", "addressed_to", "alliance"),
    "the_tajik_request_came_before_the_treaty_was_in_force": lambda v: altered(
        v, in_force=pd.Timestamp("1993-01-01")),
    "russia_sent_troops_more_often_than_the_alliance": lambda v: altered(
        v, deployed=v.deployed[v.deployed["responder"] != "patron"]),
    "russia_sent_troops_unasked_in_the_1990s_conflicts": lambda v: _deployment(
        v, "CSTO-2021-ARM", "patron", "request_id", "CSTO-1995-AZE"),
    "article_4_invoked_twice_in_2022": lambda v: altered(v, invocations=v.invocations.iloc[1:]),
    "either_rule_one_answer_with_troops_for_unrest": lambda v: _cell(
        v, "requests", "CSTO-2022-KAZ", "threat", "armed_attack"),
    "armenia_1992_calls_named_no_article_before_force": lambda v: _cell(
        v, "before_force", v.before_force.index[0], "instrument", "Article 4 of the treaty"),
    "kyrgyzstan_1999_appealed_to_russia_and_got_arms_not_troops": lambda v: _cell(
        v, "responses", "CSTO-1999-KGZ-R1", "description", "Partners sent a battalion."),
    "kyrgyzstan_2010_appealed_to_russia_for_troops": lambda v: _cell(
        v, "requests", "CSTO-2010-KGZ", "patron_asked_level", "material_aid"),
    "the_2010_protocols_followed_the_kyrgyz_crisis": lambda v: _cell(
        v, "events", "E043", "description", "Protocols amending the treaty"),
    "the_crisis_regulations_came_with_the_protocols": lambda v: _cell(
        v, "events", "E920", "date", pd.Timestamp("2011-06-01")),
    "kazakhstan_invoked_article_4": lambda v: _cell(
        v, "requests", "CSTO-2022-KAZ", "instrument", "a letter"),
    "the_council_decided_overnight_under_armenias_chair": lambda v: altered(v, kaz_chair="BLR"),
    "five_members_sent_troops": lambda v: _cell(
        v, "responses", interventions.KAZ_RESPONSE, "description", "Forces from RUS, BLR"),
    "the_highest_figure_adds_up_the_early_breakdown": lambda v: _cell(
        v, "numbers", "Q008", "value", 100.0),
    "the_nominal_size_is_the_whole_force": lambda v: altered(v, nominal=3500),
    "the_country_figures_exceed_every_count_of_troops_sent": lambda v: _cell(
        v, "numbers", "Q001", "value", 1000.0),
    "the_book_uses_tokayevs_count": lambda v: _cell(
        v, "responses", interventions.KAZ_RESPONSE, "troops", 2500),
    "armenia_and_kyrgyzstan_figures_disagree": lambda v: _cell(
        v, "numbers", "Q005", "value", 150.0),
    "serdyukov_commanded_the_airborne_forces": lambda v: _cell(
        v, "events", "E814", "description", "A Russian general is named commander"),
    "sent_within_a_day_and_gone_within_a_fortnight": lambda v: _cell(
        v, "responses", interventions.KAZ_RESPONSE, "end", pd.Timestamp("2022-02-20")),
    "the_protests_began_before_the_appeal": lambda v: altered(
        v, protests=pd.Timestamp("2021-12-01")),
    "the_last_troops_left_the_day_the_emergency_ended": lambda v: _cell(
        v, "events", "E816", "date", pd.Timestamp("2022-01-25")),
    "the_toll_rose_with_each_count": lambda v: _cell(v, "numbers", "Q013", "value", 200.0),
    "armenia_2021_asked_both_and_russia_sent_border_guards": lambda v: _cell(
        v, "responses", "CSTO-2021-ARM-R5", "description", "Russian soldiers arrived"),
    "russia_brokered_the_november_2021_ceasefire_the_same_day": lambda v: _cell(
        v, "responses", "CSTO-2021-ARM-2-R2", "date", pd.Timestamp("2021-11-20")),
    "armenia_2022_asked_for_troops_and_got_a_mission": lambda v: _cell(
        v, "requests", "CSTO-2022-ARM", "asked_level", "material_aid"),
    "every_deployment_is_drawn": lambda v: altered(v, marks=v.marks[~(
        (v.marks["kind"] == "deployment_span") & (v.marks["request_id"] == "CSTO-1993-TJK"))]),
}


def test_every_guard_has_a_breaking_case():
    assert breaks_every_guard(interventions, BREAKS) == []


@pytest.mark.parametrize("guard", interventions.GUARDS, ids=guard_ids)
def test_guard_holds_on_the_data(guard, values_of):
    guard.check(values_of(interventions))


@pytest.mark.parametrize("guard", interventions.GUARDS, ids=guard_ids)
def test_guard_fails_when_its_sentence_would_be_false(guard, values_of):
    assert_breaks(guard, BREAKS[guard.name](values_of(interventions)))


def test_an_appeal_recoded_as_a_request_stops_the_chapter(tables, cutoff):
    requests = tables["requests"].copy()
    requests.loc[requests["request_id"] == "CSTO-2010-KGZ", "addressed_to"] = "alliance"
    with raises_guard("kyrgyzstan_2010_appealed_to_russia_for_troops"):
        interventions.facts({**tables, "requests": requests}, cutoff)


def test_every_total_of_the_kazakhstan_force_has_a_label(values_of):
    assert sorted(set(values_of(interventions).totals["source"])
                  - set(interventions.TOTAL_LABELS)) == []


def test_the_1993_force_is_drawn_to_its_last_record_and_marked_undated(figures_of):
    data = figures_of(interventions)["fig-iv-timeline"].data
    spans = data[data["kind"] == "deployment_span"].set_index(["request_id", "channel"])
    tajik = spans.loc[("CSTO-1993-TJK", "other_organization")]
    assert tajik["end_kind"] == "attested" and tajik["end"] == pd.Timestamp("1999-03-01")
    assert spans.loc[("CSTO-1994-GEO", "other_organization"), "end_kind"] == "known"


def test_the_figure_titles_state_the_counts(figures_of):
    charts = figures_of(interventions)
    title = charts["fig-iv-timeline"].figure._suptitle.get_text().replace("\n", " ")
    assert title == "The CSTO sent troops once; the CIS twice; Russia on its own five times"
    assert "2,030" in charts["fig-iv-kaz-troops"].figure._suptitle.get_text()


