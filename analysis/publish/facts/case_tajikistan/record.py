"""The record the case of Tajikistan and the 1990s reads: its constants, :func:`values` and the
helpers its guards, facts and figures share."""

from __future__ import annotations

from types import SimpleNamespace

import pandas as pd

from ....measures import interventions, records
from ....measures.records import Span
from ... import book

#: The events the chapter dates, by what they are.
EVENTS = {
    "signed": "E001", "war": "E800", "raid": "E801", "cis_force": "E802", "unmot": "E803",
    "extended": "E804", "peace": "E805", "unmot_widened": "E806", "unmot_killed": "E807",
    "battalions_home": "E808", "unmot_end": "E809", "handover": "E810", "aze_joins": "E002",
    "geo_joins": "E003", "in_force": "E005", "renewed": "E007", "left": "E008",
    "guam_uzb": "E006", "uzb_back": "E014", "uzb_note": "E026", "uzb_suspended": "E027",
    "georgia_cis": "E837", "karabakh_ceasefire": "E838", "abkhaz_ceasefire": "E839",
    "abkhaz_force": "E840", "arms_affair": "E841", "guam": "E842", "not_prolong": "E843",
    "uzb_leaves_guam": "E844", "abkhaz_end": "E845",
}
#: The reported numbers the chapter states (data/quantities.csv).
NUMBERS = {
    "dead_rferl": "Q020", "dead_rferl_2021": "Q021", "dead_epkenhans": "Q022",
    "displaced": "Q023", "raid_guards": "Q024", "raid_civilians": "Q025", "cis_1998": "Q026",
    "cis_1999": "Q027", "russians_1996": "Q028", "border_troops": "Q029",
    "observers_before": "Q030", "observers_after": "Q031", "unmot_dead": "Q032",
    "abkhaz_size": "Q040", "abkhaz_1999": "Q041", "abkhaz_2008": "Q042", "arms_usd": "Q043",
    "arms_tanks": "Q044", "arms_ifv": "Q045",
}
#: Who was in Tajikistan, and when (the forces figure), with the owner each bar is coloured by.
SPANS = (
    (Span("Civil war", "events:E800", end="events:E805"), "war"),
    (Span("Russia's 201st division", None, end="bases:B31:end"), "russia"),
    (Span("Russia's 201st base", "bases:B03:start", ongoing=True), "russia"),
    (Span("Russian border troops", None, end="bases:B32:end"), "russia"),
    (Span("CIS peacekeeping forces", "responses:CSTO-1993-TJK-R1", attested="events:E808"),
     "cis"),
    (Span("UN observers (UNMOT)", "events:E803", end="events:E809"), "un"),
)
#: The milestones labelled above the forces figure: record -> (kind, label).
MILESTONES = {
    "events:E801": ("crisis", "raid from Afghanistan"),
    "events:E802": ("other", "CIS forms the force"),
    "events:E005": ("other", "treaty in force"),
    "events:E805": ("own_step", "peace agreement"),
    "events:E807": ("crisis", "UN observers killed"),
    "events:E808": ("other", "last allied battalion leaves"),
    "events:E810": ("other", "border handover begins"),
}
#: The treaty's first decade on one line: record -> (kind, label).
DECADE = {
    "events:E001": ("other", "treaty signed"),
    "events:E002": ("other", "Azerbaijan joins"),
    "events:E837": ("crisis", "Georgia turns to the CIS"),
    "events:E003": ("other", "Georgia joins"),
    "events:E005": ("other", "in force"),
    "events:E838": ("own_step", "Karabakh ceasefire"),
    "events:E840": ("other", "CIS force for Abkhazia"),
    "events:E841": ("crisis", "arms affair"),
    "events:E842": ("own_step", "GUAM formed"),
    "events:E843": ("other", "two announce exit"),
    "events:E008": ("other", "three leave"),
}
#: The figures' windows.
FORCES_WINDOW = (pd.Timestamp("1992-01-01"), pd.Timestamp("2007-01-01"))
DECADE_WINDOW = (pd.Timestamp("1991-11-01"), pd.Timestamp("2000-03-01"))


def values(tables: dict[str, pd.DataFrame], cutoff: pd.Timestamp) -> SimpleNamespace:
    """What the case's sentences rest on: events, requests, responses, reported numbers and
    bases by id, the CST memberships (``cst``), every deployment on record for the CSTO's
    crises (``deployed``), and the figures' rows (``spans``, ``milestones``, ``decade``)."""
    reqs = tables["requests"][tables["requests"]["organization"] == "CSTO"]
    cst = tables["memberships"][tables["memberships"]["organization"] == "CST"]
    return SimpleNamespace(
        events=tables["events"].set_index("event_id"),
        requests=reqs.set_index("request_id"),
        responses=tables["responses"].set_index("response_id"),
        numbers=tables["quantities"].set_index("quantity_id"),
        bases=tables["bases"].set_index("base_id"),
        cst=cst,
        deployed=interventions.deployments(reqs, tables["responses"], tables["events"]),
        spans=records.record_spans(tables, [s for s, _ in SPANS], cutoff),
        milestones=records.labelled_records(tables, MILESTONES),
        decade=records.labelled_records(tables, DECADE),
        names=book.state_names(tables["states"]),
    )


# --- what the guards, facts and figures read -----------------------------------------------------

def event_day(v: SimpleNamespace, key: str) -> pd.Timestamp:
    """The day of an event the case dates (:data:`EVENTS`)."""
    return v.events.at[EVENTS[key], "date"]


def number(v: SimpleNamespace, key: str, column: str = "value") -> float:
    """A reported number (:data:`NUMBERS`) by what it counts: its ``value``, or
    another column such as ``value_high``."""
    return float(v.numbers.at[NUMBERS[key], column])


def left_in_1999(v: SimpleNamespace) -> set[str]:
    """The parties that did not renew the treaty in 1999."""
    ended = v.cst[(v.cst["status"] == "member") & (v.cst["end_reason"] == "not_renewed")]
    return set(ended["state"])
