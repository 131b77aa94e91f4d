"""Facts of the chapter on interventions (``book/interventions.md``): every call for help a member
made, by channel (to the alliance, to Russia, to the CIS), every deployment whoever sent it, the
rule for counting invocations of Article 4, and the cases of Kyrgyzstan 2010, Kazakhstan 2022 and
Armenia 2021-22."""

from __future__ import annotations

import re
from types import SimpleNamespace

import pandas as pd

from ...charts import Chart
from ...charts.interventions import channel_timeline_chart, contingents_chart
from ...data.edition import day_text
from ...measures import calls as by_channel
from ...measures import compare, interventions, provenance
from ...measures.requests import request_outcomes
from .. import book
from .checks import Guard, check_all

#: The Kazakhstan deployment's response, whose troop numbers the sources dispute.
KAZ_RESPONSE = "CSTO-2022-KAZ-R1"
#: Deployments whose end no response row gives, ended by an event: the CIS closed the
#: peacekeeping operation in Abkhazia in October 2008.
ENDS = {"CSTO-1994-GEO-R2": "E845"}
#: Deployments whose end no source gives, with the last event that shows the force in place: the
#: Kyrgyz battalion's return from the CIS force in Tajikistan in March 1999.
ATTESTED = {"CSTO-1993-TJK-R1": "E808"}
#: The events the chapter dates: the treaty's entry into force, Tokayev's appeal, the Council's
#: decision, Serdyukov's appointment, the order to fire, the last troops out, the Tajik
#: contingent's return, the Kyrgyz and Tajik parliaments' votes, the 2010 protocols.
EVENTS = {"in_force": "E005", "kaz_appeal": "E811", "kaz_decision": "E028",
          "kaz_command": "E814", "kaz_fire": "E813", "kaz_last_out": "E816",
          "kaz_tjk_out": "E902", "kaz_kgz_vote": "E812", "kaz_tjk_vote": "E901",
          "protocol_signed": "E043", "protocol_in_force": "E044", "kaz_session": "E815",
          "regulations": "E920",
          "signed": "E001", "joint_staff": "E045"}
#: The crisis candidate that dates the start of the Kazakh protests.
KAZ_PROTESTS = "CSTO-C-080"
#: The reported numbers the chapter states (data/quantities.csv), by what they count.
NUMBERS = {"rus": "Q001", "blr": "Q002", "tjk": "Q003", "kgz": "Q004", "kgz_early": "Q005",
           "kgz_vehicles": "Q006", "arm": "Q007", "arm_early": "Q008", "vehicles": "Q009",
           "dead_first": "Q010", "dead_march": "Q011", "dead_security": "Q012",
           "dead_final": "Q013"}
#: Who gave each figure for the whole Kazakhstan force, and when (by the source of its row in
#: data/discrepancies.csv), as the figure labels it.
TOTAL_LABELS = {
    "req-qazaqtv-kaz-2022": "Qazaq TV, 13 Jan: still there",
    "req-rbc-kaz-2022;req-lb-kaz-2022": "Tokayev to the Council, 10 Jan",
    "req-sputnik-kaz-2022": "Secretary General Zas, 6 Jan",
    "req-sbby-kaz-withdrawal-2022": "Withdrawal report, 19 Jan: left",
    "req-seed-biznesalert-2022": "Nominal size of the whole force",
    "req-apostrophe-kaz-2022": "Sum of an early breakdown",
}
#: The Collective Security Council session on the Kazakhstan operation (its chair's state).
KAZ_SESSION = "CSC-2022-01-10-video-extraordinary"
#: The CSTO's collective peacekeeping forces (data/forces.csv).
PEACEKEEPING_FORCES = "F03"


def values(tables: dict[str, pd.DataFrame], cutoff: pd.Timestamp) -> SimpleNamespace:
    """What the chapter's sentences rest on: the CSTO's requests (``requests``, by id) and the
    alliance's outcomes (``outcomes``), every call by channel (``calls``), every deployment
    (``deployed``), the timeline's marks and crises per year (``marks``, ``per_year``), the
    responses, events and reported numbers by id, the invocations of Article 4 after the treaty
    entered into force (``invocations``) and the calls to the treaty's partners before it
    (``before_force``), the competing troop totals for Kazakhstan (``totals``), the chair of the
    session on Kazakhstan (``kaz_chair``) and the nominal size of the peacekeeping forces
    (``nominal``)."""
    reqs = tables["requests"][tables["requests"]["organization"] == "CSTO"]
    calls = by_channel.calls_by_channel(reqs, tables["responses"])
    deployed = interventions.deployments(reqs, tables["responses"], tables["events"], ENDS,
                                         ATTESTED)
    names = book.state_names(tables["states"])
    events = tables["events"].set_index("event_id")
    in_force = events.at[EVENTS["in_force"], "date"]
    clauses = compare.clause_invocations(reqs, tables["responses"])
    article4 = clauses[clauses["clause"] == "collective_defence"]
    made = reqs[reqs["request_made"] == "yes"]
    treaty = made["instrument"].fillna("").str.contains("Collective Security Treaty")
    sessions = tables["summit_attendance"].drop_duplicates("session_id").set_index("session_id")
    return SimpleNamespace(
        requests=reqs.set_index("request_id"),
        outcomes=request_outcomes(reqs, tables["responses"]).set_index("request_id"),
        calls=calls,
        deployed=deployed,
        marks=by_channel.channel_marks(calls, tables["responses"], deployed, names),
        per_year=by_channel.calls_per_year(reqs),
        responses=tables["responses"].set_index("response_id"),
        events=events,
        numbers=tables["quantities"].set_index("quantity_id"),
        in_force=in_force,
        invocations=article4[article4["date"] >= in_force],
        before_force=made[treaty.to_numpy(dtype=bool) & (made["date"] < in_force).to_numpy(
            dtype=bool) & made["addressed_to"].isin(["alliance", "both"]).to_numpy(dtype=bool)],
        totals=provenance.competing_values(tables["discrepancies"], "responses", KAZ_RESPONSE,
                                           "troops"),
        kaz_chair=sessions.at[KAZ_SESSION, "chair_state"],
        nominal=tables["forces"].set_index("force_id").at[PEACEKEEPING_FORCES, "strength"],
        names=names,
        protests=tables["crisis_candidates"].set_index("candidate_id").at[KAZ_PROTESTS, "date"],
    )


# --- what the guards read -------------------------------------------------------------------------

def _channel(v: SimpleNamespace, channel: str) -> pd.DataFrame:
    return v.calls[v.calls["channel"] == channel].set_index("request_id")


def _deployed_by(v: SimpleNamespace, responder: str) -> list[str]:
    d = v.deployed
    return d.loc[d["responder"] == responder, "request_id"].tolist()


def _answered_with_troops(v: SimpleNamespace, channel: str) -> list[str]:
    c = _channel(v, channel)
    return c.index[c["deployed"]].tolist()


def _number(v: SimpleNamespace, key: str) -> float:
    return float(v.numbers.at[NUMBERS[key], "value"])


def _early_breakdown(v: SimpleNamespace) -> float:
    """The early country breakdown: the reports that are not the sending governments' own."""
    return sum(_number(v, k) for k in ("rus", "blr", "tjk", "kgz_early", "arm_early"))


def _preferred_sum(v: SimpleNamespace) -> float:
    """The country figures added up, each state's own figure where it gave one."""
    return sum(_number(v, k) for k in ("rus", "blr", "tjk", "kgz", "arm"))


def _total(v: SimpleNamespace, source: str) -> float:
    t = v.totals
    return float(t.loc[t["source"] == source, "value"].astype(float).iloc[0])


def _used_total(v: SimpleNamespace) -> float:
    return float(v.totals.loc[v.totals["used"], "value"].astype(float).iloc[0])


def _day(v: SimpleNamespace, key: str) -> pd.Timestamp:
    return v.events.at[EVENTS[key], "date"]


def _states_in(description: str, names: dict[str, str]) -> set[str]:
    return {code for code in names if re.search(rf"\b{code}\b", description)}


def _looser(v: SimpleNamespace) -> list[str]:
    """Calls that cited the treaty: the invocations of Article 4 and the calls to the treaty's
    partners before it was in force."""
    named = [r for ids in v.invocations["request_ids"] for r in ids.split(";")]
    return sorted(set(named) | set(v.before_force["request_id"]))


def _unasked(v: SimpleNamespace) -> list[str]:
    """Russia's deployments that answered no appeal to Russia."""
    return sorted(set(_deployed_by(v, "patron")) - set(_channel(v, "patron").index))


def _years_by_state(v: SimpleNamespace, request_ids: list[str]) -> str:
    """``"Tajikistan in 1992 and 1993 and Georgia in 1994"``: the requesters and years of
    ``request_ids``, states in order of their first year."""
    years: dict[str, list[str]] = {}
    for r in sorted(request_ids, key=lambda r: v.requests.at[r, "date"]):
        state = v.names[str(v.requests.at[r, "requester"])]
        years.setdefault(state, []).append(f"{v.requests.at[r, 'date']:%Y}")
    return book.and_list(f"{state} in {book.and_list(ys)}" for state, ys in years.items())


def _invoked_when(v: SimpleNamespace) -> str:
    """``"both in 2022: Kazakhstan in January and Armenia in September"``: when and by whom
    Article 4 was invoked."""
    rows = v.invocations.sort_values("date")
    who = [(v.names[str(v.requests.at[ids.split(";")[0], "requester"])], day)
           for ids, day in zip(rows["request_ids"], rows["date"])]
    years = {f"{day:%Y}" for _, day in who}
    if len(years) == 1:
        prefix = f"{'both' if len(who) == 2 else 'all'} in {years.pop()}: "
        return prefix + book.and_list(f"{name} in {day:%B}" for name, day in who)
    return book.and_list(f"{name} in {day:%B %Y}" for name, day in who)


def _highest(v: SimpleNamespace, channel: str, request_id: str) -> str:
    return str(_channel(v, channel).at[request_id, "highest_level"])


GUARDS = (
    Guard("the_alliance_sent_troops_once_for_kazakhstan",
          "The CSTO has sent troops of its own once, to Kazakhstan in January 2022",
          lambda v: _deployed_by(v, "alliance") == ["CSTO-2022-KAZ"]
          and _answered_with_troops(v, "alliance") == ["CSTO-2022-KAZ"]),
    Guard("the_cis_sent_the_1990s_forces",
          "The two forces of the 1990s, for Tajikistan in 1993 and for Abkhazia in 1994, were the "
          "CIS's, sent on requests addressed to the CIS",
          lambda v: _deployed_by(v, "other_organization") == ["CSTO-1993-TJK", "CSTO-1994-GEO"]
          and set(_channel(v, "other_organization").index) == {"CSTO-1993-TJK",
                                                               "CSTO-1994-GEO"}
          and all("CIS" in str(v.requests.at[r, "instrument"])
                  for r in ("CSTO-1993-TJK", "CSTO-1994-GEO"))),
    Guard("the_tajik_request_came_before_the_treaty_was_in_force",
          "Tajikistan's request of 1993 came before the treaty entered into force",
          lambda v: v.requests.at["CSTO-1993-TJK", "date"] < v.in_force),
    Guard("russia_sent_troops_more_often_than_the_alliance",
          "Russia, acting on its own, sent troops more often than either organization",
          lambda v: len(_deployed_by(v, "patron")) > max(
              len(_deployed_by(v, "alliance")), len(_deployed_by(v, "other_organization")))),
    Guard("russia_sent_troops_unasked_in_the_1990s_conflicts",
          "three of Russia's deployments answered no appeal to Russia: Tajikistan in 1992 and "
          "1993 and Abkhazia in 1994",
          lambda v: _unasked(v) == ["CSTO-1992-TJK", "CSTO-1993-TJK", "CSTO-1994-GEO"]),
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
          lambda v: [r for r in _looser(v) if v.outcomes.at[r, "deployed"]] == ["CSTO-2022-KAZ"]
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
          and _day(v, "protocol_signed") > v.requests.at["CSTO-2010-KGZ", "date"]),
    Guard("the_crisis_regulations_came_with_the_protocols",
          "the regulations on the use of the collective forces and on the response to crisis "
          "situations that the same session adopted and that took effect with the protocols",
          lambda v: _day(v, "regulations") == _day(v, "protocol_signed")
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
          lambda v: (_day(v, "kaz_decision") - _day(v, "kaz_appeal")).days <= 1
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
          lambda v: _early_breakdown(v) == _total(v, "req-apostrophe-kaz-2022")
          == float(v.totals["value"].astype(float).max())),
    Guard("the_nominal_size_is_the_whole_force",
          "the ... that some reports give is the nominal size of the whole peacekeeping force",
          lambda v: _total(v, "req-seed-biznesalert-2022") == float(v.nominal)),
    Guard("the_country_figures_exceed_every_count_of_troops_sent",
          "added up, the country figures come to more than any count of the troops sent",
          lambda v: _preferred_sum(v) > max(_total(v, s) for s in TOTAL_LABELS
                                            if s not in ("req-seed-biznesalert-2022",
                                                         "req-apostrophe-kaz-2022"))),
    Guard("the_book_uses_tokayevs_count",
          "The book uses ..., the count Tokayev gave the Council on 10 January",
          lambda v: _used_total(v) == float(v.responses.at[KAZ_RESPONSE, "troops"])
          and v.totals.loc[v.totals["used"], "source"].iloc[0]
          == "req-rbc-kaz-2022;req-lb-kaz-2022"
          and _day(v, "kaz_session") == v.responses.at["CSTO-2022-KAZ-R2", "date"]),
    Guard("armenia_and_kyrgyzstan_figures_disagree",
          "For Armenia and Kyrgyzstan the reports disagree",
          lambda v: _number(v, "arm") != _number(v, "arm_early")
          and _number(v, "kgz") != _number(v, "kgz_early")),
    Guard("serdyukov_commanded_the_airborne_forces",
          "Colonel General Andrei Serdyukov, the commander of Russia's Airborne Forces",
          lambda v: "Serdyukov" in v.events.at[EVENTS["kaz_command"], "description"]
          and "Airborne" in v.events.at[EVENTS["kaz_command"], "description"]),
    Guard("the_last_troops_left_the_day_the_emergency_ended",
          "the last contingents left on ..., the day the state of emergency was lifted",
          lambda v: _day(v, "kaz_last_out") == v.responses.at[KAZ_RESPONSE, "end"]
          and "state of emergency" in v.events.at[EVENTS["kaz_last_out"], "description"]
          and _day(v, "kaz_tjk_out") < _day(v, "kaz_last_out")),
    Guard("sent_within_a_day_and_gone_within_a_fortnight",
          "within a day the alliance sent a force ... and left within a fortnight",
          lambda v: (v.responses.at[KAZ_RESPONSE, "date"] - _day(v, "kaz_appeal")).days <= 1
          and (v.responses.at[KAZ_RESPONSE, "end"]
               - v.responses.at[KAZ_RESPONSE, "date"]).days <= 14),
    Guard("the_protests_began_before_the_appeal",
          "Protests ... began in Zhanaozen and Aktau on ... and reached Almaty within days",
          lambda v: 0 < (_day(v, "kaz_appeal") - v.protests).days <= 7),
    Guard("the_toll_rose_with_each_count",
          "The official toll rose with each count",
          lambda v: _number(v, "dead_first") < _number(v, "dead_march") < _number(v, "dead_final")
          and v.numbers.at[NUMBERS["dead_first"], "date"]
          < v.numbers.at[NUMBERS["dead_march"], "date"]),
    Guard("armenia_2021_asked_both_and_russia_sent_border_guards",
          "In May 2021 Armenia called on both; the alliance's Secretariat said it was watching, "
          "and in August Russian border guards deployed",
          lambda v: v.requests.at["CSTO-2021-ARM", "addressed_to"] == "both"
          and _highest(v, "alliance", "CSTO-2021-ARM") == "statement"
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


# --- the glued values -----------------------------------------------------------------------------

def _month(day: pd.Timestamp) -> str:
    return f"{day:%B %Y}"


def _quantity(v: SimpleNamespace, key: str) -> str:
    value = _number(v, key)
    return f"{value:,.0f}"


def facts(tables: dict[str, pd.DataFrame], cutoff: pd.Timestamp) -> dict[str, str | int]:
    """Every value the chapter glues, by glue name, once every guard holds."""
    v = values(tables, cutoff)
    check_all(GUARDS, v)
    req, resp = v.requests, v.responses
    calls = v.calls
    by_channel = calls.groupby("channel")["request_id"].nunique()
    kaz = resp.loc[KAZ_RESPONSE]
    tjk_cis = v.deployed[(v.deployed["request_id"] == "CSTO-1993-TJK")
                         & (v.deployed["responder"] == "other_organization")].iloc[0]
    geo_cis = v.deployed[(v.deployed["request_id"] == "CSTO-1994-GEO")
                         & (v.deployed["responder"] == "other_organization")].iloc[0]
    low, high = provenance.numeric_range(v.totals)
    made = req[req["request_made"] == "yes"]
    return {
        "iv_crises": len(req),
        "iv_first": f"{req['date'].min():%Y}",
        "iv_last": f"{req['date'].max():%Y}",
        "iv_calls": len(made),
        "iv_to_alliance": int(by_channel.get("alliance", 0)),
        "iv_to_russia": int(by_channel.get("patron", 0)),
        "iv_to_cis": int(by_channel.get("other_organization", 0)),
        "iv_to_both": int((made["addressed_to"] == "both").sum()),
        "iv_alliance_troops": book.times_word(len(_deployed_by(v, "alliance"))),
        "iv_cis_troops": book.times_word(len(_deployed_by(v, "other_organization"))),
        "iv_russia_troops": book.times_word(len(_deployed_by(v, "patron"))),
        "iv_alliance_nothing": book.word(
            (_channel(v, "alliance")["highest_level"] == "none").sum()),
        "iv_signed": f"{_day(v, 'signed'):%Y}",
        "iv_unasked_n": book.word(len(_unasked(v))),
        "iv_unasked": _years_by_state(v, _unasked(v)),
        "iv_invoked": book.times_word(len(v.invocations)),
        "iv_before_force": book.word(len(v.before_force)),
        "iv_before_force_year": book.and_list(sorted({f"{d:%Y}" for d in v.before_force["date"]})),
        "iv_invoked_when": _invoked_when(v),
        "kgz_year": f"{req.at['CSTO-2010-KGZ', 'date']:%Y}",
        "kaz_year": f"{req.at['CSTO-2022-KAZ', 'date']:%Y}",
        "arm_years": book.and_list(sorted({f"{req.at[r, 'date']:%Y}" for r in (
            "CSTO-2021-ARM", "CSTO-2021-ARM-2", "CSTO-2022-ARM")})),
        "arm22_month": _month(req.at["CSTO-2022-ARM", "date"]),
        "iv_looser": book.times_word(len(_looser(v))),
        "iv_in_force": day_text(v.in_force),
        "iv_tjk_start": day_text(tjk_cis["start"]),
        "iv_tjk_attested": _month(tjk_cis["attested_until"]),
        "iv_geo_start": day_text(geo_cis["start"]),
        "iv_geo_end": _month(geo_cis["end"]),
        "kgz_date": day_text(req.at["CSTO-2010-KGZ", "date"]),
        "kgz_police": _month(req.at["CSTO-2010-KGZ-2", "date"]),
        "kgz_secretaries": day_text(resp.at["CSTO-2010-KGZ-R1", "date"]),
        "kgz_yerevan": f"{resp.at['CSTO-2010-KGZ-2-R1', 'date']:%B}",
        "kgz_1999": _month(req.at["CSTO-1999-KGZ", "date"]),
        "kgz_1999_aid": _month(resp.at["CSTO-1999-KGZ-R1", "date"]),
        "iv_protocol": _month(_day(v, "protocol_signed")),
        "iv_protocol_in_force": day_text(_day(v, "protocol_in_force")),
        "kaz_date": day_text(_day(v, "kaz_appeal")),
        "kaz_month": _month(_day(v, "kaz_appeal")),
        "kaz_protests": day_text(v.protests),
        "kaz_joint_staff": _month(_day(v, "joint_staff")),
        "kaz_decision": day_text(_day(v, "kaz_decision")),
        "kaz_start": day_text(kaz["date"]),
        "kaz_command": day_text(_day(v, "kaz_command")),
        "kaz_fire": day_text(_day(v, "kaz_fire")),
        "kaz_session": day_text(_day(v, "kaz_session")),
        "kaz_kgz_vote": day_text(_day(v, "kaz_kgz_vote")),
        "kaz_tjk_out": day_text(_day(v, "kaz_tjk_out")),
        "kaz_end": day_text(kaz["end"]),
        "kaz_troops": int(kaz["troops"]),
        "kaz_vehicles": _quantity(v, "vehicles"),
        "kaz_low": int(low),
        "kaz_high": int(high),
        "kaz_nominal": int(v.nominal),
        "kaz_zas": f"{_total(v, 'req-sputnik-kaz-2022'):,.0f}",
        "kaz_rus": _quantity(v, "rus"),
        "kaz_blr": _quantity(v, "blr"),
        "kaz_tjk": _quantity(v, "tjk"),
        "kaz_kgz": _quantity(v, "kgz"),
        "kaz_kgz_early": _quantity(v, "kgz_early"),
        "kaz_kgz_vehicles": _quantity(v, "kgz_vehicles"),
        "kaz_arm": _quantity(v, "arm"),
        "kaz_arm_early": _quantity(v, "arm_early"),
        "kaz_sum": f"{_preferred_sum(v):,.0f}",
        "kaz_dead_first": _quantity(v, "dead_first"),
        "kaz_dead_march": _quantity(v, "dead_march"),
        "kaz_dead_security": _quantity(v, "dead_security"),
        "kaz_dead_final": _quantity(v, "dead_final"),
        "arm21_date": _month(req.at["CSTO-2021-ARM", "date"]),
        "arm21_guards": day_text(resp.at["CSTO-2021-ARM-R5", "date"]),
        "arm21b_date": day_text(req.at["CSTO-2021-ARM-2", "date"]),
        "arm22_date": day_text(req.at["CSTO-2022-ARM", "date"]),
    }


def figures(tables: dict[str, pd.DataFrame], cutoff: pd.Timestamp) -> dict[str, Chart]:
    """The chapter's figures by name: calls for help and answers by channel over time, and the
    Kazakhstan force by country and by source. Their titles state the finding, computed."""
    v = values(tables, cutoff)
    counts = {r: len(_deployed_by(v, r)) for r in ("alliance", "other_organization", "patron")}
    title = (f"The CSTO sent troops {book.times_word(counts['alliance'])}; the CIS "
             f"{book.times_word(counts['other_organization'])}; Russia on its own "
             f"{book.times_word(counts['patron'])}")
    panels = {
        "alliance": "Requests to the CSTO (or, before 1994, to the treaty's partners), and what "
                    "the alliance did",
        "patron": "Appeals to Russia, and what Russia did on its own",
        "other_organization": "Requests to the CIS, and what the CIS did",
    }
    numbers = v.numbers
    rows = []
    for key, state, official in (("rus", "RUS", False), ("blr", "BLR", False),
                                 ("tjk", "TJK", True), ("kgz", "KGZ", True),
                                 ("kgz_early", "KGZ", False), ("arm", "ARM", True),
                                 ("arm_early", "ARM", False)):
        rows.append({"state": v.names[state], "value": _number(v, key), "official": official,
                     "quantity_id": NUMBERS[key],
                     "source": numbers.at[NUMBERS[key], "source"]})
    contingents = pd.DataFrame(rows)
    totals = v.totals.assign(value=v.totals["value"].astype(float),
                             label=v.totals["source"].map(TOTAL_LABELS))
    totals = totals.sort_values("value", kind="stable")[["label", "value", "used", "source"]]
    kaz_title = (f"Contingents add up to about {_preferred_sum(v):,.0f}; Tokayev counted "
                 f"{_used_total(v):,.0f} in the country")
    return {
        "fig-iv-timeline": channel_timeline_chart(
            v.marks, v.per_year, title, panels,
            source="The CSTO Record, data/requests.csv, responses.csv and events.csv"),
        "fig-iv-kaz-troops": contingents_chart(
            contingents, totals.reset_index(drop=True), kaz_title,
            source="The CSTO Record, data/quantities.csv and discrepancies.csv"),
    }
