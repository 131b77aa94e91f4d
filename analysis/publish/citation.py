"""How to cite a chapter: the book's metadata from ``CITATION.cff``, as text and as BibTeX.

``CITATION.cff`` at the repository root is the one place the book's authors, title, version
(the edition) and release date are written; GitHub's "Cite this repository" reads the same file.
Every chapter page shows a citation built from it (``book/_templates/page.html``, filled in by
``bookbuild.reader``): who wrote it, the chapter's title and number, the book, the
edition, the date, the page's address and a BibTeX entry to copy.

The page's address is ``url`` in ``CITATION.cff`` (the published book's base address) followed by
the page's path; a file without ``url`` gives a citation without an address, never an invented
one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from ..data.paths import ROOT

#: The citation file, at the repository root.
CITATION_FILE = ROOT / "CITATION.cff"

#: Keys ``CITATION.cff`` must hold for a chapter to be citable.
REQUIRED_KEYS = ("title", "authors", "version", "date-released")


@dataclass(frozen=True)
class BookMetadata:
    """What ``CITATION.cff`` says about the book as a whole."""

    title: str
    authors: tuple[str, ...]
    version: str
    date: str  # YYYY-MM-DD
    url: str | None = None
    #: the authors as BibTeX names: ``{A group}`` in braces, people as ``Family, Given``
    bibtex_authors: tuple[str, ...] = ()

    @property
    def year(self) -> str:
        """The release year, ``"2026"``."""
        return self.date[:4]


@dataclass(frozen=True)
class Citation:
    """One chapter of one edition of the book, as a reader cites it."""

    book: BookMetadata
    chapter: str
    page: str  # the page's path in the book without suffix, "book/membership"
    number: str | None = None  # the chapter's number in the table of contents, "1"

    @property
    def url(self) -> str | None:
        """The page's address: the book's ``url`` and the page's path, or None without one."""
        if not self.book.url:
            return None
        return f"{self.book.url.rstrip('/')}/{self.page}.html"


def _author_names(entry: dict, path: Path, index: int) -> tuple[str, str]:
    """An author of ``CITATION.cff`` as ``(display name, BibTeX name)``."""
    if not isinstance(entry, dict):
        raise ValueError(f"{path}: authors[{index}] must be a mapping with a name")
    if entry.get("name"):  # an entity: a group of people, an organization
        name = str(entry["name"])
        return name, "{" + _bibtex_escape(name) + "}"
    given, family = entry.get("given-names"), entry.get("family-names")
    if not family:
        raise ValueError(f"{path}: authors[{index}] has neither 'name' nor 'family-names'")
    if not given:
        return str(family), _bibtex_escape(str(family))
    return f"{given} {family}", _bibtex_escape(f"{family}, {given}")


def book_metadata(path: Path = CITATION_FILE) -> BookMetadata:
    """The book's metadata from ``CITATION.cff``, checked: every key of :data:`REQUIRED_KEYS`
    present, at least one author, ``date-released`` a ``YYYY-MM-DD`` date. Raises ValueError
    naming the file and the key otherwise."""
    if not path.exists():
        raise ValueError(f"{path}: file is missing")
    meta = yaml.safe_load(path.read_text(encoding="utf-8"))
    if not isinstance(meta, dict):
        raise ValueError(f"{path}: must hold a mapping of keys")
    missing = [key for key in REQUIRED_KEYS if not meta.get(key)]
    if missing:
        raise ValueError(f"{path}: required key(s) missing or empty: {', '.join(missing)}")
    date = str(meta["date-released"])
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", date):
        raise ValueError(f"{path}: date-released {date!r} is not a date written YYYY-MM-DD")
    authors = meta["authors"]
    if not isinstance(authors, list):
        raise ValueError(f"{path}: authors must be a list")
    names = [_author_names(a, path, i) for i, a in enumerate(authors)]
    if not names:
        raise ValueError(f"{path}: authors must name at least one author")
    return BookMetadata(
        title=str(meta["title"]),
        authors=tuple(display for display, _ in names),
        version=str(meta["version"]),
        date=date,
        url=str(meta["url"]) if meta.get("url") else None,
        bibtex_authors=tuple(bib for _, bib in names),
    )


def short_title(book: BookMetadata) -> str:
    """The book's title before any subtitle: ``"The CSTO Record: an ..."`` -> ``"The CSTO
    Record"``."""
    return book.title.split(":", 1)[0].strip()


def _names(authors: tuple[str, ...]) -> str:
    if len(authors) == 1:
        return authors[0]
    return ", ".join(authors[:-1]) + " and " + authors[-1]


def citation_text(citation: Citation) -> str:
    """The citation as one line of plain text: authors (year). "Chapter", chapter N of Book,
    version V, released YYYY-MM-DD. URL (the URL only where the book's address is known)."""
    book = citation.book
    part = f"chapter {citation.number} of " if citation.number else "in "
    text = (f'{_names(book.authors)} ({book.year}). "{citation.chapter}", {part}{book.title}, '
            f"version {book.version}, released {book.date}.")
    return f"{text} {citation.url}" if citation.url else text


_BIBTEX_SPECIAL = re.compile(r"([&%$#_{}])")


def _bibtex_escape(text: str) -> str:
    return _BIBTEX_SPECIAL.sub(r"\\\1", text.replace("\\", r"\textbackslash{}"))


def bibtex_key(citation: Citation) -> str:
    """A BibTeX key for the chapter in this edition: the book's short title, the year and the
    page's name, letters and digits only: ``cstorecord2026membership``."""
    raw = f"{short_title(citation.book)}{citation.book.year}{citation.page.rsplit('/', 1)[-1]}"
    return re.sub(r"[^a-z0-9]", "", raw.lower())


def bibtex(citation: Citation) -> str:
    """The chapter as a BibTeX ``@incollection`` entry: authors (a group's name in braces, so
    BibTeX does not split it into first and last names), chapter title, book title, chapter
    number, edition, year, date and URL where known. Special characters are escaped."""
    book = citation.book
    authors = " and ".join(book.bibtex_authors or
                           ("{" + _bibtex_escape(a) + "}" for a in book.authors))
    fields = [("author", authors), ("title", _bibtex_escape(citation.chapter)),
              ("booktitle", _bibtex_escape(book.title))]
    if citation.number:
        fields.append(("chapter", citation.number))
    fields += [("edition", f"version {_bibtex_escape(book.version)}"), ("year", book.year),
               ("date", book.date)]
    if citation.url:
        fields.append(("url", citation.url))
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields)
    return f"@incollection{{{bibtex_key(citation)},\n{body}\n}}\n"
