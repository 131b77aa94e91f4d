"""The network charts: the ranked list of shared organizations, the bases chart and Russia's
installations with their personnel."""

from __future__ import annotations

import pandas as pd

from analysis.charts.layout import layout_problems
from analysis.charts.network import (
    OPERATOR_STYLE,
    bases_chart,
    installations_chart,
    shared_ties_chart,
    short_name,
)
from analysis.measures import installations, network
from tests.helpers.charts import house_style  # noqa: F401 - autouse fixture
from tests.helpers.network import TOY, TOY_BASES

NAMES = {"RUS": "Russia", "ARM": "Armenia", "KAZ": "Kazakhstan", "TJK": "Tajikistan"}


def _pairs(date="2020-01-01"):
    web = network.affiliation_graph(TOY, date)
    projection = network.state_projection(web, exclude=("CSTO",))
    return network.shared_organizations(projection, ["ARM", "KAZ", "RUS", "TJK"],
                                        web.neighbors("RUS"))


def test_shared_organizations_lists_every_pair_and_what_runs_past_russia():
    pairs = _pairs().set_index(["state", "other"])
    assert len(pairs) == 6
    assert pairs.loc[("ARM", "KAZ"), "organizations"] == "ABC;EAEU"
    assert pairs.loc[("ARM", "KAZ"), "without_hub"] == "ABC"
    assert pairs.loc[("ARM", "TJK"), "n"] == 0


def test_the_ranked_list_draws_one_box_per_shared_organization():
    chart = shared_ties_chart(_pairs(), NAMES, "A finding")
    ax = chart.figure.axes[0]
    assert len(ax.patches) == int(chart.data["n"].sum())
    assert chart.data["label"].iloc[0] == "Armenia – Kazakhstan"
    texts = [t.get_text() for t in ax.texts]
    assert "no organization: linked only through Russia" in texts
    assert layout_problems(chart.figure) == []


def test_bases_chart_draws_the_counts_it_is_given_with_one_key():
    counts = installations.bases_per_host(TOY_BASES, pd.date_range("1992-01-01", "2020-01-01",
                                                                 freq="YS"))
    chart = bases_chart(counts, title="A finding")
    assert len(chart.data) == len(counts)
    assert chart.figure.get_suptitle() == "A finding"
    assert len(chart.figure.legends) == 1
    assert layout_problems(chart.figure) == []


def test_every_operator_of_the_book_has_its_own_colour_and_marker():
    """No grey-against-grey: each operator the data holds is told apart by colour and marker."""
    styles = [(s["color"], s["marker"]) for s in OPERATOR_STYLE.values()]
    assert {"RUS", "USA", "DEU", "FRA", "CHN", "IND"} <= set(OPERATOR_STYLE)
    assert len({c for c, _ in styles}) == len(styles)
    assert len({m for _, m in styles}) == len(styles)


def test_installations_chart_draws_known_personnel_and_marks_the_rest():
    bases = pd.DataFrame({
        "base_id": ["B1", "B2"], "host": ["ARM", "KAZ"], "operator": ["RUS", "RUS"],
        "name": ["102nd Military Base, Gyumri", "Baikonur Cosmodrome (leased)"],
        "kind": ["army_base", "space_launch"],
        "personnel": pd.array([5000, None], dtype="Int64"),
        "personnel_year": pd.array([2023, None], dtype="Int64")})
    chart = installations_chart(bases, NAMES, "A finding")
    assert chart.data["label"].tolist() == ["Armenia: 102nd Military Base, Gyumri",
                                            "Kazakhstan: Baikonur Cosmodrome"]
    assert chart.data["known"].tolist() == [True, False]
    assert layout_problems(chart.figure) == []


def test_short_names_keep_the_region_a_base_stands_in():
    assert short_name("7th Military Base, Gudauta (Abkhazia)") == (
        "7th Military Base, Gudauta (Abkhazia)")
    assert short_name("Baikonur Cosmodrome (leased)") == "Baikonur Cosmodrome"
