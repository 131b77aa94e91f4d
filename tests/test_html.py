"""The built HTML, offline: links and assets resolve, the W3C checker passes, builds reproduce.

No browser here: every internal link, #anchor and asset (src, href, srcset, CSS url()) of the
built book must resolve to a file of the build; external links are collected and listed (in
artifacts/external-links.txt), never fetched; every page passes the W3C Nu HTML checker (vnu,
installed by tools/setup-browser.sh); two clean builds of one commit give the same bytes; and the
publishing workflow builds the book with the README's command.
"""

from __future__ import annotations

import difflib
import filecmp
import json
import os
import re
import subprocess
from collections import defaultdict
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urlsplit

import pytest
import yaml

from analysis.data.paths import ROOT
from bookbuild.pages import toc_files

from .conftest import BIN

pytestmark = pytest.mark.book

VNU_JAR = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
ARTIFACTS = ROOT / "artifacts"
WORKFLOW = ROOT / ".github" / "workflows" / "publish.yml"

#: Attributes that name another resource, by element.
URL_ATTRIBUTES = {"href", "src", "action", "poster", "data"}
#: Elements whose URL the page itself loads (an external one would make a reader's browser call
#: another host); an external <a href> is only a link.
LOADED = {"script", "img", "iframe", "source", "audio", "video", "embed", "object", "track"}
CSS_URL = re.compile(r"""url\(\s*(['"]?)([^'")]+)\1\s*\)|@import\s+(['"])([^'"]+)\3""")


@dataclass
class Page:
    """The ids a page defines and the URLs it refers to (with the element that holds each)."""

    ids: set[str] = field(default_factory=set)
    urls: list[tuple[str, str, str]] = field(default_factory=list)  # (tag, attribute, url)


class _PageParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.page = Page()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value for name, value in attrs if value is not None}
        if "id" in values:
            self.page.ids.add(values["id"])
        if tag == "a" and "name" in values:
            self.page.ids.add(values["name"])
        for name in URL_ATTRIBUTES & values.keys():
            self.page.urls.append((tag, name, values[name]))
        if "srcset" in values:
            for candidate in values["srcset"].split(","):
                if candidate.strip():
                    self.page.urls.append((tag, "srcset", candidate.split()[0]))
        if tag == "meta" and values.get("http-equiv", "").lower() == "refresh":
            target = re.search(r"url=(.+)$", values.get("content", ""), re.IGNORECASE)
            if target:
                self.page.urls.append((tag, "refresh", target.group(1).strip("'\" ")))

    handle_startendtag = handle_starttag


def _is_external(url: str) -> bool:
    parts = urlsplit(url)
    return bool(parts.scheme) or url.startswith("//")


@pytest.fixture(scope="session")
def pages(built_book: Path) -> dict[Path, Page]:
    """Every HTML file of the build, parsed."""
    parsed = {}
    for path in sorted(built_book.rglob("*.html")):
        parser = _PageParser()
        parser.feed(path.read_text(encoding="utf-8"))
        parsed[path] = parser.page
    return parsed


def _resolve(root: Path, source: Path, url: str) -> tuple[Path, str]:
    """The file an internal ``url`` in ``source`` points to, and its fragment."""
    parts = urlsplit(url)
    if not parts.path:
        return source, unquote(parts.fragment)
    base = source.parent if not parts.path.startswith("/") else root
    target = (base / unquote(parts.path.lstrip("/"))).resolve()
    if parts.path.endswith("/") or target.is_dir():
        target = target / "index.html"
    return target, unquote(parts.fragment)


def test_every_internal_link_anchor_and_asset_resolves(built_book: Path, pages: dict[Path, Page]):
    root = built_book.resolve()
    problems = []
    stylesheets = set()
    for source, page in pages.items():
        rel = source.relative_to(built_book)
        for tag, attribute, url in page.urls:
            if _is_external(url) or url in ("", "#"):
                continue
            target, fragment = _resolve(root, source.resolve(), url)
            if not target.is_relative_to(root):
                problems.append(f"{rel}: <{tag} {attribute}={url!r}> leaves the book")
            elif not target.is_file():
                problems.append(f"{rel}: <{tag} {attribute}={url!r}> -> missing file")
            elif fragment and target.suffix == ".html":
                ids = pages[built_book / target.relative_to(root)].ids
                if fragment not in ids:
                    problems.append(f"{rel}: <{tag} {attribute}={url!r}> -> no id {fragment!r}")
            if target.suffix == ".css" and target.is_file():
                stylesheets.add(target)
    for sheet in sorted(stylesheets):  # url() and @import in the stylesheets the pages use
        for match in CSS_URL.finditer(sheet.read_text(encoding="utf-8")):
            url = match.group(2) or match.group(4)
            if url.startswith(("data:", "#")) or _is_external(url):
                continue
            target = (sheet.parent / unquote(urlsplit(url).path)).resolve()
            if not target.is_file():
                problems.append(f"{sheet.relative_to(root)}: url({url}) -> missing file")
    assert not problems, f"{len(problems)} broken references:\n" + "\n".join(problems[:200])


def test_pages_load_nothing_from_another_host(built_book: Path, pages: dict[Path, Page]):
    """Scripts, styles, images and frames come from the book itself (links may go anywhere)."""
    foreign = []
    for source, page in pages.items():
        for tag, attribute, url in page.urls:
            loaded = tag in LOADED or (tag == "link" and attribute == "href")
            if loaded and _is_external(url) and not url.startswith("mailto:"):
                foreign.append(f"{source.relative_to(built_book)}: <{tag} {attribute}={url!r}>")
    # <link rel="canonical"> names the published address of the page, which is no download.
    foreign = [line for line in foreign if "canonical" not in line]
    assert not foreign, "pages that load from other hosts:\n" + "\n".join(foreign)


def test_external_links_are_listed(built_book: Path, pages: dict[Path, Page]):
    """External links are not fetched (the build machine has no network): they are listed."""
    found: dict[str, set[str]] = defaultdict(set)
    for source, page in pages.items():
        for tag, _attribute, url in page.urls:
            if tag == "a" and _is_external(url):
                found[url].add(str(source.relative_to(built_book)))
    ARTIFACTS.mkdir(exist_ok=True)
    lines = [f"{url}\t{' '.join(sorted(where))}" for url, where in sorted(found.items())]
    (ARTIFACTS / "external-links.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    hosts = defaultdict(int)
    for url in found:
        hosts[urlsplit(url).hostname or url.split(":")[0]] += 1
    print(f"\n{len(found)} external links on {len(hosts)} hosts (not fetched; full list in "
          f"artifacts/external-links.txt):")
    for host, count in sorted(hosts.items(), key=lambda item: (-item[1], item[0]))[:25]:
        print(f"  {count:4d}  {host}")
    malformed = [url for url in found if urlsplit(url).scheme in ("http", "https")
                 and not urlsplit(url).hostname]
    assert not malformed, f"external links without a host: {malformed}"


# --- the W3C Nu HTML checker ------------------------------------------------------------------


@pytest.fixture(scope="session")
def vnu_messages(built_book: Path) -> dict[str, list[str]]:
    """vnu's errors for every HTML file of the build, checked in one run, by page."""
    if not VNU_JAR.exists():
        pytest.fail(f"missing {VNU_JAR}: run tools/setup-browser.sh (make test does)")
    files = sorted(str(p) for p in built_book.rglob("*.html"))
    proc = subprocess.run(["java", "-jar", str(VNU_JAR), "--errors-only", "--format", "json",
                           "--exit-zero-always", *files],
                          capture_output=True, text=True, timeout=600)
    report = json.loads(proc.stderr)
    messages: dict[str, list[str]] = defaultdict(list)
    for message in report["messages"]:
        if message["type"] == "error" or message.get("subType") == "fatal":
            page = Path(urlsplit(message["url"]).path).relative_to(built_book).as_posix()
            messages[page].append(f"line {message.get('lastLine', '?')}: {message['message']}"
                                  + (f"\n    {message['extract'].strip()[:160]}"
                                     if message.get("extract") else ""))
        elif message["type"] == "non-document-error":
            messages["(vnu)"].append(message["message"])
    return messages


VNU_PAGES = [f"{name}.html" for name in toc_files()] + ["search.html", "genindex.html",
                                                        "index.html"]


@pytest.mark.parametrize("page_path", VNU_PAGES)
def test_page_passes_the_w3c_html_checker(vnu_messages, page_path: str):
    errors = vnu_messages.get(page_path, []) + vnu_messages.get("(vnu)", [])
    assert not errors, f"{page_path}: {len(errors)} vnu errors:\n" + "\n".join(errors[:50])


def test_every_html_file_passes_the_w3c_html_checker(vnu_messages):
    assert not vnu_messages, "vnu errors in: " + ", ".join(sorted(vnu_messages))


# --- reproducible builds --------------------------------------------------------------------

MINI_CHAPTER = "book/membership"


def _build_mini_book(out: Path) -> Path:
    """The intro, one chapter and the bibliography's pages (its citations need them), built from the
    project folder with the book's own configuration and a fresh execution cache."""
    out.mkdir(parents=True)
    config = yaml.safe_load((ROOT / "_config.yml").read_text())
    config["execute"]["cache"] = str(out / "cache")
    (out / "_config.yml").write_text(yaml.safe_dump(config))
    bibliography = [{"file": page} for page in toc_files() if page.startswith("book/bibliography/")]
    assert bibliography, "the bibliography has no pages"
    toc = {"format": "jb-book", "root": toc_files()[0],
           "chapters": [{"file": MINI_CHAPTER},
                        {"file": "book/bibliography", "sections": bibliography}]}
    (out / "_toc.yml").write_text(yaml.safe_dump(toc))
    # Not --warningiserror: a partial table of contents may leave references to the other
    # chapters unresolved, which the full build (tests/test_book.py) checks.
    result = subprocess.run(
        [str(BIN / "jupyter-book"), "build", str(ROOT), "--path-output", str(out),
         "--config", str(out / "_config.yml"), "--toc", str(out / "_toc.yml"), "--keep-going"],
        capture_output=True, text=True, timeout=900,
        env={**os.environ, "SOURCE_DATE_EPOCH": "1700000000"},
    )
    if result.returncode != 0:
        pytest.fail(f"mini book build failed:\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}")
    return out / "_build" / "html"


def _differences(first: Path, second: Path) -> list[str]:
    """Files (HTML, images, search index) that differ between two builds, with a first diff."""
    report = []
    names = {p.relative_to(first) for p in first.rglob("*") if p.is_file()}
    names |= {p.relative_to(second) for p in second.rglob("*") if p.is_file()}
    for name in sorted(names):
        if name.suffix not in (".html", ".svg", ".png", ".jpg", ".js", ".inv", ".ipynb") and \
                not name.parts[0] == "_images":
            continue
        a, b = first / name, second / name
        if not a.exists() or not b.exists():
            report.append(f"{name}: only in the {'first' if a.exists() else 'second'} build")
        elif not filecmp.cmp(a, b, shallow=False):
            try:
                diff = difflib.unified_diff(a.read_text().splitlines(), b.read_text().splitlines(),
                                            lineterm="", n=0)
                detail = "\n".join(line[:200] for line in list(diff)[2:8])
            except UnicodeDecodeError:
                detail = "(binary)"
            report.append(f"{name}: differs\n{detail}")
    return report


def test_two_clean_builds_give_the_same_bytes(tmp_path: Path, book_source_lock):
    first = _build_mini_book(tmp_path / "first")
    second = _build_mini_book(tmp_path / "second")
    chapter = f"{MINI_CHAPTER}.html"
    assert (first / chapter).exists()
    assert list((first / "_images").glob("*")), "the mini book has no images to compare"
    differences = _differences(first, second)
    assert not differences, "two builds of one commit differ:\n" + "\n".join(differences)


# --- publishing -----------------------------------------------------------------------------


def _make_command_in_readme(target: str) -> bool:
    return re.search(rf"^make {target}\b", (ROOT / "README.md").read_text(), re.MULTILINE) \
        is not None


def test_publish_workflow_builds_with_the_readme_command():
    workflow = yaml.safe_load(WORKFLOW.read_text())
    on = workflow.get("on", workflow.get(True))  # YAML 1.1 reads the key `on` as True
    assert "main" in on["push"]["branches"]
    steps = [step for job in workflow["jobs"].values() for step in job["steps"]]
    runs = [step["run"].strip() for step in steps if "run" in step]
    uses = [step["uses"].split("@")[0] for step in steps if "uses" in step]
    assert _make_command_in_readme("book"), "the README no longer says `make book`"
    assert "make book" in runs, f"the workflow runs {runs}, not the README's `make book`"
    assert re.search(r"^book:", (ROOT / "Makefile").read_text(), re.MULTILINE)
    python = [step["with"]["python-version"] for step in steps
              if step.get("uses", "").startswith("actions/setup-python")]
    assert python and set(python) == {"3.11"}, python  # every job on the one Python
    upload = [step for step in steps
              if step.get("uses", "").startswith("actions/upload-pages-artifact")]
    assert upload and PurePosixPath(upload[0]["with"]["path"]) == PurePosixPath("_build/html")
    assert "actions/deploy-pages" in uses
