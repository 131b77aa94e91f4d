"""data/datapackage.json is generated from the codebook and valid for standard tools."""

from __future__ import annotations

import json
import shutil

import frictionless

from analysis.data.codebook import TABLES
from analysis.data.datapackage import datapackage_json
from analysis.data.paths import data_dir


def test_committed_descriptor_matches_the_codebook():
    committed = (data_dir() / "datapackage.json").read_text(encoding="utf-8")
    assert committed == datapackage_json(), "run: python -m analysis datapackage"


def test_every_table_is_a_resource_with_its_keys():
    descriptor = json.loads(datapackage_json())
    resources = {r["name"]: r for r in descriptor["resources"]}
    assert set(resources) == set(TABLES)
    votes = resources["un_votes"]["schema"]
    assert votes["primaryKey"] == ["resolution", "state"]
    assert {"fields": "state", "reference": {"resource": "states", "fields": "iso3"}} in \
        votes["foreignKeys"]


def test_frictionless_validates_the_real_tables():
    report = frictionless.validate(str(data_dir() / "datapackage.json"))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "message"])[:10]


def _with_references(resources: dict[str, dict], name: str) -> set[str]:
    """``name`` and every resource its foreign keys reach, directly or through another."""
    found, todo = {name}, [name]
    while todo:
        for key in resources[todo.pop()].get("schema", {}).get("foreignKeys", []):
            other = key["reference"].get("resource") or name
            if other not in found:
                found.add(other)
                todo.append(other)
    return found


def test_frictionless_catches_a_broken_foreign_key(tmp_path):
    # The package cut down to un_votes and the tables its keys reach (the whole package is
    # validated above): the same descriptors, so the same rules, on a tenth of the rows.
    descriptor = json.loads((data_dir() / "datapackage.json").read_text(encoding="utf-8"))
    resources = {r["name"]: r for r in descriptor["resources"]}
    keep = _with_references(resources, "un_votes")
    assert keep == {"un_votes", "states", "un_resolutions"}
    target = tmp_path / "data"
    target.mkdir()
    descriptor["resources"] = [r for r in descriptor["resources"] if r["name"] in keep]
    (target / "datapackage.json").write_text(json.dumps(descriptor), encoding="utf-8")
    for resource in descriptor["resources"]:
        shutil.copy(data_dir() / resource["path"], target / resource["path"])
    assert frictionless.validate(str(target / "datapackage.json")).valid  # intact, it passes
    votes = target / "un_votes.csv"
    lines = votes.read_text(encoding="utf-8").splitlines()
    lines[1] = lines[1].replace(",RUS,", ",ZZZ,", 1) if ",RUS," in lines[1] else \
        lines[1].split(",")[0] + ",ZZZ," + ",".join(lines[1].split(",")[2:])
    votes.write_text("\n".join(lines) + "\n", encoding="utf-8")
    report = frictionless.validate(str(target / "datapackage.json"))
    assert not report.valid
    assert "foreign-key" in {row[0] for row in report.flatten(["type"])}
