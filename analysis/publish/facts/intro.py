"""Facts of the opening chapter (``book/intro.md``): the key findings and the headline comparison
of what members asked for with what they got."""

from __future__ import annotations

from types import SimpleNamespace

import pandas as pd

from ...charts import Chart, asked_versus_got_chart
from ...measures import burden, membership, rates, requests, selection, sensitivity, votes
from .. import book
from .checks import Guard, check_all
from .claims import sided_with_russia


def selected_outcomes(tables: dict[str, pd.DataFrame], cutoff: pd.Timestamp) -> pd.DataFrame:
    """The outcome of every request of the crises that one rule selects for both alliances
    (:func:`~analysis.measures.selection.select_crises`)."""
    chosen = selection.select_crises(tables["requests"], tables["memberships"], cutoff)
    return requests.request_outcomes(tables["requests"][chosen["included"]], tables["responses"])


def values(tables: dict[str, pd.DataFrame], cutoff: pd.Timestamp) -> SimpleNamespace:
    """What the chapter's sentences rest on: the selected crises' outcomes (``outcomes``), the
    yardstick by alliance (``yard``), the sensitivity table by coding (``sens``), the
    deployments (``deployed``), Belarus's agreement with Russia (``agreement``), the members
    that sided with Russia (``sided``), the largest member's share of forces (``forces``), and
    requests asked and answered with less (``asked``, ``got_less``, by alliance)."""
    outcomes = selected_outcomes(tables, cutoff)
    sens = sensitivity.by_coding(sensitivity.sensitivity_table(
        tables["requests"], tables["responses"], tables["memberships"], cutoff))
    shares = burden.largest_member_shares(tables["memberships"], tables["capabilities"], cutoff,
                                          personnel=tables["nmc_milper"])
    asks = rates.asked_versus_got(outcomes)
    asked = asks.groupby("organization")["requests"].sum()
    got_less = asks[asks["outcome"] == "less"].groupby("organization")["requests"].sum()
    return SimpleNamespace(
        outcomes=outcomes,
        yard=rates.yardstick(outcomes).set_index("organization"),
        sens=sens,
        deployed=outcomes[(outcomes["organization"] == "CSTO") & outcomes["deployed"]],
        agreement=votes.pairwise_agreement(tables["un_votes"], ["RUS", "BLR"]),
        sided=sided_with_russia(tables["un_votes"], tables["memberships"]),
        forces=shares[shares["panel"] == "forces"].set_index("organization")["largest_share"],
        asked=asked,
        got_less=got_less.reindex(asked.index, fill_value=0),
    )


# The sentences of the key findings and of the headline comparison, as the data must support them.
GUARDS = (
    Guard("deployed_only_for_unrest",
          "the alliance sent troops ..., each time for unrest inside a member, never for an "
          "attack from outside",
          lambda v: set(v.deployed["threat"]) == {"unrest"}),
    Guard("deployed_tajikistan_and_kazakhstan",
          "Tajikistan's civil war in 1993, through a CIS force, and Kazakhstan in 2022",
          lambda v: v.deployed["request_id"].tolist() == ["CSTO-1993-TJK", "CSTO-2022-KAZ"]),
    Guard("belarus_every_time",
          "In the UN votes on Ukraine Belarus voted as Russia did every time",
          lambda v: v.agreement.loc["BLR", "RUS"] == 1.0),
    Guard("members_sided_on_occasion",
          "The others mostly abstained, but not always: members cast Russia's own vote against "
          "the majority on occasion (Armenia on 68/262; Kazakhstan, Kyrgyzstan, Tajikistan and "
          "Uzbekistan on ES-11/3)",
          lambda v: v.sided == {"A/RES/68/262": ["ARM"],
                                "A/RES/ES-11/3": ["KAZ", "KGZ", "TJK", "UZB"]}),
    Guard("fewer_calls_answered_under_every_coding",
          "the CSTO answers fewer of its members' calls ... under every coding the book tries",
          lambda v: (v.sens[("any_action_rate", "CSTO")]
                     < v.sens[("any_action_rate", "NATO")]).all()),
    Guard("short_of_the_ask_under_every_coding",
          "falls short of what they asked far more often ... under every coding the book tries",
          lambda v: (v.sens[("short_rate", "CSTO")] > v.sens[("short_rate", "NATO")]).all()),
    Guard("not_said_slower",
          "the findings do not say the CSTO answers more slowly: that does not hold under every "
          "coding",
          lambda v: not (v.sens[("median_lag_highest_days", "CSTO")]
                         > v.sens[("median_lag_highest_days", "NATO")]).all()),
    Guard("leans_on_one_member_far_more",
          "and leans on one member far more heavily",
          lambda v: v.forces["CSTO"] > 1.5 * v.forces["NATO"]),
    Guard("less_than_asked_more_often",
          "Most CSTO discs sit left of the diagonal ...: CSTO requests drew less than was asked "
          "more often than NATO's",
          lambda v: v.got_less["CSTO"] / v.asked["CSTO"] > v.got_less["NATO"] / v.asked["NATO"]),
)


def sided_text(sided: dict[str, list[str]], names: dict[str, str],
               years: dict[str, int]) -> str:
    """The members that cast Russia's own vote, resolution by resolution in date order:
    ``"Armenia on A/RES/68/262 (2014); Kazakhstan, ... and Uzbekistan on A/RES/ES-11/3
    (2022)"``."""
    return "; ".join(f"{book.and_list([names[s] for s in states])} on {res} ({years[res]})"
                     for res, states in sorted(sided.items(), key=lambda item: years[item[0]]))


def facts(tables: dict[str, pd.DataFrame], cutoff: pd.Timestamp) -> dict[str, str | int]:
    """Every value the chapter glues, by glue name, once every guard holds."""
    v = values(tables, cutoff)
    check_all(GUARDS, v)
    row = v.yard.loc["CSTO"]
    today = membership.members_on(tables["memberships"], cutoff, "CSTO",
                                  statuses=membership.IN_ORGANIZATION)
    years = tables["un_resolutions"].set_index("resolution")["date"].dt.year.to_dict()
    return {
        "in_members": len(today),
        "in_ever": len(membership.ever_members(tables["memberships"], ["CST", "CSTO"])),
        "in_deployed": book.rate_text(int(row["deployed"]), int(row["requests"]),
                                      row["deployed_low"], row["deployed_high"]),
        "in_silent": int(row["no_request"]),
        "in_blr": book.percent(v.agreement.loc["BLR", "RUS"]),
        "in_sources": len(tables["sources"]),
        "in_tables": len(tables),
        "in_sided": sided_text(v.sided, book.state_names(tables["states"]), years),
        "in_less_csto": int(v.got_less["CSTO"]),
        "in_asked_csto": int(v.asked["CSTO"]),
        "in_less_nato": int(v.got_less["NATO"]),
        "in_asked_nato": int(v.asked["NATO"]),
    }


def figures(tables: dict[str, pd.DataFrame], cutoff: pd.Timestamp) -> dict[str, Chart]:
    """The chapter's figures by name: what members asked for against what came."""
    asks = rates.asked_versus_got(selected_outcomes(tables, cutoff))
    return {"fig-intro-asks": asked_versus_got_chart(asks)}
