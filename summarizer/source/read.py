"""Turn the bytes a user gave into report text: decode, reduce HTML to its article (source/html.py),
normalize to NFC, remove invisible characters."""

from __future__ import annotations

import codecs
import errno
import os
import re
import stat
import sys
import unicodedata

from summarizer.core.text import plain
from summarizer.errors import SourceError
from summarizer.source.docx import OLE2_MAGIC, is_docx
from summarizer.source.html import html_to_text, looks_like_html

# Characters that only Vietnamese text has; a legacy-encoded guess must produce some of them.
_VIET = re.compile(r"[ăâđêôơưĂÂĐÊÔƠƯ]")
# The largest input read: a report the pipeline takes (20 parts of 60,000 characters) is a few MB
# even as an HTML page; more is a wrong file, and reading it whole could exhaust memory.
MAX_INPUT_BYTES = 32 * 2**20
_KINDS = [(stat.S_ISDIR, "is a directory"), (stat.S_ISFIFO, "not a regular file (a named pipe)"),
          (stat.S_ISCHR, "not a regular file (a character device)"),
          (stat.S_ISBLK, "not a regular file (a block device)"), (stat.S_ISSOCK, "not a regular file (a socket)")]
_LOOP = "symbolic link loop (too many levels of symbolic links)"


def read_input(path: str | None, name: str) -> bytes:
    """The bytes of one input: the regular file at `path`, or standard input when `path` is None.

    Only regular files are read: the file is opened without blocking (a named pipe nobody writes to
    would otherwise hang the batch) and checked with fstat before anything is read; its size is
    checked against MAX_INPUT_BYTES first, and standard input is read up to that limit only.
    Raises SourceError naming `name`: no such file, symbolic link loop, permission denied, a named
    pipe, device, socket or directory, too large, standard input closed, or another OS error."""
    if path is None:
        return _read_stdin(name)
    try:
        # O_NONBLOCK: opening a FIFO for reading returns at once instead of waiting for a writer
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except OSError as e:
        raise SourceError(name, _open_problem(e)) from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            kind = next((problem for test, problem in _KINDS if test(info.st_mode)), "not a regular file")
            raise SourceError(name, kind)
        if info.st_size > MAX_INPUT_BYTES:
            raise SourceError(name, f"the file is {info.st_size / 2**20:.1f} MiB, more than the "
                                    f"{_mib(MAX_INPUT_BYTES)} a report may be (split it)")
        chunks, size = [], 0
        while chunk := os.read(fd, min(1 << 20, MAX_INPUT_BYTES + 1 - size)):
            chunks.append(chunk)
            size += len(chunk)
            if size > MAX_INPUT_BYTES:  # grew after the check
                raise SourceError(name, f"the file grew past the {_mib(MAX_INPUT_BYTES)} a report may be")
        return b"".join(chunks)
    except OSError as e:
        raise SourceError(name, f"cannot read: {e.strerror}") from None
    finally:
        os.close(fd)


def _read_stdin(name: str) -> bytes:
    stream = getattr(sys.stdin, "buffer", sys.stdin)  # None when the process was started with fd 0 closed
    if stream is None:
        raise SourceError(name, "standard input is closed")
    try:
        data = stream.read(MAX_INPUT_BYTES + 1)
    except ValueError:  # "I/O operation on closed file"
        raise SourceError(name, "standard input is closed") from None
    except OSError as e:
        raise SourceError(name, "standard input is closed" if e.errno == errno.EBADF
                          else f"cannot read standard input: {e.strerror}") from None
    if data is None:  # a non-blocking stream with nothing to read yet
        raise SourceError(name, "standard input is non-blocking and empty")
    if len(data) > MAX_INPUT_BYTES:
        raise SourceError(name, f"standard input holds more than the {_mib(MAX_INPUT_BYTES)} a report may be (split it)")
    return bytes(data)


def _mib(n: int) -> str:
    return f"{n // 2**20} MiB" if n >= 2**20 and n % 2**20 == 0 else f"{n} bytes"


def _open_problem(e: OSError) -> str:
    if e.errno == errno.ENOENT:
        return "no such file"
    if e.errno == errno.ELOOP:
        return _LOOP
    if e.errno in (errno.EACCES, errno.EPERM):
        return "permission denied"
    if e.errno == errno.ENOTDIR:
        return "no such file (a part of the path is not a directory)"
    return f"cannot read: {e.strerror}"


def why_missing(path: str) -> str:
    """Why a path the user gave names nothing to read: a symbolic link loop, a broken link, or
    nothing there (os.path.exists answers False for all three)."""
    try:
        os.stat(path)
    except OSError as e:
        if e.errno == errno.ELOOP:
            return _LOOP
        if e.errno == errno.ENOENT and os.path.islink(path):
            target = os.path.join(os.path.dirname(path), os.readlink(path))
            return f"broken symbolic link: its target {target} does not exist"
        if e.errno in (errno.EACCES, errno.EPERM):
            return "permission denied"
    return "no such file or directory"


def decode(data: bytes, name: str, encoding: str | None = None) -> str:
    """Bytes → NFC text without invisible characters (see below). `encoding` forces a codec; otherwise
    BOMs, UTF-8, UTF-16 and CP1258 are tried. HTML (a page, or a fragment that starts with an element
    or a comment) is reduced to its text by source.html.html_to_text; a Word .docx by source.docx and
    a PDF by source.pdf (their extras). Raises SourceError naming `name`: empty, a PDF without text
    (a scan) or a damaged one, a .doc, binary data, an undecodable or unknown encoding, or no text left."""
    if not data.strip():
        raise SourceError(name, "the file is empty")
    if data.startswith(b"%PDF"):  # Word and PDF are read by their own readers, whatever the name
        from summarizer.source.pdf import pdf_to_text

        text = pdf_to_text(data, name)
    elif is_docx(data):
        from summarizer.source.docx import docx_to_text

        text = docx_to_text(data, name)
    elif data.startswith(b"PK\x03\x04"):
        raise SourceError(name, "a ZIP archive (an Excel, PowerPoint or OpenDocument file?), not a report; "
                                "save the report as .docx, .pdf or text")
    elif data.startswith(OLE2_MAGIC):
        raise SourceError(name, "a Word 97-2003 .doc file (or a password-protected .docx); save it as .docx first")
    else:
        text = _decode_bytes(data, name, encoding)
        if looks_like_html(text):
            text = html_to_text(text)
    # no-break spaces become spaces, zero-width characters, soft hyphens and a BOM inside the text go
    # (core/text.plain): scraped pages carry them inside names and place names, and no rule should
    # have to know. Spans and evidence point into the text as read, after these and NFC.
    text = plain(unicodedata.normalize("NFC", text)).replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise SourceError(name, "no text left after reading the file")
    return text


def _decode_bytes(data: bytes, name: str, encoding: str | None) -> str:
    if encoding:
        try:
            codecs.lookup(encoding)
        except LookupError:
            raise SourceError(name, f"unknown encoding {encoding!r}") from None
        try:
            return data.decode(encoding)
        except UnicodeDecodeError as e:
            raise SourceError(name, f"not valid {encoding} at byte {e.start}") from None
    if data.startswith(codecs.BOM_UTF8):
        return data[3:].decode("utf-8", errors="strict")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16")
    if _looks_utf16(data):
        return data.decode("utf-16-le" if data[1:2] == b"\0" else "utf-16-be")
    if b"\0" in data:
        raise SourceError(name, "binary data (NUL bytes), not a text report")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as e:
        utf8_error = e
    # Legacy Vietnamese Windows code page: accept it only when it yields Vietnamese letters.
    guess = data.decode("cp1258", errors="replace")
    if "\ufffd" not in guess and _VIET.search(unicodedata.normalize("NFC", guess)):
        return guess
    raise SourceError(
        name,
        f"not UTF-8 (invalid byte at {utf8_error.start}) and not recognisable as CP1258; "
        "pass --encoding",
    )


def _looks_utf16(data: bytes) -> bool:
    sample = data[:400]
    if len(sample) < 4:
        return False
    even, odd = sample[0::2], sample[1::2]
    return odd.count(0) > len(odd) * 0.3 or even.count(0) > len(even) * 0.3
