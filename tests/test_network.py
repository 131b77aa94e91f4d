"""The alliance as a network: graphs, projection weights, centrality, the via-Russia measure."""

from __future__ import annotations

import math

import networkx as nx
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.data.codebook.vocabulary import MEMBERSHIP_STATUSES
from analysis.measures import network
from analysis.measures.membership import status_on
from tests.helpers.network import (
    BASE_DAY,
    TOY,
    memberships,
    timelines,
)


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


def test_real_measures_one_row_per_state(tables):
    projection = network.state_projection(network.affiliation_graph(tables["memberships"],
                                                                   "2026-11-23"))
    measures = network.network_measures(projection)
    assert sorted(measures["state"]) == sorted(projection.nodes)
    assert (measures["eigenvector"] >= 0).all()
    assert (measures["eigenvector"] ** 2).sum() <= 1 + 1e-9
