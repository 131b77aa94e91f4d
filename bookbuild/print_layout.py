"""The print edition's layout: its style sheet, title page and table of contents, and where
each chapter starts once printed (for the contents' page numbers)."""

from __future__ import annotations

import html
import re
import unicodedata

from analysis.publish.citation import BookMetadata, short_title

from .print_edition import Entry

#: The print edition's style: A4, serif text, each chapter on a new page, figures kept whole.
PRINT_CSS = """
@page { size: A4; margin: 20mm 18mm 22mm 18mm; }
html { font-family: "DejaVu Serif", Georgia, serif; font-size: 10.5pt; line-height: 1.4;
       color: #000; }
body { margin: 0; }
h1, h2, h3, h4, .title-page, .contents { font-family: "DejaVu Sans", Helvetica, sans-serif; }
h1 { font-size: 20pt; margin: 0 0 12pt; }
h2 { font-size: 14pt; margin: 16pt 0 6pt; break-after: avoid; }
h3 { font-size: 12pt; margin: 12pt 0 4pt; break-after: avoid; }
a { color: #1a4f8b; text-decoration: none; }
a.headerlink, .headerlink { display: none; }
.pdf-chapter { break-before: page; }
.title-page { break-after: page; padding-top: 60mm; }
.title-page .book-title { font-size: 30pt; font-weight: bold; margin: 0 0 8pt; }
.title-page .subtitle { font-size: 15pt; margin: 0 0 40pt; }
.title-page p { font-size: 11pt; margin: 4pt 0; }
.contents { break-after: page; }
.contents ol { list-style: none; padding: 0; margin: 0; }
.contents li { display: flex; align-items: baseline; margin: 5pt 0; font-size: 11pt; }
.contents li.part { font-weight: bold; margin-top: 14pt; }
.contents .dots { flex: 1; border-bottom: 1px dotted #777; margin: 0 6pt; }
figure, .figure, img, table, pre { break-inside: avoid; }
img { max-width: 100%; height: auto; }
/* On paper a chart is vector and fits the page: not the screen's readable minimum width, no
   sideways scrolling and no hint about it (bookbuild/html_fixes.py). */
.figure-scroll img { min-width: 0 !important; }
.figure-scroll, .table-wrapper { overflow: visible !important; }
.scroll-hint { display: none !important; }
figure { margin: 12pt 0; }
figcaption, .caption, .table-caption { font-size: 9pt; }
table { border-collapse: collapse; font-size: 8.5pt; }
th, td { border-bottom: 1px solid #ccc; padding: 2pt 4pt; text-align: left; }
pre { font-size: 8pt; white-space: pre-wrap; }
.works-cited .citation { margin: 0 0 4pt; font-size: 9pt; }
.works-cited .label { display: none; }
.works-cited .citation p { margin: 0; }
.interactive-figure-controls, .chapter-downloads, .chapter-citation, .data-cutoff,
.pdf-edition, script, noscript { display: none !important; }
"""


def contents_html(entries: list[Entry], pages: dict[str, int] | None = None) -> str:
    """The table of contents: one linked line per chapter (with its page number once known),
    each part's caption above its first chapter."""
    lines = ['<nav class="contents" aria-label="Contents"><h1>Contents</h1><ol>']
    for entry in entries:
        if entry.part:
            lines.append(f'<li class="part">{html.escape(entry.part)}</li>')
        page = "" if pages is None or entry.anchor not in pages else str(pages[entry.anchor])
        lines.append(f'<li><a href="#{entry.anchor}">{html.escape(entry.label)}</a>'
                     f'<span class="dots"></span><span class="page">{page}</span></li>')
    lines.append("</ol></nav>")
    return "\n".join(lines)


def title_page(book: BookMetadata, cutoff_text: str) -> str:
    """The first page: the book's title and subtitle, the edition, the release date, the data's
    cut-off date and the authors."""
    title = short_title(book)
    subtitle = book.title[len(title):].lstrip(": ").strip()
    where = f"<p>{html.escape(book.url)}</p>" if book.url else ""
    return (f'<section class="title-page"><p class="book-title">{html.escape(title)}</p>'
            f'<p class="subtitle">{html.escape(subtitle)}</p>'
            f"<p>{html.escape(', '.join(book.authors))}</p>"
            f"<p>Version {html.escape(book.version)}, released {html.escape(book.date)}</p>"
            f"<p>Data to {html.escape(cutoff_text)}</p>{where}</section>")


def print_document(body: str, entries: list[Entry], book: BookMetadata, cutoff_text: str,
                   pages: dict[str, int] | None = None) -> str:
    """The whole print edition as one HTML document: title page, contents, then the book."""
    title = html.escape(short_title(book))
    return ("<!DOCTYPE html>\n"
            f'<html lang="en"><head><meta charset="utf-8"><title>{title}</title>'
            f"<style>{PRINT_CSS}</style></head><body>"
            f"{title_page(book, cutoff_text)}{contents_html(entries, pages)}"
            f"<main>{body}</main></body></html>\n")


# --- finding where each chapter starts in a printed PDF -------------------------------------


def _squash(text: str) -> str:
    # NFKC folds the ligatures a PDF's text layer holds ("\ufb01gures" for "figures").
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text)).lower()


def chapter_pages(page_texts: list[str], entries: list[Entry], first: int = 0) -> dict[str, int]:
    """On which page (1-based) each chapter starts: the first page from ``first`` (0-based)
    on, after the previous chapter's, whose text begins with the chapter's heading (spaces
    ignored, since PDF text extraction spaces words its own way, and ligatures folded). Raises
    ValueError naming a chapter that is not found."""
    found, start = {}, first
    for entry in entries:
        heading = _squash(entry.label)
        for index in range(start, len(page_texts)):
            if _squash(page_texts[index]).startswith(heading):
                found[entry.anchor] = index + 1
                start = index + 1
                break
        else:
            raise ValueError(f"no page of the PDF begins with the chapter {entry.label!r}")
    return found
