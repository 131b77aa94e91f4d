"""The book builds from scratch with warnings as errors, and every chapter executes anywhere."""

from __future__ import annotations

import os
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import jupytext
import nbformat
import pytest
import yaml
from nbclient import NotebookClient

from analysis.data.paths import ROOT
from bookbuild.pages import notebook_files, toc_files

from .conftest import BIN

pytestmark = pytest.mark.book


def test_every_toc_page_has_its_html(built_book: Path):
    missing = [name for name in toc_files() if not (built_book / f"{name}.html").exists()]
    assert not missing, f"pages in _toc.yml without HTML: {missing}"
    assert (built_book / "index.html").exists()


@pytest.mark.parametrize("page", toc_files())
def test_no_page_shows_an_error_output(built_book: Path, page: str):
    html = (built_book / f"{page}.html").read_text(encoding="utf-8")
    for marker in ("Traceback (most recent call last)", "output error", 'class="problematic"',
                   "system-message"):
        assert marker not in html, f"{page}.html shows {marker!r}"


def test_glued_numbers_reach_the_prose(built_book: Path):
    html = (built_book / "book" / "membership.html").read_text(encoding="utf-8")
    assert html.count('class="pasted-text"') >= 2


def test_data_tables_are_downloadable(built_book: Path):
    for name in ("memberships.csv", "sources.csv"):
        assert (built_book / "data" / name).stat().st_size > 0


def _notebook_links(html: str) -> list[str]:
    """The href of every <a download> in a page that offers a notebook (charts offer their data
    as .csv the same way)."""
    links = []

    class Parser(HTMLParser):
        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            names = dict(attrs)
            href = names.get("href") or ""
            if tag == "a" and "download" in names and href.endswith((".ipynb", ".md")):
                links.append(href)

    Parser().feed(html)
    return links


@pytest.mark.parametrize("path", notebook_files(), ids=lambda p: p.stem)
def test_notebook_page_offers_its_source_as_ipynb_and_md(built_book: Path, path: Path):
    page = built_book / path.relative_to(ROOT).with_suffix(".html")
    links = _notebook_links(page.read_text(encoding="utf-8"))
    assert sorted(links) == [f"{path.stem}.ipynb", f"{path.stem}.md"]
    assert page.with_suffix(".md").read_bytes() == path.read_bytes()
    downloaded = nbformat.read(page.with_suffix(".ipynb"), as_version=4)
    nbformat.validate(downloaded)  # raises if Jupyter could not open it
    source = jupytext.read(path)
    assert [(c.cell_type, c.source) for c in downloaded.cells] == \
        [(c.cell_type, c.source) for c in source.cells]
    assert downloaded.metadata.kernelspec.name == source.metadata.kernelspec.name
    assert not any(cell.get("outputs") for cell in downloaded.cells)


def test_pages_that_are_not_notebooks_offer_no_notebook(built_book: Path):
    notebooks = {p.relative_to(ROOT).with_suffix("").as_posix() for p in notebook_files()}
    others = [name for name in toc_files() if name not in notebooks]
    assert others, "every page is a notebook: this test checks nothing"
    for name in others:
        page = built_book / f"{name}.html"
        assert _notebook_links(page.read_text(encoding="utf-8")) == [], name
        assert not page.with_suffix(".ipynb").exists(), name


TEMPLATE = ROOT / "book" / "templates" / "chapter_template.md"


def test_the_chapter_template_executes_from_an_empty_folder(tmp_path: Path):
    """The book's chapters are held to this by the execution step of every build (each runs in
    an empty folder and fails if it leaves a file there); the template is not in the book."""
    notebook = jupytext.read(TEMPLATE)
    client = NotebookClient(notebook, timeout=300, kernel_name="python3",
                            resources={"metadata": {"path": str(tmp_path)}})
    client.execute(cwd=str(tmp_path))
    errors = [out for cell in notebook.cells for out in cell.get("outputs", [])
              if out.get("output_type") == "error"]
    assert not errors
    assert list(tmp_path.iterdir()) == [], "a chapter wrote files into the working directory"


BAD_NOTEBOOK = """---
jupytext:
  text_representation:
    extension: .md
    format_name: myst
kernelspec:
  display_name: Python 3
  language: python
  name: python3
---

# A broken chapter

```{code-cell} ipython3
raise RuntimeError("this cell is broken on purpose")
```
"""


def test_a_cell_error_fails_the_build_and_names_the_notebook(tmp_path: Path):
    book = tmp_path / "mini"
    book.mkdir()
    config = yaml.safe_load((ROOT / "_config.yml").read_text())
    # The same execution settings as the book, without the project's bibliography and data hooks,
    # so that the broken cell is the only thing that can fail.
    config.pop("bibtex_bibfiles")
    config["sphinx"].pop("extra_extensions")
    # The book's patterns leave out Markdown files at its root (README and the like), which is
    # where the one chapter of this small book lives.
    config["exclude_patterns"] = ["_build"]
    config["execute"]["cache"] = str(tmp_path / "cache")
    (book / "_config.yml").write_text(yaml.safe_dump(config))
    (book / "_toc.yml").write_text("format: jb-book\nroot: broken_chapter\n")
    (book / "broken_chapter.md").write_text(BAD_NOTEBOOK)
    result = subprocess.run(
        [str(BIN / "jupyter-book"), "build", str(book), "--warningiserror", "--nitpick",
         "--keep-going"],
        capture_output=True, text=True, timeout=600, env=dict(os.environ),
    )
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "broken_chapter" in output
    assert "this cell is broken on purpose" in output
