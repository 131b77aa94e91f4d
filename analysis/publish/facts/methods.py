"""Facts of the methods appendix (``book/methods.md``): the crisis universe (frame, window,
thresholds, decisions, the candidate list), requests and the two channels, the borderline
example of each rung, the exact tests and the combinations of codings, and the vote-agreement
rule of each figure."""

from __future__ import annotations

import inspect
from types import SimpleNamespace

import pandas as pd

from ...data import dictionary
from ...data.codebook.fields import split_list
from ...measures import agreement, roll_calls, ukraine, votes
from ...measures.alternatives import ALTERNATIVES
from ...measures.exact import ALPHA
from ...measures.universe import TREATY_IN_FORCE
from .. import book
from . import comparison as cm
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


def _default(function: object, parameter: str) -> object:
    return inspect.signature(function).parameters[parameter].default


def values(tables: dict[str, pd.DataFrame], cutoff: pd.Timestamp) -> SimpleNamespace:
    """What the appendix's sentences rest on: the comparison's shared values
    (:func:`.comparison.values`), the candidates by id (``by_id``), the requests by id
    (``request_rows``), the responses by id, the UCDP extract, and the vote-agreement rules the
    figures use (``rules``: figure -> the rule its code applies)."""
    v = cm.values(tables, cutoff)
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
        ucdp=tables["ucdp_conflicts"], rules=rules,
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
    }


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
        **{f"candidates_{org.lower()}": book.captioned(
            _candidate_table(v, org), f"Every crisis considered for the universe in the "
               f"{org}'s members, with the decision taken on it and the reason.",
            f"tab-candidates-{org.lower()}") for org in ("CSTO", "NATO")},
    }

