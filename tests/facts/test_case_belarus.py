"""The Belarusian case's facts: its guards hold on the data and fail when a sentence would be
false; the review's errors stay fixed; the figure reads."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.data.paths import ROOT
from analysis.publish.facts import case_belarus

from .helpers import altered, assert_breaks, breaks_every_guard, guard_ids, raises_guard, with_cell


def _patron_rows(v):
    return v.answers.index[v.answers["responder"] == "patron"]


BREAKS = {
    "asked_once_and_of_moscow": lambda v: altered(v, asked=with_cell(
        v.asked, v.asked.index[0], "addressed_to", "both")),
    "lukashenko_cited_the_csto_which_had_no_request": lambda v: altered(v, events=with_cell(
        v.events, "E828", "description", "Lukashenko says Putin agreed to help")),
    "the_alliance_did_nothing": lambda v: altered(v, answers=with_cell(
        v.answers, v.answers.index[v.answers["responder"] == "alliance"][0], "level",
        "statement")),
    "russia_gave_money_not_police": lambda v: altered(v, answers=with_cell(
        v.answers, _patron_rows(v)[0], "level", "deployment")),
    "nuclear_story_starts_with_the_referendum": lambda v: altered(
        v, first_nuclear=v.first_nuclear - pd.Timedelta(days=400)),
    "every_step_in_the_union_state": lambda v: altered(v, events=with_cell(
        v.events, "E523", "organization", "CSTO")),
    "the_two_accounts_of_oreshnik_differ": lambda v: altered(v, events=with_cell(
        v.events, "E3003", "description", "Khrenin says the system is on combat duty")),
    "belarus_every_time": lambda v: altered(v, share=with_cell(v.share, "BLR", "sum", 0)),
    "eastern_partnership_suspended_not_left": lambda v: altered(v, eap=[]),
}


def test_every_guard_has_a_breaking_case():
    assert breaks_every_guard(case_belarus, BREAKS) == []


@pytest.mark.parametrize("guard", case_belarus.GUARDS, ids=guard_ids)
def test_guard_holds_on_the_data(guard, values_of):
    guard.check(values_of(case_belarus))


@pytest.mark.parametrize("guard", case_belarus.GUARDS, ids=guard_ids)
def test_guard_fails_when_its_sentence_would_be_false(guard, values_of):
    assert_breaks(guard, BREAKS[guard.name](values_of(case_belarus)))


def test_belarus_asked_once_and_the_chapter_says_so(tables, cutoff):
    """Review item A2: "never asked" was wrong; the count comes from the requests table."""
    assert case_belarus.facts(tables, cutoff)["by_asked"] == "once"
    requests = tables["requests"]
    extra = requests[requests["request_id"] == case_belarus.REQUEST].assign(
        request_id="CSTO-2025-BLR", addressed_to="alliance")
    with raises_guard("asked_once_and_of_moscow"):
        case_belarus.facts({**tables, "requests": pd.concat([requests, extra])}, cutoff)
    prose = (ROOT / "book" / "case_belarus.md").read_text(encoding="utf-8")
    assert "never asked" not in prose


def test_the_eastern_partnership_was_suspended_not_left():
    """Review item A7: Belarus suspended its participation; it did not leave."""
    prose = (ROOT / "book" / "case_belarus.md").read_text(encoding="utf-8")
    assert "left the EU's Eastern Partnership" not in prose
    assert "suspended its part in the EU's Eastern Partnership" in prose


def test_the_loan_and_the_ratification_come_from_their_records(tables, cutoff):
    glued = case_belarus.facts(tables, cutoff)
    assert glued["by_loan_bn"] == "1.5"
    assert glued["by_ratified"] == "4 March 2025"
    responses = tables["responses"].copy()
    responses.loc[responses["response_id"] == "CSTO-2020-BLR-R3", "description"] = "A loan."
    with pytest.raises(LookupError, match="billion"):
        case_belarus.facts({**tables, "responses": responses}, cutoff)


def test_the_figure_keeps_the_alliance_apart(figures_of):
    chart = figures_of(case_belarus)["fig-case-belarus"]
    data = chart.data
    alliance = data[(data["kind"] == "response") & (data["column"] == "CSTO")]
    assert list(alliance["level"]) == ["none"]
    assert data["label"].is_unique
    title = chart.figure.axes[0].texts[0].get_text().replace("\n", " ")
    assert title.startswith("Belarus asked for help once, of Moscow alone")
