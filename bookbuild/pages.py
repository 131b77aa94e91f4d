"""The book's pages as ``_toc.yml`` and ``_config.yml`` describe them.

Every module of the toolchain finds the repository and the data through this one: the two
names it takes from :mod:`analysis` are here.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from analysis.data.paths import ROOT, data_dir

__all__ = ["ROOT", "book_config", "data_dir", "front_matter", "is_notebook", "notebook_files",
           "toc_files", "toc_parts"]


def _toc(root: Path) -> dict:
    return yaml.safe_load((root / "_toc.yml").read_text(encoding="utf-8"))


def toc_files(root: Path = ROOT) -> list[str]:
    """Every page in ``_toc.yml``, root first, as paths relative to ``root`` without extension."""
    toc = _toc(root)
    files = [toc["root"]]

    def walk(entries: list | None) -> None:
        for entry in entries or []:
            if "file" in entry:
                files.append(entry["file"])
            walk(entry.get("sections"))
            walk(entry.get("chapters"))

    for part in toc.get("parts", []):
        walk(part.get("chapters"))
    walk(toc.get("chapters"))
    return files


def toc_parts(root: Path = ROOT) -> list[tuple[str, list[str]]]:
    """The parts of ``_toc.yml`` as ``(caption, [page, ...])``, in order (a part's pages
    without their sections)."""
    return [(part.get("caption", ""), [c["file"] for c in part.get("chapters", []) if "file" in c])
            for part in _toc(root).get("parts", [])]


def front_matter(path: Path) -> dict:
    """The YAML front matter of a MyST file (``{}`` if it has none)."""
    text = Path(path).read_text(encoding="utf-8")
    if not text.startswith("---\n"):
        return {}
    return yaml.safe_load(text.split("---\n", 2)[1]) or {}


def is_notebook(path: Path) -> bool:
    """Whether a MyST markdown file is an executable notebook (its front matter names a
    kernelspec)."""
    path = Path(path)
    return path.suffix == ".md" and path.exists() and "kernelspec" in front_matter(path)


def notebook_files(root: Path = ROOT) -> list[Path]:
    """The pages in the toc that are executable notebooks (MyST markdown with a kernelspec)."""
    return [p for p in (root / f"{name}.md" for name in toc_files(root)) if is_notebook(p)]


def book_config(root: Path = ROOT) -> dict:
    """The book's ``_config.yml`` as a dict."""
    return yaml.safe_load((root / "_config.yml").read_text(encoding="utf-8"))
