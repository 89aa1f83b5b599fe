"""Text PDFs → report text, with pdfminer.six (the `[pdf]` extra).

A PDF holds positioned glyphs, not paragraphs. pdfminer.six's layout analysis groups them into lines
and blocks and orders the blocks for reading (columns one after the other); this module then:

- joins the lines of a paragraph into one line, so a sentence wrapped across lines (or carried over
  to the next page or column) is one sentence again. A paragraph ends where the next line's first
  word would have fitted on the line before (the line was ended on purpose: a heading, a paragraph's
  last line), where the next line is indented or starts a list item, and at the end of a block — but
  a block whose last line is full and has no sentence end goes on in the next block when that starts
  in lower case (a paragraph across a page break or into the next column);
- undoes hyphenation at line ends: a hyphen glued to a letter before a line break, with a lower-case
  letter after it, is the typesetter's ("interna-" + "tional" → "international"; a soft hyphen
  likewise); "Covid-" + "19" keeps its hyphen ("Covid-19"); "kinh tế -" + "xã hội" keeps " - ", a
  dash between words;
- drops page headers and footers: lines in the top or bottom tenth of a page that repeat (digits
  aside) on at least half of the pages, and page numbers ("3", "- 3 -", "Trang 3", "3/10") there.

A scanned PDF (images of pages, no text layer) has nothing to read: it is refused with an error that
says so and what to do (run OCR). So is a password-protected or damaged file, and one whose fonts
carry no map from glyphs to letters (pdfminer reads "(cid:123)" there; guessing would invent text).
"""

from __future__ import annotations

import io
import logging
import math
import re
from dataclasses import dataclass

from summarizer.errors import SourceError

log = logging.getLogger("summarizer")

BAND = 0.10  # the top and bottom tenth of a page, where headers and footers stand
_TERMINAL = tuple(".!?:;…\"”»)")
_PAGE_NUMBER = re.compile(r"^(?:trang|page|tr\.)?\s*[-–—]?\s*\d{1,4}\s*(?:(?:/|của|of|trên)\s*\d{1,4})?\s*[-–—]?$", re.I)
_LIST_START = re.compile(r"^(?:[-–•+*▪●◦]\s|\d{1,2}[.)]\s|[a-zđ][.)]\s|[IVXLC]{1,5}\.\s)")
_CID = re.compile(r"\(cid:\d+\)")


@dataclass
class _Line:
    text: str
    x0: float
    x1: float
    y0: float
    y1: float
    page: int
    block: int  # the layout block (pdfminer's text box) the line belongs to, numbered over the document
    first_word: float  # how wide the line's first word is
    char: float  # the average width of a character on the line


def pdf_to_text(data: bytes, name: str) -> str:
    """The report text of a PDF's bytes: one line per paragraph, in reading order, hyphenation at line
    ends undone, page headers, footers and page numbers left out.

    Raises SourceError naming `name`: the [pdf] extra is not installed; the PDF is password-protected,
    damaged, or has no text layer (a scan); its fonts have no Unicode map."""
    try:
        from pdfminer.high_level import extract_pages
        from pdfminer.layout import LAParams
        from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
    except ImportError:
        raise SourceError(name, "a PDF: reading it needs the [pdf] extra "
                                "(pip install -e '.[pdf]' -c constraints.txt)") from None
    try:
        pages = list(extract_pages(io.BytesIO(data), laparams=LAParams()))
    except (PDFPasswordIncorrect, PDFEncryptionError):
        raise SourceError(name, "the PDF is password-protected; save an unprotected copy first") from None
    except Exception as e:  # pdfminer raises its own syntax errors, but also KeyError, TypeError … on damage
        raise SourceError(name, f"not a readable PDF ({type(e).__name__}: {str(e)[:200]})") from None
    lines_by_page = [_page_lines(page, number, offset=1000 * number) for number, page in enumerate(pages)]
    found = sum(len(line.text) for lines in lines_by_page for line in lines)
    if not found:
        raise SourceError(name, f"a PDF with no text layer ({len(pages)} page{'s' if len(pages) != 1 else ''} of images, "
                                "a scan?): there is no text to read; run OCR on it first (e.g. `ocrmypdf IN.pdf OUT.pdf`) "
                                "or ask for the original document")
    unmapped = sum(len(m.group()) for lines in lines_by_page for line in lines for m in _CID.finditer(line.text))
    if unmapped > 0.05 * found:
        raise SourceError(name, "the PDF's fonts have no map from glyphs to letters, so its text cannot be read "
                                "as written; export it again from the original document, or run OCR on it")
    empty = [str(n + 1) for n, lines in enumerate(lines_by_page) if not lines]
    if empty and len(empty) < len(pages):
        log.warning("%s: page %s has no text layer (an image?); read without it", name, ", ".join(empty))
    lines = _without_furniture(lines_by_page, [(p.height) for p in pages])
    return "\n".join(_paragraphs(lines))


def _page_lines(page, number: int, offset: int) -> list[_Line]:
    """The text lines of one page, block by block in pdfminer's reading order."""
    from pdfminer.layout import LTChar, LTTextBox, LTTextLine

    lines = []
    boxes = [box for box in page if isinstance(box, LTTextBox)]
    for b, box in enumerate(boxes):
        for line in box:
            if not isinstance(line, LTTextLine):
                continue
            text = " ".join(_line_text(line, LTChar).split())
            if not text:
                continue
            chars = [c for c in line if isinstance(c, LTChar)]
            first_word = 0.0
            for c in chars:
                if not c.get_text().strip():
                    break
                first_word = c.x1 - line.x0
            width = line.x1 - line.x0
            lines.append(_Line(text, line.x0, line.x1, line.y0, line.y1, number, offset + b,
                               first_word or width, width / max(len(text), 1)))
    return lines


def _line_text(line, char_type) -> str:
    """A line's text from its glyphs and the spaces pdfminer inserts at gaps, without the space glyphs
    the next glyph overlaps: a browser prints a soft hyphen that does not break as such a zero-width
    space ("inter" + " " + "national" at the same position would read as two words)."""
    objects = list(line)
    out = []
    for n, obj in enumerate(objects):
        text = obj.get_text()
        if isinstance(obj, char_type) and text == " ":
            after = next((o for o in objects[n + 1:] if isinstance(o, char_type)), None)
            width = obj.x1 - obj.x0
            if after is not None and after.x0 < obj.x1 - 0.5 * width:
                continue
        out.append(text)
    return "".join(out)


def _furniture_key(text: str) -> str:
    return re.sub(r"\d+", "#", text).casefold()


def _without_furniture(lines_by_page: list[list[_Line]], heights: list[float]) -> list[_Line]:
    """All lines but page headers and footers: in the top or bottom band of their page, either a page
    number or a line that recurs (digits aside) in that band on at least half of the pages (two at least)."""
    def band(line: _Line) -> str | None:
        height = heights[line.page]
        if line.y0 >= height * (1 - BAND):
            return "top"
        if line.y1 <= height * BAND:
            return "bottom"
        return None

    pages_with: dict[tuple[str, str], set[int]] = {}
    for lines in lines_by_page:
        for line in lines:
            if (where := band(line)) is not None:
                pages_with.setdefault((where, _furniture_key(line.text)), set()).add(line.page)
    needed = max(2, math.ceil(len(lines_by_page) / 2))
    kept = []
    for lines in lines_by_page:
        for line in lines:
            where = band(line)
            if where is not None and (_PAGE_NUMBER.match(line.text)
                                      or len(pages_with[(where, _furniture_key(line.text))]) >= needed):
                continue
            kept.append(line)
    return kept


def _paragraphs(lines: list[_Line]) -> list[str]:
    """Lines → paragraphs (see the module's docstring for where one ends)."""
    right: dict[int, float] = {}
    left: dict[int, float] = {}
    for line in lines:
        right[line.block] = max(right.get(line.block, line.x1), line.x1)
        left[line.block] = min(left.get(line.block, line.x0), line.x0)
    paragraphs: list[list[_Line]] = []
    for line in lines:
        if paragraphs and _continues(paragraphs[-1][-1], line, right, left):
            paragraphs[-1].append(line)
        else:
            paragraphs.append([line])
    out = []
    for paragraph in paragraphs:
        text = paragraph[0].text
        for line in paragraph[1:]:
            text = _join(text, line.text)
        out.append(text)
    return out


def _ended_on_purpose(before: _Line, after: _Line, right: float) -> bool:
    """Whether `before` ends its paragraph: `after`'s first word (and a space) would have fitted on it."""
    return right - before.x1 > after.first_word + 1.5 * before.char


def _continues(before: _Line, line: _Line, right: dict[int, float], left: dict[int, float]) -> bool:
    if _LIST_START.match(line.text):
        return False
    if line.block != before.block:
        # another block (a gap, a column or a page further on): the same paragraph only when the block
        # before ended on a full line without a sentence end and this one goes on in lower case
        return (not _ended_on_purpose(before, line, right[before.block]) and not before.text.endswith(_TERMINAL)
                and line.text[:1].islower())
    if line.x0 > left[line.block] + 1.5 * line.char:  # a first-line indent
        return False
    if before.y0 - line.y1 > 1.0 * (before.y1 - before.y0):  # more than a line's height between them
        return False
    return not _ended_on_purpose(before, line, right[line.block])


def _join(text: str, after: str) -> str:
    """Two lines of one paragraph: a soft hyphen or a hyphen glued to a letter before lower case is
    the typesetter's and goes; a hyphen before a digit or capital stays, glued ("Covid-19")."""
    if text.endswith(("\xad", "\u2010")):  # a soft hyphen, or the hyphen a browser prints for one
        return text[:-1] + after
    if len(text) >= 2 and text[-1] == "-" and text[-2].isalpha():
        return text[:-1] + after if after[:1].islower() else text + after
    return f"{text} {after}"
