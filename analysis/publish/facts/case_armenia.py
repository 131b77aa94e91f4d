"""Facts of the case of Armenia, 2020-2026 (``book/case_armenia.md``): the ally that asked, from
every table the book keeps."""

from __future__ import annotations

from types import SimpleNamespace

import pandas as pd

from ...charts import Chart, case_timeline_chart
from ...measures import cases, votes
from ...measures.levels import LEVEL_RANK
from .. import book
from .checks import Guard, check_all

#: The tables the case reads.
TABLES = ("events", "requests", "responses", "memberships", "stances", "un_votes",
          "un_resolutions")
#: The days the prose names, by glue name: the record each is the date of.
DAYS = {
    "ar_war_start": "requests:CSTO-2020-ARM-2", "ar_letter": "events:E500",
    "ar_ceasefire": "events:E501", "ar_syunik": "requests:CSTO-2021-ARM",
    "ar_tavush_guards": "events:E502", "ar_sept22": "requests:CSTO-2022-ARM",
    "ar_mission": "responses:CSTO-2022-ARM-R2", "ar_yerevan": "events:E029",
    "ar_eumcap": "events:E503", "ar_euma_decision": "events:E506",
    "ar_euma_launch": "events:E507", "ar_euma_extended": "events:E514",
    "ar_freeze": "events:E034",
    "ar_budget": "events:E035", "ar_outside": "events:E038", "ar_pk_out": "events:E511",
    "ar_zv_notice": "events:E509", "ar_zv_exit": "events:E512", "ar_margara": "events:E515",
    "ar_washington": "events:E516",
}
#: The spans the prose counts in days, by glue name: (from record, to record).
SPANS = {
    "ar_war_days": ("requests:CSTO-2020-ARM-2", "events:E501"),
    "ar_days_to_euma": ("requests:CSTO-2022-ARM", "events:E507"),
    "ar_zv_days": ("events:E509", "events:E512"),
}
#: The figure's notes: records labelled on the timeline.
NOTES = {"requests:CSTO-2022-ARM": "Article 4", "events:E501": "ceasefire",
         "events:E507": "EU mission", "events:E034": "freeze", "events:E512": "Zvartnots",
         "events:E516": "Washington"}


def timeline(tables: dict[str, pd.DataFrame], cutoff: pd.Timestamp) -> pd.DataFrame:
    """Every dated item about Armenia from January 2020 to the cut-off."""
    return cases.case_timeline("ARM", **{name: tables[name] for name in TABLES},
                               start="2020-01-01", end=cutoff)


def values(tables: dict[str, pd.DataFrame], cutoff: pd.Timestamp) -> SimpleNamespace:
    """What the case's sentences rest on: the timeline (``timeline``) and each record's date
    (``dates``), Armenia's requests and silences (``asked``, ``silent``), the responses
    (``answers``), Armenia's open CSTO status (``status``) and its UN votes on Ukraine since 2022
    beside Russia's (``recent``)."""
    items = timeline(tables, cutoff)
    requests = items[items["lane"] == "requests"]
    members = tables["memberships"]
    agree = votes.agreement_with(tables["un_votes"], tables["un_resolutions"], "RUS", ["ARM"])
    return SimpleNamespace(
        timeline=items,
        dates=items.drop_duplicates("record").set_index("record")["date"],
        asked=requests[requests["kind"] == "request"],
        silent=requests[requests["kind"] == "no_request"],
        answers=items[items["lane"] == "responses"],
        status=list(members.loc[(members["state"] == "ARM") & (members["organization"] == "CSTO")
                                & members["end"].isna(), "status"]),
        recent=agree[agree["date"] >= "2022-01-01"],
    )


def best_response(answers: pd.DataFrame) -> str:
    """The highest level on the response scale among ``answers`` (a timeline's responses)."""
    return max(answers["kind"], key=LEVEL_RANK.__getitem__)


GUARDS = (
    Guard("no_aid_and_no_troops",
          "The ... responses the data records never went beyond a ...: no aid and no troops came",
          lambda v: LEVEL_RANK[best_response(v.answers)] < LEVEL_RANK["material_aid"]),
    Guard("still_a_member_frozen",
          "On the data's cut-off date Armenia is still formally a member, its participation "
          "frozen",
          lambda v: v.status == ["frozen"]),
    Guard("never_voted_as_russia_did",
          "Armenia voted as Russia did on ...; it abstained or stayed away instead",
          lambda v: int(v.recent["agrees"].sum()) == 0),
)


def facts(tables: dict[str, pd.DataFrame], cutoff: pd.Timestamp) -> dict[str, str | int]:
    """Every value the chapter glues, by glue name, once every guard holds."""
    v = values(tables, cutoff)
    check_all(GUARDS, v)
    items = v.timeline
    boycotts = items[(items["lane"] == "events") & (items["kind"] == "summit_boycott")]
    return {
        "ar_items": len(items),
        "ar_requests": len(v.asked),
        "ar_silent": len(v.silent),
        "ar_answers": len(v.answers),
        "ar_best": best_response(v.answers).replace("_", " "),
        "ar_events": cases.lane_counts(items)["events"],
        "ar_boycotts": len(boycotts),
        "ar_un_votes": len(v.recent),
        "ar_un_with": int(v.recent["agrees"].sum()),
        **book.record_days(items, DAYS),
        # The 2023 offensive is a candidate left out of the universe (it was fought in
        # Nagorno-Karabakh, Azerbaijan's territory), so it has no request row to date it.
        "ar_offensive": book.day_text(
            tables["crisis_candidates"].set_index("candidate_id").at["CSTO-C-091", "date"]),
        **{name: (v.dates[end] - v.dates[start]).days for name, (start, end) in SPANS.items()},
    }


def figures(tables: dict[str, pd.DataFrame], cutoff: pd.Timestamp) -> dict[str, Chart]:
    """The case's figure: Armenia's record on one timeline."""
    return {"fig-case-armenia": case_timeline_chart(
        timeline(tables, cutoff), "Armenia's record with the CSTO and Russia, 2020 onward",
        notes=NOTES,
        source="The CSTO Record, data/events.csv, requests.csv, responses.csv, memberships.csv, "
               "stances.csv, un_votes.csv")}
