"""Building the book: which pages the table of contents lists, and executing the chapters in
parallel into the execution cache before Sphinx renders them.

Jupyter Book executes notebooks one after another while it reads them. ``make book`` first runs
:func:`execute_parallel`, which executes every chapter that is not already cached on all cores
(a process pool, each chapter in a temporary folder, the results written to jupyter-cache); the
build then finds every chapter in the cache and only renders. An unchanged chapter is never
executed again, and when nothing the chapters depend on changed since the last complete run
(their text, the data, the ``analysis`` package, the execution settings: one fingerprint, see
:func:`execution_fingerprint`), the step ends before it opens the cache.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import shutil
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from analysis.data.paths import ROOT


def toc_files(root: Path = ROOT) -> list[str]:
    """Every page in ``_toc.yml``, root first, as paths relative to ``root`` without extension."""
    toc = yaml.safe_load((root / "_toc.yml").read_text(encoding="utf-8"))
    files = [toc["root"]]

    def walk(entries: list | None) -> None:
        for entry in entries or []:
            if "file" in entry:
                files.append(entry["file"])
            walk(entry.get("sections"))
            walk(entry.get("chapters"))

    for part in toc.get("parts", []):
        walk(part.get("chapters"))
    walk(toc.get("chapters"))
    return files


def front_matter(path: Path) -> dict:
    """The YAML front matter of a MyST file (``{}`` if it has none)."""
    text = path.read_text(encoding="utf-8")
    if not text.startswith("---\n"):
        return {}
    return yaml.safe_load(text.split("---\n", 2)[1]) or {}


def notebook_files(root: Path = ROOT) -> list[Path]:
    """The pages in the toc that are executable notebooks (MyST markdown with a kernelspec)."""
    return [p for p in (root / f"{name}.md" for name in toc_files(root)) if is_notebook(p)]


def is_notebook(path: Path) -> bool:
    """Whether a MyST markdown file is an executable notebook (its front matter has a kernelspec)."""
    return path.suffix == ".md" and path.exists() and "kernelspec" in front_matter(path)


def notebook_json(path: Path) -> str:
    """A MyST notebook as ``.ipynb`` text, for readers who open it in Jupyter without jupytext.

    The cells and metadata are those jupytext reads, without outputs (the reader executes it).
    jupytext gives each cell a random id; here the ids are numbered, so two builds of one source
    give the same bytes.
    """
    import jupytext

    notebook = jupytext.read(path)
    for number, cell in enumerate(notebook.cells, start=1):
        cell["id"] = f"cell-{number}"
    return jupytext.writes(notebook, fmt="ipynb")


def book_config(root: Path = ROOT) -> dict:
    """The book's ``_config.yml`` as a dict."""
    return yaml.safe_load((root / "_config.yml").read_text(encoding="utf-8"))


#: The file in the execution cache that records which inputs its outputs were computed from.
FINGERPRINT_FILE = "csto-inputs.sha256"

#: The file in the execution cache that records the last run of :func:`execute_parallel` after
#: which every chapter was in the cache: the :func:`execution_fingerprint` of that run.
COMPLETE_FILE = "csto-complete.sha256"

#: The ``analysis`` package this module belongs to (the code that the build runs).
PACKAGE = ROOT / "analysis"


def execution_inputs(root: Path = ROOT) -> list[Path]:
    """What the chapters read besides their own text: the data, ``CITATION.cff`` (the changelog
    names the edition) and the files of the ``analysis`` package that the chapters run (the
    modules they import, directly or not, and the package's files that are not Python:
    :func:`bookbuild.imports.files_run_by`).

    The execution cache knows only a notebook's code; a change to any of these files must make
    every cached output stale, or the book would show numbers from the old data. A change to
    code no chapter runs (the build, the Sphinx extensions, the PDF printer) leaves it valid.
    """
    from .imports import files_run_by

    return [root / "data", root / "CITATION.cff",
            *files_run_by(notebook_files(root), root / "analysis")]


def data_inputs(data: Path) -> list[Path]:
    """What validating the data, writing the bibliography and reading the cut-off date depend
    on: the data folder ``data`` and the code that does it (``analysis/data`` and the BibTeX
    writer, :mod:`analysis.publish.bibliography`)."""
    return [Path(data), PACKAGE / "__init__.py", PACKAGE / "data",
            PACKAGE / "publish" / "bibliography.py"]


def inputs_fingerprint(paths: Iterable[Path]) -> str:
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


def execution_fingerprint(root: Path, notebooks: Iterable[Path], inputs: Iterable[Path],
                          config: dict) -> str:
    """A SHA-256 over everything the execution step depends on: each notebook's path (relative
    to ``root``, in toc order) and bytes, the files under ``inputs`` and the ``execute``
    settings ``config``. Equal fingerprints mean the step would execute nothing."""
    digest = hashlib.sha256(json.dumps(config, sort_keys=True, default=str).encode())
    for path in notebooks:
        digest.update(Path(path).relative_to(root).as_posix().encode() + b"\0")
        digest.update(hashlib.sha256(Path(path).read_bytes()).digest())
    digest.update(inputs_fingerprint(inputs).encode())
    return digest.hexdigest()


def write_atomically(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` so that a reader (another build at the same time) sees the old
    file or the new one, never a part: a temporary file in the same folder, then renamed."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    temporary.write_text(text, encoding="utf-8")
    os.replace(temporary, path)


def refresh_cache(cache_path: Path, inputs: Iterable[Path]) -> bool:
    """Empty the execution cache if ``inputs`` changed since it was filled.

    Returns True when a cache was emptied (every chapter executes again), False when it is
    still valid or did not exist yet. A cache without a record of its inputs is emptied too.
    """
    cache_path = Path(cache_path)
    stamp = cache_path / FINGERPRINT_FILE
    current = inputs_fingerprint(inputs)
    if stamp.exists() and stamp.read_text(encoding="utf-8") == current:
        return False
    emptied = cache_path.exists() and any(cache_path.iterdir())
    if cache_path.exists():
        shutil.rmtree(cache_path)
    cache_path.mkdir(parents=True)
    stamp.write_text(current, encoding="utf-8")
    return emptied


@dataclass
class ExecutionReport:
    """What :func:`execute_parallel` did: notebooks (paths relative to the repo) by outcome."""

    executed: list[str] = field(default_factory=list)
    cached: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)


#: How often a worker starts a kernel for one notebook before it reports the notebook as failed.
#: Kernels started side by side can lose a race for the same TCP port (jupyter_client picks free
#: ports and releases them before the kernel binds them; papermill issue #511): the kernel dies
#: before it answers, and a fresh start with fresh ports succeeds.
KERNEL_START_ATTEMPTS = 3


@dataclass
class _Outcome:
    """One worker's result: the executed notebook, or the traceback of why it did not finish."""

    uri: str
    notebook: object = None  # nbformat.NotebookNode once executed
    seconds: float = 0.0
    attempts: int = 1
    cell_error: str | None = None  # a cell raised or timed out: the notebook's own fault
    problem: str | None = None  # the kernel would not run it, after every attempt


def _execute_in_temporary_folder(uri: str, notebook, timeout: int) -> _Outcome:
    """Pool worker: execute ``notebook`` in a fresh temporary folder, as the book build does.

    A cell error ends the attempt at once; any other error (the kernel died or would not start)
    is retried up to :data:`KERNEL_START_ATTEMPTS` times before it is reported.
    """
    import copy
    import tempfile
    import traceback

    from jupyter_cache.executors.utils import single_nb_execution

    problem = None
    for attempt in range(1, KERNEL_START_ATTEMPTS + 1):
        try:
            with tempfile.TemporaryDirectory() as folder:
                result = single_nb_execution(copy.deepcopy(notebook), cwd=folder,
                                             timeout=timeout, allow_errors=False)
        except Exception:  # noqa: BLE001 - reported with its traceback after the last attempt
            problem = traceback.format_exc()
            continue
        return _Outcome(uri, result.nb, result.time, attempt, cell_error=result.exc_string)
    return _Outcome(uri, attempts=KERNEL_START_ATTEMPTS, problem=problem)


def execute_parallel(root: Path = ROOT, cache_path: Path | None = None,
                     inputs: Iterable[Path] | None = None) -> ExecutionReport:
    """Execute every toc notebook not yet in the cache, in parallel on all cores.

    Uses the cache folder and cell timeout of ``_config.yml`` (unless ``cache_path`` is given) and
    runs each notebook in a temporary folder, as the book build does. The cache is emptied first
    if any of ``inputs`` (default :func:`execution_inputs`) changed since it was filled. Returns
    which notebooks were executed, found cached or failed; a failed notebook's traceback is kept
    in the cache, and the book build then executes it again and stops with the error.

    When the :func:`execution_fingerprint` equals the one recorded (:data:`COMPLETE_FILE`) by the
    last run that left every notebook in the cache, nothing can be stale: the step reports every
    notebook as cached without opening the cache or importing its machinery.

    Worker processes only execute; this process alone writes the cache, and afterwards checks
    that every notebook it reports as executed is found in the cache.
    """
    config = book_config(root)["execute"]
    cache_dir = Path(cache_path or root / config["cache"])
    inputs = list(execution_inputs(root) if inputs is None else inputs)
    notebooks = notebook_files(root)
    fingerprint = execution_fingerprint(root, notebooks, inputs, config)
    complete = cache_dir / COMPLETE_FILE
    refresh_cache(cache_dir, inputs)  # a changed input empties the cache, the record with it
    if (complete.exists() and complete.read_text(encoding="utf-8") == fingerprint
            and (cache_dir / "global.db").exists()):
        return ExecutionReport(cached=[str(path.relative_to(root)) for path in notebooks])
    complete.unlink(missing_ok=True)
    report = _execute_stale(root, cache_dir, notebooks, config)
    if not report.failed:
        write_atomically(complete, fingerprint)
    return report


def _execute_stale(root: Path, cache_dir: Path, notebooks: list[Path],
                   config: dict) -> ExecutionReport:
    """The work of :func:`execute_parallel` once the fingerprint did not match."""
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
    logger = logging.getLogger("bookbuild.execute")
    outcomes: list[_Outcome] = []
    if stale:
        jobs = [(record.uri, cache.get_project_notebook(record.pk).nb) for record in stale]
        workers = min(len(jobs), os.cpu_count() or 1)
        with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork")) as pool:
            outcomes = list(pool.map(_execute_in_temporary_folder, *zip(*jobs),
                                     [config.get("timeout", 120)] * len(jobs)))
    failed = set()
    for outcome in outcomes:
        if outcome.attempts > 1:
            logger.warning("%s: the kernel was started %d times", outcome.uri, outcome.attempts)
        error = outcome.problem or outcome.cell_error
        if error:
            logger.error("Execution failed: %s\n%s", outcome.uri, error)
            NbProjectRecord.set_traceback(outcome.uri, error, cache.db)
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


@dataclass
class BuildResult:
    """A finished build: what the parallel step executed, and the ``jupyter-book`` process."""

    execution: ExecutionReport
    returncode: int
    stdout: str
    stderr: str

    @property
    def executed_during_render(self) -> int:
        """Notebooks Jupyter Book itself had to execute (0 when the parallel step did them all)."""
        return self.stdout.count("Executed notebook in")


def build_html(output: Path, cache_path: Path, root: Path = ROOT,
               env: dict[str, str] | None = None) -> BuildResult:
    """Build the HTML book as ``make book`` does, but into ``output``/_build/html with the
    execution cache at ``cache_path``: first :func:`execute_parallel`, then Jupyter Book with
    warnings as errors."""
    import os
    import subprocess
    import sys

    config = book_config(root)
    config["execute"]["cache"] = str(cache_path)
    output.mkdir(parents=True, exist_ok=True)
    config_file = output / "_config.yml"
    config_file.write_text(yaml.safe_dump(config), encoding="utf-8")
    execution = execute_parallel(root, cache_path)
    jupyter_book = Path(sys.executable).parent / "jupyter-book"
    done = subprocess.run(
        [str(jupyter_book), "build", str(root), "--path-output", str(output), "--config",
         str(config_file), "--warningiserror", "--nitpick", "--keep-going"],
        capture_output=True, text=True, env={**os.environ, **(env or {})}, timeout=3600,
    )
    return BuildResult(execution, done.returncode, done.stdout, done.stderr)
