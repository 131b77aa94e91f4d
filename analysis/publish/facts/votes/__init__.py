"""Facts of the chapter on the members' votes at the United Nations (``book/votes.md``): the
whole agenda session by session (:mod:`.sessions`), the check against the published scores
(:mod:`.published`) and the votes on Ukraine (:mod:`.ukraine`, the book's one universe of them,
:func:`analysis.publish.facts.claims.ukraine_votes`); this package puts them together as the
chapter's facts."""

from __future__ import annotations

from types import SimpleNamespace

import pandas as pd

from ....charts import Chart
from ....measures import roll_calls as rc
from ....measures.provenance import credit_lines
from ... import book
from ..checks import check_all
from ..claims import ukraine_votes
from . import published, sessions, ukraine


def base(tables: dict[str, pd.DataFrame], cutoff: pd.Timestamp) -> SimpleNamespace:
    """What every section reads: the roll calls (``calls``) and their votes (``roll_votes``),
    the published scores (``bsv``), the members in their groups (``groups``; ``members``
    Russia first, then current, frozen and former; ``others`` without Russia; ``current``
    the current members but Russia), our count by session of the Voeten roll calls (``ours``)
    and of the UN Digital Library's (``later``), the combined series (``series``), the
    universe of votes on Ukraine (``u_votes``, ``u_resolutions``) and the UN Digital
    Library's roll calls (``undl``)."""
    groups = rc.csto_groups(tables["memberships"], cutoff)
    members = groups["state"].tolist()
    ours = rc.agreement_by_period(tables["un_roll_calls"], tables["un_roll_call_votes"],
                                  period="session")
    later = rc.later_agreement(tables["undl_roll_calls"], tables["undl_roll_call_votes"])
    u_votes, u_resolutions = ukraine_votes(tables, members)
    return SimpleNamespace(
        calls=tables["un_roll_calls"], roll_votes=tables["un_roll_call_votes"],
        undl=tables["undl_roll_calls"], bsv=tables["un_agreement"], groups=groups,
        members=members, others=members[1:],
        current=groups.loc[groups["group"] == "current", "state"].tolist()[1:],
        ours=ours, later=later,
        series=rc.combined_series(ours, tables["un_agreement"], later=later),
        u_votes=u_votes, u_resolutions=u_resolutions,
    )


def values(tables: dict[str, pd.DataFrame], cutoff: pd.Timestamp) -> SimpleNamespace:
    """What the chapter's sentences rest on: :func:`base` and every section's values in one
    namespace (:func:`.sessions.values`, :func:`.published.values`, :func:`.ukraine.values`)."""
    shared = base(tables, cutoff)
    return SimpleNamespace(**vars(shared), **vars(sessions.values(shared, tables)),
                           **vars(published.values(shared, tables)),
                           **vars(ukraine.values(shared, tables)))


GUARDS = (*sessions.GUARDS, *published.GUARDS, *ukraine.GUARDS)


def facts(tables: dict[str, pd.DataFrame], cutoff: pd.Timestamp) -> dict[str, str | int]:
    """Every value the chapter glues, by glue name, once every guard holds."""
    v = values(tables, cutoff)
    check_all(GUARDS, v)
    return {
        **sessions.facts(v),
        **published.facts(v, book.state_names(tables["states"])),
        **ukraine.facts(v),
    }


def figures(tables: dict[str, pd.DataFrame], cutoff: pd.Timestamp) -> dict[str, Chart]:
    """The chapter's figures by name: the agreement strip, the check against the published
    scores, and the votes on Ukraine."""
    v = values(tables, cutoff)
    credits = credit_lines(tables["origins"])
    return {**sessions.figures(v, tables["states"], credits), **published.figures(v, credits),
            **ukraine.figures(v, tables["states"], credits)}


def specs(tables: dict[str, pd.DataFrame], cutoff: pd.Timestamp) -> dict[str, dict]:
    """The interactive figures' Vega-Lite specifications by name: every member's vote on each
    resolution on Ukraine, beside the static bars."""
    shared = base(tables, cutoff)
    return {"fig-vt-ukraine": ukraine.strip_spec(
        SimpleNamespace(**vars(shared), **vars(ukraine.values(shared, tables))), tables)}
