"""The headline rates under each alternative coding."""

from __future__ import annotations

import pytest

from analysis.data.edition import data_cutoff
from analysis.measures import sensitivity
from tests.helpers.requests import (
    make_memberships,
    make_requests,
    make_responses,
)


def _sensitivity_fixture():
    members = make_memberships(
        ("KGZ", "CSTO", "member", "2002-10-07", None),
        ("ARM", "CSTO", "member", "2002-10-07", None),
        ("TJK", "CSTO", "member", "2002-10-07", None),
        ("POL", "NATO", "member", "1999-03-12", None),
    )
    req = make_requests(
        {"request_id": "C-1", "requester": "KGZ", "date": "2010-06-12",
         "instrument": "bilateral appeal to Russia (letter)", "asked_level": "deployment"},
        {"request_id": "C-2", "requester": "KGZ", "date": "2010-07-21",
         "instrument": "none (public call)", "asked_level": "deployment"},
        {"request_id": "C-3", "requester": "TJK", "date": "2013-01-01",
         "instrument": "CSTO decision", "asked_level": "material_aid"},
        {"request_id": "CSTO-1992-ARM-2", "requester": "ARM", "date": "2020-09-27",
         "crisis": "Second Nagorno-Karabakh war", "request_made": "no"},
        {"request_id": "C-5", "requester": "TJK", "date": "2014-01-01",
         "instrument": "CIS agreement", "asked_level": "deployment"},
        {"request_id": "N-1", "organization": "NATO", "requester": "POL", "date": "2014-03-03",
         "instrument": "Article 4", "asked_level": "consultation"},
    )
    resp = make_responses(
        {"request_id": "C-1", "date": "2010-06-14", "level": "material_aid",
         "description": "Helicopters lent"},
        {"request_id": "C-3", "date": "2013-09-23", "level": "material_aid",
         "description": "Summit pledged aid"},
        {"request_id": "C-5", "date": "2014-01-02", "level": "deployment"},
        {"request_id": "N-1", "date": "2014-03-04", "level": "consultation"},
    )
    return req, resp, members


def test_sensitivity_masks_pick_the_rows_their_rule_names():
    req, resp, _ = _sensitivity_fixture()
    assert req.loc[sensitivity.is_bilateral(req), "request_id"].tolist() == ["C-1"]
    assert req.loc[sensitivity.is_soft(req), "request_id"].tolist() == ["C-2"]
    assert req.loc[sensitivity.is_other_framework(req), "request_id"].tolist() == ["C-5"]
    assert req.loc[sensitivity.is_karabakh(req), "request_id"].tolist() == ["CSTO-1992-ARM-2"]
    assert resp.loc[sensitivity.is_pledge(resp), "response_id"].tolist() == ["C-3-R1"]


def test_a_karabakh_crisis_without_a_scope_decision_raises():
    req = make_requests({"request_id": "CSTO-2030-ARM", "date": "2030-01-01",
                         "crisis": "A new Nagorno-Karabakh war"})
    with pytest.raises(ValueError, match="CSTO-2030-ARM"):
        sensitivity.is_karabakh(req)


def test_recode_rejects_an_unknown_coding():
    req, resp, _ = _sensitivity_fixture()
    with pytest.raises(ValueError, match="unknown coding"):
        sensitivity.recode(req, resp, "everything_out")


def test_sensitivity_table_by_hand():
    req, resp, members = _sensitivity_fixture()
    table = sensitivity.sensitivity_table(req, resp, members, "2026-11-23")
    csto = table[table["organization"] == "CSTO"].set_index("coding")
    # main: 5 crises, 4 requests (C-1, C-2, C-3, C-5); any action C-1, C-3, C-5 = 3;
    # material or more the same 3; troops C-5 = 1; short: C-1 (deployment asked, aid came) and
    # C-2 (deployment asked, nothing came) = 2 of 4.
    assert csto.loc["main", ["crises", "requests", "any_action", "material", "deployed",
                             "short"]].tolist() == [5, 4, 3, 3, 1, 2]
    # bilateral out: C-1 is no longer a request: 3 requests, 2 answered, 1 short (C-2).
    assert csto.loc["bilateral_out", ["crises", "requests", "any_action", "short"]].tolist() == [
        5, 3, 2, 1]
    # soft out: C-2 goes: 3 requests, all 3 answered, 1 short (C-1).
    assert csto.loc["soft_out", ["requests", "any_action", "short"]].tolist() == [3, 3, 1]
    # pledges not aid: C-3's pledge becomes a statement: material 2, and C-3 falls short.
    assert csto.loc["pledges_not_aid", ["any_action", "material", "short"]].tolist() == [3, 2, 3]
    # Karabakh out: the silence goes, 4 crises, the same 4 requests.
    assert csto.loc["karabakh_out", ["crises", "requests"]].tolist() == [4, 4]
    # CIS framework out: C-5 and its deployment go.
    assert csto.loc["other_frameworks_out", ["crises", "requests", "deployed"]].tolist() == [
        4, 3, 0]
    assert csto.loc["main", "request_share"] == pytest.approx(4 / 5)
    nato = table[table["organization"] == "NATO"]
    assert (nato["any_action_rate"] == 1.0).all() and len(nato) == len(sensitivity.CODINGS)


def test_spread_and_by_coding_read_the_table():
    req, resp, members = _sensitivity_fixture()
    table = sensitivity.sensitivity_table(req, resp, members, "2026-11-23")
    low, high = sensitivity.spread(table, "requests").set_index("organization").loc["CSTO"]
    assert (low, high) == (3, 4)
    wide = sensitivity.by_coding(table)
    assert list(wide.index) == list(sensitivity.CODINGS)
    assert wide.loc["soft_out", ("requests", "CSTO")] == 3


def test_real_data_pledges_are_the_two_tajik_border_pledges(tables):
    """Among the alliance's responses (the ones the rates count)."""
    resp = tables["responses"][tables["responses"]["responder"] == "alliance"]
    pledges = resp.loc[sensitivity.is_pledge(resp), "response_id"]
    assert pledges.tolist() == ["CSTO-2013-TJK-R1", "CSTO-2021-TJK-R5"]


def test_real_data_headline_contrasts_hold_under_every_coding(tables):
    table = sensitivity.sensitivity_table(tables["requests"], tables["responses"],
                                          tables["memberships"], data_cutoff())
    wide = sensitivity.by_coding(table)
    assert (wide[("any_action_rate", "CSTO")] < wide[("any_action_rate", "NATO")]).all()
    assert (wide[("short_rate", "CSTO")] > wide[("short_rate", "NATO")]).all()
