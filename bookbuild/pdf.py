"""The PDF edition, printed by Debian's Chromium, offline.

``make pdf`` (``python -m bookbuild pdf``) does four things:

1. builds the book as one HTML page with Sphinx's ``singlehtml`` builder (the same sources,
   configuration and execution cache as ``make book``, so the chapters are not executed again
   and the figures are the same files);
2. composes the reader's edition from that page (:mod:`bookbuild.print_edition`): a title page
   with the edition and the data's cut-off date, a table of contents with page numbers, the
   opening page, the chapters, the cases and the methods (each on a new page, with its
   number), the static figures (the PDF is printed without JavaScript) and the works they cite;
3. prints it with Chromium (through Playwright, never a downloaded browser) twice: the first
   run tells on which page each chapter starts (read back with pypdf), the second prints the
   table of contents with those page numbers. The PDF has an outline (bookmarks) and page
   numbers in the footer;
4. records beside it what it was printed from (:func:`bookbuild.edition.record_pdf`), so that
   ``make book`` links it only while it is current.

The result is ``_build/pdf/csto-record.pdf``.
"""

from __future__ import annotations

import os
from pathlib import Path

from analysis.data.edition import data_cutoff, day_text
from analysis.publish.citation import book_metadata

from .build import FLAGS, jupyter_book
from .edition import PDF_PATH, printed_pages, record_pdf
from .inputs import fingerprint
from .pages import ROOT, toc_files, toc_parts
from .print_edition import compose
from .print_layout import chapter_pages, print_document

#: The browser that prints: ``$CHROMIUM`` if set (Chromium or Chrome elsewhere than Debian),
#: else Debian's Chromium.
CHROMIUM = Path(os.environ.get("CHROMIUM", "/usr/bin/chromium"))
#: Chromium on a closed network: without these it keeps trying to reach Google's hosts.
CHROMIUM_FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]

#: The footer on every page but the title page's: the page number.
FOOTER = ('<div style="font-size:8pt; width:100%; text-align:center; color:#555;">'
          '<span class="pageNumber"></span></div>')

#: The page whose entries the list of works cited is drawn from.
BIBLIOGRAPHY_PAGE = "book/bibliography"


def build_singlehtml(root: Path = ROOT, path_output: Path | None = None,
                     config: Path | None = None) -> Path:
    """Build the book as one HTML page (warnings are errors, as for the web edition); returns
    the page (the root page's name: ``book/intro.html``), under ``_build/singlehtml`` of the
    project or of ``path_output``. The execution cache is the web edition's, so nothing is
    executed that ``python -m bookbuild execute`` already ran; ``config`` is the configuration
    of a build made elsewhere (:func:`bookbuild.build.build_html` writes one), to print from its
    execution cache."""
    result = jupyter_book("build", str(root), "--builder", "singlehtml", *FLAGS,
                          *(["--path-output", str(path_output)] if path_output else []),
                          *(["--config", str(config)] if config else []))
    if result.returncode != 0:
        raise RuntimeError(f"the single-page build failed:\n{result.stdout[-4000:]}\n"
                           f"{result.stderr[-4000:]}")
    index = (path_output or root) / "_build" / "singlehtml" / f"{toc_files(root)[0]}.html"
    if not index.exists():
        raise RuntimeError(f"the single-page build wrote no {index}")
    return index


def _print(document: Path, target: Path) -> None:
    from playwright.sync_api import sync_playwright

    if not CHROMIUM.exists():
        raise RuntimeError(f"{CHROMIUM} is missing: see the README's prerequisites "
                           "(tools/setup-browser.sh installs it on Debian)")
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
    """Compose the reader's edition from the single-page build ``index`` and print it to
    ``target`` (twice: the second time with the contents' page numbers), then record what it
    was printed from. Returns ``target``."""
    book = book_metadata(root / "CITATION.cff")
    cutoff_text = day_text(data_cutoff())
    composed = compose(index.read_text(encoding="utf-8"), toc_files(root)[0],
                       printed_pages(root), toc_parts(root), book.url, BIBLIOGRAPHY_PAGE)
    # The single-page build refers to its figures from the build's root (``_images/``), where
    # the print edition is written too.
    site = index.parent
    while not (site / "_images").is_dir() and site != site.parent:
        site = site.parent
    document = site / "print.html"
    target.parent.mkdir(parents=True, exist_ok=True)
    document.write_text(print_document(composed.body, composed.entries, book, cutoff_text),
                        encoding="utf-8")
    _print(document, target)
    pages = chapter_pages(_page_texts(target), composed.entries, first=1)
    document.write_text(print_document(composed.body, composed.entries, book, cutoff_text,
                                       pages), encoding="utf-8")
    _print(document, target)
    texts = _page_texts(target)
    if chapter_pages(texts, composed.entries, first=1) != pages:
        raise RuntimeError("the chapters moved between the two printing runs")
    record_pdf(target, root, fingerprint(root), len(texts))
    return target


def main() -> int:
    """``make pdf``: the single-page build, then the PDF; prints its path, pages and size."""
    from .edition import pdf_status

    target = build_pdf(build_singlehtml())
    status = pdf_status(target, ROOT, fingerprint(ROOT))
    print(f"{target.relative_to(ROOT)}: {status.pages} pages, {status.size}")
    return 0
