"""Facts of the chapter on Russia's other alliances (``book/alliances.md``): its treaties and
defence pacts beside America's, the pacts it holds twice with the same ally, and the network of
formal ties among its neighbours. The record it reads is
:mod:`~analysis.publish.facts.alliances.record`, the sentences' guards
:mod:`~analysis.publish.facts.alliances.guards`; this package glues the values and draws the
figures."""

from __future__ import annotations

import pandas as pd

from ....charts import Chart, defence_pacts_chart, portfolio_chart, tie_matrix_chart
from ....measures import alliances
from ... import book
from ..checks import check_all
from .guards import GUARDS
from .record import (
    ATOP_CST,
    BROAD,
    KURSK,
    LATER_PACTS,
    PAST_RUSSIA,
    RUSSIA_UKRAINE,
    STRONG_WITHOUT_RUSSIA,
    WITHOUT_RUSSIA,
    atop_credit,
    bilateral_ties,
    ended_since_1992,
    held_pacts,
    later_pacts,
    pairs_with_russia,
    portfolios,
    strong_pairs,
    ties,
    top_pair,
    values,
)

# The names chapters, tests and other facts modules read here, as before the split.
__all__ = ["ATOP_CST", "BROAD", "GUARDS", "KURSK", "LATER_PACTS", "PAST_RUSSIA", "RUSSIA_UKRAINE",
           "STRONG_WITHOUT_RUSSIA", "WITHOUT_RUSSIA", "atop_credit", "facts", "figures",
           "later_pacts", "portfolios", "ties", "values"]


def facts(tables: dict[str, pd.DataFrame], cutoff: pd.Timestamp) -> dict[str, str | int]:
    """Every value the chapter glues, by glue name, once every guard holds."""
    v = values(tables, cutoff)
    check_all(GUARDS, v)
    names = book.state_names(tables["states"])
    glued: dict[str, str | int] = {}
    for key, row in (("rus", v.rus), ("usa", v.usa)):
        for column in ("alliances", "defence", "defence_partners"):
            glued[f"{key}_{column}"] = int(row[column])
        glued[f"{key}_defence_share"] = book.percent(row["defence"] / row["alliances"])
    held = held_pacts(v)
    only_multi = v.usa_partners[v.usa_partners["bilateral"] == ""]
    counts = v.edges["width_class"].value_counts()
    strong, with_russia = strong_pairs(v.edges)
    top = top_pair(v.edges)
    best = pairs_with_russia(v.edges).iloc[0]
    sizes = v.atop.set_index("atopid")["n_members"]
    ots_pairs = v.edges[v.edges["ties"].str.split(";").map(lambda t: "OTS" in t)]
    glued.update({
        "n_pacts": len(v.pacts),
        "n_soviet_pacts": int((v.pacts["start"] < "1992-01-01").sum()),
        "early_partners": book.and_list(names[c] for c in sorted(v.early["partners"])),
        "n_early": len(v.early),
        "tkm_end": f"{ended_since_1992(v)['end'].iloc[0]:%Y}",
        "n_csto_others": len(v.double),
        "double_list": ", ".join(f"{names[s]} ({d:%Y})"
                                 for s, d in zip(held["state"], held["first_signed"])),
        "usa_only_multi": len(only_multi),
        "usa_only_multi_share": book.percent(len(only_multi) / len(v.usa_partners)),
        "ties_one": int(counts.get("1", 0)),
        "ties_few": int(counts.get("2–3", 0)),
        "ties_many": int(counts.get("4+", 0)),
        "n_drawn": len(v.ties.drawn),
        "strong_with_russia": len(with_russia),
        "strong_without": len(strong) - len(with_russia),
        "top_pair": book.and_list(names[c] for c in sorted([top["state"], top["other"]])),
        "top_weight": int(top["weight"]),
        "top_past_russia": len(set(top["ties"].split(";")) & PAST_RUSSIA),
        "best_russia_pair": names[best["other"] if best["state"] == "RUS" else best["state"]],
        "best_russia_weight": int(best["weight"]),
        "best_russia_treaties": len(bilateral_ties(v, best)),
        "dprk_signed": book.day_text(v.events.loc["E531", "date"]),
        "dprk_in_force": book.day_text(v.events.loc["E532", "date"]),
        "blr_guarantees": book.day_text(v.events.loc["E523", "date"]),
        "kursk_confirmed": book.day_text(v.events.loc[KURSK, "date"]),
        "ots_pairs": len(ots_pairs),
        "ots_members": book.and_list(names[c] for c in v.ots),
        "ots_csto": book.and_list(names[c] for c in sorted(set(v.ots) & set(v.csto))),
        "ukraine_end": f"{v.ties.ended[RUSSIA_UKRAINE]:%Y}",
        "n_csce": int(sizes[BROAD[0]]),
        "n_amity": int(sizes[BROAD[1]]),
    })
    return glued


def figures(tables: dict[str, pd.DataFrame], cutoff: pd.Timestamp) -> dict[str, Chart]:
    """The chapter's figures by name: the two portfolios by kind, Russia's defence pacts (with
    those signed after ATOP's data end), and the matrix of ties."""
    summary = alliances.portfolio_summary(portfolios(tables)).set_index("state")
    pacts = alliances.defence_spells(tables["atop_alliances"], tables["atop_members"], "RUS")
    names = book.state_names(tables["states"])
    network_ = ties(tables, cutoff)
    top = top_pair(network_.edges)
    best = pairs_with_russia(network_.edges)["weight"].max()
    since = pacts[pacts["start"] >= "1992-01-01"]
    later = later_pacts(tables)
    rus, usa = summary.loc["RUS"], summary.loc["USA"]
    return {
        "fig-alliance-kinds": portfolio_chart(
            summary.reset_index(), {"RUS": "Russia", "USA": "United States"},
            title=f"Russia had {rus['alliances']} alliance treaties in 2016 but promised to "
                  f"defend {rus['defence_partners']} states;\nthe United States had "
                  f"{usa['alliances']} and promised to defend {usa['defence_partners']}",
            credit=atop_credit(tables)),
        "fig-defence-pacts": defence_pacts_chart(
            pd.concat([pacts.assign(later=False), later], ignore_index=True), names,
            until=cutoff,
            title=f"Russia signed {len(since)} defence pacts from 1992 to 2005,\nthen none "
                  f"until the {len(later)} of 2024",
            credit=atop_credit(tables)),
        "fig-ties": tie_matrix_chart(
            alliances.tie_matrix(network_.graph, network_.drawn), names, network_.groups,
            title=f"{book.and_list(names[c] for c in sorted([top['state'], top['other']]))} "
                  f"share {top['weight']} formal ties,\nmore than any pair with Russia "
                  f"({best})" if "RUS" not in (top["state"], top["other"])
                  else "Formal ties among Russia's neighbours",
            credit=atop_credit(tables)),
    }
