"""The PDF edition's place, its pages, and whether the file there is current.

The PDF is a reader's edition: the opening page, the chapters, the cases and the methods
appendix, with the works they cite (:func:`printed_pages`). The data dictionary, the full
bibliography, the changelog, the contributor's guide and the API reference are reference
material and stay on the site.

``make pdf`` records, beside the PDF (``csto-record.pdf.json``), what it was printed from: a
SHA-256 over the printed pages' sources and the execution inputs' fingerprint
(:func:`made_from`), with its page count and the file's size and modification time. ``make
book`` links the PDF only when that record matches this build (:func:`pdf_status`).
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

from .pages import ROOT, toc_files, toc_parts

#: The PDF's file name, in ``_build/pdf/`` and at the root of the built site.
PDF_NAME = "csto-record.pdf"
#: Where ``make pdf`` writes it.
PDF_PATH = ROOT / "_build" / "pdf" / PDF_NAME

#: The parts of ``_toc.yml`` whose pages the PDF prints (with their sections), and the pages it
#: prints besides them and the opening page.
PRINTED_PARTS = ("Chapters", "Cases", "Verdict")
PRINTED_PAGES = ("book/methods",)


def printed_pages(root: Path = ROOT) -> list[str]:
    """The pages the PDF prints, in the order of the table of contents."""
    wanted = {page for caption, pages in toc_parts(root) if caption in PRINTED_PARTS
              for page in pages}
    files = toc_files(root)
    wanted |= {files[0], *PRINTED_PAGES}
    # A printed page's sections are printed with it.
    return [page for page in files
            if page in wanted or any(page.startswith(f"{w}/") for w in wanted)]


def made_from(root: Path, inputs: str) -> str:
    """A SHA-256 over what the PDF shows: each printed page's path and source bytes and the
    fingerprint ``inputs`` of the execution inputs (data, citation, the code chapters run)."""
    digest = hashlib.sha256(inputs.encode())
    for page in printed_pages(root):
        digest.update(page.encode() + b"\0")
        digest.update(hashlib.sha256((root / f"{page}.md").read_bytes()).digest())
    return digest.hexdigest()


def _record_path(pdf: Path) -> Path:
    return pdf.with_name(pdf.name + ".json")


def _size_text(size: int) -> str:
    return f"{size / 2**20:.1f} MB" if size >= 2**20 else f"{size / 1024:.0f} KB"


def record_pdf(pdf: Path, root: Path, inputs: str, pages: int) -> None:
    """Record beside ``pdf`` that it was printed from the book in ``root`` with the execution
    inputs' fingerprint ``inputs``, and its page count."""
    stat = pdf.stat()
    _record_path(pdf).write_text(json.dumps(
        {"made_from": made_from(root, inputs), "pages": pages,
         "key": [stat.st_size, stat.st_mtime_ns]}, indent=1) + "\n", encoding="utf-8")


@dataclass(frozen=True)
class PdfStatus:
    """Whether a PDF exists, whether it is current (printed from this build's sources), its
    page count and size as the pages show them, and why it is not current."""

    exists: bool
    current: bool
    pages: int | None = None
    size: str | None = None
    reason: str | None = None


def pdf_status(pdf: Path, root: Path, inputs: str) -> PdfStatus:
    """The status of the PDF at ``pdf`` for a build of ``root`` whose execution inputs have the
    fingerprint ``inputs``: current when its record matches the file and :func:`made_from`."""
    if not pdf.exists():
        return PdfStatus(False, False, reason="not printed")
    stat = pdf.stat()
    try:
        record = json.loads(_record_path(pdf).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        record = {}
    if not isinstance(record, dict) or record.get("key") != [stat.st_size, stat.st_mtime_ns]:
        return PdfStatus(True, False, reason="no record of what it was printed from")
    if record.get("made_from") != made_from(root, inputs):
        return PdfStatus(True, False, reason="printed from other chapters or other data than "
                                             "this build's")
    return PdfStatus(True, True, record.get("pages"), _size_text(stat.st_size))
