"""Facts of the chapter on interventions (``book/interventions.md``): every call for help a member
made, by channel (to the alliance, to Russia, to the CIS), every deployment whoever sent it, the
rule for counting invocations of Article 4, and the cases of Kyrgyzstan 2010, Kazakhstan 2022 and
Armenia 2021-22. The record it reads is
:mod:`~analysis.publish.facts.interventions.record`, the sentences' guards
:mod:`~analysis.publish.facts.interventions.guards`; this package glues the values and draws the
figures."""

from __future__ import annotations

from types import SimpleNamespace

import pandas as pd

from ....charts import Chart
from ....charts.interventions import channel_timeline_chart, contingents_chart
from ....data.edition import day_text
from ....measures import provenance
from ... import book
from ..checks import check_all
from .guards import GUARDS
from .record import (
    ATTESTED,
    ENDS,
    EVENTS,
    KAZ_PROTESTS,
    KAZ_RESPONSE,
    KAZ_SESSION,
    NUMBERS,
    PEACEKEEPING_FORCES,
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
    values,
)

# The names chapters, tests and other facts modules read here, as before the split.
__all__ = ["ATTESTED", "ENDS", "EVENTS", "GUARDS", "KAZ_PROTESTS", "KAZ_RESPONSE", "KAZ_SESSION",
           "NUMBERS", "PEACEKEEPING_FORCES", "TOTAL_LABELS", "facts", "figures", "values"]


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


# --- the glued values -----------------------------------------------------------------------------

def _month(day: pd.Timestamp) -> str:
    return f"{day:%B %Y}"


def _quantity(v: SimpleNamespace, key: str) -> str:
    value = number(v, key)
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
        "iv_alliance_troops": book.times_word(len(deployed_by(v, "alliance"))),
        "iv_cis_troops": book.times_word(len(deployed_by(v, "other_organization"))),
        "iv_russia_troops": book.times_word(len(deployed_by(v, "patron"))),
        "iv_alliance_nothing": book.word(
            (calls_to(v, "alliance")["highest_level"] == "none").sum()),
        "iv_signed": f"{event_day(v, 'signed'):%Y}",
        "iv_unasked_n": book.word(len(unasked(v))),
        "iv_unasked": _years_by_state(v, unasked(v)),
        "iv_invoked": book.times_word(len(v.invocations)),
        "iv_before_force": book.word(len(v.before_force)),
        "iv_before_force_year": book.and_list(sorted({f"{d:%Y}" for d in v.before_force["date"]})),
        "iv_invoked_when": _invoked_when(v),
        "kgz_year": f"{req.at['CSTO-2010-KGZ', 'date']:%Y}",
        "kaz_year": f"{req.at['CSTO-2022-KAZ', 'date']:%Y}",
        "arm_years": book.and_list(sorted({f"{req.at[r, 'date']:%Y}" for r in (
            "CSTO-2021-ARM", "CSTO-2021-ARM-2", "CSTO-2022-ARM")})),
        "arm22_month": _month(req.at["CSTO-2022-ARM", "date"]),
        "iv_looser": book.times_word(len(looser(v))),
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
        "iv_protocol": _month(event_day(v, "protocol_signed")),
        "iv_protocol_in_force": day_text(event_day(v, "protocol_in_force")),
        "kaz_date": day_text(event_day(v, "kaz_appeal")),
        "kaz_month": _month(event_day(v, "kaz_appeal")),
        "kaz_protests": day_text(v.protests),
        "kaz_joint_staff": _month(event_day(v, "joint_staff")),
        "kaz_decision": day_text(event_day(v, "kaz_decision")),
        "kaz_start": day_text(kaz["date"]),
        "kaz_command": day_text(event_day(v, "kaz_command")),
        "kaz_fire": day_text(event_day(v, "kaz_fire")),
        "kaz_session": day_text(event_day(v, "kaz_session")),
        "kaz_kgz_vote": day_text(event_day(v, "kaz_kgz_vote")),
        "kaz_tjk_out": day_text(event_day(v, "kaz_tjk_out")),
        "kaz_end": day_text(kaz["end"]),
        "kaz_troops": int(kaz["troops"]),
        "kaz_vehicles": _quantity(v, "vehicles"),
        "kaz_low": int(low),
        "kaz_high": int(high),
        "kaz_nominal": int(v.nominal),
        "kaz_zas": f"{total(v, 'req-sputnik-kaz-2022'):,.0f}",
        "kaz_rus": _quantity(v, "rus"),
        "kaz_blr": _quantity(v, "blr"),
        "kaz_tjk": _quantity(v, "tjk"),
        "kaz_kgz": _quantity(v, "kgz"),
        "kaz_kgz_early": _quantity(v, "kgz_early"),
        "kaz_kgz_vehicles": _quantity(v, "kgz_vehicles"),
        "kaz_arm": _quantity(v, "arm"),
        "kaz_arm_early": _quantity(v, "arm_early"),
        "kaz_sum": f"{preferred_sum(v):,.0f}",
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
    counts = {r: len(deployed_by(v, r)) for r in ("alliance", "other_organization", "patron")}
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
        rows.append({"state": v.names[state], "value": number(v, key), "official": official,
                     "quantity_id": NUMBERS[key],
                     "source": numbers.at[NUMBERS[key], "source"]})
    contingents = pd.DataFrame(rows)
    totals = v.totals.assign(value=v.totals["value"].astype(float),
                             label=v.totals["source"].map(TOTAL_LABELS))
    totals = totals.sort_values("value", kind="stable")[["label", "value", "used", "source"]]
    kaz_title = (f"Contingents add up to about {preferred_sum(v):,.0f}; Tokayev counted "
                 f"{used_total(v):,.0f} in the country")
    return {
        "fig-iv-timeline": channel_timeline_chart(
            v.marks, v.per_year, title, panels,
            source="The CSTO Record, data/requests.csv, responses.csv and events.csv"),
        "fig-iv-kaz-troops": contingents_chart(
            contingents, totals.reset_index(drop=True), kaz_title,
            source="The CSTO Record, data/quantities.csv and discrepancies.csv"),
    }
