"""The methods appendix's facts: each borderline example, coding rule and vote rule it describes
is checked against the data or the code, and each check fails when they say otherwise."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.measures import exact
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


def _family(v, test, column, value):
    return altered(v, family=with_cell(v.family, test, column, value))


def _troop_requester(v, request_id, requester):
    rows = v.on[("alliance", "CSTO", "troops")].copy()
    rows.loc[rows["request_id"] == request_id, "requester"] = requester
    return altered(v, on={**v.on, ("alliance", "CSTO", "troops"): rows})


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
    "no_difference_survives_holm": lambda v: _family(v, "appeals", "holm_boschloo", 0.04),
    "near_the_threshold_as_named": lambda v: _family(v, "casus_asked", "fisher", 0.09),
    "armenia_made_most_troop_requests": lambda v: _troop_requester(v, "CSTO-1992-ARM", "TJK"),
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


def test_the_family_is_each_chapter_test_and_holm_over_it(values_of):
    """Each row of the family carries the p-value the chapters state for it, Boschloo's test on
    the same counts where there are counts, and Holm's adjustment over all of them."""
    v = values_of(methods)
    f = v.family
    assert list(f.index) == list(methods.FAMILY)
    assert f.loc["troops", "fisher"] == v.tests["alliance"].loc["troops", "p"]
    assert f.loc["appeals", "fisher"] == v.share_tests.loc[("all", "patron"), "p"]
    assert f.loc["appeals_by_crisis", "fisher"] == v.appeal_stratified_p
    assert f.loc["casus", "fisher"] == v.casus["p"].iloc[0]
    for name in methods.FAMILY:
        counts = f.loc[name, "counts"]
        assert (counts is None) == (name in methods.STRATIFIED)
        if counts:
            assert f.loc[name, "boschloo"] == exact.boschloo(*counts)
    assert list(f["holm"]) == pytest.approx(list(exact.holm(f["fisher"])))
    # Holm multiplies the smallest p by the size of the family.
    smallest = f["fisher"].idxmin()
    assert f.loc[smallest, "holm"] == pytest.approx(min(1, len(f) * f["fisher"].min()))


def test_the_appendix_shows_the_family(tables, cutoff):
    table = methods.displays(tables, cutoff)["family"]
    assert "tab-methods-family" in table
    assert _rows(table) == len(methods.FAMILY) + 2
    assert table.count("not defined") == len(methods.STRATIFIED)
