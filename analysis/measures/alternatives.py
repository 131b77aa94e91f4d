"""The named alternatives to the main coding, and how a record reads under any set of them.

Each :class:`Alternative` changes one coding choice; :data:`ALTERNATIVES` lists every one the
robustness grid crosses, for both alliances and in both directions. A *coding* is a set of
alternative names. :func:`code_request` and :func:`code_crisis` read a record of
:mod:`~analysis.measures.universe` under a coding and return what the measures count.

Every alternative reads only the records it *touches* (:func:`request_touched_by`,
:func:`crisis_touched_by`), decided from the record as built, never from another alternative's
result: flipping an alternative that does not touch a record cannot change what the record
contributes. :mod:`~analysis.measures.robustness` relies on that to compute every combination
of alternatives at once.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import pandas as pd

from ..data.codebook.fields import split_list
from ..data.codebook.vocabulary import RESPONSE_LEVELS
from .levels import LEVEL_RANK
from .universe import HONOURED_FROM, TREATY_IN_FORCE, by_id

_MISSION = LEVEL_RANK["mission"]

#: The NATO codings the referee asked to vary, by alternative: the request concerned.
NATO_2001 = "NATO-A5-2001-USA"
NATO_2014 = "NATO-A4-2014-POL"
NATO_SU24 = "NATO-2015-TUR-2"

#: Threat recodings (candidate ids) the issue names, with what each alternative makes of the
#: crisis: its category and whether it meets the casus foederis (and, for Estonia 2025, its
#: inclusion).
RECODED: dict[str, tuple[str, str, bool]] = {
    "batken_1999": ("CSTO-C-024", "terrorist_attack", False),
    "tajikistan_1993": ("CSTO-C-009", "internal_armed_conflict", False),
    "kazakhstan_2022": ("CSTO-C-080", "armed_attack", True),
    "armenia_nov_2021": ("CSTO-C-077", "armed_attack", False),
    "estonia_2025": ("NATO-C-078", "armed_attack", True),
}

#: Fights between two parties to the same treaty (candidate ids, with the other party). The main
#: coding keeps them outside the casus foederis on both sides, since each treaty's obligation is
#: against an attack from outside the alliance; the ``intra_alliance_casus`` alternative counts
#: them in, on both sides.
INTRA_ALLIANCE: dict[str, str] = {
    "NATO-C-007": "Turkey (Imia, 1996)",
    "CSTO-C-011": "Armenia (1993-94)",
    "CSTO-C-018": "Armenia (1997-98)",
    "CSTO-C-059": "Tajikistan (2014)",
    "CSTO-C-073": "Tajikistan (2021)",
    "CSTO-C-085": "Tajikistan (2022)",
}

#: Attacks on a member that arise from a war the member itself began (candidate ids, with the
#: war): meet the casus foederis in the main coding by its literal definition (an armed attack on
#: a member's territory); the ``own_war_out`` alternative takes them out, on both sides.
OWN_WAR: dict[str, str] = {
    "CSTO-C-079": "Ukraine's strikes on Russia in the war Russia began",
    "CSTO-C-088": "the raids into Belgorod region from Ukraine",
    "CSTO-C-096": "Ukraine's incursion into Kursk region",
    "NATO-C-055": "fire from Syria answering Turkey's offensive of October 2019",
    "NATO-C-082": "fire from Afrin answering Turkey's offensive of January 2018",
    "NATO-C-083": "fire from Syria after Turkey's air strikes of November 2022",
}


@dataclass(frozen=True)
class Alternative:
    """A named way of coding some records otherwise: ``side`` says whose records it was
    written for (``CSTO``, ``NATO``, ``both``, ``threat`` or ``universe``), ``description``
    what it changes, in the book's words."""

    name: str
    side: str
    description: str


#: Every alternative the robustness grid crosses, in a fixed order.
ALTERNATIVES: tuple[Alternative, ...] = (
    Alternative("treaty_in_force", "CSTO",
                "only what happened once the 1992 treaty was in force (from 20 April 1994)"),
    Alternative("other_organizations_in", "both",
                "requests to another organization (the CIS; the EU for France in 2015) counted "
                "as requests to the alliance, and that organization's answer as the alliance's"),
    Alternative("soft_calls_out", "both",
                "public calls for help without a letter, article or session asked for not "
                "counted as requests (Kyrgyzstan 2010; Estonia 2014)"),
    Alternative("pledges_not_aid", "CSTO",
                "aid pledged but not shown to arrive counted as a statement"),
    Alternative("csto_patron_appeals_in", "CSTO",
                "appeals to Russia counted as requests to the alliance as well"),
    Alternative("nato_2001_statement", "NATO",
                "the United States' ask of October 2001 coded as a statement of solidarity, "
                "not troops"),
    Alternative("nato_2014_mission", "NATO",
                "the alliance's answer to Poland in 2014 coded as a mission, not troops"),
    Alternative("su24_not_request", "NATO",
                "Turkey's call for a council meeting after the Su-24 downing in 2015 not "
                "counted as a request"),
    Alternative("nato_patron_appeals_in", "NATO",
                "appeals to the United States counted as requests to the alliance as well"),
    Alternative("batken_1999", "threat",
                "Batken 1999 coded as terrorism spilling over, not an armed attack"),
    Alternative("tajikistan_1993", "threat",
                "Tajikistan 1993 coded as the civil war, not an attack from Afghanistan"),
    Alternative("kazakhstan_2022", "threat",
                "Kazakhstan 2022 coded as its government framed it: an armed attack from "
                "abroad"),
    Alternative("armenia_nov_2021", "threat",
                "Armenia's border fighting of November 2021 coded as a border clash that does "
                "not engage the treaty"),
    Alternative("estonia_2025", "threat",
                "the MiG-31s over Estonia in 2025 coded as an armed attack, inside the "
                "universe"),
    Alternative("hybrid_in", "universe",
                "hybrid incidents and covert operations in the universe (covert ones with "
                "deaths as armed attacks)"),
    Alternative("every_deadly_clash", "universe",
                "every deadly border clash a crisis of its own, not only the start of a "
                "campaign"),
    Alternative("terror_folded", "universe",
                "terrorist attacks folded into an armed conflict on the member's territory in "
                "the same year"),
    Alternative("in_universe_only", "both",
                "only requests about crises inside the universe counted (requests about a "
                "threat not carried out or fighting beyond the member's borders left out)"),
    Alternative("intra_alliance_casus", "both",
                "fights between two parties to the same treaty counted as meeting the casus "
                "foederis (Armenia and Azerbaijan, Kyrgyzstan and Tajikistan; Greece and "
                "Turkey at Imia)"),
    Alternative("own_war_out", "both",
                "attacks arising from a war the member itself began not counted as meeting the "
                "casus foederis (Ukraine's strikes on Russia, Belgorod, Kursk; Turkey 2019)"),
)

#: The alternatives by name.
BY_NAME: dict[str, Alternative] = {a.name: a for a in ALTERNATIVES}

# ------------------------------------------------------------------ which records each touches

def request_touched_by(record: dict) -> frozenset[str]:
    """The alternatives that can change what a request record contributes."""
    names = set()
    org, made = record["organization"], record["made"]
    if org == "CSTO" and record["date"] < TREATY_IN_FORCE and made:
        names.add("treaty_in_force")
    if record["addressed"] == "other_organization":
        names.add("other_organizations_in")
    if record["soft"]:
        names.add("soft_calls_out")
    if any(record[f"{w}_full"] != record[f"{w}_pledge_out"] for w in
           ("alliance", "patron", "other")):
        names.add("pledges_not_aid")
    if record["addressed"] == "patron":
        names.add("csto_patron_appeals_in" if org == "CSTO" else "nato_patron_appeals_in")
    if made and not record.get("in_universe", True):
        names.add("in_universe_only")
    ids = set(split_list(record["request_id"]))
    for name, rid in (("nato_2001_statement", NATO_2001), ("nato_2014_mission", NATO_2014),
                      ("su24_not_request", NATO_SU24)):
        if rid in ids:
            names.add(name)
    return frozenset(names)


def crisis_touched_by(record: dict, requests: dict[str, dict]) -> frozenset[str]:
    """The alternatives that can change what a crisis record contributes: its own, and those
    of every request record it names (``requests``: request id -> record)."""
    names: set[str] = set()
    if record["organization"] == "CSTO" and record["date"] < TREATY_IN_FORCE:
        names.add("treaty_in_force")
    for name, (cid, _, _) in RECODED.items():
        if record["candidate_id"] == cid:
            names.add(name)
    if record["decision"] == "hybrid_sensitivity" or (
            record["decision"] == "request_outside_universe" and record["category"] == "hybrid"):
        names.add("hybrid_in")
    if record["clash"]:
        names.add("every_deadly_clash")
    if record["in_conflict"]:
        names.add("terror_folded")
    if record["candidate_id"] in INTRA_ALLIANCE:
        names.add("intra_alliance_casus")
    if record["candidate_id"] in OWN_WAR:
        names.add("own_war_out")
    for rid in record["links"]:
        names |= request_touched_by(requests[rid])
    return frozenset(names)


# ------------------------------------------------------------------ reading a record

def code_request(record: dict, active: Iterable[str] = ()) -> dict:
    """What a request record contributes under the coding ``active`` (alternative names; only
    those that touch the record are read).

    Returns ``counted`` (a request made that the coding counts), ``alliance`` and ``patron``
    (counted on that channel), ``ask_alliance`` / ``ask_patron`` (ranks, -1 when off the
    channel), ``got_alliance`` / ``got_patron`` (the highest rank that channel's responder
    reached) and ``level_alliance`` (the alliance's highest rank, counted or not: what
    honouring reads).
    """
    on = request_touched_by(record) & set(active)
    counted = record["made"] and not ({"treaty_in_force", "soft_calls_out",
                                       "su24_not_request", "in_universe_only"} & on)
    addressed = record["addressed"]
    other_in = "other_organizations_in" in on
    if other_in:
        addressed = "alliance"
    if on & {"csto_patron_appeals_in", "nato_patron_appeals_in"}:
        addressed = "both"
    suffix = "pledge_out" if "pledges_not_aid" in on else "full"
    alliance = record[f"alliance_{suffix}"]
    if other_in:
        alliance = max(alliance, record[f"other_{suffix}"])
    if "nato_2014_mission" in on:
        alliance = min(alliance, _MISSION)
    ask_alliance = record["ask_alliance"]
    if "nato_2001_statement" in on:
        ask_alliance = LEVEL_RANK["statement"]
    on_alliance = counted and addressed in ("alliance", "both")
    on_patron = counted and addressed in ("patron", "both") and not record["patron_own"]
    return {
        "counted": counted, "alliance": on_alliance, "patron": on_patron,
        "ask_alliance": ask_alliance if on_alliance else -1,
        "ask_patron": record["ask_patron"] if on_patron else -1,
        "got_alliance": alliance, "got_patron": record[f"patron_{suffix}"],
        "level_alliance": alliance,
    }


def code_crisis(record: dict, requests: dict[str, dict], active: Iterable[str] = ()) -> dict:
    """What a crisis record contributes under the coding ``active``.

    Returns ``included`` (in the universe), ``category``, ``casus``, ``alliance`` / ``patron``
    / ``either`` (a counted request it names went to the alliance, to the patron, to either),
    ``level`` (the alliance's highest rank over the request rows it names) and ``honoured``
    (``casus`` and ``level`` at least :data:`~analysis.measures.universe.HONOURED_FROM`).
    """
    active = set(active)
    on = crisis_touched_by(record, requests) & active
    included = record["decision"] == "include"
    category, casus = record["category"], record["casus"]
    if "hybrid_in" in on:
        included = True
        if record["covert"] and record["deaths"] >= 1:
            category = "armed_attack"
    if "every_deadly_clash" in on:
        included, casus = True, True
    if "terror_folded" in on:
        included = False
    if "intra_alliance_casus" in on:
        casus = True
    if "own_war_out" in on:
        casus = False
    for name, (_, new_category, new_casus) in RECODED.items():
        if name in on:
            category, casus = new_category, new_casus
            if name == "estonia_2025":
                included = True
    if "treaty_in_force" in on and record["date"] < TREATY_IN_FORCE:
        included = False
    coded = [code_request(requests[rid], active) for rid in record["links"]]
    level = max((c["level_alliance"] for c in coded), default=LEVEL_RANK["none"])
    to_alliance = any(c["alliance"] for c in coded)
    to_patron = any(c["patron"] for c in coded)
    return {
        "included": included, "category": category, "casus": bool(casus),
        "alliance": to_alliance, "patron": to_patron, "either": to_alliance or to_patron,
        "level": level, "honoured": bool(casus) and level >= LEVEL_RANK[HONOURED_FROM],
    }


def coded_requests(records: pd.DataFrame, active: Iterable[str] = ()) -> pd.DataFrame:
    """Every request record with what it contributes under the coding ``active``
    (:func:`code_request`'s columns added; ``ask_*`` and ``got_*`` as level names, ``<NA>`` off
    the channel)."""
    active = list(active)
    unknown = sorted(set(active) - set(BY_NAME))
    if unknown:
        raise ValueError(f"unknown alternative(s) {unknown}; see ALTERNATIVES")
    coded = pd.DataFrame([code_request(r, active) for r in records.to_dict("records")],
                         index=records.index)
    out = pd.concat([records[["request_id", "organization", "requester", "crisis", "date",
                              "addressed", "patron_own"]], coded], axis=1)
    for column in ("ask_alliance", "ask_patron", "got_alliance", "got_patron",
                   "level_alliance"):
        out[column] = pd.array([RESPONSE_LEVELS[v] if v >= 0 else pd.NA
                                for v in out[column].tolist()], dtype="string")
    return out


def coded_crises(records: pd.DataFrame, requests: pd.DataFrame,
                 active: Iterable[str] = ()) -> pd.DataFrame:
    """Every crisis record with what it contributes under the coding ``active``
    (:func:`code_crisis`'s columns, ``category`` and ``casus`` as coded)."""
    active = list(active)
    unknown = sorted(set(active) - set(BY_NAME))
    if unknown:
        raise ValueError(f"unknown alternative(s) {unknown}; see ALTERNATIVES")
    lookup = by_id(requests)
    coded = pd.DataFrame([code_crisis(r, lookup, active) for r in records.to_dict("records")],
                         index=records.index)
    base = records.drop(columns=["category", "casus"])
    out = pd.concat([base, coded], axis=1)
    out["level"] = pd.array([RESPONSE_LEVELS[v] for v in out["level"].tolist()],
                            dtype="string")
    return out


__all__ = [
    "ALTERNATIVES",
    "BY_NAME",
    "INTRA_ALLIANCE",
    "OWN_WAR",
    "NATO_2001",
    "NATO_2014",
    "NATO_SU24",
    "RECODED",
    "Alternative",
    "code_crisis",
    "code_request",
    "coded_crises",
    "coded_requests",
    "crisis_touched_by",
    "request_touched_by",
]
