"""The comparison's shared results, read by several chapters (the requests chapter, the NATO
chapter, the methods, the introduction and the conclusions): the crisis universe of both
alliances, how often it drew requests, what came on each channel given what was asked, the casus
foederis frame, and every combination of the coding alternatives.

Not a chapter's facts module: it glues nothing itself. The chapters import :func:`values` and
the claims (:data:`CLAIMS`) and word their sentences from them, each guarded in its own module.
"""

from __future__ import annotations

import math
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from types import SimpleNamespace

import numpy as np
import pandas as pd

from ...measures import (
    alternatives,
    channels,
    counters,
    exact_arrays,
    robustness,
    selection,
    universe,
    verdicts,
)
from ...measures.conditional import GROUP_ORDER
from ...measures.exact import ALPHA
from .. import kept

#: Plain words for each crisis category, as the prose uses them (plural).
CATEGORY_WORDS: dict[str, str] = {
    "armed_attack": "armed attacks",
    "internal_armed_conflict": "internal armed conflicts",
    "unrest": "episodes of unrest",
    "terrorist_attack": "terrorist attacks",
    "hybrid": "hybrid incidents",
    "other": "other crises",
}


#: Whose records each kind of alternative was written for, as the tables word it.
SIDE_WORDS: dict[str, str] = {"CSTO": "the CSTO", "NATO": "NATO", "both": "both",
                              "threat": "both (a threat category)",
                              "universe": "both (the crisis universe)"}


@dataclass(frozen=True)
class Claim:
    """A claim the prose may make about the comparison: ``sentence`` words it, ``holds`` reads
    the counters (:class:`~analysis.measures.counters.Counts`) and returns one bool per
    combination of codings."""

    sentence: str
    holds: Callable[[counters.Counts], np.ndarray]


def _csto_higher(k1: np.ndarray, n1: np.ndarray, k2: np.ndarray, n2: np.ndarray
                 ) -> np.ndarray:
    return exact_arrays.lower_and_supported(k2, n2, k1, n1)


def _stratified(counts: counters.Counts, channel: str) -> np.ndarray:
    return exact_arrays.stratified_p([counts.conditional(channel, g) for g in GROUP_ORDER])


#: The crisis categories the stratified test of appeals holds fixed (every category but "all").
APPEAL_STRATA: tuple[str, ...] = tuple(c for c in counters.CATEGORIES if c != "all")


def appeals_stratified_p(counts: counters.Counts) -> np.ndarray:
    """Two-sided p of the exact stratified test of appeals to the patron, CSTO against NATO,
    holding the crisis category fixed (one stratum per category)."""
    return exact_arrays.stratified_p([counts.selection(c, "patron") for c in APPEAL_STRATA])


def _lower_overall(counts: counters.Counts, channel: str) -> np.ndarray:
    k1 = sum(counts.conditional(channel, g)[0] for g in GROUP_ORDER)
    n1 = sum(counts.conditional(channel, g)[1] for g in GROUP_ORDER)
    k2 = sum(counts.conditional(channel, g)[2] for g in GROUP_ORDER)
    n2 = sum(counts.conditional(channel, g)[3] for g in GROUP_ORDER)
    return k1 * n2 < k2 * n1


#: The claims the chapters may state, by name. Each is evaluated under every combination of the
#: alternatives; a sentence says "under every coding" only where the verdict is "every".
CLAIMS: dict[str, Claim] = {
    "alliance_troops_lower": Claim(
        "the CSTO gave troops to fewer of the requests for troops made to it than NATO did, and "
        "the exact test tells the two apart",
        lambda c: exact_arrays.lower_and_supported(*c.conditional("alliance", "troops"))),
    "alliance_all_asks_lower": Claim(
        "holding the mix of asks fixed, CSTO requests to the alliance got what they asked less "
        "often than NATO's, and the exact stratified test tells the two apart",
        lambda c: _lower_overall(c, "alliance") & (_stratified(c, "alliance") < ALPHA)),
    "patron_troops_not_apart": Claim(
        "on appeals to the patron for troops the exact test cannot tell Russia from the "
        "United States",
        lambda c: exact_arrays.not_told_apart(*c.conditional("patron", "troops"))),
    "patron_all_asks_not_apart": Claim(
        "on appeals to the patron, all asks together, the exact stratified test cannot tell the "
        "two apart",
        lambda c: _stratified(c, "patron") >= ALPHA),
    "requests_not_apart": Claim(
        "the shares of crises that drew a request to the alliance cannot be told apart",
        lambda c: exact_arrays.not_told_apart(*c.selection("all", "alliance"))),
    "armed_attack_requests_not_apart": Claim(
        "the shares of armed attacks that drew a request to the alliance cannot be told apart",
        lambda c: exact_arrays.not_told_apart(*c.selection("armed_attack", "alliance"))),
    "appeals_csto_more": Claim(
        "CSTO members appealed to their patron in a larger share of their crises than NATO "
        "members did, and the exact test tells the two apart",
        lambda c: _csto_higher(*c.selection("all", "patron"))),
    "appeals_csto_more_stratified": Claim(
        "holding the kind of crisis fixed, CSTO members appealed to their patron more often than "
        "NATO members did, and the exact stratified test tells the two apart",
        lambda c: _csto_higher(*c.selection("all", "patron"))
        & (appeals_stratified_p(c) < ALPHA)),
    "casus_not_apart": Claim(
        "the shares of casus foederis crises the alliance honoured cannot be told apart",
        lambda c: exact_arrays.not_told_apart(*c.casus())),
    "casus_asked_not_apart": Claim(
        "among casus foederis crises that drew a request, the shares honoured cannot be told "
        "apart",
        lambda c: exact_arrays.not_told_apart(*c.casus(asked=True))),
    "csto_troops_never_for_attack": Claim(
        "the CSTO sent troops in no crisis coded as an armed attack",
        lambda c: c["deployed|CSTO|armed_attack"] == 0),
    "nato_met_every_troop_ask": Claim(
        "NATO sent troops for every request for troops made to it",
        lambda c: c["cond|alliance|NATO|troops|k"] == c["cond|alliance|NATO|troops|n"]),
}

#: The claims whose leave-one-out the chapters report.
LEAVE_ONE_OUT: tuple[str, ...] = ("alliance_troops_lower",)

#: The values of the last few sets of tables (tests alternate between the real tables and
#: altered ones); each holds the grid's summary, not its million rows.
_CACHE: OrderedDict[tuple, SimpleNamespace] = OrderedDict()
_CACHE_SIZE = 6


#: The tables the comparison's values are computed from.
READS: tuple[str, ...] = ("requests", "responses", "crisis_candidates", "ucdp_conflicts",
                          "reliability_benchmarks")


def _fingerprint(tables: dict[str, pd.DataFrame]) -> tuple:
    return tuple(int(pd.util.hash_pandas_object(tables[name], index=False).sum())
                 for name in READS)


def values(tables: dict[str, pd.DataFrame], cutoff: pd.Timestamp) -> SimpleNamespace:
    """Everything the comparison's sentences rest on (computed once per set of tables):

    ``requests`` and ``crises`` (the records), ``coded`` and ``universe`` (under the main
    coding), ``rates`` and ``tests`` (by channel: conditional rates and exact tests), ``shares``
    and ``share_tests`` (how often crises drew a request), ``casus`` (the casus foederis frame),
    ``pairs`` (alliance against patron, request by request), ``grid`` (the grid's
    :class:`~analysis.measures.robustness.Summary`: its size, each alternative alone),
    ``verdicts`` (claim name -> :class:`~analysis.measures.verdicts.Verdict`), ``by_alt``
    (claim name -> whether it holds under each alternative alone), ``loo`` (claim name ->
    leave-one-out table, for :data:`LEAVE_ONE_OUT`), ``benchmarks`` and ``candidates``.
    """
    key = (_fingerprint(tables), pd.Timestamp(cutoff))
    if key in _CACHE:
        _CACHE.move_to_end(key)
        return _CACHE[key]
    # computed once per book build: the other chapters' kernels read what the first one kept
    result = kept.computed("comparison", tables, cutoff, _values)
    _CACHE[key] = result
    while len(_CACHE) > _CACHE_SIZE:
        _CACHE.popitem(last=False)
    return result


def _values(tables: dict[str, pd.DataFrame], cutoff: pd.Timestamp) -> SimpleNamespace:
    candidates = tables["crisis_candidates"]
    requests = universe.mark_in_universe(
        universe.request_records(tables["requests"], tables["responses"]), candidates)
    crises = universe.crisis_records(candidates, tables["requests"], tables["ucdp_conflicts"])
    coded = alternatives.coded_requests(requests)
    coded_crises = alternatives.coded_crises(crises, requests)
    shares = selection.request_shares(coded_crises)
    g = robustness.grid(requests, crises)
    holds = {name: verdicts.holds_under(g, claim.holds) for name, claim in CLAIMS.items()}
    main = counters.Counts({name: g.column_at(name, [0]) for name in counters.COUNTERS})
    appeal_strata = {c: tuple(int(x[0]) for x in main.selection(c, "patron"))
                     for c in APPEAL_STRATA}
    return SimpleNamespace(
        appeal_strata=appeal_strata,
        appeal_stratified_p=float(appeals_stratified_p(main)[0]),
        requests=requests, crises=crises, coded=coded, universe=coded_crises,
        rates={ch: channels.channel_rates(coded, ch) for ch in channels.CHANNELS},
        tests={ch: channels.channel_tests(coded, ch).set_index("ask_group")
               for ch in channels.CHANNELS},
        shares=shares.set_index(["organization", "category"]),
        share_tests=selection.share_tests(shares).set_index(["category", "channel"]),
        shares_without_patron=selection.request_shares(coded_crises, without_patron=True)
        .set_index(["organization", "category"]),
        casus=selection.casus_foederis(coded_crises).set_index("organization"),
        pairs=channels.channel_pairs(coded),
        grid=robustness.Summary.of(g),
        verdicts={name: verdicts.verdict(g, values) for name, values in holds.items()},
        by_alt={name: verdicts.by_alternative(g, values).set_index("alternative")
                for name, values in holds.items()},
        loo={name: verdicts.leave_one_out(requests, crises, CLAIMS[name].holds)
             for name in LEAVE_ONE_OUT},
        benchmarks=tables["reliability_benchmarks"].set_index("benchmark_id"),
        candidates=candidates,
        cutoff=pd.Timestamp(cutoff),
    )


def breaking_alone(v: SimpleNamespace, claim: str) -> set[str]:
    """The alternatives that, each alone, make ``claim`` fail (from ``v.by_alt``)."""
    alone = v.by_alt[claim]
    return set(alone.index[~alone["holds"].astype(bool)])


# ------------------------------------------------------------------ how the prose words results

def p_text(p: float) -> str:
    """A p-value as the book states it: ``p = 0.048``, ``p = 0.46``, ``p = 1``, ``p < 0.001``."""
    if p < 0.001:
        return "p < 0.001"
    if p >= 0.995:
        return "p = 1"
    return f"p = {p:.3f}" if p < 0.1 else f"p = {p:.2f}"


def told_apart_text(p: float) -> str:
    """Whether the exact test tells two shares apart, in words, with its p-value."""
    if p < ALPHA:
        return f"the exact test tells the two apart ({p_text(p)})"
    return f"the exact test cannot tell the two apart ({p_text(p)})"


def k_of_n(k: int, n: int) -> str:
    """``"1 of 5"``; ``"none of 0"`` when nothing was asked."""
    return f"{int(k)} of {int(n)}" if n else "none of 0"


def combinations_text(v: verdicts.Verdict) -> str:
    """How widely a claim holds, from its verdict: "under every one of the 131,072
    combinations of codings the book tries", "under 125,440 (96%) of the 131,072 ...",
    "under only 24,576 (19%) of the 131,072 ..."."""
    # Rounded down, with a decimal where whole percents would say 100% or 0% of a claim that
    # fails somewhere or holds somewhere.
    percent = math.floor(v.share * 1000) / 10
    share = ("less than 0.1%" if percent == 0 else f"{percent:.0f}%"
             if percent == int(percent) and percent < 100 else f"{percent:.1f}%")
    tail = f"of the {v.of:,} combinations of codings the book tries"
    if v.label == verdicts.EVERY:
        return f"under every one {tail}"
    if v.label == verdicts.MOST:
        return f"under {v.holds:,} ({share}) {tail}"
    return f"under only {v.holds:,} ({share}) {tail}"


def failing_text(v: verdicts.Verdict) -> str:
    """The smallest coding under which a claim fails, in the alternatives' own words (joined
    with "together with"); empty when it never fails."""
    if v.failing is None:
        return ""
    if not v.failing:
        return "the main coding"
    return " together with ".join(alternatives.BY_NAME[a].description for a in v.failing)


__all__ = [
    "CATEGORY_WORDS",
    "APPEAL_STRATA",
    "CLAIMS",
    "Claim",
    "LEAVE_ONE_OUT",
    "SIDE_WORDS",
    "appeals_stratified_p",
    "breaking_alone",
    "combinations_text",
    "failing_text",
    "k_of_n",
    "p_text",
    "told_apart_text",
    "values",
]
