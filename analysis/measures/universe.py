"""The crisis universe of both alliances and every request in it, as records that a coding
reads (the codings are in :mod:`~analysis.measures.alternatives`).

Two kinds of record, built once from the tables:

* a **request record** (:func:`request_records`): one per row of ``requests`` (a request made,
  or an included crisis without one), with whom it went to (``addressed``), what it asked of
  the alliance and of the patron, and the highest level each responder reached;
* a **crisis record** (:func:`crisis_records`): one per row of ``crisis_candidates``, with its
  decision, category, casus foederis, and the request records it names.

The main coding follows the lead's binding decisions (DESIGN.md of the crisis research): a
request to the alliance or its organs is on the **alliance channel**; an appeal to the patron
(Russia for a CSTO member, the United States for a NATO member) is on the **patron channel**; a
request to both is on both; a request to another organization (the CIS, the EU) is on neither.
What counts as *got what it asked* is
:func:`~analysis.measures.conditional.got_what_was_asked`: the highest response of that channel
reached the level asked.

**Honoured** (a crisis that meets the casus foederis): the alliance gave the assistance its
treaty names, material aid or troops (:data:`HONOURED_FROM`, ``material_aid`` or more on the
response scale). Both treaties promise help that goes beyond words and meetings: the 1992 treaty
the assistance "including military" a member needs, NATO's Article 5 the action each ally deems
necessary "including the use of armed force". A statement, a council meeting or a monitoring
mission is no such assistance.
"""

from __future__ import annotations

import re

import pandas as pd

from ..data.codebook.fields import split_list
from ..data.codebook.vocabulary import PATRONS
from .levels import LEVEL_RANK

#: The day the 1992 treaty entered into force; the treaty-in-force alternative leaves out the
#: CSTO's requests and crises dated before it (NATO's treaty was in force throughout).
TREATY_IN_FORCE = pd.Timestamp("1994-04-20")

#: The lowest response level that honours a casus foederis: material aid (troops rank higher).
HONOURED_FROM = "material_aid"

#: A ``material_aid`` response whose description matches this may be a pledge, not a delivery;
#: each match is judged in :data:`PLEDGED` or :data:`DELIVERED`.
PLEDGE_PATTERN = r"\b(?:pledg\w*|promis\w*|endorsed|agreed to supply)\b"

#: Material aid responses that record a pledge or an endorsement, not a delivery (the pledges
#: alternative counts them as statements), with the reason.
PLEDGED: dict[str, str] = {
    "CSTO-2013-TJK-R1": "aid pledged at the Sochi summit; little had arrived by 2016",
    "CSTO-2021-TJK-R5": "a summit endorsed a programme in work since 2013",
    "CSTO-1999-KGZ-R2": "arms promised by Moscow; nothing had arrived three weeks later",
    "CSTO-1999-KGZ-R1": "the treaty partners agreed to supply arms and advisers; what is shown "
                        "to have come was Russian aid, recorded under R2",
}

#: Material aid responses whose description names a promise but records a delivery too.
DELIVERED: dict[str, str] = {
    "CSTO-2021-TJK-R6": "the promised armoured vehicles were handed over on 11 Sept 2021",
}

#: How a soft call's ``instrument`` begins: a public call with no letter, article or session
#: asked for (a soft call to the alliance, on either side).
SOFT_PREFIXES: tuple[str, ...] = ("none", "public appeal")

_RANK = LEVEL_RANK


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


def mark_in_universe(records: pd.DataFrame, candidates: pd.DataFrame) -> pd.DataFrame:
    """``records`` (:func:`request_records`) with ``in_universe``: whether a crisis the record
    names (a row of ``candidates`` whose ``request_id`` lists one of its ids) is included in the
    universe by the main coding's decision. A request outside the universe (a threat not carried
    out, fighting beyond the member's borders) is ``False``; the ``in_universe_only``
    alternative reads it."""
    included = {rid for ids, decision in zip(candidates["request_id"], candidates["decision"])
                if decision == "include" and not pd.isna(ids) for rid in split_list(ids)}
    out = records.copy()
    out["in_universe"] = [bool(set(split_list(r)) & included) for r in out["request_id"]]
    return out


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


def by_id(records: pd.DataFrame | list[dict]) -> dict[str, dict]:
    """Request records (a frame, or its rows as dicts) by request id (a joint record under each
    of its ids)."""
    out = {}
    rows = records.to_dict("records") if isinstance(records, pd.DataFrame) else records
    for record in rows:
        for rid in split_list(record["request_id"]):
            out[rid] = record
    return out


__all__ = [
    "DELIVERED",
    "HONOURED_FROM",
    "PLEDGED",
    "PLEDGE_PATTERN",
    "SOFT_PREFIXES",
    "TREATY_IN_FORCE",
    "by_id",
    "crisis_records",
    "mark_in_universe",
    "pledge_mask",
    "request_records",
]
