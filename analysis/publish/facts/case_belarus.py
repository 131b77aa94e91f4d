"""Facts of the case of Belarus (``book/case_belarus.md``): the ally that stayed, from the
tables of events, membership, stances, votes and bases."""

from __future__ import annotations

from types import SimpleNamespace

import pandas as pd

from ...charts import Chart, case_timeline_chart
from ...measures import cases, votes
from .. import book
from .checks import Guard, check_all

#: The tables the case reads.
TABLES = ("events", "memberships", "stances", "un_votes", "un_resolutions", "bases")
#: The members whose UN votes the case compares with Belarus's.
COMPARED = ["BLR", "ARM", "KAZ", "KGZ", "TJK"]
#: The days the prose names, by glue name: the record each is the date of.
DAYS = {
    "by_union": "memberships:UNION_STATE:member", "by_referendum": "events:E518",
    "by_invasion": "stances:S033", "by_grouping": "events:E519",
    "by_nuke_announce": "events:E520", "by_nuke_deal": "events:E521",
    "by_nuke_received": "events:E522", "by_guarantees": "events:E523",
    "by_oreshnik": "events:E525",
}
#: The figure's notes: records labelled on the timeline.
NOTES = {"memberships:UNION_STATE:member": "Union State", "events:E021": "summit boycott",
         "events:E518": "referendum", "events:E521": "nuclear deal", "events:E523": "guarantees"}


def timeline(tables: dict[str, pd.DataFrame], cutoff: pd.Timestamp) -> pd.DataFrame:
    """Every dated item about Belarus from 1995 to the cut-off."""
    return cases.case_timeline("BLR", **{name: tables[name] for name in TABLES},
                               start="1995-01-01", end=cutoff)


def values(tables: dict[str, pd.DataFrame], cutoff: pd.Timestamp) -> SimpleNamespace:
    """What the case's sentences rest on: the timeline (``timeline``) and each record's date
    (``dates``), the first event about nuclear weapons (``first_nuclear``), and each compared
    member's UN votes on Ukraine as Russia voted (``agree``; ``share``: how many, of how many)."""
    items = timeline(tables, cutoff)
    agree = votes.agreement_with(tables["un_votes"], tables["un_resolutions"], "RUS", COMPARED)
    return SimpleNamespace(
        timeline=items,
        dates=items.drop_duplicates("record").set_index("record")["date"],
        first_nuclear=cases.first_date(items, "events", contains="nuclear"),
        agree=agree,
        share=agree.groupby("state")["agrees"].agg(["sum", "count"]),
    )


GUARDS = (
    Guard("nuclear_story_starts_with_the_referendum",
          "a referendum adopted a constitution without the clauses on the country's nuclear-free "
          "... status (the first nuclear step)",
          lambda v: v.first_nuclear == v.dates["events:E518"]),
    Guard("belarus_every_time",
          "Belarus voted as Russia did on every one: against",
          lambda v: int(v.share.loc["BLR", "sum"]) == int(v.share.loc["BLR", "count"])),
)


def facts(tables: dict[str, pd.DataFrame], cutoff: pd.Timestamp) -> dict[str, str | int]:
    """Every value the chapter glues, by glue name, once every guard holds."""
    v = values(tables, cutoff)
    check_all(GUARDS, v)
    items, dates, agree = v.timeline, v.dates, v.agree
    since_2022 = items[(items["date"] >= "2022-01-01") & (items["lane"] == "events")]
    months = (dates["events:E521"].to_period("M") - dates["events:E518"].to_period("M")).n
    resolutions = tables["un_resolutions"].set_index("resolution")
    return {
        "by_items": len(items),
        "by_events": cases.lane_counts(items)["events"],
        "by_events_2022": len(since_2022),
        "by_ref_days": (dates["events:E518"] - dates["stances:S033"]).days,
        "by_months_to_deal": months,
        "by_un_n": int(v.share.loc["BLR", "count"]),
        "by_un_others_max": int(v.share.drop(index="BLR")["sum"].max()),
        "by_un_first": agree["resolution"].iloc[0],
        "by_un_last": agree["resolution"].iloc[-1],
        "by_un_last_day": book.day_text(agree["date"].iloc[-1]),
        "by_es1_no": int(resolutions.at["A/RES/ES-11/1", "no"]),
        **book.record_days(items, DAYS),
    }


def figures(tables: dict[str, pd.DataFrame], cutoff: pd.Timestamp) -> dict[str, Chart]:
    """The case's figure: Belarus's record on one timeline."""
    return {"fig-case-belarus": case_timeline_chart(
        timeline(tables, cutoff), "Belarus's record with Russia and the CSTO, 1995 onward",
        notes=NOTES, year_step=3,
        source="The CSTO Record, data/events.csv, memberships.csv, stances.csv, un_votes.csv, "
               "bases.csv")}
