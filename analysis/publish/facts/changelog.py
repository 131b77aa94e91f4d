"""Facts of the changelog appendix (``book/changelog.md``): what changed in the data since the
previous edition, table by table and row by row."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import pandas as pd
import yaml

from .. import book, changelog
from ..citation import book_metadata
from .checks import Guard, check_all


def values(tables: dict[str, pd.DataFrame], cutoff: pd.Timestamp,
           previous: Path | None = None) -> SimpleNamespace:
    """What the appendix's sentences rest on: the previous edition's snapshot (``previous``, by
    default the newest in ``data/editions/``) and its metadata (``meta``), this edition's
    version (``version``), every table's changes (``changes``) and their summary
    (``summary``)."""
    previous = previous or changelog.latest_edition()
    changes = changelog.compare_editions(previous, changelog.current_tables())
    return SimpleNamespace(
        previous=previous,
        meta=yaml.safe_load((previous / "edition.yml").read_text(encoding="utf-8")),
        version=book_metadata().version,
        changes=changes,
        summary=changelog.summary_frame(changes),
    )


GUARDS = (
    Guard("previous_edition_is_another",
          "Since version ... (the newest snapshot is of an earlier edition, not of this one)",
          lambda v: v.meta["version"] != v.version),
)


def facts(tables: dict[str, pd.DataFrame], cutoff: pd.Timestamp) -> dict[str, str | int]:
    """Every value the appendix glues, by glue name, once every guard holds."""
    v = values(tables, cutoff)
    check_all(GUARDS, v)
    summary = v.summary
    return {
        "edition_now": v.version,
        "edition_before": str(v.meta["version"]),
        "edition_before_date": book.day_text(v.meta["date"]),
        "edition_before_commit": str(v.meta["commit"]),
        "n_tables_changed": len(summary),
        "n_tables_new": int((summary["note"] == "new table").sum()),
        "n_rows_added": int(summary["added"].sum()),
        "n_rows_changed": int(summary["changed"].sum()),
        "n_rows_removed": int(summary["removed"].sum()),
    }


def source_links(tables: dict[str, pd.DataFrame], previous: Path) -> dict[str, str]:
    """A link for every source id, old or new: the current sources' first, then the snapshot's."""
    old = changelog.read_csv_text((previous / "sources.csv").read_text(encoding="utf-8"))
    urls = dict(zip(old["source_id"], old["url"]))
    urls.update(zip(tables["sources"]["source_id"], tables["sources"]["url"].fillna("")))
    return urls


def origin_sources(origins: pd.DataFrame) -> dict[str, str]:
    """For tables copied from a research dataset (they have no source column), the sources
    ``origins.csv`` names for them: table -> ``;``-separated source ids (its ``tables`` column
    lists the tables each origin fills, separated by ``;``)."""
    found: dict[str, list[str]] = {}
    for tables, source in zip(origins["tables"], origins["source"]):
        for table in str(tables).split(";"):
            if table.strip() and source not in found.setdefault(table.strip(), []):
                found[table.strip()].append(source)
    return {table: ";".join(sources) for table, sources in found.items()}


def changes_frame(changes: list[changelog.TableChanges]) -> pd.DataFrame:
    """Every row added, removed or changed, one line each (``table``, ``change``, ``key``,
    ``fields``): the full list behind a page that shows the first rows of each."""
    rows = []
    for change in changes:
        for label, frame in (("added", change.added), ("removed", change.removed)):
            for row in frame.to_dict("records"):
                rows.append({"table": change.name, "change": label,
                             "key": changelog.key_text(tuple(row[k] for k in change.spec.key)),
                             "fields": ""})
        for key, fields, _ in change.changed:
            rows.append({"table": change.name, "change": "changed", "key": changelog.key_text(key),
                         "fields": "; ".join(name for name, _, _ in fields)})
    return pd.DataFrame(rows, columns=["table", "change", "key", "fields"])


#: Rows each list of the page shows; the rest are in the full list (:data:`FULL_LIST`).
LISTED = 25
#: The file, beside the figures' data, that holds every row added, changed or removed.
FULL_LIST = "changelog-rows"


def displays(tables: dict[str, pd.DataFrame], cutoff: pd.Timestamp) -> dict[str, str]:
    """The tables the appendix shows, as Markdown: the summary by table, and the rows added,
    changed and removed with their sources, the first :data:`LISTED` of each list, with every
    row written to :data:`FULL_LIST` beside the figures' data."""
    v = values(tables, cutoff)
    book.write_figure_data(FULL_LIST, changes_frame(v.changes))
    return {
        "summary": book.captioned(changelog.summary_markdown(v.summary),
                                  "Rows added, changed and removed in each table since the "
                                  "previous edition.", "tab-changes"),
        "rows": changelog.changelog_markdown(
            v.changes, source_links(tables, v.previous),
            table_sources=origin_sources(tables["origins"]), most=LISTED,
            full_list=f" (every row: [{FULL_LIST}.csv](_generated/figures/{FULL_LIST}.csv))"),
    }
