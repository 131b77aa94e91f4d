"""Whether a claim about the comparison holds: under every combination of the coding
alternatives, under most, or not (:func:`verdict`), under each alternative alone
(:func:`by_alternative`), and with each request left out in turn (:func:`leave_one_out`).

A *claim* reads the counters (:class:`~analysis.measures.counters.Counts`) and returns one
bool per combination of a :class:`~analysis.measures.robustness.Grid`.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable
from dataclasses import dataclass

import numpy as np
import pandas as pd

from .alternatives import BY_NAME
from .counters import COUNTERS, Counts
from .robustness import Grid, count_records

#: How :func:`verdict` words the share of combinations under which a claim holds.
EVERY, MOST, NOT = "every", "most", "not"


@dataclass(frozen=True)
class Verdict:
    """Whether a claim holds: ``main`` (under the main coding), ``holds`` and ``of`` (how many
    combinations), ``share`` and ``label`` (:data:`EVERY` when under all of them, :data:`MOST`
    when under more than half, :data:`NOT` otherwise); ``failing`` is the smallest set of
    alternatives under which it fails (``()`` when the main coding itself fails, ``None`` when
    it never fails)."""

    main: bool
    holds: int
    of: int
    label: str
    failing: tuple[str, ...] | None

    @property
    def share(self) -> float:
        """The share of combinations under which the claim holds."""
        return self.holds / self.of


class _Reading(Counts):
    """Counts that note which counters a claim reads."""

    def __init__(self, columns: dict[str, np.ndarray]) -> None:
        super().__init__(columns)
        self.read: set[str] = set()

    def __getitem__(self, name: str) -> np.ndarray:
        self.read.add(name)
        return super().__getitem__(name)


def _check_shape(values: np.ndarray, n: int) -> np.ndarray:
    values = np.asarray(values, dtype=bool)
    if values.shape != (n,):
        raise ValueError(f"a claim must give one bool per combination it is given ({n}), "
                         f"got shape {values.shape}")
    return values


def holds_under(g: Grid, claim: Callable[[Counts], np.ndarray]) -> np.ndarray:
    """``claim`` (counts -> one bool per combination) on every combination of ``g``: one bool
    per combination.

    A claim reads a few counters, and only the alternatives that change those counters
    (:meth:`~analysis.measures.robustness.Grid.alternatives_behind`) can change its value. So
    the claim is evaluated once per combination of those alternatives only, and each
    combination of the grid takes the value of its own: the same result as evaluating it on
    every combination, at a fraction of the cost."""
    probe = _Reading({name: g.column_at(name, [0]) for name in COUNTERS})
    _check_shape(claim(probe), 1)
    behind = g.alternatives_behind(probe.read)
    rows, index = g.sub_combinations(behind)
    sub = _Reading({name: g.column_at(name, rows) for name in probe.read})
    values = _check_shape(claim(sub), len(rows))
    return values[index]


@functools.lru_cache(maxsize=4)
def _alternatives_on(size: int) -> np.ndarray:
    """How many alternatives each combination of a grid of ``size`` turns on (the number of set
    bits of its index), counted bit by bit over the whole array."""
    index = np.arange(size, dtype=np.int64)
    on = np.zeros(size, dtype=np.int64)
    for bit in range(max(size - 1, 0).bit_length()):
        on += (index >> bit) & 1
    on.flags.writeable = False
    return on


def verdict(g: Grid, claim: Callable[[Counts], np.ndarray] | np.ndarray) -> Verdict:
    """Whether ``claim`` holds under every combination of ``g``, under most, or not. ``claim``
    is a claim (counts -> one bool per combination) or its values already computed
    (:func:`holds_under`)."""
    holds = claim if isinstance(claim, np.ndarray) else holds_under(g, claim)
    holds = np.asarray(holds, dtype=bool)
    if holds.shape != (g.size,):
        raise ValueError(f"a claim must give one bool per combination ({g.size}), "
                         f"got shape {holds.shape}")
    n = int(holds.sum())
    label = EVERY if n == g.size else MOST if n * 2 > g.size else NOT
    failing: tuple[str, ...] | None = None
    if n < g.size:
        sizes = _alternatives_on(g.size)
        fails = np.flatnonzero(~holds)
        failing = g.active(int(fails[np.argmin(sizes[fails])]))
    return Verdict(bool(holds[0]), n, g.size, label, failing)


def leave_one_out(request_records: pd.DataFrame, crisis_records: pd.DataFrame,
                  claim: Callable[[Counts], np.ndarray],
                  active: Iterable[str] = ()) -> pd.DataFrame:
    """The claim under the coding ``active`` with each request made left out in turn (its
    record dropped, and its id dropped from the crises that name it): one row per request
    record made, ``request_id``, ``organization`` and ``holds``."""
    active = tuple(active)
    rows = []
    requests = request_records.to_dict("records")
    crises = crisis_records.to_dict("records")
    for record in requests:
        if not bool(record["made"]):
            continue
        ids = set(str(record["request_id"]).split(";"))
        kept = [r for r in requests if r["request_id"] != record["request_id"]]
        relinked = [{**c, "links": tuple(r for r in c["links"] if r not in ids)} for c in crises]
        counts = Counts.of(count_records(kept, relinked, active))
        rows.append({"request_id": record["request_id"], "organization": record["organization"],
                     "holds": bool(np.asarray(claim(counts))[0])})
    return pd.DataFrame(rows)


def alternatives_table(g: Grid) -> pd.DataFrame:
    """The grid's alternatives with their side and description (in bit order)."""
    return pd.DataFrame([{"alternative": a, "side": BY_NAME[a].side,
                          "description": BY_NAME[a].description} for a in g.alternatives])


def by_alternative(g: Grid, claim: Callable[[Counts], np.ndarray] | np.ndarray
                   ) -> pd.DataFrame:
    """For each alternative alone (the main coding plus that one), whether the claim holds:
    ``alternative``, ``side`` and ``holds``; the main coding first. ``claim`` as for
    :func:`verdict`."""
    holds = claim if isinstance(claim, np.ndarray) else holds_under(g, claim)
    rows = [{"alternative": "main", "side": "", "holds": bool(holds[0])}]
    for j, a in enumerate(g.alternatives):
        rows.append({"alternative": a, "side": BY_NAME[a].side, "holds": bool(holds[1 << j])})
    return pd.DataFrame(rows)


__all__ = [
    "EVERY",
    "MOST",
    "NOT",
    "Verdict",
    "alternatives_table",
    "by_alternative",
    "holds_under",
    "leave_one_out",
    "verdict",
]
