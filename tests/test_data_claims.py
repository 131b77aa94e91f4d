"""Facts the book states, checked against the tables (not against any one module)."""

from __future__ import annotations

import re

from analysis.measures.compare import clause_invocations
from analysis.measures.requests import request_outcomes

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
