"""Facts of the tests of loyalty (``book/case_loyalty.md``): Russia at war (Georgia 2008, Crimea
2014, Ukraine from 2022), scored from the members' stances and UN votes, and Russia attacked at
home (the Wagner mutiny, the Crocus attack, the Kursk incursion), told from the crises, the
answers and the events."""

from __future__ import annotations

from types import SimpleNamespace

import pandas as pd

from ...charts import Chart, annotated_timeline_chart
from ...measures import cases, moments, votes
from ...measures.levels import LEVEL_RANK
from .. import book
from .checks import Guard, check_all

#: The five members and Uzbekistan, whose membership was suspended in 2012, in the chapter's
#: order.
MEMBERS = ["BLR", "ARM", "KAZ", "KGZ", "TJK", "UZB"]
#: The tests of loyalty the chapter scores, first Georgia's.
TESTS = ["recognize_abkhazia_south_ossetia", "recognize_crimea_annexation",
         "recognize_donetsk_luhansk_2022", "recognize_2022_annexations",
         "support_invasion_ukraine", "sanctions_compliance"]
#: The 2014 resolution on the Crimean referendum, the 2022 one on the invasion, and the 2022 one
#: suspending Russia from the Human Rights Council.
CRIMEA, INVASION, HUMAN_RIGHTS_COUNCIL = "A/RES/68/262", "A/RES/ES-11/1", "A/RES/ES-11/3"
#: Russia's crises at home, 2023-2024: the Wagner mutiny, the Crocus attack, the Kursk incursion.
AT_HOME = {"wagner": "CSTO-2023-RUS-2", "crocus": "CSTO-2024-RUS-3", "kursk": "CSTO-2024-RUS"}
#: The days the prose names, by glue name: the record each is the date of.
DAYS = {
    "ly_georgia_summit": "events:E018",
    "ly_wagner": f"requests:{AT_HOME['wagner']}", "ly_wagner_end": "events:E831",
    "ly_crocus": f"requests:{AT_HOME['crocus']}",
    "ly_crocus_answer": f"responses:{AT_HOME['crocus']}-R1", "ly_tajik_travel": "events:E834",
    "ly_dprk_treaty": "events:E531", "ly_kursk": f"requests:{AT_HOME['kursk']}",
    "ly_kursk_answer": f"responses:{AT_HOME['kursk']}-R1", "ly_dprk_troops": "events:E836",
    "ly_dprk_in_force": "events:E532", "ly_dprk_confirmed": "events:E533",
}
#: Numbers the prose quotes from an event's text: glue name -> (event, where it stands).
TEXTS = {
    "ly_crocus_dead": ("E833", r"at least {n} people"),
    "ly_dprk_n": ("E836", r"{n} North Korean soldiers"),
}
#: The events the prose reads for what members and partners did.
WORDS = {"E028": "Kazakhstan", "E831": "Lukashenko", "E832": "internal matter", "E833": "Tajik",
         "E835": "no member other than Russia condemns", "E531": "Article 4",
         "E533": "Article 4"}

RU, C, M, K = "Russia", "CSTO", "Members", "North Korea"
COLUMNS = (RU, C, M, K)


def values(tables: dict[str, pd.DataFrame], cutoff: pd.Timestamp) -> SimpleNamespace:
    """What the chapter's sentences rest on: the scorecard by state (``card``), the members'
    stances on Georgia (``georgia``), their votes on the Crimean referendum (``crimea``, by
    state) and on Ukraine since 2022 (``later``), how often each matched Russia since 2022
    (``share``: how many, of how many); Russia's crises at home (``at_home``, by request id) and
    the alliance's answers to them (``answers``); each named record's date (``dates``); and the
    events the prose reads (``events``)."""
    stances = tables["stances"]
    agree = votes.agreement_with(tables["un_votes"], tables["un_resolutions"], "RUS", MEMBERS)
    later = agree[agree["date"] >= "2022-01-01"]
    requests, responses = tables["requests"], tables["responses"]
    return SimpleNamespace(
        card=cases.loyalty_scorecard(stances, TESTS, MEMBERS).set_index("state"),
        georgia=stances[(stances["issue"] == TESTS[0]) & stances["state"].isin(MEMBERS)],
        crimea=agree[agree["resolution"] == CRIMEA].set_index("state"),
        invasion=agree[agree["resolution"] == INVASION].set_index("state"),
        later=later,
        share=later.groupby("state")["agrees"].agg(["sum", "count"]),
        at_home=requests[requests["request_id"].isin(AT_HOME.values())].set_index("request_id"),
        answers=responses[responses["request_id"].isin(AT_HOME.values())],
        dates=moments.record_dates(list(DAYS.values()), events=tables["events"],
                                   requests=requests, responses=responses),
        events=tables["events"].set_index("event_id"),
    )


def _with_russia(votes_by_state: pd.DataFrame) -> list[str]:
    return sorted(votes_by_state.index[votes_by_state["agrees"]])


def _on_the_council(v: SimpleNamespace) -> pd.DataFrame:
    """The members that voted as Russia did on suspending it from the Human Rights Council."""
    return v.later[(v.later["resolution"] == HUMAN_RIGHTS_COUNCIL) & v.later["agrees"]]


def _alliance_best(v: SimpleNamespace) -> str:
    levels = v.answers.loc[v.answers["responder"] == "alliance", "level"]
    return max(levels, key=LEVEL_RANK.__getitem__)


GUARDS = (
    Guard("no_member_recognised_abkhazia",
          "not one followed it in recognising the two regions",
          lambda v: v.georgia[v.georgia["alignment"] == "aligned"].empty),
    Guard("all_six_stances_on_georgia",
          "not one of the ... members followed it",
          lambda v: sorted(v.georgia["state"]) == sorted(MEMBERS)),
    Guard("every_vote_since_2022_from_the_emergency_session",
          "the General Assembly's emergency session on Ukraine adopted ... resolutions",
          lambda v: v.later["resolution"].str.startswith("A/RES/ES-11/").all()),
    Guard("armenia_and_belarus_with_russia_on_crimea",
          "Armenia and Belarus were among the ... states voting against with Russia",
          lambda v: _with_russia(v.crimea) == ["ARM", "BLR"]),
    Guard("only_belarus_with_russia_on_the_invasion",
          "On the resolution that condemned the invasion only Belarus voted with Russia",
          lambda v: _with_russia(v.invasion) == ["BLR"]),
    Guard("others_at_most_once",
          "No other member matched Russia more than once. That one time ...",
          lambda v: int(v.share.drop(index="BLR")["sum"].max()) == 1),
    Guard("armenia_stayed_away_on_the_council",
          "while Armenia stayed away",
          lambda v: "ARM" not in set(_on_the_council(v)["state"])),
    Guard("only_belarus_took_part_in_the_war",
          "Only Belarus took part in the war itself",
          lambda v: list(v.card.index[v.card["support_invasion_ukraine"] == "aligned"])
          == ["BLR"]),
    Guard("belarus_the_most_loyal",
          "Belarus was aligned on ... of them",
          lambda v: v.card["score"].idxmax() == "BLR"),
    Guard("russia_asked_its_allies_for_nothing_at_home",
          "In none of the three crises did Russia ask the alliance for help",
          lambda v: set(v.at_home["request_made"]) == {"no"} and len(v.at_home) == len(AT_HOME)),
    Guard("the_alliance_gave_words_at_most",
          "the alliance gave statements and nothing more",
          lambda v: LEVEL_RANK[_alliance_best(v)] <= LEVEL_RANK["statement"]),
    Guard("kursk_was_an_armed_attack",
          "an armed attack by a state outside the alliance on a member's own territory",
          lambda v: v.at_home.at[AT_HOME["kursk"], "threat"] == "armed_attack"),
    Guard("the_events_say_what_the_prose_says",
          "Lukashenko brokered; Tokayev called it an internal matter; Tajik citizens charged; "
          "no member condemned the incursion; North Korea invoked Article 4",
          lambda v: all(words in v.events.at[event, "description"]
                        for event, words in WORDS.items())),
)


def facts(tables: dict[str, pd.DataFrame], cutoff: pd.Timestamp) -> dict[str, str | int]:
    """Every value the chapter glues, by glue name, once every guard holds."""
    v = values(tables, cutoff)
    check_all(GUARDS, v)
    stances, card, dates = tables["stances"], v.card, v.dates
    names = book.state_names(tables["states"])
    russia = stances[(stances["issue"] == TESTS[0]) & (stances["state"] == "RUS")]
    with_russia = _with_russia(v.crimea)
    resolutions = tables["un_resolutions"].set_index("resolution")
    council = _on_the_council(v)
    return {
        "ly_georgia_members": len(v.georgia),
        "ly_rus_recognised": book.day_text(russia["date"].iloc[0]),
        "ly_crimea_no": int(resolutions.at[CRIMEA, "no"]),
        "ly_crimea_others": book.and_list(f"{names[s]} {_vote_words(v.crimea.at[s, 'vote'])}"
                                          for s in v.crimea.index if s not in with_russia),
        "ly_ukr_n": int(v.later["resolution"].nunique()),
        "ly_ukr_last": book.day_text(v.later["date"].max()),
        "ly_blr_with": int(v.share.at["BLR", "sum"]),
        "ly_blr_n": int(v.share.at["BLR", "count"]),
        "ly_others_max": book.times(int(v.share.drop(index="BLR")["sum"].max())),
        "ly_hrc": book.and_list(sorted(names[s] for s in council["state"] if s != "BLR")),
        "ly_tests": book.word(len(TESTS), zero="none"),
        "ly_max_aligned": book.word(max(int((card[test] == "aligned").sum()) for test in TESTS),
                                    zero="none"),
        "ly_blr_aligned": book.word(int(card.at["BLR", "aligned"]), zero="none"),
        "ly_central_aligned": book.word(
            int(card.loc[["KAZ", "KGZ", "TJK", "UZB"], "aligned"].sum()), zero="none"),
        "ly_at_home": book.word(len(v.at_home), zero="none"),
        "ly_kaz": book.when_text(v.events.at["E028", "date"], "month"),
        **{name: book.when_text(dates.at[record, "date"], dates.at[record, "date_precision"])
           for name, record in DAYS.items()},
        **{name: book.found_in(v.events.at[event, "description"], pattern)
           for name, (event, pattern) in TEXTS.items()},
    }


def _vote_words(vote: str) -> str:
    return {"abstain": "abstained", "absent": "stayed away", "yes": "voted yes",
            "no": "voted no"}.get(vote, vote)


def marks(tables: dict[str, pd.DataFrame], cutoff: pd.Timestamp) -> tuple:
    """The figure's moments: Russia's wars and crises at home, and what the alliance, the
    members and North Korea did, each with a short label (the UN votes' labels name the members
    that voted as Russia did)."""
    v = values(tables, cutoff)
    names = book.state_names(tables["states"])
    crimea = book.and_list(names[s] for s in _with_russia(v.crimea))
    invasion = _with_russia(v.invasion)
    invasion_words = f"only {names[invasion[0]]}" if len(invasion) == 1 else \
        book.and_list(names[s] for s in invasion)
    troops = book.found_in(v.events.at["E836", "description"], TEXTS["ly_dprk_n"][1])
    return (
        ("stances:S001", RU, "Recognises Abkhazia, S. Ossetia"),
        ("events:E018", C, "Summit backs Russia in words"),
        ("stances:S002", M, "No member recognises them"),
        ("stances:S009", RU, "Annexes Crimea"),
        (f"votes:{CRIMEA}", M, f"UN vote: {crimea} with Russia"),
        ("stances:S032", RU, "Invades Ukraine"),
        ("stances:S033", M, "Belarus lends its territory"),
        (f"votes:{INVASION}", M, f"UN vote: {invasion_words} with Russia"),
        (f"requests:{AT_HOME['wagner']}", RU, "Wagner mutiny"),
        ("events:E831", M, "Lukashenko brokers a deal"),
        ("events:E832", M, "Tokayev: Russia's own affair"),
        (f"requests:{AT_HOME['crocus']}", RU, "Crocus City Hall attack"),
        (f"responses:{AT_HOME['crocus']}-R1", C, "Assembly condemns it"),
        ("events:E834", M, "Tajikistan warns travellers"),
        ("events:E531", K, "Mutual-defence treaty"),
        (f"requests:{AT_HOME['kursk']}", RU, "Ukraine enters Kursk"),
        (f"responses:{AT_HOME['kursk']}-R1", C, "Watching; no request"),
        ("events:E836", K, f"{troops} troops in Kursk (Kyiv)"),
        ("events:E532", K, "Treaty in force"),
        ("events:E533", K, "Confirms its troops fought"),
    )


def title(v: SimpleNamespace) -> str:
    """The figure's finding, from Russia's crises at home."""
    return (f"In {book.word(len(v.at_home), zero='none')} crises at home Russia asked its allies "
            "for nothing; "
            "North Korean troops came to Kursk")


def figures(tables: dict[str, pd.DataFrame], cutoff: pd.Timestamp) -> dict[str, Chart]:
    """The chapter's figure: Russia's wars and its crises at home, and what the alliance, the
    members and North Korea did."""
    v = values(tables, cutoff)
    moments_told = moments.case_moments(
        marks(tables, cutoff), events=tables["events"], requests=tables["requests"],
        responses=tables["responses"], stances=tables["stances"],
        un_resolutions=tables["un_resolutions"])
    return {"fig-case-loyalty": annotated_timeline_chart(
        moments_told, title(v), COLUMNS,
        source="The CSTO Record, data/events.csv, requests.csv, responses.csv, stances.csv, "
               "un_votes.csv")}
