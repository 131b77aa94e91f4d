"""The execution step and the one fingerprint: unchanged chapters are never executed twice; an
edit re-executes exactly the edited chapter; a changed input re-executes every chapter; an edit
to the toolchain executes none."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import pytest

from bookbuild import execute as build
from bookbuild.downloads import notebook_json
from bookbuild.execute import execute
from bookbuild.inputs import execution_inputs, read_record, refresh_cache
from bookbuild.pages import ROOT, notebook_files, toc_files

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


def _execute_without_a_kernel(uri: str, notebook, timeout: int) -> build._Outcome:  # noqa: ANN001
    """Stands in for :func:`bookbuild.execute._execute_in_temporary_folder` in the tests of
    what the step executes, caches and skips: each code cell is run by ``exec`` in this process
    (a forked pool worker) instead of a Jupyter kernel, which costs about a second a chapter.
    A cell that raises fails the chapter, as in a kernel; the notebook goes to the cache as it
    came. The tests marked ``real_executor`` keep it, and the kernels it starts."""
    import traceback

    namespace: dict = {}
    try:
        for cell in notebook.cells:
            if cell.cell_type == "code":
                exec(cell.source, namespace)  # noqa: S102 - the test's own two-line chapters
    except Exception:  # noqa: BLE001 - reported as a kernel reports a failed cell
        return build._Outcome(uri, error=traceback.format_exc())
    return build._Outcome(uri, notebook, 0.0)


@pytest.fixture
def mini_book(tmp_path: Path, request: pytest.FixtureRequest,
              monkeypatch: pytest.MonkeyPatch) -> Path:
    """A two-chapter book. Its chapters run without a kernel unless the test is marked
    ``real_executor``; the pool's workers are forked, so they see the stand-in."""
    if request.node.get_closest_marker("real_executor") is None:
        monkeypatch.setattr(build, "_execute_in_temporary_folder", _execute_without_a_kernel)
    (tmp_path / "_config.yml").write_text(
        "execute:\n  cache: _build/.jupyter_cache\n  timeout: 60\n")
    (tmp_path / "_toc.yml").write_text(
        "format: jb-book\nroot: intro\nchapters:\n  - file: one\n  - file: two\n")
    (tmp_path / "intro.md").write_text("# Intro\n\nNo code here.\n")
    (tmp_path / "one.md").write_text(CHAPTER.format(title="One", code="1 + 1"))
    (tmp_path / "two.md").write_text(CHAPTER.format(title="Two", code="2 + 2"))
    return tmp_path


def test_toc_order_and_notebook_detection(mini_book: Path):
    assert toc_files(mini_book) == ["intro", "one", "two"]
    assert [p.name for p in notebook_files(mini_book)] == ["one.md", "two.md"]


@pytest.mark.real_executor
def test_second_run_executes_nothing_and_an_edit_executes_one_over_ipc(mini_book: Path, capfd):
    first = execute(mini_book)
    assert sorted(first.executed) == ["one.md", "two.md"] and not first.failed
    captured = capfd.readouterr()  # the kernels ran over IPC: no warning about TCP
    assert "without encryption" not in captured.out + captured.err

    second = execute(mini_book)
    assert second.executed == [] and sorted(second.cached) == ["one.md", "two.md"]

    (mini_book / "two.md").write_text(CHAPTER.format(title="Two", code="2 + 3"))
    third = execute(mini_book)
    assert third.executed == ["two.md"] and third.cached == ["one.md"]


def test_kernels_are_configured_for_ipc_in_an_absolute_folder():
    config = build.kernel_config("/tmp/x")
    assert config.KernelManager.transport == "ipc"
    assert config.KernelManager.ip == "/tmp/x/kernel"  # absolute: the kernel runs elsewhere


@pytest.mark.real_executor
def test_a_failing_chapter_and_one_that_writes_where_it_runs_are_reported(mini_book: Path,
                                                                           caplog):
    (mini_book / "one.md").write_text(CHAPTER.format(title="One", code="raise ValueError('x')"))
    (mini_book / "two.md").write_text(CHAPTER.format(
        title="Two", code="open('left-behind.csv', 'w').write('1')"))
    report = execute(mini_book)
    assert report.failed == ["one.md", "two.md"] and report.executed == []
    assert "ValueError" in caplog.text
    assert "the chapter wrote into the folder it runs in: left-behind.csv" in caplog.text


def test_a_failing_chapter_is_reported(mini_book: Path):
    (mini_book / "one.md").write_text(CHAPTER.format(title="One", code="raise ValueError('x')"))
    report = execute(mini_book)
    assert report.failed == ["one.md"]
    assert report.executed == ["two.md"]


@pytest.mark.real_executor
def test_a_kernel_that_fails_is_reported_with_its_error(mini_book: Path, monkeypatch):
    from jupyter_cache.executors import utils

    def die(*args, **kwargs):
        raise RuntimeError("Kernel died before replying to kernel_info")

    monkeypatch.setattr(utils, "single_nb_execution", die)
    outcome = build._execute_in_temporary_folder("one.md", None, 60)
    assert outcome.notebook is None and "Kernel died before replying" in outcome.error
    assert sorted(execute(mini_book).failed) == ["one.md", "two.md"]


def test_an_execution_missing_from_the_cache_stops_the_step(mini_book: Path, monkeypatch):
    from jupyter_cache.cache.main import JupyterCacheBase

    monkeypatch.setattr(JupyterCacheBase, "cache_notebook_bundle", lambda *a, **k: None)
    with pytest.raises(RuntimeError, match="not found in the execution cache: .*one.md.*two.md"):
        execute(mini_book)


def test_notebook_json_is_a_valid_notebook_with_the_same_bytes_every_time(mini_book: Path):
    import nbformat

    first = notebook_json(mini_book / "one.md")
    assert notebook_json(mini_book / "one.md") == first
    notebook = nbformat.reads(first, as_version=4)
    nbformat.validate(notebook)
    ids = [cell.id for cell in notebook.cells]
    assert len(set(ids)) == len(ids) == 2
    assert notebook.cells[1].source == "1 + 1"


def test_refresh_cache_empties_the_cache_only_when_the_fingerprint_changes(tmp_path: Path):
    from bookbuild.inputs import fingerprint_files

    inputs = tmp_path / "inputs"
    inputs.mkdir()
    (inputs / "table.csv").write_text("a\n1\n")
    cache = tmp_path / "cache"

    def refresh() -> bool:
        return refresh_cache(cache, fingerprint_files([inputs]))

    assert refresh() is False  # no cache yet: nothing to empty
    (cache / "executed.txt").write_text("output")
    assert refresh() is False
    assert (cache / "executed.txt").exists()
    (inputs / "table.csv").write_text("a\n2\n")
    assert refresh() is True
    assert not (cache / "executed.txt").exists()
    assert read_record(cache)["inputs"] == fingerprint_files([inputs])
    (cache / "executed.txt").write_text("output")
    (inputs / "new.csv").write_text("b\n")  # a new file counts as a change too
    assert refresh() is True


def test_changed_data_re_executes_every_chapter(mini_book: Path):
    inputs = mini_book / "data"
    inputs.mkdir()
    (inputs / "value.txt").write_text("1")
    first = execute(mini_book, inputs=[inputs])
    assert sorted(first.executed) == ["one.md", "two.md"]
    assert execute(mini_book, inputs=[inputs]).executed == []
    (inputs / "value.txt").write_text("2")
    again = execute(mini_book, inputs=[inputs])
    assert sorted(again.executed) == ["one.md", "two.md"]


def test_sphinx_rereads_every_notebook_page_when_an_input_changes(mini_book: Path):
    from bookbuild.data_gate import _outdated_notebooks

    (mini_book / "data").mkdir()
    (mini_book / "data" / "value.txt").write_text("1")
    env = SimpleNamespace(found_docs={"intro", "one", "two"},
                          doc2path=lambda name: str(mini_book / f"{name}.md"))

    def build() -> list[str]:  # each build is a new Sphinx application on the pickled env
        app = SimpleNamespace(srcdir=str(mini_book), env=env,
                              config=SimpleNamespace(bookbuild_execution_inputs=["data"]))
        return _outdated_notebooks(app, env, set(), set(), set())

    assert build() == ["one", "two"]  # first build
    assert build() == []
    (mini_book / "data" / "value.txt").write_text("2")
    assert build() == ["one", "two"]


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
    assert sorted(execute(mini_book, inputs=[inputs]).executed) == ["one.md", "two.md"]
    with monkeypatch.context() as patch:
        _no_cache_opened(patch)
        skipped = execute(mini_book, inputs=[inputs])
    assert skipped.executed == [] and sorted(skipped.cached) == ["one.md", "two.md"]

    (mini_book / "two.md").write_text(CHAPTER.format(title="Two", code="2 + 3"))  # a chapter
    assert execute(mini_book, inputs=[inputs]).executed == ["two.md"]
    (inputs / "value.txt").write_text("2")  # a data file
    assert sorted(execute(mini_book, inputs=[inputs]).executed) == ["one.md", "two.md"]
    config = (mini_book / "_config.yml").read_text()  # an execution setting
    (mini_book / "_config.yml").write_text(config.replace("timeout: 60", "timeout: 61"))
    with monkeypatch.context() as patch:
        _no_cache_opened(patch)
        with pytest.raises(AssertionError, match="opened the cache"):
            execute(mini_book, inputs=[inputs])


def test_a_failed_chapter_is_never_skipped(mini_book: Path, monkeypatch):
    (mini_book / "one.md").write_text(CHAPTER.format(title="One", code="raise ValueError('x')"))
    assert execute(mini_book).failed == ["one.md"]
    with monkeypatch.context() as patch:
        _no_cache_opened(patch)
        with pytest.raises(AssertionError, match="opened the cache"):
            execute(mini_book)


def test_an_emptied_cache_is_filled_again(mini_book: Path):
    import shutil

    execute(mini_book)
    shutil.rmtree(mini_book / "_build" / ".jupyter_cache")
    assert sorted(execute(mini_book).executed) == ["one.md", "two.md"]


def test_the_toolchain_is_no_execution_input():
    inputs = execution_inputs()
    assert ROOT / "data" in inputs and ROOT / "CITATION.cff" in inputs
    assert not [path for path in inputs if (ROOT / "bookbuild") in path.parents]
    assert ROOT / "analysis" / "publish" / "bibliography.py" in inputs  # the data gate runs it


def test_after_a_complete_run_only_the_edited_chapter_is_read_again(mini_book: Path,
                                                                     monkeypatch):
    inputs = mini_book / "data"
    inputs.mkdir()
    (inputs / "value.txt").write_text("1")
    execute(mini_book, inputs=[inputs])
    handed = []
    real = build._execute_stale
    monkeypatch.setattr(build, "_execute_stale", lambda root, cache, notebooks, config: (
        handed.append([p.name for p in notebooks]) or real(root, cache, notebooks, config)))
    (mini_book / "two.md").write_text(CHAPTER.format(title="Two", code="2 + 4"))
    report = execute(mini_book, inputs=[inputs])
    assert handed == [["two.md"]]  # one.md was not read again
    assert report.executed == ["two.md"] and report.cached == ["one.md"]
    (mini_book / "one.md").write_text(CHAPTER.format(title="One", code="raise ValueError('x')"))
    assert execute(mini_book, inputs=[inputs]).failed == ["one.md"]
    (mini_book / "one.md").write_text(CHAPTER.format(title="One", code="1 + 2"))
    assert execute(mini_book, inputs=[inputs]).executed == ["one.md"]  # the failed one again
    (inputs / "value.txt").write_text("2")  # a changed input: every chapter read and executed
    handed.clear()
    report = execute(mini_book, inputs=[inputs])
    assert sorted(handed[0]) == ["one.md", "two.md"]
    assert sorted(report.executed) == ["one.md", "two.md"]
