"""Values one chapter's kernel computes and the next one can read instead of computing again.

Several chapters rest on the same expensive values (the CSTO-NATO comparison: its grid of
codings, claims and exact tests). Each chapter executes in its own kernel, so without help each
computes them again. :func:`book.setup <analysis.publish.book.setup>` turns keeping on for a
chapter's kernel (:func:`keep_in`); a facts module then asks :func:`recall` before computing and
:func:`keep` after. A value is kept under a digest of what it was computed from: the key its
caller gives (a digest of the tables it read), every Python file of the ``analysis`` package
and the versions of Python, numpy, pandas and scipy, so an edit to the data or to any of the
package's code computes it afresh. Tests do not call ``setup``, so a value computed under a
test's patches never reaches a chapter.
"""

from __future__ import annotations

import functools
import hashlib
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import pandas as pd

from ..data import stored
from ..data.paths import ROOT

T = TypeVar("T")

#: Where a chapter's kernel keeps values (``book.setup`` sets it); None: nothing is kept.
_FOLDER: list[Path | None] = [None]
#: How many values the folder keeps (the oldest go first).
KEEP = 32


def keep_in(folder: Path | None) -> None:
    """Keep values in ``folder`` from now on in this process (None: keep nothing)."""
    _FOLDER[0] = None if folder is None else Path(folder)


@functools.cache
def _code_digest() -> str:
    """The package's Python files and the versions of Python and the libraries it computes with."""
    from importlib.metadata import version

    digest = hashlib.sha256(sys.version.encode())
    for library in ("numpy", "pandas", "scipy"):
        digest.update(f"{library}={version(library)}".encode())
    digest.update(stored.code_digest(ROOT / "analysis").encode())
    return digest.hexdigest()


def _path(name: str, key: str) -> Path | None:
    folder = _FOLDER[0]
    if folder is None:
        return None
    digest = hashlib.sha256(f"{name}\0{key}\0{_code_digest()}".encode()).hexdigest()
    return folder / f"{name}-{digest}.pickle"


def recall(name: str, key: str) -> object | None:
    """The value kept as ``name`` under ``key`` with the package's current code, or None."""
    path = _path(name, key)
    return None if path is None else stored.read(path)


def keep(name: str, key: str, value: object) -> None:
    """Keep ``value`` as ``name`` under ``key`` (:func:`analysis.data.stored.write`: whole or
    not at all); nothing happens when keeping is off, the value cannot be pickled or the
    folder is not writable."""
    path = _path(name, key)
    if path is not None:
        stored.write(path, value, KEEP)


#: The last key computed, with the frames it was computed from (held, so that their ids stay
#: theirs): a chapter asks for the key of the same tables several times.
_LAST_KEY: list[tuple[tuple, str]] = []


def tables_key(tables: dict[str, pd.DataFrame], cutoff: pd.Timestamp) -> str:
    """A key for values computed from ``tables`` on ``cutoff``: a digest of every table's
    content (pandas' row hashes) and the day. Asked again for the very same frames (not
    copies), it is not computed again: a chapter never changes a frame it was given."""
    day = str(pd.Timestamp(cutoff))
    frames = tuple((name, tables[name]) for name in sorted(tables))
    if _LAST_KEY:
        (old_day, old_frames), key = _LAST_KEY[0]
        if old_day == day and len(old_frames) == len(frames) and all(
                a[0] == b[0] and a[1] is b[1] for a, b in zip(old_frames, frames)):
            return key
    digest = hashlib.sha256(day.encode())
    for name, frame in frames:
        rows = pd.util.hash_pandas_object(frame, index=False).to_numpy()
        digest.update(name.encode() + b"\0" + rows.tobytes())
    _LAST_KEY[:] = [((day, frames), digest.hexdigest())]
    return _LAST_KEY[0][1]


def computed(name: str, tables: dict[str, pd.DataFrame], cutoff: pd.Timestamp,
             compute: Callable[[dict[str, pd.DataFrame], pd.Timestamp], T]) -> T:
    """``compute(tables, cutoff)``, or the value kept as ``name`` for the same tables, day and
    code by an earlier kernel; what is computed is kept for the next."""
    if _FOLDER[0] is None:
        return compute(tables, cutoff)
    key = tables_key(tables, cutoff)
    value = recall(name, key)
    if value is None:
        value = compute(tables, cutoff)
        keep(name, key, value)
    return value


__all__ = ["KEEP", "computed", "keep", "keep_in", "recall", "tables_key"]
