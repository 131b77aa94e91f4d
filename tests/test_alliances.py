"""Russia's other alliances: ATOP portfolios, defence pacts, double ties and the tie network."""

from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd
import pytest

from analysis.charts.alliances import defence_pacts_chart, portfolio_chart, tie_network_chart
from analysis.charts.style import use_house_style
from analysis.measures import alliances as al

MEMBER_COLUMNS = ["atopid", "phase", "state", "cow_code", "member_begin", "member_end",
                  "defense", "offense", "neutral", "nonagg", "consul"]


def atop(alliances: list[tuple], spells: list[tuple]) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Tables typed like the loaded ones. alliances: (atopid, organization, begin, bilateral);
    spells: (atopid, state, begin, end, defense)."""
    a = pd.DataFrame([{"atopid": i, "organization": o, "begin_date": pd.Timestamp(b),
                       "bilateral": bil} for i, o, b, bil in alliances])
    a = a.astype({"atopid": "Int64", "organization": "string", "bilateral": "string"})
    m = pd.DataFrame([{"atopid": i, "phase": 0, "state": s, "cow_code": 1, "member_begin": b,
                       "member_end": e, "defense": d, "offense": "0", "neutral": "0",
                       "nonagg": "1", "consul": "0"} for i, s, b, e, d in spells],
                     columns=MEMBER_COLUMNS)
    m = m.astype({"atopid": "Int64", "phase": "Int64", "state": "string", "cow_code": "Int64",
                  "member_begin": "string", "member_end": "string", "defense": "string"})
    return a, m


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


def memberships(rows: list[tuple[str, str, str, str, str | None]]) -> pd.DataFrame:
    """A memberships table typed like the loaded one, from (state, org, status, start, end)."""
    frame = pd.DataFrame([{"state": s, "organization": o, "status": st, "start": b, "end": e}
                          for s, o, st, b, e in rows])
    frame["start"] = pd.to_datetime(frame["start"]).astype("datetime64[ns]")
    frame["end"] = pd.to_datetime(frame["end"]).astype("datetime64[ns]")
    return frame.astype({"state": "string", "organization": "string", "status": "string"})


@pytest.fixture(scope="module", autouse=True)
def house_style():
    use_house_style()
    yield
    plt.close("all")


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


def test_tie_network_chart_draws_one_line_per_edge_in_its_class():
    table = memberships([("RUS", "CSTO", "member", "2002-10-07", None),
                         ("ARM", "CSTO", "member", "2002-10-07", None)])
    graph = al.tie_graph(table, ALLIANCES, MEMBERS, "2026-01-01")
    positions = {"RUS": (40.0, 56.0), "ARM": (45.0, 40.0), "TUR": (35.0, 39.0),
                 "KAZ": (67.0, 48.0)}
    chart = tie_network_chart(graph, positions, {"ARM": "frozen", "KAZ": "member"})
    edges = chart.data[chart.data["kind"] == "edge"]
    # RUS-ARM: CSTO + ATOP 1 = 2 ties; RUS-TUR: 1.
    assert dict(zip(edges["other"].fillna("") + edges["state"], edges["width_class"])) == {
        "RUSARM": "2–3", "TURRUS": "1"}
    assert len(chart.figure.axes[0].lines) == len(edges)
    labels = [t.get_text() for t in chart.figure.axes[0].get_legend().get_texts()]
    assert labels[0].startswith("1 shared tie") and labels[2].startswith("4+")
    plt.close(chart.figure)


def test_portfolio_and_pacts_charts_return_what_they_draw():
    portfolios = {s: al.alliance_portfolio(ALLIANCES, MEMBERS, s) for s in ("RUS", "USA")}
    chart = portfolio_chart(al.portfolio_summary(portfolios))
    assert len(chart.data) == 8 and chart.data["alliances"].sum() == 4
    plt.close(chart.figure)
    pacts = defence_pacts_chart(al.defence_spells(ALLIANCES, MEMBERS, "RUS"), {"ARM": "Armenia"})
    assert list(pacts.data["label"]) == ["CSTO (2 others), 1992", "Armenia, 1997"]
    plt.close(pacts.figure)


def test_real_russia_defence_partners_match_the_atop_report(tables):
    # tools/imports/atop.REPORT.md: Russia's defence dyads in 2016-18 are with these seven.
    rus = al.alliance_portfolio(tables["atop_alliances"], tables["atop_members"], "RUS")
    assert list(al.defence_partners(rus)["partner"]) == ["ARM", "AZE", "BLR", "KAZ", "KGZ",
                                                          "TJK", "UZB"]
