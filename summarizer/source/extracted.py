"""The text a briefing's spans point into, saved beside the briefing when it is not the file itself.

Evidence spans (`start`/`end`) index into the report as read: decoded, NFC, invisible characters
out, and for a Word file, a PDF or a web page the text extracted from it. For a UTF-8 text report
that is the file's own characters and the file is the source; otherwise the batch writes the text
as OUT/NAME.source.txt (UTF-8) beside OUT/NAME.json, so a reader of the briefing — the workspace's
source view, a script — can find the quoted clauses at their spans without the original file or the
extras that read it.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from summarizer.core.document import Document

SUFFIX = ".source.txt"


def differs_from_file(doc: Document) -> bool:
    """Whether the text spans point into is not the input file's bytes read as UTF-8 (the file was
    Word, PDF, HTML, another encoding, or reading changed it)."""
    return hashlib.sha256(doc.text.encode("utf-8")).hexdigest() != doc.sha256


def source_text_path(base: Path) -> Path:
    """OUT/NAME.source.txt for the output base OUT/NAME."""
    return base.with_name(base.name + SUFFIX)


def save_source_text(doc: Document, base: Path, only_missing: bool = False) -> Path | None:
    """Write `doc.text` to OUT/NAME.source.txt (atomically) when it differs from the input file; the
    path written, or None. Raises output.OutputError when it cannot be written."""
    from summarizer.output import write_atomic

    if not differs_from_file(doc):
        return None
    path = source_text_path(base)
    if not (only_missing and path.exists()):
        write_atomic(path, doc.text)
    return path
