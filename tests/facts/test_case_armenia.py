"""The Armenian case's facts: its guards hold on the data and fail when a sentence would be
false; every day and number the prose quotes comes from the record it names; the figure reads."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.data.paths import ROOT
from analysis.measures.moments import ANSWER_COLUMNS
from analysis.publish.facts import case_armenia

from .helpers import altered, assert_breaks, breaks_every_guard, guard_ids, raises_guard, with_cell


def _answer_row(v, request, responder):
    rows = v.answers[(v.answers["request_id"] == request) & (v.answers["responder"] == responder)]
    return rows.index[0]


def _alliance_row(v):
    return v.answers.index[v.answers["responder"] == "alliance"][0]


BREAKS = {
    "asked_the_alliance_only_when_attacked_at_home": lambda v: altered(v, asked=with_cell(
        v.asked, "CSTO-2022-ARM", "addressed_to", "alliance")),
    "alliance_answers_never_beyond_a_mission": lambda v: altered(v, answers=with_cell(
        v.answers, _alliance_row(v), "level", "deployment")),
    "russia_sent_border_guards": lambda v: altered(v, answers=v.answers.assign(
        level=v.answers["level"].replace("deployment", "statement"))),
    "no_formal_request_in_tavush_2020": lambda v: altered(v, tavush=with_cell(
        v.tavush, v.tavush.index[0], "request_made", "yes")),
    "the_2020_letter_went_to_moscow_alone": lambda v: altered(v, asked=with_cell(
        v.asked, "CSTO-2020-ARM-2", "addressed_to", "both")),
    "november_2021_russia_mediated_the_alliance_did_nothing": lambda v: altered(
        v, answers=with_cell(v.answers, _answer_row(v, "CSTO-2021-ARM-2", "alliance"), "level",
                             "statement")),
    "kazakhstan_deployment_under_pashinyans_chair": lambda v: altered(v, events=with_cell(
        v.events, "E815", "description", "Extraordinary video session chaired by Tokayev")),
    "russia_then_israel_armed_azerbaijan": lambda v: altered(v, arms=v.arms.assign(
        tiv_million=v.arms["tiv_million"].where(
            ~((v.arms["recipient"] == "AZE") & (v.arms["supplier"] == "ISR")), 0.0))),
    "boycotts_in_a_row": lambda v: altered(v, boycotts=v.boycotts.iloc[[0, -1]]),
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


def test_the_counts_of_calls_for_help_follow_the_recoding(tables, cutoff):
    """Twice to the alliance (May 2021, September 2022), twice to Moscow alone (October 2020,
    November 2021): the review's item 11, counted from ``addressed_to``."""
    glued = case_armenia.facts(tables, cutoff)
    assert (glued["ar_to_alliance"], glued["ar_patron_only"]) == ("twice", "twice")
    requests = tables["requests"]
    extra = requests[requests["request_id"] == "CSTO-2021-ARM-2"].assign(
        request_id="CSTO-2025-ARM", date=pd.Timestamp("2025-05-01"))
    changed = case_armenia.facts({**tables, "requests": pd.concat([requests, extra])}, cutoff)
    assert (changed["ar_to_alliance"], changed["ar_patron_only"]) == ("twice", "3 times")
    moved = requests.copy()
    moved.loc[moved["request_id"] == "CSTO-2021-ARM-2", "addressed_to"] = "both"
    with raises_guard("november_2021_russia_mediated_the_alliance_did_nothing"):
        case_armenia.facts({**tables, "requests": moved}, cutoff)


def test_the_war_starts_in_september_not_with_the_letter(tables, cutoff):
    """The request of 2020 is dated by Pashinyan's letter; the war's start is its own event."""
    glued = case_armenia.facts(tables, cutoff)
    assert glued["ar_war_start"] == "27 September 2020"
    assert glued["ar_letter"] == "31 October 2020"


def test_a_number_the_event_no_longer_gives_stops_the_chapter(tables, cutoff):
    events = tables["events"].copy()
    events.loc[events["event_id"] == "E508", "description"] = "EU decides to enlarge EUMA"
    with pytest.raises(LookupError, match="personnel"):
        case_armenia.facts({**tables, "events": events}, cutoff)


def test_the_mission_doubled(tables, cutoff):
    """Review item: "enlarged by half" was wrong; the prose says the EU doubled the mission, and
    the numbers it glues must bear that out."""
    glued = case_armenia.facts(tables, cutoff)
    staff, enlarged = int(glued["ar_euma_staff"]), int(glued["ar_euma_n"])
    assert 1.8 <= enlarged / staff <= 2.2
    prose = (ROOT / "book" / "case_armenia.md").read_text(encoding="utf-8")
    assert "enlarged by half" not in prose and "decided to double it" in prose


def test_the_figure_separates_the_answers(figures_of):
    chart = figures_of(case_armenia)["fig-case-armenia"]
    data = chart.data
    responses = data[data["kind"] == "response"]
    assert set(responses["column"]) == set(ANSWER_COLUMNS.values())
    assert data["label"].is_unique
    title = chart.figure.axes[0].texts[0].get_text().replace("\n", " ")
    assert title.startswith("The CSTO answered Armenia's 2 requests with a mission at most")
