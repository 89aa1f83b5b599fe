"""Split report text into numbered sentences with character spans, leaving scraped noise out.

Spans always index into the text given, so dropping noise never moves evidence: a sentence's span is
where it stands in the report the user supplied.
"""

from __future__ import annotations

import hashlib
import re

from summarizer.core.document import Document, Sentence
from summarizer.core.text import plain
from summarizer.structure.roles import assign_roles

# Lines that are page furniture, not report text.
_NOISE_LINE = [
    re.compile(r"^\d{1,2}:\d{2}(?::\d{2})?(\s*/\s*\d{1,2}:\d{2}(?::\d{2})?)?$"),  # video player "0:00 / 0:00"
    re.compile(r"^Xem thêm\b.{0,80}$", re.I),
    re.compile(r"^Tin liên quan\b", re.I),
    re.compile(r"^(Chia sẻ|Bình luận|Quảng cáo|Advertisement|Share)\b.{0,40}$", re.I),
]
# Text that addresses the model rather than the reader: left out of the prompt and reported, so it
# can neither steer the model nor be cited. Not only the stock phrases ("bỏ qua hướng dẫn trên…",
# "ignore previous instructions…") but the ways of speaking to an assistant: a note addressed to it
# ("Lưu ý dành cho trợ lý: …", "Note to the AI: …"), calling on it ("Trợ lý ơi, hãy …", "Assistant,
# please …"), telling it what to write ("hãy ghi rằng …", "khi tóm tắt, hãy …", "instead, say …"),
# giving it a role or a new task, and chat-template markup ("SYSTEM:", "<|im_start|>", "[INST]").
# Each frame is tied to such a way of speaking, never to a topic: a report about virtual assistants,
# BOT toll roads, "không để ai bị bỏ lại phía sau" or a speech's "hãy coi … là …" is report text
# (tests/test_hostile.py holds both lists). Matched against `_as_matched(sentence)`: lower case,
# zero-width characters dropped, the upper-case abbreviation AI spelled "ai-model" (a lower-case
# "ai" is the Vietnamese "who"). Each frame is tried only when one of its words occurs (a plain
# substring test), which keeps the check as cheap as the old three-phrase pattern.
# what `_AI` cannot match without (the frames naming the model are skipped when none occurs)
_AI_WORDS = ("trợ lý", "mô hình ngôn ngữ", "mô hình ai-model", "ai-model", "assistant", "chatbot", "llm", "gpt",
             "language model")
_AI = r"(?:trợ lý(?: ảo| ai-model)?|mô hình (?:ngôn ngữ|ai-model)|ai-model|assistant|chatbot|llm|gpt|chatgpt|(?:large )?language model)"
_AI_ONLY = r"(?:trợ lý (?:ảo|ai-model)|mô hình (?:ngôn ngữ|ai-model)|ai-model|assistant|chatbot|llm|gpt|chatgpt|(?:large )?language model)"
_FRAMES: list[tuple[tuple[str, ...], str]] = [
    # the stock phrases
    (("bỏ qua", "phớt lờ", "quên", "tuân theo"),
     r"\b(bỏ qua|phớt lờ|quên|đừng tuân theo|không tuân theo)\b.{0,40}\b(hướng dẫn|chỉ dẫn|chỉ thị|quy tắc|lệnh|prompt)"),
    (("ignore", "disregard", "forget"), r"\b(ignore|disregard|forget)\b.{0,40}\b(instructions?|prompts?|rules)\b"),
    (("prompt", "lời nhắc", "you", "bạn là"),
     r"\b(system prompt|lời nhắc hệ thống|you are now|from now on,? you|từ giờ bạn là|bây giờ bạn là)\b"),
    # "bỏ qua những gì đã nói ở trên …", "disregard the above …" (not "không bỏ qua … đã nêu")
    (("bỏ qua", "phớt lờ", "quên", "bỏ ngoài tai"),
     r"(?<!không )(?<!không để )(?<!tránh )(?<!chớ )(?<!đừng )\b(bỏ qua|phớt lờ|quên|bỏ ngoài tai)\s+(?:đi\s+|hết\s+)*"
     r"(những gì|mọi thứ|mọi điều|tất cả|toàn bộ|mọi nội dung|các nội dung|nội dung)\b.{0,30}"
     r"\b(ở trên|phía trên|bên trên|trước đó|đã nêu|đã nói)"),
    (("ignore", "disregard", "forget"),
     r"\b(ignore|disregard|forget)\s+(?:all\s+|everything\s+)?(?:of\s+)?(?:the\s+)?(above|previous|prior|earlier|preceding|foregoing)\b"),
    # a note addressed to the model: "lưu ý dành cho trợ lý:", "gửi mô hình AI:", "note to the AI"
    (_AI_WORDS,
     r"\b(lưu ý|chú ý|ghi chú|nhắn|lời nhắn|thông điệp|yêu cầu|gửi|gởi|dành cho|note|message|instructions?|reminder)\s+"
     rf"(?:dành\s+|gửi\s+|đối\s+)?(?:cho\s+|tới\s+|đến\s+|với\s+|to\s+|for\s+)?(?:the\s+|các\s+)?{_AI}\s*[:,!-]"),
    (_AI_WORDS,
     r"\b(lưu ý|chú ý|ghi chú|lời nhắn|thông điệp|note|message|instructions?|reminder)\s+(?:dành\s+|gửi\s+)?"
     rf"(?:cho|tới|to|for)\s+(?:the\s+)?{_AI_ONLY}\b"),
    # the model called upon: "trợ lý ơi, hãy …", "assistant, please …"
    (_AI_WORDS,
     rf"\b{_AI}\s*(?:ơi\s*)?[:,]\s*(?:hãy|xin|vui lòng|làm ơn|please|đừng|không được|chỉ cần|chỉ được"
     r"|only|write|list|say|output|answer|respond|ignore|viết|ghi|liệt kê|trả lời)\b"),
    (("you", "bạn"), rf"\b(bạn|you)\s+(?:là|are)\s+(?:một\s+|an?\s+)?(?:trợ lý|mô hình ngôn ngữ|{_AI_ONLY}|model)\b"),
    (("as ",), r"\bas (?:the|an|a) (?:ai-model|assistant|language model|model|summari[sz]er)\b"),
    # what the answer should say: "hãy ghi rằng …", "khi tóm tắt, hãy …", "instead, say …"
    (("rằng",),
     r"\bhãy\s+(?:\w+\s+){0,2}(?:ghi(?! nhận| nhớ)|viết|nói|khẳng định|trả lời|kết luận|báo cáo|liệt kê|xuất|in ra"
     r"|thêm|bổ sung|nêu)\s+(?:\w+\s+){0,3}rằng\b"),
    (("tóm tắt",), r"\bkhi\s+(tóm tắt|viết bản tóm tắt)\b.{0,40}\b(hãy|phải|cần|nhớ|đừng|không được)\b"),
    (("tóm tắt", "trả lời"),
     r"\b(hãy|phải|cần|nhớ)\s+(ghi|viết|đưa|thêm|nêu|liệt kê)\b.{0,60}\b(vào|trong)\s+(bản|phần)\s+(tóm tắt|trả lời)"),
    (("đừng", "không cần", "chớ"),
     r"\b(đừng|không cần|chớ)\s+(tóm tắt|liệt kê|nhắc đến|nhắc tới|nêu)\b.{0,60}"
     r"\b(tóm tắt|trả lời|hạn chế|nhiệm vụ|kết quả|thành tích)"),
    (("thay vào đó", "instead"),
     r"\bthay vào đó,?\s+(hãy|bạn)\b|\binstead,?\s+(write|say|output|list|answer|respond|report)\b"),
    # a new role or task for it
    (("của bạn", "your", "instruction"),
     r"\b(nhiệm vụ|vai trò|việc) (?:mới |thật sự |thực sự )?của bạn (?:bây giờ |từ giờ )?là\b"
     r"|\byour (?:new |real |actual )?(?:task|job|role|instructions?)\b|\bnew instructions?\b"),
    (("please", "you ", "make sure"),
     r"\b(please|you must|you should|you will|you are to|make sure to)\b.{0,40}\b(write|say|state|output|respond|answer"
     r"|list|report|summari[sz]e|include|add|mark|claim|print|return)\b"),
    # chat-template markup
    (("system", "assistant", "user", "developer", "#", "inst]", "<"),
     r"(?:^|\s)(?:system|assistant|user|developer)\s*:|###\s*(?:instruction|response|system)|\[/?inst\]"
     r"|<\|[a-z_]+\|>|</?s>"),
]
_COMPILED_FRAMES = [(words, re.compile(pattern)) for words, pattern in _FRAMES]
_ANY_WORD = re.compile("|".join(sorted({re.escape(w) for words, _ in _FRAMES for w in words}, key=len, reverse=True)))
_UPPER_AI = re.compile(r"(?<!\w)A\.?I(?!\w)")
_INVISIBLE = re.compile("[\xa0\u202f\u2007\u200b\u200c\u200d\xad\ufeff]")  # what core.text.plain changes


def _as_matched(sentence: str) -> str:
    text = plain(sentence) if _INVISIBLE.search(sentence) else sentence
    return (_UPPER_AI.sub("ai-model", text) if "AI" in text or "A.I" in text else text).lower()


def addresses_model(sentence: str) -> bool:
    """True when the sentence speaks to the model (an instruction, a note to it, chat markup)."""
    text = _as_matched(sentence)
    if not _ANY_WORD.search(text):  # nearly every sentence of a report: one scan, no frame tried
        return False
    return any(frame.search(text) for words, frame in _COMPILED_FRAMES if any(word in text for word in words))


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
            if addresses_model(sentence):
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
