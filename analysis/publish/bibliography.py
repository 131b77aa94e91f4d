"""The book's bibliography, built from ``data/sources.csv`` so that citations and data share
records."""

from __future__ import annotations

from pathlib import Path

import pandas as pd


def _escape(text: str) -> str:
    # BibTeX treats these as markup; braces keep capitals and special characters as written.
    for char in "&%$#_":
        text = text.replace(char, "\\" + char)
    return text


def bibtex_entry(row: pd.Series) -> str:
    """One ``@misc`` entry for a source row; the key is its ``source_id``."""
    fields = {
        "title": "{" + _escape(str(row["title"])) + "}",
        "author": "{" + _escape(str(row["publisher"])) + "}",
        "howpublished": "{" + _escape(str(row["publisher"])) + "}",
    }
    url = row.get("url")
    if url is not None and not pd.isna(url) and str(url).strip():
        fields["url"] = str(url)
        fields["urldate"] = str(row["accessed"])[:10]
    published = row.get("published")
    if published is not None and not pd.isna(published):
        fields["year"] = str(published)[:4]
        if len(str(published)) >= 7:
            fields["month"] = str(int(str(published)[5:7]))
    if row.get("note") is not None and not pd.isna(row.get("note")):
        fields["note"] = "{" + _escape(str(row["note"])) + "}"
    body = ",\n".join(f"  {key} = {{{value}}}" for key, value in fields.items())
    return f"@misc{{{row['source_id']},\n{body}\n}}\n"


def write_bibtex(sources: pd.DataFrame, path: Path) -> Path:
    """Write every source as BibTeX to ``path``, sorted by key so the file is reproducible."""
    path.parent.mkdir(parents=True, exist_ok=True)
    entries = [bibtex_entry(row) for _, row in sources.sort_values("source_id").iterrows()]
    text = "\n".join(entries)
    if not path.exists() or path.read_text(encoding="utf-8") != text:
        path.write_text(text, encoding="utf-8")
    return path
