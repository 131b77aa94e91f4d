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


def displays(tables: dict[str, pd.DataFrame], cutoff: pd.Timestamp) -> dict[str, str]:
    """The tables the appendix shows, as Markdown: the summary by table, and every row added,
    changed and removed with its sources."""
    v = values(tables, cutoff)
    return {
        "summary": book.captioned(changelog.summary_markdown(v.summary),
                                  "Rows added, changed and removed in each table since the "
                                  "previous edition.", "tab-changes"),
        "rows": changelog.changelog_markdown(v.changes, source_links(tables, v.previous),
                                             table_sources=changelog.origin_sources(
                                                 tables["origins"])),
    }
