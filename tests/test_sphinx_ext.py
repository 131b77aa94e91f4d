"""The book's Sphinx extension: image sizes and lazy loading in the page HTML."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image

from analysis.publish.sphinx_ext import image_size, sized_images

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
