"""The record the case of Central Asia after 2021 reads: its constants, the timeline, the arms
shares, :func:`values` and the helpers its guards, facts and figure share."""

from __future__ import annotations

from types import SimpleNamespace

import pandas as pd

from ....measures import cases, records
from ....measures.arms import supplier_shares
from ... import book

#: The tables the case reads.
TABLES = ("events", "requests", "responses")
#: The exercise Kyrgyzstan cancelled after the clashes.
CANCELLED_EXERCISE = "X014"
#: The January 2022 skirmish: a candidate left out as a continuation of the border campaign.
JANUARY_2022 = "CSTO-C-081"
#: The days the prose names, by glue name: the record each is the date of.
DAYS = {"kt_2021": "requests:CSTO-2021-KGZ",
        "kt_2022b": "requests:CSTO-2022-KGZ-2", "kt_treaty": "events:E526",
        "kt_ratified": "events:E528", "kt_khujand": "events:E529"}
#: The events the Afghan-border, China and Uzbekistan sections date.
EVENTS = {"sochi": "E846", "astana": "E847", "first_stage": "E903", "murghab": "E848",
          "ishkashim": "E849", "xian": "E900", "c5_treaty": "E850", "concept": "E851",
          "doctrine": "E852", "no_return": "E853", "new_doctrine": "E854", "left": "E008",
          "back": "E014", "note": "E026", "suspended": "E027"}
#: The reported numbers the case states (data/quantities.csv).
NUMBERS = {"dead_2022": "Q052", "civilians_2022": "Q053", "evacuated_2022": "Q057",
           "red_crescent_2022": "Q058", "dead_2021": "Q055", "tjk_dead_2021": "Q056",
           "border_km": "Q050"}
#: The Central Asian states whose arms deliveries the case sums (SIPRI's register).
CENTRAL_ASIA: tuple[str, ...] = ("KAZ", "KGZ", "TJK", "UZB")
#: The states that border Afghanistan (geography, not a table): of them only Tajikistan is in
#: the alliance.
AFGHAN_NEIGHBOURS: tuple[str, ...] = ("CHN", "IRN", "PAK", "TJK", "TKM", "UZB")
#: The figure's items: record -> (kind, label). Each record appears once.
ITEMS = {
    "requests:CSTO-2021-KGZ": ("crisis", "Kok-Tash clash"),
    "responses:CSTO-2021-KGZ-R1": ("statement", "CSTO urges calm"),
    "requests:CSTO-2021-TJK": ("other", "Tajikistan asks for border help"),
    f"crisis_candidates:{JANUARY_2022}": ("crisis", "January skirmish"),
    "requests:CSTO-2022-KGZ-2": ("crisis", "border war"),
    "responses:CSTO-2022-KGZ-2-R1": ("statement", "CSTO calls for ceasefire"),
    f"exercises:{CANCELLED_EXERCISE}:start": ("own_step", "Kyrgyzstan cancels exercise"),
    "events:E900": ("other", "first China-Central Asia summit"),
    "events:E847": ("material_aid", "border programme adopted"),
    "events:E526": ("own_step", "border treaty"),
    "events:E527": ("statement", "CSTO welcomes it"),
    "events:E529": ("own_step", "tri-border treaty"),
    "events:E850": ("other", "treaty with China"),
}
#: Where the Secretary General said in 2025 that deliveries would begin the following year.
SG_ON_DELIVERIES = "sto-asiaplus-border-2025"
#: The report that little of the aid promised in 2013 had arrived.
LITTLE_ARRIVED = "req-asiaplus-tjk-2016"
#: The figure's window.
WINDOW = (pd.Timestamp("2021-01-01"), pd.Timestamp("2026-01-01"))


def timeline(tables: dict[str, pd.DataFrame], cutoff: pd.Timestamp) -> pd.DataFrame:
    """Every dated item about either state from 2021 to the cut-off."""
    return cases.case_timeline(["KGZ", "TJK"], **{name: tables[name] for name in TABLES},
                               start="2021-01-01", end=cutoff)


def arms_shares(arms: pd.DataFrame) -> pd.DataFrame:
    """Each supplier's share of the arms the Central Asian states received together, by period
    (SIPRI trend-indicator values, :func:`~analysis.measures.arms.supplier_shares`)."""
    together = arms[arms["recipient"].isin(CENTRAL_ASIA)].assign(recipient="Central Asia")
    return supplier_shares(together).drop(columns="recipient")


def values(tables: dict[str, pd.DataFrame], cutoff: pd.Timestamp) -> SimpleNamespace:
    """What the case's sentences rest on: the crises between the two (``between``), the
    alliance's responses to them (``answers``), the timeline's records (``records``, one row
    each), the cancelled exercise (``cancelled``), requests, responses, events and reported
    numbers by id, the arms shares (``arms``, by period and supplier), the CSTO members on the
    day of the treaty with China (``members_at_c5``) and the figure's items (``items``)."""
    requests = tables["requests"]
    requester = requests["requester"].fillna("")
    between = requests[requester.str.contains("KGZ") & requester.str.contains("TJK")]
    responses = tables["responses"]
    items = timeline(tables, cutoff)
    events = tables["events"].set_index("event_id")
    c5_day = events.at[EVENTS["c5_treaty"], "date"]
    m = tables["memberships"]
    members = m[(m["organization"] == "CSTO") & (m["status"] == "member") & (m["start"] <= c5_day)
                & (m["end"].isna() | (m["end"] > c5_day))]
    return SimpleNamespace(
        between=between,
        answers=responses[responses["request_id"].isin(between["request_id"])
                          & (responses["responder"] == "alliance")],
        timeline=items,
        records=items.drop_duplicates("record").set_index("record"),
        cancelled=tables["exercises"].set_index("exercise_id").loc[CANCELLED_EXERCISE],
        requests=requests.set_index("request_id"),
        responses=responses.set_index("response_id"),
        events=events,
        numbers=tables["quantities"].set_index("quantity_id"),
        arms=arms_shares(tables["arms_transfers"]),
        arms_raw=tables["arms_transfers"],
        members_at_c5=set(members["state"]),
        january=tables["crisis_candidates"].set_index("candidate_id").at[JANUARY_2022, "date"],
        bases=tables["bases"].set_index("base_id"),
        items=records.labelled_records(tables, ITEMS),
        names=book.state_names(tables["states"]),
        sources=tables["sources"].set_index("source_id"),
    )


# --- what the guards, facts and figure read ------------------------------------------------------

def event_day(v: SimpleNamespace, key: str) -> pd.Timestamp:
    """The day of an event the case dates (:data:`EVENTS`)."""
    return v.events.at[EVENTS[key], "date"]


def number(v: SimpleNamespace, key: str) -> float:
    """A reported number (:data:`NUMBERS`) by what it counts."""
    return float(v.numbers.at[NUMBERS[key], "value"])


def published(v: SimpleNamespace, source: str) -> pd.Timestamp:
    """The day a source was published."""
    return pd.Timestamp(str(v.sources.at[source, "published"]))


def arms_share(v: SimpleNamespace, period: str, supplier: str) -> float:
    """``supplier``'s share of the arms the Central Asian states received in ``period``."""
    a = v.arms
    rows = a[(a["period"] == period) & (a["supplier"] == supplier)]
    return float(rows["share"].sum())


def last_period(v: SimpleNamespace) -> str:
    """The last period of the arms register."""
    return str(sorted(v.arms["period"].unique())[-1])


def china_peak_period(v: SimpleNamespace) -> str:
    """The period in which China's share of the arms was largest."""
    a = v.arms[v.arms["supplier"] == "CHN"]
    return str(a.sort_values("share").iloc[-1]["period"])
