"""What the comparison's grid counts (:mod:`~analysis.measures.robustness`): the counters, what
one coded request or crisis adds to them, and :class:`Counts`, the counters by name with the
helpers that claims are stated on."""

from __future__ import annotations

import numpy as np

from .conditional import ASK_GROUPS, GROUP_ORDER
from .levels import LEVEL_RANK
from .selection import ORGANIZATIONS

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
#: The column of each counter.
COLUMN_OF: dict[str, int] = {name: i for i, name in enumerate(COUNTERS)}


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


def vector(contributions: dict[str, int]) -> np.ndarray:
    """Contributions by counter name as one row of counts, in column order."""
    vector = np.zeros(len(COUNTERS), dtype=np.int16)
    for name, value in contributions.items():
        vector[COLUMN_OF[name]] += value
    return vector


class Counts:
    """The counters of a grid (or of one coding) by name, as arrays: ``counts["sel|CSTO|all|n"]``;
    with helpers for the measures claims are stated on."""

    def __init__(self, columns: dict[str, np.ndarray]) -> None:
        self._columns = columns

    @classmethod
    def of_grid(cls, g) -> Counts:  # noqa: ANN001 - a robustness.Grid (which imports this)
        """Every combination of the grid."""
        return cls({name: g.column(name) for name in COUNTERS})

    @classmethod
    def of(cls, counts: dict[str, int]) -> Counts:
        """One coding (:func:`~analysis.measures.robustness.counts_under`), as arrays of length
        one."""
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


__all__ = [
    "CATEGORIES",
    "COLUMN_OF",
    "COUNTERS",
    "Counts",
    "contributions_of_crisis",
    "contributions_of_request",
    "counter_names",
    "vector",
]
