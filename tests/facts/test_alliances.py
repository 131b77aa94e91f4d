"""The alliances chapter's facts: its guards hold on the data and fail when a sentence about
Russia's treaties, its second pacts or the network of ties would be false."""

from __future__ import annotations

from types import SimpleNamespace

import pandas as pd
import pytest

from analysis.publish.facts import alliances

from .helpers import (
    altered,
    assert_breaks,
    breaks_every_guard,
    guard_ids,
    raises_guard,
    with_cell,
    with_item,
)


def _pact(v, partner, column, value):
    row = v.pacts.index[v.pacts["partners"] == partner][-1]
    return altered(v, pacts=with_cell(v.pacts, row, column, value))


def _partner(v, partner, column, value):
    return altered(v, partners=with_cell(v.partners, partner, column, value))


def _turkmen_successor_pledges_defence(v):
    end = v.pacts.loc[v.pacts["partners"] == "TKM", "end"].iloc[0]
    row = v.atop.index[(v.atop["begin_date"] == end) & (v.atop["anchor_members"] == "RUS")][0]
    return altered(v, atop=with_cell(v.atop, row, "defense", "1"))


def _american_pact_with_japan_gone(v):
    row = v.usa_partners.index[v.usa_partners["partner"] == "JPN"][0]
    return altered(v, usa_partners=with_cell(v.usa_partners, row, "bilateral", ""))


def _strong_tie_through_guam(v):
    strong = v.edges[(v.edges["width_class"] == "4+") & (v.edges["state"] != "RUS")
                     & (v.edges["other"] != "RUS")]
    row = strong.index[0]
    return altered(v, edges=with_cell(v.edges, row, "ties", strong.at[row, "ties"] + ";GUAM"))


def _russia_ukraine_treaty_drawn(v):
    graph = v.ties.graph.copy()
    graph.add_edge("RUS", "UKR", organizations=["ATOP 4875"], weight=1)
    return altered(v, ties=SimpleNamespace(**{**vars(v.ties), "graph": graph}))


def _densest_pair_without_russia(v):
    top = v.edges.sort_values("weight", ascending=False).index[0]
    edges = with_cell(with_cell(v.edges, top, "state", "KAZ"), top, "other", "KGZ")
    return altered(v, edges=edges)


def _russia_joins_the_ots(v):
    web = v.web.copy()
    web.add_edge("RUS", "OTS")
    return altered(v, web=web)


def _amity_treaty_later(v):
    row = v.atop.index[v.atop["atopid"] == 3755][0]
    return altered(v, atop=with_cell(v.atop, row, "begin_date", pd.Timestamp("1980-01-01")))


BREAKS = {
    "more_treaties_fewer_states_defended": lambda v: altered(v, rus=with_item(
        v.rus, "defence_partners", 500)),
    "soviet_pacts_all_lapsed": lambda v: _pact(v, "FIN", "end", pd.NaT),
    "only_turkmenistans_lapsed": lambda v: _pact(v, "KAZ", "end", pd.Timestamp("2000-01-01")),
    "turkmen_successor_without_pledge": _turkmen_successor_pledges_defence,
    "first_within_weeks_of_the_treaty": lambda v: altered(v, early=v.early.assign(
        start=v.early["start"] + pd.Timedelta(days=60))),
    "armenia_and_belarus_in_1997": lambda v: _pact(v, "ARM", "start",
                                                   pd.Timestamp("1998-08-29")),
    "last_with_uzbekistan_2005": lambda v: altered(v, pacts=v.pacts.iloc[:-1]),
    "every_other_member_holds_a_bilateral_pact": lambda v: altered(v, double=with_cell(
        v.double, v.double.index[2], "pacts", "")),
    "armenia_frozen_and_holding_a_pact": lambda v: altered(v, frozen=[]),
    "uzbekistan_two_pacts_outside": lambda v: _partner(v, "UZB", "bilateral", "4245"),
    "azerbaijan_only_the_cis_charter": lambda v: _partner(v, "AZE", "bilateral", "9999"),
    "azerbaijan_the_only_partner_without_a_bilateral_pact":
        lambda v: _partner(v, "KAZ", "bilateral", ""),
    "uzbek_pacts_1992_and_2005": lambda v: _pact(v, "UZB", "start", pd.Timestamp("2006-11-14")),
    "american_bilateral_pacts_in_asia": _american_pact_with_japan_gone,
    "two_multilateral_defence_treaties": lambda v: altered(v, rus=with_item(
        v.rus, "defence_multilateral", 3)),
    "defence_partners_all_former_soviet": lambda v: altered(v, region=with_item(
        v.region, "AZE", "europe")),
    "strong_ties_without_russia": _strong_tie_through_guam,
    "russia_ukraine_treaty_left_out": _russia_ukraine_treaty_drawn,
    "amity_treaty_of_1976": _amity_treaty_later,
    "densest_pair_through_treaties_with_moscow": _densest_pair_without_russia,
    "russia_outside_the_ots": lambda v: altered(v, ots=[*v.ots, "RUS"]),
    "ots_links_former_members_to_turkiye": lambda v: altered(
        v, ots=[s for s in v.ots if s != "AZE"]),
    "ots_the_only_one_without_russia": _russia_joins_the_ots,
}


def test_every_guard_has_a_breaking_case():
    assert breaks_every_guard(alliances, BREAKS) == []


@pytest.mark.parametrize("guard", alliances.GUARDS, ids=guard_ids)
def test_guard_holds_on_the_data(guard, values_of):
    guard.check(values_of(alliances))


@pytest.mark.parametrize("guard", alliances.GUARDS, ids=guard_ids)
def test_guard_fails_when_its_sentence_would_be_false(guard, values_of):
    assert_breaks(guard, BREAKS[guard.name](values_of(alliances)))


def test_a_later_amity_treaty_stops_the_chapter(tables, cutoff):
    atop = tables["atop_alliances"].copy()
    atop.loc[atop["atopid"] == 3755, "begin_date"] = pd.Timestamp("1980-01-01")
    with raises_guard("amity_treaty_of_1976"):
        alliances.facts({**tables, "atop_alliances": atop}, cutoff)

