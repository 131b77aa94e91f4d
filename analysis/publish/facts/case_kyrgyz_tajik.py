"""Facts of the case of Kyrgyzstan and Tajikistan (``book/case_kyrgyz_tajik.md``): two members
at war, and the alliance's answers."""

from __future__ import annotations

from types import SimpleNamespace

import pandas as pd

from ...charts import Chart, case_timeline_chart
from ...measures import cases
from ...measures.levels import LEVEL_RANK
from .. import book
from .checks import Guard, check_all

#: The tables the case reads.
TABLES = ("events", "requests", "responses")
#: The exercise Kyrgyzstan cancelled after the clashes.
CANCELLED_EXERCISE = "X014"
#: The days the prose names, by glue name: the record each is the date of.
DAYS = {"kt_2021": "requests:CSTO-2021-KGZ",
        "kt_2022b": "requests:CSTO-2022-KGZ-2", "kt_treaty": "events:E526",
        "kt_ratified": "events:E528", "kt_khujand": "events:E529"}
#: The figure's notes: records labelled on the timeline.
NOTES = {"requests:CSTO-2021-KGZ": "Kok-Tash", "requests:CSTO-2022-KGZ-2": "border war",
         "events:E526": "border treaty"}


def timeline(tables: dict[str, pd.DataFrame], cutoff: pd.Timestamp) -> pd.DataFrame:
    """Every dated item about either state from 2021 to the cut-off."""
    return cases.case_timeline(["KGZ", "TJK"], **{name: tables[name] for name in TABLES},
                               start="2021-01-01", end=cutoff)


def values(tables: dict[str, pd.DataFrame], cutoff: pd.Timestamp) -> SimpleNamespace:
    """What the case's sentences rest on: the crises between the two (``between``), the
    alliance's responses to them (``answers``), the timeline's records (``records``, one row
    each) and the cancelled exercise (``cancelled``)."""
    requests = tables["requests"]
    requester = requests["requester"].fillna("")
    between = requests[requester.str.contains("KGZ") & requester.str.contains("TJK")]
    responses = tables["responses"]
    items = timeline(tables, cutoff)
    return SimpleNamespace(
        between=between,
        answers=responses[responses["request_id"].isin(between["request_id"])
                          & (responses["responder"] == "alliance")],
        timeline=items,
        records=items.drop_duplicates("record").set_index("record"),
        cancelled=tables["exercises"].set_index("exercise_id").loc[CANCELLED_EXERCISE],
    )


def _welcome_on_the_day(v: SimpleNamespace) -> bool:
    welcome = v.records.loc["events:E527"]
    return welcome["kind"] == "statement" and welcome["date"] == v.records.at["events:E526",
                                                                              "date"]


GUARDS = (
    Guard("neither_asked",
          "In none did either side ask the alliance for help",
          lambda v: set(v.between["request_made"]) == {"no"}),
    Guard("nothing_but_words",
          "the alliance had nothing to offer but words: the ... responses recorded were all "
          "statements",
          lambda v: LEVEL_RANK[max(v.answers["level"], key=LEVEL_RANK.__getitem__)]
          <= LEVEL_RANK["statement"]),
    Guard("kyrgyzstan_called_off_the_exercise",
          "it called off the alliance's ... exercise, due to open on its soil",
          lambda v: "cancel" in v.cancelled["name"].lower() and v.cancelled["host"] == "KGZ"),
    Guard("the_csto_welcomed_the_treaty_the_same_day",
          "Its Secretariat welcomed the treaty on the day it was signed",
          _welcome_on_the_day),
)


def facts(tables: dict[str, pd.DataFrame], cutoff: pd.Timestamp) -> dict[str, str | int]:
    """Every value the chapter glues, by glue name, once every guard holds."""
    v = values(tables, cutoff)
    check_all(GUARDS, v)
    dates = v.records["date"]
    return {
        "kt_clashes": len(v.between),
        "kt_answers": len(v.answers),
        "kt_ex_name": v.cancelled["name"].split(" (")[0],
        "kt_ex_day": book.day_text(v.cancelled["start"]),
        "kt_days_to_treaty": (dates["events:E526"] - dates["requests:CSTO-2022-KGZ-2"]).days,
        **book.record_days(v.timeline, DAYS),
        # The January 2022 skirmish is a candidate left out as a continuation of the border
        # campaign, so it has no request row to date it.
        "kt_2022a": book.day_text(
            tables["crisis_candidates"].set_index("candidate_id").at["CSTO-C-081", "date"]),
    }


def figures(tables: dict[str, pd.DataFrame], cutoff: pd.Timestamp) -> dict[str, Chart]:
    """The case's figure: the clashes, the alliance's answers and the treaty on one timeline."""
    return {"fig-case-kyrgyz-tajik": case_timeline_chart(
        timeline(tables, cutoff),
        "Kyrgyzstan and Tajikistan: clashes, the alliance's answers and the treaty", notes=NOTES,
        source="The CSTO Record, data/requests.csv, responses.csv, events.csv")}
