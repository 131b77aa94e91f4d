"""Exact tests over arrays of counts: Fisher's test and the exact stratified test of
:mod:`~analysis.measures.exact`, element by element, each distinct table computed once, so that
a claim can be tested under every combination of codings at once
(:mod:`~analysis.measures.robustness`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import lru_cache

import numpy as np
import pandas as pd

from .exact import ALPHA, Stratum, fisher, stratified


@lru_cache(maxsize=None)
def _fisher(k1: int, n1: int, k2: int, n2: int) -> float:
    return fisher(k1, n1, k2, n2).p


@lru_cache(maxsize=None)
def _stratified(cells: tuple[int, ...]) -> float:
    strata = [Stratum(*cells[i:i + 4]) for i in range(0, len(cells), 4)]
    return stratified(strata).p


def _over_unique(columns: Sequence[np.ndarray], function: Callable[[tuple[int, ...]], float]
                 ) -> np.ndarray:
    """``function`` of each row of ``columns``, computed once per distinct row: the rows are
    keyed by folding the columns into one small integer (factorized column by column), so
    the distinct rows are found in linear time."""
    columns = [np.asarray(c, dtype=np.int64).reshape(-1) for c in columns]
    key = np.zeros(len(columns[0]), dtype=np.int64)
    for column in columns:
        shifted = column - column.min() if len(column) else column
        key = pd.factorize(key * (int(shifted.max(initial=0)) + 1) + shifted)[0].astype(np.int64)
    _, first, inverse = np.unique(key, return_index=True, return_inverse=True)
    values = np.array([function(tuple(int(c[i]) for c in columns)) for i in first])
    return values[np.asarray(inverse).reshape(-1)]


def fisher_p(k1: np.ndarray, n1: np.ndarray, k2: np.ndarray, n2: np.ndarray) -> np.ndarray:
    """Two-sided Fisher p-value of ``k1/n1`` against ``k2/n2``, element by element (each
    distinct table computed once)."""
    return _over_unique([k1, n1, k2, n2], lambda t: _fisher(*t))


def stratified_p(strata: Sequence[tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]]
                 ) -> np.ndarray:
    """Two-sided p-value of the exact stratified test over ``strata`` (each ``(k1, n1, k2,
    n2)`` arrays), element by element."""
    columns = [column for stratum in strata for column in stratum]
    return _over_unique(columns, _stratified)


def lower_and_supported(k1: np.ndarray, n1: np.ndarray, k2: np.ndarray, n2: np.ndarray,
                        alpha: float = ALPHA) -> np.ndarray:
    """Where the first share is lower than the second *and* Fisher's exact test tells them
    apart (two-sided p below ``alpha``): the condition for stating "lower"."""
    lower = k1 * n2 < k2 * n1
    return lower & (fisher_p(k1, n1, k2, n2) < alpha) & (n1 > 0) & (n2 > 0)


def not_told_apart(k1: np.ndarray, n1: np.ndarray, k2: np.ndarray, n2: np.ndarray,
                   alpha: float = ALPHA) -> np.ndarray:
    """Where Fisher's exact test cannot tell the two shares apart (p at or above ``alpha``)."""
    return fisher_p(k1, n1, k2, n2) >= alpha


__all__ = ["fisher_p", "lower_and_supported", "not_told_apart", "stratified_p"]
