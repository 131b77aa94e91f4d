"""Sphinx extension for what readers take away: the PDF edition, chapter citations and the
interactive figures' files.

- on every page: passes the PDF edition's address, page count and size to the page template
  (``book/_templates/page.html``) when ``_build/pdf/csto-record.pdf`` exists (``make pdf``
  writes it), and after the HTML build copies it to the site's root, so every page links it;
- on every page of the table of contents: passes how to cite it (authors, chapter title and
  number, book, version, date, address: :mod:`analysis.publish.citation`) as text and BibTeX,
  and after the build writes the BibTeX next to the page (``book/membership.bib``);
- after the HTML build: copies the interactive figures' specifications
  (``book/_generated/interactive/*.json``, written by the chapters through
  :func:`analysis.publish.interactive.offer`) and the vendored Vega scripts (``node_modules/``,
  installed from package-lock.json) into ``_static/interactive/``; only a page that has an
  interactive figure loads ``book/_static/interactive.js``, and that loads them only when a
  reader asks for the figure.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

from analysis.data.paths import ROOT
from .execute import toc_files
from analysis.publish.citation import Citation, bibtex, book_metadata, citation_text
from analysis.publish.interactive import MARKER_CLASS, SPEC_DIR
from .pdf import PDF_NAME, PDF_PATH

#: The vendored scripts, from the npm packages pinned in package-lock.json: where npm installs
#: them, and the name they are served under in ``_static/interactive/``.
VENDORED = {
    "vega.min.js": ROOT / "node_modules" / "vega" / "build" / "vega.min.js",
    "vega-lite.min.js": ROOT / "node_modules" / "vega-lite" / "build" / "vega-lite.min.js",
    "vega-embed.min.js": ROOT / "node_modules" / "vega-embed" / "build" / "vega-embed.min.js",
}
#: Where chapters write interactive figures' specifications.
SPECS = SPEC_DIR
#: Where the site serves both, relative to its root.
SERVED = Path("_static") / "interactive"


def pdf_summary(path: Path) -> dict | None:
    """The PDF edition's page count and size for the link on every page (``{"pages": 123,
    "size": "4.2 MB"}``), or None if it has not been built.

    Counting the pages means parsing the whole PDF (about a second for this book), so the count
    is kept beside it (``<name>.pages.json``) with the file's size and modification time, and
    counted again only when either changed."""
    if not path.exists():
        return None
    stat = path.stat()
    key = [stat.st_size, stat.st_mtime_ns]
    kept = path.with_name(path.name + ".pages.json")
    try:
        known = json.loads(kept.read_text(encoding="utf-8"))
        pages = known["pages"] if known.get("key") == key else None
    except (OSError, ValueError, KeyError, AttributeError):
        pages = None
    if pages is None:
        from pypdf import PdfReader

        pages = len(PdfReader(path).pages)
        kept.write_text(json.dumps({"key": key, "pages": pages}), encoding="utf-8")
    size = stat.st_size
    text = f"{size / 2**20:.1f} MB" if size >= 2**20 else f"{size / 1024:.0f} KB"
    return {"pages": pages, "size": text}


def chapter_number(env, docname: str) -> str | None:  # noqa: ANN001 - a Sphinx environment
    """The chapter's number as the table of contents shows it (``"1"``), or None."""
    numbers = getattr(env, "toc_secnumbers", {}).get(docname, {}).get("")
    return ".".join(str(n) for n in numbers) if numbers else None


def _pdf_context(app, config) -> None:  # noqa: ANN001 - Sphinx signature
    summary = pdf_summary(PDF_PATH)
    if summary is not None:
        config.html_context["pdf_edition"] = summary


def _citation_context(app, pagename, templatename, context, doctree) -> None:  # noqa: ANN001
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
    if not hasattr(app, "_csto_toc_pages"):
        app._csto_toc_pages = set(toc_files(Path(app.srcdir)))
    return app._csto_toc_pages


def _citation(app, docname: str) -> Citation:  # noqa: ANN001
    if not hasattr(app, "_csto_book"):
        app._csto_book = book_metadata(Path(app.srcdir) / "CITATION.cff")
    return Citation(book=app._csto_book, chapter=app.env.titles[docname].astext(),
                    page=docname, number=chapter_number(app.env, docname))


def ensure_vendored(root: Path = ROOT) -> None:
    """Install the npm packages (``npm ci``, from package-lock.json) if a vendored script is
    missing, as a fresh clone's first build needs; raises RuntimeError if that fails."""
    if all(path.exists() for path in VENDORED.values()):
        return
    result = subprocess.run(["npm", "ci", "--no-audit", "--no-fund", "--loglevel=error"],
                            cwd=root, capture_output=True, text=True)
    missing = [str(p) for p in VENDORED.values() if not p.exists()]
    if result.returncode != 0 or missing:
        raise RuntimeError(f"npm ci did not install {missing}:\n{result.stderr[-2000:]}")
    # The same stamp tools/setup-browser.sh keeps, so it does not install them again.
    shutil.copyfile(root / "package-lock.json", root / "node_modules"
                    / ".installed-package-lock.json")


def _copy_files(app, exception) -> None:  # noqa: ANN001 - Sphinx signature
    if exception is not None or app.builder.name != "html":
        return
    out = Path(app.outdir)
    if PDF_PATH.exists():
        shutil.copyfile(PDF_PATH, out / PDF_NAME)
    for docname in sorted(_toc_pages(app) & app.env.found_docs):
        target = out / f"{docname}.bib"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(bibtex(_citation(app, docname)), encoding="utf-8")
    specs = sorted(SPECS.glob("*.json")) if SPECS.exists() else []
    if specs:
        ensure_vendored()
        served = out / SERVED
        served.mkdir(parents=True, exist_ok=True)
        for name, source in VENDORED.items():
            shutil.copyfile(source, served / name)
        for spec in specs:
            shutil.copyfile(spec, served / spec.name)


def setup(app):  # noqa: ANN001, ANN201 - Sphinx signature
    """Register the extension's event handlers with Sphinx."""
    app.connect("config-inited", _pdf_context, priority=100)
    app.connect("html-page-context", _citation_context)
    app.connect("build-finished", _copy_files)
    return {"parallel_read_safe": True, "parallel_write_safe": True, "version": "1"}
