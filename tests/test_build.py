"""Parallel cached execution: unchanged chapters are never executed twice; an edit re-executes
exactly the edited chapter."""

from __future__ import annotations

from pathlib import Path

import pytest

from analysis.build import (execute_parallel, notebook_files, notebook_json, refresh_cache,
                            toc_files)

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


def test_refresh_cache_empties_the_cache_only_when_an_input_changes(tmp_path: Path):
    inputs = tmp_path / "inputs"
    inputs.mkdir()
    (inputs / "table.csv").write_text("a\n1\n")
    cache = tmp_path / "cache"
    assert refresh_cache(cache, [inputs]) is False  # no cache yet: nothing to empty
    (cache / "executed.txt").write_text("output")
    assert refresh_cache(cache, [inputs]) is False
    assert (cache / "executed.txt").exists()
    (inputs / "table.csv").write_text("a\n2\n")
    assert refresh_cache(cache, [inputs]) is True
    assert not (cache / "executed.txt").exists()
    (cache / "executed.txt").write_text("output")
    (inputs / "new.csv").write_text("b\n")  # a new file counts as a change too
    assert refresh_cache(cache, [inputs]) is True


def test_changed_data_re_executes_every_chapter(mini_book: Path):
    inputs = mini_book / "data"
    inputs.mkdir()
    (inputs / "value.txt").write_text("1")
    first = execute_parallel(mini_book, inputs=[inputs])
    assert sorted(first.executed) == ["one.md", "two.md"]
    assert execute_parallel(mini_book, inputs=[inputs]).executed == []
    (inputs / "value.txt").write_text("2")
    again = execute_parallel(mini_book, inputs=[inputs])
    assert sorted(again.executed) == ["one.md", "two.md"]


def test_sphinx_rereads_every_notebook_page_when_an_input_changes(mini_book: Path):
    from types import SimpleNamespace

    from analysis.sphinx_ext import _outdated_notebooks

    (mini_book / "data").mkdir()
    (mini_book / "data" / "value.txt").write_text("1")
    app = SimpleNamespace(srcdir=str(mini_book),
                          config=SimpleNamespace(csto_execution_inputs=["data"]))
    env = SimpleNamespace(found_docs={"intro", "one", "two"},
                          doc2path=lambda name: str(mini_book / f"{name}.md"))
    app.env = env
    assert _outdated_notebooks(app, env, set(), set(), set()) == ["one", "two"]  # first build
    assert _outdated_notebooks(app, env, set(), set(), set()) == []
    (mini_book / "data" / "value.txt").write_text("2")
    assert _outdated_notebooks(app, env, set(), set(), set()) == ["one", "two"]
