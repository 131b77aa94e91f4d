"""Facts of the chapter on forces, money and arms (``book/forces.md``): military spending,
personnel from two sources, arms deliveries and the CSTO's exercises, one module per section;
this package puts them together as the chapter's facts."""

from __future__ import annotations

from types import SimpleNamespace

import pandas as pd

from ....charts import Chart
from ....measures.membership import alliance_status_on
from ....measures.provenance import credit_lines
from ... import book
from ..checks import Guard, check_all
from . import arms, exercises, installations, personnel, spending


def values(tables: dict[str, pd.DataFrame], cutoff: pd.Timestamp) -> SimpleNamespace:
    """What the chapter's sentences rest on: every section's values in one namespace
    (:func:`.spending.values`, :func:`.personnel.values`, :func:`.arms.values`,
    :func:`.exercises.values`, and Russia's installations of :func:`.installations.values`),
    with the sources' credit lines (``credit``), the events the prose dates (``events``, by id)
    and each state's CSTO status at the cut-off (``status_now``)."""
    money = spending.values(tables)
    sites = installations.values(tables, cutoff)
    return SimpleNamespace(
        **vars(money), **vars(personnel.values(tables, money.last_year)),
        **vars(arms.values(tables)), **vars(exercises.values(tables)),
        sites=sites.sites, sized_sites=sites.sized_sites,
        credit=credit_lines(tables["origins"]),
        events=tables["events"].set_index("event_id"),
        status_now=alliance_status_on(tables["memberships"], cutoff).set_index("state")["status"],
    )


GUARDS = (
    *spending.GUARDS,
    *personnel.GUARDS,
    *arms.GUARDS,
    *exercises.GUARDS,
    *installations.GUARDS,
    Guard("armenia_frozen_not_left",
          "it has frozen its participation and, as far as the sources the book could consult "
          "reach, has not left",
          lambda v: v.status_now["ARM"] == "frozen"),
)


def facts(tables: dict[str, pd.DataFrame], cutoff: pd.Timestamp) -> dict[str, str | int]:
    """Every value the chapter glues, by glue name, once every guard holds."""
    v = values(tables, cutoff)
    check_all(GUARDS, v)
    return {**spending.facts(v), **personnel.facts(v), **arms.facts(v), **exercises.facts(v),
            **installations.facts(v)}


def figures(tables: dict[str, pd.DataFrame], cutoff: pd.Timestamp) -> dict[str, Chart]:
    """The chapter's figures by name: spending shares, shares of GDP, personnel from two
    sources, arms by supplier and to the two sides of the Armenian-Azerbaijani conflict,
    Russia's installations, and the exercises by series and by participant."""
    names = book.state_names(tables["states"])
    credit = credit_lines(tables["origins"])
    money = spending.values(tables)
    return {
        **spending.figures(money, names, credit),
        **personnel.figures(personnel.values(tables, money.last_year), names, credit),
        **arms.figures(arms.values(tables), names, credit),
        **installations.figures(installations.values(tables, cutoff), names),
        **exercises.figures(exercises.values(tables), names),
    }


def specs(tables: dict[str, pd.DataFrame], cutoff: pd.Timestamp) -> dict[str, dict]:
    """The interactive figures' Vega-Lite specifications by name: each CSTO member's own
    spending, year by year, beside the static shares."""
    return {"fig-fo-burden": spending.series_spec(tables, spending.values(tables),
                                                  credit_lines(tables["origins"]))}
