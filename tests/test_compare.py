"""The CSTO compared with NATO: clause invocations and the side-by-side table."""

from __future__ import annotations

import pandas as pd

from analysis.measures import compare
from analysis.measures.membership import members_on
from tests.helpers.alliances import (
    AS_OF,
    REQUESTS,
    RESPONSES,
    capabilities,
    memberships,
    typed_frame,
)
from tests.helpers.requests import make_requests, make_responses

ORGANIZATIONS = typed_frame(
    [{"code": "CST", "name": "treaty", "kind": "military_alliance", "founded": "1992-05-15"},
     {"code": "CSTO", "name": "org", "kind": "military_alliance", "founded": "2002-10-07"},
     {"code": "NATO", "name": "nato", "kind": "military_alliance", "founded": "1949-04-04"}],
    dates=("founded",),
)


def test_a_joint_request_of_several_members_is_one_occasion():
    uses = compare.clause_invocations(REQUESTS, RESPONSES)
    nato = uses[(uses["organization"] == "NATO") & (uses["clause"] == "consultation")]
    assert nato["request_ids"].tolist() == ["NATO-2;NATO-3"]
    assert nato["n_requests"].tolist() == [2]


def test_an_occasion_takes_the_highest_response_over_its_requests():
    uses = compare.clause_invocations(REQUESTS, RESPONSES)
    joint = uses[uses["request_ids"] == "NATO-2;NATO-3"]
    # NATO-2 got consultation only, NATO-3 a deployment: the occasion drew a deployment.
    assert joint["outcome"].tolist() == ["deployment"]


def test_a_clause_considered_but_not_invoked_is_not_counted():
    uses = compare.clause_invocations(REQUESTS, RESPONSES)
    assert "NATO-4" not in ";".join(uses["request_ids"])


def _fixture_table() -> pd.DataFrame:
    m = memberships(("KAZ", "CSTO", "member", "2003-09-18", None),
                    ("ARM", "CSTO", "member", "2003-09-18", None),
                    ("USA", "NATO", "member", "1949-08-24", None))
    caps = capabilities(("KAZ", 2020, "active_personnel", 70, "persons"))
    return compare.side_by_side(m, ORGANIZATIONS, REQUESTS, RESPONSES, caps,
                                AS_OF).set_index("measure")


def test_side_by_side_counts_collective_defence_invocations():
    table = _fixture_table()
    # CSTO: Article 4 in January and September 2022; NATO: Article 5 once (Article 4 is
    # consultation for NATO and is not counted here).
    assert table.loc["collective-defence clause invoked", ["CSTO", "NATO"]].tolist() == [2, 1]


def test_side_by_side_counts_invocations_answered_with_troops():
    table = _fixture_table()
    # CSTO-1 drew a deployment, CSTO-2 at most a mission; NATO-1 a deployment.
    assert table.loc["invocations answered with troops", ["CSTO", "NATO"]].tolist() == [1, 1]


def test_side_by_side_counts_consultation_requests_by_occasion():
    table = _fixture_table()
    # CSTO: one Article 2 request; NATO: the joint Article 4 request of two allies, once.
    assert table.loc["consultation requests", ["CSTO", "NATO"]].tolist() == [1, 1]


def test_side_by_side_keeps_a_unit_and_a_note_for_every_measure():
    table = _fixture_table()
    assert list(table.columns) == ["CSTO", "NATO", "unit", "note"]
    assert table["unit"].notna().all()
    assert "1 of 2 members with data" in table.loc["largest member's share of active personnel",
                                                   "note"]


def test_real_nato_members_today_match_the_membership_table(tables):
    m = tables["memberships"]
    table = compare.side_by_side(m, tables["organizations"], tables["requests"],
                                 tables["responses"], tables["capabilities"], AS_OF)
    members_today = table.set_index("measure").loc["members today", "NATO"]
    assert members_today == len(members_on(m, AS_OF, "NATO")) == 32


def test_real_requests_fall_in_at_most_one_occasion_per_clause(tables):
    uses = compare.clause_invocations(tables["requests"], tables["responses"])
    ids = [r for cell in uses["request_ids"] for r in cell.split(";")]
    assert len(ids) == len(set(ids))
    assert set(ids) <= set(tables["requests"]["request_id"])


def test_an_instrument_that_only_mentions_a_clause_is_no_invocation():
    """Turkey's call after the Su-24 downing was "not Article 4"; Armenia's appeal of October
    2020 invoked Article 2 of its bilateral treaty with Russia: neither invoked a clause of the
    alliance's treaty."""
    req = make_requests(
        {"request_id": "N-1", "organization": "NATO", "requester": "TUR", "date": "2015-11-24",
         "instrument": "request for a council meeting (not Article 4)"},
        {"request_id": "C-1", "requester": "ARM", "date": "2020-10-31",
         "instrument": "bilateral appeal to Russia, under Article 2 of the 1997 treaty",
         "addressed_to": "patron", "patron_asked_level": "consultation"},
        {"request_id": "C-2", "requester": "ARM", "date": "2021-05-13",
         "instrument": "Article 2 consultations", "addressed_to": "both",
         "patron_asked_level": "deployment"},
        {"request_id": "N-2", "organization": "NATO", "requester": "POL", "date": "2014-03-03",
         "instrument": "Article 4"},
    )
    resp = make_responses({"request_id": "N-2", "date": "2014-03-04", "level": "consultation"})
    found = compare.clause_invocations(req, resp)
    assert found["request_ids"].tolist() == ["C-2", "N-2"]
    assert found["outcome"].tolist() == ["none", "consultation"]
