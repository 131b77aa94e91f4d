"""The methods appendix's facts: each borderline example, coding rule and vote rule it describes
is checked against the data or the code, and each check fails when they say otherwise."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.publish.facts import methods

from .helpers import altered, assert_breaks, breaks_every_guard, guard_ids, raises_guard, with_cell


def _request(v, request_id, column, value):
    return altered(v, request_rows=with_cell(v.request_rows, request_id, column, value))


def _candidate(v, candidate_id, column, value):
    return altered(v, by_id=with_cell(v.by_id, candidate_id, column, value))


def _rule(v, name, value):
    return altered(v, rules={**v.rules, name: value})


def _candidates(v, candidate_id, column, value):
    candidates = v.candidates.copy()
    candidates.loc[candidates["candidate_id"] == candidate_id, column] = value
    return altered(v, candidates=candidates)


def _soft_off(v):
    requests = v.requests.copy()
    requests.loc[requests["request_id"] == "NATO-2014-EST", "soft"] = False
    return altered(v, requests=requests)


BREAKS = {
    "borderline_examples_coded_as_described": lambda v: altered(v, responses=with_cell(
        v.responses, "NATO-A4-2014-POL-R2", "level", "deployment")),
    "universe_in_the_window": lambda v: _candidates(v, "CSTO-C-096", "date",
                                                    pd.Timestamp("2030-01-01")),
    "ucdp_ids_in_the_extract": lambda v: _candidates(v, "CSTO-C-002", "frame_id", "99999"),
    "no_icb_or_mid_number": lambda v: _candidates(v, "NATO-C-011", "frame", "ICB 440"),
    "armenia_2022_asked_for_deployment": lambda v: _request(v, "CSTO-2022-ARM", "asked_level",
                                                            "material_aid"),
    "kazakhstan_coded_as_unrest": lambda v: _candidate(v, "CSTO-C-080", "category",
                                                       "armed_attack"),
    "soft_calls_named": _soft_off,
    "other_organizations_named": lambda v: _request(v, "NATO-2015-FRA", "addressed_to",
                                                    "alliance"),
    "karabakh_outside_the_universe": lambda v: _candidate(v, "CSTO-C-010", "decision",
                                                          "include"),
    "vote_rules_as_described": lambda v: _rule(v, "hand_coded_absent", "missing"),
    "threshold_is_the_books": None,
}


def test_every_guard_has_a_breaking_case():
    assert breaks_every_guard(methods, BREAKS) == []


@pytest.mark.parametrize("guard", methods.GUARDS, ids=guard_ids)
def test_guard_holds_on_the_data(guard, values_of):
    guard.check(values_of(methods))


@pytest.mark.parametrize("guard", [g for g in methods.GUARDS if BREAKS[g.name]], ids=guard_ids)
def test_guard_fails_when_its_sentence_would_be_false(guard, values_of):
    assert_breaks(guard, BREAKS[guard.name](values_of(methods)))


def test_the_threshold_guard_reads_the_exact_tests_alpha(monkeypatch, values_of):
    """The appendix names 0.05; were the code's threshold another, the guard would fail."""
    monkeypatch.setattr(methods, "ALPHA", 0.01)
    guard = next(g for g in methods.GUARDS if g.name == "threshold_is_the_books")
    assert_breaks(guard, values_of(methods))


def test_a_recoded_example_stops_the_appendix(tables, cutoff):
    responses = tables["responses"].copy()
    responses.loc[responses["response_id"] == "CSTO-2013-TJK-R1", "level"] = "statement"
    with raises_guard("borderline_examples_coded_as_described"):
        methods.facts({**tables, "responses": responses}, cutoff)


def _rows(markdown: str) -> int:
    """Lines of the pipe tables in ``markdown``."""
    return sum(line.startswith("|") for line in markdown.splitlines())


def test_the_appendix_shows_the_scale_the_alternatives_and_every_candidate(tables, cutoff):
    shown = methods.displays(tables, cutoff)
    assert "deployment" in shown["scale"] and "material" in shown["scale"]
    # Each table: a header and a rule line, then one row per item.
    assert _rows(shown["alternatives"]) == len(methods.ALTERNATIVES) + 2
    candidates = tables["crisis_candidates"]
    for org in ("CSTO", "NATO"):
        table = shown[f"candidates_{org.lower()}"]
        ids = candidates.loc[candidates["organization"] == org, "candidate_id"]
        assert _rows(table) == len(ids) + 2
        assert all(f"| {cid} |" in table for cid in ids)
    assert "| UCDP 395 |" in shown["candidates_csto"]
