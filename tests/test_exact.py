"""Exact tests (analysis.measures.exact): hand-worked tables, and the stratified test against a
brute-force enumeration of every table with the same margins."""

from __future__ import annotations

import itertools
import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.measures.exact import ALPHA, ExactTest, Stratum, fisher, stratified, supported


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
