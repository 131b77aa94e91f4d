"""The guards of the case of Tajikistan and the 1990s: each sentence its prose words from the
data, with the test that the data still supports it."""

from __future__ import annotations

from types import SimpleNamespace

import pandas as pd

from ..checks import Guard
from .record import EVENTS, FORCES_WINDOW, NUMBERS, event_day, left_in_1999, number


def _text(v: SimpleNamespace, key: str) -> str:
    return str(v.events.at[EVENTS[key], "description"])


def _alliance_levels(v: SimpleNamespace, request_id: str) -> set[str]:
    r = v.responses
    return set(r.loc[(r["request_id"] == request_id) & (r["responder"] == "alliance"), "level"])


def _span(v: SimpleNamespace, label: str) -> pd.Series:
    return v.spans.set_index("label").loc[label]


GUARDS = (
    Guard("no_tajik_request_to_the_treaty",
          "No request from Dushanbe to the treaty's partners is on record for 1992",
          lambda v: v.requests.at["CSTO-1992-TJK", "request_made"] == "no"),
    Guard("the_201st_took_the_governments_side",
          "Russia's 201st division, stationed in the country, took the government's side",
          lambda v: v.responses.at["CSTO-1992-TJK-R1", "responder"] == "patron"
          and v.responses.at["CSTO-1992-TJK-R1", "level"] == "deployment"
          and "201st" in v.responses.at["CSTO-1992-TJK-R1", "description"]),
    Guard("the_death_estimates_disagree",
          "Estimates of the dead disagree widely",
          lambda v: number(v, "dead_rferl", "value_high") < number(v, "dead_rferl_2021")
          and number(v, "dead_epkenhans") < number(v, "dead_rferl")),
    Guard("russia_sent_troops_before_the_cis_decided",
          "Moscow reinforced its troops before the CIS acted",
          lambda v: v.responses.at["CSTO-1993-TJK-R4", "date"]
          < v.responses.at["CSTO-1993-TJK-R1", "date"]
          and v.responses.at["CSTO-1993-TJK-R4", "responder"] == "patron"),
    Guard("the_cis_force_came_before_the_treaty_was_in_force",
          "The CIS force was formed before the treaty entered into force, under a CIS agreement",
          lambda v: event_day(v, "cis_force") < event_day(v, "in_force")
          and v.requests.at["CSTO-1993-TJK", "addressed_to"] == "other_organization"
          and v.responses.at["CSTO-1993-TJK-R3", "level"] == "none"),
    Guard("the_force_was_the_201st_with_token_units",
          "in practice Russia's 201st division with token Kazakh, Kyrgyz and Uzbek units",
          lambda v: "token Kazakh, Kyrgyz and Uzbek" in _text(v, "cis_force")),
    Guard("the_force_shrank",
          "The force shrank as the war wound down",
          lambda v: number(v, "cis_1999") < number(v, "cis_1998")
          and v.numbers.at[NUMBERS["cis_1999"], "date"]
          > v.numbers.at[NUMBERS["cis_1998"], "date"]),
    Guard("the_allied_battalions_left_by_1999",
          "the Uzbek battalion left in December 1998 and the Kyrgyz one was home by March 1999, "
          "leaving the force Russian",
          lambda v: "exclusively Russian" in _text(v, "battalions_home")
          and "Uzbekistan withdrew" in _text(v, "battalions_home")),
    Guard("the_end_of_the_force_is_not_dated",
          "no source read dates the end of the CIS force",
          lambda v: v.deployed.set_index(["request_id", "responder"]).loc[
              ("CSTO-1993-TJK", "other_organization"), "end"] is pd.NaT
          or pd.isna(v.deployed.set_index(["request_id", "responder"]).loc[
              ("CSTO-1993-TJK", "other_organization"), "end"])),
    Guard("the_division_became_a_base",
          "the 201st division became Russia's 201st Military Base",
          lambda v: v.bases.at["B31", "end"] == v.bases.at["B03", "start"]
          and pd.isna(v.bases.at["B03", "end"]) and pd.isna(v.bases.at["B31", "start"])),
    Guard("the_border_troops_handed_over_and_left",
          "Russian border troops began handing over the border ... and left in",
          lambda v: event_day(v, "handover").year <= v.bases.at["B32", "end"].year
          and "handing" in _text(v, "handover")),
    Guard("unmot_watched_the_ceasefire_and_liaised_with_the_cis_force",
          "UNMOT was to watch the ceasefire and work beside the CIS force",
          lambda v: "ceasefire" in _text(v, "unmot") and "CIS" in _text(v, "unmot")),
    Guard("unmot_grew_after_the_peace",
          "after the peace the Council widened its mandate and raised the ceiling on observers",
          lambda v: number(v, "observers_after") > number(v, "observers_before")
          and event_day(v, "unmot_widened") > event_day(v, "peace")),
    Guard("unmot_outlasted_the_war_and_left_before_the_base",
          "The UN left; Russia's forces stayed",
          lambda v: event_day(v, "unmot_end") > event_day(v, "peace")
          and _span(v, "Russia's 201st base")["end_kind"] == "ongoing"),
    Guard("forces_figure_title",
          "Russia's forces were in Tajikistan before the CIS force came and after the UN left",
          lambda v: pd.isna(_span(v, "Russia's 201st division")["start"])
          and _span(v, "CIS peacekeeping forces")["start"] > FORCES_WINDOW[0]
          and _span(v, "Russia's 201st base")["end_kind"] == "ongoing"),
    Guard("karabakh_between_two_parties_without_a_request",
          "From Azerbaijan's accession the Karabakh war was fought between two of the treaty's "
          "parties; no request by either side to the treaty's bodies is on record, and the "
          "bodies did nothing",
          lambda v: v.requests.at["CSTO-1993-ARM-AZE", "request_made"] == "no"
          and v.responses.at["CSTO-1993-ARM-AZE-R1", "level"] == "none"
          and v.requests.at["CSTO-1993-ARM-AZE", "date"] == event_day(v, "aze_joins")),
    Guard("armenias_1992_calls_drew_nothing",
          "Armenia had already called on its treaty partners ..., and nothing had come of it",
          lambda v: all(_alliance_levels(v, r) == {"none"}
                        for r in v.requests.index[
                            (v.requests["requester"] == "ARM")
                            & (v.requests["request_made"] == "yes")
                            & (v.requests["date"] < event_day(v, "in_force"))])),
    Guard("russia_not_the_treaty_brokered_the_ceasefire",
          "Russia, not the treaty, brokered the ceasefire",
          lambda v: v.responses.at["CSTO-1993-ARM-AZE-R2", "responder"] == "patron"
          and v.responses.at["CSTO-1993-ARM-AZE-R2", "date"] == event_day(v, "karabakh_ceasefire")
          and "no role for the treaty" in _text(v, "karabakh_ceasefire")),
    Guard("georgia_joined_the_cis_after_defeat",
          "Georgia joined the CIS after its defeat in Abkhazia, and the treaty two months later",
          lambda v: event_day(v, "georgia_cis") < event_day(v, "geo_joins")
          and 1 <= (event_day(v, "geo_joins") - event_day(v, "georgia_cis")).days // 30 <= 2),
    Guard("both_sides_asked_the_cis_for_the_abkhaz_force",
          "after both sides asked for it, the CIS decided to send a force built on the Russian "
          "contingent already there",
          lambda v: v.requests.at["CSTO-1994-GEO", "addressed_to"] == "other_organization"
          and "after appeals by both sides" in _text(v, "abkhaz_force")
          and "Russian contingent" in _text(v, "abkhaz_force")),
    Guard("georgia_protested_the_peacekeepers_passivity",
          "Georgia protested to Moscow at the Russian peacekeepers' passivity",
          lambda v: "passivity" in v.responses.at["CSTO-1998-GEO-R1", "description"]
          and v.requests.at["CSTO-1998-GEO", "request_made"] == "no"),
    Guard("three_left_in_1999",
          "Azerbaijan, Georgia and Uzbekistan did not renew the treaty",
          lambda v: left_in_1999(v) == {"AZE", "GEO", "UZB"}
          and set(v.events.at[EVENTS["left"], "states"].split(";")) == {"AZE", "GEO", "UZB"}),
    Guard("uzbekistan_joined_guam_the_year_it_left",
          "Uzbekistan joined GUAM in the year it left the treaty",
          lambda v: event_day(v, "guam_uzb").year == event_day(v, "left").year),
    Guard("uzbekistan_returned_and_was_suspended",
          "It returned to the alliance in 2006; it announced its withdrawal in June 2012, and the "
          "Council suspended its membership that December",
          lambda v: event_day(v, "uzb_back") < event_day(v, "uzb_note")
          < event_day(v, "uzb_suspended")
          and v.events.at[EVENTS["uzb_suspended"], "type"] == "decision"),
)
