"""Exact tests (analysis.measures.exact): hand-worked tables, and the stratified test against a
brute-force enumeration of every table with the same margins."""

from __future__ import annotations

import itertools
import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy.stats import binom

from analysis.measures.exact import (
    ALPHA,
    ExactTest,
    Stratum,
    boschloo,
    fisher,
    fisher_p,
    holm,
    stratified,
    supported,
)


def test_fisher_lady_tasting_tea():
    # Fisher's own example: 3 of 4 cups right against 1 of 4. The hypergeometric probabilities
    # of 0..4 successes are 1, 16, 36, 16, 1 over 70; "3 or more" is 17/70.
    result = fisher(3, 4, 1, 4)
    assert result.p_greater == pytest.approx(17 / 70)
    assert result.p_less == pytest.approx(69 / 70)
    assert result.p == pytest.approx(34 / 70)
    assert result.expected == pytest.approx(2.0)


def test_fisher_troops_example_from_the_review():
    # CSTO 2 of 8 troop asks answered with troops, NATO 2 of 2: tables with 4 successes among
    # 10, 8 in the first group: P(k1=2) = C(8,2)C(2,2)/C(10,4) = 28/210; k1 cannot go lower.
    result = fisher(2, 8, 2, 2)
    assert result.p == pytest.approx(28 / 210)
    assert result.p_less == pytest.approx(28 / 210)
    assert not supported(result)


def test_no_variation_or_empty_group_has_nothing_to_test():
    assert fisher(0, 5, 0, 3).p == 1.0
    assert fisher(4, 4, 2, 2).informative == 0
    assert fisher(1, 3, 0, 0).p == 1.0


@pytest.mark.parametrize("k,n", [(-1, 3), (4, 3), (0, -1)])
def test_impossible_counts_are_refused(k, n):
    with pytest.raises(ValueError, match="0 <= k <= n"):
        Stratum(k, n, 0, 1)


def test_supported_only_below_alpha():
    assert supported(ExactTest(ALPHA / 2, 0.0, 1.0, 0, 1.0, 1))
    assert not supported(ExactTest(ALPHA, 0.0, 1.0, 0, 1.0, 1))
    with pytest.raises(ValueError):
        supported(ExactTest(0.01, 0.0, 1.0, 0, 1.0, 1), alpha=1.5)


def test_uninformative_strata_do_not_change_the_test_but_count_in_observed():
    base = [Stratum(1, 5, 4, 5)]
    with_fixed = base + [Stratum(3, 3, 2, 2)]
    a, b = stratified(base), stratified(with_fixed)
    assert a.p == pytest.approx(b.p)
    assert b.observed == a.observed + 3
    assert b.expected == pytest.approx(a.expected + 3)


def _brute_force(strata: list[Stratum]) -> tuple[float, float, float]:
    """Enumerate every set of tables with the strata's margins; the exact null distribution of
    the first group's total successes, and the two- and one-sided p-values."""
    used = [s for s in strata if s.informative]
    dist: dict[int, float] = {}
    ranges = []
    for s in used:
        m = s.k1 + s.k2
        ranges.append([(x, math.comb(s.n1, x) * math.comb(s.n2, m - x) / math.comb(s.n1 + s.n2, m))
                       for x in range(max(0, m - s.n2), min(m, s.n1) + 1)])
    for combo in itertools.product(*ranges):
        total = sum(x for x, _ in combo)
        dist[total] = dist.get(total, 0.0) + math.prod(p for _, p in combo)
    seen = sum(s.k1 for s in used)
    p_seen = dist[seen]
    two = sum(p for p in dist.values() if p <= p_seen * (1 + 1e-7))
    less = sum(p for t, p in dist.items() if t <= seen)
    greater = sum(p for t, p in dist.items() if t >= seen)
    return min(two, 1.0), min(less, 1.0), min(greater, 1.0)


@st.composite
def strata(draw):
    out = []
    for _ in range(draw(st.integers(1, 3))):
        n1, n2 = draw(st.integers(0, 6)), draw(st.integers(0, 6))
        out.append(Stratum(draw(st.integers(0, n1)), n1, draw(st.integers(0, n2)), n2))
    return out


@settings(max_examples=150, deadline=None)
@given(strata())
def test_stratified_matches_enumeration(groups):
    result = stratified(groups)
    assert 0.0 <= result.p <= 1.0
    if not any(s.informative for s in groups):
        assert result.p == 1.0
        return
    two, less, greater = _brute_force(groups)
    assert result.p == pytest.approx(two, abs=1e-9)
    assert result.p_less == pytest.approx(less, abs=1e-9)
    assert result.p_greater == pytest.approx(greater, abs=1e-9)
    # The two one-sided tails overlap at the observed total, so they cover everything.
    assert result.p_less + result.p_greater >= 1.0 - 1e-9


@settings(max_examples=100, deadline=None)
@given(st.integers(0, 12).flatmap(lambda n1: st.tuples(st.integers(0, n1), st.just(n1))),
       st.integers(0, 12).flatmap(lambda n2: st.tuples(st.integers(0, n2), st.just(n2))))
def test_fisher_p_alone_is_fishers_two_sided_p(first, second):
    alone, full = fisher_p(*first, *second), fisher(*first, *second).p
    assert alone == pytest.approx(full, rel=1e-12, abs=1e-15)
    assert (alone < ALPHA) == (full < ALPHA)


def _boschloo_by_enumeration(k1: int, n1: int, k2: int, n2: int, grid: int = 4001) -> float:
    """Boschloo's two-sided p by brute force: for each one-sided direction, the largest over a
    fine grid of common success rates of the probability of every pair of binomial outcomes
    whose one-sided Fisher p is no larger than the one observed; twice the smaller, at most 1."""
    rates = np.linspace(0, 1, grid)
    result = []
    for side in ("p_less", "p_greater"):
        seen = getattr(fisher(k1, n1, k2, n2), side)
        total = np.zeros(grid)
        for x1 in range(n1 + 1):
            for x2 in range(n2 + 1):
                if getattr(fisher(x1, n1, x2, n2), side) <= seen * (1 + 1e-7):
                    total += binom.pmf(x1, n1, rates) * binom.pmf(x2, n2, rates)
        result.append(total.max())
    return min(1.0, 2 * min(result))


@pytest.mark.parametrize("table", [(1, 4, 5, 5), (7, 29, 1, 32), (1, 3, 2, 2), (1, 13, 2, 5)])
def test_boschloo_matches_enumeration_with_groups_as_samples(table):
    # Each alliance's requests are one binomial sample; read the other way round (scipy's rows
    # as groups) the troop table gives 0.030, not 0.041.
    assert boschloo(*table) == pytest.approx(_boschloo_by_enumeration(*table), abs=2e-3)


def test_boschloo_nothing_to_test():
    assert boschloo(1, 1, 9, 9) == 1.0
    assert boschloo(0, 0, 2, 5) == 1.0


@settings(max_examples=25, deadline=None)
@given(st.integers(1, 6), st.integers(1, 6), st.data())
def test_boschloo_never_above_twice_fishers_smaller_tail(n1, n2, data):
    # Boschloo's test is uniformly more powerful than Fisher's, one side at a time.
    k1 = data.draw(st.integers(0, n1))
    k2 = data.draw(st.integers(0, n2))
    f = fisher(k1, n1, k2, n2)
    assert boschloo(k1, n1, k2, n2) <= min(1.0, 2 * min(f.p_less, f.p_greater)) + 1e-9


def test_holm_hand_worked():
    # Sorted: 0.005 x 4 = 0.02, 0.01 x 3 = 0.03, 0.03 x 2 = 0.06, 0.04 x 1 = 0.04 -> 0.06
    # (running maximum), back in the order given.
    assert holm([0.01, 0.04, 0.03, 0.005]) == pytest.approx([0.03, 0.06, 0.06, 0.02])
    assert holm([0.5, 0.9]) == pytest.approx([1.0, 1.0])


def test_holm_rejects_bad_input():
    with pytest.raises(ValueError):
        holm([0.2, 1.5])
    with pytest.raises(ValueError):
        holm([float("nan")])


@given(st.lists(st.floats(0, 1), min_size=1, max_size=12), st.floats(0.001, 0.2))
def test_holm_is_the_step_down_procedure(ps, alpha):
    # Reject in order from the smallest while p_(i) < alpha / (m - i); stop at the first that
    # is not. The adjusted p-values fall below alpha exactly for the rejected tests.
    order = sorted(range(len(ps)), key=lambda i: ps[i])
    rejected = set()
    for i, j in enumerate(order):
        if ps[j] * (len(ps) - i) >= alpha:
            break
        rejected.add(j)
    adjusted = holm(ps)
    assert {j for j in range(len(ps)) if adjusted[j] < alpha} == rejected
    assert all(a >= p for a, p in zip(adjusted, ps, strict=True))
    assert all(a <= 1 for a in adjusted)
