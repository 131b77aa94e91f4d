"""Values kept on disk between processes as pickles, one file per state of what they were
computed from: read back whole or not at all, written atomically, the oldest files of a folder
removed. The checked tables (:func:`analysis.data.load.load_all`) and the values chapters share
(:mod:`analysis.publish.kept`) are kept this way."""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from pathlib import Path


def read(path: Path) -> object | None:
    """The value kept at ``path``, or None when there is none (or only a damaged file)."""
    try:
        with Path(path).open("rb") as handle:
            return pickle.load(handle)
    except (OSError, EOFError, pickle.UnpicklingError):
        return None


def write(path: Path, value: object, keep: int) -> None:
    """Keep ``value`` at ``path`` (a reader in another process sees the whole file or none) and
    only the ``keep`` newest ``*.pickle`` files of its folder. Nothing is kept when the value
    cannot be pickled (it holds a function) or the folder is not writable."""
    try:
        data = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
    except (pickle.PicklingError, TypeError, AttributeError):
        return
    folder = Path(path).parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=folder, suffix=".tmp", delete=False) as handle:
            handle.write(data)
        os.replace(handle.name, path)
        newest = sorted(folder.glob("*.pickle"), key=lambda p: p.stat().st_mtime, reverse=True)
        for old in newest[keep:]:
            old.unlink(missing_ok=True)
    except OSError:  # a read-only checkout: computed again next time
        pass


def code_digest(folder: Path) -> str:
    """A digest of every Python file under ``folder``: its path inside the folder and its
    bytes, in path order."""
    digest = hashlib.sha256()
    for path in sorted(Path(folder).rglob("*.py")):
        if "__pycache__" not in path.parts:
            digest.update(path.relative_to(folder).as_posix().encode() + b"\0")
            digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


__all__ = ["code_digest", "read", "write"]
