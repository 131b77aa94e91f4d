"""The charts of Russia's other alliances: the tie matrix and the portfolio and pact charts."""

from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd

from analysis.charts.alliances import (
    defence_pacts_chart,
    portfolio_chart,
    tie_matrix_chart,
)
from analysis.charts.layout import layout_problems
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


def test_tie_matrix_counts_the_ties_of_each_pair_in_the_lower_triangle():
    table = memberships([("RUS", "CSTO", "member", "2002-10-07", None),
                         ("ARM", "CSTO", "member", "2002-10-07", None)])
    graph = al.tie_graph(table, ALLIANCES, MEMBERS, "2026-01-01")
    matrix = al.tie_matrix(graph, ["RUS", "ARM", "TUR", "KAZ"])
    # RUS-ARM: CSTO + ATOP 1 = 2 ties; RUS-TUR: 1; symmetric, zero on the diagonal.
    assert matrix.loc["RUS", "ARM"] == matrix.loc["ARM", "RUS"] == 2
    assert matrix.loc["RUS", "TUR"] == 1 and matrix.loc["RUS", "RUS"] == 0
    chart = tie_matrix_chart(matrix, {"RUS": "Russia"}, [("Russia", ["RUS"]),
                                                         ("others", ["ARM", "TUR", "KAZ"])],
                             "A finding", credit="ATOP credit")
    assert len(chart.data) == 6
    assert dict(zip(chart.data["state"] + chart.data["other"], chart.data["ties"]))["ARMRUS"] == 2
    texts = " ".join(t.get_text() for t in chart.figure.texts)
    assert "; ATOP credit, read as still in force" in texts
    assert layout_problems(chart.figure) == []
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
    assert layout_problems(pacts.figure) == []
    plt.close(pacts.figure)


def test_a_pact_after_atop_is_drawn_to_the_cutoff_in_its_own_colour():
    spells = al.defence_spells(ALLIANCES, MEMBERS, "RUS").assign(later=False)
    later = pd.DataFrame({"atopid": [pd.NA], "organization": pd.array([pd.NA], dtype="string"),
                          "partners": ["PRK"], "bilateral": [True],
                          "start": [pd.Timestamp("2024-06-19")], "end": [pd.NaT],
                          "later": [True]})
    chart = defence_pacts_chart(pd.concat([spells, later], ignore_index=True), {},
                                until="2026-11-23", credit="ATOP credit")
    row = chart.data[chart.data["later"]].iloc[0]
    assert row["drawn_end"] == pd.Timestamp("2026-11-23")
    assert "events.csv" in " ".join(t.get_text() for t in chart.figure.texts)
    assert layout_problems(chart.figure) == []
    plt.close(chart.figure)
