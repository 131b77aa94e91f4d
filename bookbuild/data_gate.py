"""Sphinx glue for the book: built from the data, so nothing is copied by hand.

- before reading: writes ``book/_generated/references.bib`` from ``data/sources.csv`` (the
  bibliography and the data share one set of records) and validates the data, so a bad row stops
  the build with the file, line and column named; both are skipped when the data and the code
  that checks them are byte for byte those of the last successful check (a fingerprint recorded
  in ``book/_generated/data-inputs.json``, see :func:`prepare_data`);
- before reading: empties the execution cache if the data or the ``analysis`` package changed
  since it was filled, and marks every notebook page for re-reading, so no page shows numbers
  computed from old data (the cache itself knows only each notebook's code);
- after reading: the bibliography's entries are formatted (by sphinxcontrib-bibtex) only when
  the BibTeX file, the citations or the bibliography settings changed since the last build
  (:class:`FingerprintedBibtexDomain`); otherwise the entries formatted then are kept;
- on each page: gives every image its width and height (so the text below does not jump when it
  arrives) and lets the browser fetch all but the first image lazily, when the reader scrolls
  near it;
- on each page: passes the data's cut-off date (``data/package.yml``) to the page template,
  which shows it as "Data to 23 November 2026";
- on each page that is a notebook: tells the page template (``book/_templates/page.html``) where
  the page's source can be downloaded, as ``.ipynb`` and as MyST ``.md``;
- after an HTML build: writes those two files next to each notebook's page
  (``book/membership.md`` gives ``_build/html/book/membership.ipynb`` and ``.md``; again only
  for a source that changed, see :func:`write_notebook_downloads`) and copies the
  CSV tables and ``datapackage.json`` to ``_build/html/data/`` so readers can download them.
"""

from __future__ import annotations

import ast
import hashlib
import json
import re
import shutil
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

from sphinx.util import logging
from sphinxcontrib.bibtex.domain import BibtexDomain, get_docnames

from .execute import (data_inputs, execution_inputs, inputs_fingerprint, is_notebook,
                    notebook_json, refresh_cache, write_atomically)
from analysis.data.paths import data_dir

# pandas, pandera and the data modules are imported only when the data are checked: a build in
# which nothing changed does not need them.

#: Where the bibliography is written, relative to the book's source folder (``_config.yml``
#: lists the same path under ``bibtex_bibfiles``).
BIB_PATH = Path("book") / "_generated" / "references.bib"

#: The record of the last successful data check, relative to the book's source folder: the
#: fingerprint of :func:`~bookbuild.execute.data_inputs`, the SHA-256 of the bibliography
#: written from them and the cut-off date read from them.
DATA_STAMP = Path("book") / "_generated" / "data-inputs.json"

#: The page where the data tables are offered for download (each chapter links to it).
DATA_APPENDIX = "book/data_dictionary"

logger = logging.getLogger(__name__)


@dataclass
class DataPreparation:
    """What :func:`prepare_data` did: whether it checked the data and wrote the bibliography
    (False: skipped, nothing changed), and the cut-off date as the pages show it."""

    checked: bool
    data_cutoff: str


def _sha256(path: Path) -> str | None:
    return hashlib.sha256(path.read_bytes()).hexdigest() if path.exists() else None


def prepare_data(srcdir: Path, data: Path | None = None) -> DataPreparation:
    """Validate the data in ``data`` (default :func:`~analysis.data.paths.data_dir`), write the
    bibliography to ``srcdir``/:data:`BIB_PATH` and read the cut-off date, unless the inputs
    (:func:`~bookbuild.execute.data_inputs`) and the bibliography file are exactly those
    recorded in ``srcdir``/:data:`DATA_STAMP` by the last check that passed.

    Bad data raise :class:`~analysis.data.validate.DataError` (file, line, column) and record
    nothing, so the next build checks again and stops again.
    """
    data = Path(data or data_dir())
    bib, stamp = Path(srcdir) / BIB_PATH, Path(srcdir) / DATA_STAMP
    fingerprint = inputs_fingerprint(data_inputs(data))
    try:
        record = json.loads(stamp.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        record = {}
    if (record.get("inputs") == fingerprint and record.get("bibliography") == _sha256(bib)
            and isinstance(record.get("data_cutoff"), str)):
        return DataPreparation(False, record["data_cutoff"])

    from analysis.publish.bibliography import write_bibtex
    from analysis.data.edition import data_cutoff, day_text
    from analysis.data.load import load_all

    tables = load_all(data)  # raises DataError: the build stops on bad data
    write_bibtex(tables["sources"], bib)
    cutoff = day_text(data_cutoff(data))
    write_atomically(stamp, json.dumps(
        {"inputs": fingerprint, "bibliography": _sha256(bib), "data_cutoff": cutoff},
        indent=1) + "\n")
    return DataPreparation(True, cutoff)


def _prepare_data(app, config) -> None:  # noqa: ANN001 - Sphinx signature
    done = prepare_data(Path(app.srcdir))
    logger.info("data %s; cut-off %s", "checked, bibliography written" if done.checked
                else "unchanged since the last check: check and bibliography skipped",
                done.data_cutoff)
    # Every page template shows "Data to <day>" (book/_templates/page.html).
    config.html_context["data_cutoff"] = done.data_cutoff


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


_WRAPPED_TABLE_ID = re.compile(
    r'(<div [^>]*class="table-wrapper[^"]*"[^>]*?) id="([^"]+)"(>\s*<table [^>]*id="\2")')


def unique_table_ids(body: str) -> str:
    """Page HTML without the second copy of a named table's id: docutils writes a table's
    ``:name:`` on the table, and the wrapper that lets it scroll sideways repeats it, which
    makes the id appear twice (invalid HTML). The table keeps it, so links still land."""
    return _WRAPPED_TABLE_ID.sub(r"\1\3", body)


def _size_images(app, pagename, templatename, context, doctree) -> None:  # noqa: ANN001
    if "body" in context:
        context["body"] = unique_table_ids(context["body"])
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


#: The record, in the build's doctree folder, of the source each notebook download was written
#: from (docname: SHA-256 of the source, of the converting code and of jupytext's version).
DOWNLOADS_STAMP = "csto-downloads.json"


def _download_fingerprint(source: Path) -> str:
    from importlib.metadata import version

    from . import execute as build

    digest = hashlib.sha256(source.read_bytes())
    digest.update(Path(build.__file__).read_bytes())  # notebook_json lives there
    digest.update(version("jupytext").encode())
    return digest.hexdigest()


def write_notebook_downloads(sources: dict[str, Path], outdir: Path, stamp: Path) -> list[str]:
    """Write each notebook page's source next to its HTML, as ``.md`` (a copy) and ``.ipynb``
    (:func:`~bookbuild.execute.notebook_json`); ``sources`` maps docnames to source files.

    A download whose source, converting code and jupytext are those recorded in ``stamp``, and
    whose two files exist, is not written again. Returns the docnames written.
    """
    try:
        record = json.loads(Path(stamp).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        record = {}
    written, current = [], {}
    for docname, source in sorted(sources.items()):
        target = Path(outdir) / docname
        current[docname] = _download_fingerprint(source)
        files = (target.with_suffix(".md"), target.with_suffix(".ipynb"))
        if record.get(docname) == current[docname] and all(f.exists() for f in files):
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, files[0])
        files[1].write_text(notebook_json(source), encoding="utf-8")
        written.append(docname)
    write_atomically(Path(stamp), json.dumps(current, indent=1, sort_keys=True) + "\n")
    return written


def _write_notebooks(app, exception) -> None:  # noqa: ANN001 - Sphinx signature
    if exception is not None or app.builder.format != "html":
        return
    sources = {docname: source for docname in app.env.found_docs
               if (source := _notebook_source(app, docname)) is not None}
    write_notebook_downloads(sources, Path(app.outdir), Path(app.doctreedir) / DOWNLOADS_STAMP)


def _inputs(app) -> list[Path]:  # noqa: ANN001
    configured = app.config.csto_execution_inputs
    if configured is None:
        return execution_inputs(Path(app.srcdir))
    return [Path(app.srcdir, path) for path in configured]


def _refresh_execution_cache(app, config) -> None:  # noqa: ANN001 - Sphinx signature
    if config.nb_execution_mode == "cache" and config.nb_execution_cache_path:
        refresh_cache(Path(app.srcdir, config.nb_execution_cache_path), _inputs(app))


def _outdated_notebooks(app, env, added, changed, removed) -> list[str]:  # noqa: ANN001
    current = inputs_fingerprint(_inputs(app))
    if getattr(env, "csto_inputs", None) == current:
        return []
    env.csto_inputs = current
    return sorted(d for d in env.found_docs if _notebook_source(app, d) is not None)


def bibtex_fingerprint(domain) -> str:  # noqa: ANN001 - a sphinxcontrib-bibtex domain
    """A SHA-256 over everything sphinxcontrib-bibtex formats the bibliography from: the bytes
    of each BibTeX file, every ``bibliography`` directive (with its filter, style and
    citation nodes), every citation in the pages, the pages' order and the tooltip settings."""
    env = domain.env
    bibfiles = sorted({path for bibliography in domain.bibliographies.values()
                       for path in bibliography.bibfiles})
    bibliographies = [
        (tuple(key), value.line, [str(path) for path in value.bibfiles], value.style,
         value.list_, value.enumtype, value.start, value.labelprefix, value.keyprefix,
         ast.dump(value.filter_), sorted((name, list(node["ids"]))
                                         for name, node in value.citation_nodes.items()),
         list(value.keys))
        for key, value in domain.bibliographies.items()]
    citations = [(ref.citation_ref_id, ref.docname, ref.line,
                  [tuple(target) for target in ref.targets]) for ref in domain.citation_refs]
    state = ([(str(path), _sha256(Path(path))) for path in bibfiles], bibliographies, citations,
             list(get_docnames(env)), env.config.bibtex_tooltips,
             env.config.bibtex_tooltips_style)
    return hashlib.sha256(json.dumps(state, default=str).encode()).hexdigest()


class FingerprintedBibtexDomain(BibtexDomain):
    """sphinxcontrib-bibtex's ``cite`` domain, formatting the bibliography only when its
    :func:`bibtex_fingerprint` changed.

    The formatted entries of the last build are kept in the pickled environment with the
    fingerprint they were made from; a build whose fingerprint is the same reuses them. A build
    in which formatting warned records no fingerprint, so the next one formats and warns again.
    """

    def env_updated(self):  # noqa: ANN201 - Sphinx domain API
        current = bibtex_fingerprint(self)
        if self.data.get("csto_fingerprint") == current and "csto_citations" in self.data:
            self.data["citations"] = list(self.data["csto_citations"])
            logger.info("bibliography unchanged: its formatted entries kept")
            return []
        app = self.env.app
        warnings = getattr(app, "_warncount", 0)
        updated = super().env_updated()
        clean = getattr(app, "_warncount", 0) == warnings
        self.data["csto_fingerprint"] = current if clean else None
        self.data["csto_citations"] = list(self.citations)
        return updated


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
    app.setup_extension("sphinxcontrib.bibtex")
    app.add_domain(FingerprintedBibtexDomain, override=True)
    app.connect("config-inited", _prepare_data, priority=100)
    app.connect("config-inited", _refresh_execution_cache, priority=100)
    app.connect("env-get-outdated", _outdated_notebooks)
    app.connect("html-page-context", _size_images)
    app.connect("html-page-context", _offer_downloads)
    app.connect("build-finished", _write_notebooks)
    app.connect("build-finished", _copy_data)
    return {"parallel_read_safe": True, "parallel_write_safe": True, "version": "1"}
