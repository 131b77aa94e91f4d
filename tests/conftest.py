"""Shared fixtures: the real tables, a scratch copy of data/ to break, and one clean book build.

`make test` runs the tests on all cores (pytest-xdist, ``-n auto``). The clean book build that
tests/test_book.py, tests/test_html.py and tests/test_browser.py read is made ONCE per run, not
once per worker: the first worker whose tests need it starts it in the background (guarded by a
lock file in the run's shared temporary folder, which every worker of one run sees), the tests
that read it are run last, and each worker's :func:`built_book` waits for that one build.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path
from types import SimpleNamespace

import pytest

from analysis.data.load import load_all
from analysis.data.paths import ROOT, data_dir

BIN = Path(sys.executable).parent

#: How long a worker waits for the shared book build before failing.
BUILD_TIMEOUT = 3600

#: The build, as `make book` makes it (tools/benchmark.py times the same function): a clean
#: build (empty execution cache) into a fresh folder, so nothing from an earlier build is reused.
#: Its outcome is written to ``result.json`` whatever happens.
_BUILD_SCRIPT = """
import fcntl, json, os, sys, traceback
from pathlib import Path
out = Path(sys.argv[1])
record = {"returncode": 1, "stdout": "", "stderr": ""}
try:
    lock = open(sys.argv[2], "a")
    fcntl.flock(lock, fcntl.LOCK_EX)  # the source-folder lock, held until the process ends
    from bookbuild.build import build_html
    result = build_html(out, out / "cache", env={"SOURCE_DATE_EPOCH": "1700000000"})
    # A chapter the execution step failed fails the build, as `make book` stops after the step
    # (Jupyter Book would execute it again by itself, without the step's rules).
    failed = "".join(f"the execution step failed {name} (build.log)\\n"
                     for name in result.execution.failed)
    record = {"returncode": result.returncode or int(bool(failed)),
              "stdout": result.stdout[-4000:], "stderr": failed + result.stderr[-4000:]}
except BaseException:
    record["stderr"] = traceback.format_exc()
finally:
    (out / "result.json.tmp").write_text(json.dumps(record))
    os.replace(out / "result.json.tmp", out / "result.json")
"""


@pytest.fixture(scope="session")
def tables():
    """Every real table, validated."""
    return load_all()


@pytest.fixture(scope="session")
def check_report() -> SimpleNamespace:
    """What ``python -m analysis check`` reports on the real data: its exit status and what it
    prints, from its ``main`` in this process (tests/test_data.py runs the command itself once,
    on broken data)."""
    import io
    from contextlib import redirect_stderr, redirect_stdout

    from analysis.__main__ import main

    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        status = main(["check"])
    return SimpleNamespace(status=status, stdout=out.getvalue(), stderr=err.getvalue())


@pytest.fixture
def scratch_data(tmp_path: Path) -> Path:
    """A copy of data/ that a test may break."""
    target = tmp_path / "data"
    shutil.copytree(data_dir(), target)
    return target


def shared_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder every worker of this test run shares (the run's own temporary folder when the
    tests run in one process)."""
    base = tmp_path_factory.getbasetemp()
    return base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base


@contextlib.contextmanager
def locked(path: Path):
    """Hold an exclusive lock on the file ``path`` (created if missing) while in the block."""
    with open(path, "a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _source_lock_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return shared_dir(tmp_path_factory) / "book-source.lock"


def source_lock(tmp_path_factory: pytest.TempPathFactory) -> contextlib.AbstractContextManager:
    """Held while a build reads the project's own source folder, as the shared book build holds
    it: builds write ``book/_generated/`` there, so two never run at once."""
    return locked(_source_lock_file(tmp_path_factory))


@pytest.fixture
def book_source_lock(tmp_path_factory: pytest.TempPathFactory):
    """:func:`source_lock`, held for the whole test."""
    with source_lock(tmp_path_factory):
        yield


def _start_shared_build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Start the run's one book build in the background unless a worker already did; returns
    its folder."""
    out = shared_dir(tmp_path_factory) / "book"
    with locked(shared_dir(tmp_path_factory) / "book-start.lock"):
        if not (out / "pid").exists():
            out.mkdir(exist_ok=True)
            env = {**os.environ, "PYTHONPATH": os.pathsep.join(
                filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))}
            with open(out / "build.log", "w") as log:
                process = subprocess.Popen(
                    [sys.executable, "-c", _BUILD_SCRIPT, str(out),
                     str(_source_lock_file(tmp_path_factory))],
                    cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
            _STARTED[str(out)] = process
            (out / "pid").write_text(str(process.pid))
    return out


#: The build processes this worker started (the others it only waits for).
_STARTED: dict[str, subprocess.Popen] = {}


def _running(out: Path, pid: int) -> bool:
    process = _STARTED.get(str(out))
    if process is not None:
        return process.poll() is None
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        pass
    return True


def _needs_book(item: pytest.Item) -> bool:
    return "built_book" in getattr(item, "fixturenames", ())


@pytest.hookimpl(tryfirst=True)  # before pytest-xdist reads the groups
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    # The tests that read the built book run last, so the other tests keep the cores busy
    # while it builds. Every worker collects the same items and sorts them the same way.
    items.sort(key=_needs_book)
    # The browser tests of one page run on one worker (the Makefile's --dist loadgroup), which
    # visits the page once; spread over both, one worker waited while the other visited.
    for item in items:
        page = getattr(item, "callspec", None) and item.callspec.params.get("page_path")
        if page and item.get_closest_marker("browser"):
            item.add_marker(pytest.mark.xdist_group(f"page {page}"))


@pytest.fixture(scope="session", autouse=True)
def _book_build_in_background(request: pytest.FixtureRequest,
                              tmp_path_factory: pytest.TempPathFactory) -> None:
    """Start the shared book build as soon as a worker starts, if any selected test reads it."""
    if any(_needs_book(item) for item in request.session.items):
        _start_shared_build(tmp_path_factory)


@pytest.fixture(scope="session")
def built_book(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A clean build of the whole book (empty execution cache), made as `make book` makes it,
    into a fresh folder so nothing from an earlier build is reused; one build per test run,
    shared by all workers. Returns the HTML folder."""
    out = _start_shared_build(tmp_path_factory)
    pid = int((out / "pid").read_text())
    deadline = time.monotonic() + BUILD_TIMEOUT
    while not (out / "result.json").exists():
        if not _running(out, pid) and not (out / "result.json").exists():
            pytest.fail(f"the book build (pid {pid}) ended without a result:\n"
                        + (out / "build.log").read_text()[-4000:])
        if time.monotonic() > deadline:
            pytest.fail(f"the book build did not finish in {BUILD_TIMEOUT} s")
        time.sleep(0.5)
    result = json.loads((out / "result.json").read_text())
    if result["returncode"] != 0:
        pytest.fail(f"book build failed:\n{result['stdout']}\n{result['stderr']}")
    return out / "_build" / "html"
