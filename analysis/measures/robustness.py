"""How much the comparison depends on the coding: every combination of the named alternatives
(:data:`~analysis.measures.universe.ALTERNATIVES`, both alliances' and both directions'), and
leave-one-out over the requests; and whether a stated claim holds under every combination,
under most, or not (:func:`verdict`).

**The grid.** With *m* alternatives there are 2**m codings (the main coding is the one with
none). Every measure the comparison states is a sum over records (a request counted in a group,
a crisis that drew a request), and each record is changed only by the few alternatives that
touch it (:func:`~analysis.measures.universe.request_touched_by`,
:func:`~analysis.measures.universe.crisis_touched_by`). So :func:`grid` codes each record under
every combination *of the alternatives that touch it* only, and adds the records' contributions
into one table of counts for every combination at once (``counts``, one row per combination,
one column per :func:`counter <contributions_of_request>`). That is exact, not sampled: row
``i`` is what coding the tables under combination ``i`` and counting would give
(:func:`counts_under` does that the slow way, for checks).

Combination ``i`` switches on alternative ``j`` when bit ``j`` of ``i`` is set, in the order of
``Grid.alternatives``.

**Claims** are functions of the counts (:class:`Counts`) returning one bool per combination;
:func:`fisher_p` and :func:`stratified_p` give the exact tests over arrays of counts.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import pandas as pd

from .conditional import ASK_GROUPS, GROUP_ORDER
from .exact import ALPHA, Stratum, fisher, stratified
from .levels import LEVEL_RANK
from .selection import ORGANIZATIONS
from .universe import (
    ALTERNATIVES,
    BY_NAME,
    by_id,
    code_crisis,
    code_request,
    crisis_touched_by,
    request_touched_by,
)

#: Crisis categories the selection counters keep apart (``all`` is every category).
CATEGORIES: tuple[str, ...] = ("all", "armed_attack", "internal_armed_conflict", "unrest",
                               "terrorist_attack", "hybrid", "other")

#: The group (troops, material aid, consultation) of each asked rank.
_GROUP_OF_RANK = {LEVEL_RANK[level]: group for level, group in ASK_GROUPS.items()}


def counter_names() -> tuple[str, ...]:
    """Every counter the grid keeps, in column order:

    * ``cond|<channel>|<org>|<group>|n`` and ``...|k``: requests counted on the channel with
      that group of asks, and those that got what they asked;
    * ``sel|<org>|<category>|<what>`` with ``what`` ``n`` (included crises), ``alliance``,
      ``patron``, ``either`` (drew a request there), ``patron_n`` (crises not of the patron
      itself) and ``patron_k`` (of those, drew an appeal to the patron);
    * ``casus|<org>|<what>`` with ``n`` (casus foederis crises), ``honoured``, ``asked`` (drew a
      request to the alliance) and ``honoured_asked``;
    * ``deployed|<org>|<category>``: included crises in which the alliance sent troops.
    """
    names = []
    for channel in ("alliance", "patron"):
        for org in ORGANIZATIONS:
            for group in GROUP_ORDER:
                names += [f"cond|{channel}|{org}|{group}|n", f"cond|{channel}|{org}|{group}|k"]
    for org in ORGANIZATIONS:
        for category in CATEGORIES:
            names += [f"sel|{org}|{category}|{what}" for what in
                      ("n", "alliance", "patron", "either", "patron_n", "patron_k")]
        names += [f"casus|{org}|{what}" for what in ("n", "honoured", "asked", "honoured_asked")]
        names += [f"deployed|{org}|{category}" for category in CATEGORIES]
    return tuple(names)


COUNTERS: tuple[str, ...] = counter_names()
_COLUMN = {name: i for i, name in enumerate(COUNTERS)}


def contributions_of_request(record: dict, coded: dict) -> dict[str, int]:
    """What one coded request record adds to the counters (``cond|...``)."""
    out: dict[str, int] = {}
    org = record["organization"]
    for channel in ("alliance", "patron"):
        if not coded[channel]:
            continue
        ask = coded[f"ask_{channel}"]
        group = _GROUP_OF_RANK[ask]
        out[f"cond|{channel}|{org}|{group}|n"] = 1
        if coded[f"got_{channel}"] >= ask:
            out[f"cond|{channel}|{org}|{group}|k"] = 1
    return out


def contributions_of_crisis(record: dict, coded: dict) -> dict[str, int]:
    """What one coded crisis record adds to the counters (``sel|...``, ``casus|...``,
    ``deployed|...``); nothing unless it is in the universe."""
    if not coded["included"]:
        return {}
    org, out = record["organization"], {}
    for category in ("all", coded["category"]):
        base = f"sel|{org}|{category}|"
        out[base + "n"] = 1
        for channel in ("alliance", "patron", "either"):
            if coded[channel]:
                out[base + channel] = 1
        if not record["patron_own"]:
            out[base + "patron_n"] = 1
            if coded["patron"]:
                out[base + "patron_k"] = 1
        if coded["level"] == LEVEL_RANK["deployment"]:
            out[f"deployed|{org}|{category}"] = 1
    if coded["casus"]:
        out[f"casus|{org}|n"] = 1
        out[f"casus|{org}|honoured"] = int(coded["honoured"])
        if coded["alliance"]:
            out[f"casus|{org}|asked"] = 1
            out[f"casus|{org}|honoured_asked"] = int(coded["honoured"])
    return out


def _vector(contributions: dict[str, int]) -> np.ndarray:
    vector = np.zeros(len(COUNTERS), dtype=np.int16)
    for name, value in contributions.items():
        vector[_COLUMN[name]] += value
    return vector


@dataclass(frozen=True)
class Grid:
    """Counts under every combination of ``alternatives``: ``counts[i, c]`` is counter
    ``COUNTERS[c]`` under combination ``i`` (bit ``j`` of ``i`` switches on
    ``alternatives[j]``); ``seconds`` is how long the grid took to compute."""

    alternatives: tuple[str, ...]
    counts: np.ndarray
    seconds: float

    @property
    def size(self) -> int:
        """How many combinations the grid holds (the main coding included)."""
        return len(self.counts)

    def column(self, name: str) -> np.ndarray:
        """One counter over every combination."""
        return self.counts[:, _COLUMN[name]]

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
            table[sub] += _vector(code(active))

    for record in requests:
        add(request_touched_by(record),
            lambda active, r=record: contributions_of_request(r, code_request(r, active)))
    for record in crises:
        add(crisis_touched_by(record, lookup),
            lambda active, c=record: contributions_of_crisis(c, code_crisis(c, lookup, active)))
    combos = np.arange(1 << len(alternatives), dtype=np.int64)
    counts = np.zeros((len(combos), len(COUNTERS)), dtype=np.int16)
    for names, table in tables.items():
        index = np.zeros(len(combos), dtype=np.int64)
        for j, name in enumerate(names):
            index |= ((combos >> position[name]) & 1) << j
        counts += table[index]
    return Grid(alternatives, counts, time.perf_counter() - started)


def counts_under(request_records: pd.DataFrame, crisis_records: pd.DataFrame,
                 active: Iterable[str] = ()) -> dict[str, int]:
    """The counters under one coding, computed directly (every record coded under ``active``):
    the slow way, against which the grid is checked."""
    active = frozenset(active)
    requests, crises, lookup = _records(request_records, crisis_records)
    total = np.zeros(len(COUNTERS), dtype=np.int64)
    for record in requests:
        total += _vector(contributions_of_request(record, code_request(record, active)))
    for record in crises:
        total += _vector(contributions_of_crisis(record, code_crisis(record, lookup, active)))
    return dict(zip(COUNTERS, total.tolist()))


# ------------------------------------------------------------------ exact tests over arrays

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


class Counts:
    """The counters of a grid (or of one coding) by name, as arrays: ``counts["sel|CSTO|all|n"]``;
    with helpers for the measures claims are stated on."""

    def __init__(self, columns: dict[str, np.ndarray]) -> None:
        self._columns = columns

    @classmethod
    def of_grid(cls, g: Grid) -> Counts:
        """Every combination of the grid."""
        return cls({name: g.column(name) for name in COUNTERS})

    @classmethod
    def of(cls, counts: dict[str, int]) -> Counts:
        """One coding (:func:`counts_under`), as arrays of length one."""
        return cls({name: np.array([counts[name]]) for name in COUNTERS})

    def __getitem__(self, name: str) -> np.ndarray:
        return self._columns[name]

    def conditional(self, channel: str, group: str) -> tuple[np.ndarray, ...]:
        """``(k_csto, n_csto, k_nato, n_nato)`` for one channel and group of asks."""
        a, b = ORGANIZATIONS
        base = f"cond|{channel}"
        return (self[f"{base}|{a}|{group}|k"], self[f"{base}|{a}|{group}|n"],
                self[f"{base}|{b}|{group}|k"], self[f"{base}|{b}|{group}|n"])

    def selection(self, category: str, channel: str) -> tuple[np.ndarray, ...]:
        """``(k_csto, n_csto, k_nato, n_nato)``: crises of ``category`` that drew a request on
        ``channel`` (``patron`` over crises not of the patron itself)."""
        a, b = ORGANIZATIONS
        k, n = ("patron_k", "patron_n") if channel == "patron" else (channel, "n")
        return (self[f"sel|{a}|{category}|{k}"], self[f"sel|{a}|{category}|{n}"],
                self[f"sel|{b}|{category}|{k}"], self[f"sel|{b}|{category}|{n}"])

    def casus(self, asked: bool = False) -> tuple[np.ndarray, ...]:
        """``(k_csto, n_csto, k_nato, n_nato)``: casus foederis crises honoured (among those
        that drew a request to the alliance, with ``asked``)."""
        a, b = ORGANIZATIONS
        k, n = ("honoured_asked", "asked") if asked else ("honoured", "n")
        return (self[f"casus|{a}|{k}"], self[f"casus|{a}|{n}"],
                self[f"casus|{b}|{k}"], self[f"casus|{b}|{n}"])


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


def holds_under(g: Grid, claim: Callable[[Counts], np.ndarray]) -> np.ndarray:
    """``claim`` (counts -> one bool per combination) on every combination of ``g``: one bool
    per combination."""
    holds = np.asarray(claim(Counts.of_grid(g)), dtype=bool)
    if holds.shape != (g.size,):
        raise ValueError(f"a claim must give one bool per combination ({g.size}), "
                         f"got shape {holds.shape}")
    return holds


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
        sizes = np.array([bin(i).count("1") for i in range(g.size)])
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
    made = request_records[request_records["made"].astype(bool)]
    for record in made.itertuples(index=False):
        ids = set(str(record.request_id).split(";"))
        requests = request_records[request_records["request_id"] != record.request_id]
        crises = crisis_records.copy()
        crises["links"] = [tuple(r for r in links if r not in ids) for links in crises["links"]]
        counts = Counts.of(counts_under(requests, crises, active))
        rows.append({"request_id": record.request_id, "organization": record.organization,
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


def tally(g: Grid, name: str) -> dict[int, int]:
    """How many combinations give each value of one counter."""
    values, counts = np.unique(g.column(name), return_counts=True)
    return dict(zip(values.tolist(), counts.tolist()))


__all__ = [
    "CATEGORIES",
    "COUNTERS",
    "EVERY",
    "MOST",
    "NOT",
    "Counts",
    "Grid",
    "Verdict",
    "alternatives_table",
    "by_alternative",
    "contributions_of_crisis",
    "contributions_of_request",
    "counter_names",
    "counts_under",
    "fisher_p",
    "grid",
    "holds_under",
    "leave_one_out",
    "lower_and_supported",
    "not_told_apart",
    "stratified_p",
    "tally",
    "verdict",
]

