"""Claims that more than one chapter makes, computed once.

"Which members voted with Russia on Ukraine" is quoted in the opening chapter, guarded in the
chapters on divisions and on votes, and was tested again on its own: one function answers it.
The votes on Ukraine that the chapters on divisions and on votes count are one universe
(:func:`ukraine_votes`, the rule of :func:`analysis.measures.ukraine.ukraine_universe`), taken
here once for both.
"""

from __future__ import annotations

import pandas as pd

from ...measures import membership, votes
from ...measures.ukraine import ukraine_universe

#: Russia, and Belarus, which votes as Russia does every time: the claim is about the others.
RUSSIA_AND_BELARUS = ("RUS", "BLR")


def sided_with_russia(un_votes: pd.DataFrame, memberships: pd.DataFrame,
                      resolutions: list[str] | None = None) -> dict[str, list[str]]:
    """UN General Assembly resolutions on which a current or former member of the 1992 treaty or
    the CSTO, other than Russia and Belarus, cast Russia's own vote, where Russia voted yes or no
    (an abstention or absence is nobody's side): ``{resolution: [ISO3, ...]}``, states sorted,
    only resolutions with at least one such state. ``resolutions`` limits the resolutions looked
    at (default: every one in ``un_votes``). A vote the data does not record matches nothing."""
    ever = membership.ever_members(memberships, ["CST", "CSTO"])
    others = [s for s in ever if s not in RUSSIA_AND_BELARUS]
    matrix = votes.vote_matrix(un_votes, states=sorted({*ever, "RUS"}))
    if resolutions is not None:
        matrix = matrix[matrix.index.isin(list(resolutions))]
    sided = {}
    for resolution, row in matrix.iterrows():
        russia = row["RUS"]
        if pd.isna(russia) or russia not in ("yes", "no"):
            continue
        states = sorted(s for s in others if pd.notna(row[s]) and row[s] == russia)
        if states:
            sided[str(resolution)] = states
    return sided


def followed(memberships: pd.DataFrame) -> list[str]:
    """Every state that was ever a member of the treaty or the organization, Russia first, then
    the others in alphabetical order."""
    ever = membership.ever_members(memberships, ["CST", "CSTO"])
    return ["RUS"] + [s for s in ever if s != "RUS"]


def ukraine_votes(tables: dict[str, pd.DataFrame],
                  states: list[str] | None = None) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The book's one universe of General Assembly votes on Ukraine
    (:func:`analysis.measures.ukraine.ukraine_universe`), for ``states`` (default every current
    and former member, Russia first): ``(votes, resolutions)``."""
    chosen = followed(tables["memberships"]) if states is None else states
    return ukraine_universe(tables["un_votes"], tables["un_resolutions"],
                            tables["un_roll_calls"], tables["un_roll_call_votes"],
                            tables["undl_roll_calls"], tables["undl_roll_call_votes"], chosen)


__all__ = ["RUSSIA_AND_BELARUS", "followed", "sided_with_russia", "ukraine_votes"]
