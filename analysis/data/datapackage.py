"""``data/datapackage.json``: the tables as a Frictionless Data Package, generated from the
codebook and, for the licences, from ``origins.csv``.

The package's own licence (CC BY 4.0, from ``package.yml``) covers the book's curated tables.
Each external table (a vendored extract, named by a row of ``origins``) carries its own
``licenses`` and ``sources``: its publisher's terms, which the book's licence does not override.
An external table that no origin names has no licence, and the descriptor is not written.

Anyone can then load or validate the tables with standard tools (``frictionless validate
data/datapackage.json``), outside this project too. The file is committed; a test checks that it
matches what :func:`datapackage` generates, so the two never drift apart.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

from .codebook import TABLES
from .codebook.fields import KIND_PATTERNS, LIST_KINDS, Field, Table, split_list
from .codebook.policy import LICENCES
from .edition import package_metadata
from .paths import data_dir

#: Tables of the book's own making that carry no ``source`` column (the package licence covers
#: them); every other table without one is an external extract and needs its own licence.
OWN_TABLES: tuple[str, ...] = ("sources", "origins", "excluded_hosts")

_TYPES = {
    "string": "string",
    "id": "string",
    "date": "date",
    "partial_date": "string",
    "integer": "integer",
    "number": "number",
    "category": "string",
    "state": "string",
    "states": "string",
    "sources": "string",
    "ids": "string",
    "url": "string",
}

def _field(table: Table, f: Field) -> dict:
    out: dict = {"name": f.name, "type": _TYPES[f.kind], "description": f.description}
    if f.kind == "date":
        out["format"] = "%Y-%m-%d"
    if f.unit:
        out["unit"] = f.unit
    constraints: dict = {}
    if f.required or f.name in table.primary_key:
        constraints["required"] = True
    if table.primary_key == (f.name,) or f.unique:
        constraints["unique"] = True
    if f.enum is not None:
        constraints["enum"] = list(f.enum)
    # A kind's pattern only where the type does not already say it (dates, numbers).
    pattern = f.pattern or (KIND_PATTERNS.get(f.kind) if _TYPES[f.kind] == "string" else None)
    if pattern:
        # Frictionless patterns match the whole value; drop the anchors our regexes carry.
        constraints["pattern"] = pattern.removeprefix("^").removesuffix("$")
    if constraints:
        out["constraints"] = constraints
    return out


def _foreign_keys(table: Table) -> list[dict]:
    keys = []
    for f in table.fields:
        # Lists in one cell (``states``, ``sources``, ``ids``) cannot be expressed as Frictionless
        # foreign keys; their descriptions say what they reference and analysis.data.validate
        # checks them.
        # A column with values outside the referenced table (non-state suppliers) is checked by
        # analysis.data.validate, which knows the exceptions.
        if f.ref and f.kind not in LIST_KINDS and not f.ref_exempt:
            resource, field = f.ref.split(".")
            keys.append({"fields": f.name, "reference": {"resource": resource, "fields": field}})
    return keys


def external_terms(directory: Path | None = None) -> dict[str, dict[str, list[dict]]]:
    """Each external table's ``licenses`` and ``sources``, from the rows of ``origins.csv`` in
    ``directory`` that name it (a table several origins feed carries each one's terms).

    Raises :class:`ValueError` naming any table without a ``source`` column (other than
    :data:`OWN_TABLES`) that no origin names: an external table without its own licence."""
    path = (directory or data_dir()) / "origins.csv"
    with path.open(newline="", encoding="utf-8") as fh:
        origins = list(csv.DictReader(fh))
    terms: dict[str, dict[str, list[dict]]] = {}
    for row in origins:
        licence = {"name": row["licence"], "title": LICENCES.get(row["licence"], row["licence"]),
                   "path": row["licence_url"]}
        source = {"title": f"{row['title']} ({row['producer']})", "path": row["url_main"]}
        for name in split_list(row["tables"]):
            entry = terms.setdefault(name, {"licenses": [], "sources": []})
            for key, item in (("licenses", licence), ("sources", source)):
                if item not in entry[key]:
                    entry[key].append(item)
    unlicensed = [t.name for t in TABLES.values()
                  if "source" not in t.field_names and t.name not in OWN_TABLES
                  and not terms.get(t.name, {}).get("licenses")]
    if unlicensed:
        raise ValueError(f"external table(s) without their own licence: {unlicensed} (no row of "
                         "origins.csv names them)")
    return terms


def datapackage(directory: Path | None = None) -> dict:
    """The Data Package descriptor for every table in :data:`analysis.data.codebook.TABLES`, with
    the package metadata (cut-off date included) from ``package.yml`` in ``directory``, and each
    external table's own licence and source (:func:`external_terms`)."""
    terms = external_terms(directory)
    resources = []
    for table in TABLES.values():
        schema: dict = {
            "fields": [_field(table, f) for f in table.fields],
            "primaryKey": list(table.primary_key),
        }
        foreign = _foreign_keys(table)
        if foreign:
            schema["foreignKeys"] = foreign
        resources.append({
            "name": table.name,
            "title": table.title,
            "description": table.description,
            "path": table.filename,
            "format": "csv",
            "mediatype": "text/csv",
            "encoding": "utf-8",
            # Stated, so a validator does not guess the dialect from the first lines (frictionless
            # guessed summit_attendance's wrong and read its header as too few fields).
            "dialect": {"delimiter": ",", "quoteChar": '"', "header": True},
            "schema": schema,
            **terms.get(table.name, {}),
        })
    meta = package_metadata(directory)
    return {
        "name": meta["name"],
        "title": meta["title"],
        "description": meta["description"],
        "dataCutoff": str(meta["data_cutoff"]),
        "licenses": meta["licenses"],
        "sources": [{"title": "Public sources listed row by row in sources.csv",
                     "path": "sources.csv"}],
        "resources": resources,
    }


def datapackage_json(directory: Path | None = None) -> str:
    """The descriptor as the exact text of ``data/datapackage.json``."""
    return json.dumps(datapackage(directory), indent=2, ensure_ascii=False) + "\n"


def write_datapackage(directory: Path) -> Path:
    """Write ``datapackage.json`` into ``directory``; returns its path."""
    path = directory / "datapackage.json"
    path.write_text(datapackage_json(directory), encoding="utf-8")
    return path
