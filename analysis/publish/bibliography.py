"""The book's bibliography, built from ``data/sources.csv`` so citations and data share records.

A work of scholarship becomes the entry the field expects (``@article``, ``@book`` or
``@incollection``, with its authors, journal or book, volume, pages, DOI or ISBN); every other
source stays a ``@misc`` entry named after its publisher (or its authors, for a signed report).
Each entry carries the source's ``kind``, which the bibliography page groups the entries by
(sphinxcontrib-bibtex's ``:filter: kind == "..."``).
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

#: The BibTeX entry type of each form of scholarship.
ENTRY_TYPES = {"article": "article", "book": "book", "chapter": "incollection"}


def _escape(text: str) -> str:
    # BibTeX treats these as markup; braces keep capitals and special characters as written.
    for char in "&%$#_":
        text = text.replace(char, "\\" + char)
    return text


def _value(row: pd.Series, column: str) -> str | None:
    """The cell as text, or None when the column is missing or the cell empty."""
    value = row.get(column)
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return None
    text = str(value).strip()
    return text or None


def bibtex_authors(authors: str) -> str:
    """``"Last, First; Last, First"`` as BibTeX's ``"Last, First and Last, First"``."""
    return " and ".join(_escape(name.strip()) for name in authors.split(";") if name.strip())


def _scholarly_fields(row: pd.Series) -> tuple[str, dict[str, str]]:
    """The entry type and fields of a work of scholarship."""
    entry_type = ENTRY_TYPES[_value(row, "form") or "article"]
    fields = {"title": "{" + _escape(str(row["title"])) + "}"}
    authors = _value(row, "authors")
    if authors:
        fields["author"] = bibtex_authors(authors)
    container = _value(row, "container")
    if entry_type == "article":
        if container:
            fields["journal"] = _escape(container)
    else:
        if container and entry_type == "incollection":
            fields["booktitle"] = "{" + _escape(container) + "}"
        fields["publisher"] = _escape(str(row["publisher"]))
    for column, name in (("volume", "volume"), ("issue", "number"), ("doi", "doi"),
                         ("isbn", "isbn")):
        if (value := _value(row, column)) is not None:
            fields[name] = _escape(value) if name != "doi" else value
    if (pages := _value(row, "pages")) is not None:
        fields["pages"] = pages.replace("-", "--")
    return entry_type, fields


def _misc_fields(row: pd.Series) -> dict[str, str]:
    """The fields of any other source: its publisher as author, unless it names its authors."""
    publisher = "{" + _escape(str(row["publisher"])) + "}"
    authors = _value(row, "authors")
    fields = {
        "title": "{" + _escape(str(row["title"])) + "}",
        "author": bibtex_authors(authors) if authors else publisher,
        "howpublished": publisher,
    }
    if (note := _value(row, "note")) is not None:
        fields["note"] = "{" + _escape(note) + "}"
    return fields


def bibtex_entry(row: pd.Series) -> str:
    """One entry for a source row; the key is its ``source_id``."""
    if _value(row, "kind") == "scholarship":
        entry_type, fields = _scholarly_fields(row)
    else:
        entry_type, fields = "misc", _misc_fields(row)
    url = _value(row, "url")
    if url is not None:
        fields["url"] = url
        fields["urldate"] = str(row["accessed"])[:10]
    published = _value(row, "published")
    if published is not None:
        fields["year"] = published[:4]
        if len(published) >= 7:
            fields["month"] = str(int(published[5:7]))
    if (kind := _value(row, "kind")) is not None:
        fields["kind"] = kind
    body = ",\n".join(f"  {key} = {{{value}}}" for key, value in fields.items())
    return f"@{entry_type}{{{row['source_id']},\n{body}\n}}\n"


def write_bibtex(sources: pd.DataFrame, path: Path) -> Path:
    """Write every source as BibTeX to ``path``, sorted by key so the file is reproducible."""
    path.parent.mkdir(parents=True, exist_ok=True)
    entries = [bibtex_entry(row) for _, row in sources.sort_values("source_id").iterrows()]
    text = "\n".join(entries)
    if not path.exists() or path.read_text(encoding="utf-8") != text:
        path.write_text(text, encoding="utf-8")
    return path
