"""Word (.docx) → report text, with python-docx (the `[docx]` extra).

Editors receive reports as Word files. The body is read in document order: each paragraph a line of
its own (a line break inside a paragraph stays a line break), each table row a line with its cells
kept apart (`Thu ngân sách | 43,5%`, as the HTML reader writes a row), and a heading (a paragraph in
one of Word's heading styles, or the Title style) a line of its own with a blank line before it, so
it never runs into the text around it and the structure stage reads it as the heading line it is.
Page headers and footers, comments and footnotes are page furniture, not the report, and are left
out. A paragraph numbered by Word's automatic numbering has no number in its text (Word draws it
from the numbering definitions): such a heading is read without its "I." or "1.".

Spans and evidence then point into this text, which the batch saves beside the briefing
(NAME.source.txt) so the source view can show it.
"""

from __future__ import annotations

import io
import zipfile

from summarizer.errors import SourceError

# the part every Word document has; an .xlsx, .pptx or .odt is a ZIP archive too
_BODY_PART = "word/document.xml"
# the signature of an OLE2 compound file: Word 97–2003 .doc (and a password-protected .docx)
OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def is_docx(data: bytes) -> bool:
    """Whether `data` is a ZIP archive holding a Word document body (word/document.xml)."""
    if not data.startswith(b"PK\x03\x04"):
        return False
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return _BODY_PART in archive.namelist()
    except (zipfile.BadZipFile, OSError, ValueError):
        return False


def docx_to_text(data: bytes, name: str) -> str:
    """The report text of a .docx file's bytes: paragraphs and table rows in document order, one per
    line; headings on a line of their own after a blank line; a row's cells joined with " | ".

    Raises SourceError naming `name`: the [docx] extra is not installed, or the file is no readable
    Word document (a damaged archive, a missing or malformed document part)."""
    try:
        import docx
        from docx.table import Table
        from docx.text.paragraph import Paragraph
    except ImportError:
        raise SourceError(name, "a Word .docx file: reading it needs the [docx] extra "
                                "(pip install -e '.[docx]' -c constraints.txt)") from None
    try:
        document = docx.Document(io.BytesIO(data))
        blocks = list(document.iter_inner_content())
    except Exception as e:  # python-docx raises KeyError, ValueError, lxml's XMLSyntaxError … for a damaged file
        raise SourceError(name, f"not a readable Word document ({type(e).__name__}: {e})") from None
    lines: list[str] = []
    for block in blocks:
        if isinstance(block, Paragraph):
            text = block.text
            if _is_heading(block):
                if lines and lines[-1].strip():
                    lines.append("")  # a heading starts a part of the report
                lines.append(" ".join(text.split()))
            else:
                lines.append(text)
        elif isinstance(block, Table):
            lines.extend(_table_rows(block))
    # leading and trailing blank paragraphs carry nothing; blank lines between paragraphs stay
    while lines and not lines[-1].strip():
        lines.pop()
    while lines and not lines[0].strip():
        lines.pop(0)
    return "\n".join(lines)


def _is_heading(paragraph) -> bool:
    """A paragraph in a heading style (Heading 1–9, Title), by its style or the style it is based on."""
    style = paragraph.style
    seen = 0
    while style is not None and seen < 10:  # a chain of based-on styles, bounded against a cycle
        name = (style.name or "").lower()
        if name == "title" or name.startswith("heading"):
            return True
        style = style.base_style
        seen += 1
    return False


def _table_rows(table) -> list[str]:
    """Each row of a table as one line, its cells apart; a merged cell (which python-docx repeats for
    every grid column it spans) once; empty cells left out; a table inside a cell read into it."""
    rows = []
    for row in table.rows:
        cells, seen = [], set()
        for cell in row.cells:
            if id(cell._tc) in seen:
                continue
            seen.add(id(cell._tc))
            text = _cell_text(cell)
            if text:
                cells.append(text)
        if cells:
            rows.append(" | ".join(cells))
    return rows


def _cell_text(cell) -> str:
    parts = [p.text for p in cell.paragraphs]
    for inner in cell.tables:
        parts.extend(_table_rows(inner))
    return " ".join(" ".join(parts).split())
