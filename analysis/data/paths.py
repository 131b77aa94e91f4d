"""Where the project's files are, found from the package itself, never from the working directory."""

from __future__ import annotations

import os
from pathlib import Path

#: The repository root: the folder that holds ``analysis/`` and ``data/``.
ROOT = Path(__file__).resolve().parents[2]


def data_dir() -> Path:
    """The folder of curated CSV tables: ``$CSTO_DATA_DIR`` if set, else ``<repo>/data``."""
    override = os.environ.get("CSTO_DATA_DIR")
    return Path(override).resolve() if override else ROOT / "data"
