"""Facts of the case of Central Asia after 2021 (``book/case_kyrgyz_tajik.md``): two members at
war and the treaty they made at home, the alliance's programme for the Afghan border, China's
presence, and Uzbekistan's non-alignment."""

from __future__ import annotations

from types import SimpleNamespace

import pandas as pd

from ...charts import Chart
from ...charts.timelines import annotated_timeline_chart
from ...data.edition import day_text
from ...measures import cases, records
from ...measures.arms import supplier_shares
from ...measures.levels import LEVEL_RANK
from .. import book
from .checks import Guard, check_all

#: The tables the case reads.
TABLES = ("events", "requests", "responses")
#: The exercise Kyrgyzstan cancelled after the clashes.
CANCELLED_EXERCISE = "X014"
#: The January 2022 skirmish: a candidate left out as a continuation of the border campaign.
JANUARY_2022 = "CSTO-C-081"
#: The days the prose names, by glue name: the record each is the date of.
DAYS = {"kt_2021": "requests:CSTO-2021-KGZ",
        "kt_2022b": "requests:CSTO-2022-KGZ-2", "kt_treaty": "events:E526",
        "kt_ratified": "events:E528", "kt_khujand": "events:E529"}
#: The events the Afghan-border, China and Uzbekistan sections date.
EVENTS = {"sochi": "E846", "astana": "E847", "first_stage": "E903", "murghab": "E848",
          "ishkashim": "E849", "xian": "E900", "c5_treaty": "E850", "concept": "E851",
          "doctrine": "E852", "no_return": "E853", "new_doctrine": "E854", "left": "E008",
          "back": "E014", "note": "E026", "suspended": "E027"}
#: The reported numbers the case states (data/quantities.csv).
NUMBERS = {"dead_2022": "Q052", "civilians_2022": "Q053", "evacuated_2022": "Q057",
           "red_crescent_2022": "Q058", "dead_2021": "Q055", "tjk_dead_2021": "Q056",
           "border_km": "Q050"}
#: The Central Asian states whose arms deliveries the case sums (SIPRI's register).
CENTRAL_ASIA: tuple[str, ...] = ("KAZ", "KGZ", "TJK", "UZB")
#: The states that border Afghanistan (geography, not a table): of them only Tajikistan is in
#: the alliance.
AFGHAN_NEIGHBOURS: tuple[str, ...] = ("CHN", "IRN", "PAK", "TJK", "TKM", "UZB")
#: The figure's items: record -> (kind, label). Each record appears once.
ITEMS = {
    "requests:CSTO-2021-KGZ": ("crisis", "Kok-Tash clash"),
    "responses:CSTO-2021-KGZ-R1": ("statement", "CSTO urges calm"),
    "requests:CSTO-2021-TJK": ("other", "Tajikistan asks for border help"),
    f"crisis_candidates:{JANUARY_2022}": ("crisis", "January skirmish"),
    "requests:CSTO-2022-KGZ-2": ("crisis", "border war"),
    "responses:CSTO-2022-KGZ-2-R1": ("statement", "CSTO calls for ceasefire"),
    f"exercises:{CANCELLED_EXERCISE}:start": ("own_step", "Kyrgyzstan cancels exercise"),
    "events:E900": ("other", "first China-Central Asia summit"),
    "events:E847": ("material_aid", "border programme adopted"),
    "events:E526": ("own_step", "border treaty"),
    "events:E527": ("statement", "CSTO welcomes it"),
    "events:E529": ("own_step", "tri-border treaty"),
    "events:E850": ("other", "treaty with China"),
}
#: Where the Secretary General said in 2025 that deliveries would begin the following year.
SG_ON_DELIVERIES = "sto-asiaplus-border-2025"
#: The report that little of the aid promised in 2013 had arrived.
LITTLE_ARRIVED = "req-asiaplus-tjk-2016"
#: The figure's window.
WINDOW = (pd.Timestamp("2021-01-01"), pd.Timestamp("2026-01-01"))


def timeline(tables: dict[str, pd.DataFrame], cutoff: pd.Timestamp) -> pd.DataFrame:
    """Every dated item about either state from 2021 to the cut-off."""
    return cases.case_timeline(["KGZ", "TJK"], **{name: tables[name] for name in TABLES},
                               start="2021-01-01", end=cutoff)


def arms_shares(arms: pd.DataFrame) -> pd.DataFrame:
    """Each supplier's share of the arms the Central Asian states received together, by period
    (SIPRI trend-indicator values, :func:`~analysis.measures.arms.supplier_shares`)."""
    together = arms[arms["recipient"].isin(CENTRAL_ASIA)].assign(recipient="Central Asia")
    return supplier_shares(together).drop(columns="recipient")


def values(tables: dict[str, pd.DataFrame], cutoff: pd.Timestamp) -> SimpleNamespace:
    """What the case's sentences rest on: the crises between the two (``between``), the
    alliance's responses to them (``answers``), the timeline's records (``records``, one row
    each), the cancelled exercise (``cancelled``), requests, responses, events and reported
    numbers by id, the arms shares (``arms``, by period and supplier), the CSTO members on the
    day of the treaty with China (``members_at_c5``) and the figure's items (``items``)."""
    requests = tables["requests"]
    requester = requests["requester"].fillna("")
    between = requests[requester.str.contains("KGZ") & requester.str.contains("TJK")]
    responses = tables["responses"]
    items = timeline(tables, cutoff)
    events = tables["events"].set_index("event_id")
    c5_day = events.at[EVENTS["c5_treaty"], "date"]
    m = tables["memberships"]
    members = m[(m["organization"] == "CSTO") & (m["status"] == "member") & (m["start"] <= c5_day)
                & (m["end"].isna() | (m["end"] > c5_day))]
    return SimpleNamespace(
        between=between,
        answers=responses[responses["request_id"].isin(between["request_id"])
                          & (responses["responder"] == "alliance")],
        timeline=items,
        records=items.drop_duplicates("record").set_index("record"),
        cancelled=tables["exercises"].set_index("exercise_id").loc[CANCELLED_EXERCISE],
        requests=requests.set_index("request_id"),
        responses=responses.set_index("response_id"),
        events=events,
        numbers=tables["quantities"].set_index("quantity_id"),
        arms=arms_shares(tables["arms_transfers"]),
        arms_raw=tables["arms_transfers"],
        members_at_c5=set(members["state"]),
        january=tables["crisis_candidates"].set_index("candidate_id").at[JANUARY_2022, "date"],
        bases=tables["bases"].set_index("base_id"),
        items=records.labelled_records(tables, ITEMS),
        names=book.state_names(tables["states"]),
        sources=tables["sources"].set_index("source_id"),
    )


def _day(v: SimpleNamespace, key: str) -> pd.Timestamp:
    return v.events.at[EVENTS[key], "date"]


def _text(v: SimpleNamespace, key: str) -> str:
    return str(v.events.at[EVENTS[key], "description"])


def _n(v: SimpleNamespace, key: str) -> float:
    return float(v.numbers.at[NUMBERS[key], "value"])


def _published(v: SimpleNamespace, source: str) -> pd.Timestamp:
    return pd.Timestamp(str(v.sources.at[source, "published"]))


def _share(v: SimpleNamespace, period: str, supplier: str) -> float:
    a = v.arms
    rows = a[(a["period"] == period) & (a["supplier"] == supplier)]
    return float(rows["share"].sum())


def _last_period(v: SimpleNamespace) -> str:
    return str(sorted(v.arms["period"].unique())[-1])


def _china_peak_period(v: SimpleNamespace) -> str:
    a = v.arms[v.arms["supplier"] == "CHN"]
    return str(a.sort_values("share").iloc[-1]["period"])


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
          lambda v: _n(v, "dead_2022") > _n(v, "dead_2021")),
    Guard("the_evacuation_counts_disagree",
          "Kyrgyzstan's emergencies ministry said it had evacuated ..., the Red Crescent counted "
          "far fewer moved from the villages",
          lambda v: _n(v, "red_crescent_2022") < 0.5 * _n(v, "evacuated_2022")),
    Guard("the_sochi_decision_answered_a_tajik_request_and_little_arrived",
          "the alliance promised in Sochi to help, and by 2016 little had arrived",
          lambda v: v.requests.at["CSTO-2013-TJK", "addressed_to"] == "alliance"
          and v.responses.at["CSTO-2013-TJK-R1", "date"] == _day(v, "sochi")
          and f"by {_published(v, LITTLE_ARRIVED).year} little had arrived"
          in v.responses.at["CSTO-2013-TJK-R1", "description"]),
    Guard("the_2021_request_drew_a_visit_talks_and_a_programme",
          "In July 2021 Tajikistan asked again; a visit found involvement not yet required, and "
          "the leaders adopted the programme in November 2024",
          lambda v: v.requests.at["CSTO-2021-TJK", "addressed_to"] == "alliance"
          and v.responses.at["CSTO-2021-TJK-R1", "level"] == "mission"
          and "not yet required" in v.responses.at["CSTO-2021-TJK-R1", "description"]
          and v.responses.at["CSTO-2021-TJK-R5", "date"] == _day(v, "astana")),
    Guard("russia_delivered_on_its_own",
          "Russia, on its own, handed over armoured vehicles",
          lambda v: v.responses.at["CSTO-2021-TJK-R6", "responder"] == "patron"
          and v.responses.at["CSTO-2021-TJK-R6", "level"] == "material_aid"
          and "armoured vehicles" in v.responses.at["CSTO-2021-TJK-R6", "description"]),
    Guard("the_programme_took_more_than_a_decade",
          "a programme that took more than a decade to adopt",
          lambda v: (_day(v, "astana") - _day(v, "sochi")).days > 10 * 365),
    Guard("tajikistan_the_only_member_bordering_afghanistan",
          "Tajikistan is the only member of the alliance that borders Afghanistan",
          lambda v: v.members_at_c5 & set(AFGHAN_NEIGHBOURS) == {"TJK"}),
    Guard("the_programme_was_still_in_its_first_stage",
          "In January 2026 the programme was still in its first stage",
          lambda v: "first stage" in _text(v, "first_stage")
          and _day(v, "first_stage") > _day(v, "astana")),
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
          lambda v: _share(v, _last_period(v), "RUS") > 0.5
          and _share(v, _china_peak_period(v), "CHN") < 0.5 * _share(v, _china_peak_period(v),
                                                                       "RUS")),
    Guard("china_sent_nothing_in_the_last_period",
          "in the last period of the register China delivered nothing to the four",
          lambda v: _share(v, _last_period(v), "CHN") == 0.0),
    Guard("three_members_signed_with_china",
          "Three of the six signatories besides China were CSTO members: Kazakhstan, Kyrgyzstan "
          "and Tajikistan",
          lambda v: set(v.events.at[EVENTS["c5_treaty"], "states"].split(";"))
          & v.members_at_c5 == {"KAZ", "KGZ", "TJK"}),
    Guard("the_xian_summit_came_first",
          "the first China-Central Asia summit, in Xi'an",
          lambda v: "first China-Central Asia summit" in _text(v, "xian")
          and _day(v, "xian") < _day(v, "c5_treaty")),
    Guard("uzbekistan_bars_blocs",
          "a foreign-policy concept that bars membership of military blocs, foreign bases and "
          "operations abroad",
          lambda v: all(w in _text(v, "concept") for w in ("military blocs", "foreign bases",
                                                            "operations abroad"))),
    Guard("uzbekistan_announced_then_suspended",
          "Uzbekistan announced its withdrawal in June 2012 and the Council suspended its "
          "membership in December",
          lambda v: _day(v, "note") < _day(v, "concept") < _day(v, "suspended")
          and v.events.at[EVENTS["suspended"], "type"] == "decision"),
    Guard("uzbekistan_left_twice",
          "Uzbekistan has left the alliance twice",
          lambda v: "UZB" in v.events.at[EVENTS["left"], "states"].split(";")
          and _day(v, "left") < _day(v, "back") < _day(v, "suspended")),
    Guard("deliveries_promised_for_the_following_year",
          "the Secretary General said deliveries would begin the following year",
          lambda v: f"deliveries from {_published(v, SG_ON_DELIVERIES).year + 1}"
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


def _pct(x: float) -> str:
    return book.percent(x)


def facts(tables: dict[str, pd.DataFrame], cutoff: pd.Timestamp) -> dict[str, str | int]:
    """Every value the chapter glues, by glue name, once every guard holds."""
    v = values(tables, cutoff)
    check_all(GUARDS, v)
    day = {key: day_text(_day(v, key)) for key in EVENTS}
    month = {key: f"{_day(v, key):%B %Y}" for key in EVENTS}
    peak, last = _china_peak_period(v), _last_period(v)
    return {
        "kt_clashes": book.word(len(v.between)),
        "kt_answers": book.word(len(v.answers)),
        "kt_ex_name": v.cancelled["name"].split(" (")[0],
        "kt_ex_day": book.day_text(v.cancelled["start"]),
        **book.record_days(v.timeline, DAYS),
        "kt_2022a": book.day_text(v.january),
        "kt_2014": f"{v.requests.at['CSTO-2014-KGZ-TJK', 'date']:%B %Y}",
        "kt_since": f"{WINDOW[0]:%Y}",
        "kt_treaty_year": f"{v.events.at['E526', 'date']:%Y}",
        "af_astana_year": f"{_day(v, 'astana'):%Y}",
        "af_little": f"{_published(v, LITTLE_ARRIVED):%Y}",
        "af_tasmagambetov": f"{_published(v, SG_ON_DELIVERIES):%B %Y}",
        "kt_dead_2021": f"{_n(v, 'dead_2021'):,.0f}",
        "kt_tjk_dead_2021": f"{_n(v, 'tjk_dead_2021'):,.0f}",
        "kt_dead_2022": f"{_n(v, 'dead_2022'):,.0f}",
        "kt_civilians_2022": f"{_n(v, 'civilians_2022'):,.0f}",
        "kt_evacuated_2022": f"{_n(v, 'evacuated_2022'):,.0f}",
        "kt_red_crescent_2022": f"{_n(v, 'red_crescent_2022'):,.0f}",
        "kt_mechanism": f"{v.requests.at['CSTO-2022-KGZ-2', 'date']:%B %Y}",
        "af_request_2013": f"{_day(v, 'sochi'):%Y}",
        "af_sochi": day["sochi"],
        "af_request_2021": f"{v.requests.at['CSTO-2021-TJK', 'date']:%B %Y}",
        "af_visit": day_text(v.responses.at["CSTO-2021-TJK-R1", "date"]),
        "af_session": day_text(v.responses.at["CSTO-2021-TJK-R2", "date"]),
        "af_russia": f"{v.responses.at['CSTO-2021-TJK-R6', 'date']:%B %Y}",
        "af_astana": day["astana"],
        "af_first_stage": month["first_stage"],
        "af_km": f"{_n(v, 'border_km'):,.1f}",
        "cn_murghab_report": month["murghab"],
        "cn_post_from": f"{v.bases.at['B29', 'start']:%Y}",
        "cn_ishkashim": month["ishkashim"],
        "cn_xian": day["xian"],
        "cn_c5": day["c5_treaty"],
        "cn_ca_members": book.and_list(v.names[s] for s in sorted(
            set(v.events.at[EVENTS["c5_treaty"], "states"].split(";")) & v.members_at_c5)),
        "cn_ca_members_n": book.word(len(
            set(v.events.at[EVENTS["c5_treaty"], "states"].split(";")) & v.members_at_c5)
        ).capitalize(),
        "cn_signatories_n": book.word(
            len(v.events.at[EVENTS["c5_treaty"], "states"].split(";")) - 1),
        "cn_peak_period": peak.replace("-", "–"),
        "cn_peak_share": _pct(_share(v, peak, "CHN")),
        "cn_peak_russia": _pct(_share(v, peak, "RUS")),
        "cn_last_period": last.replace("-", "–"),
        "cn_last_russia": _pct(_share(v, last, "RUS")),
        "uz_left": f"{_day(v, 'left'):%Y}",
        "uz_back": f"{_day(v, 'back'):%Y}",
        "uz_note": month["note"],
        "uz_concept": day["concept"],
        "uz_suspended": day["suspended"],
        "uz_doctrine": day["doctrine"],
        "uz_no_return": month["no_return"],
        "uz_new_doctrine": day["new_doctrine"],
    }


def figures(tables: dict[str, pd.DataFrame], cutoff: pd.Timestamp) -> dict[str, Chart]:
    """The case's figure: the clashes, the alliance's answers, the border programme, China's
    summits and the treaties the states made themselves, on one labelled timeline."""
    v = values(tables, cutoff)
    treaty = v.events.at["E526", "date"]
    clashes = int((v.items["kind"] == "crisis").sum())
    title = (f"Kyrgyzstan and Tajikistan clashed {book.word(clashes)} times and the CSTO issued "
             f"statements; the two settled their border themselves in {treaty:%Y}")
    return {"fig-case-kyrgyz-tajik": annotated_timeline_chart(
        v.items, title, *WINDOW,
        source="The CSTO Record, data/requests.csv, responses.csv, events.csv, exercises.csv "
               "and crisis_candidates.csv")}
