"""The edition of the data: the package metadata in ``data/package.yml`` and its cut-off date.

The cut-off date is stated once, as data: the last day the curated tables follow events to. An
interval without an end is read as holding on that day, and every chapter takes its "today" from
:func:`data_cutoff`, so moving the date is a one-line change to ``data/package.yml``.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import yaml

from .codebook.fields import DATE_FORMAT
from .paths import data_dir
from .read import DataError, Problem

#: The hand-written package metadata, in the data folder.
PACKAGE_FILE = "package.yml"

#: Keys ``data/package.yml`` must hold, each a non-empty value.
REQUIRED_KEYS = ("name", "title", "description", "data_cutoff", "licenses")


def package_metadata(directory: Path | None = None) -> dict:
    """The metadata in ``package.yml``, checked: every key of :data:`REQUIRED_KEYS` present and
    ``data_cutoff`` a ``YYYY-MM-DD`` date. Raises :class:`~analysis.data.read.DataError`
    naming the file and the key otherwise."""
    path = (directory or data_dir()) / PACKAGE_FILE
    if not path.exists():
        raise DataError([Problem(path.name, None, None, "file is missing")])
    meta = yaml.safe_load(path.read_text(encoding="utf-8"))
    if not isinstance(meta, dict):
        raise DataError([Problem(path.name, None, None, "must hold a mapping of keys")])
    problems = [Problem(path.name, None, key, "required key is missing or empty")
                for key in REQUIRED_KEYS if not meta.get(key)]
    cutoff = meta.get("data_cutoff")
    if cutoff and pd.to_datetime(str(cutoff), format=DATE_FORMAT, errors="coerce") is pd.NaT:
        problems.append(Problem(path.name, None, "data_cutoff",
                                f"{cutoff!r} is not a date written YYYY-MM-DD"))
    if problems:
        raise DataError(problems)
    return meta


def data_cutoff(directory: Path | None = None) -> pd.Timestamp:
    """The data cut-off date from ``package.yml``, as a day (midnight ``Timestamp``)."""
    return pd.Timestamp(str(package_metadata(directory)["data_cutoff"])).normalize()


def day_text(day: pd.Timestamp) -> str:
    """A day as the book writes it: ``2026-11-23`` -> ``"23 November 2026"``."""
    return f"{pd.Timestamp(day):%-d %B %Y}"
