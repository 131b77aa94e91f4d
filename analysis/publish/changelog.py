"""What changed since the previous edition: the tables compared with a small snapshot of them.

Each released edition leaves a snapshot in ``data/editions/<version>/``: ``edition.yml`` (the
version, its commit and date, and each table's key and source columns) and one CSV per table,
holding every row's key, its sources and its other fields, where a long text (more than
:data:`LONG` characters: a note, a description) is kept only as a short digest. That is enough
to tell which rows were added, removed or changed, and in which fields, at a fraction of the
tables' size, so a shallow clone builds the page too. :func:`snapshot` makes one
(``python -m analysis.publish.changelog snapshot <version> <commit>`` reads the tables of a past
commit with git), :func:`compare_table` and :func:`compare_editions` compare, and
:func:`changelog_markdown` writes the appendix "What changed" (``book/changelog.md``).
"""

from __future__ import annotations

import hashlib
import io
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
import yaml

from ..data.codebook import TABLES
from ..data.paths import ROOT, data_dir

#: Where the snapshots of past editions are kept.
EDITIONS = ROOT / "data" / "editions"
#: Texts longer than this are kept in a snapshot as a digest only.
LONG = 60
#: Columns always kept whole (an address is needed to list a removed source).
KEEP_WHOLE = ("url",)
#: The prefix that marks a digest in a snapshot.
DIGEST = "sha256:"


@dataclass(frozen=True)
class TableSpec:
    """How to compare one table: its key columns and the columns that name its sources."""

    key: tuple[str, ...]
    sources: tuple[str, ...] = ()


def table_spec(name: str, columns: list[str]) -> TableSpec:
    """The key and source columns of table ``name`` from the codebook
    (:data:`analysis.data.codebook.TABLES`); a table the codebook does not know, or whose key
    columns it lacks, is keyed on its first column."""
    table = TABLES.get(name)
    if table is not None and set(table.primary_key) <= set(columns):
        sources = tuple(f.name for f in table.fields if f.kind == "sources" and f.name in columns)
        return TableSpec(tuple(table.primary_key), sources)
    return TableSpec((columns[0],))


def digest(text: str) -> str:
    """A long text's stand-in: ``sha256:`` and the first 12 hex digits of its SHA-256."""
    return DIGEST + hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]


def reduce(frame: pd.DataFrame, spec: TableSpec) -> pd.DataFrame:
    """A table as a snapshot keeps it: every value a string; a value longer than :data:`LONG`
    characters, outside the key, the source and the :data:`KEEP_WHOLE` columns, replaced by its
    :func:`digest`. Rows sorted by key."""
    frame = frame.astype(str).copy()
    whole = set(spec.key) | set(spec.sources) | set(KEEP_WHOLE)
    for column in frame.columns:
        if column in whole:
            continue
        long = frame[column].str.len() > LONG
        frame.loc[long, column] = frame.loc[long, column].map(digest)
    return frame.sort_values(list(spec.key), kind="stable").reset_index(drop=True)


def read_csv_text(text: str) -> pd.DataFrame:
    """A CSV's rows as strings, exactly as written (empty cells stay empty strings)."""
    return pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False)


def snapshot(tables: dict[str, pd.DataFrame], target: Path, version: str, commit: str,
             date: str) -> dict:
    """Write a snapshot of ``tables`` (raw, as :func:`read_csv_text` reads them) to ``target``:
    one reduced CSV per table and ``edition.yml``. Returns the metadata written."""
    target.mkdir(parents=True, exist_ok=True)
    meta = {"version": version, "commit": commit, "date": date, "long_text_digest": LONG,
            "tables": {}}
    for name, frame in sorted(tables.items()):
        spec = table_spec(name, list(frame.columns))
        reduce(frame, spec).to_csv(target / f"{name}.csv", index=False, lineterminator="\n")
        meta["tables"][name] = {"key": list(spec.key), "sources": list(spec.sources)}
    (target / "edition.yml").write_text(yaml.safe_dump(meta, sort_keys=False), encoding="utf-8")
    return meta


@dataclass
class TableChanges:
    """What changed in one table: rows added and removed (whole, reduced), and for each changed
    row its key and the fields that changed, each as ``(field, old, new)``."""

    name: str
    spec: TableSpec
    added: pd.DataFrame
    removed: pd.DataFrame
    changed: list[tuple[tuple[str, ...], list[tuple[str, str, str]], str]] = field(
        default_factory=list)  # (key, [(field, old, new)], sources of the new row)
    columns_added: list[str] = field(default_factory=list)
    columns_removed: list[str] = field(default_factory=list)
    new_table: bool = False
    rows: int = 0

    @property
    def empty(self) -> bool:
        """Whether nothing changed."""
        return not (len(self.added) or len(self.removed) or self.changed or self.columns_added
                    or self.columns_removed or self.new_table)


def _keys(frame: pd.DataFrame, key: tuple[str, ...]) -> list[tuple[str, ...]]:
    return list(frame[list(key)].itertuples(index=False, name=None))


def compare_table(name: str, old: pd.DataFrame | None, new: pd.DataFrame,
                  spec: TableSpec) -> TableChanges:
    """Compare the snapshot ``old`` of a table (None: the table is new) with its rows now
    (``new``, raw strings). Rows are matched on ``spec.key``; a row whose key appears twice
    in either edition is an error (ValueError naming the table and the key)."""
    current = reduce(new, spec)
    if old is None:
        return TableChanges(name, spec, added=current, removed=current.iloc[0:0],
                            new_table=True, rows=len(current))
    for label, frame in (("previous", old), ("current", current)):
        duplicated = frame.duplicated(list(spec.key), keep=False)
        if duplicated.any():
            first = tuple(frame.loc[duplicated, list(spec.key)].iloc[0])
            raise ValueError(f"{name}: key {first} appears more than once in the {label} edition")
    common = [c for c in current.columns if c in old.columns]
    old_by = dict(zip(_keys(old, spec.key), old[common].itertuples(index=False, name=None)))
    new_by = dict(zip(_keys(current, spec.key), current[common].itertuples(index=False,
                                                                           name=None)))
    added = current[[k not in old_by for k in _keys(current, spec.key)]].reset_index(drop=True)
    removed = old[[k not in new_by for k in _keys(old, spec.key)]].reset_index(drop=True)
    source_at = {c: common.index(c) for c in spec.sources if c in common}
    changed = []
    for key in _keys(current, spec.key):
        if key not in old_by or old_by[key] == new_by[key]:
            continue
        fields = [(column, before, after) for column, before, after
                  in zip(common, old_by[key], new_by[key]) if before != after]
        sources = ";".join(new_by[key][i] for i in source_at.values())
        changed.append((key, fields, sources))
    return TableChanges(
        name, spec, added, removed, changed,
        columns_added=[c for c in current.columns if c not in old.columns],
        columns_removed=[c for c in old.columns if c not in current.columns],
        rows=len(current))


def latest_edition(editions: Path = EDITIONS) -> Path:
    """The folder of the newest snapshot (by version number). Raises FileNotFoundError if
    there is none."""
    folders = [p for p in editions.glob("*") if (p / "edition.yml").exists()] \
        if editions.exists() else []
    if not folders:
        raise FileNotFoundError(f"no edition snapshot in {editions}")
    return max(folders, key=lambda p: tuple(int(x) if x.isdigit() else 0
                                            for x in p.name.split(".")))


def current_tables(directory: Path | None = None) -> dict[str, pd.DataFrame]:
    """Every CSV table in ``data/`` as raw strings, by name."""
    directory = directory or data_dir()
    return {p.stem: read_csv_text(p.read_text(encoding="utf-8"))
            for p in sorted(directory.glob("*.csv"))}


def compare_editions(previous: Path, tables: dict[str, pd.DataFrame]) -> list[TableChanges]:
    """Compare every table now (``tables``, raw) with the snapshot in ``previous``; tables in
    the snapshot that no longer exist come out with all their rows removed. In table order."""
    meta = yaml.safe_load((previous / "edition.yml").read_text(encoding="utf-8"))
    results = []
    for name in sorted(set(tables) | set(meta["tables"])):
        known = meta["tables"].get(name)
        old = read_csv_text((previous / f"{name}.csv").read_text(encoding="utf-8")) \
            if known else None
        if name not in tables:
            spec = TableSpec(tuple(known["key"]), tuple(known["sources"]))
            results.append(TableChanges(name, spec, added=old.iloc[0:0], removed=old, rows=0))
            continue
        spec = TableSpec(tuple(known["key"]), tuple(known["sources"])) if known else \
            table_spec(name, list(tables[name].columns))
        results.append(compare_table(name, old, tables[name], spec))
    return results


# --- the page --------------------------------------------------------------------------------


def _cell(text: str) -> str:
    text = str(text)
    if text.startswith(DIGEST):
        return "(long text)"
    return text.replace("|", "\\|").replace("\n", " ") or "(empty)"


def _sources_text(ids: str, urls: dict[str, str]) -> str:
    parts = []
    for source in [s.strip() for s in str(ids).split(";") if s.strip()]:
        url = urls.get(source)
        parts.append(f"[{source}]({url})" if url else f"`{source}`")
    return ", ".join(parts) or "(none named)"


def key_text(key: tuple[str, ...]) -> str:
    """A row's key as the page shows it: each part in code, an empty part as "(empty)"."""
    return " / ".join(f"`{part}`" if part else "(empty)" for part in key)


def summary_frame(changes: list[TableChanges]) -> pd.DataFrame:
    """One row per table that changed: rows now, rows added, changed and removed."""
    rows = [{"table": c.name, "rows now": c.rows, "added": len(c.added),
             "changed": len(c.changed), "removed": len(c.removed),
             "note": "new table" if c.new_table else ("table removed" if c.rows == 0 and
                                                      len(c.removed) else "")}
            for c in changes if not c.empty]
    return pd.DataFrame(rows, columns=["table", "rows now", "added", "changed", "removed",
                                       "note"])


def summary_markdown(summary: pd.DataFrame) -> str:
    """:func:`summary_frame` as a MyST table, each table's name linked to its section below
    (``changes-<table>``)."""
    lines = ["| Table | Rows now | Added | Changed | Removed | Note |",
             "| :--- | ---: | ---: | ---: | ---: | :--- |"]
    for row in summary.to_dict("records"):
        lines.append(f"| {{ref}}`{row['table']} <changes-{row['table'].replace('_', '-')}>` | "
                     f"{row['rows now']:,} | {row['added']:,} | {row['changed']:,} | "
                     f"{row['removed']:,} | {row['note']} |")
    return "\n".join(lines) + "\n"


def changelog_markdown(changes: list[TableChanges], urls: dict[str, str],
                       table_sources: dict[str, str] | None = None,
                       list_new_tables: int = 0, most: int | None = None,
                       full_list: str = "") -> str:
    """The changes as MyST markdown: per table, the rows added, changed (field: old -> new) and
    removed, each with its sources (linked through ``urls``, source id -> address). A new table
    is listed row by row only if it has at most ``list_new_tables`` rows; otherwise its size and
    the sources it comes from (``table_sources``: table -> ``;``-separated source ids). With
    ``most``, each list shows its first ``most`` rows and says how many more there are, pointing
    to ``full_list`` (a link to every row), so that a long page stays light on a phone."""
    table_sources = table_sources or {}
    out = []

    def listed(lines: list[str]) -> list[str]:
        if most is None or len(lines) <= most:
            return lines
        return [*lines[:most], f"- … and {len(lines) - most:,} more{full_list}"]
    for change in changes:
        if change.empty:
            continue
        out.append(f"({'changes-' + change.name.replace('_', '-')})=\n### `{change.name}`\n")
        if change.new_table:
            sources = change.added[list(change.spec.sources)].agg(";".join, axis=1) \
                if change.spec.sources else pd.Series([table_sources.get(change.name, "")])
            ids = sorted({s for joined in sources for s in joined.split(";") if s})
            out.append(f"A new table of {change.rows:,} rows; its sources: "
                       f"{_sources_text(';'.join(ids), urls)}.\n")
            if change.rows > list_new_tables:
                continue
        if change.columns_added:
            out.append("New columns: " + ", ".join(f"`{c}`" for c in change.columns_added)
                       + ".\n")
        if change.columns_removed:
            out.append("Columns removed: " + ", ".join(f"`{c}`" for c in change.columns_removed)
                       + ".\n")
        for label, frame in (("Added", change.added), ("Removed", change.removed)):
            if not len(frame) or (label == "Added" and change.new_table
                                  and change.rows > list_new_tables):
                continue
            out.append(f"{label} ({len(frame):,}):\n")
            lines = []
            for row in frame.to_dict("records"):
                key = tuple(row[k] for k in change.spec.key)
                sources = ";".join(row.get(c, "") for c in change.spec.sources)
                if change.name == "sources" and row.get("url"):
                    sources_text = f"[{row.get('title', key[0])}]({row['url']})"
                else:
                    sources_text = _sources_text(sources, urls)
                lines.append(f"- {key_text(key)}; source: {sources_text}")
            out += listed(lines)
            out.append("")
        if change.changed:
            out.append(f"Changed ({len(change.changed):,}):\n")
            lines = []
            for key, fields, sources in change.changed:
                what = "; ".join(f"{name}: {_cell(old)} → {_cell(new)}"
                                 for name, old, new in fields)
                source_text = (f"[{key[0]}]({urls[key[0]]})" if change.name == "sources"
                               and key[0] in urls else _sources_text(sources, urls))
                lines.append(f"- {key_text(key)}: {what}; source: {source_text}")
            out += listed(lines)
            out.append("")
    return "\n".join(out) + "\n"


def _git_tables(commit: str, root: Path = ROOT) -> dict[str, pd.DataFrame]:
    names = subprocess.run(["git", "ls-tree", "--name-only", commit, "data/"], cwd=root,
                           capture_output=True, text=True, check=True).stdout.split()
    tables = {}
    for name in names:
        if name.endswith(".csv"):
            text = subprocess.run(["git", "show", f"{commit}:{name}"], cwd=root,
                                  capture_output=True, text=True, check=True).stdout
            tables[Path(name).stem] = read_csv_text(text)
    return tables


def main(argv: list[str] | None = None) -> int:
    """``python -m analysis.publish.changelog snapshot VERSION COMMIT DATE``: keep the tables of
    ``COMMIT`` as the snapshot of edition ``VERSION`` in ``data/editions/VERSION/``."""
    import sys

    args = sys.argv[1:] if argv is None else argv
    if len(args) != 4 or args[0] != "snapshot":
        print(main.__doc__)
        return 2
    _, version, commit, date = args
    meta = snapshot(_git_tables(commit), EDITIONS / version, version, commit, date)
    print(f"data/editions/{version}/: {len(meta['tables'])} tables")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
