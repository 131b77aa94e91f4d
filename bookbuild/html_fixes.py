"""Sphinx extension: fixes to the HTML of each page body, made with BeautifulSoup.

Sphinx 7, docutils 0.21 and furo write a few things that the W3C checker or axe reject, or that
make a page jump while it loads (tests/test_html.py and tests/test_browser.py check the result):

- every image gets its width and height (so the text below does not move when it arrives), and
  all but the first load lazily, when the reader scrolls near them;
- a named table's id appears twice (docutils writes it on the table and on the wrapper that
  lets it scroll sideways): the wrapper's copy is dropped, so links still land on the table;
- that wrapper scrolls, so keyboard users must be able to focus it (axe:
  scrollable-region-focusable): it gets ``tabindex="0"``;
- the caption of an in-page table of contents is ``role="heading"`` without the ``aria-level``
  that ARIA requires: it gets level 2;
- bibliography entries carry the role ``doc-biblioentry``, which ARIA 1.3 deprecates, inside a
  ``role="list"``, so assistive technology sees a list without items: they become listitems.

And one thing Jupyter Book adds that the book does not use: it always loads sphinx-thebe, which
writes a Thebe configuration naming a Binder repository of Jupyter's examples into every
notebook page, although the book has no Thebe button; its handlers are disconnected.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

#: Text that tells a body needs fixing: a body without any of these is left as it is, unparsed.
_NEEDS_FIXING = ("<img", "table-wrapper", 'role="heading"', "doc-biblioentry")
_LENGTH = re.compile(r"^\s*(?P<number>[0-9.]+)\s*(?P<unit>[a-z%]*)\s*$")
#: CSS pixels per unit of an SVG length (matplotlib writes points).
_PIXELS = {"": 1.0, "px": 1.0, "pt": 4 / 3, "in": 96.0, "cm": 96 / 2.54, "mm": 96 / 25.4}


def image_size(path: Path) -> tuple[int, int]:
    """The width and height of a PNG, JPEG or SVG image in CSS pixels.

    Raises ValueError, naming the file, when the size cannot be read (an SVG without absolute
    width and height, for example): a figure is never published without its size.
    """
    if path.suffix.lower() == ".svg":
        root = ET.parse(path).getroot()
        sizes = []
        for name in ("width", "height"):
            match = _LENGTH.match(root.get(name, ""))
            if match is None or match["unit"] not in _PIXELS:
                raise ValueError(f"{path}: the SVG's {name} ({root.get(name)!r}) is not an "
                                 "absolute length")
            sizes.append(round(float(match["number"]) * _PIXELS[match["unit"]]))
        return sizes[0], sizes[1]
    from PIL import Image

    try:
        with Image.open(path) as image:
            return image.size
    except OSError as error:
        raise ValueError(f"{path}: cannot read the image's size ({error})") from error


def fixed_body(body: str, source_of: dict[str, Path]) -> str:
    """A page body with the fixes the module's docstring lists. ``source_of`` maps the file
    name of each image in ``_images/`` to the file it is copied from; an image from elsewhere,
    or whose tag already has a width or height, keeps its tag."""
    if not any(marker in body for marker in _NEEDS_FIXING):
        return body
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(body, "html.parser")
    for number, image in enumerate(soup.find_all("img")):
        source = source_of.get(image.get("src", "").rsplit("/", 1)[-1])
        if source is None or image.has_attr("width") or image.has_attr("height"):
            continue
        image["width"], image["height"] = (str(n) for n in image_size(source))
        if number:
            image["loading"] = "lazy"
    for wrapper in soup.find_all("div", class_="table-wrapper"):
        wrapper["tabindex"] = "0"
        table = wrapper.find("table")
        if wrapper.get("id") and table is not None and table.get("id") == wrapper["id"]:
            del wrapper["id"]
    for heading in soup.find_all(attrs={"role": "heading"}):
        heading.attrs.setdefault("aria-level", "2")
    for entry in soup.find_all(attrs={"role": "doc-biblioentry"}):
        entry["role"] = "listitem"
    return str(soup)


def _fix_page(app, pagename, templatename, context, doctree) -> None:  # noqa: ANN001
    if "body" not in context:
        return
    images = getattr(app.builder, "images", None) or {}
    source_of = {dest: Path(app.srcdir) / src for src, dest in images.items()}
    context["body"] = fixed_body(context["body"], source_of)


def _without_thebe(app) -> None:  # noqa: ANN001 - a Sphinx application
    for event in ("env-before-read-docs", "doctree-resolved"):
        for listener in list(app.events.listeners.get(event, [])):
            if getattr(listener.handler, "__module__", "") == "sphinx_thebe":
                app.disconnect(listener.id)


def setup(app):  # noqa: ANN001, ANN201 - Sphinx signature
    """Register the extension with Sphinx."""
    app.connect("builder-inited", _without_thebe)
    app.connect("html-page-context", _fix_page)
    return {"parallel_read_safe": True, "parallel_write_safe": True, "version": "1"}
