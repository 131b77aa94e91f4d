"""Facts of the case of Tajikistan and the 1990s (``book/case_tajikistan.md``): the civil war, the
CIS force, Russia's division and border troops, the UN observers and the 1997 peace; Karabakh
between two of the treaty's parties, Georgia and Abkhazia, the 1999 non-renewals and GUAM. The
record it reads is :mod:`~analysis.publish.facts.case_tajikistan.record`, the sentences' guards
:mod:`~analysis.publish.facts.case_tajikistan.guards`; this package glues the values and draws
the figures."""

from __future__ import annotations

from types import SimpleNamespace

import pandas as pd

from ....charts import Chart
from ....charts.timelines import annotated_timeline_chart, presence_chart
from ....data.edition import day_text
from ... import book
from ..checks import check_all
from .guards import GUARDS
from .record import (
    DECADE,
    DECADE_WINDOW,
    EVENTS,
    FORCES_WINDOW,
    MILESTONES,
    NUMBERS,
    SPANS,
    event_day,
    left_in_1999,
    number,
    values,
)

# The names chapters, tests and other facts modules read here, as before the split.
__all__ = ["DECADE", "DECADE_WINDOW", "EVENTS", "FORCES_WINDOW", "GUARDS", "MILESTONES", "NUMBERS",
           "SPANS", "facts", "figures", "values"]


def _amount(v: SimpleNamespace, key: str) -> str:
    return f"{number(v, key):,.0f}"


def _range(v: SimpleNamespace, key: str) -> str:
    return f"{number(v, key):,.0f} to {number(v, key, 'value_high'):,.0f}"


def facts(tables: dict[str, pd.DataFrame], cutoff: pd.Timestamp) -> dict[str, str | int]:
    """Every value the chapter glues, by glue name, once every guard holds."""
    v = values(tables, cutoff)
    check_all(GUARDS, v)
    day = {key: day_text(event_day(v, key)) for key in EVENTS}
    month = {key: f"{event_day(v, key):%B %Y}" for key in EVENTS}
    year = {key: f"{event_day(v, key):%Y}" for key in EVENTS}
    parties = set(v.cst["state"])
    r = v.requests
    arm_calls = r[(r["requester"] == "ARM") & (r["request_made"] == "yes")
                  & (r["date"] < event_day(v, "in_force"))]
    return {
        "ct_parties": book.word(len(parties)),
        "ct_left": book.word(len(left_in_1999(v))),
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
        "tj_displaced": f"{number(v, 'displaced') / 1e6:.1f} million",
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
        "tj_unmot_dead": book.word(number(v, "unmot_dead")).capitalize(),
        "tj_unmot_end": day["unmot_end"],
        "tj_peace": day["peace"],
        "kb_aze_joins": day["aze_joins"],
        "kb_ceasefire": day["karabakh_ceasefire"],
        "kb_arms": month["arms_affair"],
        "kb_arms_usd": f"{number(v, 'arms_usd') / 1000:,.0f} billion",
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
    left = book.and_list(v.names[s] for s in sorted(left_in_1999(v)))
    return {
        "fig-case-tajikistan": presence_chart(
            v.spans, v.milestones,
            "Russia's forces were in Tajikistan before the CIS force came and after the UN "
            "left", *FORCES_WINDOW, owners=owners,
            source="The CSTO Record, data/bases.csv, responses.csv and events.csv"),
        "fig-case-1990s": annotated_timeline_chart(
            v.decade, f"The treaty's first decade: a war between two parties, and {left} out by "
            f"{event_day(v, 'left'):%Y}", *DECADE_WINDOW,
            source="The CSTO Record, data/events.csv"),
    }
