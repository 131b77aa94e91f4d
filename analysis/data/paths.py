"""Where the project's files are, found from the package itself, never from the working
directory."""

from __future__ import annotations

from pathlib import Path

#: The repository root: the folder that holds ``analysis/`` and ``data/``.
ROOT = Path(__file__).resolve().parents[2]


def data_dir() -> Path:
    """The folder of curated CSV tables, ``<repo>/data``."""
    return ROOT / "data"
