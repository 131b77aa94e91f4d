"""The book's Sphinx extension: image sizes and lazy loading in the page HTML."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image

from bookbuild.data_gate import image_size, sized_images

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
    html = sized_images(body, images)
    assert html == ('<p>x</p><img alt="first" src="../_images/a1.svg" width="480" height="240" />'
                    '<figure><img alt="second" src="../_images/b2.png" width="200" height="120" '
                    'loading="lazy" /></figure>')


def test_images_with_a_size_or_from_elsewhere_are_left_as_they_are(images):
    body = ('<img alt="sized" src="../_images/a1.svg" width="10" />'
            '<img alt="logo" src="../_static/logo.svg" />')
    assert sized_images(body, images) == body


# --- work skipped by fingerprint ------------------------------------------------------------


@pytest.fixture
def checked_data(scratch_data: Path, tmp_path: Path, monkeypatch):
    """A source folder and a data folder already checked once by prepare_data; the second
    value counts the data checks (calls of load_all) from then on."""
    from analysis.data import load
    from bookbuild.data_gate import prepare_data

    srcdir = tmp_path / "src"
    first = prepare_data(srcdir, scratch_data)
    assert first.checked and first.data_cutoff
    calls = []
    real = load.load_all
    monkeypatch.setattr(load, "load_all", lambda *a, **k: calls.append(1) or real(*a, **k))
    return srcdir, scratch_data, calls


def _bib(srcdir: Path) -> str:
    from bookbuild.data_gate import BIB_PATH

    return (srcdir / BIB_PATH).read_text(encoding="utf-8")


def test_unchanged_data_are_not_checked_again(checked_data):
    from bookbuild.data_gate import prepare_data

    srcdir, data, calls = checked_data
    before = _bib(srcdir)
    again = prepare_data(srcdir, data)
    assert not again.checked and calls == [] and _bib(srcdir) == before


def test_a_changed_source_row_rewrites_the_bibliography(checked_data):
    from bookbuild.data_gate import prepare_data

    srcdir, data, calls = checked_data
    sources = data / "sources.csv"
    lines = sources.read_text(encoding="utf-8").splitlines(keepends=True)
    key, title = lines[1].split(",")[:2]
    lines[1] = lines[1].replace(title, "A title changed by the test", 1)
    sources.write_text("".join(lines), encoding="utf-8")
    assert prepare_data(srcdir, data).checked and calls == [1]
    entry = _bib(srcdir).split(f"@misc{{{key},")[1].split("@misc")[0]
    assert "A title changed by the test" in entry


def test_a_changed_data_file_is_checked_again(checked_data):
    from bookbuild.data_gate import prepare_data

    srcdir, data, calls = checked_data
    with open(data / "states.csv", "a", encoding="utf-8") as table:
        table.write("\n")  # an empty line changes the bytes, not the table
    assert prepare_data(srcdir, data).checked and calls == [1]


def test_bad_data_stop_every_build_until_fixed(checked_data):
    from analysis.data.validate import DataError
    from bookbuild.data_gate import prepare_data

    srcdir, data, calls = checked_data
    sources = data / "sources.csv"
    good = sources.read_text(encoding="utf-8")
    sources.write_text(good + "broken-row,,,,,,\n", encoding="utf-8")
    for _ in range(2):  # the failed check records nothing: the next build checks again
        with pytest.raises(DataError, match="sources.csv"):
            prepare_data(srcdir, data)
    sources.write_text(good, encoding="utf-8")
    assert not prepare_data(srcdir, data).checked  # back to the bytes last checked


def test_notebook_downloads_are_written_again_only_for_a_changed_source(tmp_path: Path):
    from bookbuild.data_gate import write_notebook_downloads

    sources = {}
    for name in ("one", "two"):
        sources[f"book/{name}"] = tmp_path / f"{name}.md"
        sources[f"book/{name}"].write_text(
            f"---\nkernelspec:\n  name: python3\n  display_name: Python 3\n---\n\n# {name}\n")
    out, stamp = tmp_path / "html", tmp_path / "doctrees" / "downloads.json"
    assert write_notebook_downloads(sources, out, stamp) == ["book/one", "book/two"]
    assert write_notebook_downloads(sources, out, stamp) == []
    sources["book/two"].write_text(sources["book/two"].read_text() + "\nMore.\n")
    assert write_notebook_downloads(sources, out, stamp) == ["book/two"]
    assert (out / "book" / "two.md").read_text().endswith("More.\n")
    (out / "book" / "one.ipynb").unlink()
    assert write_notebook_downloads(sources, out, stamp) == ["book/one"]


BIB = """@misc{alpha, title = {{First title}}, author = {{Someone}}, year = {2020}}
@misc{beta, title = {{Second title}}, author = {{Other}}, year = {2021}}
"""


def _sphinx_book(folder: Path, cited: str = "alpha") -> Path:
    folder.mkdir(exist_ok=True)
    (folder / "conf.py").write_text(
        "extensions = ['sphinxcontrib.bibtex']\nbibtex_bibfiles = ['refs.bib']\n"
        "bibtex_default_style = 'plain'\n"
        "def setup(app):\n"
        "    from bookbuild.data_gate import FingerprintedBibtexDomain\n"
        "    app.add_domain(FingerprintedBibtexDomain, override=True)\n")
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


def test_a_named_tables_id_is_written_once():
    from bookbuild.data_gate import unique_table_ids

    body = ('<div tabindex="0" class="table-wrapper colwidths-auto docutils container" '
            'id="tab-x">\n<table class="docutils align-default" id="tab-x">\n<caption>')
    out = unique_table_ids(body)
    assert out.count('id="tab-x"') == 1
    assert '<table class="docutils align-default" id="tab-x">' in out
    other = '<div class="table-wrapper" id="a">\n<table id="b">'
    assert unique_table_ids(other) == other
