"""Parallel cached execution: unchanged chapters are never executed twice; an edit re-executes
exactly the edited chapter."""

from __future__ import annotations

from pathlib import Path

import pytest

from analysis.build import execute_parallel, notebook_files, notebook_json, toc_files

CHAPTER = """---
jupytext:
  text_representation:
    extension: .md
    format_name: myst
kernelspec:
  display_name: Python 3
  language: python
  name: python3
---

# {title}

```{{code-cell}} ipython3
{code}
```
"""


@pytest.fixture
def mini_book(tmp_path: Path) -> Path:
    (tmp_path / "_config.yml").write_text("execute:\n  cache: _build/.jupyter_cache\n  timeout: 60\n")
    (tmp_path / "_toc.yml").write_text(
        "format: jb-book\nroot: intro\nchapters:\n  - file: one\n  - file: two\n")
    (tmp_path / "intro.md").write_text("# Intro\n\nNo code here.\n")
    (tmp_path / "one.md").write_text(CHAPTER.format(title="One", code="1 + 1"))
    (tmp_path / "two.md").write_text(CHAPTER.format(title="Two", code="2 + 2"))
    return tmp_path


def test_toc_order_and_notebook_detection(mini_book: Path):
    assert toc_files(mini_book) == ["intro", "one", "two"]
    assert [p.name for p in notebook_files(mini_book)] == ["one.md", "two.md"]


def test_second_run_executes_nothing_and_an_edit_executes_one(mini_book: Path):
    first = execute_parallel(mini_book)
    assert sorted(first.executed) == ["one.md", "two.md"] and not first.failed

    second = execute_parallel(mini_book)
    assert second.executed == [] and sorted(second.cached) == ["one.md", "two.md"]

    (mini_book / "two.md").write_text(CHAPTER.format(title="Two", code="2 + 3"))
    third = execute_parallel(mini_book)
    assert third.executed == ["two.md"] and third.cached == ["one.md"]


def test_a_failing_chapter_is_reported(mini_book: Path):
    (mini_book / "one.md").write_text(CHAPTER.format(title="One", code="raise ValueError('x')"))
    report = execute_parallel(mini_book)
    assert report.failed == ["one.md"]
    assert report.executed == ["two.md"]


def test_notebook_json_is_a_valid_notebook_with_the_same_bytes_every_time(mini_book: Path):
    import nbformat

    first = notebook_json(mini_book / "one.md")
    assert notebook_json(mini_book / "one.md") == first
    notebook = nbformat.reads(first, as_version=4)
    nbformat.validate(notebook)
    ids = [cell.id for cell in notebook.cells]
    assert len(set(ids)) == len(ids) == 2
    assert notebook.cells[1].source == "1 + 1"
