"""Sentence guards: named checks that the data still supports a sentence of the book."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from types import SimpleNamespace


class SentenceNotSupported(AssertionError):
    """The data no longer supports a sentence of the book; the message names the guard and
    quotes the sentence, so that whoever changed the data knows which words to revisit."""


@dataclass(frozen=True)
class Guard:
    """A check that the data still supports one sentence (or one claim) of a chapter.

    ``name`` identifies it (tests refer to it), ``sentence`` quotes or paraphrases the words it
    protects, and ``holds`` reads a chapter's values (its facts module's ``values``) and returns
    whether the words are still true."""

    name: str
    sentence: str
    holds: Callable[[SimpleNamespace], bool]

    def check(self, values: SimpleNamespace) -> None:
        """Return if the sentence holds; raise :class:`SentenceNotSupported` naming it if not
        (also when the values lack what the check reads: a missing row is a broken claim)."""
        try:
            ok = bool(self.holds(values))
        except (KeyError, IndexError, AttributeError, ValueError, TypeError) as error:
            raise SentenceNotSupported(self._message(f" ({type(error).__name__}: {error})")) \
                from error
        if not ok:
            raise SentenceNotSupported(self._message(""))

    def _message(self, detail: str) -> str:
        return f"guard {self.name!r}: the data no longer supports “{self.sentence}”{detail}"


def check_all(guards: Iterable[Guard], values: SimpleNamespace) -> None:
    """Check every guard in order; the first that fails raises :class:`SentenceNotSupported`."""
    for guard in guards:
        guard.check(values)


__all__ = ["Guard", "SentenceNotSupported", "check_all"]
