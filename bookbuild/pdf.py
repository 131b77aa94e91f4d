"""The PDF edition: the whole book in one file, printed by Debian's Chromium, offline.

``make pdf`` (``python -m bookbuild.pdf``) does three things:

1. builds the book as one HTML page with Sphinx's ``singlehtml`` builder (the same sources,
   configuration and execution cache as ``make book``, so the chapters are not executed again
   and the figures are the same files);
2. composes a print edition from that page (:func:`print_document`): a title page with the
   edition and the data's cut-off date, a table of contents with page numbers, each chapter on
   a new page with its number, the figures (the static ones: interactive figures are a web
   page's extra, and the PDF is printed without JavaScript) and the bibliography; links within
   the book stay links, links to files of the web edition become absolute addresses when
   ``CITATION.cff`` has the book's ``url``, and plain text otherwise;
3. prints it with Chromium (through Playwright, never a downloaded browser) twice: the first
   run tells on which page each chapter starts (read back with pypdf), the second prints the
   table of contents with those page numbers. The PDF has an outline (bookmarks) and page
   numbers in the footer.

The result is ``_build/pdf/csto-record.pdf``. The HTML build (``make book``) links it from every
page and copies it into the site when it exists (``bookbuild.reader``).
"""

from __future__ import annotations

import html
import re
import subprocess
import sys
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from analysis.data.edition import data_cutoff, day_text
from analysis.data.paths import ROOT
from analysis.publish.citation import BookMetadata, book_metadata, short_title

#: The PDF's file name, in ``_build/pdf/`` and at the root of the built site.
PDF_NAME = "csto-record.pdf"
#: Where ``make pdf`` writes it.
PDF_PATH = ROOT / "_build" / "pdf" / PDF_NAME

CHROMIUM = Path("/usr/bin/chromium")
#: Chromium on a closed network: without these it keeps trying to reach Google's hosts.
CHROMIUM_FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]

#: The print edition's style: A4, serif text, each chapter on a new page, figures kept whole.
PRINT_CSS = """
@page { size: A4; margin: 20mm 18mm 22mm 18mm; }
html { font-family: "DejaVu Serif", Georgia, serif; font-size: 10.5pt; line-height: 1.4;
       color: #000; }
body { margin: 0; }
h1, h2, h3, h4, .title-page, .contents { font-family: "DejaVu Sans", Helvetica, sans-serif; }
h1 { font-size: 20pt; margin: 0 0 12pt; }
h2 { font-size: 14pt; margin: 16pt 0 6pt; break-after: avoid; }
h3 { font-size: 12pt; margin: 12pt 0 4pt; break-after: avoid; }
a { color: #1a4f8b; text-decoration: none; }
a.headerlink, .headerlink { display: none; }
.pdf-chapter { break-before: page; }
.title-page { break-after: page; padding-top: 60mm; }
.title-page .book-title { font-size: 30pt; font-weight: bold; margin: 0 0 8pt; }
.title-page .subtitle { font-size: 15pt; margin: 0 0 40pt; }
.title-page p { font-size: 11pt; margin: 4pt 0; }
.contents { break-after: page; }
.contents ol { list-style: none; padding: 0; margin: 0; }
.contents li { display: flex; align-items: baseline; margin: 5pt 0; font-size: 11pt; }
.contents li.part { font-weight: bold; margin-top: 14pt; }
.contents .dots { flex: 1; border-bottom: 1px dotted #777; margin: 0 6pt; }
figure, .figure, img, table, pre { break-inside: avoid; }
img { max-width: 100%; height: auto; }
figure { margin: 12pt 0; }
figcaption, .caption { font-size: 9pt; }
table { border-collapse: collapse; font-size: 8.5pt; }
th, td { border-bottom: 1px solid #ccc; padding: 2pt 4pt; text-align: left; }
pre { font-size: 8pt; white-space: pre-wrap; }
.interactive-figure-controls, .chapter-downloads, .chapter-citation, .data-cutoff,
.pdf-edition, script, noscript { display: none !important; }
"""

#: The footer on every page but the title page's: the page number.
FOOTER = ('<div style="font-size:8pt; width:100%; text-align:center; color:#555;">'
          '<span class="pageNumber"></span></div>')


@dataclass(frozen=True)
class Entry:
    """One line of the table of contents: a chapter's (or appendix's) anchor, number and
    title, and the part it opens (the caption of its part in ``_toc.yml``), if any."""

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

#: Where the single-page build starts each page of the book after the first: an anchor, then
#: the page's section and its heading (one level below the root page's sections).
_DOCUMENT = re.compile(r'<span id="document-(?P<page>[^"]+)"></span>\s*<section id="(?P<id>[^"]+)"'
                       r'[^>]*>\s*(?:<span id="[^"]*"></span>\s*)*<h(?P<level>[1-6])>(?P<h>.*?)'
                       r'</h(?P=level)>', re.S)
_ROOT = re.compile(r'<section id="(?P<id>[^"]+)"[^>]*>\s*(?:<span id="[^"]*"></span>\s*)*'
                   r'<h1>(?P<h>.*?)</h1>', re.S)
_TAG = re.compile(r"<[^>]+>")
_NUMBER = re.compile(r'<span class="section-number">(?P<n>[^<]*)</span>')


def _text(fragment: str) -> str:
    return html.unescape(_TAG.sub("", fragment)).replace("\N{PILCROW SIGN}", "").strip()


def _entry(match: re.Match, page: str) -> Entry:
    number = _NUMBER.search(match["h"])
    return Entry(match["id"], number["n"].strip().rstrip(".") if number else None,
                 _text(_NUMBER.sub("", match["h"])), page=page)


def chapter_headings(body: str, root_page: str) -> list[Entry]:
    """Each page of the book in a single-page HTML body, in order: the root page (``root_page``,
    the first ``<h1>`` section), then every page the build marks with a ``document-<page>``
    anchor; each with its section's anchor, its number (``"1. "`` -> ``"1"``; None when
    unnumbered) and its title."""
    first = _ROOT.search(body)
    if first is None:
        return []
    return [_entry(first, root_page)] + [_entry(m, m["page"]) for m in _DOCUMENT.finditer(body)]


def relevel(body: str) -> str:
    """Headings as a book prints them: the single-page build nests each page's sections under
    the root page, so a chapter's title is an ``<h3>``; here every page's title becomes an
    ``<h1>`` and its sections follow (``<h4>`` -> ``<h2>``), so the PDF's outline lists the
    chapters side by side."""
    chunks = re.split(r'(?=<span id="document-)', body)
    out = [chunks[0]]
    for chunk in chunks[1:]:
        match = _DOCUMENT.match(chunk)
        shift = int(match["level"]) - 1 if match else 0
        out.append(re.sub(r"<(/?)h([1-6])\b", lambda m: f"<{m[1]}h{max(1, int(m[2]) - shift)}",
                          chunk))
    return "".join(out)


def main_content(page: str) -> str:
    """The book's content in a Sphinx page (furo's ``<article>``, without the sidebar, header,
    search or footer). Raises ValueError if the page has none."""
    match = re.search(r'<article[^>]*role="main"[^>]*>(?P<body>.*)</article>', page, re.S)
    if match is None:
        raise ValueError("the single-page build has no <article role=\"main\">")
    return match["body"]


_HREF = re.compile(r'<a (?P<before>[^>]*?)href="(?P<href>[^"]*)"(?P<after>[^>]*)>(?P<text>.*?)</a>',
                   re.S)


def print_links(body: str, base_url: str | None) -> str:
    """Links for print: ``#anchors`` within the book stay; addresses with a scheme stay; links
    to files of the web edition (``../data/memberships.csv``, ``_generated/...``) become
    ``base_url`` + path when the book's address is known, else plain text (a PDF cannot open
    a file beside it)."""

    def fix(match: re.Match) -> str:
        href = match["href"]
        if href.startswith("#") or re.match(r"^[a-z][a-z0-9+.-]*:", href):
            return match.group(0)
        if base_url:
            path = re.sub(r"^(\.\./|\./)+", "", href)
            return (f'<a {match["before"]}href="{base_url.rstrip("/")}/{path}"{match["after"]}>'
                    f'{match["text"]}</a>')
        return f'<span class="file-link">{match["text"]}</span>'

    return _HREF.sub(fix, body)


def mark_chapters(body: str) -> str:
    """Each page of the book after the first starts on a new page in print (its section gets
    the class ``pdf-chapter``)."""
    return re.sub(r'(<span id="document-[^"]+"></span>\s*<section) ', r'\1 class="pdf-chapter" ',
                  body)


def with_parts(entries: list[Entry], parts: list[tuple[str, list[str]]]) -> list[Entry]:
    """The entries with the caption of the part each part's first page opens; ``parts`` is the
    table of contents' parts as ``(caption, [page, ...])``."""
    opens = {pages[0]: caption for caption, pages in parts if pages}
    return [Entry(e.anchor, e.number, e.title, opens.get(e.page), e.page) for e in entries]


def toc_parts(root: Path = ROOT) -> list[tuple[str, list[str]]]:
    """The parts of ``_toc.yml`` as ``(caption, [page, ...])``, in order."""
    import yaml

    toc = yaml.safe_load((root / "_toc.yml").read_text(encoding="utf-8"))
    return [(part.get("caption", ""), [c["file"] for c in part.get("chapters", []) if "file" in c])
            for part in toc.get("parts", [])]


# --- composing the print edition -------------------------------------------------------------


def contents_html(entries: list[Entry], pages: dict[str, int] | None = None) -> str:
    """The table of contents: one linked line per chapter (with its page number once known),
    each part's caption above its first chapter."""
    lines = ['<nav class="contents" aria-label="Contents"><h1>Contents</h1><ol>']
    for entry in entries:
        if entry.part:
            lines.append(f'<li class="part">{html.escape(entry.part)}</li>')
        page = "" if pages is None or entry.anchor not in pages else str(pages[entry.anchor])
        lines.append(f'<li><a href="#{entry.anchor}">{html.escape(entry.label)}</a>'
                     f'<span class="dots"></span><span class="page">{page}</span></li>')
    lines.append("</ol></nav>")
    return "\n".join(lines)


def title_page(book: BookMetadata, cutoff_text: str) -> str:
    """The first page: the book's title and subtitle, the edition, the release date, the data's
    cut-off date and the authors."""
    title = short_title(book)
    subtitle = book.title[len(title):].lstrip(": ").strip()
    where = f"<p>{html.escape(book.url)}</p>" if book.url else ""
    return (f'<section class="title-page"><p class="book-title">{html.escape(title)}</p>'
            f'<p class="subtitle">{html.escape(subtitle)}</p>'
            f"<p>{html.escape(', '.join(book.authors))}</p>"
            f"<p>Version {html.escape(book.version)}, released {html.escape(book.date)}</p>"
            f"<p>Data to {html.escape(cutoff_text)}</p>{where}</section>")


def print_document(body: str, entries: list[Entry], book: BookMetadata, cutoff_text: str,
                   pages: dict[str, int] | None = None) -> str:
    """The whole print edition as one HTML document: title page, contents, then the book."""
    title = html.escape(short_title(book))
    return ("<!DOCTYPE html>\n"
            f'<html lang="en"><head><meta charset="utf-8"><title>{title}</title>'
            f"<style>{PRINT_CSS}</style></head><body>"
            f"{title_page(book, cutoff_text)}{contents_html(entries, pages)}"
            f"<main>{body}</main></body></html>\n")


# --- finding where each chapter starts in a printed PDF -------------------------------------


def _squash(text: str) -> str:
    # NFKC folds the ligatures a PDF's text layer holds ("\ufb01gures" for "figures").
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text)).lower()


def chapter_pages(page_texts: list[str], entries: list[Entry], first: int = 0) -> dict[str, int]:
    """On which page (1-based) each chapter starts: the first page from ``first`` (0-based)
    on, after the previous chapter's, whose text begins with the chapter's heading (spaces
    ignored, since PDF text extraction spaces words its own way, and ligatures folded). Raises ValueError naming
    a chapter that is not found."""
    found, start = {}, first
    for entry in entries:
        heading = _squash(entry.label)
        for index in range(start, len(page_texts)):
            if _squash(page_texts[index]).startswith(heading):
                found[entry.anchor] = index + 1
                start = index + 1
                break
        else:
            raise ValueError(f"no page of the PDF begins with the chapter {entry.label!r}")
    return found


# --- building --------------------------------------------------------------------------------


def build_singlehtml(root: Path = ROOT, path_output: Path | None = None) -> Path:
    """Build the book as one HTML page (warnings are errors, as for the web edition); returns
    the page (the root page's name: ``book/intro.html``), under ``_build/singlehtml`` of the
    project or of ``path_output``. The execution cache is the web edition's, so nothing is executed that
    ``python -m bookbuild execute`` already ran."""
    jupyter_book = Path(sys.executable).parent / "jupyter-book"
    result = subprocess.run(
        [str(jupyter_book), "build", str(root), "--builder", "singlehtml",
         "--warningiserror", "--nitpick", "--keep-going",
         *(["--path-output", str(path_output)] if path_output else [])],
        capture_output=True, text=True)
    if result.returncode != 0:
        raise RuntimeError(f"the single-page build failed:\n{result.stdout[-4000:]}\n"
                           f"{result.stderr[-4000:]}")
    from .execute import toc_files

    out = (path_output or root) / "_build" / "singlehtml"
    index = out / f"{toc_files(root)[0]}.html"
    if not index.exists():
        raise RuntimeError(f"the single-page build wrote no {index}")
    return index


def _print(document: Path, target: Path) -> None:
    from playwright.sync_api import sync_playwright

    if not CHROMIUM.exists():
        raise RuntimeError(f"{CHROMIUM} is missing: tools/setup-browser.sh installs it")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True,
                                             args=CHROMIUM_FLAGS)
        try:
            context = browser.new_context(java_script_enabled=False)
            # Nothing but the book's own files: the print edition is made offline.
            context.route("**/*", lambda route: route.continue_()
                          if route.request.url.startswith("file://") else route.abort())
            page = context.new_page()
            page.goto(document.resolve().as_uri(), wait_until="load")
            broken = page.evaluate("""() => Array.from(document.images)
                .filter(i => !i.complete || i.naturalWidth === 0).map(i => i.src)""")
            if broken:
                raise RuntimeError(f"figures that did not load for the PDF: {broken}")
            page.pdf(path=str(target), format="A4", print_background=True, outline=True,
                     tagged=True, display_header_footer=True, header_template="<span></span>",
                     footer_template=FOOTER, prefer_css_page_size=True)
        finally:
            browser.close()


def _page_texts(path: Path) -> list[str]:
    from pypdf import PdfReader

    return [page.extract_text() or "" for page in PdfReader(path).pages]


def build_pdf(index: Path, target: Path = PDF_PATH, root: Path = ROOT) -> Path:
    """Compose the print edition from the single-page build ``index`` and print it to
    ``target`` (twice: the second time with the contents' page numbers). Returns ``target``."""
    book = book_metadata(root / "CITATION.cff")
    cutoff_text = day_text(data_cutoff())
    body = main_content(index.read_text(encoding="utf-8"))
    from .execute import toc_files

    pages_in_order = toc_files(root)
    entries = chapter_headings(body, pages_in_order[0])
    if [e.page for e in entries] != pages_in_order:
        raise ValueError(f"{index}: the pages found ({[e.page for e in entries]}) are not "
                         f"those of _toc.yml ({pages_in_order})")
    entries = with_parts(entries, toc_parts(root))
    body = mark_chapters(relevel(print_links(body, book.url)))
    # Every figure is printed: none waits to be scrolled to.
    body = body.replace(' loading="lazy"', "")
    # The single-page build refers to its figures from the build's root (``_images/``), where
    # the print edition is written too.
    site = index.parent
    while not (site / "_images").is_dir() and site != site.parent:
        site = site.parent
    document = site / "print.html"
    target.parent.mkdir(parents=True, exist_ok=True)
    document.write_text(print_document(body, entries, book, cutoff_text), encoding="utf-8")
    _print(document, target)
    pages = chapter_pages(_page_texts(target), entries, first=1)
    document.write_text(print_document(body, entries, book, cutoff_text, pages),
                        encoding="utf-8")
    _print(document, target)
    if chapter_pages(_page_texts(target), entries, first=1) != pages:
        raise RuntimeError("the chapters moved between the two printing runs")
    return target


def main() -> int:
    """``make pdf``: the single-page build, then the PDF; prints its path, pages and size."""
    from pypdf import PdfReader

    target = build_pdf(build_singlehtml())
    pages = len(PdfReader(target).pages)
    print(f"{target.relative_to(ROOT)}: {pages} pages, {target.stat().st_size / 1024:.0f} KB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
