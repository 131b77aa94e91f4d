"""Facts of the case of Central Asia after 2021 (``book/case_kyrgyz_tajik.md``): two members at
war and the treaty they made at home, the alliance's programme for the Afghan border, China's
presence, and Uzbekistan's non-alignment. The record it reads is
:mod:`~analysis.publish.facts.case_kyrgyz_tajik.record`, the sentences' guards
:mod:`~analysis.publish.facts.case_kyrgyz_tajik.guards`; this package glues the values and draws
the figure."""

from __future__ import annotations

import pandas as pd

from ....charts import Chart
from ....charts.timelines import annotated_timeline_chart
from ....data.edition import day_text
from ... import book
from ..checks import check_all
from .guards import GUARDS
from .record import (
    AFGHAN_NEIGHBOURS,
    CANCELLED_EXERCISE,
    CENTRAL_ASIA,
    DAYS,
    EVENTS,
    ITEMS,
    JANUARY_2022,
    LITTLE_ARRIVED,
    NUMBERS,
    SG_ON_DELIVERIES,
    TABLES,
    WINDOW,
    arms_share,
    arms_shares,
    china_peak_period,
    event_day,
    last_period,
    number,
    published,
    timeline,
    values,
)

# The names chapters, tests and other facts modules read here, as before the split.
__all__ = ["AFGHAN_NEIGHBOURS", "CANCELLED_EXERCISE", "CENTRAL_ASIA", "DAYS", "EVENTS", "GUARDS",
           "ITEMS", "JANUARY_2022", "LITTLE_ARRIVED", "NUMBERS", "SG_ON_DELIVERIES", "TABLES",
           "WINDOW", "arms_shares", "facts", "figures", "timeline", "values"]


def _pct(x: float) -> str:
    return book.percent(x)


def facts(tables: dict[str, pd.DataFrame], cutoff: pd.Timestamp) -> dict[str, str | int]:
    """Every value the chapter glues, by glue name, once every guard holds."""
    v = values(tables, cutoff)
    check_all(GUARDS, v)
    day = {key: day_text(event_day(v, key)) for key in EVENTS}
    month = {key: f"{event_day(v, key):%B %Y}" for key in EVENTS}
    peak, last = china_peak_period(v), last_period(v)
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
        "af_astana_year": f"{event_day(v, 'astana'):%Y}",
        "af_little": f"{published(v, LITTLE_ARRIVED):%Y}",
        "af_tasmagambetov": f"{published(v, SG_ON_DELIVERIES):%B %Y}",
        "kt_dead_2021": f"{number(v, 'dead_2021'):,.0f}",
        "kt_tjk_dead_2021": f"{number(v, 'tjk_dead_2021'):,.0f}",
        "kt_dead_2022": f"{number(v, 'dead_2022'):,.0f}",
        "kt_civilians_2022": f"{number(v, 'civilians_2022'):,.0f}",
        "kt_evacuated_2022": f"{number(v, 'evacuated_2022'):,.0f}",
        "kt_red_crescent_2022": f"{number(v, 'red_crescent_2022'):,.0f}",
        "kt_mechanism": f"{v.requests.at['CSTO-2022-KGZ-2', 'date']:%B %Y}",
        "af_request_2013": f"{event_day(v, 'sochi'):%Y}",
        "af_sochi": day["sochi"],
        "af_request_2021": f"{v.requests.at['CSTO-2021-TJK', 'date']:%B %Y}",
        "af_visit": day_text(v.responses.at["CSTO-2021-TJK-R1", "date"]),
        "af_session": day_text(v.responses.at["CSTO-2021-TJK-R2", "date"]),
        "af_russia": f"{v.responses.at['CSTO-2021-TJK-R6', 'date']:%B %Y}",
        "af_astana": day["astana"],
        "af_first_stage": month["first_stage"],
        "af_km": f"{number(v, 'border_km'):,.1f}",
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
        "cn_peak_share": _pct(arms_share(v, peak, "CHN")),
        "cn_peak_russia": _pct(arms_share(v, peak, "RUS")),
        "cn_last_period": last.replace("-", "–"),
        "cn_last_russia": _pct(arms_share(v, last, "RUS")),
        "uz_left": f"{event_day(v, 'left'):%Y}",
        "uz_back": f"{event_day(v, 'back'):%Y}",
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
