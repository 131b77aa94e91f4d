"""Facts of the chapter on membership and the alliance network (``book/membership.md``): who was
in and when, the alliance on the map, the ties among members, and foreign bases."""

from __future__ import annotations

from types import SimpleNamespace

import pandas as pd

from ...charts import (
    Chart,
    bases_chart,
    map_grid,
    membership_map_spec,
    membership_timeline,
    network_drawing,
)
from ...measures import installations, maps, membership, network, snapshots
from .. import book
from .checks import Guard, check_all

#: Operators of the Western bases that opened in Central Asia after 2001.
WESTERN = ("USA", "DEU", "FRA")
#: Ties through the CIS join every member to every other, so the network measure leaves it
#: out, with the alliance itself: what remains shows which members are tied to each other at all.
NETWORK_EXCLUDES = ("CIS",)


def values(tables: dict[str, pd.DataFrame], cutoff: pd.Timestamp) -> SimpleNamespace:
    """What the chapter's sentences rest on: the departures between turning points (``left``),
    the network snapshot at the cut-off (``now``), and the foreign installations open at the
    cut-off, Russian (``russian``) and other (``others``), with every Western one (``western``)."""
    members = tables["memberships"]
    changes = snapshots.changes_between(members, list(snapshots.turning_points(cutoff)))
    bases = tables["bases"]
    active = bases[bases["end"].isna()]
    return SimpleNamespace(
        left=changes[changes["change"] == "left"],
        now=network_snapshots(members, cutoff).iloc[-1],
        russian=active[active["operator"] == "RUS"],
        others=active[active["operator"] != "RUS"],
        western=bases[bases["operator"].isin(WESTERN)],
    )


def network_snapshots(memberships: pd.DataFrame, cutoff: pd.Timestamp) -> pd.DataFrame:
    """The alliance's network at each turning point, by date, ties through the CIS left out."""
    points = snapshots.turning_points(cutoff)
    return snapshots.snapshots(memberships, points, exclude=NETWORK_EXCLUDES).set_index("date")


# Worded from the data: one non-Russian operator today (China, in Tajikistan); Russia's bases in
# Georgia are the two in Abkhazia and South Ossetia; every Western base has closed.
GUARDS = (
    Guard("china_the_one_other_operator",
          "the data also records a post run by China, in Tajikistan's Murghab district",
          lambda v: v.others[["operator", "host"]].values.tolist() == [["CHN", "TJK"]]),
    Guard("russian_bases_in_georgia_are_abkhazia_and_south_ossetia",
          "... of them stand in Abkhazia and South Ossetia",
          lambda v: set(v.russian.loc[v.russian["host"] == "GEO", "base_id"]) == {"B21", "B22"}),
    Guard("western_bases_all_closed",
          "The American, German and French bases ... have all closed",
          lambda v: bool(v.western["end"].notna().all())),
    Guard("western_bases_in_central_asia",
          "The American, German and French bases that opened in Central Asia after 2001",
          lambda v: set(v.western["host"]) == {"UZB", "KGZ", "TJK"}),
)


def facts(tables: dict[str, pd.DataFrame], cutoff: pd.Timestamp) -> dict[str, str | int]:
    """Every value the chapter glues, by glue name, once every guard holds."""
    v = values(tables, cutoff)
    check_all(GUARDS, v)
    members = tables["memberships"]
    names = book.state_names(tables["states"])
    today = membership.members_on(members, cutoff, "CSTO", statuses=membership.IN_ORGANIZATION)
    last = v.western.sort_values("end").iloc[-1]
    return {
        "n_signed_cst": len(membership.ever_members(members, ["CST"])),
        "n_csto_today": len(today),
        "n_departures": len(v.left),
        "left_states": ", ".join(names[s] for s in sorted(set(v.left["state"]))),
        "n_turning_points": len(snapshots.turning_points(cutoff)),
        "via_now": book.percent(v.now["via_hub_share"]),
        "pairs_now": int(v.now["member_pairs"]),
        "via_pairs_now": int(v.now["via_hub_pairs"]),
        "n_russian_now": len(v.russian),
        "n_russian_geo": int((v.russian["host"] == "GEO").sum()),
        "others_now": ", ".join(sorted(names[o] for o in set(v.others["operator"]))),
        "western_last": f"{last['name'].split(',')[0]} in {names[last['host']]}",
        "western_last_year": f"{last['end']:%Y}",
    }


def figures(tables: dict[str, pd.DataFrame], cutoff: pd.Timestamp) -> dict[str, Chart]:
    """The chapter's figures by name: membership over time, the maps at each turning point, the
    ties among members at the cut-off, and foreign installations by host."""
    members, states = tables["memberships"], tables["states"]
    shapes = maps.load_shapes(tolerance=0.75)
    graph = network.state_projection(network.affiliation_graph(members, cutoff),
                                     exclude=("CST", "CSTO", "CIS"))
    in_alliance = network_snapshots(members, cutoff).iloc[-1]["in_alliance"].split(";")
    counts = installations.bases_per_host(
        tables["bases"], [f"{y}-06-30" for y in range(1992, cutoff.year + 1)])
    return {
        "fig-membership": membership_timeline(members, states, until=cutoff),
        "fig-maps": map_grid(members, states, shapes, snapshots.turning_points(cutoff)),
        "fig-network": network_drawing(
            graph, maps.state_positions(shapes, states), nodes=in_alliance,
            title="Ties among the members outside the alliance, at the data's cut-off date"),
        "fig-bases": bases_chart(counts, states),
    }


def specs(tables: dict[str, pd.DataFrame], cutoff: pd.Timestamp,
          charts: dict[str, Chart]) -> dict[str, dict]:
    """The interactive figures' Vega-Lite specifications by name: the map at one turning point
    at a time, stepping through the data of the static maps (``charts["fig-maps"]``, from
    :func:`figures`)."""
    shapes = maps.load_shapes(tolerance=0.75)
    return {"fig-maps": membership_map_spec(charts["fig-maps"].data, shapes,
                                            snapshots.turning_points(cutoff))}
