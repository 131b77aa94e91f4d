"""Shared fixtures: the real tables, a scratch copy of data/ to break, and one clean book build."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

from analysis.publish.build import build_html
from analysis.data.load import load_all
from analysis.data.paths import data_dir

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


@pytest.fixture(scope="session")
def built_book(tmp_path_factory) -> Path:
    """A clean build of the whole book (empty execution cache), made as `make book` makes it,
    into a fresh folder so nothing from an earlier build is reused. Returns the HTML folder."""
    out = tmp_path_factory.mktemp("book")
    result = build_html(out, out / "cache", env={"SOURCE_DATE_EPOCH": "1700000000"})
    if result.returncode != 0:
        pytest.fail(f"book build failed:\n{result.stdout[-4000:]}\n{result.stderr[-4000:]}")
    return out / "_build" / "html"
