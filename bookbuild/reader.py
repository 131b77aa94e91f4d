"""Sphinx extension for what readers take away: the PDF edition, chapter citations and the
interactive figures' files.

- The PDF edition (``make pdf``, :mod:`bookbuild.pdf`): when ``_build/pdf/csto-record.pdf`` was
  printed from this build's sources (:func:`pdf_status`), every page links it, with its page
  count and size, and the HTML build copies it to the site's root. A PDF printed from other
  chapters or other data is stale: the build says so, does not link it and removes an old copy
  from the site.
- Every page of the table of contents shows how to cite it (authors, chapter title and number,
  book, version, date, address: :mod:`analysis.publish.citation`) as text and BibTeX, and after
  the build its BibTeX is written next to the page (``book/membership.bib``).
- After the HTML build, the interactive figures' specifications
  (``book/_generated/interactive/*.json``, written by the chapters through
  :func:`analysis.publish.interactive.offer`) and the vendored Vega scripts
  (``bookbuild/vendor/``) are copied into ``_static/interactive/``; only a page that has an
  interactive figure loads ``book/_static/interactive.js``, and that loads them only when a
  reader asks for the figure.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from sphinx.util import logging

from analysis.publish.citation import Citation, bibtex, book_metadata, citation_text
from analysis.publish.interactive import MARKER_CLASS, SPEC_DIR

from .data_gate import app_fingerprint
from .edition import PDF_NAME, PDF_PATH, pdf_status
from .pages import ROOT, toc_files

#: The vendored scripts (see ``bookbuild/vendor/README.md``), by the name the site serves them
#: under in ``_static/interactive/``.
VENDOR = Path(__file__).resolve().parent / "vendor"
VENDORED = {name: VENDOR / name for name in ("vega.min.js", "vega-lite.min.js",
                                             "vega-embed.min.js")}
#: Where chapters write interactive figures' specifications.
SPECS = SPEC_DIR
#: Where the site serves both, relative to its root.
SERVED = Path("_static") / "interactive"

logger = logging.getLogger(__name__)


def chapter_number(env, docname: str) -> str | None:  # noqa: ANN001 - a Sphinx environment
    """The chapter's number as the table of contents shows it (``"1"``), or None."""
    numbers = getattr(env, "toc_secnumbers", {}).get(docname, {}).get("")
    return ".".join(str(n) for n in numbers) if numbers else None


def _pdf_context(app, config) -> None:  # noqa: ANN001 - Sphinx signature
    status = pdf_status(PDF_PATH, Path(app.srcdir), app_fingerprint(app))
    app._bookbuild_pdf = status
    if status.current:
        config.html_context["pdf_edition"] = {"pages": status.pages, "size": status.size}


def _page_context(app, pagename, templatename, context, doctree) -> None:  # noqa: ANN001
    if "pdf_edition" in app.config.html_context:
        context["pdf_edition_url"] = context["pathto"](PDF_NAME, 1)
    if f'class="{MARKER_CLASS}"' in context.get("body", ""):
        # Only pages with an interactive figure load the script, deferred; it loads Vega only
        # when a reader asks for the figure.
        context["interactive_script"] = context["pathto"]("_static/interactive.js", 1)
        context["interactive_base"] = context["pathto"](str(SERVED), 1) + "/"
    if doctree is None or pagename not in _toc_pages(app):
        return
    citation = _citation(app, pagename)
    context["citation"] = {"text": citation_text(citation), "bibtex": bibtex(citation),
                           "bib_url": context["pathto"](f"{pagename}.bib", 1),
                           "url": citation.url}


def _toc_pages(app) -> set[str]:  # noqa: ANN001
    if not hasattr(app, "_bookbuild_toc_pages"):
        app._bookbuild_toc_pages = set(toc_files(Path(app.srcdir)))
    return app._bookbuild_toc_pages


def _citation(app, docname: str) -> Citation:  # noqa: ANN001
    if not hasattr(app, "_bookbuild_book"):
        app._bookbuild_book = book_metadata(Path(app.srcdir) / "CITATION.cff")
    return Citation(book=app._bookbuild_book, chapter=app.env.titles[docname].astext(),
                    page=docname, number=chapter_number(app.env, docname))


def copy_if_changed(source: Path, target: Path) -> bool:
    """Copy ``source`` to ``target`` unless ``target`` already holds its bytes; returns
    whether it copied."""
    if target.exists() and target.read_bytes() == source.read_bytes():
        return False
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source, target)
    return True


def copy_interactive(outdir: Path, specs: Path = SPECS) -> list[str]:
    """Copy the interactive figures' specifications under ``specs`` and, if there are any, the
    vendored Vega scripts into ``outdir``/:data:`SERVED`; returns the names copied (a file
    whose copy is already there is skipped). Needs neither npm nor the network."""
    files = sorted(specs.glob("*.json")) if specs.exists() else []
    if not files:
        return []
    served = Path(outdir) / SERVED
    sources = [*((served / name, path) for name, path in VENDORED.items()),
               *((served / spec.name, spec) for spec in files)]
    return [target.name for target, source in sources if copy_if_changed(source, target)]


def _copy_files(app, exception) -> None:  # noqa: ANN001 - Sphinx signature
    if exception is not None or app.builder.name != "html":
        return
    out = Path(app.outdir)
    status = app._bookbuild_pdf
    if status.current:
        copy_if_changed(PDF_PATH, out / PDF_NAME)
    else:
        (out / PDF_NAME).unlink(missing_ok=True)
        if status.exists:
            shown = (PDF_PATH.relative_to(ROOT) if PDF_PATH.is_relative_to(ROOT) else PDF_PATH)
            logger.info("\nThe PDF edition %s is stale (%s): it is not linked or copied into "
                        "the site; `make pdf` prints it again.", shown, status.reason)
    for docname in sorted(_toc_pages(app) & app.env.found_docs):
        target = out / f"{docname}.bib"
        text = bibtex(_citation(app, docname))
        if not target.exists() or target.read_text(encoding="utf-8") != text:
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
    copy_interactive(out)


def setup(app):  # noqa: ANN001, ANN201 - Sphinx signature
    """Register the extension's event handlers with Sphinx."""
    app.setup_extension("bookbuild.data_gate")
    app.connect("config-inited", _pdf_context, priority=200)
    app.connect("html-page-context", _page_context)
    app.connect("build-finished", _copy_files)
    return {"parallel_read_safe": True, "parallel_write_safe": True, "version": "1"}
