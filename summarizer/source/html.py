"""HTML → report text: a saved news page, a whole site page or a fragment copied out of one.

Editors save article pages, whose navigation, related links, comments and footers are no part of the
report. With the `[html]` extra, trafilatura (a maintained main-text extractor) keeps the article:
its headline and body, tables included. Without it, or when it finds no main text, the package's own
reader keeps the text of every block outside scripts, styles, <nav>, <header>, <footer>, <aside> and
forms. Either way each block and each table row is a line of its own, and a row's cells stay apart
("Thu ngân sách | 43,5%"), so no sentence is glued out of two.
"""

from __future__ import annotations

import functools
import logging
import re
from html.parser import HTMLParser

log = logging.getLogger("summarizer")

# The elements a page or a fragment can start with: a text report never starts with one of these.
_ELEMENTS = (
    "html|head|body|meta|link|title|style|script|noscript|base|main|article|section|header|footer|nav|aside|"
    "div|span|p|br|hr|h[1-6]|table|thead|tbody|tfoot|tr|td|th|caption|colgroup|col|ul|ol|li|dl|dt|dd|"
    "blockquote|pre|figure|figcaption|img|picture|source|a|b|i|u|em|strong|small|font|center|form|input|"
    "label|button|iframe|svg|time|address|details|summary"
)
# A document is read as HTML when it opens (after blank space, an XML declaration or a byte-order
# mark) with a comment (a browser's "<!-- saved from url=… -->"), a doctype or any HTML element.
_HTML_START = re.compile(rf"\A\ufeff?\s*(?:<\?xml[^>]*>\s*)?(?:<!--|<!doctype\s+html|</?(?:{_ELEMENTS})(?=[\s/>]))", re.I)
# a table row as trafilatura writes it, "| Thu ngân sách | 43,5% |": its cells without the outer bars
_ROW = re.compile(r"^\|\s*(.*?)\s*\|\s*$")


def looks_like_html(text: str) -> bool:
    """Whether decoded text is HTML (a page, or a fragment starting with an element or a comment)."""
    return bool(_HTML_START.match(text[:2000]))


def html_to_text(html: str, main_text: bool = True) -> str:
    """The report text of an HTML page or fragment: one line per block or table row, blank lines
    between. With `main_text` and trafilatura installed (the [html] extra) only the article is kept;
    otherwise, or when trafilatura finds no main text, every block outside page furniture (see
    `_BlockText`). Never raises for malformed HTML; returns "" when there is no text."""
    text = _main_text(html) if main_text else None
    if text is None:
        text = _block_text(html)
    lines = (re.sub(r"[ \t\u00a0]+", " ", _ROW.sub(r"\1", line.strip())).strip() for line in text.split("\n"))
    return "\n\n".join(line for line in lines if line)


@functools.lru_cache(maxsize=1)
def _trafilatura():
    """The trafilatura module, or None when the [html] extra is not installed (or is broken: it
    imports lxml.html.clean, which needs lxml_html_clean beside lxml 5.2 and later)."""
    try:
        import trafilatura
    except ImportError as e:
        log.debug("HTML read without trafilatura (%s): navigation and comments may stay in", e)
        return None
    return trafilatura


def _main_text(html: str) -> str | None:
    """The article's headline and main text by trafilatura, or None (not installed, or nothing found)."""
    trafilatura = _trafilatura()
    if trafilatura is None:
        return None
    try:
        # favor_precision: on a short page trafilatura's recall fallbacks put the menu back in
        body = trafilatura.extract(html, output_format="txt", include_comments=False, include_tables=True,
                                   include_images=False, include_links=False, include_formatting=False,
                                   favor_precision=True, deduplicate=False, with_metadata=False)
        if not body or not body.strip():
            return None
        # the headline is metadata to trafilatura, not main text; the report starts with it
        meta = trafilatura.extract_metadata(html)
    except Exception as e:  # a page the library chokes on is still a report: the own reader reads it
        log.warning("trafilatura could not read the page (%s: %s); reading every block", type(e).__name__, e)
        return None
    title = (meta.title or "").strip() if meta is not None else ""
    if title and not body.lstrip().startswith(title):
        body = title + "\n" + body
    return body


class _BlockText(HTMLParser):
    """The package's own reader: the text of blocks, skipping scripts, styles, navigation and forms;
    a line break at every block boundary and " | " between the cells of a table row."""

    SKIP = {"script", "style", "noscript", "nav", "header", "footer", "form", "aside", "svg", "button", "template",
            "select", "textarea", "iframe", "object"}
    BLOCK = {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd", "br", "hr", "tr",
             "table", "thead", "tbody", "tfoot", "caption", "figure", "figcaption", "article", "section", "main",
             "blockquote", "pre", "address", "details", "summary", "title", "center", "fieldset", "legend"}
    CELL = {"td", "th"}
    VOID = {"br", "hr", "img", "input", "meta", "link", "col", "source", "wbr", "area", "base", "embed", "track"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0
        self.cells = 0  # cells opened in the current table row
        self.pre = 0  # inside <pre>, where the source's line breaks are the text's

    def handle_starttag(self, tag: str, attrs) -> None:
        if tag in self.SKIP:
            if tag not in self.VOID:
                self.skipping += 1
        elif tag in self.CELL:
            if self.cells and not self.skipping:
                self.parts.append(" | ")
            self.cells += 1
        elif tag in self.BLOCK:
            if tag == "tr":
                self.cells = 0
            elif tag == "pre":
                self.pre += 1
            self.parts.append("\n")

    def handle_startendtag(self, tag: str, attrs) -> None:
        if tag in self.BLOCK:  # <br/>, <hr/>
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self.SKIP and self.skipping:
            self.skipping -= 1
        elif tag in self.BLOCK:
            if tag == "pre" and self.pre:
                self.pre -= 1
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            # a line break in a paragraph's source is a space (a hard-wrapped <p> is one paragraph),
            # except in <pre>: blocks, not the source's lines, make the lines of the text
            self.parts.append(data if self.pre else re.sub(r"[\r\n]+", " ", data))


def _block_text(html: str) -> str:
    parser = _BlockText()
    parser.feed(html)
    parser.close()
    return "".join(parser.parts)
