"""Facts of the chapter on requests and responses (``book/inaction.md``): the crisis universe
of both alliances and how often it drew a request, what came given what was asked on the
alliance channel and the patron channel, and how much each result depends on the coding."""


from __future__ import annotations

from types import SimpleNamespace

import pandas as pd

from ....charts import Chart, channels_chart, conditional_panels, universe_chart
from ....data.codebook.fields import split_list
from ....measures.alternatives import ALTERNATIVES, BY_NAME
from ....measures.provenance import credit_lines
from ... import book
from .. import comparison as cm
from ..checks import check_all
from .guards import GUARDS
from .record import (
    ARMENIA_2020S,
    EVERYWHERE,
    FRAME_ORIGIN,
    KILIS,
    NAMED,
    NARROWING,
    PATRON_ANSWERS,
    WIDENING,
    armenia_pairs,
    crises_of,
    outside_count,
    p_value,
    pair_count,
    values,
)

__all__ = ["ARMENIA_2020S", "BY_NAME", "EVERYWHERE", "FRAME_ORIGIN", "GUARDS", "KILIS", "NAMED",
           "NARROWING", "PATRON_ANSWERS", "WIDENING", "displays", "facts", "figures", "values"]




def _rate(row: pd.Series, name: str, n: str = "n") -> str:
    return book.rate_text(int(row[name]), int(row[n]), row[f"{name}_low"], row[f"{name}_high"])


def _conditional(v: SimpleNamespace, channel: str, group: str, org: str) -> str:
    row = v.rates[channel].set_index(["ask_group", "organization"]).loc[(group, org)]
    return book.rate_text(int(row["k"]), int(row["n"]), row["low"], row["high"])


def facts(tables: dict[str, pd.DataFrame], cutoff: pd.Timestamp) -> dict[str, str | int]:
    """Every value the chapter glues, by glue name, once every guard holds."""
    v = values(tables, cutoff)
    check_all(GUARDS, v)
    troops = v.verdicts["alliance_troops_lower"]
    in_force = v.alone.loc["treaty_in_force"]
    tests = v.share_tests
    return {
        "rq_csto_crises": int(v.shares.loc[("CSTO", "all"), "n"]),
        "rq_nato_crises": int(v.shares.loc[("NATO", "all"), "n"]),
        "rq_rus_crises": len(crises_of(v, "RUS")),
        "rq_tur_crises": len(crises_of(v, "TUR")),
        "rq_share_csto": _rate(v.shares.loc[("CSTO", "all")], "alliance"),
        "rq_share_nato": _rate(v.shares.loc[("NATO", "all")], "alliance"),
        "rq_share_test": cm.told_apart_text(tests.loc[("all", "alliance"), "p"]),
        "rq_attack_csto": cm.k_of_n(*v.shares.loc[("CSTO", "armed_attack"), ["alliance", "n"]]),
        "rq_attack_nato": cm.k_of_n(*v.shares.loc[("NATO", "armed_attack"), ["alliance", "n"]]),
        "rq_attack_test": cm.told_apart_text(tests.loc[("armed_attack", "alliance"), "p"]),
        "rq_appeal_csto": _rate(v.shares.loc[("CSTO", "all")], "patron", "patron_n"),
        "rq_appeal_nato": _rate(v.shares.loc[("NATO", "all")], "patron", "patron_n"),
        "rq_appeal_test": cm.told_apart_text(tests.loc[("all", "patron"), "p"]),
        "rq_outside_csto": outside_count(v, "CSTO"),
        "rq_outside_nato": outside_count(v, "NATO"),
        "rq_made_csto": int((v.made["organization"] == "CSTO").sum()),
        "rq_made_nato": int((v.made["organization"] == "NATO").sum()),
        "rq_al_troops_n_csto": len(v.on[("alliance", "CSTO", "troops")]),
        "rq_al_troops_n_nato": len(v.on[("alliance", "NATO", "troops")]),
        "rq_al_troops_csto": _conditional(v, "alliance", "troops", "CSTO"),
        "rq_al_troops_nato": _conditional(v, "alliance", "troops", "NATO"),
        "rq_al_troops_test": cm.told_apart_text(p_value(v, "alliance")),
        "rq_al_aid_csto": _conditional(v, "alliance", "material aid", "CSTO"),
        "rq_al_consult_csto": _conditional(v, "alliance", "consultation", "CSTO"),
        "rq_al_consult_nato": _conditional(v, "alliance", "consultation", "NATO"),
        "rq_al_consult_test": cm.told_apart_text(p_value(v, "alliance", "consultation")),
        "rq_al_all_test": cm.told_apart_text(p_value(v, "alliance", "all asks")),
        "rq_pa_troops_n_csto": len(v.on[("patron", "CSTO", "troops")]),
        "rq_pa_troops_n_nato": len(v.on[("patron", "NATO", "troops")]),
        "rq_pa_troops_csto": _conditional(v, "patron", "troops", "CSTO"),
        "rq_pa_troops_nato": _conditional(v, "patron", "troops", "NATO"),
        "rq_pa_troops_test": cm.told_apart_text(p_value(v, "patron")),
        "rq_pairs_csto": int((v.pairs_ranked["organization"] == "CSTO").sum()),
        "rq_pairs_nato": int(((v.pairs_ranked["organization"] == "NATO")
                              & (v.pairs_ranked["patron_vs_alliance"] != "own")).sum()),
        "rq_pairs_csto_patron_above": book.times(pair_count(v, "CSTO", "above")),
        "rq_pairs_csto_alliance_above": book.times(pair_count(v, "CSTO", "below")),
        "rq_pairs_nato_patron_above": book.times(pair_count(v, "NATO", "above")),
        "rq_pairs_nato_alliance_above": book.times(pair_count(v, "NATO", "below")),
        "rq_alternatives": len(ALTERNATIVES),
        "rq_combinations": f"{v.grid.size:,}",
        "rq_troops_combinations": cm.combinations_text(troops),
        "rq_troops_failing": cm.failing_text(troops),
        "rq_troops_in_force": cm.k_of_n(*in_force["csto"]),
        "rq_in_universe_csto": cm.k_of_n(*v.alone.loc["in_universe_only", "csto"]),
        "rq_in_universe_nato": cm.k_of_n(*v.alone.loc["in_universe_only", "nato"]),
        "rq_in_universe_test": cm.told_apart_text(v.alone.loc["in_universe_only", "p"]),
        "rq_purpose_no_attack_nato": cm.k_of_n(*v.troop_purposes[("NATO", "no_attack")]),
        "rq_purpose_attack_csto": cm.k_of_n(*v.troop_purposes[("CSTO", "attack")]),
        "rq_purpose_attack_nato": cm.k_of_n(*v.troop_purposes[("NATO", "attack")]),
        "rq_purpose_test": cm.told_apart_text(v.troop_purpose_test.p),
        "rq_appeal_strat_test": cm.told_apart_text(v.appeal_stratified_p),
        "rq_appeal_attack_csto": cm.k_of_n(*v.appeal_strata["armed_attack"][:2]),
        "rq_appeal_attack_nato": cm.k_of_n(*v.appeal_strata["armed_attack"][2:]),
        "rq_appeal_terror_nato": int(v.appeal_strata["terrorist_attack"][3]),
        "rq_appeal_terror_csto": int(v.appeal_strata["terrorist_attack"][1]),
        "rq_requests_combinations": cm.combinations_text(v.verdicts["requests_not_apart"]),
        "rq_appeals_combinations": cm.combinations_text(v.verdicts["appeals_csto_more"]),
        "rq_appeals_strat_combinations": cm.combinations_text(
            v.verdicts["appeals_csto_more_stratified"]),
        "rq_arm_patron_above": int((armenia_pairs(v)["patron_vs_alliance"] == "above").sum()),
        "rq_arm_requests": len(armenia_pairs(v)),
    }


def _label(row: pd.Series, names: dict[str, str]) -> str:
    requesters = split_list(row["requester"])
    who = (names[requesters[0]] if len(requesters) == 1
           else f"{len(requesters)} allies together")
    to = {"alliance": "", "patron": ", to the patron", "both": ", to both"}[row["addressed"]]
    return f"{who}, {row['date']:%b %Y}{to}"


def figures(tables: dict[str, pd.DataFrame], cutoff: pd.Timestamp) -> dict[str, Chart]:
    """The chapter's figures by name: the crisis universe, what came given what was asked on
    both channels, and the alliance beside the patron request by request."""
    v = values(tables, cutoff)
    names = book.state_names(tables["states"])
    csto, nato = v.shares.loc[("CSTO", "all")], v.shares.loc[("NATO", "all")]
    universe_title = (f"Members asked their alliance in {int(csto['alliance'])} of the CSTO's "
                      f"{int(csto['n'])} crises and {int(nato['alliance'])} of NATO's "
                      f"{int(nato['n'])}")
    rates = v.rates
    al = rates["alliance"].set_index(["ask_group", "organization"])
    pa = rates["patron"].set_index(["ask_group", "organization"])

    def kn(table: pd.DataFrame, org: str) -> str:
        row = table.loc[("troops", org)]
        return f"{int(row['k'])} of {int(row['n'])}"

    conditional_title = (f"Troops asked: the CSTO sent them for {kn(al, 'CSTO')}, NATO for "
                         f"{kn(al, 'NATO')};\nRussia for {kn(pa, 'CSTO')}, the United States "
                         f"for {kn(pa, 'NATO')}")
    above = pair_count(v, "CSTO", "above")
    channels_title = (f"Russia's answer ranked above the CSTO's for {above} of "
                      f"{int((v.pairs_ranked['organization'] == 'CSTO').sum())} CSTO requests")
    labels = pd.Series([_label(row, names) for _, row in v.pairs.iterrows()],
                       index=v.pairs.index)
    credit = ("Frame: " + credit_lines(tables["origins"])[FRAME_ORIGIN]
              + " and named event lists")
    return {
        "fig-in-universe": universe_chart(v.universe, universe_title, credit=credit),
        "fig-in-conditional": conditional_panels(rates, conditional_title),
        "fig-in-channels": channels_chart(v.pairs, labels, channels_title),
    }


def displays(tables: dict[str, pd.DataFrame], cutoff: pd.Timestamp) -> dict[str, str]:
    """The tables the chapter shows, as Markdown, numbered and captioned: what holds across the
    combinations (``robustness``), and the troop gap under each alternative alone
    (``alternatives``)."""
    v = values(tables, cutoff)
    lines = ["| claim | under the main coding | combinations under which it holds |",
             "| --- | --- | --- |"]
    for name, claim in cm.CLAIMS.items():
        verdict = v.verdicts[name]
        lines.append(f"| {claim.sentence[0].upper()}{claim.sentence[1:]} | "
                     f"{'holds' if verdict.main else 'does not hold'} | "
                     f"{verdict.holds:,} of {verdict.of:,} ({verdict.share * 100:.0f}%) |")
    robust = "\n".join(lines)
    lines = ["| coded otherwise | written for | CSTO troop requests met | NATO troop requests "
             "met | exact test |", "| --- | --- | --- | --- | --- |"]
    main = v.tests["alliance"].loc["troops"]
    lines.append(f"| nothing (the main coding) | both | {cm.k_of_n(main['k1'], main['n1'])} | "
                 f"{cm.k_of_n(main['k2'], main['n2'])} | {cm.p_text(main['p'])} |")
    for _, row in v.alone.iterrows():
        lines.append(f"| {row['description'][0].upper()}{row['description'][1:]} | "
                     f"{cm.SIDE_WORDS[row['side']]} | {cm.k_of_n(*row['csto'])} | "
                     f"{cm.k_of_n(*row['nato'])} | {cm.p_text(row['p'])} |")
    return {
        "robustness": book.captioned(
            robust, "Each claim the book might make about the two alliances: whether it holds "
            "under the main coding, and under how many combinations of the alternative codings.",
            "tab-claims"),
        "alternatives": book.captioned(
            "\n".join(lines), "Troop requests met by each alliance under each alternative "
            "coding alone, beside the main coding, with the exact test of the difference.",
            "tab-sensitivity"),
    }
