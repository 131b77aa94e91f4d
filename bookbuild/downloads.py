"""Sphinx extension: what a reader can download besides the pages.

- Every notebook page offers its source, as MyST ``.md`` (the file it is written in) and as
  ``.ipynb`` (:func:`notebook_json`, for Jupyter without jupytext): the page template
  (``book/_templates/page.html``) gets their addresses and the data appendix's, and after an
  HTML build both files are written next to the page (``book/membership.md`` gives
  ``_build/html/book/membership.ipynb`` and ``.md``).
- After an HTML build, the CSV tables and ``datapackage.json`` are copied to
  ``_build/html/data/`` (each only when its copy there differs).

A notebook's two files are written again when Sphinx wrote its page in this build, or when
either is missing or the ``.md`` is not its source's bytes; otherwise they are left alone, so a
rebuild in which nothing changed writes nothing. The extension's ``env_version`` names the
converter's format and jupytext's version: when either changes, Sphinx reads and writes every
page again, and the downloads with them.
"""

from __future__ import annotations

import shutil
from importlib.metadata import version
from pathlib import Path

from .pages import data_dir, is_notebook

#: The page where the data tables are offered for download (each chapter links to it).
DATA_APPENDIX = "book/data_dictionary"

#: The format of :func:`notebook_json`'s output: raise it when that output changes.
NOTEBOOK_FORMAT = 1


def notebook_json(path: Path) -> str:
    """A MyST notebook as ``.ipynb`` text, for readers who open it in Jupyter without jupytext.

    The cells and metadata are those jupytext reads, without outputs (the reader executes it).
    jupytext gives each cell a random id; here the ids are numbered, so two builds of one source
    give the same bytes.
    """
    import jupytext

    notebook = jupytext.read(path)
    for number, cell in enumerate(notebook.cells, start=1):
        cell["id"] = f"cell-{number}"
    return jupytext.writes(notebook, fmt="ipynb")


def write_notebook_downloads(sources: dict[str, Path], outdir: Path,
                             rendered: set[str] = frozenset()) -> list[str]:
    """Write each notebook page's source next to its HTML in ``outdir``, as ``.md`` (a copy)
    and ``.ipynb`` (:func:`notebook_json`); ``sources`` maps docnames to source files.

    A page not in ``rendered`` (the pages written in this build) whose two files exist, the
    ``.md`` with its source's bytes, is skipped. Returns the docnames written.
    """
    written = []
    for docname, source in sorted(sources.items()):
        target = Path(outdir) / docname
        markdown, notebook = target.with_suffix(".md"), target.with_suffix(".ipynb")
        text = source.read_bytes()
        if (docname not in rendered and notebook.exists() and markdown.exists()
                and markdown.read_bytes() == text):
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        markdown.write_bytes(text)
        notebook.write_text(notebook_json(source), encoding="utf-8")
        written.append(docname)
    return written


def _notebook_source(app, docname: str) -> Path | None:  # noqa: ANN001
    """The source file of a page if it is an executable notebook, else None."""
    path = Path(app.env.doc2path(docname))
    return path if is_notebook(path) else None


def _offer(app, pagename, templatename, context, doctree) -> None:  # noqa: ANN001
    if doctree is None or pagename not in app.env.found_docs:
        return
    if _notebook_source(app, pagename) is None:
        return
    app._bookbuild_rendered.add(pagename)
    pathto = context["pathto"]
    context["notebook_downloads"] = {
        suffix: pathto(f"{pagename}{suffix}", 1) for suffix in (".ipynb", ".md")
    }
    if DATA_APPENDIX in app.env.found_docs:
        context["data_appendix"] = pathto(DATA_APPENDIX)


def _write(app, exception) -> None:  # noqa: ANN001 - Sphinx signature
    if exception is not None or app.builder.format != "html":
        return
    sources = {docname: source for docname in app.env.found_docs
               if (source := _notebook_source(app, docname)) is not None}
    write_notebook_downloads(sources, Path(app.outdir), app._bookbuild_rendered)
    target = Path(app.outdir) / "data"
    target.mkdir(parents=True, exist_ok=True)
    source = data_dir()
    for path in sorted(source.glob("*.csv")) + sorted(source.glob("datapackage.json")):
        copy = target / path.name
        if not copy.exists() or copy.read_bytes() != path.read_bytes():
            shutil.copyfile(path, copy)


def setup(app):  # noqa: ANN001, ANN201 - Sphinx signature
    """Register the extension with Sphinx."""
    app._bookbuild_rendered = set()
    app.connect("html-page-context", _offer)
    app.connect("build-finished", _write)
    # Not parallel_write_safe: the pages written are collected in this process (Sphinx's -j
    # would write them in others); Jupyter Book writes in one process anyway.
    return {"parallel_read_safe": True, "parallel_write_safe": False, "version": "1",
            "env_version": f"{NOTEBOOK_FORMAT}-jupytext-{version('jupytext')}"}
