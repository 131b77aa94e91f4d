"""The shape of the package: no import circle, no private name used across modules, no measure
that reads a file, and modules of about 300 lines at most (data, measures, charts, imports, the
chapter API and its facts, and the build toolchain)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from analysis.data.paths import ROOT

PACKAGE = ROOT / "analysis"
#: The folders whose modules this test holds to the rules (the build toolchain's layer rule is
#: tests/test_layers.py).
CHECKED = [PACKAGE / "data", PACKAGE / "measures", PACKAGE / "charts", ROOT / "tools" / "imports"]
#: The folders held to the size of a module: the above, the chapter API with the chapters' facts,
#: and the build toolchain.
SIZED = [*CHECKED, PACKAGE / "publish", ROOT / "bookbuild"]
#: Modules of about 300 lines at most; the codebook's list of curated tables is declarations.
MAX_LINES = 340
DECLARATIVE = {PACKAGE / "data" / "codebook" / "curated.py"}
#: Modules allowed over the limit for now, each with the reason; nothing else may join them
#: (none today: every chapter's facts are split).
OVER_FOR_NOW: set[Path] = set()


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def top_level_imports(path: Path) -> set[str]:
    """The modules ``path`` imports when it is imported (imports inside functions are left out):
    ``from .x import y`` is an import of the module ``x``, or of ``x.y`` when that is a module."""
    name = module_name(path)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = set()
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                module = ".".join(base + ([node.module] if node.module else []))
            else:
                module = node.module or ""
            for alias in node.names:
                candidate = f"{module}.{alias.name}"
                found.add(candidate if _is_module(candidate) else module)
    return found


def _is_module(name: str) -> bool:
    path = ROOT.joinpath(*name.split("."))
    return path.with_suffix(".py").exists() or (path / "__init__.py").exists()


def _modules(folder: Path) -> list[Path]:
    return sorted(folder.rglob("*.py"))


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Every import circle in ``graph`` (module -> modules it imports), each found once."""
    found, state = [], {}

    def visit(node: str, stack: list[str]) -> None:
        state[node] = "open"
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == "open":
                found.append(stack[stack.index(nxt):] + [nxt])
            elif nxt not in state:
                visit(nxt, stack + [nxt])
        state[node] = "done"

    for node in sorted(graph):
        if node not in state:
            visit(node, [node])
    return found


def test_the_cycle_check_finds_a_circle():
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c", "a"]]
    assert cycles({"a": {"b"}, "b": set()}) == []


def test_no_import_circle_in_the_package():
    graph = {module_name(p): {m for m in top_level_imports(p) if m.startswith("analysis")}
             for p in _modules(PACKAGE)}
    assert cycles(graph) == []


@pytest.mark.parametrize("folder", CHECKED, ids=lambda p: p.name)
def test_no_private_name_crosses_a_module_border(folder: Path):
    crossing = [f"{p.relative_to(ROOT)}:{node.lineno} {alias.name}"
                for p in _modules(folder) for node in ast.walk(ast.parse(p.read_text()))
                if isinstance(node, ast.ImportFrom) and node.module != "__future__"
                for alias in node.names if alias.name.startswith("_")]
    assert crossing == []


def test_no_measure_reads_a_file():
    # The map shapes are the one file a measure reads (analysis.measures.maps).
    readers = {"analysis.data.edition", "analysis.data.load", "analysis.data.paths"}
    reading = {module_name(p): sorted(top_level_imports(p) & readers)
               for p in _modules(PACKAGE / "measures") if p.name != "maps.py"}
    assert {m: r for m, r in reading.items() if r} == {}


def _long_modules(folder: Path, root: Path = ROOT) -> dict[str, int]:
    return {str(p.relative_to(root)): n for p in _modules(folder)
            if p not in DECLARATIVE | OVER_FOR_NOW
            and (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_LINES}


@pytest.mark.parametrize("folder", SIZED, ids=lambda p: p.name)
def test_modules_of_about_300_lines_at_most(folder: Path):
    assert _long_modules(folder) == {}


def test_the_size_check_finds_a_long_module(tmp_path: Path):
    (tmp_path / "short.py").write_text("x = 1\n" * MAX_LINES)
    (tmp_path / "long.py").write_text("x = 1\n" * (MAX_LINES + 1))
    assert _long_modules(tmp_path, root=tmp_path) == {"long.py": MAX_LINES + 1}


def test_only_the_allowed_modules_are_over_the_limit():
    # An allowance is dropped once its module is split: a module allowed but no longer long
    # fails here, so the set cannot keep names it no longer needs.
    over = {p for p in OVER_FOR_NOW if len(p.read_text(encoding="utf-8").splitlines()) > MAX_LINES}
    assert over == OVER_FOR_NOW
