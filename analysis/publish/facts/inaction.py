"""Facts of the chapter on requests and responses (``book/inaction.md``): what members asked
for and what came, silences, threats, NATO by the same yardstick, and how much the rates depend
on the coding."""

from __future__ import annotations

from types import SimpleNamespace

import pandas as pd

from ...charts import Chart, lag_chart, rates_by_threat, response_ladder
from ...measures import rates, requests, selection, sensitivity
from .. import book
from .checks import Guard, check_all

#: The rates the sensitivity section states for both alliances.
SPREAD_MEASURES = ("any_action_rate", "deployed_rate", "short_rate", "request_share")


def values(tables: dict[str, pd.DataFrame], cutoff: pd.Timestamp) -> SimpleNamespace:
    """What the chapter's sentences rest on: the crisis selection (``chosen``), the selected
    requests' outcomes (``outcomes``), the yardstick by alliance (``yard``), the CSTO's crises
    without a request (``silent``), troop rates by threat (``by_threat``), requests with joint
    ones merged (``joint``), and the sensitivity table (``table``) by coding (``wide``)."""
    chosen = selection.select_crises(tables["requests"], tables["memberships"], cutoff)
    selected = tables["requests"][chosen["included"]]
    outcomes = requests.request_outcomes(selected, tables["responses"])
    silent = rates.crises_without_request(selected)
    table = sensitivity.sensitivity_table(tables["requests"], tables["responses"],
                                          tables["memberships"], cutoff)
    return SimpleNamespace(
        chosen=chosen,
        outcomes=outcomes,
        yard=rates.yardstick(outcomes).set_index("organization"),
        silent=silent[silent["organization"] == "CSTO"],
        by_threat=rates.response_rates(outcomes, by=["organization", "threat"],
                                       success="deployed"),
        joint=requests.merge_joint_requests(outcomes[outcomes["request_made"] == "yes"]),
        table=table,
        wide=sensitivity.by_coding(table),
    )


def _border(v: SimpleNamespace) -> pd.DataFrame:
    """The silences that were border wars or attacks from outside."""
    return v.silent[v.silent["threat"].eq("armed_attack")]


def _csto_threat(v: SimpleNamespace) -> pd.DataFrame:
    return v.by_threat[v.by_threat["organization"] == "CSTO"].set_index("threat")


def _feb22(v: SimpleNamespace) -> pd.Series:
    return v.joint[v.joint["requests_merged"] > 1].iloc[0]


def _holds_everywhere(v: SimpleNamespace, measure: str, csto_lower: bool) -> bool:
    csto, nato = v.wide[(measure, "CSTO")], v.wide[(measure, "NATO")]
    return bool((csto < nato).all() if csto_lower else (csto > nato).all())


def _slower(v: SimpleNamespace) -> pd.Series:
    return (v.wide[("median_lag_highest_days", "CSTO")]
            > v.wide[("median_lag_highest_days", "NATO")])


def _material_depends_on_coding(v: SimpleNamespace) -> bool:
    not_more = v.wide[("material_rate", "CSTO")] <= v.wide[("material_rate", "NATO")]
    return not not_more.all() and bool(not_more.any())


GUARDS = (
    Guard("every_crisis_selected",
          "the crises of both are chosen by one rule, set out in the methods",
          lambda v: bool(v.chosen["included"].all())),
    Guard("deployments_tajikistan_and_kazakhstan",
          "two, Tajikistan 1993 and Kazakhstan 2022, reach deployment",
          lambda v: v.outcomes.loc[(v.outcomes["organization"] == "CSTO")
                                   & v.outcomes["deployed"], "request_id"].tolist()
          == ["CSTO-1993-TJK", "CSTO-2022-KAZ"]),
    Guard("silences_named",
          "They include the 2020 Nagorno-Karabakh war ...; clashes between two members, "
          "Kyrgyzstan and Tajikistan ...; and Ukraine's incursion into Russia's Kursk region",
          lambda v: {"CSTO-2020-ARM-2", "CSTO-2022-KGZ-2", "CSTO-2024-RUS"}
          <= set(_border(v)["request_id"])),
    Guard("unrest_answered_aggression_not",
          "By threat: internal unrest is answered, aggression is not",
          lambda v: _csto_threat(v).loc["armed_attack", "k"] == 0
          and _csto_threat(v).loc["unrest", "k"] > 0),
    Guard("one_joint_request",
          "the ... allies who asked for consultations together on 24 February 2022 count as one",
          lambda v: int((v.joint["requests_merged"] > 1).sum()) == 1),
    Guard("first_response_no_later_than_highest",
          "Both alliances answered fast at first ... The highest response took longer",
          lambda v: all(v.yard.loc[org, "median_lag_first_days"]
                        <= v.yard.loc[org, "median_lag_highest_days"]
                        for org in ("CSTO", "NATO"))),
    Guard("only_the_csto_fell_short",
          "The gap between what was asked and what came is the sharper contrast",
          lambda v: v.yard.loc["NATO", "short"] == 0 and v.yard.loc["CSTO", "short"] > 0),
    Guard("february_2022_exceeded",
          "as when consultations asked for in 2022 brought the first deployment of the NATO "
          "Response Force",
          lambda v: f"{_feb22(v)['date']:%Y-%m-%d}" == "2022-02-24"
          and _feb22(v)["gap"] == "exceeded"),
    Guard("no_alternative_touches_nato",
          "each alternative ... (NATO's rates are the same under every coding)",
          lambda v: all(v.wide[(m, "NATO")].nunique() == 1 for m in SPREAD_MEASURES)),
    Guard("fewer_answered_under_every_coding",
          "the CSTO answered a smaller share of requests than NATO",
          lambda v: _holds_everywhere(v, "any_action_rate", csto_lower=True)),
    Guard("fewer_troops_under_every_coding",
          "sent troops for a smaller share",
          lambda v: _holds_everywhere(v, "deployed_rate", csto_lower=True)),
    Guard("short_more_often_under_every_coding",
          "fell short of the ask far more often",
          lambda v: _holds_everywhere(v, "short_rate", csto_lower=False)),
    Guard("asked_in_fewer_crises_under_every_coding",
          "and its members asked in a smaller share of their crises",
          lambda v: _holds_everywhere(v, "request_share", csto_lower=True)),
    Guard("slower_only_under_some_codings",
          "whether the CSTO reached its highest response more slowly depends on counting "
          "bilateral appeals and pledges",
          lambda v: bool(_slower(v)["main"]) and not _slower(v).all()
          and set(_slower(v)[~_slower(v)].index) == {"bilateral_out", "pledges_not_aid"}),
    Guard("material_aid_depends_on_coding",
          "whether it gave material aid more or less often than NATO depends on the coding too",
          _material_depends_on_coding),
)


def days_text(days: float) -> str:
    """A median lag as the prose states it: ``1`` -> ``"1 day"``, ``2.5`` -> ``"2.5 days"``."""
    return f"{days:g} day" + ("" if days == 1 else "s")


def _alliance_facts(v: SimpleNamespace, org: str) -> dict[str, str | int]:
    row, key = v.yard.loc[org], org.lower()

    def rate(measure: str, of: str = "requests") -> str:
        return book.rate_text(int(row[measure]), int(row[of]), row[f"{measure}_low"],
                              row[f"{measure}_high"])

    glued: dict[str, str | int] = {
        f"in_{key}_requests": int(row["requests"]),
        f"in_{key}_norequest": int(row["no_request"]),
        f"in_{key}_any": rate("any_action"),
        f"in_{key}_deployed": rate("deployed"),
        f"in_{key}_short": rate("short", of="asked_coded"),
        f"in_{key}_met": int(row["met"]),
        f"in_{key}_lag_first": days_text(row["median_lag_first_days"]),
        f"in_{key}_lag": f"{row['median_lag_highest_days']:,.0f}",
    }
    # What the prose quotes for one alliance only.
    if org == "CSTO":
        glued["in_csto_material"] = rate("material")
    else:
        glued.update({f"in_{key}_crises": int(row["crises"]),
                      f"in_{key}_exceeded": int(row["exceeded"])})
    return glued


def _sensitivity_facts(v: SimpleNamespace) -> dict[str, str | int]:
    glued: dict[str, str | int] = {"se_codings": len(sensitivity.CODINGS) - 1}
    for row in v.table.itertuples():
        key = f"se_{row.coding}_{row.organization.lower()}"
        glued[f"{key}_share"] = book.share(row.requests, row.crises)
        glued[f"{key}_any"] = book.share(row.any_action, row.requests)
        glued[f"{key}_deployed"] = book.share(row.deployed, row.requests)
        glued[f"{key}_short"] = book.share(row.short, row.asked_coded)
        glued[f"{key}_lags"] = f"{row.median_lag_first_days:g} / {row.median_lag_highest_days:g}"
    for measure in SPREAD_MEASURES:
        low, high = sensitivity.spread(v.table, measure).set_index("organization").loc["CSTO"]
        glued[f"se_csto_{measure}"] = f"{book.percent(low)} to {book.percent(high)}"
        glued[f"se_nato_{measure}"] = book.percent(v.wide[(measure, "NATO")].iloc[0])
    return glued


def facts(tables: dict[str, pd.DataFrame], cutoff: pd.Timestamp) -> dict[str, str | int]:
    """Every value the chapter glues, by glue name, once every guard holds."""
    v = values(tables, cutoff)
    check_all(GUARDS, v)
    threat = _csto_threat(v)

    def rate(row: pd.Series) -> str:
        return book.rate_text(int(row["k"]), int(row["n"]), row["low"], row["high"])

    return {
        **_alliance_facts(v, "CSTO"),
        **_alliance_facts(v, "NATO"),
        "in_silent_border": len(_border(v)),
        "in_silent_karabakh": int(v.silent["request_id"].isin(
            sensitivity.KARABAKH_OUTSIDE_SCOPE).sum()),
        "in_ext": rate(threat.loc["armed_attack"]),
        "in_unrest": rate(threat.loc["unrest"]),
        "in_joint_allies": int(v.joint["requests_merged"].max()),
        **_sensitivity_facts(v),
    }


def figures(tables: dict[str, pd.DataFrame], cutoff: pd.Timestamp) -> dict[str, Chart]:
    """The chapter's figures by name: the response ladder, troops by threat, and the lags."""
    chosen = selection.select_crises(tables["requests"], tables["memberships"], cutoff)
    outcomes = requests.request_outcomes(tables["requests"][chosen["included"]],
                                         tables["responses"])
    by_threat = rates.response_rates(outcomes, by=["organization", "threat"], success="deployed")
    return {
        "fig-in-ladder": response_ladder(outcomes, organization="CSTO"),
        "fig-in-threat": rates_by_threat(by_threat),
        "fig-in-lag": lag_chart(outcomes),
    }
