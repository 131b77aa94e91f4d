"""The methods appendix's facts: each borderline example and coding rule it describes is checked
against the row, and each check fails when the row says otherwise."""

from __future__ import annotations

import pytest

from analysis.publish.facts import methods

from .helpers import altered, assert_breaks, breaks_every_guard, guard_ids, raises_guard, with_cell


def _outcome(v, request_id, column, value):
    return altered(v, outcomes=with_cell(v.outcomes, request_id, column, value))


BREAKS = {
    "borderline_examples_coded_as_described": lambda v: altered(v, responses=with_cell(
        v.responses, "NATO-A4-2014-POL-R2", "level", "deployment")),
    "armenia_2022_asked_for_deployment": lambda v: _outcome(v, "CSTO-2022-ARM", "asked_level",
                                                            "material_aid"),
    "kazakhstan_coded_as_unrest": lambda v: _outcome(v, "CSTO-2022-KAZ", "threat",
                                                     "terrorist_attack"),
    "kyrgyz_call_for_police_a_soft_request": lambda v: _outcome(v, "CSTO-2010-KGZ-2",
                                                                "instrument", "a letter"),
    "karabakh_crises_in_the_data": lambda v: altered(v, outcomes=v.outcomes.drop(
        methods.sensitivity.KARABAKH_OUTSIDE_SCOPE[0])),
}


def test_every_guard_has_a_breaking_case():
    assert breaks_every_guard(methods, BREAKS) == []


@pytest.mark.parametrize("guard", methods.GUARDS, ids=guard_ids)
def test_guard_holds_on_the_data(guard, values_of):
    guard.check(values_of(methods))


@pytest.mark.parametrize("guard", methods.GUARDS, ids=guard_ids)
def test_guard_fails_when_its_sentence_would_be_false(guard, values_of):
    assert_breaks(guard, BREAKS[guard.name](values_of(methods)))


def test_a_recoded_example_stops_the_appendix(tables, cutoff):
    responses = tables["responses"].copy()
    responses.loc[responses["response_id"] == "CSTO-2013-TJK-R1", "level"] = "statement"
    with raises_guard("borderline_examples_coded_as_described"):
        methods.facts({**tables, "responses": responses}, cutoff)


def test_the_appendix_shows_the_response_scale(tables, cutoff):
    scale = methods.displays(tables, cutoff)["scale"]
    assert "deployment" in scale and "material" in scale
