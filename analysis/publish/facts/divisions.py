"""Facts of the chapter on divisions (``book/divisions.md``): the members' votes on Ukraine,
their stances on Moscow's causes, their acts of defiance, and Armenia's path."""

from __future__ import annotations

from types import SimpleNamespace

import pandas as pd

from ...charts import Chart, alignment_grid, defiance_chart, vote_heatmap
from ...measures import divisions, membership, votes
from .. import book
from .checks import Guard, check_all
from .claims import sided_with_russia

#: The recognitions the text says no member but Russia (and, for Crimea, Belarus) made.
RECOGNITIONS = ("recognize_abkhazia_south_ossetia", "recognize_crimea_annexation",
                "recognize_2022_annexations")


def followed(memberships: pd.DataFrame) -> list[str]:
    """Every state that was ever a member of the treaty or the organization, Russia first."""
    ever = membership.ever_members(memberships, ["CST", "CSTO"])
    return ["RUS"] + [s for s in ever if s != "RUS"]


def values(tables: dict[str, pd.DataFrame], cutoff: pd.Timestamp) -> SimpleNamespace:
    """What the chapter's sentences rest on: agreement with Russia and the number of votes both
    cast (``agreement``, ``counts``), the members other than Russia and Belarus (``others``) and
    their recorded votes by kind (``cast``), the members that sided with Russia (``sided``), the
    members aligned with Moscow on each recognition (``aligned``), the acts of defiance
    (``defiance``) and Armenia's moves since 2022 (``since_2022``)."""
    un_votes, memberships = tables["un_votes"], tables["memberships"]
    states = followed(memberships)
    others = [s for s in states[1:] if s != "BLR"]
    stances = divisions.alignment_matrix(tables["stances"], states=states)
    path = divisions.trajectory(tables["stances"], un_votes, tables["un_resolutions"],
                                tables["events"], memberships, "ARM")
    return SimpleNamespace(
        agreement=votes.pairwise_agreement(un_votes, states),
        counts=votes.pairwise_counts(un_votes, states),
        others=others,
        cast=un_votes[un_votes["state"].isin(others)]["vote"].value_counts(),
        sided=sided_with_russia(un_votes, memberships),
        aligned={issue: sorted(s for s in stances.index
                               if s != "RUS" and stances[issue].eq(1).fillna(False)[s])
                 for issue in RECOGNITIONS},
        defiance=divisions.defiance_events(tables["events"], memberships),
        since_2022=path[path["date"] >= "2022-01-01"],
    )


def _drills(v: SimpleNamespace) -> pd.Series:
    """Exercises each member called off or shunned, for the members with any."""
    drills = v.defiance.groupby("state")["exercise_withdrawal"].sum()
    return drills[drills > 0]


GUARDS = (
    Guard("abstention_the_commonest_vote",
          "The others' commonest vote was an abstention",
          lambda v: v.cast.idxmax() == "abstain"),
    Guard("exceptions_armenia_and_central_asia",
          "The exceptions are in the grid: Armenia voted with Russia against the 2014 resolution "
          "on Crimea, and the four Central Asian members against suspending Russia from the "
          "Human Rights Council in 2022",
          lambda v: v.sided == {"A/RES/68/262": ["ARM"],
                                "A/RES/ES-11/3": ["KAZ", "KGZ", "TJK", "UZB"]}),
    Guard("belarus_voted_with_russia",
          "Belarus, Moscow's closest ally, voted with Russia in the UN",
          lambda v: v.agreement.loc["BLR", "RUS"] == 1.0),
    Guard("recognitions_none_but_belarus_on_crimea",
          "No member other than Russia recognised Abkhazia and South Ossetia ..., and none "
          "recognised the four Ukrainian regions ...; Belarus is aligned on Crimea only",
          lambda v: v.aligned == {"recognize_abkhazia_south_ossetia": [],
                                  "recognize_crimea_annexation": ["BLR"],
                                  "recognize_2022_annexations": []}),
    Guard("armenias_defiance_since_2022",
          "Armenia accounts for ... of them, all since 2022",
          lambda v: v.defiance.loc[v.defiance["state"] == "ARM", "year"].min() >= 2022),
    Guard("drills_armenia_and_kyrgyzstan",
          "from Kyrgyzstan's cancellation of the 2022 exercise it was to host to Armenia's "
          "refusals of 2022 and 2023",
          lambda v: set(_drills(v).index) == {"ARM", "KGZ"}),
)


def facts(tables: dict[str, pd.DataFrame], cutoff: pd.Timestamp) -> dict[str, str | int]:
    """Every value the chapter glues, by glue name, once every guard holds."""
    v = values(tables, cutoff)
    check_all(GUARDS, v)
    names = book.state_names(tables["states"])
    totals = v.defiance.groupby("state")["total"].sum()
    drills = _drills(v)
    moves = v.since_2022["direction"]
    return {
        "dv_n_res": len(tables["un_resolutions"]),
        "dv_blr": book.percent(v.agreement.loc["BLR", "RUS"]),
        "dv_blr_n": int(v.counts.loc["BLR", "RUS"]),
        "dv_others_max": book.percent(v.agreement.loc[v.others, "RUS"].max()),
        "dv_abstain": book.percent(v.cast["abstain"] / v.cast.sum()),
        "dv_def_total": int(totals.sum()),
        "dv_def_arm": int(totals.get("ARM", 0)),
        "dv_def_drills": int(drills.sum()),
        "dv_def_drill_states": book.and_list(names[s] for s in sorted(drills.index)),
        "dv_arm_moves": len(v.since_2022),
        "dv_arm_away": int((moves < 0).sum()),
        "dv_arm_toward": int((moves > 0).sum()),
    }


def figures(tables: dict[str, pd.DataFrame], cutoff: pd.Timestamp) -> dict[str, Chart]:
    """The chapter's figures by name: the votes on Ukraine, the stances, and the defiance."""
    states = followed(tables["memberships"])
    matrix = votes.vote_matrix(tables["un_votes"], states=states,
                               resolutions=tables["un_resolutions"])
    stances = divisions.alignment_matrix(tables["stances"], states=states)
    defiance = divisions.defiance_events(tables["events"], tables["memberships"])
    return {
        "fig-dv-votes": vote_heatmap(matrix, tables["states"]),
        "fig-dv-stances": alignment_grid(stances, tables["states"]),
        "fig-dv-defiance": defiance_chart(defiance, tables["states"]),
    }
