"""People and titles, found by rules and merged with the model's list.

Rules: a personal name (a Vietnamese surname plus 1–3 capitalised syllables) counts as a person when a
title stands right before it ("Bí thư Huyện ủy Lương Thị Hoa"), titles follow it after a comma
("Hoàng Duy Chinh, Ủy viên BCH Trung ương Đảng, Bí thư Tỉnh ủy"), or an honorific precedes it
("Bà Hoàng Thị Duyên", "đồng chí Đào Duy Hưng"). A short name alone on the last line is the byline:
a reporter. Names and titles stay verbatim; the model never promotes a reporter to an official.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from summarizer.core.document import Document
from summarizer.core.schema import DraftPerson, Person

SURNAMES = set(
    "Nguyễn Trần Lê Phạm Hoàng Huỳnh Phan Vũ Võ Đặng Bùi Đỗ Hồ Ngô Dương Lý Lương Đào Đinh Mai Trịnh "
    "Đoàn Lâm Phùng Cao Hà Tạ Chu Triệu Lò Lục Nông Ma Hứa Quách Tô Thái Kiều Vi Lưu Đàm Giàng Sùng "
    "Vàng Mạc Khổng Tăng La Thân Âu Nghiêm Bế Phương Đồng Lã Ninh Quan Hầu Tống Trương Cù Diệp Doãn "
    "Châu Trình Văn Khúc Tòng Hoàng Lường Cầm Mã Sầm Hà Mông Thào Vừ Lầu Hờ Chảo Bàn Đèo Quàng".split()
)
TITLE_HEADS = [
    "Phó Bí thư", "Bí thư", "Phó Chủ tịch", "Chủ tịch", "Ủy viên", "Uỷ viên", "Phó Trưởng", "Trưởng",
    "Phó Giám đốc", "Giám đốc", "Phó Chánh", "Chánh", "Phó Tổng", "Tổng Bí thư", "Bộ trưởng",
    "Thứ trưởng", "Thủ tướng", "Phó Thủ tướng", "Đại biểu", "Chỉ huy trưởng", "Thường trực",
]
# Lower-case words that may continue a title ("Bí thư Huyện ủy", "Chủ tịch HĐND huyện Pác Nặm").
_TITLE_WORDS = {
    "ủy", "uỷ", "huyện", "tỉnh", "xã", "thị", "trấn", "thành", "phố", "quận", "phường", "đoàn", "thường",
    "trực", "trung", "ương", "nhân", "dân", "ban", "vụ", "chấp", "hành", "đảng", "bộ", "mặt", "trận",
    "tổ", "quốc", "thư", "tịch", "viên", "sở", "phòng", "công", "an", "quân", "sự", "kiểm", "tra",
    "tuyên", "giáo", "vận", "nội", "chính", "đại", "biểu", "hội", "khóa", "khoá",
}
HONORIFICS = re.compile(r"(?:\b(?:ông|bà|anh|chị|đồng chí|Các đồng chí|các đồng chí)\s*:?\s*)$", re.I)
_ORG_WORDS = {"Ban", "Huyện", "Tỉnh", "Đảng", "UBND", "HĐND", "Hội", "Sở", "Phòng", "Chương", "Nghị", "Bộ"}

_UP = "A-ZÀÁẠẢÃÂẦẤẬẨẪĂẰẮẶẲẴÈÉẸẺẼÊỀẾỆỂỄÌÍỊỈĨÒÓỌỎÕÔỒỐỘỔỖƠỜỚỢỞỠÙÚỤỦŨƯỪỨỰỬỮỲÝỴỶỸĐ"
_SYL = rf"[{_UP}][a-zà-ỹđ]+"
_NAME = re.compile(rf"(?<![\w])({_SYL}(?:\s+{_SYL}){{1,3}})(?![\w])")
_BYLINE = re.compile(rf"^\s*(?:(?:PV|Phóng viên|Bài(?: và ảnh)?|Ảnh|Tin(?:, ảnh)?)\s*:\s*)?({_SYL}(?:\s+{_SYL}){{1,3}})\s*$")


@dataclass
class Found:
    name: str
    titles: list[str] = field(default_factory=list)
    kind: str = "official"


def find_people(doc: Document) -> list[Found]:
    people: dict[str, Found] = {}
    for sentence in doc.sentences:
        for name, titles in _people_in(sentence.text):
            person = people.setdefault(name, Found(name))
            for t in titles:
                if t not in person.titles:
                    person.titles.append(t)
    byline = _byline(doc)
    if byline and byline not in people:
        people[byline] = Found(byline, [], "reporter")
    elif byline and not people[byline].titles:
        people[byline].kind = "reporter"
    return list(people.values())


def _byline(doc: Document) -> str | None:
    if not doc.sentences:
        return None
    last = doc.sentences[-1].text
    m = _BYLINE.match(last)
    if m and not last.rstrip().endswith((".", ":", "…")) and len(m.group(1).split()) <= 4:
        return m.group(1)
    return None


def _people_in(text: str):
    for m in _NAME.finditer(text):
        words = m.group(1).split()
        # trim a leading non-surname word ("Huyện Lương Thị Hoa" cannot happen: "ủy" breaks it)
        while words and words[0] not in SURNAMES:
            words = words[1:]
        if len(words) < 2:
            continue
        name = " ".join(words)
        start = m.end() - len(name)
        before, after = text[:start], text[m.end():]
        titles_before = _titles_before(before)
        titles_after = _titles_after(after)
        if titles_before or titles_after or HONORIFICS.search(before):
            yield name, titles_before + titles_after


def _is_title_word(words: list[str], i: int) -> bool:
    w = words[i].strip(",")
    return bool(w) and (w[0].isupper() or w in _TITLE_WORDS or (w == "đồng" and i > 0 and words[i - 1].lower() == "hội"))


def _title_span(words: list[str]) -> int:
    """How many leading `words` continue a title (capitalised words, acronyms, known lower-case words)."""
    n = 0
    while n < len(words) and _is_title_word(words, n):
        n += 1
    return n


def _titles_after(after: str) -> list[str]:
    """Titles after the name, comma-separated, up to the end of the clause or a `;`."""
    titles: list[str] = []
    pos = 0
    while m := re.match(r"\s*,\s*", after[pos:]):
        segment_start = pos + m.end()
        chunk = re.match(r"[^,;]*", after[segment_start:]).group()
        head = next((h for h in TITLE_HEADS if chunk.startswith(h)), None)
        if not head:
            break
        words = chunk[len(head):].split()
        span = _title_span(words)
        titles.append(" ".join([head, *words[:span]]))
        if span < len(words):
            break  # the clause goes on ("… phát biểu"): no more titles
        pos = segment_start + len(chunk)
    return titles


def _titles_before(before: str) -> list[str]:
    """Titles written right before the name: "Phó Bí thư Thường trực Huyện ủy, Chủ tịch HĐND huyện "."""
    stripped = before.rstrip()
    if not stripped or stripped[-1] in ",;:.":
        return []
    # the title block: the longest tail of `before` that starts with a title head and holds only title words
    best: int | None = None
    for head in TITLE_HEADS:
        for m in re.finditer(re.escape(head), stripped):
            tail = stripped[m.end():].split()
            if _title_span(tail) == len(tail) and (best is None or m.start() < best):
                best = m.start()
    if best is None:
        return []
    return [t.strip() for t in stripped[best:].split(",") if t.strip()]


def looks_like_person(name: str) -> bool:
    words = name.split()
    return 2 <= len(words) <= 5 and all(w[:1].isupper() for w in words) and not (set(words) & _ORG_WORDS)


def merge_people(doc: Document, drafts: list[DraftPerson]) -> list[Person]:
    """Rules first (verbatim, typed), then the model's extra people, each checked against the source."""
    found = {f.name: f for f in find_people(doc)}
    merged: dict[str, Person] = {}
    for f in found.values():
        merged[f.name] = Person(name=f.name, titles=f.titles, kind=f.kind, status="grounded", found_by="rules")
    for draft in drafts:
        name = _strip_honorific(draft.name.strip())
        if not name:
            continue
        if name in merged:
            person = merged[name]
            person.found_by = "both"
            for title in draft.titles:
                title = title.strip()
                if title and title in doc.text and not any(title in t or t in title for t in person.titles):
                    person.titles.append(title)
            continue
        problems = []
        titles = [t.strip() for t in draft.titles if t.strip()]
        unverified = [t for t in titles if t not in doc.text]
        if unverified:
            problems.append("titles not in the source: " + "; ".join(unverified))
            titles = [t for t in titles if t in doc.text]
        if name not in doc.text:
            status, problems = "invented", problems + ["name not in the source"]
        elif not looks_like_person(name):
            status, problems = "invented", problems + ["not a personal name"]
        else:
            status = "grounded"
        kind = draft.kind
        if kind == "reporter" and titles:
            kind = "official"
        merged[name] = Person(name=name, titles=titles, kind=kind, status=status, found_by="model",
                              problems=problems)
    return list(merged.values())


def _strip_honorific(name: str) -> str:
    return re.sub(r"^(ông|bà|đồng chí|đ/c)\s+", "", name, flags=re.I)
