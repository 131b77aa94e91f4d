"""The layers, as import-linter checks them (contracts in pyproject.toml; `make lint` runs
`lint-imports` too): inside analysis, publish -> charts -> measures -> data, one way only, every
module in a layer; the toolchain (bookbuild) above analysis, never imported by it."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from analysis.data.paths import ROOT

LINT_IMPORTS = Path(sys.executable).parent / "lint-imports"


def _lint(root: Path) -> subprocess.CompletedProcess:
    return subprocess.run([str(LINT_IMPORTS), "--no-cache", "--no-logo"], cwd=root,
                          capture_output=True, text=True, timeout=300)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A copy of the two packages and of pyproject.toml, to break."""
    for name in ("analysis", "bookbuild"):
        shutil.copytree(ROOT / name, tmp_path / name,
                        ignore=shutil.ignore_patterns("__pycache__", "vendor"))
    shutil.copyfile(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    return tmp_path


def _append(path: Path, line: str) -> None:
    with open(path, "a", encoding="utf-8") as handle:
        handle.write(f"\n{line}\n")


def test_the_project_keeps_its_contracts():
    done = _lint(ROOT)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "2 kept, 0 broken" in done.stdout


def test_the_copy_is_what_is_linted(project: Path):
    done = _lint(project)
    assert done.returncode == 0, done.stdout + done.stderr


@pytest.mark.parametrize(("module", "line", "broken"), [
    # an upward import at the top of a module
    ("analysis/data/paths.py", "from analysis.charts import style", "publish -> charts"),
    # an upward import inside a function, relative
    ("analysis/measures/votes.py", "def later():\n    from ..publish import book",
     "publish -> charts"),
    # the book's code reaching the toolchain
    ("analysis/publish/book.py", "import bookbuild.pages", "The toolchain sits above"),
])
def test_an_upward_import_breaks_a_contract(project: Path, module: str, line: str, broken: str):
    _append(project / module, line)
    done = _lint(project)
    assert done.returncode == 1
    assert "1 broken" in done.stdout
    verdicts = [line for line in done.stdout.splitlines() if line.endswith(("KEPT", "BROKEN"))]
    assert [line for line in verdicts if line.endswith("BROKEN")] == [
        next(line for line in verdicts if broken in line)]


def test_a_module_outside_every_layer_breaks_the_contract(project: Path):
    (project / "analysis" / "helpers.py").write_text('"""Loose."""\n', encoding="utf-8")
    done = _lint(project)
    assert done.returncode == 1 and "analysis.helpers" in done.stdout
