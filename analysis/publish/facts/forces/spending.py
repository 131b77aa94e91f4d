"""The forces chapter's military spending (``book/forces.md``, "Military spending"): who pays,
in dollars and as a share of each economy."""

from __future__ import annotations

from types import SimpleNamespace

import pandas as pd

from ....charts import Chart, burden_shares_chart, gdp_share_heatmap, spending_series_spec
from ....measures.spending import (
    largest_spenders,
    spending_by_member,
    spending_coverage,
    spending_groups,
    spending_panel,
    spending_series,
)
from ... import book
from ..checks import Guard


def values(tables: dict[str, pd.DataFrame]) -> SimpleNamespace:
    """SIPRI's table (``milex``), each member-year's spending (``spending``) and each
    alliance-year's coverage (``coverage``, and ``cov`` by alliance and year), the last year
    (``last_year``), the number of states (``n_states``), the CSTO member-years without a
    figure (``missing``), the largest spenders (``named``) and their groups (``groups``), the
    states in the GDP grid's order (``order``) and the grid's data (``panel``)."""
    milex, memberships = tables["milex"], tables["memberships"]
    spending = spending_by_member(milex, memberships)
    coverage = spending_coverage(spending)
    named = {"CSTO": largest_spenders(spending, "CSTO", 3),
             "NATO": largest_spenders(spending, "NATO", 4)}
    ever = {org: sorted(set(spending.loc[spending["organization"] == org, "state"]))
            for org in ("CSTO", "NATO")}
    order = (["RUS"] + [s for s in ever["CSTO"] if s != "RUS"]
             + ["USA"] + [s for s in ever["NATO"] if s != "USA"])
    return SimpleNamespace(
        milex=milex, spending=spending, coverage=coverage,
        cov=coverage.set_index(["organization", "year"]),
        last_year=int(milex["year"].max()), n_states=milex["state"].nunique(),
        missing=spending[(spending["organization"] == "CSTO") & ~spending["present"]],
        named=named, groups=spending_groups(spending, named), order=order,
        panel=spending_panel(milex, memberships, order),
    )


def by_alliance(v: SimpleNamespace, org: str) -> pd.DataFrame:
    """One alliance's coverage, year by year."""
    return v.coverage[v.coverage["organization"] == org]


def _now(v: SimpleNamespace) -> pd.DataFrame:
    return v.panel[v.panel["year"] == v.last_year].set_index("state")


def _inside_now(v: SimpleNamespace, org: str) -> pd.DataFrame:
    now = _now(v)
    return now[now["alliance"] == org]


def _csto_gdp_high(v: SimpleNamespace) -> pd.Series:
    return _inside_now(v, "CSTO")["milex_share_of_gdp_percent"].sort_values(ascending=False)


def _nato_shares(v: SimpleNamespace) -> pd.Series:
    return _inside_now(v, "NATO")["milex_share_of_gdp_percent"].dropna()


def _uzb_gap(v: SimpleNamespace) -> list[int]:
    return sorted(v.missing.loc[v.missing["state"] == "UZB", "year"])


def _uzbekistan_without_figures(v: SimpleNamespace) -> bool:
    rows = (v.milex["state"] == "UZB") & v.milex["year"].between(2004, 2017)
    return bool(v.milex.loc[rows, "milex_constant_2023_usd_million"].isna().all())


def _tajik_shares_tiny(v: SimpleNamespace) -> bool:
    rows = (v.panel["state"] == "TJK") & v.panel["year"].between(1992, 1994)
    return bool((v.panel.loc[rows, "milex_share_of_gdp_percent"] < 0.01).all())


GUARDS = (
    Guard("one_row_per_state_and_year",
          "Of the ... state-years (every state in every year)",
          lambda v: len(v.milex) == v.n_states * (v.last_year - int(v.milex["year"].min()) + 1)),
    Guard("csto_bound_no_one_before_1994",
          "the CSTO, whose treaty entered into force in 1994",
          lambda v: int(by_alliance(v, "CSTO")["year"].min()) == 1994),
    Guard("nato_record_complete",
          "For NATO the record is complete: all ... member-years have a figure",
          lambda v: bool(v.spending.loc[v.spending["organization"] == "NATO", "present"].all())),
    Guard("uzbekistan_gaps",
          "Uzbekistan in 1998 and ... in its whole second spell in the alliance (2006-2011)",
          lambda v: _uzb_gap(v) == [1998] + list(range(2006, 2012))),
    Guard("uzbekistan_without_figures_2004_2017",
          "since SIPRI has no figure for it from 2004 to 2017",
          _uzbekistan_without_figures),
    Guard("gaps_are_four_states",
          "The gaps are Uzbekistan ..., Tajikistan ..., and Armenia and Georgia",
          lambda v: set(v.missing["state"]) == {"ARM", "GEO", "TJK", "UZB"}),
    Guard("largest_spenders_russia_and_the_united_states",
          "Russia spent ... of what the CSTO's members spent; NATO leans on the United States",
          lambda v: v.named["CSTO"][0] == "RUS" and v.named["NATO"][0] == "USA"),
    Guard("largest_every_year",
          "In every year on record Russia spent between ...; [the United States'] share ran from",
          lambda v: bool((by_alliance(v, "CSTO")["largest_state"] == "RUS").all()
                         and (by_alliance(v, "NATO")["largest_state"] == "USA").all())),
    Guard("csto_always_leans_harder",
          "Even in its least lopsided year, the CSTO rested more on Russia than NATO ever rested "
          "on the United States",
          lambda v: by_alliance(v, "CSTO")["largest_share"].min()
          > by_alliance(v, "NATO")["largest_share"].max()),
    Guard("kazakhstan_second",
          "The next largest spender, Kazakhstan; Kazakhstan, the CSTO's second largest spender "
          "in dollars over the whole period",
          lambda v: v.named["CSTO"][1] == "KAZ"),
    Guard("spending_complete_2021_and_last",
          "the members' combined spending in 2024 was ... times that of 2021",
          lambda v: bool(v.cov.loc[("CSTO", 2021), "complete"]
                         and v.cov.loc[("CSTO", v.last_year), "complete"])),
    Guard("every_state_a_member_of_one_alliance",
          "every current and former member of either alliance",
          lambda v: len(v.order) == v.n_states),
    Guard("iceland_has_no_share",
          "Iceland, which has no armed forces, has no share at all",
          lambda v: "ISL" not in _nato_shares(v).index),
    Guard("russian_share_an_estimate",
          "Russia spent ... of its GDP on its forces, a SIPRI estimate",
          lambda v: _now(v).loc["RUS", "share_flag"] == "estimate"),
    Guard("poland_led_the_allies",
          "Poland led the allies at",
          lambda v: _nato_shares(v).idxmax() == "POL"),
    Guard("wales_guideline_two_percent",
          "the alliance's guideline of 2%",
          lambda v: "2% of GDP" in v.events.loc["E604", "description"]),
    Guard("russia_and_armenia_highest",
          "Russia spent ... of its GDP ..., and Armenia, after its defeats by Azerbaijan, ...",
          lambda v: list(_csto_gdp_high(v).index[:2]) == ["RUS", "ARM"]),
    Guard("kazakhstan_lowest_share",
          "Kazakhstan ... spent only",
          lambda v: _csto_gdp_high(v).index[-1] == "KAZ"),
    Guard("tajik_shares_implausibly_small",
          "Tajikistan's shares for 1992-94 are implausibly small",
          _tajik_shares_tiny),
)


def facts(v: SimpleNamespace) -> dict[str, str | int]:
    """The spending section's glued values (the guards checked)."""
    milex, cov, last = v.milex, v.cov, v.last_year
    rus, usa = by_alliance(v, "CSTO"), by_alliance(v, "NATO")
    uzb_gap = _uzb_gap(v)
    second = v.groups[(v.groups["organization"] == "CSTO")
                      & (v.groups["group"] == v.named["CSTO"][1])]
    growth = (cov.loc[("CSTO", last), "total_usd_million"]
              / cov.loc[("CSTO", 2021), "total_usd_million"])
    now, nato_shares = _now(v), _nato_shares(v)
    tjk_gap = sorted(v.missing.loc[v.missing["state"] == "TJK", "year"])
    glued: dict[str, str | int] = {
        "fo_n_states": v.n_states, "fo_first": str(int(milex["year"].min())),
        "fo_last": str(last), "fo_cells": len(milex),
        "fo_usd_present": int(milex["milex_constant_2023_usd_million"].notna().sum()),
        "fo_gdp_present": int(milex["milex_share_of_gdp_percent"].notna().sum()),
        "fo_csto_first": str(int(rus["year"].min())),
        "fo_uzb_gap": f"{uzb_gap[1]}-{uzb_gap[-1]}", "fo_uzb_gap1": str(uzb_gap[0]),
        "fo_tjk_gap": ", ".join(map(str, tjk_gap)),
        "fo_rus_min": book.percent(rus["largest_share"].min()),
        "fo_rus_max": book.percent(rus["largest_share"].max()),
        "fo_rus_last": book.percent(cov.loc[("CSTO", last), "largest_share"]),
        "fo_usa_min": book.percent(usa["largest_share"].min()),
        "fo_usa_max": book.percent(usa["largest_share"].max()),
        "fo_usa_peak_year": str(int(usa.loc[usa["largest_share"].idxmax(), "year"])),
        "fo_usa_last": book.percent(cov.loc[("NATO", last), "largest_share"]),
        "fo_kaz_max": book.percent(second["share"].max()),
        "fo_csto_growth": f"{growth:.1f}",
        "fo_nato_now": len(_inside_now(v, "NATO")),
        "fo_nato_2pct": int((nato_shares >= 2).sum()),
        "fo_nato_share_n": len(nato_shares),
        "fo_rus_gdp": f"{now.loc['RUS', 'milex_share_of_gdp_percent']:.1f}%",
        "fo_guideline": book.percent(0.02),
        "fo_pol_gdp": f"{now.loc['POL', 'milex_share_of_gdp_percent']:.1f}%",
        "fo_arm_gdp": f"{_csto_gdp_high(v)['ARM']:.1f}%",
        "fo_kaz_gdp": f"{now.loc['KAZ', 'milex_share_of_gdp_percent']:.1f}%",
    }
    for org in ("CSTO", "NATO"):
        glued[f"fo_{org.lower()}_member_years"] = int((v.spending["organization"] == org).sum())
    csto = v.spending[v.spending["organization"] == "CSTO"]
    glued["fo_csto_present_years"] = int(csto["present"].sum())
    return glued


def figures(v: SimpleNamespace, names: dict[str, str],
            credit: dict[str, str]) -> dict[str, Chart]:
    """The spending shares and the shares of GDP, credited to SIPRI (``credit``: the origins'
    credit lines by origin id)."""
    line = credit["sipri-milex-2025"]
    last = v.last_year
    rus = v.cov.loc[("CSTO", last), "largest_share"]
    usa = v.cov.loc[("NATO", last), "largest_share"]
    high = _csto_gdp_high(v)
    nato = _nato_shares(v)
    return {"fig-fo-burden": burden_shares_chart(
                v.groups, v.coverage, names, credit=line,
                title=f"Russia paid {book.percent(rus)} of the CSTO members' military spending "
                      f"in {last};\nthe United States {book.percent(usa)} of NATO's"),
            "fig-fo-gdp": gdp_share_heatmap(
                v.panel, v.order, names, credit=line,
                title=f"In {last} Russia spent {high.iloc[0]:.1f}% of its GDP on its forces; "
                      f"{int((nato >= 2).sum())} of\n{len(nato)} NATO members with a figure "
                      "reached 2%")}


def series_spec(tables: dict[str, pd.DataFrame], v: SimpleNamespace,
                credit: dict[str, str]) -> dict:
    """The interactive companion of the shares: each CSTO member's own spending by year."""
    csto = ["RUS"] + sorted(set(v.spending.loc[v.spending["organization"] == "CSTO", "state"])
                            - {"RUS"})
    return spending_series_spec(
        spending_series(tables["milex"], csto), tables["states"],
        "Military spending (constant 2023 US$ m., log scale)",
        f"Source: {credit['sipri-milex-2025']}",
        log_scale=True, order=csto)
