"""Shared fixtures: the real tables, a scratch copy of data/ to break, and one clean book build."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from analysis.load import load_all
from analysis.paths import ROOT, data_dir

BIN = Path(sys.executable).parent


@pytest.fixture(scope="session")
def tables():
    """Every real table, validated."""
    return load_all()


@pytest.fixture
def scratch_data(tmp_path: Path) -> Path:
    """A copy of data/ that a test may break."""
    target = tmp_path / "data"
    shutil.copytree(data_dir(), target)
    return target


def toc_files() -> list[str]:
    """Every page listed in _toc.yml (root first), as paths without extension."""
    toc = yaml.safe_load((ROOT / "_toc.yml").read_text())
    files = [toc["root"]]

    def walk(entries):
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
    """The YAML front matter of a MyST file ({} if it has none)."""
    text = path.read_text(encoding="utf-8")
    if not text.startswith("---\n"):
        return {}
    return yaml.safe_load(text.split("---\n", 2)[1]) or {}


def notebook_files() -> list[Path]:
    """The pages in the toc that are executable notebooks (MyST markdown with a kernelspec)."""
    paths = [ROOT / f"{name}.md" for name in toc_files()]
    return [p for p in paths if p.exists() and "kernelspec" in front_matter(p)]


def build_book(source: Path, output: Path, extra_env: dict | None = None) -> subprocess.CompletedProcess:
    """Run the same Jupyter Book build as `make book`, into ``output``."""
    env = {**os.environ, **(extra_env or {})}
    return subprocess.run(
        [str(BIN / "jupyter-book"), "build", str(source), "--path-output", str(output),
         "--warningiserror", "--nitpick", "--keep-going"],
        capture_output=True, text=True, env=env, timeout=1800,
    )


@pytest.fixture(scope="session")
def built_book(tmp_path_factory) -> Path:
    """A clean build of the whole book (empty execution cache), as `make book` makes it.

    The book's own _config.yml keeps the execution cache under _build/; this build goes into a
    fresh folder so nothing from an earlier build is reused.
    """
    out = tmp_path_factory.mktemp("book")
    config = yaml.safe_load((ROOT / "_config.yml").read_text())
    config["execute"]["cache"] = str(out / "cache")
    cfg = out / "_config.yml"
    cfg.write_text(yaml.safe_dump(config))
    env = {"SOURCE_DATE_EPOCH": "1700000000"}
    result = subprocess.run(
        [str(BIN / "jupyter-book"), "build", str(ROOT), "--path-output", str(out),
         "--config", str(cfg), "--warningiserror", "--nitpick", "--keep-going"],
        capture_output=True, text=True, env={**os.environ, **env}, timeout=1800,
    )
    if result.returncode != 0:
        pytest.fail(f"book build failed:\n{result.stdout[-4000:]}\n{result.stderr[-4000:]}")
    return out / "_build" / "html"
