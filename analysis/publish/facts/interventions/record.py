"""The record the interventions chapter reads: its constants, :func:`values` and the helpers
its guards, facts and figures share."""

from __future__ import annotations

from types import SimpleNamespace

import pandas as pd

from ....measures import calls as by_channel
from ....measures import compare, interventions, provenance
from ....measures.requests import request_outcomes
from ... import book

#: The Kazakhstan deployment's response, whose troop numbers the sources dispute.
KAZ_RESPONSE = "CSTO-2022-KAZ-R1"
#: Deployments whose end no response row gives, ended by an event: the CIS closed the
#: peacekeeping operation in Abkhazia in October 2008.
ENDS = {"CSTO-1994-GEO-R2": "E845"}
#: Deployments whose end no source gives, with the last event that shows the force in place: the
#: Kyrgyz battalion's return from the CIS force in Tajikistan in March 1999.
ATTESTED = {"CSTO-1993-TJK-R1": "E808"}
#: The events the chapter dates: the treaty's entry into force, Tokayev's appeal, the Council's
#: decision, Serdyukov's appointment, the order to fire, the last troops out, the Tajik
#: contingent's return, the Kyrgyz and Tajik parliaments' votes, the 2010 protocols.
EVENTS = {"in_force": "E005", "kaz_appeal": "E811", "kaz_decision": "E028",
          "kaz_command": "E814", "kaz_fire": "E813", "kaz_last_out": "E816",
          "kaz_tjk_out": "E902", "kaz_kgz_vote": "E812", "kaz_tjk_vote": "E901",
          "protocol_signed": "E043", "protocol_in_force": "E044", "kaz_session": "E815",
          "regulations": "E920",
          "signed": "E001", "joint_staff": "E045"}
#: The crisis candidate that dates the start of the Kazakh protests.
KAZ_PROTESTS = "CSTO-C-080"
#: The reported numbers the chapter states (data/quantities.csv), by what they count.
NUMBERS = {"rus": "Q001", "blr": "Q002", "tjk": "Q003", "kgz": "Q004", "kgz_early": "Q005",
           "kgz_vehicles": "Q006", "arm": "Q007", "arm_early": "Q008", "vehicles": "Q009",
           "dead_first": "Q010", "dead_march": "Q011", "dead_security": "Q012",
           "dead_final": "Q013"}
#: Who gave each figure for the whole Kazakhstan force, and when (by the source of its row in
#: data/discrepancies.csv), as the figure labels it.
TOTAL_LABELS = {
    "req-qazaqtv-kaz-2022": "Qazaq TV, 13 Jan: still there",
    "req-rbc-kaz-2022;req-lb-kaz-2022": "Tokayev to the Council, 10 Jan",
    "req-sputnik-kaz-2022": "Secretary General Zas, 6 Jan",
    "req-sbby-kaz-withdrawal-2022": "Withdrawal report, 19 Jan: left",
    "req-seed-biznesalert-2022": "Nominal size of the whole force",
    "req-apostrophe-kaz-2022": "Sum of an early breakdown",
}
#: The Collective Security Council session on the Kazakhstan operation (its chair's state).
KAZ_SESSION = "CSC-2022-01-10-video-extraordinary"
#: The CSTO's collective peacekeeping forces (data/forces.csv).
PEACEKEEPING_FORCES = "F03"


def values(tables: dict[str, pd.DataFrame], cutoff: pd.Timestamp) -> SimpleNamespace:
    """What the chapter's sentences rest on: the CSTO's requests (``requests``, by id) and the
    alliance's outcomes (``outcomes``), every call by channel (``calls``), every deployment
    (``deployed``), the timeline's marks and crises per year (``marks``, ``per_year``), the
    responses, events and reported numbers by id, the invocations of Article 4 after the treaty
    entered into force (``invocations``) and the calls to the treaty's partners before it
    (``before_force``), the competing troop totals for Kazakhstan (``totals``), the chair of the
    session on Kazakhstan (``kaz_chair``) and the nominal size of the peacekeeping forces
    (``nominal``)."""
    reqs = tables["requests"][tables["requests"]["organization"] == "CSTO"]
    calls = by_channel.calls_by_channel(reqs, tables["responses"])
    deployed = interventions.deployments(reqs, tables["responses"], tables["events"], ENDS,
                                         ATTESTED)
    names = book.state_names(tables["states"])
    events = tables["events"].set_index("event_id")
    in_force = events.at[EVENTS["in_force"], "date"]
    clauses = compare.clause_invocations(reqs, tables["responses"])
    article4 = clauses[clauses["clause"] == "collective_defence"]
    made = reqs[reqs["request_made"] == "yes"]
    treaty = made["instrument"].fillna("").str.contains("Collective Security Treaty")
    sessions = tables["summit_attendance"].drop_duplicates("session_id").set_index("session_id")
    return SimpleNamespace(
        requests=reqs.set_index("request_id"),
        outcomes=request_outcomes(reqs, tables["responses"]).set_index("request_id"),
        calls=calls,
        deployed=deployed,
        marks=by_channel.channel_marks(calls, tables["responses"], deployed, names),
        per_year=by_channel.calls_per_year(reqs),
        responses=tables["responses"].set_index("response_id"),
        events=events,
        numbers=tables["quantities"].set_index("quantity_id"),
        in_force=in_force,
        invocations=article4[article4["date"] >= in_force],
        before_force=made[treaty.to_numpy(dtype=bool) & (made["date"] < in_force).to_numpy(
            dtype=bool) & made["addressed_to"].isin(["alliance", "both"]).to_numpy(dtype=bool)],
        totals=provenance.competing_values(tables["discrepancies"], "responses", KAZ_RESPONSE,
                                           "troops"),
        kaz_chair=sessions.at[KAZ_SESSION, "chair_state"],
        nominal=tables["forces"].set_index("force_id").at[PEACEKEEPING_FORCES, "strength"],
        names=names,
        protests=tables["crisis_candidates"].set_index("candidate_id").at[KAZ_PROTESTS, "date"],
    )


# --- what the guards, facts and figures read -----------------------------------------------------

def calls_to(v: SimpleNamespace, channel: str) -> pd.DataFrame:
    """The calls made through ``channel``, by request id."""
    return v.calls[v.calls["channel"] == channel].set_index("request_id")


def deployed_by(v: SimpleNamespace, responder: str) -> list[str]:
    """The requests ``responder`` sent troops for."""
    d = v.deployed
    return d.loc[d["responder"] == responder, "request_id"].tolist()


def number(v: SimpleNamespace, key: str) -> float:
    """A reported number (:data:`NUMBERS`) by what it counts."""
    return float(v.numbers.at[NUMBERS[key], "value"])


def preferred_sum(v: SimpleNamespace) -> float:
    """The country figures added up, each state's own figure where it gave one."""
    return sum(number(v, k) for k in ("rus", "blr", "tjk", "kgz", "arm"))


def total(v: SimpleNamespace, source: str) -> float:
    """The figure for the whole Kazakhstan force that ``source`` gave."""
    t = v.totals
    return float(t.loc[t["source"] == source, "value"].astype(float).iloc[0])


def used_total(v: SimpleNamespace) -> float:
    """The figure for the whole Kazakhstan force the book uses."""
    return float(v.totals.loc[v.totals["used"], "value"].astype(float).iloc[0])


def event_day(v: SimpleNamespace, key: str) -> pd.Timestamp:
    """The day of an event the chapter dates (:data:`EVENTS`)."""
    return v.events.at[EVENTS[key], "date"]


def looser(v: SimpleNamespace) -> list[str]:
    """Calls that cited the treaty: the invocations of Article 4 and the calls to the treaty's
    partners before it was in force."""
    named = [r for ids in v.invocations["request_ids"] for r in ids.split(";")]
    return sorted(set(named) | set(v.before_force["request_id"]))


def unasked(v: SimpleNamespace) -> list[str]:
    """Russia's deployments that answered no appeal to Russia."""
    return sorted(set(deployed_by(v, "patron")) - set(calls_to(v, "patron").index))
