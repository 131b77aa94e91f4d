"""The toolchain's Sphinx extensions: the fixes to each page's HTML (bookbuild.html_fixes), the
data gate (bookbuild.data_gate), the notebook downloads (bookbuild.downloads) and the
bibliography formatted only on change (bookbuild.bibtex_cache)."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from PIL import Image

from bookbuild.html_fixes import fixed_body, image_size, readable_width


def _tags(html: str, name: str) -> list[dict]:
    return [dict(tag.attrs) for tag in BeautifulSoup(html, "html.parser").find_all(name)]

SVG = ('<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
       'viewBox="0 0 10 10"></svg>')


@pytest.fixture
def images(tmp_path: Path) -> dict[str, Path]:
    svg = tmp_path / "chart.svg"
    svg.write_text(SVG.format(width="360pt", height="180pt"))
    png = tmp_path / "map.png"
    Image.new("RGB", (200, 120)).save(png)
    return {"a1.svg": svg, "b2.png": png}


def test_image_size_reads_svg_points_as_css_pixels_and_png_pixels(images):
    assert image_size(images["a1.svg"]) == (480, 240)
    assert image_size(images["b2.png"]) == (200, 120)


@pytest.mark.parametrize("width", ["100%", "", "12em"])
def test_an_svg_without_an_absolute_size_is_an_error_naming_the_file(tmp_path: Path, width):
    path = tmp_path / "relative.svg"
    path.write_text(SVG.format(width=width, height="10pt"))
    with pytest.raises(ValueError, match="relative.svg"):
        image_size(path)


def test_an_unreadable_image_is_an_error_naming_the_file(tmp_path: Path):
    path = tmp_path / "broken.png"
    path.write_bytes(b"not a png")
    with pytest.raises(ValueError, match="broken.png"):
        image_size(path)


def test_every_image_gets_its_size_and_all_but_the_first_load_lazily(images):
    body = ('<p>x</p><img alt="first" src="../_images/a1.svg" />'
            '<figure><img alt="second" src="../_images/b2.png"></figure>')
    html = fixed_body(body, images)
    assert _tags(html, "img") == [
        {"alt": "first", "src": "../_images/a1.svg", "width": "480", "height": "240"},
        {"alt": "second", "src": "../_images/b2.png", "width": "200", "height": "120",
         "loading": "lazy"}]
    assert html.startswith("<p>x</p>") and "<figure><p" in html


def test_images_with_a_size_or_from_elsewhere_are_left_as_they_are(images):
    body = ('<img alt="sized" src="../_images/a1.svg" width="10" />'
            '<img alt="logo" src="../_static/logo.svg" />')
    assert _tags(fixed_body(body, images), "img") == [
        {"alt": "sized", "src": "../_images/a1.svg", "width": "10"},
        {"alt": "logo", "src": "../_static/logo.svg"}]


#: A chart as matplotlib writes it: points, a viewBox, the smallest text 7 pt.
CHART = ('<svg xmlns="http://www.w3.org/2000/svg" width="540pt" height="270pt" '
         'viewBox="0 0 540 270"><text style="font-size: 10px; font-family: \'DejaVu Sans\'">'
         'a</text><text style="font: 7px \'DejaVu Sans\'">b</text></svg>')


def test_a_figure_is_a_link_to_its_image_in_a_box_that_scrolls_at_its_readable_width(
        tmp_path: Path):
    chart = tmp_path / "chart.svg"
    chart.write_text(CHART)
    body = '<figure id="fig-x"><img alt="a chart" src="../_images/c.svg" /><figcaption>' \
           '<p>Caption.</p></figcaption></figure>'
    soup = BeautifulSoup(fixed_body(body, {"c.svg": chart}), "html.parser")
    figure = soup.find("figure")
    hint, box, caption = figure.find_all(recursive=False)
    assert hint["class"] == ["scroll-hint"] and hint["aria-hidden"] == "true"
    assert box["class"] == ["figure-scroll"] and caption.name == "figcaption"
    link = box.find("a")
    assert link["href"] == "../_images/c.svg" and link.find("img")["alt"] == "a chart"
    # 7 pt text in a 540-unit-wide drawing is 9 px on screen at 540 x 9 / 7 = 694.3 px.
    assert link.find("img")["style"] == "min-width: 695px"
    assert readable_width(chart) == 695 and readable_width(chart, 14) == 1080


def test_an_image_outside_a_figure_or_a_png_gets_no_readable_width(images):
    body = ('<img alt="inline" src="../_images/a1.svg" />'
            '<figure><img alt="raster" src="../_images/b2.png" /></figure>')
    soup = BeautifulSoup(fixed_body(body, images), "html.parser")
    first, second = soup.find_all("img")
    assert first.parent.name == "[document]" and "style" not in first.attrs
    assert second.parent.name == "a" and "style" not in second.attrs
    assert readable_width(images["a1.svg"]) is None  # an SVG without text


def test_a_tables_caption_moves_above_its_scrolling_box_and_labels_it():
    body = ('<div class="table-wrapper docutils container" id="tab-x"><table id="tab-x">'
            '<caption><span class="caption-number">Table 6.1 </span><span>Rates.</span>'
            '<a class="headerlink" href="#tab-x">¶</a></caption><tr><td>1</td></tr></table>'
            '</div>')
    soup = BeautifulSoup(fixed_body(body, {}), "html.parser")
    block = soup.find("div", class_="table-block")
    caption, hint, wrapper = block.find_all(recursive=False)
    assert caption["class"] == ["table-caption"] and caption["id"] == "tab-x-caption"
    assert caption.get_text() == "Table 6.1 Rates.¶"
    assert hint["class"] == ["scroll-hint"]
    assert wrapper["tabindex"] == "0" and wrapper.find("caption") is None
    assert wrapper.find("table")["aria-labelledby"] == "tab-x-caption"


def test_a_body_with_nothing_to_fix_is_returned_unparsed():
    body = "<p>Text &amp; <em>more</em>&nbsp;x</p>"
    assert fixed_body(body, {}) is body


# --- work skipped by fingerprint ------------------------------------------------------------

from bookbuild.data_gate import bib_files  # noqa: E402 - with the tests that use it


def gate(srcdir: Path, data: Path):
    """What the data gate does at the start of a build whose execution inputs are ``data``:
    refresh the cache record with their fingerprint, then check unless it was checked."""
    from bookbuild.data_gate import prepare_data
    from bookbuild.inputs import fingerprint_files, refresh_cache

    current = fingerprint_files([data])
    refresh_cache(srcdir / "cache", current)
    return prepare_data(srcdir, srcdir / "cache", current, data)


@pytest.fixture
def checked_data(scratch_data: Path, tmp_path: Path, monkeypatch):
    """A source folder and a data folder already checked once by the gate; the third value
    counts the data checks (calls of load_all) from then on."""
    from analysis.data import load

    srcdir = tmp_path / "src"
    first = gate(srcdir, scratch_data)
    assert first.checked and first.data_cutoff
    calls = []
    real = load.load_all
    monkeypatch.setattr(load, "load_all", lambda *a, **k: calls.append(1) or real(*a, **k))
    return srcdir, scratch_data, calls


def _bib(srcdir: Path) -> str:
    files = bib_files(srcdir)
    assert files, "no bibliography written"
    return "".join(path.read_text(encoding="utf-8") for path in files)


def test_unchanged_data_are_not_checked_again(checked_data):
    srcdir, data, calls = checked_data
    before = _bib(srcdir)
    again = gate(srcdir, data)
    assert not again.checked and calls == [] and _bib(srcdir) == before
    bib_files(srcdir)[0].write_text("edited by hand")  # a bibliography it did not write
    assert gate(srcdir, data).checked and _bib(srcdir) == before


def test_a_changed_source_row_rewrites_the_bibliography(checked_data):
    srcdir, data, calls = checked_data
    sources = data / "sources.csv"
    lines = sources.read_text(encoding="utf-8").splitlines(keepends=True)
    key, title = lines[1].split(",")[:2]
    lines[1] = lines[1].replace(title, "A title changed by the test", 1)
    sources.write_text("".join(lines), encoding="utf-8")
    assert gate(srcdir, data).checked and calls == [1]
    entry = _bib(srcdir).split(f"@misc{{{key},")[1].split("@misc")[0]
    assert "A title changed by the test" in entry


def test_a_changed_data_file_is_checked_again(checked_data):
    srcdir, data, calls = checked_data
    with open(data / "states.csv", "a", encoding="utf-8") as table:
        table.write("\n")  # an empty line changes the bytes, not the table
    assert gate(srcdir, data).checked and calls == [1]


def test_bad_data_stop_every_build_until_fixed(checked_data):
    from analysis.data.validate import DataError

    srcdir, data, calls = checked_data
    sources = data / "sources.csv"
    good = sources.read_text(encoding="utf-8")
    sources.write_text(good + "broken-row,,,,,,\n", encoding="utf-8")
    for _ in range(2):  # the failed check records nothing: the next build checks again
        with pytest.raises(DataError, match="sources.csv"):
            gate(srcdir, data)
    sources.write_text(good, encoding="utf-8")
    # Back to the bytes checked before: the record went with the emptied cache, so the fixed
    # data are checked once more (the chapters execute again too), then no longer.
    assert gate(srcdir, data).checked and len(calls) == 3  # two failed checks, one passed
    assert not gate(srcdir, data).checked and len(calls) == 3


def test_notebook_downloads_are_written_again_only_for_a_changed_source(tmp_path: Path):
    from bookbuild.downloads import write_notebook_downloads

    sources = {}
    for name in ("one", "two"):
        sources[f"book/{name}"] = tmp_path / f"{name}.md"
        sources[f"book/{name}"].write_text(
            f"---\nkernelspec:\n  name: python3\n  display_name: Python 3\n---\n\n# {name}\n")
    out = tmp_path / "html"
    assert write_notebook_downloads(sources, out) == ["book/one", "book/two"]
    assert write_notebook_downloads(sources, out) == []
    sources["book/two"].write_text(sources["book/two"].read_text() + "\nMore.\n")
    assert write_notebook_downloads(sources, out) == ["book/two"]
    assert (out / "book" / "two.md").read_text().endswith("More.\n")
    (out / "book" / "one.ipynb").unlink()
    assert write_notebook_downloads(sources, out) == ["book/one"]
    # A page Sphinx wrote again (a new converter format or jupytext: a new environment).
    assert write_notebook_downloads(sources, out, rendered={"book/two"}) == ["book/two"]


BIB = """@misc{alpha, title = {{First title}}, author = {{Someone}}, year = {2020}}
@misc{beta, title = {{Second title}}, author = {{Other}}, year = {2021}}
"""


def _sphinx_book(folder: Path, cited: str = "alpha", store: bool = False) -> Path:
    """A Sphinx project citing ``cited``; with ``store``, it has an execution cache folder
    (``cache/``, named as myst-nb's setting names it) where the formatted entries are kept."""
    folder.mkdir(exist_ok=True)
    (folder / "conf.py").write_text(
        "extensions = ['sphinxcontrib.bibtex']\nbibtex_bibfiles = ['refs.bib']\n"
        "bibtex_default_style = 'plain'\n"
        "def setup(app):\n"
        "    from bookbuild.bibtex_cache import FingerprintedBibtexDomain\n"
        "    app.add_domain(FingerprintedBibtexDomain, override=True)\n"
        + ("    app.add_config_value('nb_execution_cache_path', 'cache', 'env')\n" if store
           else ""))
    if store:
        (folder / "cache").mkdir(exist_ok=True)
    (folder / "index.rst").write_text(f"Book\n====\n\nSee :cite:p:`{cited}`.\n\n"
                                      ".. bibliography::\n   :all:\n")
    if not (folder / "refs.bib").exists():
        (folder / "refs.bib").write_text(BIB)
    return folder


def _build_sphinx(src: Path) -> str:
    from io import StringIO

    from sphinx.application import Sphinx

    app = Sphinx(str(src), str(src), str(src / "_build" / "html"), str(src / "_build" / "dt"),
                 "html", status=StringIO(), warning=StringIO(), freshenv=False)
    app.build()
    assert app.statuscode == 0, app._warning.getvalue()
    return (src / "_build" / "html" / "index.html").read_text(encoding="utf-8")


def test_the_bibliography_is_formatted_only_when_its_inputs_change(tmp_path: Path, monkeypatch):
    import os

    from sphinxcontrib.bibtex.domain import BibtexDomain

    formatted = []
    real = BibtexDomain.env_updated
    monkeypatch.setattr(BibtexDomain, "env_updated",
                        lambda self: formatted.append(1) or real(self))
    src = _sphinx_book(tmp_path / "book")
    assert "First title" in _build_sphinx(src) and len(formatted) == 1
    os.utime(src / "index.rst")  # the page is read again, its citations the same
    assert "First title" in _build_sphinx(src) and len(formatted) == 1
    (src / "refs.bib").write_text(BIB.replace("First title", "Changed title"))  # a source row
    assert "Changed title" in _build_sphinx(src) and len(formatted) == 2
    _sphinx_book(src, cited="beta")  # a citation
    html = _build_sphinx(src)
    assert len(formatted) == 3 and "Changed title" in html
    assert _build_sphinx(src) == html and len(formatted) == 3


def test_a_clean_build_reads_the_entries_kept_beside_the_execution_cache(tmp_path: Path,
                                                                        monkeypatch):
    import shutil

    from sphinxcontrib.bibtex.domain import BibtexDomain

    from bookbuild.bibtex_cache import STORE

    formatted = []
    real = BibtexDomain.env_updated
    monkeypatch.setattr(BibtexDomain, "env_updated",
                        lambda self: formatted.append(1) or real(self))
    src = _sphinx_book(tmp_path / "book", store=True)
    html = _build_sphinx(src)
    assert "First title" in html and len(formatted) == 1 and (src / "cache" / STORE).exists()
    shutil.rmtree(src / "_build")  # no environment: the kept entries are read
    assert _build_sphinx(src) == html and len(formatted) == 1
    (src / "refs.bib").write_text(BIB.replace("First title", "Changed title"))
    shutil.rmtree(src / "_build")
    assert "Changed title" in _build_sphinx(src) and len(formatted) == 2
    shutil.rmtree(src / "_build")
    assert "Changed title" in _build_sphinx(src) and len(formatted) == 2


def test_a_named_tables_id_is_written_once_and_its_wrapper_takes_the_focus():
    body = ('<div class="table-wrapper colwidths-auto docutils container" id="tab-x">\n'
            '<table class="docutils align-default" id="tab-x">\n<caption>c</caption></table></div>'
            '<div class="table-wrapper" id="a">\n<table id="b"></table></div>')
    out = fixed_body(body, {})
    assert out.count('id="tab-x"') == 1
    assert _tags(out, "table")[0]["id"] == "tab-x"
    wrappers = [w for w in _tags(out, "div") if "table-wrapper" in w.get("class", [])]
    assert [w.get("id") for w in wrappers] == [None, "a"]
    assert [w.get("tabindex") for w in wrappers] == ["0", "0"]


def test_aria_fixes_headings_get_a_level_and_bibliography_entries_are_listitems():
    body = ('<p class="caption" role="heading"><span>Contents</span></p>'
            '<p role="heading" aria-level="3">kept</p>'
            '<div role="list"><div class="citation" id="x" role="doc-biblioentry">A</div></div>')
    out = fixed_body(body, {})
    assert [h.get("aria-level") for h in _tags(out, "p")] == ["2", "3"]
    assert _tags(out, "div")[1]["role"] == "listitem"


def test_a_bibliography_body_gets_listitems_and_is_otherwise_unchanged():
    body = ('<div class="citation" id="id7" role="doc-biblioentry">\n<span class="label">'
            '[S1]</span>\n<p>A. <em>Title</em> &amp; more, role="doc-biblioentry" in text.</p>'
            '</div>\n<div role="doc-biblioentry" class="citation" id="id8"><p>B</p></div>')
    out = fixed_body(body, {})
    assert [d["role"] for d in _tags(out, "div")] == ["listitem", "listitem"]
    # Only the attributes changed: the text, and every other byte, as they were.
    assert out == body.replace('id="id7" role="doc-biblioentry"', 'id="id7" role="listitem"') \
        .replace('<div role="doc-biblioentry"', '<div role="listitem"')
