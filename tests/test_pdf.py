"""The PDF edition: composing the print edition from the single-page build, and (marked `book`,
slow) the PDF that `make pdf` makes: it opens, and it has a contents page, every chapter title
and every figure of the book."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest

from analysis.data.paths import ROOT
from bookbuild import pdf
from bookbuild.execute import toc_files
from analysis.publish.citation import BookMetadata

# A single-page build in miniature, as Sphinx 7 writes it: the root page's section, then each
# further page marked by a document-<page> anchor, its headings one level down.
SINGLE = """
<article role="main" id="furo-main-content">
<section id="the-book"><h1>The Book<a class="headerlink" href="#the-book">¶</a></h1>
<p>Intro, see <a href="#fig-a">Fig. 1.1</a> and <a href="../data/a.csv">a.csv</a>.</p>
<span id="document-book/one"></span><section id="one">
<h3><span class="section-number">1. </span>First &amp; best<a class="headerlink" href="#one">¶</a></h3>
<section id="part"><h4><span class="section-number">1.1. </span>Part</h4>
<img alt="x" src="_images/a.svg" loading="lazy" /></section></section>
<span id="document-book/appendix"></span><section id="appendix">
<span id="appendix-label"></span><h3>Appendix<a class="headerlink" href="#appendix">¶</a></h3>
<p><a href="https://example.org/x">out</a></p></section>
</section>
</article>
"""


def _page(body: str) -> str:
    return f"<html><body><div class='page'>{body}</div><footer>f</footer></body></html>"


def test_chapter_headings_reads_every_page_with_its_number():
    body = pdf.main_content(_page(SINGLE))
    entries = pdf.chapter_headings(body, "book/intro")
    assert [(e.page, e.anchor, e.number, e.title) for e in entries] == [
        ("book/intro", "the-book", None, "The Book"),
        ("book/one", "one", "1", "First & best"),
        ("book/appendix", "appendix", None, "Appendix"),
    ]
    assert [e.label for e in entries] == ["The Book", "1. First & best", "Appendix"]


def test_main_content_needs_the_article():
    with pytest.raises(ValueError, match="article"):
        pdf.main_content("<html><body><p>no article</p></body></html>")


def test_relevel_makes_every_page_title_an_h1_and_marks_chapters():
    body = pdf.mark_chapters(pdf.relevel(pdf.main_content(_page(SINGLE))))
    assert '<h1>The Book' in body
    assert '<h1><span class="section-number">1. </span>First' in body
    assert '<h2><span class="section-number">1.1. </span>Part</h2>' in body
    assert "<h3" not in body and "<h4" not in body
    assert body.count('class="pdf-chapter"') == 2
    assert '<section class="pdf-chapter" id="one">' in body


def test_print_links_keeps_anchors_and_addresses_and_fixes_file_links():
    body = pdf.main_content(_page(SINGLE))
    unknown = pdf.print_links(body, None)
    assert '<a href="#fig-a">Fig. 1.1</a>' in unknown
    assert '<a href="https://example.org/x">out</a>' in unknown
    assert '<span class="file-link">a.csv</span>' in unknown
    known = pdf.print_links(body, "https://book.example/")
    assert '<a href="https://book.example/data/a.csv">a.csv</a>' in known


def test_contents_list_parts_labels_and_page_numbers():
    entries = pdf.with_parts(pdf.chapter_headings(pdf.main_content(_page(SINGLE)), "book/intro"),
                             [("Chapters", ["book/one"]), ("Appendices", ["book/appendix"])])
    assert [e.part for e in entries] == [None, "Chapters", "Appendices"]
    html = pdf.contents_html(entries, {"the-book": 3, "one": 4, "appendix": 9})
    assert '<li class="part">Chapters</li>' in html
    assert ('<li><a href="#one">1. First &amp; best</a><span class="dots"></span>'
            '<span class="page">4</span></li>') in html
    assert '<span class="page"></span>' in pdf.contents_html(entries)  # before the first print


def test_chapter_pages_finds_where_each_chapter_starts():
    entries = pdf.chapter_headings(pdf.main_content(_page(SINGLE)), "book/intro")
    texts = ["The Book\nVersion 1", "Contents\nThe Book 3\n1. First & best 4", "The Book\nIntro",
             "1. First\n& best\n1.1. Part", "more of one", "Appendix\ntext"]
    # From the third page on: the title page and the contents also begin with titles.
    assert pdf.chapter_pages(texts, entries, first=2) == {"the-book": 3, "one": 4, "appendix": 6}
    with pytest.raises(ValueError, match="Appendix"):
        pdf.chapter_pages(texts[:5], entries, first=2)
    # A ligature in the PDF's text layer ("\ufb01" for "fi") still matches the heading.
    texts[3] = "1. \ufb01rst\n& best"
    assert pdf.chapter_pages(texts, entries, first=2)["one"] == 4


def test_print_document_has_title_page_contents_and_no_script():
    book = BookMetadata("The Book: a subtitle", ("Us",), "1.0.0", "2026-01-02")
    entries = pdf.chapter_headings(pdf.main_content(_page(SINGLE)), "book/intro")
    document = pdf.print_document("<p>body</p>", entries, book, "1 January 2026")
    assert '<p class="book-title">The Book</p><p class="subtitle">a subtitle</p>' in document
    assert "Version 1.0.0, released 2026-01-02" in document and "Data to 1 January 2026" in document
    assert document.index("Contents") < document.index("<p>body</p>")
    assert "<script" not in document


# --- the PDF itself (slow: builds the single page and prints it) ------------------------------


def _figures(source: Path) -> list[str]:
    """The first words of each figure's caption in a chapter's source, markup removed."""
    captions = []
    for block in re.findall(r"```\{(?:glue:)?figure\}[^\n]*\n(.*?)```", source.read_text(), re.S):
        lines = [line for line in block.splitlines() if not line.startswith(":")]
        text = " ".join(line.strip() for line in lines if line.strip())
        text = re.sub(r"\{[a-z:]+\}`([^`<]*)(<[^>]*>)?`", r"\1", text)
        text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
        captions.append(" ".join(text.split()[:6]))
    return captions


def _squash(text: str) -> str:
    # NFKC folds the ligatures a PDF's text layer may hold ("\ufb01rst" for "first").
    return re.sub(r"[\s\u2019']+", "", unicodedata.normalize("NFKC", text)).lower()


@pytest.fixture(scope="session")
def built_pdf(tmp_path_factory) -> Path:
    if not pdf.CHROMIUM.exists():
        pytest.fail("missing /usr/bin/chromium: run tools/setup-browser.sh (make test does)")
    out = tmp_path_factory.mktemp("pdf")
    index = pdf.build_singlehtml(path_output=out)
    return pdf.build_pdf(index, out / pdf.PDF_NAME)


@pytest.mark.book
def test_the_pdf_opens_with_contents_chapters_and_figures(built_pdf: Path):
    from pypdf import PdfReader

    reader = PdfReader(built_pdf)
    texts = [page.extract_text() or "" for page in reader.pages]
    assert len(texts) > 20, f"only {len(texts)} pages"
    assert texts[1].lstrip().startswith("Contents")
    everything = _squash("\n".join(texts))
    missing_titles, missing_figures = [], []
    for name in toc_files():
        source = ROOT / f"{name}.md"
        title = re.search(r"^# (.+)$", source.read_text(), re.M).group(1)
        if _squash(title) not in everything:
            missing_titles.append(title)
        missing_figures += [f"{name}: {c}" for c in _figures(source) if _squash(c) not in everything]
    assert not missing_titles, f"chapter titles not in the PDF: {missing_titles}"
    assert not missing_figures, f"figures whose caption is not in the PDF: {missing_figures}"
    n_figures = sum(len(_figures(ROOT / f"{name}.md")) for name in toc_files())
    labels = set(re.findall(r"Fig\. ?\d+(?:\.\d+)?", "\n".join(texts)))
    assert len(labels) >= n_figures, f"{n_figures} figures, {len(labels)} figure labels"
    assert reader.outline, "the PDF has no outline (bookmarks)"
    print(f"\nPDF: {len(texts)} pages, {built_pdf.stat().st_size / 2**20:.1f} MB, "
          f"{n_figures} figures")


def _blank_pdf(path: Path, pages: int) -> None:
    from pypdf import PdfWriter

    writer = PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(width=200, height=200)
    with open(path, "wb") as handle:
        writer.write(handle)


def test_the_pdf_summary_counts_pages_once_per_version_of_the_file(tmp_path, monkeypatch):
    import os

    import pypdf

    from bookbuild.reader import pdf_summary

    target = tmp_path / "book.pdf"
    assert pdf_summary(target) is None  # not built
    _blank_pdf(target, 3)
    assert pdf_summary(target)["pages"] == 3
    assert pdf_summary(target)["size"].endswith("KB")

    def no_parsing(*args, **kwargs):
        raise AssertionError("the PDF was parsed again although it did not change")

    monkeypatch.setattr(pypdf, "PdfReader", no_parsing)
    assert pdf_summary(target)["pages"] == 3  # the kept count
    monkeypatch.undo()
    _blank_pdf(target, 5)
    stat = target.stat()
    os.utime(target, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000))
    assert pdf_summary(target)["pages"] == 5  # a new file is counted again
