"""Facts of the case of Belarus, 2020 and after (``book/case_belarus.md``): the ally that stayed,
from its one call for help, the answers to it, the Union State's steps and its votes."""

from __future__ import annotations

from types import SimpleNamespace

import pandas as pd

from ...charts import Chart, annotated_timeline_chart
from ...measures import cases, moments, votes
from ...measures.levels import LEVEL_RANK
from .. import book
from .checks import Guard, check_all

#: The tables the case's timeline reads.
TABLES = ("events", "memberships", "stances", "un_votes", "un_resolutions", "bases")
#: The members whose UN votes the case compares with Belarus's.
COMPARED = ["BLR", "ARM", "KAZ", "KGZ", "TJK"]
#: Belarus's one call for help.
REQUEST = "CSTO-2020-BLR"
#: The days the prose names, by glue name: the record each is the date of.
DAYS = {
    "by_dairy": "events:E021", "by_ksor": "events:E022",
    "by_election": "events:E3004", "by_appeal": f"requests:{REQUEST}",
    "by_promise": "events:E828", "by_reserve": f"responses:{REQUEST}-R1",
    "by_loan": f"responses:{REQUEST}-R3",
    "by_invasion": "stances:S033", "by_referendum": "events:E518",
    "by_grouping": "events:E519", "by_nuke_announce": "events:E520",
    "by_nuke_deal": "events:E521", "by_nuke_received": "events:E522",
    "by_wagner": "events:E831", "by_blr_row": "events:E826", "by_leak": "events:E827",
    "by_kursk": "requests:CSTO-2024-RUS", "by_kaz": "events:E028",
    "by_guarantees": "events:E523", "by_zapad": "events:E524",
    "by_oreshnik": "events:E525", "by_khrenin": "events:E3003",
}
#: Numbers the prose quotes from a record's text: glue name -> (table, key, where it stands).
TEXTS = {
    "by_election_share": ("events", "E3004", r"about {n}%"),
    "by_loan_bn": ("responses", f"{REQUEST}-R3", r"USD {n} billion"),
    "by_ratified": ("events", "E523", r"ratifies it on {d}"),
}
#: The Union State's steps after 2022: each was taken outside the CSTO.
UNION_STEPS = ("E519", "E520", "E521", "E522", "E523", "E524", "E525", "E830", "E3003")

B, C, R = "Belarus", "CSTO", "Russia"
#: The figure: the moments told, in the column of whoever acted, with a short label each.
MARKS = (
    ("events:E3004", B, "Disputed election; protests"),
    (f"requests:{REQUEST}", B, "Lukashenko appeals to Putin"),
    ("events:E828", R, "Help promised 'at first request'"),
    (f"responses:{REQUEST}-R2", C, "No request; no act"),
    (f"responses:{REQUEST}-R1", R, "Police reserve formed, unused"),
    (f"responses:{REQUEST}-R3", R, "A state loan"),
    ("stances:S033", B, "Invasion launched from Belarus"),
    ("events:E518", B, "Referendum drops nuclear-free clause"),
    ("events:E519", R, "Joint regional grouping"),
    ("events:E520", R, "Nuclear weapons announced"),
    ("events:E521", R, "Deployment document signed"),
    ("events:E831", B, "Lukashenko ends Wagner march"),
    ("events:E826", C, "Armenia recalls its envoy"),
    ("events:E827", C, "Leak: Belarusian arms for Baku"),
    ("events:E830", B, "Lukashenko asks for Oreshnik"),
    ("events:E523", R, "Security-guarantees treaty"),
    ("events:E524", R, "Zapad-2025 exercise"),
    ("events:E525", B, "Oreshnik 'on combat duty'"),
    ("events:E3003", B, "'Preparing for duty' (minister)"),
)
COLUMNS = (B, C, R)


def timeline(tables: dict[str, pd.DataFrame], cutoff: pd.Timestamp) -> pd.DataFrame:
    """Every dated item about Belarus from 1995 to the cut-off."""
    return cases.case_timeline("BLR", **{name: tables[name] for name in TABLES},
                               start="1995-01-01", end=cutoff)


def _moment_tables(tables: dict[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    return {name: tables[name] for name in ("events", "requests", "responses", "stances")}


def values(tables: dict[str, pd.DataFrame], cutoff: pd.Timestamp) -> SimpleNamespace:
    """What the case's sentences rest on: each named record's date (``dates``); Belarus's calls
    for help (``asked``) and the answers to them (``answers``); the first event about nuclear
    weapons (``first_nuclear``) beside the referendum's day (``referendum``); each compared
    member's UN votes on Ukraine as Russia voted (``agree``; ``share``: how many, of how many);
    Belarus's open status in the Eastern Partnership (``eap``); and the events (``events``)."""
    items = timeline(tables, cutoff)
    requests, responses = tables["requests"], tables["responses"]
    asked = requests[(requests["requester"] == "BLR") & (requests["request_made"] == "yes")
                     & (requests["date"] <= cutoff)].set_index("request_id")
    agree = votes.agreement_with(tables["un_votes"], tables["un_resolutions"], "RUS", COMPARED)
    members = tables["memberships"]
    return SimpleNamespace(
        dates=moments.record_dates(list(DAYS.values()), **_moment_tables(tables)),
        asked=asked,
        answers=responses[responses["request_id"].isin(asked.index)],
        first_nuclear=cases.first_date(items, "events", contains="nuclear"),
        referendum=items.loc[items["record"] == "events:E518", "date"].iloc[0],
        agree=agree,
        share=agree.groupby("state")["agrees"].agg(["sum", "count"]),
        eap=list(members.loc[(members["state"] == "BLR") & (members["organization"] == "EU")
                             & members["end"].isna(), "status"]),
        events=tables["events"].set_index("event_id"),
    )


def _levels(v: SimpleNamespace, responder: str) -> list[str]:
    return list(v.answers.loc[v.answers["responder"] == responder, "level"])


GUARDS = (
    Guard("asked_once_and_of_moscow",
          "the one time its government asked for help it asked Moscow, not the alliance",
          lambda v: list(v.asked["addressed_to"]) == ["patron"]),
    Guard("lukashenko_cited_the_csto_which_had_no_request",
          "he cited both the Union State and the CSTO ... the alliance's secretariat said it had "
          "received no request",
          lambda v: "the CSTO" in v.events.at["E828", "description"]
          and "no request" in v.events.at["E828", "description"]),
    Guard("the_alliance_did_nothing",
          "The alliance did nothing",
          lambda v: set(_levels(v, "alliance")) == {"none"}),
    Guard("russia_gave_money_not_police",
          "The reserve never crossed the border ... the loan, the highest help Russia gave",
          lambda v: max(_levels(v, "patron"), key=LEVEL_RANK.__getitem__) == "material_aid"
          and "deployment" not in _levels(v, "patron")),
    Guard("nuclear_story_starts_with_the_referendum",
          "a referendum adopted a constitution without the clauses on the country's nuclear-free "
          "... status (the first nuclear step)",
          lambda v: v.first_nuclear == v.referendum),
    Guard("every_step_in_the_union_state",
          "Each of these steps was taken in the Union State, not in the CSTO",
          lambda v: set(v.events.loc[list(UNION_STEPS), "organization"]) == {"UNION_STATE"}),
    Guard("the_two_accounts_of_oreshnik_differ",
          "Lukashenko said ... on combat duty; his defence minister ... preparing",
          lambda v: "on combat duty" in v.events.at["E525", "description"]
          and "preparing" in v.events.at["E3003", "description"]),
    Guard("belarus_every_time",
          "Belarus voted as Russia did on every one: against",
          lambda v: int(v.share.loc["BLR", "sum"]) == int(v.share.loc["BLR", "count"])),
    Guard("eastern_partnership_suspended_not_left",
          "it suspended its part in the EU's Eastern Partnership",
          lambda v: v.eap == ["partner_suspended"]),
)


def _text_of(tables: dict[str, pd.DataFrame], table: str, key: str) -> str:
    frame = tables[table]
    column = {"events": "event_id", "responses": "response_id"}[table]
    return str(frame.loc[frame[column] == key, "description"].iloc[0])


def facts(tables: dict[str, pd.DataFrame], cutoff: pd.Timestamp) -> dict[str, str | int]:
    """Every value the chapter glues, by glue name, once every guard holds."""
    v = values(tables, cutoff)
    check_all(GUARDS, v)
    dates, agree = v.dates, v.agree
    resolutions = tables["un_resolutions"].set_index("resolution")
    members = tables["memberships"]
    union = members[(members["state"] == "BLR") & (members["organization"] == "UNION_STATE")
                    & (members["status"] == "member")]
    eap = members[(members["state"] == "BLR") & (members["organization"] == "EU")
                  & (members["status"] == "partner_suspended")]
    bases = tables["bases"].set_index("base_id")
    return {
        "by_asked": book.times(len(v.asked)),
        "by_union": book.day_text(union["start"].iloc[0]),
        **{name: book.when_text(dates.at[record, "date"], dates.at[record, "date_precision"])
           for name, record in DAYS.items()},
        **{name: book.found_in(_text_of(tables, table, key), pattern)
           for name, (table, key, pattern) in TEXTS.items()},
        "by_grouping_troops": f"{int(bases.at['B23', 'personnel']):,}",
        "by_eap": f"{eap['start'].iloc[0]:%Y}",
        "by_un_n": int(v.share.loc["BLR", "count"]),
        "by_un_others_max": book.times(int(v.share.drop(index="BLR")["sum"].max())),
        "by_un_first": agree["resolution"].iloc[0],
        "by_un_last": agree["resolution"].iloc[-1],
        "by_un_last_day": book.day_text(agree["date"].iloc[-1]),
        "by_es1_no": int(resolutions.at["A/RES/ES-11/1", "no"]),
    }


def title(v: SimpleNamespace) -> str:
    """The figure's finding, from Belarus's calls for help."""
    return (f"Belarus asked for help {book.times(len(v.asked))}, of Moscow alone; every later "
            "pledge came through the Union State, not the CSTO")


def figures(tables: dict[str, pd.DataFrame], cutoff: pd.Timestamp) -> dict[str, Chart]:
    """The case's figure: what Belarus did and asked, and how the alliance and Russia answered."""
    v = values(tables, cutoff)
    marks = moments.case_moments(MARKS, **_moment_tables(tables))
    return {"fig-case-belarus": annotated_timeline_chart(
        marks, title(v), COLUMNS,
        source="The CSTO Record, data/events.csv, requests.csv, responses.csv, stances.csv")}
