"""Exact tests over arrays of counts: Fisher's test and the exact stratified test of
:mod:`~analysis.measures.exact`, element by element, each distinct table computed once, so that
a claim can be tested under every combination of codings at once
(:mod:`~analysis.measures.robustness`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import lru_cache

import numpy as np

from .exact import ALPHA, Stratum, stratified
from .exact import fisher_p as _fisher_p


@lru_cache(maxsize=None)
def _fisher(k1: int, n1: int, k2: int, n2: int) -> float:
    return _fisher_p(k1, n1, k2, n2)


@lru_cache(maxsize=None)
def _stratified(cells: tuple[int, ...]) -> float:
    strata = [Stratum(*cells[i:i + 4]) for i in range(0, len(cells), 4)]
    return stratified(strata).p


#: Above this many possible rows, :func:`_over_unique` sorts the keys instead of tabulating them.
_TABULATE_UP_TO = 1 << 22
#: From this many possible rows on, the rows do not fold into one 64-bit key and are sorted whole.
_FOLD_BELOW = 1 << 62


def _over_unique(columns: Sequence[np.ndarray], function: Callable[[tuple[int, ...]], float]
                 ) -> np.ndarray:
    """``function`` of each row of ``columns``, computed once per distinct row.

    The columns are small counts, so each row folds into one integer (its digits are the
    columns' values above their minimum, in mixed radix); when there are few possible keys the
    distinct ones are found by marking them in a table, in linear time, and sorted otherwise."""
    columns = [np.asarray(c).reshape(-1) for c in columns]
    n = len(columns[0])
    if n == 0:
        return np.array([], dtype=float)
    lows = [int(c.min()) for c in columns]
    spans = [int(c.max()) - low + 1 for c, low in zip(columns, lows)]
    possible = int(np.prod(spans, dtype=object))
    if possible >= _FOLD_BELOW:  # too many to fold into one integer: sort the rows themselves
        rows, inverse = np.unique(np.stack(columns, axis=1), axis=0, return_inverse=True)
        values = np.array([function(tuple(int(x) for x in row)) for row in rows])
        return values[np.asarray(inverse).reshape(-1)]
    key = np.zeros(n, dtype=np.int64)
    for column, low, span in zip(columns, lows, spans):
        key *= span
        key += column
        key -= low
    if possible <= _TABULATE_UP_TO:
        seen = np.zeros(possible, dtype=bool)
        seen[key] = True
        distinct = np.flatnonzero(seen)
        lookup = np.zeros(possible, dtype=float)
        lookup[distinct] = [function(_digits(k, lows, spans)) for k in distinct.tolist()]
        return lookup[key]
    distinct, inverse = np.unique(key, return_inverse=True)
    values = np.array([function(_digits(k, lows, spans)) for k in distinct.tolist()])
    return values[np.asarray(inverse).reshape(-1)]


def _digits(key: int, lows: Sequence[int], spans: Sequence[int]) -> tuple[int, ...]:
    """The row a key of :func:`_over_unique` stands for."""
    digits = []
    for low, span in zip(reversed(lows), reversed(spans)):
        key, digit = divmod(key, span)
        digits.append(digit + low)
    return tuple(reversed(digits))


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
