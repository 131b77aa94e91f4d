"""Facts of the chapter comparing the CSTO with NATO (``book/nato.md``): growth, the defence
clause in use, and how much each alliance rests on its largest member."""

from __future__ import annotations

from types import SimpleNamespace

import pandas as pd

from ...charts import Chart, clause_use_chart, concentration_panels, growth_chart
from ...measures import burden, compare, growth
from .. import book
from .checks import Guard, check_all

#: The concentration figure's source line.
CONCENTRATION_SOURCE = ("SIPRI Military Expenditure Database (spending, constant 2023 US$); "
                        "Correlates of War NMC 7.0 (personnel)")


def _shares(tables: dict[str, pd.DataFrame], cutoff: pd.Timestamp) -> pd.DataFrame:
    return burden.largest_member_shares(tables["memberships"], tables["capabilities"], cutoff,
                                        personnel=tables["nmc_milper"], spending=tables["milex"])


def values(tables: dict[str, pd.DataFrame], cutoff: pd.Timestamp) -> SimpleNamespace:
    """What the chapter's sentences rest on: the side-by-side measures (``side``, by measure and
    alliance), the collective-defence invocations by alliance (``defence``), and the largest
    member's shares by alliance and measure (``shares``)."""
    side = compare.side_by_side(tables["memberships"], tables["organizations"],
                                tables["requests"], tables["responses"], tables["capabilities"],
                                as_of=cutoff, personnel=tables["nmc_milper"])
    invocations = compare.clause_invocations(tables["requests"], tables["responses"])
    defence = invocations[invocations["clause"] == "collective_defence"]
    return SimpleNamespace(
        side=side.set_index("measure"),
        defence=defence.set_index("organization"),
        shares=_shares(tables, cutoff).set_index(["organization", "measure"]),
    )


def _csto_defence(v: SimpleNamespace) -> pd.DataFrame:
    return v.defence.loc[["CSTO"]]


def _like_for_like(v: SimpleNamespace, measure: str) -> bool:
    """One series, one year, every member, and the CSTO's largest member's share the larger."""
    a, b = v.shares.loc[("CSTO", measure)], v.shares.loc[("NATO", measure)]
    return (a["n_with_data"] == a["n_states"] and b["n_with_data"] == b["n_states"]
            and a["year_min"] == a["year_max"] == b["year_min"] == b["year_max"]
            and a["editions"] == b["editions"] and a["largest_share"] > b["largest_share"])


GUARDS = (
    Guard("nato_only_grew",
          "NATO has only grown: it has ... members ..., its largest number ever, and no state has "
          "left",
          lambda v: v.side.loc["members today", "NATO"] == v.side.loc["largest membership ever",
                                                                      "NATO"]
          and v.side.loc["states that left", "NATO"] == 0),
    Guard("kazakhstan_the_invocation_answered_with_troops",
          "answered with troops ...: for unrest in Kazakhstan",
          lambda v: _csto_defence(v).loc[_csto_defence(v)["outcome"] == "deployment",
                                         "request_ids"].tolist() == ["CSTO-2022-KAZ"]),
    Guard("armenia_invoked_it_too",
          "not for the attack on Armenia",
          lambda v: "CSTO-2022-ARM" in _csto_defence(v)["request_ids"].tolist()),
    Guard("nato_article_5_once_in_2001",
          "NATO's Article 5 has been invoked ..., after the attacks of 11 September 2001",
          lambda v: v.defence.loc[["NATO"], "request_ids"].tolist() == ["NATO-A5-2001-USA"]),
    Guard("spending_like_for_like",
          "For money and troops alike the book takes every member's figure from one series and "
          "one year ...; the CSTO leans far harder",
          lambda v: _like_for_like(v, "military_spending")),
    Guard("personnel_like_for_like",
          "For money and troops alike ... (troops); the CSTO leans far harder",
          lambda v: _like_for_like(v, "active_personnel")),
)


def facts(tables: dict[str, pd.DataFrame], cutoff: pd.Timestamp) -> dict[str, str | int]:
    """Every value the chapter glues, by glue name, once every guard holds."""
    v = values(tables, cutoff)
    check_all(GUARDS, v)
    side, shares = v.side, v.shares
    glued: dict[str, str | int] = {}
    for org in ("CSTO", "NATO"):
        key = org.lower()
        glued[f"cn_{key}_today"] = str(side.loc["members today", org])
        glued[f"cn_{key}_invoked"] = book.times(side.loc["collective-defence clause invoked", org])
        glued[f"cn_{key}_troops"] = book.times(side.loc["invocations answered with troops", org])
        glued[f"cn_{key}_consult"] = book.count_of(side.loc["consultation requests", org],
                                                   "request")
        for measure, short in (("military_spending", "spend"), ("active_personnel", "forces")):
            row = shares.loc[(org, measure)]
            glued[f"cn_{key}_{short}"] = book.percent(row["largest_share"])
        glued[f"cn_{key}_spend_n"] = int(shares.loc[(org, "military_spending"), "n_with_data"])
    glued["cn_csto_peak"] = str(side.loc["largest membership ever", "CSTO"])
    glued["cn_csto_left"] = str(side.loc["states that left", "CSTO"])
    glued["cn_spend_year"] = str(shares.loc[("CSTO", "military_spending"), "year_max"])
    glued["cn_forces_year"] = str(shares.loc[("CSTO", "active_personnel"), "year_max"])
    return glued


def figures(tables: dict[str, pd.DataFrame], cutoff: pd.Timestamp) -> dict[str, Chart]:
    """The chapter's figures by name: growth, the clauses in use, and concentration."""
    invocations = compare.clause_invocations(tables["requests"], tables["responses"])
    return {
        "fig-cn-growth": growth_chart(growth.membership_growth(tables["memberships"],
                                                               end=cutoff)),
        "fig-cn-clauses": clause_use_chart(invocations),
        "fig-cn-concentration": concentration_panels(_shares(tables, cutoff),
                                                     source=CONCENTRATION_SOURCE),
    }
