"""Facts of the case of Armenia and Azerbaijan, 2014-2026 (``book/case_armenia.md``): the ally
that asked, from the events, the calls for help and the answers of the alliance and of Russia."""

from __future__ import annotations

from types import SimpleNamespace

import pandas as pd

from ...charts import Chart, annotated_timeline_chart
from ...charts.style import LEVEL_STYLE
from ...measures import arms, moments, votes
from ...measures.levels import LEVEL_RANK
from .. import book
from .checks import Guard, check_all

#: The first day of the case.
START = pd.Timestamp("2014-01-01")

#: The days the prose names, by glue name: the record each is the date of.
DAYS = {
    "ar_2014": "candidates:CSTO-C-060", "ar_sochi": "events:E818",
    "ar_2016": "candidates:CSTO-C-063", "ar_2016_truce": "events:E819",
    "ar_2016_kaz": "events:E820", "ar_2016_arms": "events:E821",
    "ar_tavush": "events:E822", "ar_tavush_meeting": "responses:CSTO-2020-ARM-R1",
    "ar_war_start": "events:E3001", "ar_fire": "candidates:CSTO-C-071",
    "ar_letter": "requests:CSTO-2020-ARM-2", "ar_ceasefire": "events:E501",
    "ar_zas_2021": "responses:CSTO-2020-ARM-2-R1",
    "ar_syunik": "requests:CSTO-2021-ARM", "ar_tavush_guards": "responses:CSTO-2021-ARM-R5",
    "ar_nov2021": "requests:CSTO-2021-ARM-2", "ar_sept22": "requests:CSTO-2022-ARM",
    "ar_mission": "responses:CSTO-2022-ARM-R2", "ar_oct22": "responses:CSTO-2022-ARM-R3",
    "ar_yerevan": "events:E029", "ar_assist_dropped": "events:E856",
    "ar_kaz_decision": "events:E028",
    "ar_eumcap": "events:E503", "ar_euma_letter": "events:E505",
    "ar_euma_decision": "events:E506", "ar_euma_launch": "events:E507",
    "ar_euma_enlarged": "events:E508", "ar_euma_extended": "events:E514",
    "ar_offensive": "candidates:CSTO-C-091", "ar_surrender": "events:E824",
    "ar_icc": "events:E825",
    "ar_no_drills": "events:E031", "ar_freeze": "events:E034", "ar_budget": "events:E035",
    "ar_leave": "events:E036", "ar_pk_out": "events:E511", "ar_blr_row": "events:E826",
    "ar_leak": "events:E827", "ar_outside": "events:E038",
    "ar_zv_notice": "events:E509", "ar_bortnikov": "events:E510", "ar_zv_exit": "events:E512",
    "ar_agarak": "events:E513", "ar_margara": "events:E515",
    "ar_eu_law": "events:E3005", "ar_washington": "events:E516", "ar_minsk_closed": "events:E3002",
    "ar_election_set": "events:E534",
}

#: Numbers and days the prose quotes from an event's text: glue name -> (event, where the text
#: stands, for :func:`analysis.publish.book.found_in`).
TEXTS = {
    "ar_arms_bn": ("E821", r"at least {n} billion dollars"),
    "ar_tavush_aze": ("E822", r"Azerbaijan reports {n} dead"),
    "ar_tavush_arm": ("E822", r"and Armenia {n}\b"),
    "ar_war_aze": ("E3001", r"Azerbaijan counts {n} soldiers"),
    "ar_war_arm": ("E3001", r"Armenia at least {n}\b"),
    "ar_peacekeepers": ("E501", r"{n} Russian peacekeepers"),
    "ar_eumcap_n": ("E503", r"about {n} monitors"),
    "ar_euma_staff": ("E507", r"about {n} civilian staff"),
    "ar_euma_observers": ("E507", r"some {n} unarmed observers"),
    "ar_euma_n": ("E508", r"to {n} personnel"),
    "ar_exodus": ("E824", r"more than {n} people"),
    "ar_icc_in_force": ("E825", r"into force for Armenia on {d}"),
    "ar_euma_until": ("E514", r"to {d}"),
    "ar_zv_deadline": ("E509", r"deadline (\d{1,2} [A-Z][a-z]+)"),
    "ar_leak_from": ("E827", r"in (\d{4})-\d{4}"),
    "ar_leak_to": ("E827", r"in \d{4}-(\d{4})"),
    "ar_election": ("E534", r"for {d}"),
    "ar_moscow": ("E3006", r"Moscow on {d}"),
}

#: The arms-transfer periods the prose compares (SIPRI's five-year blocks).
ARMS_EARLY, ARMS_LATE = (2010, 2014), (2015, 2019)

H, C, R, W = "What happened", "CSTO", "Russia", "EU, US and OSCE"
#: The figure: the moments told, in the column of whoever acted, with a short label each.
MARKS = (
    ("candidates:CSTO-C-060", H, "Worst clashes since 1994"),
    ("candidates:CSTO-C-063", H, "Four-day war in Karabakh"),
    ("events:E819", R, "Truce agreed in Moscow"),
    ("events:E820", C, "Kazakhstan shuns Yerevan"),
    ("requests:CSTO-2020-ARM", H, "Fighting in Tavush"),
    ("responses:CSTO-2020-ARM-R1", C, "Meeting called, then put off"),
    ("responses:CSTO-2020-ARM-R2", R, "Concern; offer to mediate"),
    ("events:E3001", H, "Karabakh war begins"),
    ("requests:CSTO-2020-ARM-2", H, "Letter to Putin"),
    ("responses:CSTO-2020-ARM-2-R2", R, "Help if war reaches Armenia"),
    ("events:E501", R, "Ceasefire; Russian peacekeepers"),
    ("responses:CSTO-2020-ARM-2-R1", C, "'Armenia did not ask'"),
    ("requests:CSTO-2021-ARM", H, "Incursion: asks CSTO and Russia"),
    ("responses:CSTO-2021-ARM-R1", C, "Secretariat: watching"),
    ("responses:CSTO-2021-ARM-R3", C, "No statement backs Armenia"),
    ("responses:CSTO-2021-ARM-R5", R, "Border guards to Tavush"),
    ("requests:CSTO-2021-ARM-2", H, "Border fighting: asks Russia"),
    ("responses:CSTO-2021-ARM-2-R1", C, "No CSTO action"),
    ("responses:CSTO-2021-ARM-2-R2", R, "Shoigu brokers ceasefire"),
    ("requests:CSTO-2022-ARM", H, "Attack: invokes Article 4"),
    ("responses:CSTO-2022-ARM-R1", C, "Summit sends a mission"),
    ("responses:CSTO-2022-ARM-R5", R, "Ceasefire call fails"),
    ("responses:CSTO-2022-ARM-R2", C, "Mission tours border"),
    ("events:E503", W, "EU monitors deploy"),
    ("responses:CSTO-2022-ARM-R4", C, "Aid draft left unsigned"),
    ("events:E507", W, "EU mission launched"),
    ("events:E824", H, "Karabakh falls; exodus"),
    ("events:E034", H, "Armenia freezes its part"),
    ("events:E827", C, "Leak: Belarus armed Baku"),
    ("events:E512", R, "Guards leave Zvartnots"),
    ("events:E516", W, "Washington declaration"),
)
COLUMNS = (H, C, R, W)


def _tables(tables: dict[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    return {name: tables[name] for name in ("events", "requests", "responses",
                                            "crisis_candidates")}


def values(tables: dict[str, pd.DataFrame], cutoff: pd.Timestamp) -> SimpleNamespace:
    """What the case's sentences rest on: each named record's date (``dates``); Armenia's calls
    for help since 2014 (``asked``) and the answers to them (``answers``, with ``responder``);
    the crisis rows of Tavush 2020 (``tavush``); Armenia's open CSTO status (``status``); its
    summit boycotts (``boycotts``); its UN votes on Ukraine since 2022 beside Russia's
    (``recent``); arms deliveries by supplier and period (``arms``) and the years Belarus
    delivered arms to Azerbaijan (``blr_years``); and the events the prose reads (``events``)."""
    requests, responses = tables["requests"], tables["responses"]
    mine = requests[(requests["organization"] == "CSTO") & (requests["requester"] == "ARM")
                    & (requests["date"] >= START) & (requests["date"] <= cutoff)]
    asked = mine[mine["request_made"] == "yes"].set_index("request_id")
    answers = responses[responses["request_id"].isin(asked.index)]
    members = tables["memberships"]
    agree = votes.agreement_with(tables["un_votes"], tables["un_resolutions"], "RUS", ["ARM"])
    events = tables["events"]
    boycotts = events[(events["type"] == "summit_boycott") & (events["states"] == "ARM")
                      & (events["organization"] == "CSTO") & (events["date"] <= cutoff)]
    transfers = tables["arms_transfers"]
    return SimpleNamespace(
        dates=moments.record_dates(list(DAYS.values()), **_tables(tables)),
        asked=asked,
        answers=answers,
        tavush=mine[mine["request_id"] == "CSTO-2020-ARM"],
        status=list(members.loc[(members["state"] == "ARM") & (members["organization"] == "CSTO")
                                & members["end"].isna(), "status"]),
        boycotts=boycotts.sort_values("date"),
        recent=agree[agree["date"] >= "2022-01-01"],
        arms=arms.supplier_shares(transfers, periods=(ARMS_EARLY, ARMS_LATE)),
        blr_years=sorted(transfers.loc[(transfers["recipient"] == "AZE")
                                       & (transfers["supplier"] == "BLR"), "year"].astype(int)),
        events=events.set_index("event_id"),
    )


def best(answers: pd.DataFrame, responder: str) -> str:
    """The highest level on the response scale among ``answers`` of ``responder``."""
    return max(answers.loc[answers["responder"] == responder, "level"],
               key=LEVEL_RANK.__getitem__)


def _to(v: SimpleNamespace, *whom: str) -> pd.DataFrame:
    return v.asked[v.asked["addressed_to"].isin(whom)]


def _largest(v: SimpleNamespace, recipient: str, period: tuple[int, int]) -> str:
    part = v.arms[(v.arms["recipient"] == recipient)
                  & (v.arms["period"] == f"{period[0]}-{str(period[1])[-2:]}")]
    return str(part.loc[part["tiv_million"].idxmax(), "supplier"])


def _share(v: SimpleNamespace, recipient: str, supplier: str, period: tuple[int, int]) -> float:
    part = v.arms[(v.arms["recipient"] == recipient) & (v.arms["supplier"] == supplier)
                  & (v.arms["period"] == f"{period[0]}-{str(period[1])[-2:]}")]
    return float(part["share"].sum())


def _answer(v: SimpleNamespace, request: str, responder: str) -> str:
    rows = v.answers[(v.answers["request_id"] == request) & (v.answers["responder"] == responder)]
    return best(rows, responder)


GUARDS = (
    Guard("asked_the_alliance_only_when_attacked_at_home",
          "twice, when Azerbaijani troops stood on Armenia's own territory, it asked the alliance "
          "for help ... both times writing to Moscow as well",
          lambda v: set(_to(v, "alliance", "both")["threat"]) == {"armed_attack"}
          and set(_to(v, "alliance", "both")["addressed_to"]) == {"both"}),
    Guard("alliance_answers_never_beyond_a_mission",
          "The alliance answered with consultations and a fact-finding mission",
          lambda v: best(v.answers, "alliance") == "mission"),
    Guard("russia_sent_border_guards",
          "Russia ... answered with mediation and border guards of its own",
          lambda v: best(v.answers, "patron") == "deployment"
          and "border guards" in " ".join(v.answers.loc[
              v.answers["level"] == "deployment", "description"])),
    Guard("no_formal_request_in_tavush_2020",
          "but Yerevan made no formal request",
          lambda v: list(v.tavush["request_made"]) == ["no"]),
    Guard("the_2020_letter_went_to_moscow_alone",
          "When it did, Pashinyan turned to Moscow, not to the alliance",
          lambda v: v.asked.at["CSTO-2020-ARM-2", "addressed_to"] == "patron"),
    Guard("november_2021_russia_mediated_the_alliance_did_nothing",
          "Armenia appealed to Russia alone ... a ceasefire ... The alliance did nothing",
          lambda v: v.asked.at["CSTO-2021-ARM-2", "addressed_to"] == "patron"
          and _answer(v, "CSTO-2021-ARM-2", "alliance") == "none"
          and _answer(v, "CSTO-2021-ARM-2", "patron") == "consultation"),
    Guard("kazakhstan_deployment_under_pashinyans_chair",
          "under Pashinyan's own chairmanship",
          lambda v: "chaired by Pashinyan" in v.events.at["E815", "description"]),
    Guard("russia_then_israel_armed_azerbaijan",
          "Russia supplied ... of the arms Azerbaijan imported ..., when Israel overtook it",
          lambda v: _largest(v, "AZE", ARMS_EARLY) == "RUS"
          and _largest(v, "AZE", ARMS_LATE) == "ISR"
          and _largest(v, "ARM", ARMS_LATE) == "RUS"),
    Guard("boycotts_in_a_row",
          "It stayed away from every summit from ... to ...",
          lambda v: list(v.boycotts["date"].dt.year)
          == list(range(v.boycotts["date"].dt.year.min(), v.boycotts["date"].dt.year.max() + 1))),
    Guard("still_a_member_frozen",
          "Armenia was still formally a member, its participation frozen",
          lambda v: v.status == ["frozen"]),
    Guard("never_voted_as_russia_did",
          "Armenia voted as Russia did on ...; it abstained or stayed away instead",
          lambda v: int(v.recent["agrees"].sum()) == 0),
)


def facts(tables: dict[str, pd.DataFrame], cutoff: pd.Timestamp) -> dict[str, str | int]:
    """Every value the chapter glues, by glue name, once every guard holds."""
    v = values(tables, cutoff)
    check_all(GUARDS, v)
    dates = v.dates
    boycott_years = v.boycotts["date"].dt.year
    members = tables["memberships"]
    aze = members[(members["state"] == "AZE") & (members["organization"] == "CST")]
    return {
        "ar_to_alliance": book.times(len(_to(v, "alliance", "both"))),
        "ar_patron_only": book.times(len(_to(v, "patron"))),
        "ar_aze_joined": f"{aze['start'].min():%Y}",
        "ar_aze_left": f"{aze.loc[aze['end_reason'] == 'not_renewed', 'end'].iloc[0]:%Y}",
        **{name: book.when_text(dates.at[record, "date"], dates.at[record, "date_precision"])
           for name, record in DAYS.items()},
        **{name: book.found_in(v.events.at[event, "description"], pattern)
           for name, (event, pattern) in TEXTS.items()},
        "ar_arms_early": f"{ARMS_EARLY[0]}–{str(ARMS_EARLY[1])[-2:]}",
        "ar_arms_late": f"{ARMS_LATE[0]}–{str(ARMS_LATE[1])[-2:]}",
        "ar_rus_aze_early": book.percent(_share(v, "AZE", "RUS", ARMS_EARLY)),
        "ar_rus_aze_late": book.percent(_share(v, "AZE", "RUS", ARMS_LATE)),
        "ar_isr_aze_late": book.percent(_share(v, "AZE", "ISR", ARMS_LATE)),
        "ar_rus_arm_late": book.percent(_share(v, "ARM", "RUS", ARMS_LATE)),
        "ar_blr_years": len(v.blr_years),
        "ar_blr_first": str(v.blr_years[0]),
        "ar_blr_last": str(v.blr_years[-1]),
        "ar_boycott_first": str(boycott_years.min()),
        "ar_boycott_last": str(boycott_years.max()),
        "ar_un_votes": len(v.recent),
        "ar_un_with": book.times(int(v.recent["agrees"].sum())),
    }


def title(v: SimpleNamespace) -> str:
    """The figure's finding, from the answers."""
    asked = book.count_of(len(_to(v, "alliance", "both")), "request")
    level = LEVEL_STYLE[best(v.answers, "alliance")]["label"]
    return (f"The CSTO answered Armenia's {asked} with a {level} at most; Russia sent border "
            "guards")


def figures(tables: dict[str, pd.DataFrame], cutoff: pd.Timestamp) -> dict[str, Chart]:
    """The case's figure: what happened to Armenia, and how the alliance and Russia answered."""
    v = values(tables, cutoff)
    marks = moments.case_moments(MARKS, **_tables(tables))
    return {"fig-case-armenia": annotated_timeline_chart(
        marks, title(v), COLUMNS,
        source="The CSTO Record, data/events.csv, requests.csv, responses.csv, "
               "crisis_candidates.csv")}
