"""The whole HTML build as ``make book`` runs it, into a folder of one's choice (the tests'
shared build and ``tools/benchmark.py`` use it)."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import yaml

from .execute import ExecutionReport, execute
from .pages import ROOT, book_config

#: Sphinx flags for every build: nitpicky, warnings are errors, report all before failing (the
#: Makefile's JB_FLAGS).
FLAGS = ("--warningiserror", "--nitpick", "--keep-going")


@dataclass
class BuildResult:
    """A finished build: what the execution step executed, and the ``jupyter-book`` process."""

    execution: ExecutionReport
    returncode: int
    stdout: str
    stderr: str

    @property
    def executed_during_render(self) -> int:
        """Notebooks Jupyter Book itself had to execute (0 when the execution step did them)."""
        return self.stdout.count("Executed notebook in")


def jupyter_book(*arguments: str, env: dict[str, str] | None = None,
                 timeout: int = 3600) -> subprocess.CompletedProcess:
    """Run this environment's ``jupyter-book`` with ``arguments``; its output is captured."""
    program = Path(sys.executable).parent / "jupyter-book"
    return subprocess.run([str(program), *arguments], capture_output=True, text=True,
                          env={**os.environ, **(env or {})}, timeout=timeout)


def build_html(output: Path, cache_path: Path, root: Path = ROOT,
               env: dict[str, str] | None = None) -> BuildResult:
    """Build the HTML book as ``make book`` does, but into ``output``/_build/html with the
    execution cache at ``cache_path``: first :func:`bookbuild.execute.execute`, then Jupyter
    Book with warnings as errors."""
    config = book_config(root)
    config["execute"]["cache"] = str(cache_path)
    output.mkdir(parents=True, exist_ok=True)
    config_file = output / "_config.yml"
    config_file.write_text(yaml.safe_dump(config), encoding="utf-8")
    execution = execute(root, cache_path)
    done = jupyter_book("build", str(root), "--path-output", str(output), "--config",
                        str(config_file), *FLAGS, env=env)
    return BuildResult(execution, done.returncode, done.stdout, done.stderr)
