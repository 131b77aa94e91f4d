"""Which modules of ``analysis`` a chapter runs: the package's import graph, read from the source.

The execution step re-executes the chapters when code they run changes
(:func:`bookbuild.inputs.execution_inputs`). Code of ``analysis`` they never run (its command
line, the data package writer) should not empty the cache, so the step needs to know what the
chapters import: every ``import analysis...`` and ``from analysis... import`` of their code
cells, and everything those modules import in turn (inside functions too, relative imports
resolved), with the packages' ``__init__`` modules that importing a submodule runs.

The graph is read, not imported: nothing is executed to find it. An import made from a string
(``importlib.import_module``) would not be seen; the package has none, and a test keeps it so.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterable
from pathlib import Path

from .pages import ROOT

#: The package whose modules are followed.
PACKAGE = ROOT / "analysis"

_CODE_CELL = re.compile(r"^```\{code-cell\}[^\n]*\n(?P<body>.*?)^```", re.M | re.S)


def module_name(path: Path, package: Path = PACKAGE) -> str:
    """``analysis/measures/votes.py`` -> ``analysis.measures.votes`` (a package's
    ``__init__.py`` gives the package's name)."""
    parts = Path(path).relative_to(package.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


#: An import statement at the start of a line (any indentation, so inside functions too), with
#: a parenthesised or continued list of names. Reading only these, not the whole module, is
#: 25 times faster than parsing every module; text in a docstring that looks like an import
#: can only add a module, never hide one.
_IMPORT = re.compile(r"^[ \t]*(?:from[ \t]+\.*[\w.]*[ \t]+import[ \t]+"
                     r"(?:\([^)]*\)|[^\n]*(?:\\\n[^\n]*)*)"
                     r"|import[ \t]+[^\n]*)", re.M)


def _import_nodes(source: str) -> list[ast.stmt]:
    nodes = []
    for match in _IMPORT.finditer(source):
        try:
            nodes.extend(ast.parse(match.group(0).strip()).body)
        except SyntaxError:  # prose in a docstring, not an import
            continue
    return nodes


def imported_modules(source: str, name: str, is_package: bool = False) -> set[str]:
    """Every ``analysis`` module that ``source`` (the module ``name``) imports, relative imports
    resolved, including imports inside functions. ``from analysis import measures`` counts both
    ``analysis`` and ``analysis.measures``, since the name may be a subpackage."""
    package = name if is_package else name.rpartition(".")[0]
    found = set()
    for node in _import_nodes(source):
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - (node.level - 1)]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            found.add(target)
            found.update(f"{target}.{a.name}" for a in node.names)
    return {m for m in found if m == "analysis" or m.startswith("analysis.")}


def package_modules(package: Path = PACKAGE) -> dict[str, Path]:
    """Every module of the package by name, with its file."""
    return {module_name(p, package): p for p in sorted(package.rglob("*.py"))
            if "__pycache__" not in p.parts}


def notebook_imports(path: Path) -> set[str]:
    """The ``analysis`` modules a MyST notebook's code cells import (every cell, whatever its
    tags; IPython magics and shell lines are not Python and are passed over)."""
    text = Path(path).read_text(encoding="utf-8")
    found: set[str] = set()
    for match in _CODE_CELL.finditer(text):
        lines = [line for line in match["body"].split("\n")
                 if not line.lstrip().startswith(("%", "!"))]
        found |= imported_modules("\n".join(lines), "__notebook__")
    return found


def closure(modules: Iterable[str], package: Path = PACKAGE) -> set[str]:
    """``modules`` and every module of the package they import, directly or not, with the
    packages above each (importing ``analysis.measures.votes`` runs ``analysis/__init__.py``
    and ``analysis/measures/__init__.py``). Names that are not modules (``from analysis.charts
    import style_chart`` names a function) are dropped."""
    known = package_modules(package)
    todo = [m for m in modules if m in known]
    seen: set[str] = set()
    while todo:
        name = todo.pop()
        if name in seen:
            continue
        seen.add(name)
        parts = name.split(".")
        todo.extend(".".join(parts[:n]) for n in range(1, len(parts)) if ".".join(parts[:n])
                    in known)
        path = known[name]
        source = path.read_text(encoding="utf-8")
        todo.extend(m for m in imported_modules(source, name, path.name == "__init__.py")
                    if m in known and m not in seen)
    return seen


def files_run_by(notebooks: Iterable[Path], package: Path = PACKAGE,
                 modules: Iterable[str] = ()) -> list[Path]:
    """The files of the package that executing ``notebooks`` can run: the modules they import
    and ``modules``, directly or not (:func:`closure`), and every file of the package that is
    not Python (a style sheet is read by code, not imported), in path order."""
    wanted: set[str] = set(modules)
    for notebook in notebooks:
        wanted |= notebook_imports(notebook)
    known = package_modules(package)
    files = {known[name] for name in closure(wanted, package)}
    files |= {p for p in package.rglob("*") if p.is_file() and p.suffix != ".py"
              and p.suffix != ".pyc" and "__pycache__" not in p.parts}
    return sorted(files)


__all__ = ["closure", "files_run_by", "imported_modules", "module_name", "notebook_imports",
           "package_modules"]
