"""The record the chapter on Russia's other alliances reads: its constants, the two portfolios,
the network of ties, :func:`values` and the helpers its guards, facts and figures share."""

from __future__ import annotations

from types import SimpleNamespace

import pandas as pd

from ....measures import alliances, membership, network
from ....measures.provenance import credit_lines

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


def later_pacts(tables: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """Russia's defence pacts signed after ATOP's data end, as rows like
    :func:`~analysis.measures.alliances.defence_spells` (``later`` True), from the events that
    record them (:data:`~analysis.publish.facts.alliances.record.LATER_PACTS`)."""
    events = tables["events"].set_index("event_id")
    rows = [{"atopid": pd.NA, "organization": pd.NA, "partners": partner, "bilateral": True,
             "start": events.loc[signed, "date"], "end": pd.NaT, "later": True}
            for partner, (signed, _) in LATER_PACTS.items()]
    out = pd.DataFrame(rows).sort_values("start").reset_index(drop=True)
    return out.astype({"organization": "string", "partners": "string"})


# --- what the guards, facts and figures read -----------------------------------------------------

def strong_pairs(edges: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Pairs with four ties or more, and those of them that include Russia."""
    strong = edges[edges["width_class"] == "4+"]
    return strong, strong[(strong["state"] == "RUS") | (strong["other"] == "RUS")]


def top_pair(edges: pd.DataFrame) -> pd.Series:
    """The pair of states with the most ties."""
    return edges.sort_values("weight", ascending=False).iloc[0]


def ended_since_1992(v: SimpleNamespace) -> pd.DataFrame:
    """Russia's defence pacts signed since 1992 that have ended."""
    return v.pacts[(v.pacts["start"] >= "1992-01-01") & v.pacts["end"].notna()]


def held_pacts(v: SimpleNamespace) -> pd.DataFrame:
    """The CSTO members that also hold a bilateral defence pact with Russia."""
    return v.double[v.double["pacts"] != ""]


def pairs_with_russia(edges: pd.DataFrame) -> pd.DataFrame:
    """The pairs of states, one of them Russia."""
    return edges[(edges["state"] == "RUS") | (edges["other"] == "RUS")]


def bilateral_ties(v: SimpleNamespace, row: pd.Series) -> list[str]:
    """The bilateral ATOP treaties among the ties of a pair of states (``row``)."""
    sizes = v.atop.set_index("atopid")["n_members"]
    ids = [t for t in row["ties"].split(";") if t.startswith(alliances.ATOP_PREFIX)]
    return [t for t in ids if sizes[int(t.split()[1])] == 2]
