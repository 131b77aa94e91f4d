"""The book builds from scratch with warnings as errors, and every chapter executes anywhere."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import jupytext
import pytest
import yaml
from nbclient import NotebookClient

from analysis.paths import ROOT

from analysis.build import notebook_files, toc_files

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


TEMPLATE = ROOT / "book" / "templates" / "chapter_template.md"


@pytest.mark.parametrize("path", notebook_files() + [TEMPLATE], ids=lambda p: p.stem)
def test_chapter_executes_from_an_empty_folder(path: Path, tmp_path: Path):
    notebook = jupytext.read(path)
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
