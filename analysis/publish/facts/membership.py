"""Facts of the chapter on membership and the alliance network (``book/membership.md``): who was
in and when, the alliance on the map, the ties among members, and foreign installations."""

from __future__ import annotations

from types import SimpleNamespace

import pandas as pd

from ...charts import (
    Chart,
    bases_chart,
    map_grid,
    membership_map_spec,
    membership_timeline,
    shared_ties_chart,
)
from ...measures import installations, maps, membership, network, snapshots
from .. import book
from .checks import Guard, check_all

#: Operators of the Western bases that opened in Central Asia after 2001.
WESTERN = ("USA", "DEU", "FRA")
#: Ties through the CIS join every member to every other, so the network measure leaves it
#: out, with the alliance itself: what remains shows which members are tied to each other at all.
NETWORK_EXCLUDES = ("CST", "CSTO", "CIS")
#: The day of Armenia's parliamentary election of 2026 (event E534 sets it).
ARMENIAN_ELECTION = pd.Timestamp("2026-06-07")
#: Rows of ``bases`` the chapter names: Russia's 201st division in Tajikistan before it became a
#: base, the base it became, the border troops, the Gabala radar in Azerbaijan, India's air
#: base at Ayni, the Balkhash radar in Kazakhstan and the German base at Termez.
DIVISION, BASE_201, BORDER, GABALA, AYNI, BALKHASH, TERMEZ = (
    "B31", "B03", "B32", "B33", "B34", "B12", "B16")


def values(tables: dict[str, pd.DataFrame], cutoff: pd.Timestamp) -> SimpleNamespace:
    """What the chapter's sentences rest on: the departures between turning points (``left``),
    the membership rows (``members``), the events by id (``events``), each state's status at the
    cut-off (``status``), the network snapshot at the cut-off (``now``), every pair of members
    with the organizations its two states share (``pairs``), the foreign installations
    (``bases``, by id), those open at the cut-off, Russian (``russian``) and other
    (``others``), every Western one (``western``), and the turning points at which the map
    changes (``points``)."""
    members = tables["memberships"]
    points = snapshots.turning_points(cutoff)
    changes = snapshots.changes_between(members, list(points))
    bases = tables["bases"]
    active = installations.installations_on(bases, cutoff)
    inside = membership.members_on(members, cutoff, "CSTO", statuses=membership.IN_ORGANIZATION)
    web = network.affiliation_graph(members, cutoff)
    projection = network.state_projection(web, exclude=NETWORK_EXCLUDES)
    hub = list(web.neighbors("RUS")) if "RUS" in web else []
    states = tables["states"]
    return SimpleNamespace(
        post_soviet=states.loc[states["region"] == "post_soviet", "iso3"].tolist(),
        first=membership.members_on(members, pd.Timestamp("1994-04-20"), "CST"),
        inside=inside,
        left=changes[changes["change"] == "left"],
        members=members,
        events=tables["events"].set_index("event_id"),
        status=membership.alliance_status_on(members, cutoff).set_index("state")["status"],
        now=network_snapshots(members, cutoff).iloc[-1],
        pairs=network.shared_organizations(projection, inside, hub),
        bases=bases.set_index("base_id"),
        russian=active[active["operator"] == "RUS"],
        others=active[active["operator"] != "RUS"],
        western=bases[bases["operator"].isin(WESTERN)],
        points=snapshots.points_that_change(members, points),
    )


def network_snapshots(memberships: pd.DataFrame, cutoff: pd.Timestamp) -> pd.DataFrame:
    """The alliance's network at each turning point, by date, ties through the CIS left out."""
    points = snapshots.turning_points(cutoff)
    return snapshots.snapshots(memberships, points, exclude=("CIS",)).set_index("date")


def _without_russia(v: SimpleNamespace) -> pd.DataFrame:
    """The pairs of members other than Russia."""
    return v.pairs[(v.pairs["state"] != "RUS") & (v.pairs["other"] != "RUS")]


def _departures(v: SimpleNamespace) -> bool:
    """Three states left, Uzbekistan twice: the three did not renew in 1999, and Uzbekistan's
    second spell ended in a suspension."""
    rows = v.members
    lapsed = rows[(rows["organization"] == "CST") & (rows["end_reason"] == "not_renewed")]
    suspended = rows[(rows["organization"] == "CSTO") & (rows["status"] == "suspended")]
    return (sorted(v.left["state"]) == ["AZE", "GEO", "UZB", "UZB"]
            and sorted(lapsed["state"]) == ["AZE", "GEO", "UZB"]
            and list(suspended["state"]) == ["UZB"]
            and bool((lapsed["end"] == pd.Timestamp("1999-04-20")).all()))


def _russia_in_tajikistan_throughout(v: SimpleNamespace) -> bool:
    division, base, border = (v.bases.loc[b] for b in (DIVISION, BASE_201, BORDER))
    return (pd.isna(division["start"]) and division["end"] == base["start"]
            and base["start"].month == 10 and base["start"].year == 2004
            and division["operator"] == base["operator"] == border["operator"] == "RUS"
            and pd.isna(border["start"]) and border["end"].year == 2005)


def _closed(v: SimpleNamespace, base_id: str, host: str, operator: str, year: int) -> bool:
    row = v.bases.loc[base_id]
    return row["host"] == host and row["operator"] == operator and row["end"].year == year


# Worded from the data: one non-Russian operator today (China, in Tajikistan); Russia's bases in
# Georgia are the two in Abkhazia and South Ossetia; every Western base has closed.
GUARDS = (
    Guard("every_successor_but_six",
          "every one of the Soviet Union's successors except Ukraine, Moldova, Turkmenistan and "
          "the three Baltic states",
          lambda v: set(v.post_soviet) - set(v.first) == {"UKR", "MDA", "TKM", "EST", "LVA", "LTU"}
          and set(v.first) <= set(v.post_soviet)),
    Guard("three_states_left_uzbekistan_twice",
          "Three states have left, Uzbekistan twice: Azerbaijan, Georgia and Uzbekistan did not "
          "renew the treaty in 1999, and ... the Council suspended Uzbekistan's membership",
          _departures),
    Guard("uzbekistan_announced_then_suspended",
          "In June 2012 Uzbekistan announced its withdrawal ...; on 19 December the Council "
          "suspended its membership",
          lambda v: v.events.loc["E026", "type"] == "suspension"
          and v.events.loc["E027", "date"] == pd.Timestamp("2012-12-19")
          and v.events.loc["E027", "states"] == "UZB"),
    Guard("armenia_frozen_not_left",
          "Armenia ... has frozen its participation but has not left",
          lambda v: v.status["ARM"] == "frozen"),
    Guard("armenian_election_result_unknown",
          "Armenia's parliamentary election was set for 7 June 2026 ... what it changed the "
          "sources the book could consult do not say",
          lambda v: v.events.loc["E534", "states"] == "ARM"
          and not any("ARM" in str(s) for s in
                      v.events.loc[v.events["date"] >= ARMENIAN_ELECTION, "states"])),
    Guard("one_pair_linked_only_through_russia",
          "Only Armenia and Tajikistan share no organization besides the alliance and the CIS",
          lambda v: _without_russia(v).loc[_without_russia(v)["n"] == 0, ["state", "other"]]
          .values.tolist() == [["ARM", "TJK"]]),
    Guard("central_asians_tied_past_russia",
          "Kazakhstan and Kyrgyzstan share ... the Economic Cooperation Organization, the "
          "Organisation of Islamic Cooperation and the Organization of Turkic States, to none "
          "of which Russia belongs as a member",
          lambda v: set(v.pairs.set_index(["state", "other"]).at[("KAZ", "KGZ"), "without_hub"]
                        .split(";")) == {"ECO", "OIC", "OTS"}),
    Guard("council_of_europe_armenia_alone",
          "Armenia's seat in the Council of Europe it shares with no other member; Russia was "
          "expelled in March 2022",
          lambda v: not any("COE" in o.split(";") for o in v.pairs["organizations"])
          and v.members.loc[(v.members["state"] == "RUS") & (v.members["organization"] == "COE"),
                            "end_reason"].tolist() == ["expelled"]),
    Guard("china_the_one_other_operator",
          "the data also records a post run by China, in Tajikistan's Murghab district",
          lambda v: v.others[["operator", "host"]].values.tolist() == [["CHN", "TJK"]]),
    Guard("russian_bases_in_georgia_are_abkhazia_and_south_ossetia",
          "... of them stand in Abkhazia and South Ossetia",
          lambda v: set(v.russian.loc[v.russian["host"] == "GEO", "base_id"]) == {"B21", "B22"}),
    Guard("kazakhstan_cosmodrome_and_test_range",
          "the cosmodrome at Baikonur and the Sary-Shagan test range in Kazakhstan (the radar "
          "at Balkhash closed in 2020)",
          lambda v: sorted(v.russian.loc[v.russian["host"] == "KAZ", "kind"])
          == ["space_launch", "test_range"] and _closed(v, BALKHASH, "KAZ", "RUS", 2020)),
    Guard("russia_in_tajikistan_since_independence",
          "Russia's 201st division stayed in Tajikistan from independence until it became a "
          "base in October 2004; Russian border troops guarded the Afghan border until 2005",
          _russia_in_tajikistan_throughout),
    Guard("gabala_closed_2012",
          "Russia ran the Gabala radar in Azerbaijan until December 2012",
          lambda v: _closed(v, GABALA, "AZE", "RUS", 2012)
          and v.bases.loc[GABALA, "kind"] == "radar"),
    Guard("india_left_ayni_2022",
          "India, which ran the Ayni air base with Tajikistan from 2002, left it in 2022",
          lambda v: _closed(v, AYNI, "TJK", "IND", 2022)
          and v.bases.loc[AYNI, "start"].year == 2002),
    Guard("armenian_border_posts_handed_over",
          "Russia's border guards left Yerevan's airport in 2024 and the Iranian and Turkish "
          "crossings in 2024 and 2025, but its detachments on the two borders remain",
          lambda v: [v.bases.loc[b, "end"].year for b in ("B25", "B26", "B27")] == [2024, 2024,
                                                                                  2025]
          and "B28" in set(v.russian["base_id"])),
    Guard("nuclear_storage_in_belarus_since_2023",
          "In Belarus, Russia has stored non-strategic nuclear weapons under its own control "
          "since 2023",
          lambda v: v.bases.loc["B24", "start"].year == 2023
          and "B24" in set(v.russian["base_id"])),
    Guard("russian_installations_in_every_other_member",
          "Russia keeps installations in every other member",
          lambda v: set(v.inside) - {"RUS"} <= set(v.russian["host"])),
    Guard("western_bases_all_closed",
          "The American, German and French bases ... have all closed",
          lambda v: bool(v.western["end"].notna().all())),
    Guard("western_bases_in_central_asia",
          "The American, German and French bases that opened in Central Asia after 2001",
          lambda v: set(v.western["host"]) == {"UZB", "KGZ", "TJK"}
          and bool((v.western["start"] > pd.Timestamp("2001-09-11")).all())),
    Guard("termez_the_last_western_base",
          "the last to go was the German air transport base at Termez, in 2015",
          lambda v: v.western.sort_values("end").iloc[-1]["base_id"] == TERMEZ
          and v.bases.loc[TERMEZ, "operator"] == "DEU"),
)


def facts(tables: dict[str, pd.DataFrame], cutoff: pd.Timestamp) -> dict[str, str | int]:
    """Every value the chapter glues, by glue name, once every guard holds."""
    v = values(tables, cutoff)
    check_all(GUARDS, v)
    members = tables["memberships"]
    names = book.state_names(tables["states"])
    today = membership.members_on(members, cutoff, "CSTO", statuses=membership.IN_ORGANIZATION)
    full = membership.members_on(members, cutoff, "CSTO")
    first = membership.members_on(members, pd.Timestamp("1994-04-20"), "CST")
    pairs = _without_russia(v)
    return {
        "n_signed_cst": len(membership.ever_members(members, ["CST"])),
        "n_in_force": len(first),
        "n_csto_today": len(today),
        "n_full_today": len(full),
        "n_left_states": v.left["state"].nunique(),
        "n_left_1999": int((v.left["date_to"].dt.year == 1999).sum()),
        "n_first_signers": len(membership.members_on(members, pd.Timestamp("1992-05-15"), "CST",
                                                     statuses=("signatory",))),
        "n_renewed": len(v.events.loc["E007", "states"].split(";")),
        "n_map_panels": len(v.points),
        "pairs_now": len(pairs),
        "via_pairs_now": int((pairs["n"] == 0).sum()),
        "n_russian_now": len(v.russian),
        "n_russian_hosts": v.russian["host"].nunique(),
        "n_russian_geo": int((v.russian["host"] == "GEO").sum()),
        "others_now": ", ".join(sorted(names[o] for o in set(v.others["operator"]))),
    }


def _map_title(v: SimpleNamespace, tables: dict[str, pd.DataFrame],
               cutoff: pd.Timestamp) -> str:
    members = tables["memberships"]
    first = membership.members_on(members, pd.Timestamp("1994-04-20"), "CST")
    full = membership.members_on(members, cutoff, "CSTO")
    frozen = membership.members_on(members, cutoff, "CSTO", statuses=("frozen",))
    return (f"From {len(first)} members in 1994 to {len(full)} full members and "
            f"{len(frozen)} frozen,\nnever beyond the former Soviet Union")


def figures(tables: dict[str, pd.DataFrame], cutoff: pd.Timestamp) -> dict[str, Chart]:
    """The chapter's figures by name: membership over time, the maps at each turning point that
    changes them, the ties among members at the cut-off, and foreign installations by host."""
    v = values(tables, cutoff)
    members, states = tables["memberships"], tables["states"]
    names = book.state_names(states)
    shapes = maps.load_shapes(tolerance=0.75)
    counts = installations.bases_per_host(
        tables["bases"], [f"{y}-06-30" for y in range(1992, cutoff.year + 1)])
    pairs = _without_russia(v)
    linked = pairs[pairs["n"] == 0]
    alone = book.and_list(names[s] for s in linked.iloc[0][["state", "other"]]) if len(
        linked) else "no pair"
    russian = len(v.russian)
    return {
        "fig-membership": membership_timeline(
            members, states, until=cutoff,
            title=f"{len(membership.ever_members(members, ['CST']))} states were bound by the "
                  f"treaty; {len(membership.members_on(members, cutoff, 'CSTO'))} are full "
                  "members at the cut-off"),
        "fig-maps": map_grid(members, states, shapes, v.points, title=_map_title(v, tables,
                                                                                  cutoff)),
        "fig-network": shared_ties_chart(
            v.pairs, names,
            title=f"Of {len(pairs)} pairs of members besides Russia, only {alone} share "
                  "nothing\nbut the alliance and the CIS"),
        "fig-bases": bases_chart(
            counts, states, title=f"Russia runs {russian} installations on members' and "
                                  f"former members' soil;\nevery Western base has closed"),
    }


def specs(tables: dict[str, pd.DataFrame], cutoff: pd.Timestamp,
          charts: dict[str, Chart]) -> dict[str, dict]:
    """The interactive figures' Vega-Lite specifications by name: the map at one turning point
    at a time, stepping through the data of the static maps (``charts["fig-maps"]``, from
    :func:`figures`)."""
    shapes = maps.load_shapes(tolerance=0.75)
    points = snapshots.points_that_change(tables["memberships"],
                                          snapshots.turning_points(cutoff))
    return {"fig-maps": membership_map_spec(charts["fig-maps"].data, shapes, points)}
