"""The print edition composed from the single-page build, with BeautifulSoup.

From the book as one HTML page (Sphinx's ``singlehtml`` builder) :func:`compose` keeps the
pages the PDF prints (:func:`bookbuild.edition.printed_pages`), adds a "Works cited" list of
the bibliography entries those pages cite, makes every page's title an ``<h1>`` starting on a
new page, turns links that cannot work on paper into addresses of the web edition (or plain
text when the book has no address) and drops the sentences of captions that speak of what
JavaScript does on the web page. :mod:`bookbuild.print_layout` puts the title page and the
table of contents in front.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

from bs4 import BeautifulSoup, Tag

#: The id and title of the list of works cited that ends the print edition.
WORKS_CITED = ("works-cited", "Works cited")

#: A caption's sentence about the web page's script ("With JavaScript, a button under the
#: chart draws ..."): on paper there is no button.
_WEB_ONLY = re.compile(r"\s*With JavaScript\b[^.]*\.")
_HEADING = re.compile(r"^h[1-6]$")
_RELATIVE = re.compile(r"^(\.\./|\./)+")


@dataclass(frozen=True)
class Entry:
    """One line of the table of contents: a chapter's (or appendix's) anchor, number and
    title, the part it opens (the caption of its part in ``_toc.yml``), if any, and its page."""

    anchor: str
    number: str | None
    title: str
    part: str | None = None
    page: str | None = None  # the page of the book, "book/membership"

    @property
    def label(self) -> str:
        """The title as the contents list it: ``"1. Membership and the alliance network"``."""
        return f"{self.number}. {self.title}" if self.number else self.title


# --- reading the single-page HTML ------------------------------------------------------------


def main_content(page: str) -> Tag:
    """The book's content in a Sphinx page (furo's ``<article role="main">``, without the
    sidebar, header, search or footer). Raises ValueError if the page has none."""
    article = BeautifulSoup(page, "html.parser").find("article", attrs={"role": "main"})
    if article is None:
        raise ValueError('the single-page build has no <article role="main">')
    return article


def page_sections(body: Tag, root_page: str) -> dict[str, Tag]:
    """Each page's ``<section>`` in the single-page body, by page name, in order: the root page
    (``root_page``, the first section), then every page that the build marks with an empty
    ``<span id="document-<page>">`` just before its section."""
    first = body.find("section")
    if first is None:
        return {}
    sections = {root_page: first}
    for anchor in body.find_all("span", id=re.compile(r"^document-")):
        section = anchor.find_next_sibling("section")
        if section is not None:
            sections[anchor["id"].removeprefix("document-")] = section
    return sections


def _title(section: Tag) -> Tag | None:
    return section.find(_HEADING)


def _entry(section: Tag, page: str) -> Entry:
    heading = _title(section)
    number = heading.find("span", class_="section-number")
    text = "".join(str(s) for s in heading.find_all(string=True)
                   if number is None or s.parent is not number)
    return Entry(section.get("id", ""), number.get_text().strip().rstrip(".") if number else None,
                 html.unescape(text).replace("\N{PILCROW SIGN}", "").strip(), page=page)


def chapter_headings(body: Tag, root_page: str) -> list[Entry]:
    """Each page of the book in the single-page body, in order, with its section's anchor, its
    number (``"1. "`` -> ``"1"``; None when unnumbered) and its title."""
    return [_entry(section, page) for page, section in page_sections(body, root_page).items()
            if _title(section) is not None]


def same_page_links(body: Tag, root_page: str) -> None:
    """Links between pages as anchors: the single-page build writes a reference to another page
    of the book as ``<root page>.html#anchor`` (``book/intro.html#id382``), its own address."""
    prefix = f"{root_page.rsplit('/', 1)[-1]}.html#"
    for link in body.find_all("a", href=True):
        if link["href"].rsplit("/", 1)[-1].startswith(prefix):
            link["href"] = "#" + link["href"].split("#", 1)[1]


def keep_pages(body: Tag, root_page: str, pages: list[str]) -> dict[str, str]:
    """Remove from ``body`` every page not in ``pages``; returns the page each id of the removed
    content belonged to (links to them are then sent to the web edition)."""
    elsewhere: dict[str, str] = {}
    for page, section in reversed(page_sections(body, root_page).items()):
        if page in pages or section.parent is None:
            continue
        for tag in [section, *section.find_all(id=True)]:
            if tag.get("id"):
                elsewhere.setdefault(tag["id"], page)
        anchor = section.find_previous_sibling("span", id=f"document-{page}")
        if anchor is not None:
            elsewhere.setdefault(anchor["id"], page)
            anchor.decompose()
        section.decompose()
    return elsewhere


def works_cited(body: Tag, bibliography: Tag | None) -> Tag | None:
    """A section listing the entries of ``bibliography`` (the removed bibliography page's
    section) that ``body`` links to, in the bibliography's order; None when nothing is cited."""
    if bibliography is None:
        return None
    cited = {a["href"][1:] for a in body.find_all("a", href=True) if a["href"].startswith("#")}
    entries = [entry for entry in bibliography.find_all(class_="citation")
               if entry.get("id") in cited]
    if not entries:
        return None
    anchor, title = WORKS_CITED
    soup = BeautifulSoup(f'<section id="{anchor}" class="works-cited"><h1>{title}</h1>'
                         '<div role="list"></div></section>', "html.parser")
    listing = soup.find("div")
    for entry in entries:
        listing.append(entry.extract())
    return soup.section


def relevel(body: Tag, root_page: str) -> None:
    """Headings as a book prints them: the single-page build nests each page's sections under
    the root page, so a chapter's title is an ``<h3>``; here every page's title becomes an
    ``<h1>`` and its sections follow (``<h4>`` -> ``<h2>``), so the PDF's outline lists the
    chapters side by side."""
    sections = page_sections(body, root_page)
    page_of = {id(section): section for section in sections.values()}
    shifts = {id(section): int(_title(section).name[1]) - 1
              for section in sections.values() if _title(section) is not None}
    for heading in body.find_all(_HEADING):
        owner = next((parent for parent in heading.parents if id(parent) in page_of), None)
        if owner is not None:
            heading.name = f"h{max(1, int(heading.name[1]) - shifts.get(id(owner), 0))}"


def mark_chapters(body: Tag, root_page: str) -> None:
    """Each page of the book after the first starts on a new page in print (its section gets
    the class ``pdf-chapter``)."""
    for page, section in page_sections(body, root_page).items():
        if page != root_page:
            section["class"] = [*section.get("class", []), "pdf-chapter"]


def print_links(body: Tag, base_url: str | None, elsewhere: dict[str, str]) -> None:
    """Links for print. ``#anchors`` within the printed book and addresses with a scheme stay;
    an anchor in a page left to the web edition (``elsewhere``: id -> page) and a link to a
    file of the web edition (``../data/memberships.csv``) become ``base_url`` + path when the
    book's address is known, else plain text (a PDF cannot open a file beside it)."""
    base = base_url.rstrip("/") if base_url else None
    for link in body.find_all("a", href=True):
        href = link["href"]
        if re.match(r"^[a-z][a-z0-9+.-]*:", href):
            continue
        if href.startswith("#"):
            page = elsewhere.get(href[1:])
            if page is None:
                continue
            target = f"{base}/{page}.html{href}" if base else None
        else:
            target = f"{base}/{_RELATIVE.sub('', href)}" if base else None
        if target:
            link["href"] = target
        else:
            link.name = "span"
            link.attrs = {"class": ["file-link"]}


#: What the web page has around the book that paper does not need: downloads, how to cite the
#: page, the data's cut-off (on the title page), the PDF link, scripts.
SCREEN_ONLY = (".interactive-figure-controls, .chapter-downloads, .chapter-citation, .data-cutoff,"
               " .pdf-edition, script, noscript")


def drop_web_only(body: Tag) -> None:
    """Remove what only the web page needs (:data:`SCREEN_ONLY`) and the sentences of captions
    that describe what JavaScript does there."""
    for element in body.select(SCREEN_ONLY):
        element.decompose()
    for caption in body.find_all(["figcaption", "caption"]):
        for text in caption.find_all(string=_WEB_ONLY):
            text.replace_with(_WEB_ONLY.sub("", str(text)))


# --- composing the print edition -------------------------------------------------------------


def with_parts(entries: list[Entry], parts: list[tuple[str, list[str]]]) -> list[Entry]:
    """The entries with the caption of the part each part's first printed page opens;
    ``parts`` is the table of contents' parts as ``(caption, [page, ...])``."""
    printed = {entry.page for entry in entries}
    opens = {}
    for caption, pages in parts:
        first = next((page for page in pages if page in printed), None)
        if first is not None:
            opens[first] = caption
    return [Entry(e.anchor, e.number, e.title, opens.get(e.page), e.page) for e in entries]


@dataclass
class Composed:
    """The printed body (HTML) and its table of contents."""

    body: str
    entries: list[Entry]


def compose(page: str, root_page: str, printed: list[str],
            parts: list[tuple[str, list[str]]], base_url: str | None,
            bibliography_page: str | None = None) -> Composed:
    """The print edition's body from the single-page build's HTML ``page``: the pages
    ``printed`` (in that order, else ValueError), the works they cite from
    ``bibliography_page``, headings relevelled, links and captions made for paper."""
    body = main_content(page)
    same_page_links(body, root_page)
    sections = page_sections(body, root_page)
    found = [p for p in sections if p in printed]
    if found != list(printed):
        raise ValueError(f"the printed pages found ({found}) are not those asked for "
                         f"({list(printed)})")
    bibliography = sections.get(bibliography_page) if bibliography_page else None
    if bibliography is not None:
        bibliography = bibliography.extract()  # before keep_pages would remove it
    mark_chapters(body, root_page)
    relevel(body, root_page)
    elsewhere = keep_pages(body, root_page, printed)
    drop_web_only(body)
    cited = works_cited(body, bibliography)
    entries = with_parts(chapter_headings(body, root_page), parts)
    print_links(body, base_url, elsewhere)
    if cited is not None:
        cited["class"] = [*cited.get("class", []), "pdf-chapter"]
        body.append(cited)
        entries.append(Entry(WORKS_CITED[0], None, WORKS_CITED[1]))
    for image in body.find_all("img", loading=True):
        del image["loading"]  # every figure is printed: none waits to be scrolled to
    return Composed("".join(str(child) for child in body.children), entries)
