"""Facts of the case of Tajikistan and the 1990s (``book/case_tajikistan.md``): the civil war, the
CIS force, Russia's division and border troops, the UN observers and the 1997 peace; Karabakh
between two of the treaty's parties, Georgia and Abkhazia, the 1999 non-renewals and GUAM."""

from __future__ import annotations

from types import SimpleNamespace

import pandas as pd

from ...charts import Chart
from ...charts.timelines import annotated_timeline_chart, presence_chart
from ...data.edition import day_text
from ...measures import interventions, records
from ...measures.records import Span
from .. import book
from .checks import Guard, check_all

#: The events the chapter dates, by what they are.
EVENTS = {
    "signed": "E001", "war": "E800", "raid": "E801", "cis_force": "E802", "unmot": "E803",
    "extended": "E804", "peace": "E805", "unmot_widened": "E806", "unmot_killed": "E807",
    "battalions_home": "E808", "unmot_end": "E809", "handover": "E810", "aze_joins": "E002",
    "geo_joins": "E003", "in_force": "E005", "renewed": "E007", "left": "E008",
    "guam_uzb": "E006", "uzb_back": "E014", "uzb_note": "E026", "uzb_suspended": "E027",
    "georgia_cis": "E837", "karabakh_ceasefire": "E838", "abkhaz_ceasefire": "E839",
    "abkhaz_force": "E840", "arms_affair": "E841", "guam": "E842", "not_prolong": "E843",
    "uzb_leaves_guam": "E844", "abkhaz_end": "E845",
}
#: The reported numbers the chapter states (data/quantities.csv).
NUMBERS = {
    "dead_rferl": "Q020", "dead_rferl_2021": "Q021", "dead_epkenhans": "Q022",
    "displaced": "Q023", "raid_guards": "Q024", "raid_civilians": "Q025", "cis_1998": "Q026",
    "cis_1999": "Q027", "russians_1996": "Q028", "border_troops": "Q029",
    "observers_before": "Q030", "observers_after": "Q031", "unmot_dead": "Q032",
    "abkhaz_size": "Q040", "abkhaz_1999": "Q041", "abkhaz_2008": "Q042", "arms_usd": "Q043",
    "arms_tanks": "Q044", "arms_ifv": "Q045",
}
#: Who was in Tajikistan, and when (the forces figure), with the owner each bar is coloured by.
SPANS = (
    (Span("Civil war", "events:E800", end="events:E805"), "war"),
    (Span("Russia's 201st division", None, end="bases:B31:end"), "russia"),
    (Span("Russia's 201st base", "bases:B03:start", ongoing=True), "russia"),
    (Span("Russian border troops", None, end="bases:B32:end"), "russia"),
    (Span("CIS peacekeeping forces", "responses:CSTO-1993-TJK-R1", attested="events:E808"),
     "cis"),
    (Span("UN observers (UNMOT)", "events:E803", end="events:E809"), "un"),
)
#: The milestones labelled above the forces figure: record -> (kind, label).
MILESTONES = {
    "events:E801": ("crisis", "raid from Afghanistan"),
    "events:E802": ("other", "CIS forms the force"),
    "events:E005": ("other", "treaty in force"),
    "events:E805": ("own_step", "peace agreement"),
    "events:E807": ("crisis", "UN observers killed"),
    "events:E808": ("other", "last allied battalion leaves"),
    "events:E810": ("other", "border handover begins"),
}
#: The treaty's first decade on one line: record -> (kind, label).
DECADE = {
    "events:E001": ("other", "treaty signed"),
    "events:E002": ("other", "Azerbaijan joins"),
    "events:E837": ("crisis", "Georgia turns to the CIS"),
    "events:E003": ("other", "Georgia joins"),
    "events:E005": ("other", "in force"),
    "events:E838": ("own_step", "Karabakh ceasefire"),
    "events:E840": ("other", "CIS force for Abkhazia"),
    "events:E841": ("crisis", "arms affair"),
    "events:E842": ("own_step", "GUAM formed"),
    "events:E843": ("other", "two announce exit"),
    "events:E008": ("other", "three leave"),
}
#: The figures' windows.
FORCES_WINDOW = (pd.Timestamp("1992-01-01"), pd.Timestamp("2007-01-01"))
DECADE_WINDOW = (pd.Timestamp("1991-11-01"), pd.Timestamp("2000-03-01"))


def values(tables: dict[str, pd.DataFrame], cutoff: pd.Timestamp) -> SimpleNamespace:
    """What the case's sentences rest on: events, requests, responses, reported numbers and
    bases by id, the CST memberships (``cst``), every deployment on record for the CSTO's
    crises (``deployed``), and the figures' rows (``spans``, ``milestones``, ``decade``)."""
    reqs = tables["requests"][tables["requests"]["organization"] == "CSTO"]
    cst = tables["memberships"][tables["memberships"]["organization"] == "CST"]
    return SimpleNamespace(
        events=tables["events"].set_index("event_id"),
        requests=reqs.set_index("request_id"),
        responses=tables["responses"].set_index("response_id"),
        numbers=tables["quantities"].set_index("quantity_id"),
        bases=tables["bases"].set_index("base_id"),
        cst=cst,
        deployed=interventions.deployments(reqs, tables["responses"], tables["events"]),
        spans=records.record_spans(tables, [s for s, _ in SPANS], cutoff),
        milestones=records.labelled_records(tables, MILESTONES),
        decade=records.labelled_records(tables, DECADE),
        names=book.state_names(tables["states"]),
    )


def _day(v: SimpleNamespace, key: str) -> pd.Timestamp:
    return v.events.at[EVENTS[key], "date"]


def _n(v: SimpleNamespace, key: str, column: str = "value") -> float:
    return float(v.numbers.at[NUMBERS[key], column])


def _text(v: SimpleNamespace, key: str) -> str:
    return str(v.events.at[EVENTS[key], "description"])


def _left_in_1999(v: SimpleNamespace) -> set[str]:
    ended = v.cst[(v.cst["status"] == "member") & (v.cst["end_reason"] == "not_renewed")]
    return set(ended["state"])


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
          lambda v: _n(v, "dead_rferl", "value_high") < _n(v, "dead_rferl_2021")
          and _n(v, "dead_epkenhans") < _n(v, "dead_rferl")),
    Guard("russia_sent_troops_before_the_cis_decided",
          "Moscow reinforced its troops before the CIS acted",
          lambda v: v.responses.at["CSTO-1993-TJK-R4", "date"]
          < v.responses.at["CSTO-1993-TJK-R1", "date"]
          and v.responses.at["CSTO-1993-TJK-R4", "responder"] == "patron"),
    Guard("the_cis_force_came_before_the_treaty_was_in_force",
          "The CIS force was formed before the treaty entered into force, under a CIS agreement",
          lambda v: _day(v, "cis_force") < _day(v, "in_force")
          and v.requests.at["CSTO-1993-TJK", "addressed_to"] == "other_organization"
          and v.responses.at["CSTO-1993-TJK-R3", "level"] == "none"),
    Guard("the_force_was_the_201st_with_token_units",
          "in practice Russia's 201st division with token Kazakh, Kyrgyz and Uzbek units",
          lambda v: "token Kazakh, Kyrgyz and Uzbek" in _text(v, "cis_force")),
    Guard("the_force_shrank",
          "The force shrank as the war wound down",
          lambda v: _n(v, "cis_1999") < _n(v, "cis_1998")
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
          lambda v: _day(v, "handover").year <= v.bases.at["B32", "end"].year
          and "handing" in _text(v, "handover")),
    Guard("unmot_watched_the_ceasefire_and_liaised_with_the_cis_force",
          "UNMOT was to watch the ceasefire and work beside the CIS force",
          lambda v: "ceasefire" in _text(v, "unmot") and "CIS" in _text(v, "unmot")),
    Guard("unmot_grew_after_the_peace",
          "after the peace the Council widened its mandate and raised the ceiling on observers",
          lambda v: _n(v, "observers_after") > _n(v, "observers_before")
          and _day(v, "unmot_widened") > _day(v, "peace")),
    Guard("unmot_outlasted_the_war_and_left_before_the_base",
          "The UN left; Russia's forces stayed",
          lambda v: _day(v, "unmot_end") > _day(v, "peace")
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
          and v.requests.at["CSTO-1993-ARM-AZE", "date"] == _day(v, "aze_joins")),
    Guard("armenias_1992_calls_drew_nothing",
          "Armenia had already called on its treaty partners ..., and nothing had come of it",
          lambda v: all(_alliance_levels(v, r) == {"none"}
                        for r in v.requests.index[(v.requests["requester"] == "ARM")
                                                  & (v.requests["request_made"] == "yes")
                                                  & (v.requests["date"] < _day(v, "in_force"))])),
    Guard("russia_not_the_treaty_brokered_the_ceasefire",
          "Russia, not the treaty, brokered the ceasefire",
          lambda v: v.responses.at["CSTO-1993-ARM-AZE-R2", "responder"] == "patron"
          and v.responses.at["CSTO-1993-ARM-AZE-R2", "date"] == _day(v, "karabakh_ceasefire")
          and "no role for the treaty" in _text(v, "karabakh_ceasefire")),
    Guard("georgia_joined_the_cis_after_defeat",
          "Georgia joined the CIS after its defeat in Abkhazia, and the treaty two months later",
          lambda v: _day(v, "georgia_cis") < _day(v, "geo_joins")
          and 1 <= (_day(v, "geo_joins") - _day(v, "georgia_cis")).days // 30 <= 2),
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
          lambda v: _left_in_1999(v) == {"AZE", "GEO", "UZB"}
          and set(v.events.at[EVENTS["left"], "states"].split(";")) == {"AZE", "GEO", "UZB"}),
    Guard("uzbekistan_joined_guam_the_year_it_left",
          "Uzbekistan joined GUAM in the year it left the treaty",
          lambda v: _day(v, "guam_uzb").year == _day(v, "left").year),
    Guard("uzbekistan_returned_and_was_suspended",
          "It returned to the alliance in 2006; it announced its withdrawal in June 2012, and the "
          "Council suspended its membership that December",
          lambda v: _day(v, "uzb_back") < _day(v, "uzb_note") < _day(v, "uzb_suspended")
          and v.events.at[EVENTS["uzb_suspended"], "type"] == "decision"),
)


def _amount(v: SimpleNamespace, key: str) -> str:
    return f"{_n(v, key):,.0f}"


def _range(v: SimpleNamespace, key: str) -> str:
    return f"{_n(v, key):,.0f} to {_n(v, key, 'value_high'):,.0f}"


def facts(tables: dict[str, pd.DataFrame], cutoff: pd.Timestamp) -> dict[str, str | int]:
    """Every value the chapter glues, by glue name, once every guard holds."""
    v = values(tables, cutoff)
    check_all(GUARDS, v)
    day = {key: day_text(_day(v, key)) for key in EVENTS}
    month = {key: f"{_day(v, key):%B %Y}" for key in EVENTS}
    year = {key: f"{_day(v, key):%Y}" for key in EVENTS}
    parties = set(v.cst["state"])
    r = v.requests
    arm_calls = r[(r["requester"] == "ARM") & (r["request_made"] == "yes")
                  & (r["date"] < _day(v, "in_force"))]
    return {
        "ct_parties": book.word(len(parties)),
        "ct_left": book.word(len(_left_in_1999(v))),
        "kb_arm_calls": book.times_word(len(arm_calls)),
        "kb_arm_year": book.and_list(sorted({f"{d:%Y}" for d in arm_calls["date"]})),
        "tj_cis_1998_when": f"{v.numbers.at[NUMBERS['cis_1998'], 'date']:%Y}",
        "ge_1999_when": f"{v.numbers.at[NUMBERS['abkhaz_1999'], 'date']:%Y}",
        "ge_2008_when": f"{v.numbers.at[NUMBERS['abkhaz_2008'], 'date']:%Y}",
        "nr_six": book.word(len(v.events.at[EVENTS["renewed"], "states"].split(";"))),
        "tj_war": month["war"],
        "tj_dead_rferl": _range(v, "dead_rferl"),
        "tj_dead_rferl_2021": _amount(v, "dead_rferl_2021"),
        "tj_dead_epkenhans": _range(v, "dead_epkenhans"),
        "tj_displaced": f"{_n(v, 'displaced') / 1e6:.1f} million",
        "tj_raid": day["raid"],
        "tj_raid_guards": _amount(v, "raid_guards"),
        "tj_raid_civilians": _amount(v, "raid_civilians"),
        "tj_reinforced": f"{v.responses.at['CSTO-1993-TJK-R4', 'date']:%B %Y}",
        "tj_cis_force": day["cis_force"],
        "tj_in_force": day["in_force"],
        "tj_russians": _amount(v, "russians_1996"),
        "tj_russians_when": f"{v.numbers.at[NUMBERS['russians_1996'], 'date']:%Y}",
        "tj_extended": day["extended"],
        "tj_cis_1998": _amount(v, "cis_1998"),
        "tj_cis_1999": _amount(v, "cis_1999"),
        "tj_cis_1999_when": f"{v.numbers.at[NUMBERS['cis_1999'], 'date']:%B %Y}",
        "tj_battalions_home": month["battalions_home"],
        "tj_base": day_text(v.bases.at["B31", "end"]),
        "tj_border_troops": _amount(v, "border_troops"),
        "tj_border_when": f"{v.numbers.at[NUMBERS['border_troops'], 'date']:%Y}",
        "tj_handover": day["handover"],
        "tj_border_left": f"{v.bases.at['B32', 'end']:%Y}",
        "tj_unmot": day["unmot"],
        "tj_observers_before": _amount(v, "observers_before"),
        "tj_observers_after": _amount(v, "observers_after"),
        "tj_unmot_widened": month["unmot_widened"],
        "tj_unmot_killed": day["unmot_killed"],
        "tj_unmot_dead": book.word(_n(v, "unmot_dead")).capitalize(),
        "tj_unmot_end": day["unmot_end"],
        "tj_peace": day["peace"],
        "kb_aze_joins": day["aze_joins"],
        "kb_ceasefire": day["karabakh_ceasefire"],
        "kb_arms": month["arms_affair"],
        "kb_arms_usd": f"{_n(v, 'arms_usd') / 1000:,.0f} billion",
        "kb_tanks": _amount(v, "arms_tanks"),
        "kb_ifv": _amount(v, "arms_ifv"),
        "ge_cis": day["georgia_cis"],
        "ge_joins": day["geo_joins"],
        "ge_moscow": day["abkhaz_ceasefire"],
        "ge_force": day["abkhaz_force"],
        "ge_size": _range(v, "abkhaz_size"),
        "ge_1999": _amount(v, "abkhaz_1999"),
        "ge_2008": _amount(v, "abkhaz_2008"),
        "ge_gali": f"{v.requests.at['CSTO-1998-GEO', 'date']:%B %Y}",
        "ge_end": day["abkhaz_end"],
        "nr_announce": month["not_prolong"],
        "nr_renewed": day["renewed"],
        "nr_left": day_text(v.cst.loc[v.cst["end_reason"] == "not_renewed", "end"].max()),
        "guam_formed": day["guam"],
        "guam_uzb": year["guam_uzb"],
        "guam_uzb_leaves": month["uzb_leaves_guam"],
        "uzb_back": year["uzb_back"],
        "uzb_note": month["uzb_note"],
        "uzb_suspended": day["uzb_suspended"],
    }


def figures(tables: dict[str, pd.DataFrame], cutoff: pd.Timestamp) -> dict[str, Chart]:
    """The case's figures: who was present in Tajikistan, and when; and the treaty's first
    decade on one line."""
    v = values(tables, cutoff)
    owners = {span.label: owner for span, owner in SPANS}
    left = book.and_list(v.names[s] for s in sorted(_left_in_1999(v)))
    return {
        "fig-case-tajikistan": presence_chart(
            v.spans, v.milestones,
            "Russia's forces were in Tajikistan before the CIS force came and after the UN "
            "left", *FORCES_WINDOW, owners=owners,
            source="The CSTO Record, data/bases.csv, responses.csv and events.csv"),
        "fig-case-1990s": annotated_timeline_chart(
            v.decade, f"The treaty's first decade: a war between two parties, and {left} out by "
            f"{_day(v, 'left'):%Y}", *DECADE_WINDOW,
            source="The CSTO Record, data/events.csv"),
    }
