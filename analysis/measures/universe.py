"""The crisis universe of both alliances and every request in it, as records that one coding
reads: the main coding, or the main coding with any set of named alternatives
(:data:`ALTERNATIVES`).

Two kinds of record, built once from the tables:

* a **request record** (:func:`request_records`): one per row of ``requests`` (a request made,
  or an included crisis without one), with whom it went to (``addressed``), what it asked of
  the alliance and of the patron, and the highest level each responder reached;
* a **crisis record** (:func:`crisis_records`): one per row of ``crisis_candidates``, with its
  decision, category, casus foederis, and the request records it names.

A *coding* is a set of alternative names. :func:`code_request` and :func:`code_crisis` read a
record under a coding and return what the measures count: whether a request counts on the
alliance channel and on the patron channel, what it asked there and what came; whether a crisis
is in the universe, its category, whether it meets the casus foederis, whether it drew a request
to the alliance, to the patron or to either, and whether the alliance honoured it.

The main coding (no alternative) follows the lead's binding decisions (DESIGN.md of the crisis
research): a request to the alliance or its organs is on the **alliance channel**; an appeal to
the patron (Russia for a CSTO member, the United States for a NATO member) is on the **patron
channel**; a request to both is on both; a request to another organization (the CIS, the EU) is
on neither. What counts as *got what it asked* is
:func:`~analysis.measures.conditional.got_what_was_asked`: the highest response of that channel
reached the level asked.

**Honoured** (a crisis that meets the casus foederis): the alliance gave the assistance its
treaty names, material aid or troops (:data:`HONOURED_FROM`, ``material_aid`` or more on the
response scale). Both treaties promise help that goes beyond words and meetings: the 1992 treaty
the assistance "including military" a member needs, NATO's Article 5 the action each ally deems
necessary "including the use of armed force". A statement, a council meeting or a monitoring
mission is no such assistance.

Every alternative reads only the records it *touches* (:func:`touched_by`), decided from the
record as built, never from another alternative's result: flipping an alternative that does not
touch a record cannot change what the record contributes. :mod:`~analysis.measures.robustness`
relies on that to compute every combination of alternatives at once.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

import pandas as pd

from ..data.codebook.fields import split_list
from ..data.codebook.vocabulary import PATRONS, RESPONSE_LEVELS
from .levels import LEVEL_RANK

#: The day the 1992 treaty entered into force; the treaty-in-force alternative leaves out the
#: CSTO's requests and crises dated before it (NATO's treaty was in force throughout).
TREATY_IN_FORCE = pd.Timestamp("1994-04-20")

#: The lowest response level that honours a casus foederis: material aid (troops rank higher).
HONOURED_FROM = "material_aid"

#: A ``material_aid`` response whose description matches this may be a pledge, not a delivery;
#: each match is judged in :data:`PLEDGED` or :data:`DELIVERED`.
PLEDGE_PATTERN = r"\b(?:pledg\w*|promis\w*|endorsed)\b"

#: Material aid responses that record a pledge or an endorsement, not a delivery (the pledges
#: alternative counts them as statements), with the reason.
PLEDGED: dict[str, str] = {
    "CSTO-2013-TJK-R1": "aid pledged at the Sochi summit; little had arrived by 2016",
    "CSTO-2021-TJK-R5": "a summit endorsed a programme in work since 2013",
    "CSTO-1999-KGZ-R2": "arms promised by Moscow; nothing had arrived three weeks later",
}

#: Material aid responses whose description names a promise but records a delivery too.
DELIVERED: dict[str, str] = {
    "CSTO-2021-TJK-R6": "the promised armoured vehicles were handed over on 11 Sept 2021",
}

#: How a soft call's ``instrument`` begins: a public call with no letter, article or session
#: asked for (a soft call to the alliance, on either side).
SOFT_PREFIXES: tuple[str, ...] = ("none", "public appeal")

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
)

#: The alternatives by name.
BY_NAME: dict[str, Alternative] = {a.name: a for a in ALTERNATIVES}

_RANK = LEVEL_RANK
_MISSION = LEVEL_RANK["mission"]


def _rank(level: object) -> int:
    return LEVEL_RANK["none"] if pd.isna(level) else LEVEL_RANK[str(level)]


def pledge_mask(responses: pd.DataFrame) -> pd.Series:
    """Mask of the responses in :data:`PLEDGED`. Raises :class:`ValueError` naming a
    ``material_aid`` response whose description matches :data:`PLEDGE_PATTERN` but that is in
    neither :data:`PLEDGED` nor :data:`DELIVERED`, so that a new row gets a decision."""
    found = re.compile(PLEDGE_PATTERN, re.IGNORECASE)
    judged = set(PLEDGED) | set(DELIVERED)
    for rid, level, text in zip(responses["response_id"].tolist(), responses["level"].tolist(),
                                responses["description"].tolist()):
        if (level == "material_aid" and isinstance(text, str) and found.search(text)
                and rid not in judged):
            raise ValueError(f"responses row {rid}: material aid described as a pledge or a "
                             "promise is in neither PLEDGED nor DELIVERED")
    return responses["response_id"].isin(set(PLEDGED)).astype(bool)


def _highest(responses: pd.DataFrame, pledged: pd.Series) -> dict[tuple[str, str], tuple[int,
                                                                                          int]]:
    """(request_id, responder) -> (highest rank, highest rank with pledges as statements)."""
    out: dict[tuple[str, str], tuple[int, int]] = {}
    for rid, who, level, pledge in zip(responses["request_id"].tolist(),
                                       responses["responder"].tolist(),
                                       responses["level"].tolist(), pledged.tolist()):
        full = _rank(level)
        lowered = min(full, LEVEL_RANK["statement"]) if pledge else full
        old = out.get((rid, who), (0, 0))
        out[(rid, who)] = (max(old[0], full), max(old[1], lowered))
    return out


def request_records(requests: pd.DataFrame, responses: pd.DataFrame) -> pd.DataFrame:
    """One record per row of ``requests``: ``request_id``, ``organization``, ``requester``,
    ``crisis``, ``date``; ``made`` (a request was made), ``addressed`` (``addressed_to``),
    ``soft`` (a public call: :data:`SOFT_PREFIXES`), ``patron_own`` (the requester is the
    patron); ``ask_alliance`` (``asked_level``) and ``ask_patron`` (``patron_asked_level``) as
    ranks (-1 when not asked); and, for each responder (``alliance``, ``patron``, ``other``), the
    highest rank reached (``<responder>_full``) and the same with pledges as statements
    (``<responder>_pledge_out``); 0 (``none``) when the responder has no row.

    A joint request (several requesters of one alliance asking on one day about one crisis) is
    folded into one record: its ids and requesters joined with ``;``, the highest ranks kept.
    """
    pledged = pledge_mask(responses)
    highest = _highest(responses, pledged)
    rows: dict[tuple, dict] = {}
    for r in requests.itertuples(index=False):
        made = r.request_made == "yes"
        key = (r.organization, r.crisis, r.date, made) if made else (r.request_id,)
        record = {
            "request_id": r.request_id, "organization": r.organization,
            "requester": r.requester, "crisis": r.crisis, "date": r.date, "made": made,
            "addressed": r.addressed_to,
            "soft": made and isinstance(r.instrument, str)
            and r.instrument.startswith(SOFT_PREFIXES),
            "patron_own": PATRONS.get(r.organization) in split_list(r.requester),
            "ask_alliance": _rank(r.asked_level) if made and not pd.isna(r.asked_level) else -1,
            "ask_patron": (_rank(r.patron_asked_level)
                           if made and not pd.isna(r.patron_asked_level) else -1),
        }
        for who, name in (("alliance", "alliance"), ("patron", "patron"),
                          ("other_organization", "other")):
            full, lowered = highest.get((r.request_id, who), (0, 0))
            record[f"{name}_full"], record[f"{name}_pledge_out"] = full, lowered
        if key in rows:
            old = rows[key]
            old["request_id"] = ";".join(sorted(split_list(old["request_id"]) + [r.request_id]))
            old["requester"] = ";".join(sorted(set(split_list(old["requester"]))
                                               | set(split_list(r.requester))))
            for column in ("alliance_full", "alliance_pledge_out", "patron_full",
                           "patron_pledge_out", "other_full", "other_pledge_out"):
                old[column] = max(old[column], record[column])
        else:
            rows[key] = record
    return pd.DataFrame(list(rows.values()))


def crisis_records(candidates: pd.DataFrame, requests: pd.DataFrame,
                   conflicts: pd.DataFrame) -> pd.DataFrame:
    """One record per row of ``crisis_candidates``: ``candidate_id``, ``organization``,
    ``member``, ``crisis``, ``date``, ``category``, ``decision``, ``casus`` (bool), ``covert``,
    ``deaths`` (NaN when unknown), ``patron_own``, ``links`` (the ``request_id`` of each row of
    ``requests`` it names, as a tuple), and two flags the universe alternatives read:

    * ``clash``: an excluded armed attack with at least one death whose reason calls it part of
      a continuing campaign (``continu...``): a crisis of its own when every deadly clash counts;
    * ``in_conflict``: a terrorist attack with a T4 threshold on a member's territory in a year
      in which ``conflicts`` (the vendored UCDP/PRIO extract) records an internal armed conflict
      there with the member's government a party: folded when attacks fold into their conflict.
      The rule goes by place and year, not by perpetrator.
    """
    known = set(requests["request_id"])
    internal = conflicts[conflicts["type_of_conflict"].isin(
        ("intrastate", "internationalized_intrastate"))
        & conflicts["side_a"].str.contains("Government of", regex=False)]
    active = {(state, int(year)) for states, year in zip(internal["states"], internal["year"])
              for state in split_list(states)}
    rows = []
    for c in candidates.itertuples(index=False):
        links = tuple(split_list(c.request_id)) if not pd.isna(c.request_id) else ()
        missing = [rid for rid in links if rid not in known]
        if missing:
            raise ValueError(f"crisis_candidates row {c.candidate_id} names unknown request(s) "
                             f"{missing}")
        members = split_list(c.member)
        reason = c.reason if isinstance(c.reason, str) else ""
        deaths = float(c.deaths) if not pd.isna(c.deaths) else float("nan")
        rows.append({
            "candidate_id": c.candidate_id, "organization": c.organization, "member": c.member,
            "crisis": c.crisis, "date": c.date, "category": c.category,
            "decision": c.decision, "threshold": c.threshold,
            "casus": c.casus_foederis == "yes", "covert": c.covert == "yes",
            "deaths": deaths, "patron_own": PATRONS.get(c.organization) in members,
            "links": links,
            "clash": (c.decision == "exclude" and c.category == "armed_attack"
                      and deaths >= 1 and "continu" in reason.lower()),
            "in_conflict": (c.decision == "include" and c.category == "terrorist_attack"
                            and c.threshold == "T4"
                            and any((m, c.date.year) in active for m in members)),
        })
    return pd.DataFrame(rows)


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
                                       "su24_not_request"} & on)
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
    (``casus`` and ``level`` at least :data:`HONOURED_FROM`).
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


def by_id(records: pd.DataFrame) -> dict[str, dict]:
    """Request records by request id (a joint record under each of its ids)."""
    out = {}
    for record in records.to_dict("records"):
        for rid in split_list(record["request_id"]):
            out[rid] = record
    return out


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
    "DELIVERED",
    "HONOURED_FROM",
    "NATO_2001",
    "NATO_2014",
    "NATO_SU24",
    "PLEDGED",
    "PLEDGE_PATTERN",
    "RECODED",
    "SOFT_PREFIXES",
    "TREATY_IN_FORCE",
    "Alternative",
    "by_id",
    "code_crisis",
    "code_request",
    "coded_crises",
    "coded_requests",
    "crisis_records",
    "crisis_touched_by",
    "pledge_mask",
    "request_records",
    "request_touched_by",
]
