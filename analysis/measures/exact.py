"""Exact tests for the differences the book states between two alliances' response rates.

The book compares small counts (a dozen requests a side), so every stated difference between
two shares is tested exactly, never by a normal approximation:

* :func:`fisher` -- two shares, ``k1`` of ``n1`` against ``k2`` of ``n2``: Fisher's exact test
  on the 2 x 2 table (``scipy.stats.fisher_exact``), two-sided and one-sided.
* :func:`stratified` -- the same comparison within strata (here: what was asked), pooled by the
  exact conditional test of a common odds ratio of 1 (Zelen / exact Mantel-Haenszel): given the
  margins of each stratum, the number of successes of the first group in stratum ``s`` is
  hypergeometric, and the total over strata is the convolution of those distributions. The
  p-value is the probability, under that null, of a total at least as extreme as the one seen
  (two-sided: every total whose probability is no larger than the observed one's, as
  ``fisher_exact`` does for one table).

A difference is *supported* (:func:`supported`) only when its two-sided p-value is below
:data:`ALPHA`. Sentences in the book that state a difference are guarded by that test.

Two checks on the family of tests the book states:

* :func:`boschloo` -- Boschloo's exact unconditional test of the same two shares
  (``scipy.stats.boschloo_exact``), which fixes only the two group sizes, not the total of
  successes, and is never less powerful than Fisher's. It is defined for one 2 x 2 table only,
  not for strata.
* :func:`holm` -- Holm's step-down adjustment of a family of p-values, which keeps the chance of
  any false difference in the family at most the threshold, whatever the tests' dependence.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np

# scipy.stats (0.7 s to import) is imported by the two functions that call it, so that a
# chapter which only reads p-values computed here does not pay for it.

#: The significance level the book uses for every stated difference (two-sided).
ALPHA = 0.05

#: Relative tolerance when comparing probabilities of totals (as scipy does for one table).
_RTOL = 1 + 1e-7


@dataclass(frozen=True)
class Stratum:
    """One stratum of a two-group comparison: ``k1`` successes of ``n1`` in the first group,
    ``k2`` of ``n2`` in the second."""

    k1: int
    n1: int
    k2: int
    n2: int

    def __post_init__(self) -> None:
        for k, n in ((self.k1, self.n1), (self.k2, self.n2)):
            if n < 0 or k < 0 or k > n:
                raise ValueError(f"need 0 <= k <= n in every group, got k={k}, n={n}")

    @property
    def informative(self) -> bool:
        """Whether the stratum can carry evidence: both groups present and neither margin fixed
        (some successes and some failures overall)."""
        total, successes = self.n1 + self.n2, self.k1 + self.k2
        return self.n1 > 0 and self.n2 > 0 and 0 < successes < total


@dataclass(frozen=True)
class ExactTest:
    """The result of an exact test: ``p`` two-sided, ``p_less`` (the first group's share is
    lower) and ``p_greater`` (higher), all in [0, 1]; ``observed`` and ``expected`` successes of
    the first group (expected under the null, given the margins); ``informative`` strata used."""

    p: float
    p_less: float
    p_greater: float
    observed: int
    expected: float
    informative: int


def fisher(k1: int, n1: int, k2: int, n2: int) -> ExactTest:
    """Fisher's exact test of ``k1/n1`` against ``k2/n2``.

    With an empty group or no variation at all (every case a success, or none) there is nothing
    to test: ``p`` is 1.0 and ``informative`` 0.
    """
    return stratified([Stratum(k1, n1, k2, n2)])


def fisher_p(k1: int, n1: int, k2: int, n2: int) -> float:
    """The two-sided p of :func:`fisher` alone, for tests over many tables: the probabilities
    of every table with the same margins from exact binomial coefficients, summed over those
    no more likely than the one seen (``scipy.stats.fisher_exact``'s rule, without its
    per-call cost; the two agree to rounding)."""
    s = Stratum(k1, n1, k2, n2)
    if not s.informative:
        return 1.0
    support, pmf = _distribution(s)
    p_seen = pmf[s.k1 - int(support[0])]
    return float(min(1.0, pmf[pmf <= p_seen * _RTOL].sum()))


def _distribution(stratum: Stratum) -> tuple[np.ndarray, np.ndarray]:
    """Support and probabilities of the first group's successes given the stratum's margins
    (the hypergeometric probabilities, from exact binomial coefficients)."""
    total, successes = stratum.n1 + stratum.n2, stratum.k1 + stratum.k2
    low, high = max(0, successes - stratum.n2), min(successes, stratum.n1)
    support = np.arange(low, high + 1)
    ways = math.comb(total, stratum.n1)
    pmf = np.array([math.comb(successes, x) * math.comb(total - successes, stratum.n1 - x)
                    / ways for x in range(low, high + 1)])
    return support, pmf


def stratified(strata: Iterable[Stratum]) -> ExactTest:
    """Exact conditional test that the two groups' odds of success are equal in every stratum.

    Strata that carry no information (:attr:`Stratum.informative` false) are left out; with
    none left, ``p`` is 1.0. One stratum gives exactly Fisher's test (two-sided p as
    ``scipy.stats.fisher_exact`` computes it).
    """
    strata = list(strata)
    used = [s for s in strata if s.informative]
    observed = sum(s.k1 for s in strata)
    fixed = sum(s.k1 for s in strata if not s.informative)
    if not used:
        return ExactTest(1.0, 1.0, 1.0, observed, float(observed), 0)
    if len(used) == 1:
        from scipy.stats import fisher_exact

        s = used[0]
        table = [[s.k1, s.n1 - s.k1], [s.k2, s.n2 - s.k2]]
        two = fisher_exact(table).pvalue
        less = fisher_exact(table, alternative="less").pvalue
        greater = fisher_exact(table, alternative="greater").pvalue
        expected = fixed + s.n1 * (s.k1 + s.k2) / (s.n1 + s.n2)
        return ExactTest(float(two), float(less), float(greater), observed, expected, 1)
    # Convolve the strata's hypergeometric distributions.
    offset, probs = 0, np.array([1.0])
    expected = float(fixed)
    for s in used:
        support, pmf = _distribution(s)
        offset += int(support[0])
        probs = np.convolve(probs, pmf)
        expected += s.n1 * (s.k1 + s.k2) / (s.n1 + s.n2)
    totals = offset + np.arange(len(probs))
    seen = observed - fixed
    p_seen = probs[totals == seen][0]
    two = float(min(1.0, probs[probs <= p_seen * _RTOL].sum()))
    less = float(min(1.0, probs[totals <= seen].sum()))
    greater = float(min(1.0, probs[totals >= seen].sum()))
    return ExactTest(two, less, greater, observed, expected, len(used))


def supported(test: ExactTest, alpha: float = ALPHA) -> bool:
    """Whether the book may state the difference: two-sided ``p`` below ``alpha``."""
    if not 0 < alpha < 1:
        raise ValueError(f"alpha must lie strictly between 0 and 1, not {alpha}")
    return test.p < alpha and not math.isnan(test.p)


def boschloo(k1: int, n1: int, k2: int, n2: int) -> float:
    """Two-sided p of Boschloo's exact test of ``k1/n1`` against ``k2/n2``.

    Each group is one binomial sample (a column of the table scipy reads). The two-sided p is
    scipy's: twice the smaller one-sided p, at most 1. With an empty group or no variation at
    all there is nothing to test and ``p`` is 1.0, as for :func:`fisher`.
    """
    if not Stratum(k1, n1, k2, n2).informative:
        return 1.0
    from scipy.stats import boschloo_exact

    table = [[k1, k2], [n1 - k1, n2 - k2]]
    return float(boschloo_exact(table, alternative="two-sided").pvalue)


def holm(pvalues: Iterable[float]) -> np.ndarray:
    """Holm's adjusted p-values, in the order given.

    Sorted from the smallest, the ``i``-th of ``m`` p-values (counting from 0) is multiplied by
    ``m - i``; each adjusted value is the running maximum of those products, capped at 1. A test
    stays below a threshold after adjustment exactly when Holm's step-down procedure rejects it.
    """
    p = np.asarray(list(pvalues), dtype=float)
    if p.ndim != 1 or np.isnan(p).any() or (p < 0).any() or (p > 1).any():
        raise ValueError("holm needs a flat list of p-values in [0, 1]")
    order = np.argsort(p, kind="stable")
    steps = (len(p) - np.arange(len(p))) * p[order]
    adjusted = np.empty_like(p)
    adjusted[order] = np.minimum(np.maximum.accumulate(steps), 1.0)
    return adjusted


__all__ = ["ALPHA", "Stratum", "ExactTest", "boschloo", "fisher", "fisher_p", "holm",
           "stratified", "supported"]
