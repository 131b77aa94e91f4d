"""The data cut-off date is data: stated once in data/package.yml, checked, and shown in the
book."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from analysis.data.datapackage import datapackage
from analysis.data.edition import data_cutoff, day_text, package_metadata
from analysis.data.read import DataError
from analysis.measures import snapshots


def test_the_cutoff_is_read_from_the_package_file(scratch_data: Path):
    path = scratch_data / "package.yml"
    path.write_text(path.read_text().replace(
        f'data_cutoff: "{data_cutoff():%Y-%m-%d}"', 'data_cutoff: "2030-01-31"'))
    assert data_cutoff(scratch_data) == pd.Timestamp("2030-01-31")
    assert datapackage(scratch_data)["dataCutoff"] == "2030-01-31"


def test_a_cutoff_that_is_not_a_date_names_the_file_and_key(scratch_data: Path):
    path = scratch_data / "package.yml"
    path.write_text(path.read_text().replace(f'"{data_cutoff():%Y-%m-%d}"', '"23/11/2026"'))
    with pytest.raises(DataError, match=r"package.yml, column 'data_cutoff': '23/11/2026' is not"):
        package_metadata(scratch_data)


def test_a_missing_key_is_an_error(scratch_data: Path):
    path = scratch_data / "package.yml"
    kept = [line for line in path.read_text().splitlines() if not line.startswith("title:")]
    path.write_text("\n".join(kept) + "\n")
    with pytest.raises(DataError, match=r"column 'title': required key is missing"):
        package_metadata(scratch_data)


def test_day_text_writes_the_day_as_the_book_does():
    assert day_text(pd.Timestamp("2026-11-03")) == "3 November 2026"


def test_turning_points_end_on_the_cutoff_and_drop_later_points():
    points = snapshots.turning_points("2012-12-31")
    assert list(points)[-1] == "2012-12-31"
    assert points["2012-12-31"] == snapshots.CUTOFF_LABEL
    assert "2022-01-05" not in points
    assert list(points)[:-1] == [d for d in snapshots.TURNING_POINTS if d < "2012-12-31"]
