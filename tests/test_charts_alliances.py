"""The charts of Russia's other alliances: the tie network and the portfolio and pact charts."""

from __future__ import annotations

import matplotlib.pyplot as plt

from analysis.charts.alliances import (
    defence_pacts_chart,
    portfolio_chart,
    tie_network_chart,
)
from analysis.measures import alliances as al
from tests.helpers.alliance_treaties import atop, memberships
from tests.helpers.charts import house_style  # noqa: F401 - autouse fixture

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


def test_tie_network_chart_draws_one_line_per_edge_in_its_class():
    table = memberships([("RUS", "CSTO", "member", "2002-10-07", None),
                         ("ARM", "CSTO", "member", "2002-10-07", None)])
    graph = al.tie_graph(table, ALLIANCES, MEMBERS, "2026-01-01")
    positions = {"RUS": (40.0, 56.0), "ARM": (45.0, 40.0), "TUR": (35.0, 39.0),
                 "KAZ": (67.0, 48.0)}
    chart = tie_network_chart(graph, positions, {"ARM": "frozen", "KAZ": "member"},
                              credit="ATOP credit")
    texts = " ".join(t.get_text() for t in chart.figure.texts)
    assert "; ATOP credit, read as still in force" in texts
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
    chart = portfolio_chart(al.portfolio_summary(portfolios), credit="ATOP credit")
    assert "Source: ATOP credit" in [t.get_text() for t in chart.figure.texts]
    assert len(chart.data) == 8 and chart.data["alliances"].sum() == 4
    plt.close(chart.figure)
    pacts = defence_pacts_chart(al.defence_spells(ALLIANCES, MEMBERS, "RUS"), {"ARM": "Armenia"},
                                credit="ATOP credit")
    assert list(pacts.data["label"]) == ["CSTO (2 others), 1992", "Armenia, 1997"]
    plt.close(pacts.figure)
