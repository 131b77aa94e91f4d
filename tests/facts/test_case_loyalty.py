"""The loyalty case's facts: its guards hold on the data and fail when a sentence would be
false."""

from __future__ import annotations

import pytest

from analysis.data.paths import ROOT
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
    "all_six_stances_on_georgia": lambda v: altered(v, georgia=v.georgia.iloc[1:]),
    "every_vote_since_2022_from_the_emergency_session": lambda v: altered(v, later=with_cell(
        v.later, v.later.index[0], "resolution", "A/RES/77/229")),
    "only_belarus_with_russia_on_the_invasion": lambda v: altered(v, invasion=with_cell(
        v.invasion, "ARM", "agrees", True)),
    "russia_asked_its_allies_for_nothing_at_home": lambda v: altered(v, at_home=with_cell(
        v.at_home, "CSTO-2024-RUS", "request_made", "yes")),
    "the_alliance_gave_words_at_most": lambda v: altered(v, answers=with_cell(
        v.answers, v.answers.index[v.answers["responder"] == "alliance"][0], "level",
        "consultation")),
    "kursk_was_an_armed_attack": lambda v: altered(v, at_home=with_cell(
        v.at_home, "CSTO-2024-RUS", "threat", "hybrid")),
    "the_events_say_what_the_prose_says": lambda v: altered(v, events=with_cell(
        v.events, "E533", "description", "North Korea confirms its troops fought in Kursk")),
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


def test_the_reviews_sentences_stay_fixed(tables, cutoff):
    """Review items: "None of these wars touched the treaty's promise" (Kursk did), "no test drew
    more than 1 members" (a number glued into words that did not agree with it), and Uzbekistan
    "a member until 2012" (its membership was suspended)."""
    prose = (ROOT / "book" / "case_loyalty.md").read_text(encoding="utf-8")
    assert "None of these wars touched" not in prose
    assert "a member until 2012" not in prose
    glued = case_loyalty.facts(tables, cutoff)
    assert glued["ly_max_aligned"] == "one"
    assert "no test drew more than {glue:text}`ly_max_aligned` member into line" in prose


def test_the_crocus_answer_is_a_statement_on_27_march(tables, cutoff):
    """The alliance's answer to Crocus was the Parliamentary Assembly council's statement (the
    response row said none before the story research found it)."""
    glued = case_loyalty.facts(tables, cutoff)
    assert glued["ly_crocus_answer"] == "27 March 2024"
    assert glued["ly_crocus_dead"] == "144"
    assert glued["ly_dprk_n"] == "11,000"


def test_a_request_by_russia_stops_the_chapter(tables, cutoff):
    requests = tables["requests"].copy()
    requests.loc[requests["request_id"] == "CSTO-2023-RUS-2", "request_made"] = "yes"
    with raises_guard("russia_asked_its_allies_for_nothing_at_home"):
        case_loyalty.facts({**tables, "requests": requests}, cutoff)


def test_the_figure_names_who_voted_with_russia(figures_of):
    chart = figures_of(case_loyalty)["fig-case-loyalty"]
    labels = list(chart.data["label"])
    assert "UN vote: Armenia and Belarus with Russia" in labels
    assert "UN vote: only Belarus with Russia" in labels
    assert "11,000 troops in Kursk (Kyiv)" in labels
    assert chart.data["label"].is_unique
    title = chart.figure.axes[0].texts[0].get_text().replace("\n", " ")
    assert title.startswith("In three crises at home Russia asked its allies for nothing")
