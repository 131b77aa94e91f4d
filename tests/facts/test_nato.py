"""The NATO chapter's facts: its guards hold on the data and fail when a comparison would be
false or no longer like for like."""

from __future__ import annotations

import pytest

from analysis.publish.facts import nato

from .helpers import altered, assert_breaks, breaks_every_guard, guard_ids, raises_guard, with_cell


def _share(v, org, measure, column, value):
    return altered(v, shares=with_cell(v.shares, (org, measure), column, value))


def _defence(v, org, request_id, column, value):
    defence = v.defence.reset_index()
    row = defence.index[(defence["organization"] == org)
                        & (defence["request_ids"] == request_id)][0]
    return altered(v, defence=with_cell(defence, row, column, value).set_index("organization"))


BREAKS = {
    "nato_only_grew": lambda v: altered(v, side=with_cell(v.side, "states that left", "NATO", 1)),
    "kazakhstan_the_invocation_answered_with_troops": lambda v: _defence(
        v, "CSTO", "CSTO-2022-KAZ", "outcome", "statement"),
    "armenia_invoked_it_too": lambda v: _defence(v, "CSTO", "CSTO-2022-ARM", "request_ids",
                                                 "CSTO-2021-ARM"),
    "nato_article_5_once_in_2001": lambda v: _defence(v, "NATO", "NATO-A5-2001-USA",
                                                      "request_ids", "NATO-A5-2024-POL"),
    "spending_like_for_like": lambda v: _share(v, "NATO", "military_spending", "year_max", 1990),
    "personnel_like_for_like": lambda v: _share(v, "CSTO", "active_personnel", "largest_share",
                                                0.01),
}


def test_every_guard_has_a_breaking_case():
    assert breaks_every_guard(nato, BREAKS) == []


@pytest.mark.parametrize("guard", nato.GUARDS, ids=guard_ids)
def test_guard_holds_on_the_data(guard, values_of):
    guard.check(values_of(nato))


@pytest.mark.parametrize("guard", nato.GUARDS, ids=guard_ids)
def test_guard_fails_when_its_sentence_would_be_false(guard, values_of):
    assert_breaks(guard, BREAKS[guard.name](values_of(nato)))


def test_a_member_without_a_spending_figure_stops_the_comparison(tables, cutoff):
    """One missing figure makes the spending comparison no longer like for like."""
    milex = tables["milex"].copy()
    last = milex["year"].max()
    milex.loc[(milex["state"] == "KGZ") & (milex["year"] == last),
              "milex_constant_2023_usd_million"] = float("nan")
    with raises_guard("spending_like_for_like"):
        nato.facts({**tables, "milex": milex}, cutoff)
