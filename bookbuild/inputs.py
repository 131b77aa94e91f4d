"""The one fingerprint: what the chapters' outputs depend on besides their own text.

A chapter's output depends on its code cells, which jupyter-cache hashes itself, and on what
those cells read: the data, ``CITATION.cff`` (the changelog names the edition) and the code of
``analysis`` they run. :func:`fingerprint` is a SHA-256 over those files
(:func:`execution_inputs`). Every step that can skip work asks it:

- the execution step (:mod:`bookbuild.execute`) and, for a build started without it, the data
  gate (:mod:`bookbuild.data_gate`) empty the execution cache when it changed;
- the data gate checks the data and writes the bibliography only when it changed (the check's
  own code, the loader and the BibTeX writer, is among the inputs: :data:`BUILD_RUNS`);
- Sphinx reads every notebook page again when it changed (the pages keep outputs from the
  cache, which the cache itself would not know to be stale).

What each step last did with which fingerprint is kept in one record, ``bookbuild.json`` in the
execution cache folder (:func:`read_record`, :func:`update_record`); emptying the cache empties
the record with it. A change to the toolchain itself (this package) changes nothing here: no
chapter is executed again for an edit to the build.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from collections.abc import Iterable
from pathlib import Path

from .imports import files_run_by
from .pages import ROOT, notebook_files

#: Modules of ``analysis`` that the build runs for the chapters, besides what they import: the
#: data gate validates the data, writes the bibliography and reads the cut-off date with them.
#: An edit to them empties the cache too (the bibliography writer is the one chapters do not
#: run themselves; a rare edit to it costs one full execution).
BUILD_RUNS = ("analysis.data.load", "analysis.data.edition", "analysis.publish.bibliography")

#: The record's file name, in the execution cache folder.
RECORD = "bookbuild.json"


def execution_inputs(root: Path = ROOT) -> list[Path]:
    """What the chapters read besides their own text: the data folder, ``CITATION.cff`` and the
    files of the ``analysis`` package that they (and the data gate, :data:`BUILD_RUNS`) run:
    the modules imported, directly or not, and the package's files that are not Python
    (:func:`bookbuild.imports.files_run_by`)."""
    return [root / "data", root / "CITATION.cff",
            *files_run_by(notebook_files(root), root / "analysis", BUILD_RUNS)]


def fingerprint_files(paths: Iterable[Path]) -> str:
    """A SHA-256 over the names and bytes of every file under ``paths`` (bytecode excluded)."""
    digest = hashlib.sha256()
    for base in paths:
        base = Path(base)
        files = [base] if base.is_file() else sorted(
            p for p in base.rglob("*") if p.is_file() and "__pycache__" not in p.parts)
        for path in files:
            digest.update(path.relative_to(base.parent).as_posix().encode() + b"\0")
            digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def fingerprint(root: Path = ROOT, inputs: Iterable[Path] | None = None) -> str:
    """The fingerprint of the execution inputs of the book in ``root`` (or of ``inputs``)."""
    return fingerprint_files(execution_inputs(root) if inputs is None else inputs)


def write_atomically(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` so that a reader (another build at the same time) sees the old
    file or the new one, never a part: a temporary file in the same folder, then renamed."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    temporary.write_text(text, encoding="utf-8")
    os.replace(temporary, path)


def read_record(cache_dir: Path) -> dict:
    """The record in the execution cache ``cache_dir`` (``{}`` if there is none)."""
    try:
        record = json.loads((Path(cache_dir) / RECORD).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return record if isinstance(record, dict) else {}


def update_record(cache_dir: Path, **entries: object) -> dict:
    """Set ``entries`` in the record (an entry set to None is removed); returns the record."""
    record = {**read_record(cache_dir), **entries}
    record = {key: value for key, value in record.items() if value is not None}
    write_atomically(Path(cache_dir) / RECORD, json.dumps(record, indent=1, sort_keys=True) + "\n")
    return record


def refresh_cache(cache_dir: Path, current: str) -> bool:
    """Empty the execution cache ``cache_dir`` if the fingerprint ``current`` is not the one its
    outputs were computed with (a cache without a record is emptied too), and record
    ``current``.

    Returns True when a cache was emptied (every chapter executes again), False when it is
    still valid or did not exist yet.
    """
    cache_dir = Path(cache_dir)
    if read_record(cache_dir).get("inputs") == current:
        return False
    emptied = cache_dir.exists() and any(cache_dir.iterdir())
    if cache_dir.exists():
        shutil.rmtree(cache_dir)
    cache_dir.mkdir(parents=True)
    update_record(cache_dir, inputs=current)
    return emptied
