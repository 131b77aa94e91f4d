"""The interventions chapter's guards: each sentence its prose words from the data, with the
test that the data still supports it."""

from __future__ import annotations

import re
from types import SimpleNamespace

from ..checks import Guard
from .record import (
    EVENTS,
    KAZ_RESPONSE,
    NUMBERS,
    TOTAL_LABELS,
    calls_to,
    deployed_by,
    event_day,
    looser,
    number,
    preferred_sum,
    total,
    unasked,
    used_total,
)


def _answered_with_troops(v: SimpleNamespace, channel: str) -> list[str]:
    c = calls_to(v, channel)
    return c.index[c["deployed"]].tolist()


def _early_breakdown(v: SimpleNamespace) -> float:
    """The early country breakdown: the reports that are not the sending governments' own."""
    return sum(number(v, k) for k in ("rus", "blr", "tjk", "kgz_early", "arm_early"))


def _states_in(description: str, names: dict[str, str]) -> set[str]:
    return {code for code in names if re.search(rf"\b{code}\b", description)}


def _highest(v: SimpleNamespace, channel: str, request_id: str) -> str:
    return str(calls_to(v, channel).at[request_id, "highest_level"])


GUARDS = (
    Guard("the_alliance_sent_troops_once_for_kazakhstan",
          "The CSTO has sent troops of its own once, to Kazakhstan in January 2022",
          lambda v: deployed_by(v, "alliance") == ["CSTO-2022-KAZ"]
          and _answered_with_troops(v, "alliance") == ["CSTO-2022-KAZ"]),
    Guard("the_cis_sent_the_1990s_forces",
          "The two forces of the 1990s, for Tajikistan in 1993 and for Abkhazia in 1994, were the "
          "CIS's, sent on requests addressed to the CIS",
          lambda v: deployed_by(v, "other_organization") == ["CSTO-1993-TJK", "CSTO-1994-GEO"]
          and {r for r in calls_to(v, "other_organization").index
               if v.requests.at[r, "date"].year < 2000} == {"CSTO-1993-TJK", "CSTO-1994-GEO"}
          and all("CIS" in str(v.requests.at[r, "instrument"])
                  for r in ("CSTO-1993-TJK", "CSTO-1994-GEO"))),
    Guard("the_call_for_police_went_to_the_osce",
          "Otunbayeva called publicly for outside police, a call that went to the OSCE, not to "
          "the alliance: the OSCE agreed to send a small group of unarmed police officers",
          lambda v: v.requests.at["CSTO-2010-KGZ-2", "addressed_to"] == "other_organization"
          and "OSCE" in str(v.requests.at["CSTO-2010-KGZ-2", "note"])
          and set(v.responses.loc[(v.responses["request_id"] == "CSTO-2010-KGZ-2")
                                  & (v.responses["responder"] == "other_organization"),
                                  "level"]) == {"mission"}),
    Guard("the_tajik_request_came_before_the_treaty_was_in_force",
          "Tajikistan's request of 1993 came before the treaty entered into force",
          lambda v: v.requests.at["CSTO-1993-TJK", "date"] < v.in_force),
    Guard("russia_sent_troops_more_often_than_the_alliance",
          "Russia, acting on its own, sent troops more often than either organization",
          lambda v: len(deployed_by(v, "patron")) > max(
              len(deployed_by(v, "alliance")), len(deployed_by(v, "other_organization")))),
    Guard("russia_sent_troops_unasked_in_the_1990s_conflicts",
          "three of Russia's deployments answered no appeal to Russia: Tajikistan in 1992 and "
          "1993 and Abkhazia in 1994",
          lambda v: unasked(v) == ["CSTO-1992-TJK", "CSTO-1993-TJK", "CSTO-1994-GEO"]),
    Guard("article_4_invoked_twice_in_2022",
          "counted as calls on the alliance that named Article 4 after the treaty entered into "
          "force, members invoked it twice, both in 2022: Kazakhstan in January and Armenia in "
          "September",
          lambda v: sorted(v.invocations["request_ids"].tolist()) == ["CSTO-2022-ARM",
                                                                      "CSTO-2022-KAZ"]),
    Guard("either_rule_one_answer_with_troops_for_unrest",
          "counted by either rule, it was answered with troops once, and that once was for "
          "unrest, not for an attack from outside; Armenia's invocation after an attack drew a "
          "mission",
          lambda v: [r for r in looser(v) if v.outcomes.at[r, "deployed"]] == ["CSTO-2022-KAZ"]
          and v.requests.at["CSTO-2022-KAZ", "threat"] == "unrest"
          and v.requests.at["CSTO-2022-ARM", "threat"] == "armed_attack"
          and v.outcomes.at["CSTO-2022-ARM", "highest_level"] == "mission"),
    Guard("armenia_1992_calls_named_no_article_before_force",
          "Armenia's two calls of 1992 went to the treaty's partners before it was in force "
          "and named no article",
          lambda v: sorted(v.before_force["request_id"]) == ["CSTO-1992-ARM", "CSTO-1992-ARM-2"]
          and not v.before_force["instrument"].str.contains(r"Article \d").any()),
    Guard("kyrgyzstan_1999_appealed_to_russia_and_got_arms_not_troops",
          "Kyrgyzstan's call of 1999 went to Moscow; the treaty's partners then agreed to send "
          "arms, equipment and advisers, but no troops",
          lambda v: v.requests.at["CSTO-1999-KGZ", "addressed_to"] == "patron"
          and v.outcomes.at["CSTO-1999-KGZ", "highest_level"] == "material_aid"
          and "no troops" in v.responses.at["CSTO-1999-KGZ-R1", "description"]),
    Guard("kyrgyzstan_2010_appealed_to_russia_for_troops",
          "Otunbayeva's appeal went to Moscow and asked for troops; Moscow answered with words, "
          "and the alliance with consultations, a visit and lent equipment",
          lambda v: v.requests.at["CSTO-2010-KGZ", "addressed_to"] == "patron"
          and v.requests.at["CSTO-2010-KGZ", "patron_asked_level"] == "deployment"
          and _highest(v, "patron", "CSTO-2010-KGZ") == "statement"
          and v.outcomes.at["CSTO-2010-KGZ", "highest_level"] == "material_aid"),
    Guard("the_2010_protocols_followed_the_kyrgyz_crisis",
          "the members rewrote Article 4 in December 2010, after the Kyrgyz crisis, to cover "
          "attacks on a member's stability",
          lambda v: "Kyrgyz" in v.events.at[EVENTS["protocol_signed"], "description"]
          and "stability" in v.events.at[EVENTS["protocol_signed"], "description"]
          and event_day(v, "protocol_signed") > v.requests.at["CSTO-2010-KGZ", "date"]),
    Guard("the_crisis_regulations_came_with_the_protocols",
          "the regulations on the use of the collective forces and on the response to crisis "
          "situations that the same session adopted and that took effect with the protocols",
          lambda v: event_day(v, "regulations") == event_day(v, "protocol_signed")
          and "crisis situations" in v.events.at[EVENTS["regulations"], "description"]
          and "use of" in v.events.at[EVENTS["regulations"], "description"]
          and "take effect with the 2010 protocols"
          in v.events.at[EVENTS["regulations"], "description"]),
    Guard("kazakhstan_invoked_article_4",
          "President Tokayev asked ... under Article 4 of the treaty",
          lambda v: "Article 4" in v.requests.at["CSTO-2022-KAZ", "instrument"]
          and v.requests.at["CSTO-2022-KAZ", "addressed_to"] == "alliance"),
    Guard("the_council_decided_overnight_under_armenias_chair",
          "The Council decided overnight, under Armenia's chairmanship",
          lambda v: (event_day(v, "kaz_decision") - event_day(v, "kaz_appeal")).days <= 1
          and v.kaz_chair == "ARM"),
    Guard("five_members_sent_troops",
          "Russia, Belarus, Tajikistan, Kyrgyzstan and Armenia sent troops; Kazakhstan received "
          "them",
          lambda v: _states_in(v.responses.at[KAZ_RESPONSE, "description"], v.names)
          == {"RUS", "BLR", "ARM", "TJK", "KGZ"}
          and set(v.numbers.loc[[NUMBERS[k] for k in ("rus", "blr", "tjk", "kgz", "arm")],
                                "states"]) == {"RUS", "BLR", "ARM", "TJK", "KGZ"}),
    Guard("the_highest_figure_adds_up_the_early_breakdown",
          "The highest, ..., adds up an early rough breakdown by country",
          lambda v: _early_breakdown(v) == total(v, "req-apostrophe-kaz-2022")
          == float(v.totals["value"].astype(float).max())),
    Guard("the_nominal_size_is_the_whole_force",
          "the ... that some reports give is the nominal size of the whole peacekeeping force",
          lambda v: total(v, "req-seed-biznesalert-2022") == float(v.nominal)),
    Guard("the_country_figures_exceed_every_count_of_troops_sent",
          "added up, the country figures come to more than any count of the troops sent",
          lambda v: preferred_sum(v) > max(total(v, s) for s in TOTAL_LABELS
                                            if s not in ("req-seed-biznesalert-2022",
                                                         "req-apostrophe-kaz-2022"))),
    Guard("the_book_uses_tokayevs_count",
          "The book uses ..., the count Tokayev gave the Council on 10 January",
          lambda v: used_total(v) == float(v.responses.at[KAZ_RESPONSE, "troops"])
          and v.totals.loc[v.totals["used"], "source"].iloc[0]
          == "req-rbc-kaz-2022;req-lb-kaz-2022"
          and event_day(v, "kaz_session") == v.responses.at["CSTO-2022-KAZ-R2", "date"]),
    Guard("armenia_and_kyrgyzstan_figures_disagree",
          "For Armenia and Kyrgyzstan the reports disagree",
          lambda v: number(v, "arm") != number(v, "arm_early")
          and number(v, "kgz") != number(v, "kgz_early")),
    Guard("serdyukov_commanded_the_airborne_forces",
          "Colonel General Andrei Serdyukov, the commander of Russia's Airborne Forces",
          lambda v: "Serdyukov" in v.events.at[EVENTS["kaz_command"], "description"]
          and "Airborne" in v.events.at[EVENTS["kaz_command"], "description"]),
    Guard("the_last_troops_left_the_day_the_emergency_ended",
          "the last contingents left on ..., the day the state of emergency was lifted",
          lambda v: event_day(v, "kaz_last_out") == v.responses.at[KAZ_RESPONSE, "end"]
          and "state of emergency" in v.events.at[EVENTS["kaz_last_out"], "description"]
          and event_day(v, "kaz_tjk_out") < event_day(v, "kaz_last_out")),
    Guard("sent_within_a_day_and_gone_within_a_fortnight",
          "within a day the alliance sent a force ... and left within a fortnight",
          lambda v: (v.responses.at[KAZ_RESPONSE, "date"] - event_day(v, "kaz_appeal")).days <= 1
          and (v.responses.at[KAZ_RESPONSE, "end"]
               - v.responses.at[KAZ_RESPONSE, "date"]).days <= 14),
    Guard("the_protests_began_before_the_appeal",
          "Protests ... began in Zhanaozen and Aktau on ... and reached Almaty within days",
          lambda v: 0 < (event_day(v, "kaz_appeal") - v.protests).days <= 7),
    Guard("the_toll_rose_with_each_count",
          "The official toll rose with each count",
          lambda v: number(v, "dead_first") < number(v, "dead_march") < number(v, "dead_final")
          and v.numbers.at[NUMBERS["dead_first"], "date"]
          < v.numbers.at[NUMBERS["dead_march"], "date"]),
    Guard("armenia_2021_asked_both_and_russia_sent_border_guards",
          "In May 2021 Armenia called on both; the alliance's Secretariat said it was watching, "
          "its foreign ministers took the border up at a meeting, and in August Russian border "
          "guards deployed",
          lambda v: v.requests.at["CSTO-2021-ARM", "addressed_to"] == "both"
          and _highest(v, "alliance", "CSTO-2021-ARM") == "consultation"
          and _highest(v, "patron", "CSTO-2021-ARM") == "deployment"
          and "border guards" in v.responses.at["CSTO-2021-ARM-R5", "description"]),
    Guard("russia_brokered_the_november_2021_ceasefire_the_same_day",
          "Russia's defence minister brokered a ceasefire the same day",
          lambda v: v.requests.at["CSTO-2021-ARM-2", "addressed_to"] == "patron"
          and v.responses.at["CSTO-2021-ARM-2-R2", "date"]
          == v.requests.at["CSTO-2021-ARM-2", "date"]
          and v.responses.at["CSTO-2021-ARM-2-R2", "level"] == "consultation"),
    Guard("armenia_2022_asked_for_troops_and_got_a_mission",
          "asked for help including military to restore its territory, the most a member can "
          "ask of an ally; the alliance sent a fact-finding mission, and Russia mediated",
          lambda v: v.requests.at["CSTO-2022-ARM", "asked_level"] == "deployment"
          and _highest(v, "alliance", "CSTO-2022-ARM") == "mission"
          and _highest(v, "patron", "CSTO-2022-ARM") == "consultation"),
    Guard("every_deployment_is_drawn",
          "every deployment on record is drawn, the CIS force for Tajikistan included",
          lambda v: set(zip(v.deployed["request_id"], v.deployed["responder"]))
          == set(zip(*[v.marks.loc[v.marks["kind"] == "deployment_span", c]
                       for c in ("request_id", "channel")]))),
)
