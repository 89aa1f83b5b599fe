"""Turn the bytes a user gave into report text: decode, reduce HTML to its article, normalize to NFC."""

from __future__ import annotations

import codecs
import re
import unicodedata
from html.parser import HTMLParser

from summarizer.core.text import plain
from summarizer.errors import SourceError

# Characters that only Vietnamese text has; a legacy-encoded guess must produce some of them.
_VIET = re.compile(r"[ăâđêôơưĂÂĐÊÔƠƯ]")
_HTML_START = re.compile(rb"^\s*(<!doctype html|<html|<head|<body|<article|<p[ >])", re.I)


def decode(data: bytes, name: str, encoding: str | None = None) -> str:
    """Bytes → NFC text without invisible characters (see below). `encoding` forces a codec; otherwise BOMs, UTF-8, UTF-16 and CP1258 are tried."""
    if not data.strip():
        raise SourceError(name, "the file is empty")
    if data.startswith(b"%PDF"):
        raise SourceError(name, "this is a PDF; extract its text first (e.g. `pdftotext FILE -`)")
    text = _decode_bytes(data, name, encoding)
    if _HTML_START.match(data[:200]) or _HTML_START.match(text[:200].encode("utf-8", "ignore")):
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


class _ArticleText(HTMLParser):
    """Collects the text of block elements, skipping scripts, styles, navigation and forms."""

    SKIP = {"script", "style", "noscript", "nav", "header", "footer", "form", "aside", "svg", "button"}
    BLOCK = {"p", "div", "h1", "h2", "h3", "h4", "li", "br", "tr", "figcaption", "article", "section", "title"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag: str, attrs) -> None:
        if tag in self.SKIP:
            self.skipping += 1
        elif tag in self.BLOCK:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self.SKIP and self.skipping:
            self.skipping -= 1
        elif tag in self.BLOCK:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.parts.append(data)


def html_to_text(html: str) -> str:
    parser = _ArticleText()
    parser.feed(html)
    parser.close()
    lines = (re.sub(r"[ \t\u00a0]+", " ", line).strip() for line in "".join(parser.parts).split("\n"))
    return "\n\n".join(line for line in lines if line)
