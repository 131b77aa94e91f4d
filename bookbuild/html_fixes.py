"""Sphinx extension: fixes to the HTML of each page body, made with BeautifulSoup.

Sphinx 7, docutils 0.21 and furo write a few things that the W3C checker or axe reject, or that
make a page jump while it loads (tests/test_html.py and tests/test_browser.py check the result):

- every image gets its width and height (so the text below does not move when it arrives), and
  all but the first load lazily, when the reader scrolls near them;
- a figure's image is wrapped in a link to the image itself (a tap opens the full-size SVG in its
  own view) inside a box that scrolls sideways, and an SVG chart never shrinks below the width
  at which its smallest text is :data:`PHONE_TEXT_PX` on screen (its ``min-width``): on a phone
  the chart keeps readable text and scrolls, with a hint above it (``book/_static/scroll.js``
  shows the hint only when the box does scroll);
- a table's caption moves out of the box that scrolls sideways, above it, so that it stays in
  view (the table is labelled by it), and every such box gets the same hint;
- a named table's id appears twice (docutils writes it on the table and on the wrapper that
  lets it scroll sideways): the wrapper's copy is dropped, so links still land on the table;
- that wrapper scrolls, so keyboard users must be able to focus it (axe:
  scrollable-region-focusable): it gets ``tabindex="0"``;
- the caption of an in-page table of contents is ``role="heading"`` without the ``aria-level``
  that ARIA requires: it gets level 2;
- bibliography entries carry the role ``doc-biblioentry``, which ARIA 1.3 deprecates, inside a
  ``role="list"``, so assistive technology sees a list without items: they become listitems
  (an attribute's value replaced in the text, without parsing the page: the bibliography's pages
  hold nothing else to fix, and parsing them took a fifth of this module's time).

And one thing Jupyter Book adds that the book does not use: it always loads sphinx-thebe, which
writes a Thebe configuration naming a Binder repository of Jupyter's examples into every
notebook page, although the book has no Thebe button; its handlers are disconnected.
"""

from __future__ import annotations

import math
import re
import xml.etree.ElementTree as ET
from pathlib import Path

#: Text that tells a body needs fixing: a body without any of these is left as it is, unparsed.
_NEEDS_FIXING = ("<img", "table-wrapper", 'role="heading"')
#: The deprecated role of a bibliography entry, in a tag's attributes (docutils writes it).
_BIBLIOENTRY = re.compile(r'(<[a-z]+\s[^<>]*?\brole=")doc-biblioentry(")')
#: The smallest chart text (CSS px on screen) a figure may show on any screen: below it, the
#: figure keeps its width and scrolls sideways (tests/test_browser.py measures it at 390 px).
PHONE_TEXT_PX = 9.0
#: The hints above a box that scrolls sideways (shown only while it does: scroll.js).
FIGURE_HINT = "Swipe sideways to see the whole figure, or tap it to open it full size."
TABLE_HINT = "Swipe sideways to see the whole table."
_FONT_SIZE = re.compile(r"font(?:-size)?:[^;\"]*?(?<![\w.])([0-9.]+)px")
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


def svg_text(path: Path) -> tuple[float, float] | None:
    """``(width of the SVG's viewBox, its smallest font size)``, both in the SVG's own units
    (matplotlib writes points for both), or None for an SVG without text or a viewBox."""
    text = path.read_text(encoding="utf-8")
    sizes = [float(s) for s in _FONT_SIZE.findall(text) if float(s) > 0]
    box = re.search(r'viewBox="\s*[-0-9.]+[\s,]+[-0-9.]+[\s,]+([0-9.]+)', text)
    if not sizes or box is None:
        return None
    return float(box.group(1)), min(sizes)


def readable_width(path: Path, text_px: float = PHONE_TEXT_PX) -> int | None:
    """The narrowest width (CSS px) at which the SVG ``path`` shows its smallest text at
    ``text_px`` on screen, or None for an image that is not an SVG with text."""
    if path.suffix.lower() != ".svg":
        return None
    found = svg_text(path)
    if found is None:
        return None
    box_width, smallest = found
    return math.ceil(text_px * box_width / smallest)


def _hint(soup, text: str):  # noqa: ANN001, ANN202 - BeautifulSoup objects
    hint = soup.new_tag("p", attrs={"class": "scroll-hint", "aria-hidden": "true"})
    hint.string = text
    return hint


def _fix_figure(soup, image, source: Path) -> None:  # noqa: ANN001 - BeautifulSoup objects
    """Wrap a figure's image in a link to itself, in a box that scrolls sideways, with the
    figure's readable width as its ``min-width``, and the scroll hint above it."""
    if image.find_parent("a") is not None or image.find_parent("figure") is None:
        return
    width = readable_width(source)
    if width is not None:
        image["style"] = f"min-width: {width}px"
    link = soup.new_tag("a", attrs={"class": "figure-zoom", "href": image["src"]})
    box = soup.new_tag("div", attrs={"class": "figure-scroll"})
    image.wrap(link)
    link.wrap(box)
    box.insert_before(_hint(soup, FIGURE_HINT))


def _fix_table(soup, wrapper) -> None:  # noqa: ANN001 - BeautifulSoup objects
    """Give a table's scrolling box the keyboard focus and a hint, and move its caption out of
    the box, above it, labelling the table."""
    wrapper["tabindex"] = "0"
    table = wrapper.find("table")
    if table is None:
        return
    if wrapper.get("id") and table.get("id") == wrapper["id"]:
        del wrapper["id"]
    block = soup.new_tag("div", attrs={"class": "table-block"})
    wrapper.wrap(block)
    caption = table.find("caption", recursive=False)
    if caption is not None:
        moved = soup.new_tag("p", attrs={"class": "table-caption"})
        if table.get("id"):
            moved["id"] = f"{table['id']}-caption"
            table["aria-labelledby"] = moved["id"]
        for child in list(caption.contents):
            moved.append(child.extract())
        caption.decompose()
        block.insert(0, moved)
    wrapper.insert_before(_hint(soup, TABLE_HINT))


def fixed_body(body: str, source_of: dict[str, Path]) -> str:
    """A page body with the fixes the module's docstring lists. ``source_of`` maps the file
    name of each image in ``_images/`` to the file it is copied from; an image from elsewhere,
    or whose tag already has a width or height, keeps its tag."""
    if "doc-biblioentry" in body:
        body = _BIBLIOENTRY.sub(r"\1listitem\2", body)
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
        _fix_figure(soup, image, source)
    for wrapper in soup.find_all("div", class_="table-wrapper"):
        _fix_table(soup, wrapper)
    for heading in soup.find_all(attrs={"role": "heading"}):
        heading.attrs.setdefault("aria-level", "2")
    return str(soup)


def _fix_page(app, pagename, templatename, context, doctree) -> None:  # noqa: ANN001
    if "body" not in context:
        return
    images = getattr(app.builder, "images", None) or {}
    source_of = {dest: Path(app.srcdir) / src for src, dest in images.items()}
    context["body"] = fixed_body(context["body"], source_of)
    if 'class="scroll-hint"' in context["body"]:
        # Only a page with a box that may scroll loads the script that shows its hint.
        context["scroll_script"] = context["pathto"]("_static/scroll.js", 1)


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
