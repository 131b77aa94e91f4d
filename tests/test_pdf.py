"""The PDF edition: composing the reader's edition from the single-page build
(bookbuild.print_edition), knowing whether a printed PDF is current (bookbuild.edition) and what
the web build does with a stale one (bookbuild.reader), and (marked `book`, slow) the PDF that
`make pdf` makes: it opens, has a contents page, the printed pages' titles and figures, the
works cited, and none of the reference pages."""

from __future__ import annotations

import re
import unicodedata
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from types import SimpleNamespace

import pytest
from bs4 import BeautifulSoup

from analysis.data.paths import ROOT
from analysis.publish.citation import BookMetadata
from bookbuild import edition, pdf
from bookbuild import print_edition as pe
from bookbuild import print_layout as layout
from bookbuild.pages import toc_files

from .conftest import source_lock

# A single-page build in miniature, as Sphinx 7 writes it: the root page's section, then each
# further page marked by a document-<page> anchor, its headings one level down; references to
# another page point at the single page itself (book/intro.html#...).
SINGLE = """
<article role="main" id="furo-main-content">
<section id="the-book"><h1>The Book<a class="headerlink" href="#the-book">¶</a></h1>
<p>Intro, see <a href="#fig-a">Fig. 1.1</a>, <a href="../data/a.csv">a.csv</a> and
<a href="book/intro.html#appendix-label">the appendix</a>.</p>
<div class="toctree-wrapper"><span id="document-book/one"></span><section id="one">
<h3><span class="section-number">1. </span>First &amp; best<a class="headerlink" href="#one">¶</a>
</h3>
<p>As found <a class="reference internal" href="book/intro.html#id7">Someone, 2020</a>
(<a href="https://example.org/x">out</a>).</p>
<section id="part"><h4><span class="section-number">1.1. </span>Part</h4>
<figure id="fig-a"><img alt="x" src="_images/a.svg" loading="lazy" />
<figcaption><p>Shares by year. With JavaScript, a button under the chart draws each
member's spending. Source: SIPRI.</p></figcaption></figure>
<div class="chapter-downloads"><a href="#">data appendix</a></div></section></section>
<span id="document-book/appendix"></span><section id="appendix">
<span id="appendix-label"></span><h3>Appendix<a class="headerlink" href="#appendix">¶</a></h3>
<p><a href="https://example.org/x">out</a></p></section>
<span id="document-book/bibliography"></span><section id="bibliography"><h3>Bibliography</h3>
<div class="citation-list" role="list">
<div class="citation" id="id5" role="listitem"><span class="label">[1]</span><p>Other.</p></div>
<div class="citation" id="id7" role="listitem"><span class="label">[2]</span><p>Someone.</p></div>
</div></section></div>
</section>
</article>
"""
PARTS = [("Chapters", ["book/one"]), ("Appendices", ["book/appendix", "book/bibliography"])]


def _page(body: str = SINGLE) -> str:
    return f"<html><body><div class='page'>{body}</div><footer>f</footer></body></html>"


def _body():  # noqa: ANN202 - a BeautifulSoup tag
    body = pe.main_content(_page())
    pe.same_page_links(body, "book/intro")
    return body


def test_chapter_headings_reads_every_page_with_its_number():
    entries = pe.chapter_headings(_body(), "book/intro")
    assert [(e.page, e.anchor, e.number, e.title) for e in entries] == [
        ("book/intro", "the-book", None, "The Book"),
        ("book/one", "one", "1", "First & best"),
        ("book/appendix", "appendix", None, "Appendix"),
        ("book/bibliography", "bibliography", None, "Bibliography"),
    ]
    assert [e.label for e in entries][:2] == ["The Book", "1. First & best"]


def test_main_content_needs_the_article():
    with pytest.raises(ValueError, match="article"):
        pe.main_content("<html><body><p>no article</p></body></html>")


def test_relevel_makes_every_page_title_an_h1_and_marks_chapters():
    body = _body()
    pe.mark_chapters(body, "book/intro")
    pe.relevel(body, "book/intro")
    html = str(body)
    assert "<h1>The Book" in html
    assert '<h1><span class="section-number">1. </span>First' in html
    assert '<h2><span class="section-number">1.1. </span>Part</h2>' in html
    assert "<h3" not in html and "<h4" not in html
    assert [s["id"] for s in body.select("section.pdf-chapter")] == ["one", "appendix",
                                                                     "bibliography"]


def test_the_reader_edition_keeps_its_pages_cites_its_works_and_links_for_paper():
    composed = pe.compose(_page(), "book/intro", ["book/intro", "book/one"], PARTS,
                          None, "book/bibliography")
    soup = BeautifulSoup(composed.body, "html.parser")
    assert [e.label for e in composed.entries] == ["The Book", "1. First & best", "Works cited"]
    assert [e.part for e in composed.entries] == [None, "Chapters", None]
    assert soup.find(id="appendix") is None and soup.find(id="bibliography") is None
    # Works cited: only the entry the printed pages cite, and the citation still lands on it.
    cited = soup.find("section", id="works-cited")
    assert [c["id"] for c in cited.select(".citation")] == ["id7"]
    assert soup.find("a", string="Someone, 2020")["href"] == "#id7"
    # Without the book's address: a file link and a link into a page left out become text.
    assert soup.find("a", string="Fig. 1.1")["href"] == "#fig-a"
    assert [s.get_text() for s in soup.select("span.file-link")] == ["a.csv", "the appendix"]
    # Paper has no button, no downloads and waits for no lazy image.
    caption = soup.find("figcaption").get_text(" ", strip=True)
    assert "JavaScript" not in caption and caption.startswith("Shares by year.")
    assert caption.endswith("Source: SIPRI.")
    assert soup.select(".chapter-downloads") == [] and not soup.find("img", loading=True)


def test_with_the_books_address_links_go_to_the_web_edition():
    composed = pe.compose(_page(), "book/intro", ["book/intro", "book/one"], PARTS,
                          "https://book.example/", "book/bibliography")
    soup = BeautifulSoup(composed.body, "html.parser")
    assert soup.find("a", string="a.csv")["href"] == "https://book.example/data/a.csv"
    assert (soup.find("a", string="the appendix")["href"]
            == "https://book.example/book/appendix.html#appendix-label")
    assert soup.find("a", string="out")["href"] == "https://example.org/x"


def test_a_missing_printed_page_is_an_error():
    with pytest.raises(ValueError, match="book/missing"):
        pe.compose(_page(), "book/intro", ["book/intro", "book/missing"], PARTS, None)


def test_contents_list_parts_labels_and_page_numbers():
    entries = pe.with_parts(pe.chapter_headings(_body(), "book/intro")[:3], PARTS)
    assert [e.part for e in entries] == [None, "Chapters", "Appendices"]
    html = layout.contents_html(entries, {"the-book": 3, "one": 4, "appendix": 9})
    assert '<li class="part">Chapters</li>' in html
    assert ('<li><a href="#one">1. First &amp; best</a><span class="dots"></span>'
            '<span class="page">4</span></li>') in html
    assert '<span class="page"></span>' in layout.contents_html(entries)  # before the first print


def test_chapter_pages_finds_where_each_chapter_starts():
    entries = pe.chapter_headings(_body(), "book/intro")[:3]
    texts = ["The Book\nVersion 1", "Contents\nThe Book 3\n1. First & best 4", "The Book\nIntro",
             "1. First\n& best\n1.1. Part", "more of one", "Appendix\ntext"]
    # From the third page on: the title page and the contents also begin with titles.
    assert layout.chapter_pages(texts, entries, first=2) == {"the-book": 3, "one": 4, "appendix": 6}
    with pytest.raises(ValueError, match="Appendix"):
        layout.chapter_pages(texts[:5], entries, first=2)
    # A ligature in the PDF's text layer ("\ufb01" for "fi") still matches the heading.
    texts[3] = "1. \ufb01rst\n& best"
    assert layout.chapter_pages(texts, entries, first=2)["one"] == 4


def test_print_document_has_title_page_contents_and_no_script():
    book = BookMetadata("The Book: a subtitle", ("Us",), "1.0.0", "2026-01-02")
    entries = pe.chapter_headings(_body(), "book/intro")
    document = layout.print_document("<p>body</p>", entries, book, "1 January 2026")
    assert '<p class="book-title">The Book</p><p class="subtitle">a subtitle</p>' in document
    assert "Version 1.0.0, released 2026-01-02" in document and "Data to 1 January 2026" in document
    assert document.index("Contents") < document.index("<p>body</p>")
    assert "<script" not in document


def test_the_pdf_prints_the_chapters_cases_and_methods_only():
    pages = edition.printed_pages(ROOT)
    assert pages[0] == toc_files()[0] and "book/methods" in pages
    assert {"book/membership", "book/case_armenia", "book/conclusions"} <= set(pages)
    assert not {p for p in pages if p.startswith("book/api")}
    assert not {"book/data_dictionary", "book/bibliography", "book/changelog",
                "book/extending"} & set(pages)


# --- a current PDF and a stale one -----------------------------------------------------------


def _blank_pdf(path: Path, pages: int) -> None:
    from pypdf import PdfWriter

    writer = PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(width=200, height=200)
    with open(path, "wb") as handle:
        writer.write(handle)


@pytest.fixture
def mini_book(tmp_path: Path) -> Path:
    root = tmp_path / "book"
    (root / "book").mkdir(parents=True)
    (root / "_toc.yml").write_text(
        "format: jb-book\nroot: book/intro\nparts:\n"
        "  - caption: Chapters\n    chapters:\n      - file: book/one\n"
        "  - caption: Appendices\n    chapters:\n      - file: book/methods\n"
        "      - file: book/changelog\n", encoding="utf-8")
    for name in ("intro", "one", "methods", "changelog"):
        (root / "book" / f"{name}.md").write_text(f"# {name}\n", encoding="utf-8")
    return root


def test_a_pdf_is_current_until_a_printed_page_or_an_input_changes(mini_book: Path):
    target = mini_book / "out.pdf"
    assert not edition.pdf_status(target, mini_book, "inputs-1").exists
    _blank_pdf(target, 3)
    assert edition.pdf_status(target, mini_book, "inputs-1").reason.startswith("no record")
    edition.record_pdf(target, mini_book, "inputs-1", 3)
    status = edition.pdf_status(target, mini_book, "inputs-1")
    assert status.current and status.pages == 3 and status.size.endswith("KB")
    (mini_book / "book" / "changelog.md").write_text("# changed\n")  # not printed
    assert edition.pdf_status(target, mini_book, "inputs-1").current
    assert not edition.pdf_status(target, mini_book, "inputs-2").current  # the data changed
    (mini_book / "book" / "one.md").write_text("# one, edited\n")  # a printed chapter
    stale = edition.pdf_status(target, mini_book, "inputs-1")
    assert stale.exists and not stale.current and "other chapters" in stale.reason
    _blank_pdf(target, 4)  # a file the record does not describe
    assert not edition.pdf_status(target, mini_book, "inputs-1").current


def _web_build(tmp_path: Path, status: edition.PdfStatus, monkeypatch) -> tuple:
    """The reader extension's two handlers, on a stand-in Sphinx application."""
    from bookbuild import reader

    logged = []
    monkeypatch.setattr(reader, "pdf_status", lambda *args: status)
    monkeypatch.setattr(reader, "app_fingerprint", lambda app: "x")
    monkeypatch.setattr(reader.logger, "info", lambda *args: logged.append(args[0] % args[1:]))
    pdf_file = tmp_path / "edition.pdf"
    pdf_file.write_bytes(b"%PDF printed")
    monkeypatch.setattr(reader, "PDF_PATH", pdf_file)
    out = tmp_path / "html"
    out.mkdir(exist_ok=True)
    app = SimpleNamespace(srcdir=str(tmp_path), outdir=str(out),
                          builder=SimpleNamespace(name="html"),
                          env=SimpleNamespace(found_docs=set()), _bookbuild_toc_pages=set())
    config = SimpleNamespace(html_context={})
    reader._pdf_context(app, config)
    reader._copy_files(app, None)
    return config.html_context, out / reader.PDF_NAME, logged


def test_the_web_build_links_a_current_pdf(tmp_path: Path, monkeypatch):
    current = edition.PdfStatus(True, True, 3, "12 KB")
    context, copy, logged = _web_build(tmp_path, current, monkeypatch)
    assert context["pdf_edition"] == {"pages": 3, "size": "12 KB"}
    assert copy.read_bytes() == b"%PDF printed" and logged == []


def test_the_web_build_says_a_pdf_is_stale_and_neither_links_nor_keeps_it(tmp_path: Path,
                                                                           monkeypatch):
    (tmp_path / "html").mkdir()
    (tmp_path / "html" / "csto-record.pdf").write_bytes(b"%PDF old copy")
    stale = edition.PdfStatus(True, False, reason="printed from other chapters")
    context, copy, logged = _web_build(tmp_path, stale, monkeypatch)
    assert "pdf_edition" not in context and not copy.exists()
    assert len(logged) == 1 and "stale (printed from other chapters)" in logged[0]
    assert "make pdf" in logged[0]


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


def _title(name: str) -> str:
    return re.search(r"^# (.+)$", (ROOT / f"{name}.md").read_text(), re.M).group(1)


@pytest.fixture(scope="session")
def built_pdf(tmp_path_factory, built_book: Path) -> Path:
    """The PDF printed as ``make pdf`` prints it, from the execution cache of the run's shared
    book build (as ``make pdf`` uses ``make book``'s): no chapter is executed again."""
    if not pdf.CHROMIUM.exists():
        pytest.fail(f"missing {pdf.CHROMIUM}: see the README's prerequisites")
    out = tmp_path_factory.mktemp("pdf")
    with source_lock(tmp_path_factory):
        index = pdf.build_singlehtml(path_output=out,
                                     config=built_book.parents[1] / "_config.yml")
    # Printed from a thread of its own: the browser tests' Playwright may be running in this
    # one, and Playwright's synchronous API cannot start inside it.
    with ThreadPoolExecutor(1) as thread:
        return thread.submit(pdf.build_pdf, index, out / edition.PDF_NAME).result()


@pytest.mark.book
def test_the_pdf_holds_the_readers_edition_with_contents_figures_and_works_cited(built_pdf):
    from pypdf import PdfReader

    reader = PdfReader(built_pdf)
    texts = [page.extract_text() or "" for page in reader.pages]
    assert len(texts) > 20, f"only {len(texts)} pages"
    assert texts[1].lstrip().startswith("Contents")
    everything = _squash("\n".join(texts))
    printed = edition.printed_pages()
    missing_titles = [_title(n) for n in printed if _squash(_title(n)) not in everything]
    assert not missing_titles, f"chapter titles not in the PDF: {missing_titles}"
    missing_figures = [f"{n}: {c}" for n in printed for c in _figures(ROOT / f"{n}.md")
                       if _squash(c) not in everything]
    assert not missing_figures, f"figures whose caption is not in the PDF: {missing_figures}"
    contents = _squash(texts[1])
    left_out = [n for n in toc_files() if n not in printed and _squash(_title(n)) in contents]
    assert not left_out, f"reference pages in the PDF's contents: {left_out}"
    assert "withjavascript" not in everything
    assert any(text.lstrip().startswith("Works cited") for text in texts[2:])
    assert reader.outline, "the PDF has no outline (bookmarks)"
    print(f"\nPDF: {len(texts)} pages, {built_pdf.stat().st_size / 2**20:.1f} MB")
