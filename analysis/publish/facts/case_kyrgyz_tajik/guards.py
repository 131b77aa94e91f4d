"""The guards of the case of Central Asia after 2021: each sentence its prose words from the
data, with the test that the data still supports it."""

from __future__ import annotations

from types import SimpleNamespace

from ....measures.levels import LEVEL_RANK
from ..checks import Guard
from .record import (
    AFGHAN_NEIGHBOURS,
    CENTRAL_ASIA,
    EVENTS,
    LITTLE_ARRIVED,
    SG_ON_DELIVERIES,
    arms_share,
    china_peak_period,
    event_day,
    last_period,
    number,
    published,
)


def _text(v: SimpleNamespace, key: str) -> str:
    return str(v.events.at[EVENTS[key], "description"])


def _largest_chinese_recipient(v: SimpleNamespace) -> str:
    a = v.arms_raw[(v.arms_raw["supplier"] == "CHN") & v.arms_raw["recipient"].isin(CENTRAL_ASIA)]
    return str(a.groupby("recipient")["tiv_million"].sum().idxmax())


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
    Guard("the_2022_war_was_deadlier",
          "The fighting of September 2022 was of another order",
          lambda v: number(v, "dead_2022") > number(v, "dead_2021")),
    Guard("the_evacuation_counts_disagree",
          "Kyrgyzstan's emergencies ministry said it had evacuated ..., the Red Crescent counted "
          "far fewer moved from the villages",
          lambda v: number(v, "red_crescent_2022") < 0.5 * number(v, "evacuated_2022")),
    Guard("the_sochi_decision_answered_a_tajik_request_and_little_arrived",
          "the alliance promised in Sochi to help, and by 2016 little had arrived",
          lambda v: v.requests.at["CSTO-2013-TJK", "addressed_to"] == "alliance"
          and v.responses.at["CSTO-2013-TJK-R1", "date"] == event_day(v, "sochi")
          and f"by {published(v, LITTLE_ARRIVED).year} little had arrived"
          in v.responses.at["CSTO-2013-TJK-R1", "description"]),
    Guard("the_2021_request_drew_a_visit_talks_and_a_programme",
          "In July 2021 Tajikistan asked again; a visit found involvement not yet required, and "
          "the leaders adopted the programme in November 2024",
          lambda v: v.requests.at["CSTO-2021-TJK", "addressed_to"] == "alliance"
          and v.responses.at["CSTO-2021-TJK-R1", "level"] == "mission"
          and "not yet required" in v.responses.at["CSTO-2021-TJK-R1", "description"]
          and v.responses.at["CSTO-2021-TJK-R5", "date"] == event_day(v, "astana")),
    Guard("russia_delivered_on_its_own",
          "Russia, on its own, handed over armoured vehicles",
          lambda v: v.responses.at["CSTO-2021-TJK-R6", "responder"] == "patron"
          and v.responses.at["CSTO-2021-TJK-R6", "level"] == "material_aid"
          and "armoured vehicles" in v.responses.at["CSTO-2021-TJK-R6", "description"]),
    Guard("the_programme_took_more_than_a_decade",
          "a programme that took more than a decade to adopt",
          lambda v: (event_day(v, "astana") - event_day(v, "sochi")).days > 10 * 365),
    Guard("tajikistan_the_only_member_bordering_afghanistan",
          "Tajikistan is the only member of the alliance that borders Afghanistan",
          lambda v: v.members_at_c5 & set(AFGHAN_NEIGHBOURS) == {"TJK"}),
    Guard("the_programme_was_still_in_its_first_stage",
          "In January 2026 the programme was still in its first stage",
          lambda v: "first stage" in _text(v, "first_stage")
          and event_day(v, "first_stage") > event_day(v, "astana")),
    Guard("a_chinese_post_in_murghab",
          "a Chinese-built post near Shaymak in Murghab, reported as manned by Chinese troops and "
          "described by a Tajik official as a Tajik post",
          lambda v: v.bases.at["B29", "operator"] == "CHN" and v.bases.at["B29", "host"] == "TJK"
          and "Tajik post built by China" in _text(v, "murghab")),
    Guard("ishkashim_base_paid_by_china",
          "a base for Tajik special forces near the Afghan border, paid for by China",
          lambda v: "China-funded" in _text(v, "ishkashim")),
    Guard("russia_still_the_main_supplier",
          "Russia remained by far the largest supplier of arms to the region, and China a small "
          "one",
          lambda v: arms_share(v, last_period(v), "RUS") > 0.5
          and arms_share(v, china_peak_period(v), "CHN") < 0.5 * arms_share(v, china_peak_period(v),
                                                                       "RUS")),
    Guard("china_sent_nothing_in_the_last_period",
          "in the last period of the register China delivered nothing to the four",
          lambda v: arms_share(v, last_period(v), "CHN") == 0.0),
    Guard("three_members_signed_with_china",
          "Three of the six signatories besides China were CSTO members: Kazakhstan, Kyrgyzstan "
          "and Tajikistan",
          lambda v: set(v.events.at[EVENTS["c5_treaty"], "states"].split(";"))
          & v.members_at_c5 == {"KAZ", "KGZ", "TJK"}),
    Guard("the_xian_summit_came_first",
          "the first China-Central Asia summit, in Xi'an",
          lambda v: "first China-Central Asia summit" in _text(v, "xian")
          and event_day(v, "xian") < event_day(v, "c5_treaty")),
    Guard("uzbekistan_bars_blocs",
          "a foreign-policy concept that bars membership of military blocs, foreign bases and "
          "operations abroad",
          lambda v: all(w in _text(v, "concept") for w in ("military blocs", "foreign bases",
                                                            "operations abroad"))),
    Guard("uzbekistan_announced_then_suspended",
          "Uzbekistan announced its withdrawal in June 2012 and the Council suspended its "
          "membership in December",
          lambda v: event_day(v, "note") < event_day(v, "concept") < event_day(v, "suspended")
          and v.events.at[EVENTS["suspended"], "type"] == "decision"),
    Guard("uzbekistan_left_twice",
          "Uzbekistan has left the alliance twice",
          lambda v: "UZB" in v.events.at[EVENTS["left"], "states"].split(";")
          and event_day(v, "left") < event_day(v, "back") < event_day(v, "suspended")),
    Guard("deliveries_promised_for_the_following_year",
          "the Secretary General said deliveries would begin the following year",
          lambda v: f"deliveries from {published(v, SG_ON_DELIVERIES).year + 1}"
          in _text(v, "astana")),
    Guard("uzbekistan_keeps_out",
          "it has said it will not rejoin, and in 2026 ordered a new doctrine that keeps it "
          "outside any bloc",
          lambda v: "will not rejoin" in _text(v, "no_return")
          and "outside any military bloc" in _text(v, "new_doctrine")),
    Guard("uzbekistan_took_the_largest_chinese_delivery",
          "the largest Chinese deliveries in the register went to Uzbekistan",
          lambda v: _largest_chinese_recipient(v) == "UZB"),
)
