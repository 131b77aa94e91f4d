"""The forces chapter's personnel (``book/forces.md``, "Personnel, from two sources"): the
Correlates of War count beside the book's curated figures."""

from __future__ import annotations

from types import SimpleNamespace

import pandas as pd

from ....charts import Chart, personnel_chart
from ....measures.membership import inside_by_year
from ....measures.personnel import personnel_series, personnel_two_sources
from ... import book
from ..checks import Guard


def values(tables: dict[str, pd.DataFrame], year: int) -> SimpleNamespace:
    """The states inside either alliance at the end of ``year`` (``inside``), both sources'
    figures for them (``comparison``, and ``pc`` by state), COW's last year (``cow_last``) and
    COW's personnel series by alliance (``people``, by year)."""
    memberships = tables["memberships"]
    inside = pd.concat([inside_by_year(memberships, a, [year]) for a in ("CSTO", "NATO")],
                       ignore_index=True)
    comparison = personnel_two_sources(tables["nmc_milper"], tables["capabilities"],
                                              inside["state"])
    return SimpleNamespace(
        inside=inside, comparison=comparison, pc=comparison.set_index("state"),
        cow_last=int(tables["nmc_milper"]["year"].max()),
        people={org: personnel_series(tables["nmc_milper"], memberships, org)
                .set_index("year") for org in ("CSTO", "NATO")},
    )


def _same(v: SimpleNamespace) -> pd.DataFrame:
    """The states for which both sources give a figure for the same year."""
    return v.pc[v.pc["verdict"].isin(["agree", "disagree"])]


def _people_complete(v: SimpleNamespace) -> bool:
    rows = [v.people[org].loc[v.cow_last] for org in ("CSTO", "NATO")]
    return all(row["n_with_data"] == row["n_members"] for row in rows)


GUARDS = (
    Guard("same_year_figures_agree",
          "Where both give the same year ..., they agree to within",
          lambda v: bool((_same(v)["verdict"] == "agree").all())),
    Guard("poland_nearly_doubles",
          "For Poland, COW's ... against NATO's ... nearly doubles the count",
          lambda v: v.pc.loc["POL", "curated_persons"] > 1.8 * v.pc.loc["POL", "cow_persons"]),
    Guard("russia_agrees_near_a_million_two",
          "Russia's forces stand at ... in COW's 2022 (the two sources agree for Russia)",
          lambda v: v.pc.loc["RUS", "verdict"] == "agree"
          and v.pc.loc["RUS", "cow_persons"] > 1.2e6 * 0.95),
    Guard("military_balance_exactly_cows",
          "the Military Balance's ... Russian troops for ... is exactly COW's figure for that "
          "year",
          lambda v: v.pc.loc["RUS", "cow_same_year_persons"]
          == v.pc.loc["RUS", "curated_persons"]),
    Guard("russian_jump",
          "a jump the curated table does not yet show",
          lambda v: v.pc.loc["RUS", "cow_persons"]
          > 1.2 * v.pc.loc["RUS", "cow_same_year_persons"]),
    Guard("personnel_complete_in_cows_last_year",
          "Russia fielded ... of the CSTO members' personnel (every member with a figure)",
          _people_complete),
    Guard("manpower_less_concentrated_than_money",
          "Manpower is less concentrated than money",
          lambda v: v.people["CSTO"].loc[v.cow_last, "largest_share"]
          < v.cov.loc[("CSTO", v.cow_last), "largest_share"]),
)


def facts(v: SimpleNamespace) -> dict[str, str | int]:
    """The personnel section's glued values (the guards checked); the money shares beside
    them come from the spending section's ``cov``."""
    pc, same = v.pc, _same(v)
    glued: dict[str, str | int] = {
        "fo_pers_states": len(pc),
        "fo_pers_curated": int(pc["curated_persons"].notna().sum()),
        "fo_cow_last": str(v.cow_last),
        "fo_same_n": len(same),
        "fo_same_max": book.percent(same["difference_pct"].abs().max()),
        "fo_differ_n": int((pc["verdict"] == "years differ").sum()),
        "fo_rus_cur_year2": str(pc.loc["RUS", "curated_year"]),
        "fo_pol_cur_year": str(pc.loc["POL", "curated_year"]),
    }
    for state in ("POL", "TUR", "RUS"):
        glued[f"fo_{state.lower()}_cow"] = int(pc.loc[state, "cow_persons"])
        glued[f"fo_{state.lower()}_cur"] = int(pc.loc[state, "curated_persons"])
    for org, who in (("CSTO", "rus"), ("NATO", "usa")):
        glued[f"fo_{who}_people"] = book.percent(v.people[org].loc[v.cow_last, "largest_share"])
        glued[f"fo_{who}_money"] = book.percent(v.cov.loc[(org, v.cow_last), "largest_share"])
    return glued


def figures(v: SimpleNamespace, names: dict[str, str],
            credit: dict[str, str]) -> dict[str, Chart]:
    """Every member's personnel from both sources, credited to COW (``credit``: the origins'
    credit lines by origin id)."""
    alliance_of = dict(zip(v.inside["state"], v.inside["organization"]))
    rus = v.people["CSTO"].loc[v.cow_last, "largest_share"]
    usa = v.people["NATO"].loc[v.cow_last, "largest_share"]
    return {"fig-fo-personnel": personnel_chart(
        v.comparison, alliance_of, names, credit=credit["cow-nmc-7.0"],
        title=f"Russia fielded {book.percent(rus)} of the CSTO members' soldiers in "
              f"{v.cow_last},\nthe United States {book.percent(usa)} of NATO's")}
