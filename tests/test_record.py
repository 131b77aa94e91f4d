"""Issue 14: the crisis-selection rule, the ask-versus-outcome gap, the sensitivity table, the
personnel series of ch. 5.4, and one regression test per error the audit found in the data or
the prose. Expected values are worked out by hand in each test; the regression tests on the real
tables fail on the data as it stood before the audit."""

from __future__ import annotations

import re

import pandas as pd
import pytest

from analysis.charts import requests as charts
from analysis.data.edition import data_cutoff
from analysis.measures import burden, sensitivity
from analysis.measures.compare import clause_invocations
from analysis.measures.rates import yardstick
from analysis.measures.requests import request_outcomes, select_crises
from analysis.data.schema import TABLES
from tests.test_requests import _typed, make_requests, make_responses


def make_memberships(*rows: tuple) -> pd.DataFrame:
    """Rows (state, organization, status, start, end)."""
    return _typed([
        {"state": s, "organization": o, "status": st, "start": a, "start_precision": "day",
         "end": e, "end_precision": "day" if e else None,
         "end_reason": "status_changed" if e else None, "note": None, "source": "s1"}
        for s, o, st, a, e in rows
    ], "memberships")


# --- select_crises: one rule for both alliances -----------------------------------------------

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
    assert {"NATO-1996-GRC-TUR", "NATO-2007-EST", "NATO-2015-TUR-2", "NATO-2016-TUR"} <= set(
        silent["request_id"])
    assert req["date"].min().year == 1992


# --- the ask-versus-outcome gap in the yardstick -----------------------------------------------

def test_yardstick_counts_requests_short_of_met_and_beyond_the_ask():
    req = make_requests(
        {"request_id": "C-1", "asked_level": "deployment", "date": "2022-01-01"},
        {"request_id": "C-2", "asked_level": "consultation", "date": "2022-02-01"},
        {"request_id": "C-3", "asked_level": "statement", "date": "2022-03-01"},
        {"request_id": "C-4", "asked_level": None, "date": "2022-04-01"},
    )
    resp = make_responses(
        {"request_id": "C-1", "date": "2022-01-02", "level": "mission"},       # 5 - 3 = 2 short
        {"request_id": "C-2", "date": "2022-02-02", "level": "consultation"},  # met
        {"request_id": "C-3", "date": "2022-03-02", "level": "deployment"},    # 1 - 5 = -4
    )
    row = yardstick(request_outcomes(req, resp)).iloc[0]
    assert (row["asked_coded"], row["short"], row["met"], row["exceeded"]) == (3, 1, 1, 1)
    assert row["short_rate"] == pytest.approx(1 / 3)
    # Mean of the gaps 2, 0 and -4: -2/3.
    assert row["mean_gap_rank"] == pytest.approx(-2 / 3)


def test_real_data_nato_never_fell_short_and_the_csto_often_did(tables):
    outcomes = request_outcomes(tables["requests"], tables["responses"])
    table = yardstick(outcomes).set_index("organization")
    assert table.loc["NATO", "short"] == 0
    assert table.loc["CSTO", "short"] > 0


# --- sensitivity --------------------------------------------------------------------------------

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
        {"request_id": "CSTO-2020-ARM-2", "requester": "ARM", "date": "2020-09-27",
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
    assert req.loc[sensitivity.is_karabakh(req), "request_id"].tolist() == ["CSTO-2020-ARM-2"]
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
    pledges = tables["responses"].loc[sensitivity.is_pledge(tables["responses"]), "response_id"]
    assert pledges.tolist() == ["CSTO-2013-TJK-R1", "CSTO-2021-TJK-R5"]


def test_real_data_headline_contrasts_hold_under_every_coding(tables):
    table = sensitivity.sensitivity_table(tables["requests"], tables["responses"],
                                          tables["memberships"], data_cutoff())
    wide = sensitivity.by_coding(table)
    assert (wide[("any_action_rate", "CSTO")] < wide[("any_action_rate", "NATO")]).all()
    assert (wide[("short_rate", "CSTO")] > wide[("short_rate", "NATO")]).all()


# --- regression tests: one per error found -----------------------------------------------------

RECOGNITION = re.compile(r"\b(recogni[sz]ed|annexed|de jure)\b")


def test_a_recognition_stance_is_never_coded_aligned_without_a_recognition(tables):
    """Ch. 4.3: Belarus was coded aligned on the 2022 annexations (and Armenia on Crimea) for a
    UN vote. A recognize_* stance is aligned only when its position names a recognition."""
    stances = tables["stances"]
    recognition = stances[stances["issue"].str.startswith("recognize_")]
    for row in recognition.itertuples():
        assert "vote" not in row.position.lower(), (row.stance_id, row.position)
        if row.alignment == "aligned":
            assert RECOGNITION.search(row.position) and not re.search(
                r"\bno recognition\b", row.position), (row.stance_id, row.position)


def test_no_member_but_russia_recognised_the_2022_annexations(tables):
    from analysis.measures.divisions import alignment_matrix

    matrix = alignment_matrix(tables["stances"])["recognize_2022_annexations"].drop("RUS")
    assert not matrix.eq(1).fillna(False).any()


def test_lag_chart_shows_a_joint_request_once_and_both_lags(tables):
    """Ch. 3.5: the figure drew the joint request of 24 Feb 2022 as eight rows and plotted only
    the first response while the text quoted the highest."""
    outcomes = request_outcomes(tables["requests"], tables["responses"])
    data = charts.lag_chart(outcomes).data
    feb = data[data["request_id"].str.contains("NATO-A4-2022-BGR")]
    assert len(feb) == 1 and feb["requests_merged"].iloc[0] == 8
    assert {"lag_first_days", "lag_highest_days"} <= set(data.columns)
    made = (tables["requests"]["request_made"] == "yes").sum()
    assert len(data) == made - 7


def test_lag_chart_by_hand():
    req = make_requests(
        {"request_id": "N-1", "organization": "NATO", "requester": "EST", "date": "2022-02-24",
         "crisis": "Invasion"},
        {"request_id": "N-2", "organization": "NATO", "requester": "POL", "date": "2022-02-24",
         "crisis": "Invasion"},
    )
    resp = make_responses(
        {"request_id": "N-1", "date": "2022-02-24", "level": "consultation"},
        {"request_id": "N-2", "date": "2022-02-24", "level": "consultation"},
        {"request_id": "N-2", "date": "2022-02-26", "level": "deployment"},
    )
    data = charts.lag_chart(request_outcomes(req, resp)).data
    assert data[["requests_merged", "lag_first_days", "lag_highest_days"]].values.tolist() == [
        [2, 0, 2]]


def test_armenia_2022_asked_for_military_help(tables):
    outcomes = request_outcomes(tables["requests"], tables["responses"]).set_index("request_id")
    assert outcomes.loc["CSTO-2022-ARM", "asked_level"] == "deployment"


def test_turkey_october_2012_is_not_credited_with_the_patriots(tables):
    outcomes = request_outcomes(tables["requests"], tables["responses"]).set_index("request_id")
    assert outcomes.loc["NATO-A4-2012-TUR-2", "highest_level"] == "consultation"
    assert outcomes.loc["NATO-AD-2012-TUR", "highest_level"] == "deployment"
    uses = clause_invocations(tables["requests"], tables["responses"])
    assert "NATO-AD-2012-TUR" not in ";".join(uses["request_ids"])


def test_one_rule_for_bilateral_appeals_to_russia(tables):
    """Kyrgyzstan 2010 counted as a request while Armenia 2021 did not: now both, by instrument."""
    req = tables["requests"].set_index("request_id")
    for rid in ("CSTO-2010-KGZ", "CSTO-2021-ARM-2", "CSTO-2020-BLR"):
        assert req.loc[rid, "request_made"] == "yes"
        assert req.loc[rid, "instrument"].startswith("bilateral appeal to Russia")
    addressed = req[req["note"].fillna("").str.contains("Addressed to Russia bilaterally")]
    assert addressed["instrument"].str.startswith("bilateral appeal to Russia").all()


def test_other_states_run_installations_on_members_soil(tables):
    """Ch. 1.5 / Fig. 1.4 said no other state did; and Russia's bases in Georgia's breakaway
    regions were missing."""
    bases = tables["bases"]
    active = bases[bases["end"].isna()]
    assert set(active.loc[active["operator"] != "RUS", "operator"]) == {"CHN"}
    assert set(bases["operator"]) >= {"RUS", "USA", "DEU", "FRA", "CHN"}
    assert {"GEO", "BLR", "ARM"} <= set(active.loc[active["operator"] == "RUS", "host"])


def test_personnel_rows_take_one_series_and_one_year():
    nmc = pd.DataFrame({"state": ["RUS", "RUS", "KAZ", "KAZ", "TJK"],
                        "year": [2021, 2022, 2021, 2022, 2021],
                        "milper_thousands": [900.0, 1190.0, 39.0, 39.0, 9.0]})
    rows, year = burden.personnel_rows(nmc, ["RUS", "KAZ", "TJK"])
    # 2021 covers all three states, 2022 only two: 2021 wins.
    assert year == 2021
    assert rows["value"].tolist() == [39000.0, 900000.0, 9000.0]
    assert set(rows["edition"]) == {burden.PERSONNEL_EDITION}


def test_chapter_5_4_counts_kazakhstan_and_uses_one_source(tables):
    """Ch. 5.4 left Kazakhstan out and mixed Military Balance, Global Firepower, CIA and BICC."""
    shares = burden.largest_member_shares(tables["memberships"], tables["capabilities"],
                                          data_cutoff(), personnel=tables["nmc_milper"])
    forces = shares[shares["panel"] == "forces"].set_index("organization")
    assert (forces["n_with_data"] == forces["n_states"]).all()
    assert (forces["year_min"] == forces["year_max"]).all()
    assert set(forces["editions"]) == {burden.PERSONNEL_EDITION}
    # Russia's share by hand from the 2022 rows: 1190 / (1190+48+43+39+11+9) = 1190/1340.
    assert forces.loc["CSTO", "largest_share"] == pytest.approx(1190 / 1340)
