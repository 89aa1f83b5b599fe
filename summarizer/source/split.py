"""Split report text into numbered sentences with character spans, leaving scraped noise out.

Spans always index into the text given, so dropping noise never moves evidence: a sentence's span is
where it stands in the report the user supplied.
"""

from __future__ import annotations

import hashlib
import re

from summarizer.core.document import Document, Sentence
from summarizer.structure.roles import assign_roles

# Lines that are page furniture, not report text.
_NOISE_LINE = [
    re.compile(r"^\d{1,2}:\d{2}(?::\d{2})?(\s*/\s*\d{1,2}:\d{2}(?::\d{2})?)?$"),  # video player "0:00 / 0:00"
    re.compile(r"^Xem thêm\b.{0,80}$", re.I),
    re.compile(r"^Tin liên quan\b", re.I),
    re.compile(r"^(Chia sẻ|Bình luận|Quảng cáo|Advertisement|Share)\b.{0,40}$", re.I),
]
# Text that addresses the model rather than the reader ("bỏ qua hướng dẫn trên…", "ignore previous
# instructions…"): left out of the prompt and reported, so it can neither steer the model nor be cited.
# Lowercase, matched against the lowercased sentence (as re.IGNORECASE would, several times faster).
_INSTRUCTIONS = re.compile(
    r"\b(bỏ qua|phớt lờ|quên|đừng tuân theo|không tuân theo)\b.{0,40}\b(hướng dẫn|chỉ dẫn|chỉ thị|quy tắc|lệnh|prompt)"
    r"|\b(ignore|disregard|forget)\b.{0,40}\b(instructions?|prompts?|rules)\b"
    r"|\b(system prompt|lời nhắc hệ thống)\b|\b(you are now|from now on,? you|từ giờ bạn là|bây giờ bạn là)\b"
)
# A scraped header such as " date 2024-06 " glued before the first sentence.
_LEADING_HEADER = re.compile(r"\s*date\s+\d{4}-\d{2}(?:-\d{2})?\s+")
# Candidate sentence ends: terminal punctuation, optional closing quote/bracket, then white space.
_BOUNDARY = re.compile(r"[.!?…]+[\"”’)]*\s+")
# A list marker at the start of a line belongs to its line: "I. KẾT QUẢ ĐẠT ĐƯỢC", "1. Về kinh tế".
_LIST_MARKER = re.compile(r"\s*(?:[IVXLC]{1,5}|\d{1,2}(?:\.\d{1,2})*|[a-zđA-ZĐ])\s*")
# Abbreviations whose period does not end a sentence ("TP. Bắc Kạn", "PGS. TS. …").
_ABBREVIATIONS = {"tp", "tx", "tt", "ths", "ts", "gs", "pgs", "bs", "ks", "ls", "ncs", "st", "p", "q", "đ", "ng"}


def split_document(name: str, text: str, raw: bytes | None = None) -> Document:
    """Number the report's sentences. `raw` (the file's bytes) gives the sha256; else the text's UTF-8."""
    sentences: list[Sentence] = []
    noise: list[tuple[int, int]] = []
    suspicious: list[tuple[int, int]] = []
    seen_lines: set[str] = set()
    offset = 0
    for line in text.split("\n"):
        line_start, line_end = offset, offset + len(line)
        offset = line_end + 1
        stripped = line.strip()
        if not stripped:
            continue
        start = line_start + (len(line) - len(line.lstrip()))
        end = line_start + len(line.rstrip())
        if any(p.match(stripped) for p in _NOISE_LINE) or stripped in seen_lines:
            # repeated lines are captions scraped twice; the first occurrence stays
            noise.append((start, end))
            continue
        seen_lines.add(stripped)
        if not sentences and (m := _LEADING_HEADER.match(text, start, end)):
            noise.append((start, m.end()))
            start = m.end()
        for s_start, s_end in _split_line(text, start, end):
            sentence = text[s_start:s_end]
            if _INSTRUCTIONS.search(sentence.lower()):
                suspicious.append((s_start, s_end))
                continue
            sentences.append(Sentence(len(sentences) + 1, s_start, s_end, sentence))
    roles = assign_roles(text, [(s.start, s.end) for s in sentences])
    sentences = [Sentence(s.number, s.start, s.end, s.text, role) for s, role in zip(sentences, roles)]
    digest = hashlib.sha256(raw if raw is not None else text.encode("utf-8")).hexdigest()
    return Document(name=name, text=text, sha256=digest, sentences=tuple(sentences), noise=tuple(noise),
                    suspicious=tuple(suspicious))


def _split_line(text: str, start: int, end: int) -> list[tuple[int, int]]:
    spans = []
    cursor = start
    for m in _BOUNDARY.finditer(text, start, end):
        nxt = text[m.end()] if m.end() < end else ""
        if not nxt or not (nxt.isupper() or nxt.isdigit() or nxt in "\"“("):
            continue
        if text[m.start()] == "." and _last_word(text, cursor, m.start()).lower() in _ABBREVIATIONS:
            continue
        if cursor == start and _LIST_MARKER.fullmatch(text, cursor, m.start()):
            continue
        if text[m.start()] == "." and m.start() > 0 and text[m.start() - 1].isupper() and (
                m.start() < 2 or not text[m.start() - 2].isalnum()):
            continue  # an initial: "N. Lân", "Y. Bhơ"
        sentence_end = m.end() - len(m.group()) + len(m.group().rstrip())
        spans.append((cursor, sentence_end))
        cursor = m.end()
    if cursor < end:
        spans.append((cursor, end))
    return spans


def _last_word(text: str, start: int, end: int) -> str:
    """The last run of word characters (as regex `\\w`) in text[start:end], read backwards: a
    `(\\w+)\\W*$` search would rescan the sentence from its start at every period."""
    j = end
    while j > start and not _is_word(text[j - 1]):
        j -= 1
    i = j
    while i > start and _is_word(text[i - 1]):
        i -= 1
    return text[i:j]


def _is_word(ch: str) -> bool:
    return ch.isalnum() or ch == "_"
