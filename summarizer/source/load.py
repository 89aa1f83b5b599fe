"""One way to read a report: bytes from a file or standard input, decoded, split into sentences.

The command line, the batch runner, Batch export and import, evaluation and the library all read
reports through read_document, so a report reads the same wherever it is read.
"""

from __future__ import annotations

from summarizer.core.document import Document
from summarizer.source.read import decode, read_input
from summarizer.source.split import split_document


def read_document(path: str | None, name: str, title: str | None = None, encoding: str | None = None) -> Document:
    """The report at `path` (standard input when None). Errors name it `name` (as the user gave it);
    the document is called `title` (default: `name`). `encoding` forces a codec. Raises SourceError
    for anything that is not a readable regular file of report text (see source.read)."""
    raw = read_input(path, name)
    return split_document(title or name, decode(raw, name, encoding), raw)
