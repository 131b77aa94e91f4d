"""How much the comparison depends on the coding: the counters of every combination of the
named alternatives (:data:`~analysis.measures.alternatives.ALTERNATIVES`, both alliances' and
both directions'), computed at once; :mod:`~analysis.measures.verdicts` says whether a claim
holds under every combination, under most, or not.

**The grid.** With *m* alternatives there are 2**m codings (the main coding is the one with
none). Every measure the comparison states is a sum over records (a request counted in a group,
a crisis that drew a request), and each record is changed only by the few alternatives that
touch it (:func:`~analysis.measures.alternatives.request_touched_by`,
:func:`~analysis.measures.alternatives.crisis_touched_by`). So :func:`grid` codes each record under
every combination *of the alternatives that touch it* only, and adds the records' contributions
into one table of counts for every combination at once (``counts``, one row per combination,
one column per counter of :mod:`~analysis.measures.counters`). That is exact, not sampled: row
``i`` is what coding the tables under combination ``i`` and counting would give
(:func:`counts_under` does that the slow way, for checks).

Combination ``i`` switches on alternative ``j`` when bit ``j`` of ``i`` is set, in the order of
``Grid.alternatives``.

**Claims** are functions of the counts (:class:`~analysis.measures.counters.Counts`)
returning one bool per combination; :mod:`~analysis.measures.exact_arrays` gives the exact
tests over arrays of counts, and :mod:`~analysis.measures.verdicts` says whether a claim holds
under every combination, under most, or not, and under leave-one-out.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from .alternatives import (
    ALTERNATIVES,
    BY_NAME,
    code_crisis,
    code_request,
    crisis_touched_by,
    request_touched_by,
)
from .counters import COLUMN_OF, COUNTERS, contributions_of_crisis, contributions_of_request, vector
from .universe import by_id


@dataclass(frozen=True)
class Grid:
    """Counts under every combination of ``alternatives``: ``counts[i, c]`` is counter
    ``COUNTERS[c]`` under combination ``i`` (bit ``j`` of ``i`` switches on
    ``alternatives[j]``); ``seconds`` is how long the grid took to compute; ``changed_by``
    names, for each counter, the alternatives that can change it (``None``: not known, any)."""

    alternatives: tuple[str, ...]
    counts: np.ndarray
    seconds: float
    changed_by: dict[str, frozenset[str]] | None = None

    def alternatives_behind(self, names: Iterable[str]) -> tuple[str, ...]:
        """The alternatives that can change any of the counters ``names``, in bit order."""
        if self.changed_by is None:
            return self.alternatives
        behind = set().union(*(self.changed_by.get(n, frozenset()) for n in names))
        return tuple(a for a in self.alternatives if a in behind)

    def sub_combinations(self, active: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
        """``(rows, index)`` for the combinations of ``active`` alone: ``rows[s]`` is the grid
        row that switches on sub-combination ``s`` of ``active`` (bit ``j`` of ``s``:
        ``active[j]``) and nothing else; ``index[i]`` is the sub-combination of ``active``
        within grid row ``i``."""
        sub = np.arange(1 << len(active), dtype=np.int64)
        rows = np.zeros(len(sub), dtype=np.int64)
        whole = np.arange(self.size, dtype=np.int64)
        index = np.zeros(self.size, dtype=np.int64)
        for j, name in enumerate(active):
            bit = self.alternatives.index(name)
            rows |= ((sub >> j) & 1) << bit
            index |= ((whole >> bit) & 1) << j
        return rows, index

    @property
    def size(self) -> int:
        """How many combinations the grid holds (the main coding included)."""
        return len(self.counts)

    def column(self, name: str) -> np.ndarray:
        """One counter over every combination."""
        return self.counts[:, COLUMN_OF[name]]

    def active(self, combination: int) -> tuple[str, ...]:
        """The alternatives combination ``combination`` switches on."""
        return tuple(a for j, a in enumerate(self.alternatives) if combination >> j & 1)

    def index_of(self, active: Iterable[str]) -> int:
        """The combination that switches on exactly ``active``."""
        wanted = set(active)
        unknown = wanted - set(self.alternatives)
        if unknown:
            raise ValueError(f"alternative(s) {sorted(unknown)} are not in the grid")
        return sum(1 << j for j, a in enumerate(self.alternatives) if a in wanted)


def _records(request_records: pd.DataFrame, crisis_records: pd.DataFrame
             ) -> tuple[list[dict], list[dict], dict[str, dict]]:
    requests = request_records.to_dict("records")
    return requests, crisis_records.to_dict("records"), by_id(request_records)


def grid(request_records: pd.DataFrame, crisis_records: pd.DataFrame,
         alternatives: Sequence[str] = tuple(a.name for a in ALTERNATIVES)) -> Grid:
    """The counters under every combination of ``alternatives`` (by default all of them).

    ``request_records`` and ``crisis_records`` are
    :func:`~analysis.measures.universe.request_records` and
    :func:`~analysis.measures.universe.crisis_records`. Records are grouped by the
    alternatives that touch them; each group's contributions are tabulated over the
    combinations of those alternatives only, then spread over the whole grid.
    """
    started = time.perf_counter()
    alternatives = tuple(alternatives)
    unknown = sorted(set(alternatives) - set(BY_NAME))
    if unknown:
        raise ValueError(f"unknown alternative(s) {unknown}; see ALTERNATIVES")
    position = {a: j for j, a in enumerate(alternatives)}
    requests, crises, lookup = _records(request_records, crisis_records)
    tables: dict[tuple[str, ...], np.ndarray] = {}

    def add(touched: frozenset[str], code: Callable[[frozenset[str]], dict[str, int]]) -> None:
        names = tuple(sorted(touched & set(alternatives), key=position.get))
        table = tables.setdefault(names, np.zeros((1 << len(names), len(COUNTERS)),
                                                  dtype=np.int16))
        for sub in range(1 << len(names)):
            active = frozenset(n for j, n in enumerate(names) if sub >> j & 1)
            table[sub] += vector(code(active))

    for record in requests:
        add(request_touched_by(record),
            lambda active, r=record: contributions_of_request(r, code_request(r, active)))
    for record in crises:
        add(crisis_touched_by(record, lookup),
            lambda active, c=record: contributions_of_crisis(c, code_crisis(c, lookup, active)))
    counts, changed = _spread(tables, position, len(alternatives))
    changed_by = {name: frozenset(changed.get(c, ())) for c, name in enumerate(COUNTERS)}
    return Grid(alternatives, counts, time.perf_counter() - started, changed_by)


def _spread(tables: dict[tuple[str, ...], np.ndarray], position: dict[str, int], m: int
            ) -> tuple[np.ndarray, dict[int, set[str]]]:
    """Add each group's table (contributions over the combinations of the alternatives that
    touch it) into the counts of all ``2**m`` combinations.

    What a group adds under its first sub-combination (none of its alternatives on) is the
    same under every combination, so it is added once to the whole column; only the counters
    a group's alternatives change are gathered over the grid, one column at a time (the
    counts are stored column by column, so each counter is a contiguous array). Returns the
    counts and, by column, the alternatives that change it."""
    size = 1 << m
    combos = np.arange(size, dtype=np.int64)
    bits = {name: ((combos >> j) & 1).astype(np.uint8) for name, j in position.items()}
    base = np.zeros(len(COUNTERS), dtype=np.int64)
    changes: dict[int, list[tuple[tuple[str, ...], np.ndarray]]] = {}
    for names, table in tables.items():
        base += table[0]
        delta = table - table[0]
        for column in np.flatnonzero(delta.any(axis=0)):
            changes.setdefault(int(column), []).append((names, delta[:, column]))
    counts = np.empty((size, len(COUNTERS)), dtype=np.int16, order="F")
    for column, value in enumerate(base.tolist()):
        counts[:, column] = value
    indexes: dict[tuple[str, ...], np.ndarray] = {}
    for column, parts in changes.items():
        for names, delta in parts:
            if names not in indexes:
                index = np.zeros(size, dtype=np.uint8 if len(names) <= 8 else np.int32)
                for j, name in enumerate(names):
                    index |= bits[name].astype(index.dtype) << j
                indexes[names] = index
            np.add(counts[:, column], np.take(delta, indexes[names]), out=counts[:, column])
    return counts, {column: {n for names, _ in parts for n in names}
                    for column, parts in changes.items()}


def counts_under(request_records: pd.DataFrame, crisis_records: pd.DataFrame,
                 active: Iterable[str] = ()) -> dict[str, int]:
    """The counters under one coding, computed directly (every record coded under ``active``):
    the slow way, against which the grid is checked."""
    active = frozenset(active)
    requests, crises, lookup = _records(request_records, crisis_records)
    total = np.zeros(len(COUNTERS), dtype=np.int64)
    for record in requests:
        total += vector(contributions_of_request(record, code_request(record, active)))
    for record in crises:
        total += vector(contributions_of_crisis(record, code_crisis(record, lookup, active)))
    return dict(zip(COUNTERS, total.tolist()))


def tally(g: Grid, name: str) -> dict[int, int]:
    """How many combinations give each value of one counter."""
    values, counts = np.unique(g.column(name), return_counts=True)
    return dict(zip(values.tolist(), counts.tolist()))



__all__ = ["Grid", "counts_under", "grid", "tally"]
