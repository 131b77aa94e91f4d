"""Every public function is documented, and every module appears in the API reference pages
(book/api/, one page per layer, the largest split by topic)."""

from __future__ import annotations

import importlib
import inspect
import pkgutil

import pytest

import analysis
from analysis.data.paths import ROOT
from bookbuild.pages import toc_files

SKIP = {"analysis.__main__"}
#: Chart modules are documented through ``analysis.charts`` (``:imported-members:``); the house
#: style module has its own entry.
OWN_ENTRY = {"analysis.charts.style"}


def _modules() -> list[str]:
    names = [m.name for m in pkgutil.walk_packages(analysis.__path__, "analysis.")]
    return sorted(n for n in names if n not in SKIP
                  and (not n.startswith("analysis.charts.") or n in OWN_ENTRY))


@pytest.mark.parametrize("name", _modules())
def test_module_is_in_the_api_reference(name: str):
    # The pages of the table of contents only: a page left out of it is not built.
    pages = "".join((ROOT / f"{page}.md").read_text(encoding="utf-8") for page in toc_files()
                    if page.startswith("book/api/"))
    assert f".. automodule:: {name}\n" in pages


@pytest.mark.parametrize("name", sorted(n for n in (m.name for m in pkgutil.walk_packages(
    analysis.__path__, "analysis.")) if n not in SKIP))
def test_public_functions_have_docstrings(name: str):
    module = importlib.import_module(name)
    missing = [
        attr for attr, obj in vars(module).items()
        if not attr.startswith("_") and (inspect.isfunction(obj) or inspect.isclass(obj))
        and getattr(obj, "__module__", None) == name and not inspect.getdoc(obj)
    ]
    assert not missing, f"{name}: no docstring on {missing}"
