"""Parallel cached execution: unchanged chapters are never executed twice; an edit re-executes
exactly the edited chapter."""

from __future__ import annotations

from pathlib import Path

import pytest

from bookbuild import execute as build
from bookbuild.execute import (execute_parallel, notebook_files, notebook_json, refresh_cache,
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


def _notebook(path: Path):
    from myst_nb.core.read import read_myst_markdown_notebook

    return read_myst_markdown_notebook(path.read_text(encoding="utf-8"))


def _flaky_kernel(monkeypatch: pytest.MonkeyPatch, failures: int) -> list[int]:
    """Make the first ``failures`` kernel starts die as a lost port race does; count the calls."""
    from jupyter_cache.executors import utils

    real, calls = utils.single_nb_execution, []

    def execute(*args, **kwargs):
        calls.append(1)
        if len(calls) <= failures:
            raise RuntimeError("Kernel died before replying to kernel_info")
        return real(*args, **kwargs)

    monkeypatch.setattr(utils, "single_nb_execution", execute)
    return calls


def test_a_kernel_that_dies_at_start_is_started_again(mini_book: Path, monkeypatch):
    calls = _flaky_kernel(monkeypatch, failures=build.KERNEL_START_ATTEMPTS - 1)
    outcome = build._execute_in_temporary_folder("one.md", _notebook(mini_book / "one.md"), 60)
    assert outcome.problem is None and outcome.cell_error is None
    assert outcome.attempts == build.KERNEL_START_ATTEMPTS
    assert len(calls) == build.KERNEL_START_ATTEMPTS
    assert outcome.notebook.cells[1].outputs[0]["data"]["text/plain"] == "2"


def test_a_kernel_that_never_starts_is_reported_with_its_error(mini_book: Path, monkeypatch):
    calls = _flaky_kernel(monkeypatch, failures=build.KERNEL_START_ATTEMPTS)
    outcome = build._execute_in_temporary_folder("one.md", _notebook(mini_book / "one.md"), 60)
    assert len(calls) == build.KERNEL_START_ATTEMPTS and outcome.notebook is None
    assert "Kernel died before replying" in outcome.problem


def test_a_cell_error_is_not_retried(mini_book: Path, monkeypatch):
    (mini_book / "one.md").write_text(CHAPTER.format(title="One", code="raise ValueError('x')"))
    calls = _flaky_kernel(monkeypatch, failures=0)
    outcome = build._execute_in_temporary_folder("one.md", _notebook(mini_book / "one.md"), 60)
    assert len(calls) == 1 and outcome.problem is None
    assert "ValueError" in outcome.cell_error


def test_an_execution_missing_from_the_cache_stops_the_step(mini_book: Path, monkeypatch):
    from jupyter_cache.cache.main import JupyterCacheBase

    monkeypatch.setattr(JupyterCacheBase, "cache_notebook_bundle", lambda *a, **k: None)
    with pytest.raises(RuntimeError, match="not found in the execution cache: .*one.md.*two.md"):
        execute_parallel(mini_book)


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

    from bookbuild.data_gate import _outdated_notebooks

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


def _no_cache_opened(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make any use of the execution machinery fail the test."""
    def refuse(*args, **kwargs):
        raise AssertionError("the execution step opened the cache")

    monkeypatch.setattr(build, "_execute_stale", refuse)


def test_an_unchanged_book_skips_the_execution_step_and_any_change_redoes_it(mini_book: Path,
                                                                             monkeypatch):
    inputs = mini_book / "data"
    inputs.mkdir()
    (inputs / "value.txt").write_text("1")
    assert sorted(execute_parallel(mini_book, inputs=[inputs]).executed) == ["one.md", "two.md"]
    with monkeypatch.context() as patch:
        _no_cache_opened(patch)
        skipped = execute_parallel(mini_book, inputs=[inputs])
    assert skipped.executed == [] and sorted(skipped.cached) == ["one.md", "two.md"]

    (mini_book / "two.md").write_text(CHAPTER.format(title="Two", code="2 + 3"))  # a chapter
    assert execute_parallel(mini_book, inputs=[inputs]).executed == ["two.md"]
    (inputs / "value.txt").write_text("2")  # a data file
    assert sorted(execute_parallel(mini_book, inputs=[inputs]).executed) == ["one.md", "two.md"]
    config = (mini_book / "_config.yml").read_text()  # an execution setting
    (mini_book / "_config.yml").write_text(config.replace("timeout: 60", "timeout: 61"))
    with monkeypatch.context() as patch:
        _no_cache_opened(patch)
        with pytest.raises(AssertionError, match="opened the cache"):
            execute_parallel(mini_book, inputs=[inputs])


def test_a_failed_chapter_is_never_skipped(mini_book: Path, monkeypatch):
    (mini_book / "one.md").write_text(CHAPTER.format(title="One", code="raise ValueError('x')"))
    assert execute_parallel(mini_book).failed == ["one.md"]
    with monkeypatch.context() as patch:
        _no_cache_opened(patch)
        with pytest.raises(AssertionError, match="opened the cache"):
            execute_parallel(mini_book)


def test_an_emptied_cache_is_filled_again(mini_book: Path):
    import shutil

    execute_parallel(mini_book)
    shutil.rmtree(mini_book / "_build" / ".jupyter_cache")
    assert sorted(execute_parallel(mini_book).executed) == ["one.md", "two.md"]
