"""The briefing's header: title, locality, period, read from the source first, the model's answer checked.

Small models get the period wrong ("9 tháng năm 2024" for a 6-month 2023 report), and a report names
many places, so code reads the header:
- **locality**: the unit whose body holds the meeting ("HĐND xã Nông Sơn tổ chức kỳ họp", "Huyện ủy
  Pác Nặm", "Đảng ủy phường Quy Nhơn") or that a working visit goes to ("làm việc với huyện Chư Păh"),
  in the headline and opening first; otherwise the most named unit, lower levels first. Every
  administrative unit of both eras counts: tỉnh, thành phố, huyện, thị xã, quận, xã, phường, thị trấn
  and, since 1 July 2025 (Nghị quyết 202/2025/QH15 on the 34 provinces; Luật Tổ chức chính quyền địa
  phương 2025: two levels, no districts), đặc khu.
- **period**: the period under review as the report writes it ("6 tháng đầu năm 2023", "quý I năm 2024",
  "9 tháng năm 2024", "tháng 9 năm 2025", "năm 2025"), never the coming one ("6 tháng cuối năm") nor a
  term ("2021-2026") nor the meeting's date.
- **title**: the article's headline; else the model's title when the source supports it and it is not
  a section heading; else one composed from meeting, locality and period. Never a file name.
When code and model disagree, the briefing keeps code's reading and the notes say so.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from summarizer.core.document import Document
from summarizer.core.schema import Extraction
from summarizer.core.text import canonical

_UNITS = r"tỉnh|thành phố|huyện|thị xã|quận|xã|phường|thị trấn|đặc khu"
_UP = "A-ZÀÁẠẢÃÂẦẤẬẨẪĂẰẮẶẲẴÈÉẸẺẼÊỀẾỆỂỄÌÍỊỈĨÒÓỌỎÕÔỒỐỘỔỖƠỜỚỢỞỠÙÚỤỦŨƯỪỨỰỬỮỲÝỴỶỸĐ"
_NAME = rf"(?:[{_UP}0-9][\w']*)(?:[ ](?:[{_UP}0-9][\w']*)){{0,3}}"
_LOCALITY = re.compile(rf"\b({_UNITS})\s+({_NAME})", re.I)
# The body that holds a meeting, with its unit written or implied ("Huyện ủy X" is the district's).
_ORGANIZER = re.compile(
    rf"(?:HĐND|UBND|Hội đồng nhân dân|Ủy ban nhân dân|Uỷ ban nhân dân|Đảng ủy|Đảng uỷ|Đảng bộ|Ban Chấp hành Đảng bộ|"
    rf"Ban Thường vụ|Ban chấp hành Đảng bộ|MTTQ)\s+({_UNITS})\s+({_NAME})"
    rf"|\b(Huyện|Tỉnh|Thành|Quận|Thị) ?(?:ủy|uỷ)\s+({_NAME})"
    rf"|làm việc (?:với|tại)\s+(?:(?:Ban Thường vụ|Đảng ủy|Đảng uỷ|UBND|lãnh đạo)\s+)?({_UNITS})\s+({_NAME})",
)
_COMMITTEE_UNIT = {"Huyện": "huyện", "Tỉnh": "tỉnh", "Thành": "thành phố", "Quận": "quận", "Thị": "thị xã"}
_RANK = {"đặc khu": 0, "xã": 0, "phường": 0, "thị trấn": 0, "huyện": 1, "thị xã": 1, "quận": 1,
         "thành phố": 2, "tỉnh": 3}
# Periods: months, quarters, a month, a year; what comes before says whether it is the coming one.
_PERIOD = re.compile(
    r"\b(?P<months>\d{1,2}) tháng(?:(?P<part> đầu| cuối)(?: năm)?| năm)(?:\s*/?\s*(?P<year1>20\d\d))?"
    r"|\b(?P<q>qu[ýíi]) (?P<roman>I{1,3}|IV)(?:\s*(?:/|năm)\s*(?P<year2>20\d\d))?"
    r"|\btháng (?P<month>\d{1,2})(?:\s*(?:/|năm)\s*(?P<year3>20\d\d))"
    r"|\bnăm (?P<year4>20\d\d)(?!\s*[-–]\s*20\d\d)",
    re.I,
)
_AHEAD = re.compile(r"(?:(?<!thực hiện )(?<!kết quả )nhiệm vụ|phương hướng|kế hoạch|mục tiêu|phấn đấu|triển khai|"
                    r"định hướng|chỉ tiêu|dự toán)\s*(?:[\w,–-]+\s+){0,2}$")
_HEADING_TITLE = re.compile(r"^(?:kết quả|hạn chế|nhiệm vụ|phương hướng|giải pháp|tình hình|một số|những)\b", re.I)


def _mentions(text: str, exclude: set[str]) -> list[tuple[str, str]]:
    out = []
    for m in _LOCALITY.finditer(text):
        name = " ".join(w for w in _capitalised(m.group(2)))
        if name and name not in exclude:
            out.append((m.group(1).lower(), name))
    return out


def _capitalised(words: str) -> list[str]:
    out = []
    for w in words.split():
        if not w[0].isupper() and not w[0].isdigit():
            break
        out.append(w)
    return out


def find_locality(doc: Document, people: set[str] = frozenset()) -> str | None:
    """The report's main unit: its meeting's organiser or a visit's host in the headline or opening,
    else the most named unit (lower levels first on ties). `people`: names that are not places."""
    head = " ".join(s.text for s in doc.sentences[:4] if s.role in ("headline", "opening", "body"))
    named: list[tuple[int, int, str]] = []  # (rank, position, locality) of the organisers and hosts
    for m in _ORGANIZER.finditer(head):
        if m.group(1):
            unit, name = m.group(1).lower(), m.group(2)
        elif m.group(3):
            unit, name = _COMMITTEE_UNIT[m.group(3)], m.group(4)
        else:
            unit, name = m.group(5).lower(), m.group(6)
        name = " ".join(_capitalised(name))
        if name and name not in people:
            named.append((_RANK.get(unit, 4), m.start(), f"{unit} {name}"))
    if named:  # a province's leaders visiting a district: the district is the report's unit
        return min(named)[2]
    found = Counter(_mentions(doc.text, set(people)))
    if not found:
        return None
    unit, name = min(found, key=lambda k: (-found[k], _RANK.get(k[0], 4)))
    return f"{unit} {name}"


def find_period(doc: Document) -> str | None:
    """The period under review, as written: the first review period of the headline and opening, else
    the most named one in the report; a yearless "6 tháng đầu năm" takes the year under review."""
    text = doc.text
    candidates: list[tuple[int, int, str, str | None]] = []  # (priority, position, period, year)
    head_end = doc.sentences[min(3, len(doc.sentences) - 1)].end if doc.sentences else 0
    for m in _PERIOD.finditer(text):
        before = text[max(0, m.start() - 40):m.start()].lower()
        if (m.group("part") or "") == " cuối" or _AHEAD.search(before):
            continue
        if m.group("months"):
            year = m.group("year1")
            period, rank = f"{m.group('months')} tháng{m.group('part') or ''} năm", 0
        elif m.group("q"):
            year = m.group("year2")
            period, rank = f"{m.group('q').lower()} {m.group('roman').upper()} năm", 0
        elif m.group("month"):
            year = m.group("year3")
            period, rank = f"tháng {m.group('month')} năm", 1
        else:
            year = m.group("year4")
            period, rank = "năm", 2
        candidates.append((rank + (0 if m.start() < head_end else 3), m.start(), period, year))
    if not candidates:
        return None
    best = min(candidates)
    year = best[3] or _reviewed_year([c[3] for c in candidates if c[3]] or
                                     re.findall(r"\b(20\d\d)\b(?!\s*[-–]\s*20\d\d)", text))
    return f"{best[2]} {year}" if year else best[2]


def _reviewed_year(years: list[str]) -> str | None:
    return Counter(years).most_common(1)[0][0] if years else None


def headline(doc: Document) -> str | None:
    """The article's own headline (structure/roles.py), verbatim."""
    return next((s.text for s in doc.sentences if s.role == "headline"), None)


def _supported(value: str, text: str) -> bool:
    """Every word of `value` occurs in the report ("6 tháng đầu năm 2023" from "6 tháng đầu năm, …
    năm 2023"); a wrong year or a place the report never names is not."""
    words = _words(text)
    return all(w in words for w in canonical(value).split())


@lru_cache(maxsize=64)
def _words(text: str) -> frozenset[str]:
    return frozenset(canonical(text).split())  # tone placement and case aside: "Thuỷ" supports "Thủy"


def check_meta(doc: Document, extraction: Extraction, people: set[str] = frozenset()) -> tuple[dict, list[str]]:
    """Locality and period are read by code first; the model's value is used when code finds none and
    the report supports it. Disagreements are noted for the editor."""
    notes: list[str] = []
    header = {}
    for field, found in (("locality", find_locality(doc, people)), ("period", find_period(doc))):
        said = (getattr(extraction, field) or "").strip() or None
        if said and not _supported(said, doc.text):
            notes.append(f"the model's {field} {said!r} is not in the source; using {found!r}")
            said = None
        elif said and found and canonical(said) != canonical(found):
            notes.append(f"the model's {field} {said!r} differs from the source's reading {found!r}; kept {found!r}")
        header[field] = found or said
    meeting = (extraction.meeting or "").strip() or None
    return {"title": _title(doc, extraction, header, meeting), "meeting": meeting, **header}, notes


def _title(doc: Document, extraction: Extraction, header: dict, meeting: str | None) -> str:
    if own := headline(doc):
        return own
    said = (extraction.title or "").strip()
    if said and _supported(said, doc.text) and not _HEADING_TITLE.match(said) and len(said.split()) >= 4:
        return said
    about = meeting or "Báo cáo"
    parts = [about] + [v for v in (header.get("locality"), header.get("period")) if v]
    return ", ".join(parts)
