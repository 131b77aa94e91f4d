"""Facts of the chapter on the intervention history (``book/interventions.md``): every crisis of
the CSTO's members on one timeline, and the cases of Kyrgyzstan 2010, Kazakhstan 2022 and
Armenia 2021-22."""

from __future__ import annotations

from types import SimpleNamespace

import pandas as pd

from ...charts import Chart, intervention_timeline_chart
from ...charts.provenance import competing_values_chart
from ...measures import interventions, provenance, requests, sensitivity
from .checks import Guard, check_all

#: The Kazakhstan deployment's response, whose troop numbers the sources dispute.
KAZ_RESPONSE = "CSTO-2022-KAZ-R1"


def values(tables: dict[str, pd.DataFrame], cutoff: pd.Timestamp) -> SimpleNamespace:
    """What the chapter's sentences rest on: the CSTO's crises and their outcomes by request
    (``csto``), the timeline of actions (``timeline``), the appeals to Russia (``bilateral``,
    request ids) and the competing troop numbers for Kazakhstan (``troops``)."""
    outcomes = requests.request_outcomes(tables["requests"], tables["responses"])
    bilateral = sensitivity.is_bilateral(tables["requests"])
    return SimpleNamespace(
        csto=outcomes[outcomes["organization"] == "CSTO"].set_index("request_id"),
        timeline=interventions.intervention_timeline(tables["requests"], tables["responses"],
                                                     tables["events"]),
        bilateral=set(tables["requests"].loc[bilateral, "request_id"]),
        troops=provenance.competing_values(tables["discrepancies"], "responses", KAZ_RESPONSE,
                                           "troops"),
    )


def _deployment_bars(v: SimpleNamespace) -> set[str]:
    """Requests whose lane in the timeline has a deployment bar (a deployment with a known end)."""
    t = v.timeline
    bars = t[(t["organization"] == "CSTO") & (t["kind"] == "deployment")
             & t["duration_days"].notna()]
    return set(bars["request_id"])


def _own_deployments(v: SimpleNamespace) -> list[str]:
    """Deployments of the alliance's own forces (not through another organization's framework)."""
    other = sensitivity.is_other_framework(v.csto.reset_index()).to_numpy()
    return v.csto[v.csto["deployed"] & ~other].index.tolist()


def _kaz_deployment(v: SimpleNamespace) -> pd.Series:
    t = v.timeline
    return t[(t["request_id"] == "CSTO-2022-KAZ") & (t["kind"] == "deployment")].iloc[0]


GUARDS = (
    Guard("span_1992_2024",
          "A timeline from 1992 to 2024 (the figure's alt text gives the span)",
          lambda v: (f"{v.csto['date'].min():%Y}", f"{v.csto['date'].max():%Y}")
          == ("1992", "2024")),
    Guard("one_deployment_bar",
          "a single lane, Kazakhstan in January 2022, shows a short deployment bar",
          lambda v: _deployment_bars(v) == {"CSTO-2022-KAZ"}),
    Guard("one_rule_for_appeals_to_russia",
          "by one rule for all such appeals (Armenia's in November 2021 and Belarus's in 2020 "
          "are counted the same way)",
          lambda v: v.bilateral == {"CSTO-2010-KGZ", "CSTO-2021-ARM-2", "CSTO-2020-BLR"}),
    Guard("kazakhstan_invoked_article_4",
          "President Tokayev asked for help ... under Article 4 of the treaty",
          lambda v: "Article 4" in v.csto.loc["CSTO-2022-KAZ", "instrument"]),
    Guard("first_deployment_of_its_own_forces",
          "for the first time the alliance sent its collective peacekeeping forces",
          lambda v: _own_deployments(v) == ["CSTO-2022-KAZ"]),
    Guard("armenia_asked_for_troops_and_got_nothing_from_russia",
          "the book codes that ask at the top of the scale; it appealed to Russia ..., and "
          "nothing came",
          lambda v: v.csto.loc["CSTO-2022-ARM", "asked_level"] == "deployment"
          and v.csto.loc["CSTO-2021-ARM-2", "highest_level"] == "none"),
)


def _level(value: object) -> str:
    return str(value).replace("_", " ")


def facts(tables: dict[str, pd.DataFrame], cutoff: pd.Timestamp) -> dict[str, str | int]:
    """Every value the chapter glues, by glue name, once every guard holds."""
    v = values(tables, cutoff)
    check_all(GUARDS, v)
    csto = v.csto
    kgz, kaz = csto.loc["CSTO-2010-KGZ"], csto.loc["CSTO-2022-KAZ"]
    arm21, arm21b, arm22 = (csto.loc[r] for r in ("CSTO-2021-ARM", "CSTO-2021-ARM-2",
                                                  "CSTO-2022-ARM"))
    deployment = _kaz_deployment(v)
    low, high = provenance.numeric_range(v.troops)
    return {
        "iv_crises": len(csto),
        "iv_requests": int((csto["request_made"] == "yes").sum()),
        "iv_deployed": int(csto["deployed"].sum()),
        "iv_first": f"{csto['date'].min():%Y}",
        "iv_last": f"{csto['date'].max():%Y}",
        "kgz_date": f"{kgz['date']:%-d %B %Y}",
        "kgz_asked": _level(kgz["asked_level"]),
        "kgz_got": _level(kgz["highest_level"]),
        "kaz_date": f"{kaz['date']:%-d %B %Y}",
        "kaz_start": f"{deployment['start']:%-d %B}",
        "kaz_end": f"{deployment['end']:%-d %B %Y}",
        "kaz_days": int(deployment["duration_days"]),
        "kaz_troops": int(kaz["troops"]),
        "kaz_low": int(low),
        "kaz_high": int(high),
        "kaz_n_sources": len(v.troops),
        "arm21_date": f"{arm21['date']:%B %Y}",
        "arm21_got": _level(arm21["highest_level"]),
        "arm22_date": f"{arm22['date']:%-d %B %Y}",
        "arm22_asked": _level(arm22["asked_level"]),
        "arm22_got": _level(arm22["highest_level"]),
        "arm21b_date": f"{arm21b['date']:%B %Y}",
    }


def figures(tables: dict[str, pd.DataFrame], cutoff: pd.Timestamp) -> dict[str, Chart]:
    """The chapter's figures by name: the timeline of crises and actions, and the competing
    troop numbers for Kazakhstan."""
    v = values(tables, cutoff)
    return {
        "fig-iv-timeline": intervention_timeline_chart(v.timeline, organization="CSTO"),
        "fig-iv-kaz-troops": competing_values_chart(
            v.troops, tables["sources"],
            title="Troops sent to Kazakhstan, January 2022, by source", unit="troops"),
    }
