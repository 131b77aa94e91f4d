"""The import graph the execution step reads (bookbuild/imports.py): what the chapters
run, so that a change to code they never run leaves the execution cache valid, and a change to
code they do run empties it."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from bookbuild import imports
from bookbuild.inputs import execution_inputs, fingerprint
from bookbuild.pages import notebook_files

NOTEBOOK = """---
kernelspec:
  name: python3
  display_name: Python 3
jupytext:
  text_representation:
    format_name: myst
---
# A chapter

```{code-cell} ipython3
:tags: [remove-cell]

%matplotlib inline
from analysis.measures import votes
```

```{code-cell} ipython3
def later():
    import analysis.charts.style
```
"""


def _package(tmp_path: Path, files: dict[str, str]) -> Path:
    package = tmp_path / "analysis"
    for name, text in files.items():
        path = package / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return package


def test_notebook_imports_reads_every_code_cell_and_passes_over_magics(tmp_path):
    path = tmp_path / "chapter.md"
    path.write_text(NOTEBOOK, encoding="utf-8")
    assert imports.notebook_imports(path) == {"analysis.measures", "analysis.measures.votes",
                                              "analysis.charts.style"}
    path.write_text(NOTEBOOK.replace("from analysis.measures import votes", "x = 1"),
                    encoding="utf-8")
    assert imports.notebook_imports(path) == {"analysis.charts.style"}


def test_closure_follows_imports_in_functions_relative_imports_and_parent_packages(tmp_path):
    package = _package(tmp_path, {
        "__init__.py": "", "measures/__init__.py": "from .votes import agree\n",
        "measures/votes.py": "from ..data.load import load_all\n\n\ndef agree():\n"
                             "    from ..data import schema\n",
        "data/__init__.py": "", "data/load.py": "", "data/schema.py": "",
        "publish/__init__.py": "", "publish/pdf.py": "from ..measures import votes\n",
    })
    found = imports.closure({"analysis.measures.votes", "analysis.measures.agree"}, package)
    assert found == {"analysis", "analysis.measures", "analysis.measures.votes", "analysis.data",
                     "analysis.data.load", "analysis.data.schema"}  # not publish.pdf


def test_an_import_in_a_docstring_can_only_add_a_module():
    source = '"""Use it so:\n\n    from analysis.publish import book\n"""\nfrom . import votes\n'
    assert imports.imported_modules(source, "analysis.measures.x") == {
        "analysis.measures", "analysis.measures.votes", "analysis.publish",
        "analysis.publish.book"}
    parenthesised = "from ..charts import (\n    a,\n    b,\n)\nimport analysis.data.load as l\n"
    assert imports.imported_modules(parenthesised, "analysis.publish.x") == {
        "analysis.charts", "analysis.charts.a", "analysis.charts.b", "analysis.data.load"}


def test_the_package_never_imports_a_module_named_by_a_string():
    for path in imports.PACKAGE.rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        assert not re.search(r"import_module\(|__import__\(", text), path


def test_the_chapters_run_the_code_that_computes_and_not_the_build():
    run = {imports.module_name(p) for p in execution_inputs() if p.suffix == ".py"}
    assert {"analysis.measures.votes", "analysis.charts.style", "analysis.publish.book",
            "analysis.data.load"} <= run
    assert "analysis.__main__" not in run  # the command line: no chapter runs it


def test_only_an_edit_to_code_the_chapters_run_changes_the_execution_inputs(tmp_path):
    from analysis.data.paths import ROOT

    root = tmp_path / "book"
    shutil.copytree(ROOT / "analysis", root / "analysis",
                    ignore=shutil.ignore_patterns("__pycache__"))
    (root / "book").mkdir()
    (root / "book" / "chapter.md").write_text(NOTEBOOK, encoding="utf-8")
    (root / "_toc.yml").write_text("format: jb-book\nroot: book/chapter\n", encoding="utf-8")
    (root / "data").mkdir()
    (root / "CITATION.cff").write_text("version: 1\n", encoding="utf-8")
    assert notebook_files(root) == [root / "book" / "chapter.md"]

    before = fingerprint(root)
    with open(root / "analysis" / "__main__.py", "a", encoding="utf-8") as handle:
        handle.write("\n# an edit no chapter runs (the command line)\n")
    assert fingerprint(root) == before
    with open(root / "analysis" / "data" / "load.py", "a", encoding="utf-8") as handle:
        handle.write("\n# an edit the chapter runs (votes imports the loader's layer)\n")
    after_code = fingerprint(root)
    assert after_code != before
    (root / "CITATION.cff").write_text("version: 2\n", encoding="utf-8")
    assert fingerprint(root) != after_code


def test_the_charts_package_offers_exactly_what_its_catalogue_imports():
    import types

    import analysis.charts
    from analysis.charts import catalogue

    offered = {name for name, value in vars(catalogue).items()
               if not name.startswith("_") and not isinstance(value, types.ModuleType)
               and name != "annotations"}
    assert sorted(analysis.charts.__all__) == sorted(offered)
    for name in analysis.charts.__all__:
        assert getattr(analysis.charts, name) is getattr(catalogue, name)
    assert not hasattr(analysis.charts, "no_such_chart")


def test_the_charts_package_lists_its_charts_before_importing_them():
    import analysis.charts

    assert set(analysis.charts.__all__) <= set(dir(analysis.charts))
