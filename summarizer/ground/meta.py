"""The briefing's header: title, locality, period, read from the source first, the model's answer checked.

Small models get the period wrong ("9 tháng năm 2024" for a 6-month 2023 report), and a report names
many places, so code reads the header:
- **locality**: the unit whose body holds the meeting ("HĐND xã Nông Sơn tổ chức kỳ họp", "Huyện ủy
  Pác Nặm", "Đảng ủy phường Quy Nhơn") or that a working visit goes to ("làm việc với huyện Chư Păh"),
  in the headline and opening first; otherwise the most named unit, lower levels first. Every
  administrative unit of both eras counts: tỉnh, thành phố, huyện, thị xã, quận, xã, phường, thị trấn
  and, since 1 July 2025 (Nghị quyết 202/2025/QH15 on the 34 provinces; Luật Tổ chức chính quyền địa
  phương 2025: two levels, no districts), đặc khu.
- **period**: the period under review in one written form, whatever the report's spelling ("6 tháng
  đầu năm 2023", "quý I năm 2024" also for "quý I/2024", "9 tháng năm 2024", "tháng 9 năm 2025", "năm
  2025"; the form the gold annotations use), never the coming one ("6 tháng cuối năm") nor a
  term ("2021-2026") nor the meeting's date.
- **meeting**: the meeting as the opening names it, read by code: "HĐND huyện Phú Hòa … khai mạc kỳ
  họp thứ 12" → "Kỳ họp thứ 12 HĐND huyện Phú Hòa"; "Ban Chấp hành Đảng bộ huyện Hàm Yên … tổ chức
  hội nghị lần thứ 13" → "Hội nghị Ban Chấp hành Đảng bộ huyện Hàm Yên lần thứ 13"; "Ban Thường vụ
  Tỉnh ủy X làm việc với Ban Thường vụ Huyện ủy Y" → "Buổi làm việc của … với …"; else the model's
  when the source supports it and it names a meeting (not "Cuộc họp", "Báo cáo" or a body alone).
- **title**: the article's headline; else the model's title when the source supports it and it is not
  a section heading; else the meeting (or "Báo cáo") with the period and locality. Never a file name.
When code and model disagree, the briefing keeps code's reading and the notes say so.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from summarizer.core.document import Document
from summarizer.core.schema import Extraction
from summarizer.core.text import canonical
from summarizer.structure.scope import reviewed_year

_UNITS = r"tỉnh|thành phố|huyện|thị xã|quận|xã|phường|thị trấn|đặc khu"
_UP = "A-ZÀÁẠẢÃÂẦẤẬẨẪĂẰẮẶẲẴÈÉẸẺẼÊỀẾỆỂỄÌÍỊỈĨÒÓỌỎÕÔỒỐỘỔỖƠỜỚỢỞỠÙÚỤỦŨƯỪỨỰỬỮỲÝỴỶỸĐ"
_NAME = rf"(?:[{_UP}0-9][\w'’]*)(?:(?:[ ]|[ ][-–][ ])(?:[{_UP}0-9][\w'’]*)){{0,4}}"  # "Đắk R’Lấp", "Ea H'leo", "Bà Rịa - Vũng Tàu"
# (only the unit word is case-blind: "xã hội huyện Hà Quảng" is no "xã" named "hội …")
_LOCALITY = re.compile(rf"\b((?i:{_UNITS}))\s+({_NAME})")
# "Ban Thường vụ Huyện ủy Thống Nhất", "huyện ủy Đak Song": the committee names its unit
_COMMITTEE = re.compile(rf"\b((?i:huyện|tỉnh|thành|quận|thị)) ?(?:ủy|uỷ)\s+({_NAME})")
# The body that holds a meeting, with its unit written or implied ("Huyện ủy X" is the district's).
_ORGANIZER = re.compile(
    rf"(?i:HĐND|UBND|Hội đồng nhân dân|Ủy ban nhân dân|Uỷ ban nhân dân|Đảng ủy|Đảng uỷ|Đảng bộ|Ban Chấp hành Đảng bộ|"
    rf"Ban Thường vụ|MTTQ)\s+(?i:({_UNITS}))\s+({_NAME})"
    rf"|\b((?i:Huyện|Tỉnh|Thành|Quận|Thị)) ?(?:ủy|uỷ)\s+({_NAME})"
    rf"|làm việc (?:với|tại)\s+(?:(?:Ban Thường vụ|Đảng ủy|Đảng uỷ|UBND|lãnh đạo)\s+)?({_UNITS})\s+({_NAME})",
)
_COMMITTEE_UNIT = {"Huyện": "huyện", "Tỉnh": "tỉnh", "Thành": "thành phố", "Quận": "quận", "Thị": "thị xã"}
_RANK = {"đặc khu": 0, "xã": 0, "phường": 0, "thị trấn": 0, "huyện": 1, "thị xã": 1, "quận": 1,
         "thành phố": 2, "tỉnh": 3}
# Periods: months, quarters, a month, a year; what comes before says whether it is the coming one.
_PERIOD = re.compile(
    r"\b(?P<months>\d{1,2}) tháng(?:(?P<part> đầu| cuối)(?: năm)?| năm|(?= vừa qua| qua\b| đạt\b))(?:\s*/?\s*(?P<year1>20\d\d))?"
    r"|\b(?P<q>qu[ýíi]) (?P<roman>IV|I{1,3})\b(?:\s*(?:/|năm)\s*(?P<year2>20\d\d))?"
    r"|\btháng (?P<month>\d{1,2})(?:\s*(?:/|năm)\s*(?P<year3>20\d\d))"
    r"|\bnăm (?P<year4>20\d\d)(?!\s*[-–]\s*20\d\d)",
    re.I,
)
_AHEAD = re.compile(r"(?:(?<!thực hiện )(?<!kết quả )nhiệm vụ|phương hướng|kế hoạch|mục tiêu|phấn đấu|triển khai|"
                    r"định hướng|chỉ tiêu|dự toán|tầm nhìn)\s*(?:[\w,–-]+\s+){0,2}$|\bđến\s*$")
# A body that holds meetings, written out with its place (the meeting's title names it so).
_UNIT_ANYCASE = rf"(?i:{_UNITS}|TP)"  # "Phường Phan Thiết" after an abbreviation in brackets
_BODY = (rf"(?:(?:Ban Chấp hành|Ban chấp hành|BCH) Đảng bộ {_UNIT_ANYCASE} {_NAME}"
         rf"|Ban Thường vụ (?:(?:Huyện|Tỉnh|Thành|Quận|Thị) ?(?:ủy|uỷ)|Đảng (?:ủy|uỷ) {_UNIT_ANYCASE}) {_NAME}"
         rf"|(?:Thường trực )?(?:HĐND|Hội đồng nhân dân|UBND|Ủy ban nhân dân|Uỷ ban nhân dân|Đảng (?:ủy|uỷ))"
         rf"(?: \([A-ZĐ]+\))? {_UNIT_ANYCASE} {_NAME}"
         rf"|(?:Huyện|Tỉnh|Thành|Quận|Thị) ?(?:ủy|uỷ) {_NAME})")
_TERM = r"(?:,? khóa [IVXLC]+)?(?:,? nhiệm kỳ \d{4}\s*[-–]\s*\d{4})?,?"
_MEETING_WORD = r"(?i:hội nghị|kỳ họp|phiên họp|hội thảo|đại hội)"  # case-blind here only: names are capitalised
_SPELLED = r"(?i:nhất|hai|ba|bốn|tư|năm|lăm|sáu|bảy|tám|chín|mười|mươi|một|mốt)"
_ORDINAL = rf"(?: (?:lần )?thứ (?:\d+|[IVXLC]+\b|{_SPELLED}(?: {_SPELLED}){{0,3}})| thường lệ(?: (?:cuối|giữa) năm \d{{4}})?| chuyên đề| giữa năm \d{{4}}| cuối năm \d{{4}})?(?: \(mở rộng\))?"
_MEETINGS = [
    # "HĐND huyện Phú Hòa khóa XI, nhiệm kỳ 2021-2026 khai mạc kỳ họp thứ 12"
    re.compile(rf"(?P<body>{_BODY}){_TERM} (?:đã )?(?:tổ chức|khai mạc|tiến hành|họp) (?P<word>{_MEETING_WORD})"
               rf"(?P<rest>{_ORDINAL})"),
    # "dự Hội nghị Ban Chấp hành Đảng bộ huyện Na Hang lần thứ 16 (mở rộng)"
    re.compile(rf"(?P<word>{_MEETING_WORD}) (?P<body>{_BODY}){_TERM}(?P<rest>{_ORDINAL})"),
    # "Chủ tịch HĐND huyện Pác Nặm phát biểu khai mạc kỳ họp"
    re.compile(rf"(?P<body>{_BODY})[^.;]{{0,40}}?(?:khai mạc|bế mạc|chủ trì) (?P<word>{_MEETING_WORD})(?P<rest>{_ORDINAL})"),
]
_VISIT = re.compile(rf"(?:(?P<host>{_BODY}) (?:đã |có buổi )?)?\blàm việc (?:với|tại) (?:tập thể )?(?P<guest>{_BODY})")
_NAMES_A_MEETING = re.compile(rf"\b(?:{_MEETING_WORD}|buổi làm việc)\b", re.I)
_HEADING_TITLE = re.compile(r"^(?:kết quả|hạn chế|nhiệm vụ|phương hướng|giải pháp|tình hình|một số|những)\b", re.I)


def _mentions(text: str, exclude: set[str]) -> list[tuple[str, str]]:
    out = []
    for m in _LOCALITY.finditer(text):
        name = " ".join(w for w in _capitalised(m.group(2), _titled(text, m.start())))
        if name and name not in exclude:
            out.append((m.group(1).lower(), name))
    for m in _COMMITTEE.finditer(text):
        name = " ".join(w for w in _capitalised(m.group(2), _titled(text, m.start())))
        if name and name not in exclude:
            out.append((_COMMITTEE_UNIT[m.group(1).capitalize()], name))
    return out


# The commonest surnames (together some 90% of Vietnamese people) and the middle names that only
# people carry: a place's name ends where a person's begins ("UBND tỉnh An Giang Hồ Văn Mừng").
_SURNAMES = set("Nguyễn Trần Lê Phạm Hoàng Huỳnh Phan Vũ Võ Đặng Bùi Đỗ Hồ Ngô Dương Lý Đào Đoàn Trịnh Đinh "
                "Lâm Mai Trương Hà Lương Tạ Châu Triệu Thái Cao Lưu Quách Tô Văn".split())
_MIDDLE_NAMES = set("Văn Thị Hữu Đức Quang Xuân Thế Công Bá Đình Ngọc Duy Trọng".split())


def _titled(text: str, at: int) -> bool:
    """Whether the unit word at `at` ends an official's title ("Phó Chủ tịch UBND thành phố …"), so that a
    person's name may follow it where the place's name is left out."""
    return bool(_TITLE_BEFORE.search(text[max(0, at - 40):at]))


_TITLE_BEFORE = re.compile(r"\b(?:Chủ tịch|Bí thư|Trưởng|Giám đốc|Phó)\b[\w ]{0,25}$")


def _capitalised(words: str, titled: bool = True) -> list[str]:
    """The capitalised words a place name is made of, up to where a person's name starts: a common
    surname followed by another capitalised word ("tỉnh Cà Mau Nguyễn Hồ Hải" → Cà Mau). After a title
    (`titled`), none when the words are a person's ("Chủ tịch UBND thành phố Lê Ngọc Châu": surname, a
    middle name and a given name; two words such as "huyện Châu Đức" are a place); elsewhere such words
    are a unit named after a person ("phường Nguyễn Văn Cừ", "xã Trần Văn Thời")."""
    out = []
    parts = words.split()
    for k, w in enumerate(parts):
        if w in "-–" and k + 1 < len(parts) and parts[k + 1][:1].isupper() and out and parts[k + 1] not in ("Ảnh", "ẢNH"):
            out.append("-")  # "Bà Rịa - Vũng Tàu": one name
            continue
        if not w[0].isupper() and not w[0].isdigit():
            break
        out.append(w)
    if len(out) >= 3 and out[0] in _SURNAMES and out[1] in _MIDDLE_NAMES:
        return [] if titled else out[:3]  # (two words are a place: "huyện Châu Đức"; a person has three or more)
    for i in range(1, len(out) - 1):
        if out[i] in _SURNAMES and out[i + 1][0].isupper():
            return out[:i]
    return out


def spelled_out(text: str) -> str:
    """`text` with the units the press abbreviates written out, for reading places only: "TP.HCM", "TPHCM" →
    "thành phố Hồ Chí Minh"; "TP Cần Thơ", "TP. Cần Thơ" → "thành phố Cần Thơ"; "TX. Phú Mỹ" → "thị xã Phú Mỹ"; "TT.Long Hải" →
    "thị trấn Long Hải"; "P.Bình Thạnh" → "phường Bình Thạnh"."""
    text = re.sub(r"\bTP\.?\s?HCM\b|\bTPHCM\b", "thành phố Hồ Chí Minh", text)
    text = re.sub(rf"\bTP\.?\s?(?=[{_UP}][a-zà-ỹđ])", "thành phố ", text)
    text = re.sub(rf"\bTT\.\s?(?=[{_UP}][a-zà-ỹđ])", "thị trấn ", text)  # "TT.Long Hải"
    text = re.sub(rf"\bP\.\s?(?=[{_UP}][a-zà-ỹđ])", "phường ", text)  # "P.Bình Thạnh"
    return re.sub(rf"\bTX\.?\s?(?=[{_UP}][a-zà-ỹđ])", "thị xã ", text)


def find_locality(doc: Document, people: set[str] = frozenset()) -> str | None:
    """The report's main unit: its meeting's organiser or a visit's host in the headline or opening,
    else the most named unit (lower levels first on ties). `people`: names that are not places."""
    # (joined so that a headline's last word never runs into the next sentence's first: "… huyện Văn Bàn" +
    # "Ngày 15/7, …" is not "huyện Văn Bàn Ngày")
    head = spelled_out("\n".join(s.text for s in doc.sentences[:4] if s.role in ("headline", "opening", "body")))
    named: list[tuple[int, int, str]] = []  # (rank, position, locality) of the organisers and hosts
    for m in _ORGANIZER.finditer(head):
        if re.search(r"\b(?:sinh hoạt tại|sinh hoạt ở|thuộc)\b[^.;:]{0,40}$", head[max(0, m.start() - 60):m.start()]):
            continue  # a member's branch ("đảng viên sinh hoạt tại Chi bộ thôn Tân Phú, Đảng ủy xã Bàu Chinh")
        if m.group(1):
            unit, name = m.group(1).lower(), m.group(2)
        elif m.group(3):
            unit, name = _COMMITTEE_UNIT[m.group(3).capitalize()], m.group(4)
        else:
            unit, name = m.group(5).lower(), m.group(6)
        name = " ".join(_capitalised(name, _titled(head, m.start())))
        if name.isupper() and len(name) > 3:  # an all-capitals headline: the name as the body writes it
            name = _spelled_elsewhere(name, doc.text) or ""
        if name and name not in people:
            named.append((_RANK.get(unit, 4), m.start(), f"{unit} {name}"))
    if named:  # a province's leaders visiting a district: the district is the report's unit
        return min(named)[2]
    mentions = _mentions(spelled_out(doc.text), set(people))
    # counted whatever the tone placement ("phường Hoà Bình" twice, "phường Hòa Bình" twice: one place),
    # named as the report first writes it
    found = Counter((unit, canonical(name)) for unit, name in mentions)
    if not found:
        return None
    unit, key = min(found, key=lambda k: (-found[k], _RANK.get(k[0], 4)))
    return f"{unit} {next(n for u, n in mentions if u == unit and canonical(n) == key)}"


def _spelled_elsewhere(caps: str, text: str) -> str | None:
    """The longest start of an all-capitals place name ("HÒA BÌNH TỔ CHỨC") that the report also writes
    in ordinary case after a unit word ("phường Hòa Bình"), in that spelling; None when it never does."""
    words = caps.split()
    spellings = {canonical(name): name for _, name in _mentions(text, set()) if not name.isupper()}
    for n in range(len(words), 0, -1):
        if (key := canonical(" ".join(words[:n]))) in spellings:
            return spellings[key]
    return None


def find_period(doc: Document) -> str | None:
    """The period under review, in the module's one written form ("quý II/2024" → "quý II năm 2024"):
    the first review period of the headline and opening, else the most named one in the report; a
    yearless "6 tháng đầu năm" takes the year under review. None when the report names no period."""
    text = doc.text
    candidates: list[tuple[int, int, str, str | None]] = []  # (priority, position, period, year)
    head_end = doc.sentences[min(3, len(doc.sentences) - 1)].end if doc.sentences else 0
    reviewed = reviewed_year(doc)
    coming = reviewed + 1 if reviewed else None
    for m in _PERIOD.finditer(text):
        before = text[max(0, m.start() - 40):m.start()].lower()
        if (m.group("part") or "") == " cuối" or _AHEAD.search(before) or re.search(r"cuối\s*$", before):
            continue  # the coming rest of a year ("nhiệm vụ những tháng cuối năm 2022")
        if m.group("month") and re.search(r"\b(?:từ|kể từ|đến|sau|ngày \d{1,2})\s*$", before):
            continue  # a date ("từ tháng 7/2025", "Ngày 20 tháng 12 năm 2023"), not a period reviewed
        if re.search(r"\bso(?: với)?(?: cùng kỳ)?\s*$", before):
            continue  # the base of a comparison ("tăng 24% so với năm 2020")
        if re.search(r"(?:\briêng|\btrong đó)(?: trong)?,?\s*$", before):
            continue  # a part singled out of the period under review ("Riêng quý IV/2025, thu ngân sách …")
        if coming and str(coming) in m.group(0) and not (
                (m.group("months") or m.group("q")) and re.search(r"(?:tình hình|kết quả|đánh giá|sơ kết)\b[^.;]*$", before)):
            continue  # the year after the one under review is planned for, never reviewed (unless the report
            #           reviews that year's quarter: "làm việc … về tình hình phát triển KT-XH quý I/2025")
        if m.group("months"):
            year = m.group("year1")
            period, rank = f"{m.group('months')} tháng{(m.group('part') or '').lower()} năm", 0  # "9 tháng ĐẦU năm" in a caps title
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
    # a yearless "6 tháng đầu năm" is of the year whose rest the report plans ("nhiệm vụ 6 tháng cuối
    # năm 2021", "quí II năm 2023"); else the year most named
    rest = _REST_OF_YEAR.search(text) if best[3] is None and best[2] != "năm" else None
    # (the year under review, not one the report plans for, compares with or sets as a horizon)
    year = best[3] or (rest and rest.group(1)) or (str(reviewed) if reviewed else None) or _reviewed_year(
        [c[3] for c in candidates if c[3]] or re.findall(_ANY_YEAR, text))
    if best[2] == "năm" and year and re.search(rf"(?:kỳ họp|hội nghị)(?: thường lệ)? giữa năm {year}\b", text, re.I):
        return f"6 tháng đầu năm {year}"  # a mid-year session reviews the first half ("Kỳ họp thường lệ giữa năm 2023")
    return f"{best[2]} {year}" if year else best[2]


# a year, neither end of a term ("2021 – 2026"); a date's year ("23-12-2025") counts
_ANY_YEAR = re.compile(r"(?<!20\d\d - )(?<!20\d\d – )(?<!20\d\d-)(?<!20\d\d–)\b(20\d\d)\b(?!\s*[-–]\s*20\d\d)")
_REST_OF_YEAR = re.compile(r"\b(?:\d{1,2} tháng cuối năm|những tháng cuối năm|qu[ýíi] (?:II|III|IV))\s*(?:năm|/)?\s*(20\d\d)\b",
                           re.I)


def _reviewed_year(years: list[str]) -> str | None:
    return Counter(years).most_common(1)[0][0] if years else None


def headline(doc: Document) -> str | None:
    """The article's own headline (structure/roles.py), verbatim but for Markdown's marks ("# …", "**…**")."""
    found = next((s.text for s in doc.sentences if s.role == "headline"), None)
    return re.sub(r"^#{1,6}\s+|\*\*|__", "", found).strip() if found else None


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
        if said and field == "period" and found and re.fullmatch(r"(?:năm\s+)?(20\d\d)", said.strip(), re.I) \
                and said.strip()[-4:] in found:
            said = None  # a bare "2024" the source's "năm 2024" says better: nothing for the editor to check
        elif said and field == "period" and not _PERIOD.search(said):
            notes.append(f"the model's period {said!r} names no period under review (a term or a date is not one); "
                         f"using {found!r}")
            said = None
        elif said and not _supported(said, doc.text):
            notes.append(f"the model's {field} {said!r} is not in the source; using {found!r}")
            said = None
        elif said and found and canonical(said) != canonical(found):
            notes.append(f"the model's {field} {said!r} differs from the source's reading {found!r}; kept {found!r}")
        header[field] = found or said
    said = (extraction.meeting or "").strip()
    meeting = find_meeting(doc, header.get("locality")) or (said if said and _supported(said, doc.text) and _NAMES_A_MEETING.search(said)
                                    else None)
    return {"title": _title(doc, extraction, header, meeting), "meeting": meeting, **header}, notes


def find_meeting(doc: Document, locality: str | None = None) -> str | None:
    """The meeting the report is about, as its opening names it (see the module docstring), or None.

    Looks at the headline, the opening and the first body sentences, in order; a caption
    ("Toàn cảnh Hội nghị …") counts only when nothing else names the meeting. With the report's
    `locality` ("tỉnh An Giang"), a body must be that place's and ends with its name: a person named
    right after ("UBND tỉnh An Giang Lê Văn Phước") or another place's council is not the meeting's."""
    first = [s for s in doc.sentences[:10] if s.role in ("headline", "opening", "body")]
    captions = [s for s in doc.sentences[:12] if s.role == "caption"]
    for sentence in first + captions:
        text = " ".join(sentence.text.split())
        for pattern in _MEETINGS:
            for m in pattern.finditer(text):
                word, rest = m.group("word"), (m.group("rest") or "").rstrip()
                if (body := _of_place(m.group("body"), locality)) is None:
                    continue
                if word.lower() == "kỳ họp":  # "Kỳ họp thứ 12 HĐND huyện Phú Hòa"
                    return f"{(word + rest)[0].upper()}{(word + rest)[1:]} {body}"
                return f"{word[0].upper()}{word[1:].lower()} {body}{rest}"
        if (v := _VISIT.search(text)) and (guest := _of_place(v.group("guest"), locality)):
            host = f" của {v.group('host')}" if v.group("host") else ""
            return f"Buổi làm việc{host} với {guest}"
    return None


def _of_place(body: str, locality: str | None) -> str | None:
    """`body` cut after the locality's name, or None when it is another place's; as is without one."""
    if not locality:
        return body
    name = locality.split(" ", 1)[-1] if locality.split(" ", 1)[0].lower() in _RANK else locality
    name = re.sub(r"^phố ", "", name)  # "thành phố Cần Thơ"
    if canonical(body).find(canonical(name)) < 0:
        return None
    tokens = body.split()
    for n in range(1, len(tokens) + 1):  # the shortest head of `body` that holds the name ("… tỉnh Bà Rịa - Vũng Tàu")
        if canonical(name) in canonical(" ".join(tokens[:n])):
            return " ".join(tokens[:n])
    return body


def _title(doc: Document, extraction: Extraction, header: dict, meeting: str | None) -> str:
    if own := headline(doc):
        return own
    said = (extraction.title or "").strip()
    if said and _supported(said, doc.text) and not _HEADING_TITLE.match(said) and len(said.split()) >= 4:
        return said
    if meeting:  # the meeting names its body and place: the period is what it adds
        return ", ".join(v for v in (meeting, header.get("period")) if v)
    return ", ".join(v for v in ("Báo cáo", header.get("period"), header.get("locality")) if v)
