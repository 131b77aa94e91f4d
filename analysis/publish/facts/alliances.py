"""Facts of the chapter on Russia's other alliances (``book/alliances.md``): its treaties and
defence pacts beside America's, the pacts it holds twice with the same ally, and the network of
formal ties among its neighbours."""

from __future__ import annotations

from types import SimpleNamespace

import matplotlib.pyplot as plt
import pandas as pd

from ...charts import Chart, defence_pacts_chart, portfolio_chart, tie_network_chart
from ...measures import alliances, maps, membership, network
from ...measures.provenance import credit_lines
from .. import book
from .checks import Guard, check_all

#: ATOP's Collective Security Treaty (its begin date is the treaty's signature).
ATOP_CST = 4220
#: Two treaties that join almost everyone to everyone, left out of the drawing of ties: the
#: CSCE/OSCE (Helsinki Final Act) and the 1976 Southeast Asian treaty of amity.
BROAD = (3740, 3755)
#: The 1997 Russia-Ukraine friendship treaty, which a source ends.
RUSSIA_UKRAINE = 4875
#: Organizations that may join two states other than Russia with four ties or more.
WITHOUT_RUSSIA = {"CIS", "SCO", "ATOP 6020", "EAEU", "CSTO", "OTS"}


def portfolios(tables: dict[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    """Russia's and America's alliance portfolios from ATOP."""
    return {s: alliances.alliance_portfolio(tables["atop_alliances"], tables["atop_members"], s)
            for s in ("RUS", "USA")}


def atop_credit(tables: dict[str, pd.DataFrame]) -> str:
    """ATOP's credit line, as ``data/origins.csv`` gives it, for every chart drawn from ATOP."""
    return credit_lines(tables["origins"])["atop-4-01"]


def ties(tables: dict[str, pd.DataFrame], cutoff: pd.Timestamp) -> SimpleNamespace:
    """The network of formal ties among the former Soviet republics, China and Türkiye at the
    cut-off: the states drawn (``drawn``), the ATOP endings a source records (``ended``), the
    tie graph (``graph``), each state's standing in the CSTO (``today``) and the chart drawn
    from them (``chart``), whose data lists every pair of states with its ties."""
    states, members = tables["states"], tables["memberships"]
    drawn = sorted(set(states.loc[states["region"] == "post_soviet", "iso3"]) | {"CHN", "TUR"})
    ended = alliances.atop_endings(tables["discrepancies"])
    graph = alliances.tie_graph(members, tables["atop_alliances"], tables["atop_members"], cutoff,
                                states=drawn, exclude=tuple(f"ATOP {i}" for i in BROAD),
                                ended=ended)
    shapes = maps.load_shapes(tolerance=0.75)
    spots = {k: v for k, v in maps.state_positions(shapes, states).items() if k in drawn}
    positions = maps.declutter(spots, min_distance=7.0)
    positions["RUS"] = (55.0, 62.0)  # north of Kazakhstan, not at its centre in Siberia
    today = maps.state_categories(members, states, cutoff).set_index("iso3")["category"]
    kinds = {s: (c if c in ("member", "frozen", "former") else "other") for s, c in today.items()}
    return SimpleNamespace(drawn=drawn, ended=ended, graph=graph, today=today,
                           chart=tie_network_chart(graph, positions, kinds,
                                                   credit=atop_credit(tables)))


def values(tables: dict[str, pd.DataFrame], cutoff: pd.Timestamp) -> SimpleNamespace:
    """What the chapter's sentences rest on: the two portfolios' summary (``rus``, ``usa``),
    Russia's defence pacts (``pacts``) and those signed in 1992-93 (``early``), the CSTO
    members' second pacts (``double``), each alliance's defence partners (``partners``,
    ``usa_partners``), the regions of states, the tie network (``ties``) and its edges
    (``edges``), the members of the OTS (``ots``), and the organizations the CSTO's members
    other than Russia belong to (``theirs``), with the graph of all memberships (``web``)."""
    atop, members = tables["atop_alliances"], tables["memberships"]
    folios = portfolios(tables)
    summary = alliances.portfolio_summary(folios).set_index("state")
    pacts = alliances.defence_spells(atop, tables["atop_members"], "RUS")
    network_ = ties(tables, cutoff)
    plt.close(network_.chart.figure)
    csto_now = [s for s in membership.members_on(members, cutoff, "CSTO") if s != "RUS"]
    web = network.affiliation_graph(members, cutoff)
    return SimpleNamespace(
        summary=summary,
        rus=summary.loc["RUS"],
        usa=summary.loc["USA"],
        atop=atop,
        pacts=pacts,
        early=pacts[pacts["bilateral"] & pacts["start"].between("1992-01-01", "1993-12-31")],
        double=alliances.double_ties(folios["RUS"], members, "CSTO", cutoff),
        frozen=membership.members_on(members, cutoff, "CSTO", statuses=("frozen",)),
        partners=alliances.defence_partners(folios["RUS"]).set_index("partner"),
        usa_partners=alliances.defence_partners(folios["USA"]),
        region=tables["states"].set_index("iso3")["region"],
        ties=network_,
        edges=network_.chart.data[network_.chart.data["kind"] == "edge"],
        ots=membership.members_on(members, cutoff, "OTS"),
        csto=membership.members_on(members, cutoff, "CSTO"),
        theirs={o for s in csto_now for o in web.neighbors(s)},
        web=web,
    )


def _strong(edges: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Pairs with four ties or more, and those of them that include Russia."""
    strong = edges[edges["width_class"] == "4+"]
    return strong, strong[(strong["state"] == "RUS") | (strong["other"] == "RUS")]


def _top(edges: pd.DataFrame) -> pd.Series:
    """The pair of states with the most ties."""
    return edges.sort_values("weight", ascending=False).iloc[0]


def _soviet_pacts_lapsed(v: SimpleNamespace) -> bool:
    soviet = v.pacts[v.pacts["start"] < "1992-01-01"]
    return len(soviet) > 0 and bool(soviet["end"].notna().all())


def _ended_new(v: SimpleNamespace) -> pd.DataFrame:
    return v.pacts[(v.pacts["start"] >= "1992-01-01") & v.pacts["end"].notna()]


def _successor_without_pledge(v: SimpleNamespace) -> bool:
    end = _ended_new(v)["end"].iloc[0]
    successor = v.atop[(v.atop["begin_date"] == end) & (v.atop["anchor_members"] == "RUS")]
    return len(successor) == 1 and successor["defense"].iloc[0] == "0"


def _first_within_weeks_of_the_treaty(v: SimpleNamespace) -> bool:
    signed = v.atop.set_index("atopid").at[ATOP_CST, "begin_date"]
    return (v.pacts["start"].min() < pd.Timestamp("1992-01-01")
            and v.early["start"].min() - signed < pd.Timedelta(days=31))


def _held(v: SimpleNamespace) -> pd.DataFrame:
    return v.double[v.double["pacts"] != ""]


def _strong_without_russia_through_listed(v: SimpleNamespace) -> bool:
    strong, with_russia = _strong(v.edges)
    return all(set(t.split(";")) <= WITHOUT_RUSSIA for t in strong.drop(with_russia.index)["ties"])


def _ukraine_treaty_left_out(v: SimpleNamespace) -> bool:
    graph = v.ties.graph
    return (not graph.has_edge("RUS", "UKR")
            or f"ATOP {RUSSIA_UKRAINE}" not in graph["RUS"]["UKR"]["organizations"])


def _densest_pair_through_treaties_with_moscow(v: SimpleNamespace) -> bool:
    top = _top(v.edges)
    sizes = v.atop.set_index("atopid")["n_members"]
    ids = [t for t in top["ties"].split(";") if t.startswith(alliances.ATOP_PREFIX)]
    two_way = [t for t in ids if sizes[int(t.split()[1])] == 2]
    return "RUS" in (top["state"], top["other"]) and len(two_way) > top["weight"] / 2


GUARDS = (
    Guard("more_treaties_fewer_states_defended",
          "Russia has many more [treaties] ... Russia's defence pacts bind it to [fewer] states",
          lambda v: v.rus["alliances"] > v.usa["alliances"]
          and v.rus["defence_partners"] < v.usa["defence_partners"]),
    Guard("soviet_pacts_all_lapsed",
          "The ... inherited from the Soviet Union ... all lapsed in the 1990s",
          _soviet_pacts_lapsed),
    Guard("only_turkmenistans_lapsed",
          "Of the pacts signed since 1992 only Turkmenistan's has lapsed",
          lambda v: list(_ended_new(v)["partners"]) == ["TKM"]),
    Guard("turkmen_successor_without_pledge",
          "on the day a new Russian–Turkmen treaty without a defence pledge begins",
          _successor_without_pledge),
    Guard("first_within_weeks_of_the_treaty",
          "the first within weeks of the Collective Security Treaty itself",
          _first_within_weeks_of_the_treaty),
    Guard("armenia_and_belarus_in_1997",
          "Two more came in 1997, the treaty with Armenia and the union treaty with Belarus",
          lambda v: sorted(v.pacts.loc[v.pacts["start"].dt.year == 1997, "partners"])
          == ["ARM", "BLR"]),
    Guard("last_with_uzbekistan_2005",
          "and a last one with Uzbekistan in 2005",
          lambda v: v.pacts.iloc[-1]["partners"] == "UZB"
          and v.pacts.iloc[-1]["start"].year == 2005),
    Guard("every_other_member_holds_a_bilateral_pact",
          "Every one of the ... members besides Russia also holds a bilateral defence pact "
          "with it",
          lambda v: len(_held(v)) == len(v.double)),
    Guard("armenia_frozen_and_holding_a_pact",
          "Armenia, which has frozen its part in the organization, is among them",
          lambda v: v.frozen == ["ARM"] and "ARM" in set(_held(v)["state"])),
    Guard("uzbekistan_two_pacts_outside",
          "Uzbekistan, which left the CSTO in 2012, keeps two bilateral pacts with Russia",
          lambda v: len(v.partners.at["UZB", "bilateral"].split(";")) == 2
          and "UZB" not in set(v.double["state"])),
    Guard("azerbaijan_only_the_cis_charter",
          "Azerbaijan holds only the CIS Charter",
          lambda v: v.partners.at["AZE", "bilateral"] == ""
          and v.partners.at["AZE", "multilateral"] == "4400"),
    Guard("azerbaijan_the_only_partner_without_a_bilateral_pact",
          "Russia has both kinds for the same few states (Azerbaijan apart)",
          lambda v: list(v.partners[v.partners["bilateral"] == ""].index) == ["AZE"]),
    Guard("uzbek_pacts_1992_and_2005",
          "one from 1992 and one from 2005",
          lambda v: sorted(v.pacts.loc[v.pacts["partners"] == "UZB", "start"].dt.year)
          == [1992, 2005]),
    Guard("american_bilateral_pacts_in_asia",
          "its bilateral pacts are mostly with states in Asia and the Pacific, among them Japan, "
          "South Korea and the Philippines",
          lambda v: {"JPN", "KOR", "PHL"} <= set(
              v.usa_partners.loc[v.usa_partners["bilateral"] != "", "partner"])),
    Guard("two_multilateral_defence_treaties",
          "apart from the CIS Charter the CSTO is Russia's only multilateral defence alliance",
          lambda v: v.rus["defence_multilateral"] == 2),
    Guard("defence_partners_all_former_soviet",
          "Russia's defence promises cover a handful of former Soviet states",
          lambda v: set(v.region[list(v.partners.index)]) == {"post_soviet"}),
    Guard("strong_ties_without_russia",
          "the other ... join Belarus and the states of Central Asia to one another, through "
          "the CIS, the SCO and its 2007 treaty, the Eurasian Economic Union, the CSTO and ... "
          "the OTS",
          _strong_without_russia_through_listed),
    Guard("russia_ukraine_treaty_left_out",
          "and so is the 1997 friendship treaty between Russia and Ukraine, which expired",
          _ukraine_treaty_left_out),
    Guard("amity_treaty_of_1976",
          "a 1976 Asian treaty of amity that Russia joined later",
          lambda v: v.atop.set_index("atopid").at[BROAD[1], "begin_date"].year == 1976),
    Guard("densest_pair_through_treaties_with_moscow",
          "The densest pair of all ... owes most of them to bilateral treaties with Moscow",
          _densest_pair_through_treaties_with_moscow),
    Guard("russia_outside_the_ots",
          "The Organization of Turkic States is the one grouping in the drawing that runs past "
          "Russia",
          lambda v: "RUS" not in v.ots),
    Guard("ots_links_former_members_to_turkiye",
          "it gives two former members of the alliance, Azerbaijan and Uzbekistan, a line to "
          "Türkiye",
          lambda v: {"AZE", "UZB"} <= set(v.ots) and v.ties.today["AZE"] == "former"
          and v.ties.today["UZB"] == "former"),
    Guard("ots_the_only_one_without_russia",
          "of the organizations the CSTO's members belong to it is the only one without Russia",
          lambda v: {o for o in v.theirs if not v.web.has_edge("RUS", o)} == {"OTS"}),
)


def facts(tables: dict[str, pd.DataFrame], cutoff: pd.Timestamp) -> dict[str, str | int]:
    """Every value the chapter glues, by glue name, once every guard holds."""
    v = values(tables, cutoff)
    check_all(GUARDS, v)
    names = book.state_names(tables["states"])
    glued: dict[str, str | int] = {}
    for key, row in (("rus", v.rus), ("usa", v.usa)):
        for column in ("alliances", "defence", "defence_partners"):
            glued[f"{key}_{column}"] = int(row[column])
        glued[f"{key}_defence_share"] = book.percent(row["defence"] / row["alliances"])
    held = _held(v)
    only_multi = v.usa_partners[v.usa_partners["bilateral"] == ""]
    counts = v.edges["width_class"].value_counts()
    strong, with_russia = _strong(v.edges)
    top = _top(v.edges)
    sizes = v.atop.set_index("atopid")["n_members"]
    ots_pairs = v.edges[v.edges["ties"].str.split(";").map(lambda t: "OTS" in t)]
    glued.update({
        "n_pacts": len(v.pacts),
        "n_soviet_pacts": int((v.pacts["start"] < "1992-01-01").sum()),
        "early_partners": book.and_list(names[c] for c in sorted(v.early["partners"])),
        "n_early": len(v.early),
        "tkm_end": f"{_ended_new(v)['end'].iloc[0]:%Y}",
        "n_csto_others": len(v.double),
        "double_list": ", ".join(f"{names[s]} ({d:%Y})"
                                 for s, d in zip(held["state"], held["first_signed"])),
        "usa_only_multi": len(only_multi),
        "usa_only_multi_share": book.percent(len(only_multi) / len(v.usa_partners)),
        "ties_one": int(counts.get("1", 0)),
        "ties_few": int(counts.get("2–3", 0)),
        "ties_many": int(counts.get("4+", 0)),
        "n_drawn": len(v.ties.drawn),
        "strong_with_russia": len(with_russia),
        "strong_without": len(strong) - len(with_russia),
        "top_pair": book.and_list(names[c] for c in sorted([top["state"], top["other"]])),
        "top_weight": int(top["weight"]),
        "ots_pairs": len(ots_pairs),
        "ots_members": book.and_list(names[c] for c in v.ots),
        "ots_csto": book.and_list(names[c] for c in sorted(set(v.ots) & set(v.csto))),
        "ukraine_end": f"{v.ties.ended[RUSSIA_UKRAINE]:%Y}",
        "n_csce": int(sizes[BROAD[0]]),
        "n_amity": int(sizes[BROAD[1]]),
    })
    return glued


def figures(tables: dict[str, pd.DataFrame], cutoff: pd.Timestamp) -> dict[str, Chart]:
    """The chapter's figures by name: the two portfolios by kind, Russia's defence pacts, and
    the network of ties."""
    summary = alliances.portfolio_summary(portfolios(tables))
    pacts = alliances.defence_spells(tables["atop_alliances"], tables["atop_members"], "RUS")
    return {
        "fig-alliance-kinds": portfolio_chart(summary, {"RUS": "Russia", "USA": "United States"},
                                              credit=atop_credit(tables)),
        "fig-defence-pacts": defence_pacts_chart(pacts, book.state_names(tables["states"]),
                                                 credit=atop_credit(tables)),
        "fig-ties": ties(tables, cutoff).chart,
    }
