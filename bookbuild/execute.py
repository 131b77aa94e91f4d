"""The execution step: every chapter that is not in the execution cache, executed in parallel
before Sphinx renders the book.

Jupyter Book executes notebooks one after another while it reads them. ``make book`` first runs
:func:`execute` (``python -m bookbuild execute``), which executes every chapter not already
cached on all cores, each in a temporary folder, into jupyter-cache; the build then finds every
chapter in the cache and only renders. An unchanged chapter is never executed again. When
nothing the step depends on changed since its last complete run (the chapters' text, the
execution settings and the one fingerprint of :mod:`bookbuild.inputs`), it ends before it opens
the cache.

The pool is the standard library's, one notebook per task. jupyter-cache's own ``temp-parallel``
executor was tried in its place and was not faster: on this book's 18 chapters, two cores,
41.8 and 43.4 s here against 43.9 and 52.1 s (its ``multiprocessing.Pool.map`` hands the
notebooks out in fixed chunks of three, so the last chunk of long chapters runs on one core).

Kernels are started over IPC (:func:`kernel_config`) rather than TCP: no two kernels started
side by side can race for the same port (the race for which this step used to start a kernel
up to three times; papermill issue #511), and ipykernel has no reason to warn, once per
chapter, that TCP is unencrypted.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from .inputs import fingerprint, read_record, refresh_cache, update_record
from .pages import ROOT, book_config, notebook_files


@dataclass
class ExecutionReport:
    """What :func:`execute` did: notebooks (paths relative to the repo) by outcome."""

    executed: list[str] = field(default_factory=list)
    cached: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)


def step_fingerprint(root: Path, notebooks: Iterable[Path], inputs: str, config: dict) -> str:
    """A SHA-256 over everything the execution step depends on: each notebook's path (relative
    to ``root``, in toc order) and bytes, the fingerprint ``inputs`` of the execution inputs and
    the ``execute`` settings ``config``. Equal values mean the step would execute nothing."""
    digest = hashlib.sha256(json.dumps(config, sort_keys=True, default=str).encode())
    for path in notebooks:
        digest.update(Path(path).relative_to(root).as_posix().encode() + b"\0")
        digest.update(hashlib.sha256(Path(path).read_bytes()).digest())
    digest.update(inputs.encode())
    return digest.hexdigest()


def execute(root: Path = ROOT, cache_path: Path | None = None,
            inputs: Iterable[Path] | None = None) -> ExecutionReport:
    """Execute every toc notebook not yet in the cache, in parallel on all cores.

    Uses the cache folder and cell timeout of ``_config.yml`` (unless ``cache_path`` is given).
    The cache is emptied first if the execution inputs (:func:`bookbuild.inputs.fingerprint`,
    or the files ``inputs``) changed since it was filled. Returns which notebooks were executed,
    found cached or failed; a failed notebook's traceback is kept in the cache, and the book
    build then executes it again and stops with the error.

    When :func:`step_fingerprint` equals the one recorded by the last run that left every
    notebook in the cache, nothing can be stale: the step reports every notebook as cached
    without opening the cache or importing its machinery. When only some notebooks' text
    changed since that run (same inputs, same settings), only those are handed to the cache
    to check: reading every notebook again cost about a second for a one-chapter edit.
    """
    config = book_config(root)["execute"]
    cache_dir = Path(cache_path or root / config["cache"])
    notebooks = notebook_files(root)
    current = fingerprint(root, inputs)
    refresh_cache(cache_dir, current)  # a changed input empties the cache, and the record
    complete = step_fingerprint(root, notebooks, current, config)
    record = read_record(cache_dir)
    names = [path.relative_to(root).as_posix() for path in notebooks]
    if record.get("executed") == complete and (cache_dir / "global.db").exists():
        return ExecutionReport(cached=[str(path.relative_to(root)) for path in notebooks])
    basis = step_fingerprint(root, [], current, config)
    texts = {name: hashlib.sha256(path.read_bytes()).hexdigest()
             for name, path in zip(names, notebooks)}
    last = record.get("notebooks") if record.get("basis") == basis else None
    if isinstance(last, dict) and (cache_dir / "global.db").exists():
        # Same inputs and settings as the last complete run: only a notebook whose text changed
        # since can be missing from the cache; the others are not read again.
        changed = [path for name, path in zip(names, notebooks) if last.get(name) != texts[name]]
    else:
        changed = notebooks
    update_record(cache_dir, executed=None)
    report = _execute_stale(root, cache_dir, changed, config) if changed else ExecutionReport()
    unread = [str(path.relative_to(root)) for path in notebooks if path not in changed]
    order = {str(path.relative_to(root)): i for i, path in enumerate(notebooks)}
    report.cached = sorted(report.cached + unread, key=order.get)
    if not report.failed:
        update_record(cache_dir, executed=complete, basis=basis, notebooks=texts)
    return report


def kernel_config(folder: str):  # noqa: ANN201 - a traitlets Config
    """What a kernel executing in ``folder`` is started with: IPC transport, its Unix sockets
    ``folder``/kernel-1 to -5. The path is absolute: jupyter-client's default is relative, and
    the kernel runs in another folder than its client."""
    from traitlets.config import Config

    return Config({"KernelManager": {"transport": "ipc", "ip": os.path.join(folder, "kernel")}})


@dataclass
class _Outcome:
    """One worker's result: the executed notebook and its seconds, or why it did not finish."""

    uri: str
    notebook: object = None  # nbformat.NotebookNode once executed
    seconds: float = 0.0
    error: str | None = None  # a cell raised or timed out, or the kernel failed


def _execute_in_temporary_folder(uri: str, notebook, timeout: int) -> _Outcome:  # noqa: ANN001
    """Pool worker: execute ``notebook`` in a fresh, empty temporary folder, as the book build
    does (its kernel's sockets are in another). A chapter that leaves a file in that folder
    fails: a chapter reads the data and writes nothing where it runs."""
    import traceback

    from jupyter_cache.executors.utils import single_nb_execution

    try:
        with tempfile.TemporaryDirectory() as folder, \
                tempfile.TemporaryDirectory() as sockets:
            result = single_nb_execution(notebook, cwd=folder, timeout=timeout,
                                         allow_errors=False, config=kernel_config(sockets))
            written = sorted(path.name for path in Path(folder).iterdir())
    except Exception:  # noqa: BLE001 - the kernel failed: reported with its traceback
        return _Outcome(uri, error=traceback.format_exc())
    if written and not result.exc_string:
        return _Outcome(uri, error="the chapter wrote into the folder it runs in: "
                        + ", ".join(written))
    return _Outcome(uri, result.nb, result.time, result.exc_string)


def _execute_stale(root: Path, cache_dir: Path, notebooks: list[Path],
                   config: dict) -> ExecutionReport:
    """The work of :func:`execute` once the step's fingerprint did not match: the notebooks
    jupyter-cache does not have, executed in a process pool; only this process writes the
    cache, and it then checks that every notebook it reports as executed is there."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    from jupyter_cache import get_cache
    from jupyter_cache.base import CacheBundleIn
    from jupyter_cache.cache.db import NbProjectRecord

    cache = get_cache(str(cache_dir))
    records = [
        cache.add_nb_to_project(str(path), read_data={"name": "myst_nb_md", "type": "plugin"})
        for path in notebooks
    ]
    stale = cache.list_unexecuted(filter_pks=[record.pk for record in records])
    NbProjectRecord.remove_tracebacks([record.pk for record in stale], cache.db)
    outcomes: list[_Outcome] = []
    if stale:
        jobs = [(record.uri, cache.get_project_notebook(record.pk).nb) for record in stale]
        workers = min(len(jobs), os.cpu_count() or 1)
        with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork")) as pool:
            outcomes = list(pool.map(_execute_in_temporary_folder, *zip(*jobs),
                                     [config.get("timeout", 120)] * len(jobs)))
    logger = logging.getLogger("bookbuild.execute")
    failed = set()
    for outcome in outcomes:
        if outcome.error:
            logger.error("Execution failed: %s\n%s", outcome.uri, outcome.error)
            NbProjectRecord.set_traceback(outcome.uri, outcome.error, cache.db)
            failed.add(outcome.uri)
        else:
            cache.cache_notebook_bundle(
                CacheBundleIn(outcome.notebook, outcome.uri,
                              data={"execution_seconds": outcome.seconds}),
                check_validity=False, overwrite=True)
    executed = {record.uri: record.pk for record in stale if record.uri not in failed}
    missing = [record.uri for record in cache.list_unexecuted(filter_pks=[*executed.values()])]
    if missing:
        raise RuntimeError("executed but not found in the execution cache: "
                           + ", ".join(sorted(missing)))
    report = ExecutionReport()
    for record in records:
        name = str(Path(record.uri).relative_to(root))
        if record.uri in failed:
            report.failed.append(name)
        elif record.uri in executed:
            report.executed.append(name)
        else:
            report.cached.append(name)
    return report
