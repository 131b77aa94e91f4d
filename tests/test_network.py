"""The alliance as a network: graphs, projection weights, the via-Russia measure, snapshots,
changes between them, and the foreign bases."""

from __future__ import annotations

import math

import matplotlib.pyplot as plt
import networkx as nx
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.measures import installations, membership, network, snapshots
from analysis.charts.network import bases_chart, network_drawing
from analysis.data.codebook.fields import split_list
from analysis.measures.membership import members_on, status_on
from analysis.data.codebook.vocabulary import MEMBERSHIP_STATUSES
from analysis.charts.style import use_house_style

MEMBERSHIP_COLUMNS = ["state", "organization", "status", "start", "start_precision", "end",
                      "end_precision", "end_reason", "note", "source"]
TEXT = ["state", "organization", "status", "start_precision", "end_precision", "end_reason",
        "note", "source"]


def memberships(rows: list[tuple[str, str, str, str, str | None]]) -> pd.DataFrame:
    """A memberships table typed like the loaded one, from (state, org, status, start, end)."""
    frame = pd.DataFrame(
        [
            {"state": s, "organization": o, "status": st_, "start": start,
             "start_precision": "day", "end": end, "end_precision": "day" if end else None,
             "end_reason": "status_changed" if end else None, "note": None, "source": "test"}
            for s, o, st_, start, end in rows
        ],
        columns=MEMBERSHIP_COLUMNS,
    )
    frame["start"] = pd.to_datetime(frame["start"]).astype("datetime64[ns]")
    frame["end"] = pd.to_datetime(frame["end"]).astype("datetime64[ns]")
    return frame.astype(dict.fromkeys(TEXT, "string"))


#: Four states. On 2020-01-01: all four in the CSTO; RUS, ARM, KAZ in the EAEU; RUS, KAZ, TJK in
#: the SCO; ARM and KAZ in ABC (a grouping without Russia). Russia's NATO partnership was
#: suspended in 2014. From 2024-02-22 Armenia is frozen in the CSTO.
TOY = memberships([
    ("RUS", "CSTO", "member", "2003-01-01", None),
    ("ARM", "CSTO", "member", "2003-01-01", "2024-02-22"),
    ("ARM", "CSTO", "frozen", "2024-02-22", None),
    ("KAZ", "CSTO", "member", "2003-01-01", None),
    ("TJK", "CSTO", "member", "2003-01-01", None),
    ("RUS", "EAEU", "member", "2015-01-01", None),
    ("ARM", "EAEU", "member", "2015-01-01", None),
    ("KAZ", "EAEU", "member", "2015-01-01", None),
    ("RUS", "SCO", "member", "2001-01-01", None),
    ("KAZ", "SCO", "member", "2001-01-01", None),
    ("TJK", "SCO", "member", "2001-01-01", None),
    ("ARM", "ABC", "member", "2010-01-01", None),
    ("KAZ", "ABC", "member", "2010-01-01", None),
    ("RUS", "NATO", "partner", "1994-06-22", "2014-04-01"),
    ("RUS", "NATO", "partner_suspended", "2014-04-01", None),
])

#: The alliance's history in miniature: the 1992 treaty (CST) and the 2002 organization (CSTO).
HISTORY = memberships([
    ("RUS", "CST", "signatory", "1992-05-15", "1994-04-20"),
    ("ARM", "CST", "signatory", "1992-05-15", "1994-04-20"),
    ("UZB", "CST", "signatory", "1992-05-15", "1994-04-20"),
    ("RUS", "CST", "member", "1994-04-20", "2003-09-18"),
    ("ARM", "CST", "member", "1994-04-20", "2003-09-18"),
    ("UZB", "CST", "member", "1994-04-20", "1999-04-20"),
    ("RUS", "CSTO", "signatory", "2002-10-07", "2003-09-18"),
    ("ARM", "CSTO", "signatory", "2002-10-07", "2003-09-18"),
    ("RUS", "CSTO", "member", "2003-09-18", None),
    ("ARM", "CSTO", "member", "2003-09-18", "2024-02-22"),
    ("ARM", "CSTO", "frozen", "2024-02-22", None),
    ("UZB", "CSTO", "member", "2006-08-16", "2012-06-28"),
    ("UZB", "CSTO", "suspended", "2012-06-28", "2012-12-19"),
])
HISTORY_DATES = ["1992-05-15", "1994-04-20", "1999-04-20", "2002-10-07", "2006-08-16",
                 "2012-07-01", "2012-12-19", "2024-02-22"]


@pytest.fixture(scope="module", autouse=True)
def house_style():
    use_house_style()
    yield
    plt.close("all")


# --- affiliation graph ---------------------------------------------------------------------------

def test_affiliation_graph_ties_states_to_their_organizations_on_the_date():
    graph = network.affiliation_graph(TOY, "2020-01-01")
    assert sorted(graph.neighbors("ARM")) == ["ABC", "CSTO", "EAEU"]
    assert sorted(graph.neighbors("SCO")) == ["KAZ", "RUS", "TJK"]


def test_affiliation_graph_marks_node_kinds_and_edge_status():
    graph = network.affiliation_graph(TOY, "2025-01-01")
    assert graph.nodes["ARM"]["kind"] == "state"
    assert graph.nodes["CSTO"]["kind"] == "organization"
    assert graph["ARM"]["CSTO"]["status"] == "frozen"


def test_affiliation_graph_interval_excludes_its_end_day():
    assert network.affiliation_graph(TOY, "2014-12-31").has_node("EAEU") is False
    assert network.affiliation_graph(TOY, "2015-01-01").has_edge("ARM", "EAEU")


def test_suspended_partnership_is_not_a_membership():
    # Russia was a NATO partner, then the partnership was suspended: no NATO tie by default ...
    assert not network.affiliation_graph(TOY, "2020-01-01").has_edge("RUS", "NATO")
    # ... but there is one where suspended partnerships are asked for.
    partners = network.affiliation_graph(TOY, "2020-01-01", statuses=("partner_suspended",))
    assert partners["RUS"]["NATO"]["status"] == "partner_suspended"


def test_affiliation_graph_refuses_a_code_used_for_state_and_organization():
    clash = memberships([("ABC", "CSTO", "member", "2003-01-01", None),
                         ("RUS", "ABC", "member", "2003-01-01", None)])
    with pytest.raises(ValueError, match="ABC"):
        network.affiliation_graph(clash, "2010-01-01")


# --- projection and measures ---------------------------------------------------------------------

def test_projection_weights_count_shared_organizations():
    projection = network.state_projection(network.affiliation_graph(TOY, "2020-01-01"))
    # Worked by hand: RUS-KAZ share CSTO, EAEU, SCO; ARM-KAZ share ABC, CSTO, EAEU;
    # ARM-TJK only the CSTO.
    assert projection["RUS"]["KAZ"]["weight"] == 3
    assert projection["ARM"]["KAZ"]["organizations"] == ["ABC", "CSTO", "EAEU"]
    assert projection["ARM"]["TJK"]["weight"] == 1


def test_projection_can_leave_out_the_alliance():
    projection = network.state_projection(network.affiliation_graph(TOY, "2020-01-01"),
                                          exclude=("CSTO",))
    assert not projection.has_edge("ARM", "TJK")
    assert projection["RUS"]["TJK"]["organizations"] == ["SCO"]
    assert set(projection.nodes) == {"ARM", "KAZ", "RUS", "TJK"}


def test_network_measures_degree_and_weighted_degree():
    projection = network.state_projection(network.affiliation_graph(TOY, "2020-01-01"))
    measures = network.network_measures(projection).set_index("state")
    # RUS: 2 (ARM) + 3 (KAZ) + 2 (TJK); KAZ: 3 + 3 (ARM) + 2 (TJK); TJK: 2 + 1 + 2.
    assert measures["weighted_degree"].to_dict() == {"ARM": 6, "KAZ": 8, "RUS": 7, "TJK": 5}
    assert (measures["degree"] == 3).all()


def test_eigenvector_centrality_of_a_path():
    path = nx.Graph([("a", "b", {"weight": 1}), ("b", "c", {"weight": 1})])
    scores = network.network_measures(path).set_index("state")["eigenvector"]
    # Leading eigenvector of the path a-b-c: (1, sqrt 2, 1) / 2.
    assert scores.to_dict() == pytest.approx({"a": 0.5, "b": math.sqrt(2) / 2, "c": 0.5})


def test_eigenvector_centrality_of_a_disconnected_graph_is_per_component():
    graph = nx.Graph([("a", "b", {"weight": 1}), ("b", "c", {"weight": 1}),
                      ("d", "e", {"weight": 1})])
    graph.add_node("f")
    scores = network.network_measures(graph).set_index("state")["eigenvector"]
    # Path a-b-c scaled by sqrt(3/6); pair d-e (1/sqrt 2 each) by sqrt(2/6); isolated f: 0.
    expected = {"a": 0.5 * math.sqrt(0.5), "b": math.sqrt(0.5) ** 2, "c": 0.5 * math.sqrt(0.5),
                "d": math.sqrt(1 / 6), "e": math.sqrt(1 / 6), "f": 0.0}
    assert scores.to_dict() == pytest.approx(expected)


# --- the via-Russia measure ----------------------------------------------------------------------

def test_via_hub_pairs_share_nothing_but_each_shares_with_russia():
    projection = network.state_projection(network.affiliation_graph(TOY, "2020-01-01"))
    summary = network.network_summary(projection, ["ARM", "KAZ", "RUS", "TJK"], exclude=("CSTO",))
    # Outside the CSTO: ARM-KAZ share ABC and EAEU, KAZ-TJK the SCO: direct. ARM-TJK share
    # nothing, but ARM is tied to RUS (EAEU) and TJK too (SCO): via the hub.
    pairs = summary[["direct_pairs", "via_hub_pairs", "unlinked_pairs"]].tolist()
    assert pairs == [2, 1, 0]
    assert summary["via_hub_share"] == pytest.approx(1 / 3)
    assert summary["hub_ties"] == 3


def test_pair_without_a_tie_to_russia_is_unlinked():
    before_eaeu = network.state_projection(network.affiliation_graph(TOY, "2012-01-01"))
    summary = network.network_summary(before_eaeu, ["ARM", "KAZ", "RUS", "TJK"], exclude=("CSTO",))
    # 2012: ARM-KAZ share ABC (direct), KAZ-TJK the SCO (direct); ARM has no tie to RUS outside
    # the CSTO, so ARM-TJK is unlinked.
    pairs = summary[["direct_pairs", "via_hub_pairs", "unlinked_pairs"]].tolist()
    assert pairs == [2, 0, 1]
    assert summary["hub_ties"] == 2


def test_hub_org_share_counts_shared_memberships_in_russias_organizations():
    projection = network.state_projection(network.affiliation_graph(TOY, "2020-01-01"))
    summary = network.network_summary(projection, ["ARM", "KAZ", "RUS", "TJK"], exclude=("CSTO",))
    # Direct pairs' shared memberships: ARM-KAZ {ABC, EAEU}, KAZ-TJK {SCO}; Russia is in 2 of 3.
    assert summary["hub_org_share"] == pytest.approx(2 / 3)


def test_summary_density_and_counts():
    projection = network.state_projection(network.affiliation_graph(TOY, "2020-01-01"))
    summary = network.network_summary(projection, ["ARM", "KAZ", "RUS", "TJK"], exclude=("CSTO",))
    assert summary["states"] == 4
    assert summary["density"] == pytest.approx(1.0)  # with the CSTO every pair is tied
    # Without the CSTO 5 of the 6 pairs are tied (all but ARM-TJK).
    assert summary["member_density"] == pytest.approx(5 / 6)


def test_via_hub_share_is_nan_with_fewer_than_two_members_besides_the_hub():
    projection = network.state_projection(network.affiliation_graph(TOY, "2020-01-01"))
    summary = network.network_summary(projection, ["RUS", "KAZ"])
    assert summary["member_pairs"] == 0
    assert math.isnan(summary["via_hub_share"])


# --- alliance status, snapshots, changes ---------------------------------------------------------

def test_alliance_status_prefers_membership_over_a_second_signature():
    status = membership.alliance_status_on(HISTORY, "2002-10-07").set_index("state")
    assert status.loc["ARM", "status"] == "member"
    assert status.loc["ARM", "organization"] == "CST"


def test_snapshot_lists_members_and_frozen_members():
    snap = snapshots.snapshots(HISTORY, ["2024-02-22"]).iloc[0]
    assert snap["members"] == "RUS"
    assert snap["frozen"] == "ARM"
    assert (snap["n_in_alliance"], snap["n_members"], snap["n_frozen"]) == (2, 1, 1)


def test_snapshot_names_both_instruments_while_they_overlap():
    snaps = snapshots.snapshots(HISTORY, ["1999-04-20", "2002-10-07", "2006-08-16"])
    assert snaps["instruments"].tolist() == ["CST", "CST;CSTO", "CSTO"]


def test_snapshot_labels_come_from_the_turning_points():
    snaps = snapshots.snapshots(HISTORY, ["1992-05-15", "1993-01-01"])
    assert snaps["label"].tolist() == [snapshots.TURNING_POINTS["1992-05-15"], ""]
    assert snaps.loc[0, "signatories"] == "ARM;RUS;UZB"


def test_changes_between_the_alliance_history():
    changes = snapshots.changes_between(HISTORY, HISTORY_DATES)
    got = list(zip(changes["date_to"].dt.strftime("%Y-%m-%d"), changes["state"],
                   changes["from_status"], changes["to_status"], changes["change"]))
    assert got == [
        ("1994-04-20", "ARM", "signatory", "member", "ratified"),
        ("1994-04-20", "RUS", "signatory", "member", "ratified"),
        ("1994-04-20", "UZB", "signatory", "member", "ratified"),
        ("1999-04-20", "UZB", "member", "none", "left"),
        # 2002: the CST members sign the CSTO Charter; in the alliance nothing changes.
        ("2006-08-16", "UZB", "none", "member", "rejoined"),
        ("2012-07-01", "UZB", "member", "suspended", "suspended"),
        ("2012-12-19", "UZB", "suspended", "none", "left"),
        ("2024-02-22", "ARM", "member", "frozen", "froze"),
    ]


def test_a_newcomer_joins_rather_than_rejoins():
    newcomer = memberships([("BLR", "CST", "member", "1994-04-20", None)])
    changes = snapshots.changes_between(newcomer, ["1993-01-01", "1995-01-01"])
    assert changes["change"].tolist() == ["joined"]


def test_changes_between_identical_dates_is_empty_with_columns():
    changes = snapshots.changes_between(HISTORY, ["2020-01-01", "2021-01-01"])
    assert changes.empty
    assert list(changes.columns) == ["date_from", "date_to", "state", "from_status", "to_status",
                                     "change"]


# --- invariants ----------------------------------------------------------------------------------

STATES = ("AAA", "BBB", "CCC")
ORGS = ("ORG1", "ORG2")
BASE_DAY = pd.Timestamp("2000-01-01")


def _iso(offset: int) -> str:
    return str((BASE_DAY + pd.Timedelta(days=offset)).date())


@st.composite
def timelines(draw, organizations=ORGS, statuses=MEMBERSHIP_STATUSES):
    """A memberships table: per state and organization, non-overlapping intervals with gaps."""
    rows = []
    for state in STATES:
        for organization in organizations:
            cuts = sorted(draw(st.sets(st.integers(0, 400), min_size=0, max_size=5)))
            open_end = draw(st.booleans())
            for i, start in enumerate(cuts):
                if not draw(st.booleans()):
                    continue  # a gap
                last = i == len(cuts) - 1
                end = None if last and open_end else (cuts[i + 1] if not last else start + 30)
                rows.append((state, organization, draw(st.sampled_from(statuses)), _iso(start),
                             None if end is None else _iso(end)))
    return memberships(rows)


@settings(max_examples=60, deadline=None)
@given(table=timelines(), day=st.integers(-5, 440))
def test_affiliation_graph_edges_are_the_intervals_covering_the_date(table, day):
    date = BASE_DAY + pd.Timedelta(days=day)
    graph = network.affiliation_graph(table, date, statuses=MEMBERSHIP_STATUSES)
    edges = set()
    for a, b, status in graph.edges(data="status"):
        state, organization = (a, b) if graph.nodes[a]["kind"] == "state" else (b, a)
        edges.add((state, organization, status))
    expected = set(status_on(table, date).itertuples(index=False, name=None))
    assert edges == expected


@settings(max_examples=40, deadline=None)
@given(table=timelines(organizations=("CSTO",), statuses=membership.AFFILIATED),
       day=st.integers(-5, 440))
def test_snapshot_status_of_each_state_is_its_interval_status(table, day):
    date = BASE_DAY + pd.Timedelta(days=day)
    snap = snapshots.snapshots(table, [date]).iloc[0]
    covering = status_on(table, date).set_index("state")["status"]
    for column, status in [("members", "member"), ("signatories", "signatory"),
                           ("suspended", "suspended"), ("frozen", "frozen"),
                           ("withdrawing", "withdrawing")]:
        assert split_list(snap[column]) == sorted(covering[covering == status].index)
    inside = covering[covering.isin(membership.AFFILIATED)]
    assert split_list(snap["in_alliance"]) == sorted(inside.index)


# --- foreign bases -------------------------------------------------------------------------------

BASES_COLUMNS = ["base_id", "host", "operator", "name", "kind", "start", "start_precision", "end",
                 "end_precision", "personnel", "personnel_year", "source"]


def bases(rows: list[tuple[str, str, str, str | None, str | None]]) -> pd.DataFrame:
    """A bases table typed like the loaded one, from (base_id, host, operator, start, end)."""
    frame = pd.DataFrame(
        [{"base_id": b, "host": h, "operator": o, "name": f"base {b}", "kind": "army_base",
          "start": s, "start_precision": "day" if s else None, "end": e,
          "end_precision": "day" if e else None, "personnel": None, "personnel_year": None,
          "source": "test"} for b, h, o, s, e in rows],
        columns=BASES_COLUMNS,
    )
    frame["start"] = pd.to_datetime(frame["start"]).astype("datetime64[ns]")
    frame["end"] = pd.to_datetime(frame["end"]).astype("datetime64[ns]")
    frame = frame.astype({"personnel": "Int64", "personnel_year": "Int64"})
    text = [c for c in BASES_COLUMNS if c not in ("start", "end", "personnel", "personnel_year")]
    return frame.astype(dict.fromkeys(text, "string"))


TOY_BASES = bases([
    ("B01", "ARM", "RUS", "1995-01-01", None),
    ("B02", "ARM", "RUS", "1996-01-01", None),
    ("B03", "KGZ", "USA", "2001-12-16", "2014-06-03"),
    ("B04", "GEO", "RUS", None, "2007-06-27"),  # inherited Soviet site: no start date
])


def test_security_ties_are_operator_to_host_with_their_bases():
    graph = installations.security_ties(TOY_BASES, "2005-01-01")
    assert sorted(graph.edges) == [("RUS", "ARM"), ("RUS", "GEO"), ("USA", "KGZ")]
    assert graph["RUS"]["ARM"]["bases"] == ["B01", "B02"]
    assert graph["RUS"]["ARM"]["count"] == 2
    assert graph.nodes["RUS"]["role"] == "operator"


def test_security_ties_drop_a_base_on_its_end_day():
    graph = installations.security_ties(TOY_BASES, "2014-06-03")
    assert not graph.has_edge("USA", "KGZ")


def test_security_ties_mark_alliance_status_when_memberships_given():
    graph = installations.security_ties(TOY_BASES, "2025-01-01", memberships=TOY)
    assert graph.nodes["ARM"]["alliance_status"] == "frozen"
    assert graph.nodes["RUS"]["alliance_status"] == "member"


def test_bases_per_host_counts_by_operator_with_zeros():
    counts = installations.bases_per_host(TOY_BASES, ["1990-01-01", "2010-01-01"])
    table = counts.set_index(["date", "host", "operator"])["installations"]
    # 1990: only the inherited Georgian site. 2010: ARM has two, GEO's is gone, KGZ has Manas.
    assert table.loc[pd.Timestamp("1990-01-01")].to_dict() == {
        ("ARM", "RUS"): 0, ("GEO", "RUS"): 1, ("KGZ", "USA"): 0}
    assert table.loc[pd.Timestamp("2010-01-01")].to_dict() == {
        ("ARM", "RUS"): 2, ("GEO", "RUS"): 0, ("KGZ", "USA"): 1}


# --- charts --------------------------------------------------------------------------------------

def test_network_drawing_returns_a_row_per_node_and_edge():
    projection = network.state_projection(network.affiliation_graph(TOY, "2020-01-01"))
    positions = {"RUS": (100.0, 60.0), "ARM": (45.0, 40.0), "KAZ": (67.0, 48.0),
                 "TJK": (71.0, 38.5)}
    chart = network_drawing(projection, positions)
    kinds = chart.data["kind"].value_counts().to_dict()
    assert kinds == {"node": 4, "edge": 6}
    assert chart.figure.axes[0].get_title(loc="left").startswith("States sharing organizations")
    plt.close(chart.figure)


def test_network_drawing_keeps_positions_across_snapshots():
    positions = {"RUS": (100.0, 60.0), "ARM": (45.0, 40.0), "KAZ": (67.0, 48.0),
                 "TJK": (71.0, 38.5)}
    frames = []
    for date in ["2012-01-01", "2025-01-01"]:
        chart = network_drawing(network.state_projection(network.affiliation_graph(TOY, date)),
                                positions)
        frames.append(chart.data[chart.data["kind"] == "node"].set_index("state")[["lon", "lat"]])
        plt.close(chart.figure)
    pd.testing.assert_frame_equal(frames[0], frames[1])


def test_bases_chart_draws_the_counts_it_is_given():
    counts = installations.bases_per_host(TOY_BASES, pd.date_range("1992-01-01", "2020-01-01",
                                                             freq="YS"))
    chart = bases_chart(counts)
    assert len(chart.data) == len(counts)
    assert chart.figure.get_suptitle()
    plt.close(chart.figure)


# --- the real data -------------------------------------------------------------------------------

def test_real_snapshots_one_row_per_turning_point(tables):
    snaps = snapshots.snapshots(tables["memberships"])
    assert snaps["date"].dt.strftime("%Y-%m-%d").tolist() == list(snapshots.TURNING_POINTS)
    assert snaps["in_alliance"].map(lambda s: "RUS" in split_list(s)).all()


def test_real_snapshot_members_are_members_of_the_treaty_or_organization(tables):
    m = tables["memberships"]
    for _, snap in snapshots.snapshots(m).iterrows():
        official = {s for org in ("CST", "CSTO") for s in members_on(m, snap["date"], org)}
        assert set(split_list(snap["members"])) == official


def test_each_membership_turning_point_is_the_first_day_of_a_change(tables):
    m = tables["memberships"]
    alliance = m[m["organization"].isin(membership.ALLIANCE)]
    for date, label in snapshots.TURNING_POINTS.items():
        if date in ("2022-01-05", "2026-11-23"):
            continue  # a request for help, and today: no change of membership
        day = pd.Timestamp(date)
        before = status_on(alliance, day - pd.Timedelta(days=1))
        after = status_on(alliance, day)
        assert not before.equals(after), label


def test_kazakhstan_turning_point_is_its_request_date(tables):
    requests = tables["requests"]
    kaz = requests[(requests["organization"] == "CSTO") & (requests["requester"] == "KAZ")
                   & (requests["date"] == pd.Timestamp("2022-01-05"))]
    assert len(kaz) == 1


def test_real_changes_rebuild_each_snapshot_from_the_previous(tables):
    m = tables["memberships"]
    snaps = snapshots.snapshots(m)
    changes = snapshots.changes_between(m, snapshots.TURNING_POINTS)
    for i in range(1, len(snaps)):
        inside = set(split_list(snaps.loc[i - 1, "in_alliance"]))
        step = changes[changes["date_to"] == snaps.loc[i, "date"]]
        inside |= set(step.loc[step["to_status"] != "none", "state"])
        inside -= set(step.loc[step["to_status"] == "none", "state"])
        assert inside == set(split_list(snaps.loc[i, "in_alliance"]))


def test_real_security_ties_hold_every_base_in_use_once(tables):
    b = tables["bases"]
    for date in ["1995-01-01", "2005-01-01", "2026-11-23"]:
        graph = installations.security_ties(b, date, tables["memberships"])
        listed = [base for _, _, ids in graph.edges(data="bases") for base in ids]
        assert len(listed) == len(set(listed))
        counts = installations.bases_per_host(b, [date])
        assert counts["installations"].sum() == len(listed)
        assert all(a != h for a, h in graph.edges)


def test_real_measures_one_row_per_state(tables):
    projection = network.state_projection(network.affiliation_graph(tables["memberships"],
                                                                   "2026-11-23"))
    measures = network.network_measures(projection)
    assert sorted(measures["state"]) == sorted(projection.nodes)
    assert (measures["eigenvector"] >= 0).all()
    assert (measures["eigenvector"] ** 2).sum() <= 1 + 1e-9
