"""Sphinx glue for the book: built from the data, so nothing is copied by hand.

- before reading: writes ``book/_generated/references.bib`` from ``data/sources.csv`` (the
  bibliography and the data share one set of records) and validates the data, so a bad row stops
  the build with the file, line and column named;
- after an HTML build: copies the CSV tables and ``datapackage.json`` to ``_build/html/data/`` so
  readers can download them.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from .paths import data_dir

#: Where the bibliography is written, relative to the book's source folder (``_config.yml``
#: lists the same path under ``bibtex_bibfiles``).
BIB_PATH = Path("book") / "_generated" / "references.bib"


def _write_bibliography(app, config) -> None:  # noqa: ANN001 - Sphinx signature
    from .bibliography import write_bibtex
    from .load import load_all

    tables = load_all()  # raises DataError: the build stops on bad data
    write_bibtex(tables["sources"], Path(app.srcdir) / BIB_PATH)


def _copy_data(app, exception) -> None:  # noqa: ANN001 - Sphinx signature
    if exception is not None or app.builder.format != "html":
        return
    target = Path(app.outdir) / "data"
    target.mkdir(parents=True, exist_ok=True)
    source = data_dir()
    for path in sorted(source.glob("*.csv")) + sorted(source.glob("datapackage.json")):
        shutil.copyfile(path, target / path.name)


def setup(app):  # noqa: ANN001, ANN201 - Sphinx signature
    app.connect("config-inited", _write_bibliography, priority=100)
    app.connect("build-finished", _copy_data)
    return {"parallel_read_safe": True, "parallel_write_safe": True, "version": "1"}
