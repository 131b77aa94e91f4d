"""The guards of the chapter on Russia's other alliances: each sentence its prose words from the
data, with the test that the data still supports it."""

from __future__ import annotations

from types import SimpleNamespace

import pandas as pd

from ....measures import alliances
from ..checks import Guard
from .record import (
    ATOP_CST,
    BROAD,
    KURSK,
    LATER_PACTS,
    PAST_RUSSIA,
    RUSSIA_UKRAINE,
    STRONG_WITHOUT_RUSSIA,
    WITHOUT_RUSSIA,
    bilateral_ties,
    ended_since_1992,
    held_pacts,
    pairs_with_russia,
    strong_pairs,
    top_pair,
)


def _soviet_pacts_lapsed(v: SimpleNamespace) -> bool:
    soviet = v.pacts[v.pacts["start"] < "1992-01-01"]
    return len(soviet) > 0 and bool(soviet["end"].notna().all())


def _successor_without_pledge(v: SimpleNamespace) -> bool:
    end = ended_since_1992(v)["end"].iloc[0]
    successor = v.atop[(v.atop["begin_date"] == end) & (v.atop["anchor_members"] == "RUS")]
    return len(successor) == 1 and successor["defense"].iloc[0] == "0"


def _first_within_weeks_of_the_treaty(v: SimpleNamespace) -> bool:
    signed = v.atop.set_index("atopid").at[ATOP_CST, "begin_date"]
    return (v.pacts["start"].min() < pd.Timestamp("1992-01-01")
            and v.early["start"].min() - signed < pd.Timedelta(days=31))


def _strong_without_russia_through_listed(v: SimpleNamespace) -> bool:
    strong, with_russia = strong_pairs(v.edges)
    rest = strong.drop(with_russia.index)
    joined = set(rest["state"]) | set(rest["other"])
    return (all(set(t.split(";")) <= WITHOUT_RUSSIA for t in rest["ties"])
            and joined == STRONG_WITHOUT_RUSSIA)


def _ukraine_treaty_left_out(v: SimpleNamespace) -> bool:
    graph = v.ties.graph
    return (not graph.has_edge("RUS", "UKR")
            or f"ATOP {RUSSIA_UKRAINE}" not in graph["RUS"]["UKR"]["organizations"])


def _densest_pair_without_russia(v: SimpleNamespace) -> bool:
    """The densest pair leaves Russia out, shares more ties than any pair with Russia, and owes
    some of them to organizations Russia does not belong to."""
    top = top_pair(v.edges)
    best_with_russia = pairs_with_russia(v.edges)["weight"].max()
    return ("RUS" not in (top["state"], top["other"]) and top["weight"] > best_with_russia
            and len(set(top["ties"].split(";")) & PAST_RUSSIA) >= 3)


def _densest_with_russia_through_treaties(v: SimpleNamespace) -> bool:
    """The densest pair with Russia owes most of its ties to bilateral treaties with Moscow."""
    best = pairs_with_russia(v.edges).iloc[0]
    return len(bilateral_ties(v, best)) > best["weight"] / 2


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
          lambda v: list(ended_since_1992(v)["partners"]) == ["TKM"]),
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
          lambda v: len(held_pacts(v)) == len(v.double)),
    Guard("armenia_frozen_and_holding_a_pact",
          "Armenia, which has frozen its part in the organization, is among them",
          lambda v: v.frozen == ["ARM"] and "ARM" in set(held_pacts(v)["state"])),
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
