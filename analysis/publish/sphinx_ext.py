"""Sphinx glue for the book: built from the data, so nothing is copied by hand.

- before reading: writes ``book/_generated/references.bib`` from ``data/sources.csv`` (the
  bibliography and the data share one set of records) and validates the data, so a bad row stops
  the build with the file, line and column named;
- before reading: empties the execution cache if the data or the ``analysis`` package changed
  since it was filled, and marks every notebook page for re-reading, so no page shows numbers
  computed from old data (the cache itself knows only each notebook's code);
- on each page: gives every image its width and height (so the text below does not jump when it
  arrives) and lets the browser fetch all but the first image lazily, when the reader scrolls
  near it;
- on each page: passes the data's cut-off date (``data/package.yml``) to the page template,
  which shows it as "Data to 23 November 2026";
- on each page that is a notebook: tells the page template (``book/_templates/page.html``) where
  the page's source can be downloaded, as ``.ipynb`` and as MyST ``.md``;
- after an HTML build: writes those two files next to each notebook's page
  (``book/membership.md`` gives ``_build/html/book/membership.ipynb`` and ``.md``) and copies the
  CSV tables and ``datapackage.json`` to ``_build/html/data/`` so readers can download them.
"""

from __future__ import annotations

import re
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

from .build import (execution_inputs, inputs_fingerprint, is_notebook, notebook_json,
                    refresh_cache)
from ..data.edition import data_cutoff, day_text
from ..data.paths import data_dir

#: Where the bibliography is written, relative to the book's source folder (``_config.yml``
#: lists the same path under ``bibtex_bibfiles``).
BIB_PATH = Path("book") / "_generated" / "references.bib"

#: The page where the data tables are offered for download (each chapter links to it).
DATA_APPENDIX = "book/data_dictionary"


def _write_bibliography(app, config) -> None:  # noqa: ANN001 - Sphinx signature
    from .bibliography import write_bibtex
    from ..data.load import load_all

    tables = load_all()  # raises DataError: the build stops on bad data
    write_bibtex(tables["sources"], Path(app.srcdir) / BIB_PATH)


_IMG = re.compile(r'<img (?P<attrs>[^>]*?)src="(?P<src>[^"]+)"(?P<rest>[^>]*?)\s*/?>')
_LENGTH = re.compile(r"^\s*(?P<number>[0-9.]+)\s*(?P<unit>[a-z%]*)\s*$")
#: CSS pixels per unit of an SVG length (matplotlib writes points).
_PIXELS = {"": 1.0, "px": 1.0, "pt": 4 / 3, "in": 96.0, "cm": 96 / 2.54, "mm": 96 / 25.4}


def image_size(path: Path) -> tuple[int, int]:
    """The width and height of a PNG, JPEG or SVG image in CSS pixels.

    Raises ValueError, naming the file, when the size cannot be read (an SVG without absolute
    width and height, for example): a figure is never published without its size.
    """
    if path.suffix.lower() == ".svg":
        root = ET.parse(path).getroot()
        sizes = []
        for name in ("width", "height"):
            match = _LENGTH.match(root.get(name, ""))
            if match is None or match["unit"] not in _PIXELS:
                raise ValueError(f"{path}: the SVG's {name} ({root.get(name)!r}) is not an "
                                 "absolute length")
            sizes.append(round(float(match["number"]) * _PIXELS[match["unit"]]))
        return sizes[0], sizes[1]
    from PIL import Image

    try:
        with Image.open(path) as image:
            return image.size
    except OSError as error:
        raise ValueError(f"{path}: cannot read the image's size ({error})") from error


def sized_images(body: str, source_of: dict[str, Path]) -> str:
    """Page HTML with width, height and (after the first image) lazy loading on each ``<img>``.

    ``source_of`` maps the file name of each image in ``_images/`` to the file it is copied from;
    an image whose tag already has a width or height keeps it.
    """
    count = 0

    def add(match: re.Match) -> str:
        nonlocal count
        count += 1
        tag = match.group(0)
        source = source_of.get(match["src"].rsplit("/", 1)[-1])
        if source is None or re.search(r"\s(width|height)=", tag):
            return tag
        width, height = image_size(source)
        extra = f' width="{width}" height="{height}"'
        if count > 1:
            extra += ' loading="lazy"'
        return f'<img {match["attrs"]}src="{match["src"]}"{match["rest"]}{extra} />'

    return _IMG.sub(add, body)


def _size_images(app, pagename, templatename, context, doctree) -> None:  # noqa: ANN001
    if "body" not in context or not getattr(app.builder, "images", None):
        return
    source_of = {dest: Path(app.srcdir) / src for src, dest in app.builder.images.items()}
    context["body"] = sized_images(context["body"], source_of)


def _notebook_source(app, docname: str) -> Path | None:  # noqa: ANN001
    """The source file of a page if it is an executable notebook, else None."""
    path = Path(app.env.doc2path(docname))
    return path if is_notebook(path) else None


def _offer_downloads(app, pagename, templatename, context, doctree) -> None:  # noqa: ANN001
    if doctree is None or pagename not in app.env.found_docs:
        return
    if _notebook_source(app, pagename) is None:
        return
    pathto = context["pathto"]
    context["notebook_downloads"] = {
        suffix: pathto(f"{pagename}{suffix}", 1) for suffix in (".ipynb", ".md")
    }
    if DATA_APPENDIX in app.env.found_docs:
        context["data_appendix"] = pathto(DATA_APPENDIX)


def _write_notebooks(app, exception) -> None:  # noqa: ANN001 - Sphinx signature
    if exception is not None or app.builder.format != "html":
        return
    for docname in sorted(app.env.found_docs):
        source = _notebook_source(app, docname)
        if source is None:
            continue
        target = Path(app.outdir) / docname
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, target.with_suffix(".md"))
        target.with_suffix(".ipynb").write_text(notebook_json(source), encoding="utf-8")


def _inputs(app) -> list[Path]:  # noqa: ANN001
    configured = app.config.csto_execution_inputs
    if configured is None:
        return execution_inputs(Path(app.srcdir))
    return [Path(app.srcdir, path) for path in configured]


def _data_cutoff(app, config) -> None:  # noqa: ANN001 - Sphinx signature
    # Every page template shows "Data to <day>" (book/_templates/page.html).
    config.html_context["data_cutoff"] = day_text(data_cutoff(data_dir()))


def _refresh_execution_cache(app, config) -> None:  # noqa: ANN001 - Sphinx signature
    if config.nb_execution_mode == "cache" and config.nb_execution_cache_path:
        refresh_cache(Path(app.srcdir, config.nb_execution_cache_path), _inputs(app))


def _outdated_notebooks(app, env, added, changed, removed) -> list[str]:  # noqa: ANN001
    current = inputs_fingerprint(_inputs(app))
    if getattr(env, "csto_inputs", None) == current:
        return []
    env.csto_inputs = current
    return sorted(d for d in env.found_docs if _notebook_source(app, d) is not None)


def _copy_data(app, exception) -> None:  # noqa: ANN001 - Sphinx signature
    if exception is not None or app.builder.format != "html":
        return
    target = Path(app.outdir) / "data"
    target.mkdir(parents=True, exist_ok=True)
    source = data_dir()
    for path in sorted(source.glob("*.csv")) + sorted(source.glob("datapackage.json")):
        shutil.copyfile(path, target / path.name)


def setup(app):  # noqa: ANN001, ANN201 - Sphinx signature
    app.add_config_value("csto_execution_inputs", None, "env")
    app.connect("config-inited", _write_bibliography, priority=100)
    app.connect("config-inited", _refresh_execution_cache, priority=100)
    app.connect("config-inited", _data_cutoff, priority=100)
    app.connect("env-get-outdated", _outdated_notebooks)
    app.connect("html-page-context", _size_images)
    app.connect("html-page-context", _offer_downloads)
    app.connect("build-finished", _write_notebooks)
    app.connect("build-finished", _copy_data)
    return {"parallel_read_safe": True, "parallel_write_safe": True, "version": "1"}
