"""Facts of the chapter on Russia's other alliances (``book/alliances.md``): its treaties and
defence pacts beside America's, the pacts it holds twice with the same ally, and the network of
formal ties among its neighbours."""

from __future__ import annotations

from types import SimpleNamespace

import pandas as pd

from ...charts import Chart, defence_pacts_chart, portfolio_chart, tie_matrix_chart
from ...measures import alliances, membership, network
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
#: The organizations, and the SCO's 2007 treaty, through which states other than Russia share
#: four ties or more.
WITHOUT_RUSSIA = {"CIS", "SCO", "ATOP 6020", "EAEU", "CSTO", "OTS", "ECO", "OIC", "COE"}
#: The states those strongest ties without Russia join: Belarus, the Central Asian members and
#: Uzbekistan, Azerbaijan and Türkiye.
STRONG_WITHOUT_RUSSIA = {"AZE", "BLR", "KAZ", "KGZ", "TJK", "TUR", "UZB"}
#: Organizations the CSTO's members belong to that Russia does not belong to as a member.
PAST_RUSSIA = {"COE", "ECO", "OIC", "OTS"}
#: Russia's defence pacts signed after ATOP's data end, from the book's events: the treaty with
#: North Korea (signed, in force) and the security guarantees within the Union State.
LATER_PACTS = {"PRK": ("E531", "E532"), "BLR": ("E523", None)}
#: North Korea's troops in the Kursk region, confirmed under the 2024 treaty.
KURSK = "E533"


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
    tie graph (``graph``), each state's standing in the CSTO (``today``), every pair of states
    with its ties (``edges``: ``state``, ``other``, ``weight``, ``ties``, ``width_class``) and the
    order of the matrix (``groups``: Russia, the members, the former members, the others)."""
    states, members = tables["states"], tables["memberships"]
    drawn = sorted(set(states.loc[states["region"] == "post_soviet", "iso3"]) | {"CHN", "TUR"})
    ended = alliances.atop_endings(tables["discrepancies"])
    graph = alliances.tie_graph(members, tables["atop_alliances"], tables["atop_members"], cutoff,
                                states=drawn, exclude=tuple(f"ATOP {i}" for i in BROAD),
                                ended=ended)
    today = membership.alliance_status_on(members, cutoff).set_index("state")["status"]
    ever = set(membership.ever_members(members, ["CST", "CSTO"]))
    category = {s: ("member" if today.get(s) in membership.IN_ORGANIZATION else
                    "former" if s in ever else "other") for s in drawn}
    edges = pd.DataFrame(
        [{"state": min(a, b), "other": max(a, b), "weight": int(d["weight"]),
          "ties": ";".join(d["organizations"]),
          "width_class": alliances.width_class(int(d["weight"]))}
         for a, b, d in graph.edges(data=True)],
        columns=["state", "other", "weight", "ties", "width_class"])
    edges = edges.sort_values(["weight", "state", "other"], ascending=[False, True, True],
                              kind="stable").reset_index(drop=True)
    groups = [("Russia", ["RUS"]),
              ("CSTO members", sorted(s for s in drawn if category[s] == "member" and s != "RUS")),
              ("former members", sorted(s for s in drawn if category[s] == "former")),
              ("others", sorted(s for s in drawn if category[s] == "other"))]
    return SimpleNamespace(drawn=drawn, ended=ended, graph=graph, today=pd.Series(category),
                           edges=edges, groups=groups)


def values(tables: dict[str, pd.DataFrame], cutoff: pd.Timestamp) -> SimpleNamespace:
    """What the chapter's sentences rest on: the two portfolios' summary (``rus``, ``usa``),
    Russia's defence pacts (``pacts``) and those signed in 1992-93 (``early``), the CSTO
    members' second pacts (``double``), each alliance's defence partners (``partners``,
    ``usa_partners``), the regions of states, the tie network (``ties``) and its edges
    (``edges``), the members of the OTS (``ots``), and the organizations the CSTO's members
    other than Russia belong to, Armenia's frozen seat included (``theirs``), with the graph of
    all memberships (``web``), and the events the prose dates (``events``, by id)."""
    atop, members = tables["atop_alliances"], tables["memberships"]
    folios = portfolios(tables)
    summary = alliances.portfolio_summary(folios).set_index("state")
    pacts = alliances.defence_spells(atop, tables["atop_members"], "RUS")
    network_ = ties(tables, cutoff)
    csto_now = [s for s in membership.members_on(members, cutoff, "CSTO",
                                                 statuses=membership.IN_ORGANIZATION)
                if s != "RUS"]
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
        edges=network_.edges,
        ots=membership.members_on(members, cutoff, "OTS"),
        csto=membership.members_on(members, cutoff, "CSTO"),
        theirs={o for s in csto_now for o in web.neighbors(s)},
        web=web,
        events=tables["events"].set_index("event_id"),
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
    rest = strong.drop(with_russia.index)
    joined = set(rest["state"]) | set(rest["other"])
    return (all(set(t.split(";")) <= WITHOUT_RUSSIA for t in rest["ties"])
            and joined == STRONG_WITHOUT_RUSSIA)


def _ukraine_treaty_left_out(v: SimpleNamespace) -> bool:
    graph = v.ties.graph
    return (not graph.has_edge("RUS", "UKR")
            or f"ATOP {RUSSIA_UKRAINE}" not in graph["RUS"]["UKR"]["organizations"])


def _pairs_with_russia(edges: pd.DataFrame) -> pd.DataFrame:
    return edges[(edges["state"] == "RUS") | (edges["other"] == "RUS")]


def _densest_pair_without_russia(v: SimpleNamespace) -> bool:
    """The densest pair leaves Russia out, shares more ties than any pair with Russia, and owes
    some of them to organizations Russia does not belong to."""
    top = _top(v.edges)
    best_with_russia = _pairs_with_russia(v.edges)["weight"].max()
    return ("RUS" not in (top["state"], top["other"]) and top["weight"] > best_with_russia
            and len(set(top["ties"].split(";")) & PAST_RUSSIA) >= 3)


def _bilateral_ties(v: SimpleNamespace, row: pd.Series) -> list[str]:
    sizes = v.atop.set_index("atopid")["n_members"]
    ids = [t for t in row["ties"].split(";") if t.startswith(alliances.ATOP_PREFIX)]
    return [t for t in ids if sizes[int(t.split()[1])] == 2]


def _densest_with_russia_through_treaties(v: SimpleNamespace) -> bool:
    """The densest pair with Russia owes most of its ties to bilateral treaties with Moscow."""
    best = _pairs_with_russia(v.edges).iloc[0]
    return len(_bilateral_ties(v, best)) > best["weight"] / 2


def _later_pacts(v: SimpleNamespace) -> bool:
    signed = {p: v.events.loc[e, "date"] for p, (e, _) in LATER_PACTS.items()}
    return (all(v.events.loc[e, "type"] == "treaty_signed" for e, _ in LATER_PACTS.values())
            and all(d.year == 2024 for d in signed.values())
            and all(set(v.events.loc[e, "states"].split(";")) == {p, "RUS"}
                    for p, (e, _) in LATER_PACTS.items())
            and all(d > alliances.ATOP_END for d in signed.values()))


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
    Guard("last_in_atop_with_uzbekistan_2005",
          "and the last that ATOP records, with Uzbekistan in 2005",
          lambda v: v.pacts.iloc[-1]["partners"] == "UZB"
          and v.pacts.iloc[-1]["start"].year == 2005),
    Guard("two_defence_pacts_in_2024",
          "In 2024 Russia signed two more: the treaty with North Korea ... and the treaty on "
          "security guarantees within the Union State with Belarus",
          _later_pacts),
    Guard("dprk_article_4_in_force",
          "Its Article 4 obliges each side to give the other military assistance without delay "
          "...; it entered into force on ...",
          lambda v: "Article 4" in v.events.loc["E531", "description"]
          and "military" in v.events.loc["E531", "description"]
          and v.events.loc["E532", "type"] == "treaty_in_force"
          and v.events.loc["E532", "states"] == "PRK;RUS"),
    Guard("dprk_troops_in_kursk",
          "North Korea confirmed that its troops had fought beside Russia's in the Kursk region "
          "under that article",
          lambda v: v.events.loc[KURSK, "states"] == "PRK;RUS"
          and "Kursk" in v.events.loc[KURSK, "description"]
          and "Article 4" in v.events.loc[KURSK, "description"]),
    Guard("every_other_member_holds_a_bilateral_pact",
          "Every one of the ... members besides Russia also holds a bilateral defence pact "
          "with it",
          lambda v: len(_held(v)) == len(v.double)),
    Guard("armenia_frozen_and_holding_a_pact",
          "Armenia, which has frozen its part in the organization, is among them",
          lambda v: v.frozen == ["ARM"] and "ARM" in set(_held(v)["state"])),
    Guard("uzbekistan_two_pacts_outside",
          "Uzbekistan, whose membership the CSTO suspended in 2012, keeps two bilateral pacts "
          "with Russia",
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
    Guard("defence_partners_all_former_soviet_until_2024",
          "Until 2024 Russia's defence promises covered a handful of former Soviet states; the "
          "treaty with North Korea took one to East Asia",
          lambda v: set(v.region[list(v.partners.index)]) == {"post_soviet"}
          and v.region.get("PRK") != "post_soviet"),
    Guard("strong_ties_without_russia",
          "the other ... join Belarus, the Central Asian states, Azerbaijan and Türkiye, through "
          "the CIS, the SCO and its 2007 treaty, the Eurasian Economic Union, the CSTO, the "
          "Turkic and Islamic organizations, the ECO and the Council of Europe",
          _strong_without_russia_through_listed),
    Guard("russia_ukraine_treaty_left_out",
          "and so is the 1997 friendship treaty between Russia and Ukraine, which expired",
          _ukraine_treaty_left_out),
    Guard("amity_treaty_of_1976",
          "a 1976 Asian treaty of amity that Russia joined later",
          lambda v: v.atop.set_index("atopid").at[BROAD[1], "begin_date"].year == 1976),
    Guard("densest_pair_without_russia",
          "The densest pair of all ... does not include Russia ... three of them through "
          "organizations Russia does not belong to",
          _densest_pair_without_russia),
    Guard("densest_pair_with_russia_through_treaties",
          "The densest pair with Russia ... owes most of them to bilateral treaties with Moscow",
          _densest_with_russia_through_treaties),
    Guard("russia_outside_the_ots",
          "the Organization of Turkic States ... runs past Russia",
          lambda v: "RUS" not in v.ots),
    Guard("ots_links_former_members_to_turkiye",
          "it gives two former members of the alliance, Azerbaijan and Uzbekistan, a line to "
          "Türkiye",
          lambda v: {"AZE", "UZB"} <= set(v.ots) and v.ties.today["AZE"] == "former"
          and v.ties.today["UZB"] == "former"),
    Guard("four_organizations_without_russia",
          "Four of the organizations the CSTO's members belong to have no place for Russia as a "
          "member: the OTS, the Economic Cooperation Organization, the Organisation of Islamic "
          "Cooperation and the Council of Europe",
          lambda v: {o for o in v.theirs if not v.web.has_edge("RUS", o)} == PAST_RUSSIA),
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
    best = _pairs_with_russia(v.edges).iloc[0]
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
        "top_past_russia": len(set(top["ties"].split(";")) & PAST_RUSSIA),
        "best_russia_pair": names[best["other"] if best["state"] == "RUS" else best["state"]],
        "best_russia_weight": int(best["weight"]),
        "best_russia_treaties": len(_bilateral_ties(v, best)),
        "dprk_signed": book.day_text(v.events.loc["E531", "date"]),
        "dprk_in_force": book.day_text(v.events.loc["E532", "date"]),
        "blr_guarantees": book.day_text(v.events.loc["E523", "date"]),
        "kursk_confirmed": book.day_text(v.events.loc[KURSK, "date"]),
        "ots_pairs": len(ots_pairs),
        "ots_members": book.and_list(names[c] for c in v.ots),
        "ots_csto": book.and_list(names[c] for c in sorted(set(v.ots) & set(v.csto))),
        "ukraine_end": f"{v.ties.ended[RUSSIA_UKRAINE]:%Y}",
        "n_csce": int(sizes[BROAD[0]]),
        "n_amity": int(sizes[BROAD[1]]),
    })
    return glued


def later_pacts(tables: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """Russia's defence pacts signed after ATOP's data end, as rows like
    :func:`~analysis.measures.alliances.defence_spells` (``later`` True), from the events that
    record them (:data:`LATER_PACTS`)."""
    events = tables["events"].set_index("event_id")
    rows = [{"atopid": pd.NA, "organization": pd.NA, "partners": partner, "bilateral": True,
             "start": events.loc[signed, "date"], "end": pd.NaT, "later": True}
            for partner, (signed, _) in LATER_PACTS.items()]
    out = pd.DataFrame(rows).sort_values("start").reset_index(drop=True)
    return out.astype({"organization": "string", "partners": "string"})


def figures(tables: dict[str, pd.DataFrame], cutoff: pd.Timestamp) -> dict[str, Chart]:
    """The chapter's figures by name: the two portfolios by kind, Russia's defence pacts (with
    those signed after ATOP's data end), and the matrix of ties."""
    summary = alliances.portfolio_summary(portfolios(tables)).set_index("state")
    pacts = alliances.defence_spells(tables["atop_alliances"], tables["atop_members"], "RUS")
    names = book.state_names(tables["states"])
    network_ = ties(tables, cutoff)
    top = _top(network_.edges)
    best = _pairs_with_russia(network_.edges)["weight"].max()
    since = pacts[pacts["start"] >= "1992-01-01"]
    later = later_pacts(tables)
    rus, usa = summary.loc["RUS"], summary.loc["USA"]
    return {
        "fig-alliance-kinds": portfolio_chart(
            summary.reset_index(), {"RUS": "Russia", "USA": "United States"},
            title=f"Russia had {rus['alliances']} alliance treaties in 2016 but promised to "
                  f"defend {rus['defence_partners']} states;\nthe United States had "
                  f"{usa['alliances']} and promised to defend {usa['defence_partners']}",
            credit=atop_credit(tables)),
        "fig-defence-pacts": defence_pacts_chart(
            pd.concat([pacts.assign(later=False), later], ignore_index=True), names,
            until=cutoff,
            title=f"Russia signed {len(since)} defence pacts from 1992 to 2005,\nthen none "
                  f"until the {len(later)} of 2024",
            credit=atop_credit(tables)),
        "fig-ties": tie_matrix_chart(
            alliances.tie_matrix(network_.graph, network_.drawn), names, network_.groups,
            title=f"{book.and_list(names[c] for c in sorted([top['state'], top['other']]))} "
                  f"share {top['weight']} formal ties,\nmore than any pair with Russia "
                  f"({best})" if "RUS" not in (top["state"], top["other"])
                  else "Formal ties among Russia's neighbours",
            credit=atop_credit(tables)),
    }
