"""The crisis-selection rule: one rule for both alliances, every row kept with its reason."""

from __future__ import annotations

from analysis.data.edition import data_cutoff
from analysis.measures.selection import select_crises
from tests.helpers.requests import (
    make_memberships,
    make_requests,
)


def _selection_fixture():
    members = make_memberships(
        ("ARM", "CST", "signatory", "1992-05-15", "1994-04-20"),
        ("ARM", "CST", "member", "1994-04-20", "2003-09-18"),
        ("ARM", "CSTO", "member", "2003-09-18", None),
        ("TUR", "NATO", "member", "1952-02-18", None),
        ("GRC", "NATO", "member", "1952-02-18", None),
    )
    req = make_requests(
        # A year-precision date: 1 Jan 1992 is before the treaty, but the year reaches 15 May.
        {"request_id": "C-1", "requester": "ARM", "date": "1992-01-01", "date_precision": "year"},
        {"request_id": "C-2", "requester": "GEO", "date": "2008-08-08"},  # never a party
        {"request_id": "C-3", "requester": "ARM", "date": "2027-01-01"},  # after the cut-off
        {"request_id": "N-1", "organization": "NATO", "requester": "GRC;TUR",
         "date": "1996-01-01", "date_precision": "month", "request_made": "no"},
        {"request_id": "N-2", "organization": "NATO", "requester": "TUR", "date": "1974-07-20"},
        {"request_id": "N-3", "organization": "NATO", "requester": "ARM", "date": "2020-01-01"},
    )
    return select_crises(req, members, end="2026-11-23")


def test_select_crises_applies_one_rule_to_both_alliances():
    chosen = _selection_fixture().set_index("request_id")
    assert chosen["included"].to_dict() == {"C-1": True, "C-2": False, "C-3": False,
                                            "N-1": True, "N-2": False, "N-3": False}


def test_select_crises_names_the_reason_for_each_row_left_out():
    chosen = _selection_fixture().set_index("request_id")
    assert chosen.loc[["C-2", "C-3", "N-2", "N-3"], "reason"].tolist() == [
        "no requester was a party", "after cut-off", "before window", "no requester was a party"]
    assert chosen.loc[["C-1", "N-1"], "reason"].isna().all()


def test_select_crises_keeps_every_row_in_order():
    chosen = _selection_fixture()
    assert chosen["request_id"].tolist() == ["C-1", "C-2", "C-3", "N-1", "N-2", "N-3"]


def test_real_data_every_coded_crisis_passes_the_rule(tables):
    chosen = select_crises(tables["requests"], tables["memberships"], data_cutoff())
    assert chosen["included"].all(), chosen.loc[~chosen["included"], ["request_id", "reason"]]


def test_real_data_both_alliances_have_silences_from_the_same_window(tables):
    """Before the audit NATO's set held only invocations: no NATO crisis without a request."""
    req = tables["requests"]
    silent = req[req["request_made"] == "no"]
    assert set(silent["organization"]) == {"CSTO", "NATO"}
    assert {"NATO-1996-GRC-TUR", "NATO-2016-TUR", "NATO-A4-2022-POL-2"} <= set(
        silent["request_id"])
    assert req["date"].min().year == 1992
