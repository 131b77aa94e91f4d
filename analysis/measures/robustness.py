"""How much the comparison depends on the coding: the counters of every combination of the
named alternatives (:data:`~analysis.measures.alternatives.ALTERNATIVES`, both alliances' and
both directions'), computed at once; :mod:`~analysis.measures.verdicts` says whether a claim
holds under every combination, under most, or not.

**The grid.** With *m* alternatives there are 2**m codings (the main coding is the one with
none). Every measure the comparison states is a sum over records (a request counted in a group,
a crisis that drew a request), and each record is changed only by the few alternatives that
touch it (:func:`~analysis.measures.alternatives.request_touched_by`,
:func:`~analysis.measures.alternatives.crisis_touched_by`). So :func:`grid` codes each record under
every combination *of the alternatives that touch it* only; a counter under any combination
is its value under the main coding plus what each group of records adds under that
combination's switches for the group's own alternatives (:class:`Grid`). That is exact, not
sampled: a counter under combination ``i`` is what coding the tables under combination ``i``
and counting would give
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
from dataclasses import dataclass, field

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

#: A group of records' changes to one counter: the alternatives that touch the group (in bit
#: order) and what the group adds to the counter under each of their combinations, less what
#: it adds under the main coding.
Change = tuple[tuple[str, ...], np.ndarray]


@dataclass(frozen=True)
class Grid:
    """Counts under every combination of ``alternatives`` (bit ``j`` of combination ``i``
    switches on ``alternatives[j]``), kept as what they are made of: ``base``, each counter
    under the main coding, and ``changes``, by column, what each group of records adds under
    the combinations of the alternatives that touch it. A counter over the grid is its base
    plus its changes, gathered over the combinations asked for (:meth:`column_at`,
    :meth:`column`); ``counts`` is the whole table, built only when asked for. ``seconds`` is
    how long the grid took to compute."""

    alternatives: tuple[str, ...]
    base: np.ndarray
    changes: dict[int, tuple[Change, ...]]
    seconds: float
    _columns: dict[int, np.ndarray] = field(default_factory=dict, compare=False, repr=False)
    _indexes: dict[tuple[str, ...], np.ndarray] = field(default_factory=dict, compare=False,
                                                        repr=False)
    _bit_rows: list[np.ndarray] = field(default_factory=list, compare=False, repr=False)

    @classmethod
    def from_counts(cls, alternatives: Sequence[str], counts: np.ndarray,
                    seconds: float = 0.0) -> Grid:
        """A grid from a whole table of counts (one row per combination, one column per
        counter), every alternative taken to touch every counter that varies."""
        counts = np.asarray(counts, dtype=np.int64)
        names = tuple(alternatives)
        if counts.shape != (1 << len(names), len(COUNTERS)):
            raise ValueError(f"need {1 << len(names)} rows of {len(COUNTERS)} counters, "
                             f"got {counts.shape}")
        base = counts[0].copy()
        changes = {int(c): ((names, counts[:, c] - base[c]),)
                   for c in np.flatnonzero((counts != base).any(axis=0))}
        return cls(names, base, changes, seconds)

    @property
    def size(self) -> int:
        """How many combinations the grid holds (the main coding included)."""
        return 1 << len(self.alternatives)

    @property
    def changed_by(self) -> dict[str, frozenset[str]]:
        """For each counter, the alternatives that can change it."""
        return {name: frozenset(n for names, _ in self.changes.get(c, ()) for n in names)
                for c, name in enumerate(COUNTERS)}

    def column_at(self, name: str, rows: Sequence[int] | np.ndarray) -> np.ndarray:
        """One counter under the combinations ``rows`` only."""
        column = COLUMN_OF[name]
        rows = np.asarray(rows, dtype=np.int64)
        out = np.full(len(rows), self.base[column], dtype=np.int64)
        for names, delta in self.changes.get(column, ()):
            out += delta[self._index(names, rows)]
        return out

    def column(self, name: str) -> np.ndarray:
        """One counter over every combination (computed once, in 16-bit integers: each group's
        sub-combination index over the grid is built from one byte per alternative and kept
        for the other counters the group changes)."""
        column = COLUMN_OF[name]
        if column not in self._columns:
            values = np.full(self.size, self.base[column], dtype=np.int16)
            for names, delta in self.changes.get(column, ()):
                values += np.take(delta.astype(np.int16), self._whole_index(names))
            values.flags.writeable = False
            self._columns[column] = values
        return self._columns[column]

    def _whole_index(self, names: tuple[str, ...]) -> np.ndarray:
        """Every combination's sub-combination of ``names``, kept once computed."""
        if names not in self._indexes:
            bits = self._bits()
            index = np.zeros(self.size, dtype=np.uint8 if len(names) <= 8 else np.int32)
            for j, name in enumerate(names):
                index |= bits[self.alternatives.index(name)].astype(index.dtype) << j
            self._indexes[names] = index
        return self._indexes[names]

    def _bits(self) -> np.ndarray:
        """Each alternative's bit over the grid, one byte per combination (kept)."""
        if not self._bit_rows:
            whole = np.arange(self.size, dtype=np.int64)
            self._bit_rows.append(np.stack(
                [((whole >> j) & 1).astype(np.uint8) for j in range(len(self.alternatives))]))
        return self._bit_rows[0]

    @property
    def counts(self) -> np.ndarray:
        """The whole table: ``counts[i, c]`` is counter ``COUNTERS[c]`` under combination ``i``."""
        table = np.empty((self.size, len(COUNTERS)), dtype=np.int16, order="F")
        for c, name in enumerate(COUNTERS):
            table[:, c] = self.column(name)
        return table

    def _index(self, names: tuple[str, ...], rows: np.ndarray) -> np.ndarray:
        """Each row's sub-combination of ``names`` (bit ``j``: ``names[j]`` on)."""
        index = np.zeros(len(rows), dtype=np.int64)
        for j, name in enumerate(names):
            index |= ((rows >> self.alternatives.index(name)) & 1) << j
        return index

    def alternatives_behind(self, names: Iterable[str]) -> tuple[str, ...]:
        """The alternatives that can change any of the counters ``names``, in bit order."""
        changed_by = self.changed_by
        behind = set().union(*(changed_by[n] for n in names))
        return tuple(a for a in self.alternatives if a in behind)

    def sub_combinations(self, active: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
        """``(rows, index)`` for the combinations of ``active`` alone: ``rows[s]`` is the grid
        row that switches on sub-combination ``s`` of ``active`` (bit ``j`` of ``s``:
        ``active[j]``) and nothing else; ``index[i]`` is the sub-combination of ``active``
        within grid row ``i``."""
        sub = np.arange(1 << len(active), dtype=np.int64)
        rows = np.zeros(len(sub), dtype=np.int64)
        for j, name in enumerate(active):
            rows |= ((sub >> j) & 1) << self.alternatives.index(name)
        return rows, self._whole_index(tuple(active))

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


@dataclass(frozen=True)
class Summary:
    """What is kept of a :class:`Grid` once the claims are evaluated: its ``alternatives``, its
    ``size`` and the counts under the main coding and under each alternative alone (``alone``:
    row 0 the main coding, row ``j + 1`` alternative ``j`` alone), a few hundred numbers
    instead of a million rows."""

    alternatives: tuple[str, ...]
    size: int
    alone: np.ndarray

    @classmethod
    def of(cls, g: Grid) -> Summary:
        """The summary of ``g``."""
        rows = [0] + [1 << j for j in range(len(g.alternatives))]
        return cls(g.alternatives, g.size,
                   np.column_stack([g.column_at(name, rows) for name in COUNTERS]))

    def column(self, name: str) -> np.ndarray:
        """One counter under the main coding, then under each alternative alone."""
        return self.alone[:, COLUMN_OF[name]]


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
    base = np.zeros(len(COUNTERS), dtype=np.int64)
    changes: dict[int, list[Change]] = {}
    for names, table in tables.items():
        base += table[0]
        delta = table.astype(np.int64) - table[0]
        for column in np.flatnonzero(delta.any(axis=0)):
            changes.setdefault(int(column), []).append((names, delta[:, column]))
    return Grid(alternatives, base, {c: tuple(parts) for c, parts in changes.items()},
                time.perf_counter() - started)


def counts_under(request_records: pd.DataFrame, crisis_records: pd.DataFrame,
                 active: Iterable[str] = ()) -> dict[str, int]:
    """The counters under one coding, computed directly (every record coded under ``active``):
    the slow way, against which the grid is checked."""
    requests, crises, _ = _records(request_records, crisis_records)
    return count_records(requests, crises, active)


def count_records(requests: list[dict], crises: list[dict],
                  active: Iterable[str] = ()) -> dict[str, int]:
    """:func:`counts_under` on records already turned into dicts (``DataFrame.to_dict``), for
    callers that count many variants of the same records."""
    active = frozenset(active)
    lookup = by_id(requests)
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



__all__ = ["Grid", "Summary", "count_records", "counts_under", "grid", "tally"]
