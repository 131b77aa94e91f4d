"""Facts of the methods appendix (``book/methods.md``): the crisis universe (frame, window,
thresholds, decisions, the candidate list), requests and the two channels, the borderline
example of each rung, the exact tests (the family of tests the chapters state, with Boschloo's
test and Holm's correction) and the combinations of codings, and the vote-agreement rule of each
figure."""

from __future__ import annotations

import inspect
from types import SimpleNamespace

import pandas as pd

from ...data import dictionary
from ...data.codebook.fields import split_list
from ...measures import agreement, roll_calls, ukraine, votes
from ...measures.alternatives import ALTERNATIVES
from ...measures.exact import ALPHA, boschloo, holm
from ...measures.universe import TREATY_IN_FORCE
from .. import book
from . import comparison as cm
from . import inaction
from .checks import Guard, check_all

#: The borderline example of each rung the appendix describes: response id -> its level.
EXAMPLES = {"CSTO-2020-ARM-R1": "none", "CSTO-2021-TJK-R4": "statement",
            "CSTO-2020-BLR-R1": "statement", "CSTO-2010-KGZ-R1": "consultation",
            "NATO-A4-2014-POL-R2": "mission", "CSTO-2013-TJK-R1": "material_aid",
            "NATO-A5-2001-USA-R4": "deployment", "CSTO-1993-TJK-R1": "deployment"}

#: The soft calls the appendix names (a public call, no letter, article or session).
SOFT_CALLS = {"CSTO-2010-KGZ-2", "NATO-2014-EST"}

#: Crises of Armenia fought in Nagorno-Karabakh, outside Armenia's recognised territory, and
#: Armenia's appeal over the 1992 offensive there: what the appendix says became of them.
KARABAKH = {"CSTO-C-010": "exclude", "CSTO-C-091": "exclude",
            "CSTO-C-003": "request_outside_universe", "CSTO-C-071": "include"}

#: Which organization took each request to another organization (the appendix names them).
OTHER_ORGANIZATION = {"CSTO-1993-TJK", "CSTO-1994-GEO", "CSTO-2010-KGZ-2",
                      "NATO-2015-FRA"}

#: The UCDP conflict whose last year is before the extract's first (the appendix says so).
BEFORE_THE_EXTRACT = {"342"}

#: Names of the decisions, as the appendix words them.
DECISION_WORDS = {"include": "included", "exclude": "excluded",
                  "request_outside_universe": "a request outside the universe",
                  "hybrid_sensitivity": "hybrid, kept for a variant"}

#: Names of the categories, as the candidate tables word them.
CATEGORY_WORDS = {"armed_attack": "armed attack", "internal_armed_conflict": "internal armed "
                  "conflict", "unrest": "unrest", "terrorist_attack": "terrorist attack",
                  "hybrid": "hybrid", "other": "other"}


#: The tests of a difference between the alliances that the chapters state, in the order the
#: family table shows them; the near ones the appendix names; the stratified ones (no Boschloo).
FAMILY = ("troops", "troops_in_universe", "troops_by_purpose", "consultation", "all_asks",
          "patron_troops", "requests", "armed_attack_requests", "appeals", "appeals_by_crisis",
          "casus", "casus_asked")
NEAR = {"troops", "troops_by_purpose", "all_asks", "appeals"}
STRATIFIED = {"troops_by_purpose", "all_asks", "appeals_by_crisis"}


def family(v: SimpleNamespace) -> pd.DataFrame:
    """The family of stated tests, one row each by :data:`FAMILY` name: ``label``, the counts
    (``k1``, ``n1`` for the CSTO, ``k2``, ``n2`` for NATO; none for a stratified test),
    ``fisher`` (Fisher's or the exact stratified p), ``boschloo`` (NaN where not defined), and
    Holm's adjusted p of each (``holm``; ``holm_boschloo`` with Boschloo's p where defined)."""
    al, pa, sh, casus = v.tests["alliance"], v.tests["patron"], v.share_tests, v.casus

    def two(k1: int, n1: int, k2: int, n2: int) -> tuple:
        return int(k1), int(n1), int(k2), int(n2)

    def test_row(t: pd.Series) -> tuple:
        return two(t["k1"], t["n1"], t["k2"], t["n2"])

    inside = v.alone.loc["in_universe_only"]
    rows = {
        "troops": ("troops asked of the alliance", test_row(al.loc["troops"]),
                   al.loc["troops", "p"]),
        "troops_in_universe": ("the same, crises inside the universe only",
                               two(*inside["csto"], *inside["nato"]), inside["p"]),
        "troops_by_purpose": ("the same, holding the purpose fixed", None,
                              v.troop_purpose_test.p),
        "consultation": ("consultations asked of the alliance",
                         test_row(al.loc["consultation"]), al.loc["consultation", "p"]),
        "all_asks": ("every ask of the alliance, holding the ask fixed", None,
                     al.loc["all asks", "p"]),
        "patron_troops": ("troops asked of the patron", test_row(pa.loc["troops"]),
                          pa.loc["troops", "p"]),
        "requests": ("crises that drew a request to the alliance",
                     test_row(sh.loc[("all", "alliance")]), sh.loc[("all", "alliance"), "p"]),
        "armed_attack_requests": ("armed attacks that drew a request to the alliance",
                                  test_row(sh.loc[("armed_attack", "alliance")]),
                                  sh.loc[("armed_attack", "alliance"), "p"]),
        "appeals": ("crises that drew an appeal to the patron",
                    test_row(sh.loc[("all", "patron")]), sh.loc[("all", "patron"), "p"]),
        "appeals_by_crisis": ("the same, holding the kind of crisis fixed", None,
                              v.appeal_stratified_p),
        "casus": ("casus foederis crises honoured",
                  two(casus.loc["CSTO", "honoured"], casus.loc["CSTO", "n"],
                      casus.loc["NATO", "honoured"], casus.loc["NATO", "n"]),
                  casus["p"].iloc[0]),
        "casus_asked": ("the same, crises that drew a request",
                        two(casus.loc["CSTO", "honoured_asked"], casus.loc["CSTO", "asked"],
                            casus.loc["NATO", "honoured_asked"], casus.loc["NATO", "asked"]),
                        casus["p_asked"].iloc[0]),
    }
    frame = pd.DataFrame([{"test": name, "label": label, "counts": counts, "fisher": float(p),
                           "boschloo": boschloo(*counts) if counts else float("nan")}
                          for name, (label, counts, p) in ((n, rows[n]) for n in FAMILY)])
    frame["holm"] = holm(frame["fisher"])
    frame["holm_boschloo"] = holm(frame["boschloo"].fillna(frame["fisher"]))
    return frame.set_index("test")


def _requesters(v: SimpleNamespace, org: str, troops: bool) -> pd.Series:
    """How many of an alliance's requests to it (troops, or all) each member made, most first."""
    rows = (v.on[("alliance", org, "troops")] if troops else
            v.coded[(v.coded["organization"] == org) & v.coded["alliance"].astype(bool)])
    return rows["requester"].value_counts()


def _default(function: object, parameter: str) -> object:
    return inspect.signature(function).parameters[parameter].default


def values(tables: dict[str, pd.DataFrame], cutoff: pd.Timestamp) -> SimpleNamespace:
    """What the appendix's sentences rest on: the comparison's shared values
    (:func:`.comparison.values`), the candidates by id (``by_id``), the requests by id
    (``request_rows``), the responses by id, the UCDP extract, and the vote-agreement rules the
    figures use (``rules``: figure -> the rule its code applies)."""
    v = inaction.values(tables, cutoff)
    rules = {
        "roll_call_absent_missing": 'absent="missing"' in inspect.getsource(
            roll_calls.agreement_by_period),
        "roll_call_default": _default(roll_calls.agreement_by_period, "abstention"),
        "ukraine_absent_missing": 'absent="missing"' in inspect.getsource(
            ukraine.ukraine_vote_counts),
        "hand_coded_absent": _default(votes.pairwise_agreement, "absent"),
        "last_roll_call_session": roll_calls.LAST_ROLL_CALL_SESSION,
        "abstention_rules": agreement.ABSTENTION_RULES,
        "absent_rules": agreement.ABSENT_RULES,
    }
    return SimpleNamespace(
        **vars(v), by_id=v.candidates.set_index("candidate_id"),
        request_rows=tables["requests"].set_index("request_id"),
        responses=tables["responses"].set_index("response_id"),
        ucdp=tables["ucdp_conflicts"], rules=rules, family=family(v),
    )


def _framed_missing(v: SimpleNamespace) -> set[str]:
    framed = v.candidates[v.candidates["frame"] == "UCDP-ACD"]
    known = {str(c) for c in v.ucdp["conflict_id"]}
    return {str(f) for f in framed["frame_id"]} - known


def _soft(v: SimpleNamespace) -> set[str]:
    soft = v.requests[v.requests["soft"].astype(bool)]
    return {rid for value in soft["request_id"] for rid in split_list(value)}


GUARDS = (
    Guard("borderline_examples_coded_as_described",
          "A borderline example for each rung, from the data (each checked against the row it "
          "describes)",
          lambda v: {r: v.responses.loc[r, "level"] for r in EXAMPLES} == EXAMPLES),
    Guard("universe_in_the_window",
          "from 15 May 1992 ... to the data's cut-off",
          lambda v: v.candidates.loc[v.candidates["decision"] == "include", "date"].max()
          <= v.cutoff),
    Guard("ucdp_ids_in_the_extract",
          "every conflict id the candidate list cites is in the extract, except ETA's",
          lambda v: _framed_missing(v) == BEFORE_THE_EXTRACT),
    Guard("no_icb_or_mid_number",
          "No ICB or MID number could be verified, and none is used",
          lambda v: not v.candidates["frame"].str.startswith(("ICB", "MID")).any()),
    Guard("armenia_2022_asked_for_deployment",
          "The borderline case is Armenia in September 2022: ... the ask is coded as a deployment",
          lambda v: v.request_rows.loc["CSTO-2022-ARM", "asked_level"] == "deployment"),
    Guard("kazakhstan_coded_as_unrest",
          "Kazakhstan's unrest of January 2022 is coded as unrest",
          lambda v: v.by_id.loc["CSTO-C-080", "category"] == "unrest"
          and v.request_rows.loc["CSTO-2022-KAZ", "threat"] == "unrest"),
    Guard("soft_calls_named",
          "Kyrgyzstan's call for outside police in July 2010 and Estonia's for allied troops in "
          "April 2014",
          lambda v: _soft(v) == SOFT_CALLS),
    Guard("other_organizations_named",
          "the CIS for Tajikistan in 1993 and Georgia in 1994, the OSCE for Kyrgyzstan in 2010, "
          "the European Union for France in 2015",
          lambda v: set(v.request_rows.index[v.request_rows["addressed_to"]
                                             == "other_organization"]) == OTHER_ORGANIZATION),
    Guard("karabakh_outside_the_universe",
          "The wars fought in Nagorno-Karabakh are not crises of Armenia's ... Azerbaijan's fire "
          "on Armenia's own territory in 2020 is",
          lambda v: {c: v.by_id.loc[c, "decision"] for c in KARABAKH} == KARABAKH),
    Guard("vote_rules_as_described",
          "the roll-call figures treat an absence as no vote and score three categories by "
          "default ...; the hand-coded votes count an absence as a vote of its own",
          lambda v: v.rules["roll_call_absent_missing"] and v.rules["ukraine_absent_missing"]
          and v.rules["roll_call_default"] == "three_categories"
          and v.rules["hand_coded_absent"] == "vote"
          and set(v.rules["abstention_rules"]) == {"three_categories", "half"}),
    Guard("no_difference_survives_holm",
          "After Holm's correction over the family, no difference stays below 0.05, with "
          "Fisher's p-values or with Boschloo's where it is defined",
          lambda v: (v.family["holm"] >= ALPHA).all()
          and (v.family["holm_boschloo"] >= ALPHA).all()),
    Guard("near_the_threshold_as_named",
          "Four tests come near 0.05 ... the troop requests, the same holding the purpose "
          "fixed, every ask holding the ask fixed, and the appeals to the patron; Boschloo's "
          "test keeps the two it is defined for below 0.05 too",
          lambda v: set(v.family.index[v.family["fisher"] < 0.1]) == NEAR
          and (v.family.loc[sorted(NEAR - STRATIFIED), "boschloo"] < ALPHA).all()
          and v.family.loc[sorted(STRATIFIED), "boschloo"].isna().all()),
    Guard("armenia_made_most_troop_requests",
          "Armenia made ... of the CSTO's ... troop requests and ... of its ... requests to the "
          "alliance, Turkey ... of NATO's",
          lambda v: _requesters(v, "CSTO", True).index[0] == "ARM"
          and _requesters(v, "CSTO", True).iloc[0] * 2 > _requesters(v, "CSTO", True).sum()
          and _requesters(v, "CSTO", False).index[0] == "ARM"
          and _requesters(v, "CSTO", False).iloc[0] * 2 > _requesters(v, "CSTO", False).sum()
          and _requesters(v, "NATO", False).index[0] == "TUR"
          and _requesters(v, "NATO", False).iloc[0] * 2 > _requesters(v, "NATO", False).sum()),
    Guard("threshold_is_the_books",
          "below 0.05 ... the book's threshold",
          lambda v: ALPHA == 0.05),
)


def facts(tables: dict[str, pd.DataFrame], cutoff: pd.Timestamp) -> dict[str, str | int]:
    """Every value the appendix glues, by glue name, once every guard holds."""
    v = values(tables, cutoff)
    check_all(GUARDS, v)
    decisions = v.candidates.groupby(["organization", "decision"]).size()
    discrepancies = tables["discrepancies"]

    def count(org: str, decision: str) -> int:
        return int(decisions.get((org, decision), 0))

    return {
        "me_candidates": len(v.candidates),
        "me_csto_candidates": int((v.candidates["organization"] == "CSTO").sum()),
        "me_nato_candidates": int((v.candidates["organization"] == "NATO").sum()),
        "me_csto_included": count("CSTO", "include"),
        "me_nato_included": count("NATO", "include"),
        "me_excluded": count("CSTO", "exclude") + count("NATO", "exclude"),
        "me_outside": count("CSTO", "request_outside_universe")
        + count("NATO", "request_outside_universe"),
        "me_hybrid": count("CSTO", "hybrid_sensitivity") + count("NATO", "hybrid_sensitivity"),
        "me_ucdp_years": len(v.ucdp),
        "me_ucdp_conflicts": int(v.ucdp["conflict_id"].nunique()),
        "me_treaty_in_force": book.day_text(TREATY_IN_FORCE),
        "me_alternatives": len(ALTERNATIVES),
        "me_combinations": f"{v.grid.size:,}",
        "me_last_session": str(v.rules["last_roll_call_session"]),
        "me_disc": len(discrepancies),
        "me_disc_facts": len(discrepancies[["table", "record_id", "field"]].drop_duplicates()),
        **_family_facts(v),
    }


def _family_facts(v: SimpleNamespace) -> dict[str, str | int]:
    f = v.family
    troops, csto, nato = (_requesters(v, "CSTO", True), _requesters(v, "CSTO", False),
                          _requesters(v, "NATO", False))
    return {
        "me_family_n": len(f),
        "me_holm_lowest": cm.p_text(min(f["holm"].min(), f["holm_boschloo"].min())),
        "me_troops_fisher": cm.p_text(f.loc["troops", "fisher"]),
        "me_troops_boschloo": cm.p_text(f.loc["troops", "boschloo"]),
        "me_troops_holm": cm.p_text(f.loc["troops", "holm"]),
        "me_appeals_fisher": cm.p_text(f.loc["appeals", "fisher"]),
        "me_appeals_boschloo": cm.p_text(f.loc["appeals", "boschloo"]),
        "me_appeals_holm": cm.p_text(f.loc["appeals", "holm"]),
        "me_arm_troops": f"{troops.iloc[0]} of the CSTO's {troops.sum()}",
        "me_arm_requests": f"{csto.iloc[0]} of its {csto.sum()}",
        "me_tur_requests": f"{nato.iloc[0]} of NATO's {nato.sum()}",
    }


def _family_table(v: SimpleNamespace) -> str:
    lines = ["| test | CSTO | NATO | Fisher's p | Boschloo's p | Holm-adjusted p |",
             "| --- | --- | --- | --- | --- | --- |"]
    for r in v.family.itertuples():
        csto, nato = ((cm.k_of_n(*r.counts[:2]), cm.k_of_n(*r.counts[2:])) if r.counts
                      else ("stratified", "stratified"))
        ps = [cm.p_text(p).removeprefix("p = ") if not pd.isna(p) else "not defined"
              for p in (r.fisher, r.boschloo, r.holm)]
        lines.append(f"| {r.label[0].upper()}{r.label[1:]} | {csto} | {nato} | "
                     + " | ".join(ps) + " |")
    return "\n".join(lines)


def _candidate_table(v: SimpleNamespace, org: str) -> str:
    rows = v.candidates[v.candidates["organization"] == org].sort_values(
        ["date", "candidate_id"], kind="stable")
    lines = ["| candidate | member | crisis | start | category | frame | decision | reason |",
             "| --- | --- | --- | --- | --- | --- | --- | --- |"]
    for r in rows.itertuples():
        frame = (f"UCDP {r.frame_id}" if r.frame == "UCDP-ACD"
                 else str(r.frame).replace("event-list", "event list"))
        reason = str(r.reason).replace("|", "/")
        lines.append(f"| {r.candidate_id} | {r.member.replace(';', ', ')} | {r.crisis} | "
                     f"{r.date:%Y-%m-%d} | {CATEGORY_WORDS[r.category]} | {frame} | "
                     f"{DECISION_WORDS[r.decision]} | {reason} |")
    return "\n".join(lines)


def displays(tables: dict[str, pd.DataFrame], cutoff: pd.Timestamp) -> dict[str, str]:
    """The tables the appendix shows, as Markdown, each numbered and captioned: the response
    scale and the codebook's categories (``scale``), the alternatives of the robustness grid
    (``alternatives``), and the candidate crises of each alliance with the decision and reason
    for each (``candidates_csto``, ``candidates_nato``)."""
    v = values(tables, cutoff)
    lines = ["| alternative | written for |", "| --- | --- |"]
    lines += [f"| {a.description[0].upper()}{a.description[1:]} | {cm.SIDE_WORDS[a.side]} |"
              for a in ALTERNATIVES]
    return {
        "scale": book.caption_tables(dictionary.scale_markdown(),
                                     [(caption, f"tab-methods-{name}")
                                      for caption, name in dictionary.SCALE_CAPTIONS]),
        "alternatives": book.captioned(
            "\n".join(lines), "The alternative codings: each choice the main coding makes, "
            "made the other way, and the alliance it is written for.", "tab-alternatives"),
        "family": book.captioned(
            _family_table(v), "The tests of a difference between the alliances that the "
            "chapters state, under the main coding: Fisher's exact test (the exact stratified "
            "test where a row holds a stratum fixed), Boschloo's test where it is defined, and "
            "Fisher's p after Holm's correction over the whole family.", "tab-methods-family"),
        **{f"candidates_{org.lower()}": book.captioned(
            _candidate_table(v, org), f"Every crisis considered for the universe in the "
               f"{org}'s members, with the decision taken on it and the reason.",
            f"tab-candidates-{org.lower()}") for org in ("CSTO", "NATO")},
    }

