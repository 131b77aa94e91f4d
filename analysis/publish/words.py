"""How the book words a small count: ``2`` -> ``"two"``, ``1`` time -> ``"once"``, ``4`` times
-> ``"four times"``. Chapters reach these through :mod:`analysis.publish.book`, which re-exports
them beside its other prose helpers."""

from __future__ import annotations

#: Small counts as the prose writes them; zero is worded by the caller (:func:`word`).
WORDS = {1: "one", 2: "two", 3: "three", 4: "four", 5: "five", 6: "six", 7: "seven", 8: "eight",
         9: "nine", 10: "ten"}


def word(n: int, zero: str = "no") -> str:
    """A small count as a word (``2`` -> ``"two"``), larger ones as digits (``1,204``); zero is
    ``zero``: ``"no"`` where a noun follows (``"no crises"``), ``"none"`` where it stands
    alone."""
    n = int(n)
    return zero if n == 0 else WORDS.get(n, f"{n:,}")


def times(n: int) -> str:
    """``1`` -> ``"once"``, ``2`` -> ``"twice"``, ``0`` -> ``"never"``, else ``"n times"``."""
    return {0: "never", 1: "once", 2: "twice"}.get(int(n), f"{int(n):,} times")


def times_word(n: int) -> str:
    """``1`` -> ``"once"``, ``2`` -> ``"twice"``, ``4`` -> ``"four times"`` (digits above ten,
    ``0`` -> ``"never"``)."""
    return times(n) if int(n) < 3 else f"{word(n)} times"
