"""Russia's other alliances: ATOP portfolios, defence pacts, double ties and the tie graph."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.measures import alliances as al
from tests.helpers.alliance_treaties import atop, memberships

# Russia: a bilateral defence pact with ARM (1997), a three-state defence alliance with ARM and
# KAZ (1992), a non-defence treaty with UKR that ended in 1997, and one with TUR begun in
# 2016-05 (month precision). The US: a bilateral pact with JPN only.
ALLIANCES, MEMBERS = atop(
    [(1, None, "1997-08-29", "1"), (2, "CSTO", "1992-05-15", "0"), (3, None, "1990-11-19", "1"),
     (4, None, "2016-05-01", "1"), (5, None, "1960-01-19", "1")],
    [(1, "RUS", "1997-08-29", None, "1"), (1, "ARM", "1997-08-29", None, "1"),
     (2, "RUS", "1992-05-15", None, "1"), (2, "ARM", "1992-05-15", None, "1"),
     (2, "KAZ", "1992-05-15", None, "1"),
     (3, "RUS", "1990-11-19", "1997-05-31", "0"), (3, "UKR", "1990-11-19", "1997-05-31", "0"),
     (4, "RUS", "2016-05", None, "0"), (4, "TUR", "2016-05", None, "0"),
     (5, "USA", "1960-01-19", None, "1"), (5, "JPN", "1960-01-19", None, "1")],
)


def test_portfolio_holds_the_alliances_in_force_on_the_day():
    rus = al.alliance_portfolio(ALLIANCES, MEMBERS, "RUS")
    # The 1990 treaty ended in 1997; the 2016-05 one (month precision) holds at the end of 2016.
    assert list(rus["atopid"]) == [1, 2, 4]
    assert list(rus["partners"]) == ["ARM", "ARM;KAZ", "TUR"]
    assert list(rus["bilateral"]) == [True, False, True]
    assert list(rus["defense"]) == [True, True, False]


def test_portfolio_on_an_earlier_day_and_an_ended_spell():
    rus = al.alliance_portfolio(ALLIANCES, MEMBERS, "RUS", "1995-01-01")
    assert list(rus["atopid"]) == [2, 3]
    # The last day of a spell still counts; the day after does not.
    assert 3 in set(al.alliance_portfolio(ALLIANCES, MEMBERS, "RUS", "1997-05-31")["atopid"])
    assert 3 not in set(al.alliance_portfolio(ALLIANCES, MEMBERS, "RUS", "1997-06-01")["atopid"])


def test_summary_counts_kinds_and_distinct_partners():
    portfolios = {s: al.alliance_portfolio(ALLIANCES, MEMBERS, s) for s in ("RUS", "USA")}
    got = al.portfolio_summary(portfolios).set_index("state")
    # RUS: pacts 1 (bilateral, defence), 2 (multilateral, defence), 4 (bilateral, none);
    # partners ARM, KAZ, TUR (ARM counted once); defence partners ARM, KAZ.
    assert got.loc["RUS"].to_dict() == {
        "alliances": 3, "defence": 2, "defence_bilateral": 1, "defence_multilateral": 1,
        "other_bilateral": 1, "other_multilateral": 0, "partners": 3, "defence_partners": 2}
    assert got.loc["USA", "defence_partners"] == 1


def test_defence_partners_lists_each_pact_by_kind():
    got = al.defence_partners(al.alliance_portfolio(ALLIANCES, MEMBERS, "RUS"))
    assert got.to_dict("records") == [
        {"partner": "ARM", "bilateral": "1", "multilateral": "2", "n_pacts": 2},
        {"partner": "KAZ", "bilateral": "", "multilateral": "2", "n_pacts": 1}]


def test_double_ties_are_members_with_a_bilateral_defence_pact():
    table = memberships([("RUS", "CSTO", "member", "2002-10-07", None),
                         ("ARM", "CSTO", "member", "2002-10-07", "2024-02-22"),
                         ("ARM", "CSTO", "frozen", "2024-02-22", None),
                         ("KAZ", "CSTO", "member", "2002-10-07", None)])
    rus = al.alliance_portfolio(ALLIANCES, MEMBERS, "RUS")
    got = al.double_ties(rus, table, "CSTO", "2026-01-01")
    # Armenia's frozen seat still counts; Kazakhstan shares only the multilateral pact.
    assert list(got["state"]) == ["ARM", "KAZ"]
    assert list(got["pacts"]) == ["1", ""]
    assert got["first_signed"].iloc[0] == pd.Timestamp("1997-08-29")
    assert pd.isna(got["first_signed"].iloc[1])


def test_defence_spells_start_end_and_open():
    got = al.defence_spells(ALLIANCES, MEMBERS, "RUS")
    assert list(got["atopid"]) == [2, 1]  # by start: 1992 before 1997
    assert got["end"].isna().all()
    assert list(got["bilateral"]) == [False, True]


def test_tie_graph_counts_organizations_and_unlinked_treaties_once():
    table = memberships([("RUS", "CSTO", "member", "2002-10-07", None),
                         ("ARM", "CSTO", "member", "2002-10-07", None),
                         ("RUS", "EAEU", "member", "2015-01-01", None),
                         ("ARM", "EAEU", "member", "2015-01-02", None),
                         ("ARM", "CSTO", "observer", "1990-01-01", "1991-01-01")])
    graph = al.tie_graph(table, ALLIANCES, MEMBERS, "2026-01-01")
    # RUS-ARM: CSTO and EAEU (curated) and ATOP 1; ATOP 2 is the CSTO, so not counted again.
    assert graph["ARM"]["RUS"]["weight"] == 3
    assert graph["ARM"]["RUS"]["organizations"] == ["ATOP 1", "CSTO", "EAEU"]
    assert not graph.has_edge("KAZ", "RUS")
    assert graph["RUS"]["TUR"]["weight"] == 1


def test_tie_graph_drops_treaties_ended_after_atop_and_excluded_ties():
    graph = al.tie_graph(memberships([("RUS", "CSTO", "member", "2002-10-07", None)]),
                         ALLIANCES, MEMBERS, "2026-01-01", ended={4: pd.Timestamp("2019-04-01")},
                         exclude=("ATOP 1",))
    assert not graph.has_edge("RUS", "TUR") and not graph.has_edge("ARM", "RUS")
    before = al.tie_graph(memberships([("RUS", "CSTO", "member", "2002-10-07", None)]),
                          ALLIANCES, MEMBERS, "2018-01-01", ended={4: pd.Timestamp("2019-04-01")})
    assert before.has_edge("RUS", "TUR")


def test_atop_endings_read_from_discrepancies():
    table = pd.DataFrame({"table": ["atop_alliances", "atop_alliances", "memberships"],
                          "record_id": ["4875", "4875", "X"], "field": ["end_date"] * 3,
                          "value": ["2019-04-01", "2019-05-01", "2020-01-01"],
                          "used": ["yes", "no", "yes"]})
    assert al.atop_endings(table) == {4875: pd.Timestamp("2019-04-01")}


@pytest.mark.parametrize(("weight", "label"), [(1, "1"), (2, "2–3"), (3, "2–3"), (4, "4+"),
                                                (9, "4+")])
def test_width_classes(weight, label):
    assert al.width_class(weight) == label


def test_width_class_below_the_lowest_is_an_error():
    with pytest.raises(ValueError, match="below the lowest class"):
        al.width_class(0)


def test_real_russia_defence_partners_match_the_atop_report(tables):
    # tools/imports/README.md: Russia's defence dyads in 2016-18 are with these seven.
    rus = al.alliance_portfolio(tables["atop_alliances"], tables["atop_members"], "RUS")
    assert list(al.defence_partners(rus)["partner"]) == ["ARM", "AZE", "BLR", "KAZ", "KGZ",
                                                          "TJK", "UZB"]
