"""The crisis universe as records (analysis.measures.universe), the channels, the selection
shares and the casus foederis frame, on the hand-worked universe of tests/helpers/universe.py."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.measures import alternatives, channels, selection, universe
from tests.helpers import universe as fx


@pytest.fixture
def records():
    req = universe.request_records(fx.requests(), fx.responses())
    cri = universe.crisis_records(fx.candidates(), fx.requests(), fx.conflicts())
    return req, cri


def _coded(records, *active):
    req, cri = records
    return alternatives.coded_requests(req, active), alternatives.coded_crises(cri, req, active)


def _rates(coded, channel):
    rates = channels.channel_rates(coded, channel).set_index(["ask_group", "organization"])
    return {key: (int(row.k), int(row.n)) for key, row in rates.iterrows() if row.n}


def test_request_records_fold_the_joint_request_and_keep_each_responder(records):
    req, _ = records
    assert len(req) == 11  # 12 rows, the joint request of N4 and N5 once
    joint = req.set_index("request_id").loc["N4;N5"]
    assert joint["requester"] == "BGR;EST" and joint["alliance_full"] == 5
    c6 = req.set_index("request_id").loc["C6"]
    assert (c6["alliance_full"], c6["other_full"], c6["patron_full"]) == (0, 5, 0)
    tjk = req.set_index("request_id").loc["CSTO-2013-TJK"]
    assert (tjk["alliance_full"], tjk["alliance_pledge_out"]) == (4, 1)
    assert req.set_index("request_id").loc["C4", "soft"]
    assert req.set_index("request_id").loc["N1", "patron_own"]


def test_an_unjudged_pledge_stops_the_records():
    responses = fx.responses()
    responses.loc[responses["request_id"] == "C2", "description"] = "Troops promised"
    responses.loc[responses["request_id"] == "C2", "level"] = "material_aid"
    with pytest.raises(ValueError, match="C2-R1.*neither PLEDGED nor DELIVERED"):
        universe.request_records(fx.requests(), responses)


def test_main_coding_channels_by_hand(records):
    coded, _ = _coded(records)
    assert _rates(coded, "alliance") == {
        ("troops", "CSTO"): (1, 3),          # C1 none, C2 troops, C4 none
        ("troops", "NATO"): (1, 1),          # N1
        ("material aid", "CSTO"): (1, 1),    # the 2013 pledge counts as aid
        ("consultation", "NATO"): (2, 2),    # N2, and the joint request once
    }
    assert _rates(coded, "patron") == {("troops", "CSTO"): (0, 1), ("troops", "NATO"): (1, 1)}
    tests = channels.channel_tests(coded, "alliance").set_index("ask_group")
    assert tests.loc["troops", ["k1", "n1", "k2", "n2"]].tolist() == [1, 3, 1, 1]
    assert tests.loc["troops", "p"] == pytest.approx(1.0)


@pytest.mark.parametrize("active, expected", [
    (("treaty_in_force",), (1, 2)),           # C1 (1992) no longer counts
    (("other_organizations_in",), (2, 4)),    # the CIS force counts as the alliance's
    (("soft_calls_out",), (1, 2)),            # the public call no longer counts
    (("csto_patron_appeals_in",), (1, 4)),    # the appeal to Russia counts, the alliance gave none
    (("treaty_in_force", "soft_calls_out"), (1, 1)),
])
def test_alternatives_move_the_csto_troop_asks(records, active, expected):
    coded, _ = _coded(records, *active)
    assert _rates(coded, "alliance")[("troops", "CSTO")] == expected


def test_nato_alternatives(records):
    coded, _ = _coded(records, "nato_patron_appeals_in")
    assert _rates(coded, "alliance")[("troops", "NATO")] == (2, 2)
    assert _rates(coded, "patron")[("troops", "NATO")] == (1, 1)  # still an appeal to the US
    coded, _ = _coded(records, "pledges_not_aid")
    assert _rates(coded, "alliance")[("material aid", "CSTO")] == (0, 1)


def test_selection_shares_by_hand(records):
    _, crises = _coded(records)
    table = selection.request_shares(crises)
    shares = table.set_index(["organization", "category"])
    csto = shares.loc[("CSTO", "all")]
    # Included: C-001 (alliance), C-002 (alliance), C-003 (patron), C-004 (alliance),
    # C-006 (the CIS: neither channel), C-007 (Russia's own, none).
    assert (csto["n"], csto["alliance"], csto["patron_n"], csto["patron"], csto["either"]) == (
        6, 3, 5, 1, 4)
    assert csto["alliance_rate"] == pytest.approx(0.5)
    nato = shares.loc[("NATO", "all")]
    assert (nato["n"], nato["alliance"], nato["patron_n"], nato["patron"]) == (2, 2, 1, 0)
    assert shares.loc[("CSTO", "armed_attack"), "n"] == 3
    assert shares.loc[("NATO", "hybrid"), "n"] == 0
    tests = selection.share_tests(table).set_index(["category", "channel"])
    assert tests.loc[("all", "alliance"), ["k1", "n1", "k2", "n2"]].tolist() == [3, 6, 2, 2]
    # Hand-worked: 5 of 8 crises drew one; P(CSTO has 3 | margins) = C(5,3)C(3,3)/C(8,6) = 10/28,
    # P(5) = C(5,5)C(3,1)/28 = 3/28 and P(4) = C(5,4)C(3,2)/28 = 15/28; two-sided sum of the
    # tables no likelier than 10/28: 10/28 + 3/28.
    assert tests.loc[("all", "alliance"), "p"] == pytest.approx(13 / 28)


def test_casus_foederis_by_hand(records):
    _, crises = _coded(records)
    casus = selection.casus_foederis(crises).set_index("organization")
    assert casus.loc["CSTO", ["n", "honoured", "asked", "honoured_asked"]].tolist() == [3, 0, 1, 0]
    assert casus.loc["NATO", ["n", "honoured", "asked", "honoured_asked"]].tolist() == [2, 1, 2, 1]
    # 0 of 3 against 1 of 2: one success among 5, first group 3: P(0) = 2/5, P(1) = 3/5; the
    # two-sided p sums the tables no likelier than the one seen: 2/5.
    assert casus.loc["CSTO", "p"] == pytest.approx(2 / 5)
    _, crises = _coded(records, "other_organizations_in")
    casus = selection.casus_foederis(crises).set_index("organization")
    assert casus.loc["CSTO", "honoured"] == 1  # the CIS troops honour the 1993 attack
    _, crises = _coded(records, "every_deadly_clash")
    assert selection.casus_foederis(crises).set_index("organization").loc["CSTO", "n"] == 4


def test_universe_alternatives(records):
    _, crises = _coded(records, "terror_folded")
    assert not crises.set_index("candidate_id").loc["CSTO-C-007", "included"]
    _, crises = _coded(records, "hybrid_in")
    row = crises.set_index("candidate_id").loc["NATO-C-006"]
    assert row["included"] and row["category"] == "armed_attack" and not row["casus"]
    _, crises = _coded(records, "treaty_in_force")
    kept = crises.set_index("candidate_id")["included"]
    assert not kept["CSTO-C-001"] and not kept["CSTO-C-006"] and kept["CSTO-C-002"]


def test_touched_by_is_static(records):
    req, cri = records
    lookup = universe.by_id(req)
    c1 = req.set_index("request_id").loc["C1"].to_dict() | {"request_id": "C1"}
    assert alternatives.request_touched_by(c1) == {"treaty_in_force"}
    crisis = cri.set_index("candidate_id").loc["CSTO-C-006"].to_dict() | {
        "candidate_id": "CSTO-C-006"}
    assert alternatives.crisis_touched_by(crisis, lookup) == {"treaty_in_force",
                                                          "other_organizations_in"}


def test_unknown_alternative_is_refused(records):
    req, _ = records
    with pytest.raises(ValueError, match="unknown alternative"):
        alternatives.coded_requests(req, ["made_up"])


def test_channel_pairs_crisis_by_crisis(records):
    coded, _ = _coded(records)
    pairs = channels.channel_pairs(coded).set_index("request_id")
    assert pairs.loc["C3", ["addressed", "alliance_level", "patron_level"]].tolist() == [
        "patron", "none", "consultation"]
    assert pd.isna(pairs.loc["N1", "patron_level"])  # the patron's own crisis
    assert "C6" not in pairs.index and "C7" not in pairs.index


def test_real_universe_main_coding(tables):
    """The real data as the chapters quote it: the alliance channel's troop asks."""
    req = universe.request_records(tables["requests"], tables["responses"])
    coded = alternatives.coded_requests(req)
    rates = channels.channel_rates(coded, "alliance").set_index(["ask_group", "organization"])
    r = tables["requests"]
    asked = r[(r["request_made"] == "yes") & r["addressed_to"].isin(("alliance", "both"))
              & (r["asked_level"] == "deployment")]
    for org in ("CSTO", "NATO"):  # one request per (crisis, date): joint requests count once
        n = len(asked[asked["organization"] == org].drop_duplicates(["crisis", "date"]))
        assert rates.loc[("troops", org), "n"] == n
    assert rates.loc[("troops", "CSTO"), "k"] == 1  # Kazakhstan 2022 alone
    assert rates.loc[("troops", "NATO"), "k"] == rates.loc[("troops", "NATO"), "n"]
