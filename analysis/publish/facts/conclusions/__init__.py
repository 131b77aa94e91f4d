"""Facts of the conclusions (``book/conclusions.md``): the three readings of the CSTO weighed
against the record the chapters present. The comparison's results come from the requests
chapter's values (:func:`.inaction.values`, itself built on :func:`.comparison.values`); the
cases, votes and forces from the chapters that tell them, whose own guards the conclusions
borrow (:data:`~analysis.publish.facts.conclusions.record.BORROWED`) where they repeat a
sentence of theirs, so that a claim is guarded once, in words the reader has already met."""


from __future__ import annotations

import pandas as pd

from ... import book
from .. import comparison as cm
from .. import interventions, readings
from ..checks import check_all
from ..inaction.record import pair_count
from .guards import GUARDS
from .record import (
    BORROWED,
    EVERYWHERE,
    FEW,
    acted,
    acts,
    benchmark,
    exact_row,
    purpose_max_n,
    values,
    verdict_of,
)

__all__ = ["BORROWED", "EVERYWHERE", "FEW", "GUARDS", "facts", "values"]


def facts(tables: dict[str, pd.DataFrame], cutoff: pd.Timestamp) -> dict[str, str | int]:
    """Every value the chapter glues, by glue name, once every guard holds."""
    v = values(tables, cutoff)
    check_all(GUARDS, v)
    troops = exact_row(v, "alliance", "troops")
    consult = exact_row(v, "alliance", "consultation")
    patron = exact_row(v, "patron", "troops")
    csto = v.nato.shares.loc[("CSTO", "military_spending")]
    in_force = v.alone.loc["treaty_in_force"]
    bench = benchmark(v)
    shares = v.nato.shares
    kaz = v.interventions.responses.loc[interventions.KAZ_RESPONSE]
    events = v.interventions.events
    crises = v.share_tests
    return {
        "cc_crises_csto": int(crises.loc[("all", "alliance"), "n1"]),
        "cc_crises_nato": int(crises.loc[("all", "alliance"), "n2"]),
        "cc_share_csto": cm.k_of_n(*crises.loc[("all", "alliance"), ["k1", "n1"]]),
        "cc_share_nato": cm.k_of_n(*crises.loc[("all", "alliance"), ["k2", "n2"]]),
        "cc_share_p": cm.p_text(crises.loc[("all", "alliance"), "p"]),
        "cc_share_combinations": cm.combinations_text(verdict_of(v, "requests_not_apart")),
        "cc_any": book.share(acted(v), len(v.asked)),
        "cc_troops_csto": cm.k_of_n(troops["k1"], troops["n1"]),
        "cc_troops_nato": cm.k_of_n(troops["k2"], troops["n2"]),
        "cc_troops_p": cm.p_text(troops["p"]),
        "cc_troops_combinations": cm.combinations_text(verdict_of(v, "alliance_troops_lower")),
        "cc_troops_failing": cm.failing_text(verdict_of(v, "alliance_troops_lower")),
        "cc_troops_in_force": cm.k_of_n(*in_force["csto"]),
        "cc_troops_in_force_p": cm.p_text(in_force["p"]),
        "cc_consult_csto": cm.k_of_n(consult["k1"], consult["n1"]),
        "cc_consult_nato": cm.k_of_n(consult["k2"], consult["n2"]),
        "cc_appeal_csto": cm.k_of_n(*crises.loc[("all", "patron"), ["k1", "n1"]]),
        "cc_appeal_nato": cm.k_of_n(*crises.loc[("all", "patron"), ["k2", "n2"]]),
        "cc_appeal_p": cm.p_text(crises.loc[("all", "patron"), "p"]),
        "cc_appeal_combinations": cm.combinations_text(verdict_of(v, "appeals_csto_more")),
        "cc_appeal_strat_p": cm.p_text(v.appeal_stratified_p),
        "cc_purpose_test": cm.told_apart_text(v.troop_purpose_test.p),
        "cc_purpose_max_n": book.word(purpose_max_n(v)),
        "cc_appeal_strat_combinations": cm.combinations_text(
            verdict_of(v, "appeals_csto_more_stratified")),
        "cc_appeal_attack_csto": cm.k_of_n(*v.appeal_strata["armed_attack"][:2]),
        "cc_troops_no_attack_nato": cm.k_of_n(*v.troop_purposes[("NATO", "no_attack")]),
        "cc_troops_attack_nato": cm.k_of_n(*v.troop_purposes[("NATO", "attack")]),
        "cc_troops_attack_csto": cm.k_of_n(*v.troop_purposes[("CSTO", "attack")]),
        "cc_troops_universe_csto": cm.k_of_n(*v.alone.loc["in_universe_only", "csto"]),
        "cc_troops_universe_nato": cm.k_of_n(*v.alone.loc["in_universe_only", "nato"]),
        "cc_troops_universe_p": cm.p_text(v.alone.loc["in_universe_only", "p"]),
        "cc_pa_troops_csto": cm.k_of_n(patron["k1"], patron["n1"]),
        "cc_pa_troops_nato": cm.k_of_n(patron["k2"], patron["n2"]),
        "cc_pa_troops_p": cm.p_text(patron["p"]),
        "cc_pairs_csto": int((v.pairs_ranked["organization"] == "CSTO").sum()),
        "cc_patron_above": book.times(pair_count(v, "CSTO", "above")),
        "cc_patron_below": book.times(pair_count(v, "CSTO", "below")),
        "cc_nato_alliance_above": book.times(pair_count(v, "NATO", "below")),
        "cc_nato_patron_above": book.times(pair_count(v, "NATO", "above")),
        "cc_casus_csto": cm.k_of_n(v.casus.loc["CSTO", "honoured"], v.casus.loc["CSTO", "n"]),
        "cc_casus_nato": cm.k_of_n(v.casus.loc["NATO", "honoured"], v.casus.loc["NATO", "n"]),
        "cc_casus_p": cm.p_text(v.casus["p"].iloc[0]),
        "cc_casus_combinations": cm.combinations_text(verdict_of(v, "casus_not_apart")),
        "cc_bf_defence_post": readings.percent_text(float(bench["rate"])),
        "cc_spend_csto": book.percent(csto["largest_share"]),
        "cc_spend_nato": book.percent(shares.loc[("NATO", "military_spending"), "largest_share"]),
        "cc_spend_year": str(csto["year_max"]),
        "cc_forces_csto": book.percent(shares.loc[("CSTO", "active_personnel"), "largest_share"]),
        "cc_forces_nato": book.percent(shares.loc[("NATO", "active_personnel"), "largest_share"]),
        "cc_ukr_n": int(v.loyalty.share.at["BLR", "count"]),
        "cc_acts": acts(v),
        "cc_acts_arm": acts(v, "ARM"),
        "cc_kaz_date": book.day_text(events.at[interventions.EVENTS["kaz_appeal"], "date"]),
        "cc_kaz_end": book.day_text(kaz["end"]),
        "cc_requests": int((v.made["organization"] == "CSTO").sum()),
        "cc_requests_nato": int((v.made["organization"] == "NATO").sum()),
        "cc_alternatives": len(v.grid.alternatives),
        "cc_combinations": f"{v.grid.size:,}",
    }
