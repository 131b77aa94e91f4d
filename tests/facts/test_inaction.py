"""The inaction chapter's facts: its guards hold on the data and fail when a finding (or a
finding the text refuses to state) would change."""

from __future__ import annotations

import pytest

from analysis.publish.facts import inaction

from .helpers import (
    altered,
    assert_breaks,
    breaks_every_guard,
    guard_ids,
    raises_guard,
    with_cell,
)


def _wide(v, coding, measure, org, value):
    return altered(v, wide=with_cell(v.wide, coding, (measure, org), value))


def _threat(v, org, threat, column, value):
    frame = v.by_threat
    row = frame.index[(frame["organization"] == org) & (frame["threat"] == threat)][0]
    return altered(v, by_threat=with_cell(frame, row, column, value))


def _outcome(v, request_id, column, value):
    row = v.outcomes.index[v.outcomes["request_id"] == request_id][0]
    return altered(v, outcomes=with_cell(v.outcomes, row, column, value))


def _material_lower_everywhere(v):
    wide = v.wide.copy()
    wide[("material_rate", "CSTO")] = wide[("material_rate", "NATO")] - 0.01
    return altered(v, wide=wide)


BREAKS = {
    "every_crisis_selected": lambda v: altered(v, chosen=with_cell(
        v.chosen, v.chosen.index[0], "included", False)),
    "deployments_tajikistan_and_kazakhstan": lambda v: _outcome(v, "CSTO-2010-KGZ", "deployed",
                                                                True),
    "silences_named": lambda v: altered(v, silent=v.silent[
        v.silent["request_id"] != "CSTO-2024-RUS"]),
    "unrest_answered_aggression_not": lambda v: _threat(v, "CSTO", "armed_attack", "k", 1),
    "one_joint_request": lambda v: altered(v, joint=with_cell(
        v.joint, v.joint.index[0], "requests_merged", 2)),
    "first_response_no_later_than_highest": lambda v: altered(v, yard=with_cell(
        v.yard, "NATO", "median_lag_first_days", 10_000.0)),
    "only_the_csto_fell_short": lambda v: altered(v, yard=with_cell(v.yard, "NATO", "short", 1)),
    "february_2022_exceeded": lambda v: altered(v, joint=with_cell(
        v.joint, v.joint.index[v.joint["requests_merged"] > 1][0], "gap", "met")),
    "no_alternative_touches_nato": lambda v: _wide(v, "soft_out", "deployed_rate", "NATO", 0.0),
    "fewer_answered_under_every_coding": lambda v: _wide(v, "karabakh_out", "any_action_rate",
                                                         "CSTO", 1.0),
    "fewer_troops_under_every_coding": lambda v: _wide(v, "main", "deployed_rate", "CSTO", 1.0),
    "short_more_often_under_every_coding": lambda v: _wide(v, "soft_out", "short_rate", "CSTO",
                                                           0.0),
    "asked_in_fewer_crises_under_every_coding": lambda v: _wide(v, "main", "request_share",
                                                                "CSTO", 1.0),
    "slower_only_under_some_codings": lambda v: _wide(v, "bilateral_out",
                                                      "median_lag_highest_days", "CSTO", 1e6),
    "material_aid_depends_on_coding": _material_lower_everywhere,
}


def test_every_guard_has_a_breaking_case():
    assert breaks_every_guard(inaction, BREAKS) == []


@pytest.mark.parametrize("guard", inaction.GUARDS, ids=guard_ids)
def test_guard_holds_on_the_data(guard, values_of):
    guard.check(values_of(inaction))


@pytest.mark.parametrize("guard", inaction.GUARDS, ids=guard_ids)
def test_guard_fails_when_its_sentence_would_be_false(guard, values_of):
    assert_breaks(guard, BREAKS[guard.name](values_of(inaction)))


def test_a_nato_request_answered_short_stops_the_chapter(tables, cutoff):
    """Were a NATO request coded as asking for troops it never got, "only the CSTO fell short"
    would be false."""
    requests = tables["requests"].copy()
    nato = requests.index[(requests["organization"] == "NATO")
                          & (requests["request_made"] == "yes")][0]
    requests.loc[nato, "asked_level"] = "deployment"
    responses = tables["responses"][tables["responses"]["request_id"]
                                    != requests.at[nato, "request_id"]]
    with raises_guard("only_the_csto_fell_short"):
        inaction.facts({**tables, "requests": requests, "responses": responses}, cutoff)


def test_lags_in_days_agree_in_number():
    assert inaction.days_text(1.0) == "1 day"
    assert inaction.days_text(2.5) == "2.5 days"
    assert inaction.days_text(0) == "0 days"
