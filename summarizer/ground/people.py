"""People and titles, found by rules and merged with the model's list.

Rules: a personal name (a Vietnamese surname plus 1–3 capitalised syllables) counts as a person when a
title stands right before it ("Bí thư Huyện ủy Lương Thị Hoa"), titles follow it after a comma
("Hoàng Duy Chinh, Ủy viên BCH Trung ương Đảng, Bí thư Tỉnh ủy"), or an honorific precedes it
("Bà Hoàng Thị Duyên", "đồng chí Đào Duy Hưng"). A short name alone on the last line is the byline:
a reporter. Names and titles stay verbatim; the model never promotes a reporter to an official.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from summarizer.core.document import Document
from summarizer.core.schema import DraftPerson, Person
from summarizer.core.text import canonical, find_spelling
from summarizer.structure.roles import credit_name, credit_names

SURNAMES = set(
    "Nguyễn Trần Lê Phạm Hoàng Huỳnh Phan Vũ Võ Đặng Bùi Đỗ Hồ Ngô Dương Lý Lương Đào Đinh Mai Trịnh "
    "Đoàn Lâm Phùng Cao Hà Tạ Chu Triệu Lò Lục Nông Ma Hứa Quách Tô Thái Kiều Vi Lưu Đàm Giàng Sùng "
    "Vàng Mạc Khổng Tăng La Thân Âu Nghiêm Bế Phương Đồng Lã Ninh Quan Hầu Tống Trương Cù Diệp Doãn "
    "Châu Trình Văn Khúc Tòng Hoàng Lường Cầm Mã Sầm Hà Mông Thào Vừ Lầu Hờ Chảo Bàn Đèo Quàng Điêu Lùng "
    "Hoàng Y Ksor Siu Rơ Kpă Nay Rcom Rmah Puih Rah Đinh Ka Kơ Bế Lý Mạc Mai Thạch Danh Sơn Kim Lâm An "
    "Từ Tiêu Khuất Biện Giáp Ninh Lạc Lục Chế Tưởng Thiều Đàm Giang Lò Vương Nghiêm Liêu Lưu "
    "Mùa Điểu Lại Tôn Cấn Phí Đậu Bạch Hàn Khương Nhữ Lữ Ôn Quản Mẫn Kha Ung Lù".split()
)
# The most frequent Vietnamese surnames (about 90 % of the population; Lê Trung Hoa, "Họ và tên người
# Việt Nam", 2005): when a run of capitalised words after a title could start a name at two places
# ("phường Tân Ninh Lê Minh Thế"), the name starts at the more frequent surname.
COMMON_SURNAMES = set("Nguyễn Trần Lê Phạm Hoàng Huỳnh Phan Vũ Võ Đặng Bùi Đỗ Hồ Ngô Dương Lý".split())
TITLE_HEADS = [
    "Phó Bí thư", "Bí thư", "Phó Chủ tịch", "Chủ tịch", "Phó chủ tịch", "Phó bí thư", "Phó giám đốc", "Phó trưởng", "Ủy viên", "Uỷ viên", "Phó Trưởng", "Trưởng",
    "Phó Giám đốc", "Giám đốc", "Phó Chánh", "Chánh", "Phó Tổng", "Tổng Bí thư", "Tổng Biên tập", "Tổng Giám đốc", "Bộ trưởng",
    "Thứ trưởng", "Thủ tướng", "Phó Thủ tướng", "Đại biểu", "Chỉ huy trưởng", "Thường trực",
    "Tỉnh ủy viên", "Tỉnh uỷ viên", "Huyện ủy viên", "Thành ủy viên", "TUV", "UVBTV", "UVTV", "PBT", "Phó Chủ nhiệm",
    "Chủ nhiệm", "Phó Chỉ huy trưởng", "nguyên", "Nguyên", "Đại tá", "Thượng tá", "Trung tá", "Thiếu tướng",
]
# Lower-case words that may continue a title ("Bí thư Huyện ủy", "Chủ tịch HĐND huyện Pác Nặm").
_TITLE_WORDS = {
    "ủy", "uỷ", "huyện", "tỉnh", "xã", "thị", "trấn", "thành", "phố", "quận", "phường", "đoàn", "thường",
    "trực", "trung", "ương", "nhân", "dân", "ban", "vụ", "chấp", "hành", "đảng", "bộ", "mặt", "trận",
    "tổ", "quốc", "thư", "tịch", "viên", "sở", "phòng", "công", "an", "quân", "sự", "kiểm", "tra",
    "tuyên", "giáo", "vận", "nội", "chính", "đại", "biểu", "hội", "khóa", "khoá", "và", "đặc", "khu",
    "thôn", "bản", "ấp", "buôn", "làng", "xóm", "plei", "sóc", "khóm", "tổ", "dân", "phố",  # "Trưởng thôn Buôn Đôn"
    "phủ",  # "Phó Thủ tướng Chính phủ"
    "nước", "thứ", "nhất", "đua", "khen", "thưởng",
    # the lower-case syllables of departments' names ("Giám đốc Sở Khoa học và Công nghệ", "Sở Y tế",
    # "Trưởng phòng Nông nghiệp và Môi trường", "Trưởng ban Kinh tế - Ngân sách HĐND huyện")
    "học", "nghệ", "tế", "nghiệp", "trường", "ngân", "sách", "tải", "thông", "tin", "truyền", "dục", "đào", "tạo",
    "lao", "động", "binh", "pháp", "đầu", "mại", "tài", "nguyên", "kế", "hoạch", "ngoại", "tộc", "tôn",
    "lịch", "thao", "văn", "hóa", "hoá", "thể", "khoa", "xây", "dựng", "kinh", "nông", "lâm", "thủy", "thuỷ", "sản",
    "lợi", "chức", "nhiệm",  # "Phó chủ tịch nước", "Phó chủ tịch thứ nhất Hội đồng Thi đua - Khen thưởng Trung ương"
    "-",
}
HONORIFICS = re.compile(r"(?:\b(?:ông|bà|anh|chị|đồng chí|Các đồng chí|các đồng chí)\s*:?\s*)$", re.I)
_UNIT_WORDS = r"tỉnh|huyện|xã|phường|quận|thị xã|thị trấn|thành phố|tp\.?|đặc khu|ủy|uỷ"
_UNIT_BEFORE = re.compile(rf"\b(?:{_UNIT_WORDS})\s*$", re.I)
_HONORIFIC_WORDS = {"Ông", "Bà", "Anh", "Chị", "Cô", "Thầy", "Cụ", "Em"}
_ORG_WORDS = {"Ban", "Huyện", "Tỉnh", "Đảng", "UBND", "HĐND", "Hội", "Sở", "Phòng", "Chương", "Nghị", "Bộ"}

# Words that end a name written right before them ("… Huỳnh Bá Cử Phó trưởng Ban …"): organisations
# always, title words when they open a title ("Chủ tịch", not the given name "Chánh" in "Phạm Trung Chánh, …").
_ORG_STOPS = {"UBND", "HĐND", "TUV", "PBT", "Ảnh", "Theo", "Ban", "Đảng", "Sở", "Phòng", "Hội", "MTTQ"}
_TITLE_OPENERS = ("Phó ", "Bí thư", "Chủ tịch", "Chủ nhiệm", "Ủy viên", "Uỷ viên", "Trưởng ", "Giám đốc", "Chánh ",
                  "Tổng ", "Bộ trưởng", "Thứ trưởng", "Thủ tướng", "Đại biểu", "Chỉ huy", "Thường trực", "Nguyên ")


_UP = "A-ZÀÁẠẢÃÂẦẤẬẨẪĂẰẮẶẲẴÈÉẸẺẼÊỀẾỆỂỄÌÍỊỈĨÒÓỌỎÕÔỒỐỘỔỖƠỜỚỢỞỠÙÚỤỦŨƯỪỨỰỬỮỲÝỴỶỸĐ"
_SYL = rf"[{_UP}](?:['’][{_UP}]?)?[a-zà-ỹđ]*"  # "Nguyễn", "A" (Sùng A Páo), "H'Hen", "H’Hen", "Bhơ"
_NAME = re.compile(rf"(?<![\w'’])({_SYL}(?:[ \t]+{_SYL})*)(?![\w'’])")  # a whole run; the name is chosen in it
# A credit label of the page: who posted or wrote the article.
_CREDIT_LABEL = re.compile(rf"(?:Người đăng|Người viết|Tác giả|Phóng viên|Biên tập)\s*:\s*"
                           rf"({_SYL}(?:[ ](?!Ngày|Lượt|Cập|Nguồn|Chuyên){_SYL}){{0,3}})")
# A photo credit inside or at the end of a caption: "(Ảnh: Đàm Thanh)", "(ảnh N. Lân)", "…, Ảnh: Dũng Nhân".
_PHOTO_CREDIT = re.compile(r"\((?:[Ảả]nh|ẢNH)(?: minh họa)?\s*:?\s*([^()]{2,40})\)|(?:^|[,.;]\s*|\s[-–]\s|\s(?=ẢNH\s*:))(?:[Ảả]nh|ẢNH)\s*:\s*([^():;,]{2,40}?)\s*$")


@dataclass
class Found:
    name: str
    titles: list[str] = field(default_factory=list)
    kind: str = "official"


def find_people(doc: Document) -> list[Found]:
    people: dict[str, Found] = {}
    titled = _named_only_after_titles(doc.text)
    places, named = _places(doc.text) - titled, _named_places(doc.text)
    for sentence in doc.sentences:
        for name, titles in _people_in(sentence.text, places, named, titled):
            person = people.setdefault(name, Found(name))
            for t in titles:
                longer = [i for i, old in enumerate(person.titles) if t.startswith(old)]
                if longer:  # "Chủ tịch HĐND xã Thanh Ba" completes "Chủ tịch HĐND xã"
                    person.titles[longer[0]] = t
                elif not any(old.startswith(t) for old in person.titles):
                    person.titles.append(t)
    for credit in _credits(doc):
        if credit not in people:
            people[credit] = Found(credit, [], "reporter")
        elif not people[credit].titles:
            people[credit].kind = "reporter"
    return list(people.values())


def _credits(doc: Document) -> list[str]:
    """Reporters: bylines and credit lines (structure/roles.py), and photo credits inside a caption
    ("… phát biểu (Ảnh: Đàm Thanh)"). An all-capitals byline keeps the source's spelling."""
    names = []
    for s in doc.sentences:
        if s.role == "byline" and (name := credit_name(s.text)):
            names.append(name)
        for m in _CREDIT_LABEL.finditer(s.text):  # "Người đăng: Thu Phương Ngày đăng: …" in the page's furniture
            if name := credit_name(m.group(1)):
                names.append(name)
        for m in _PHOTO_CREDIT.finditer(s.text):
            said = (m.group(1) or m.group(2)).strip()
            # every photographer ("Ảnh: Văn Hiếu - Vũ Lợi"); an initial and a name in one word ("Ảnh: K.Phụng")
            # is a name, one plain word ("Internet") is not
            names += credit_names(said) or (credit_names("Ảnh: " + said)
                                            if re.fullmatch(r"(?:[^\W\d_]\.\s?)+[^\W\d_]+", said) else [])
    names = list(dict.fromkeys(names))
    # one reporter credited twice, once by initials ("Ảnh: K. Phụng") and once in full ("KIM PHỤNG"): the full name
    return [n for n in names if not any(other != n and _abbreviates(n, other) for other in names)]


def _abbreviates(short: str, full: str) -> bool:
    """Whether `short` writes `full` with initials: "K. Phụng" or "K.Phụng" for "KIM PHỤNG", "N.T.Hà" for
    "Nguyễn Thị Hà" (case aside). At least one word of `short` must be an initial."""
    parts, words = re.findall(r"[^\W\d_]+\.?", short), full.split()
    return len(parts) == len(words) and any(p.endswith(".") for p in parts) and all(
        w.casefold().startswith(p[:-1].casefold()) if p.endswith(".") else w.casefold() == p.casefold()
        for p, w in zip(parts, words))


def _name_in_run(words: list[str]) -> int | None:
    """Where the personal name starts in a run of capitalised words that ends it, or None. A name is
    2–4 words opening with a surname; when the run could start a name at several places (a place
    name before it: "Tân Ninh Lê Minh Thế", "Đại Đồng Trình Văn Nhã"), a surname before "Văn" or "Thị"
    wins, then a three-word name (the commonest length), then a frequent surname."""
    starts = [i for i in range(len(words))
              if (words[i] in SURNAMES or words[i].startswith(("H'", "H’", "K'", "K’")))
              and 2 <= len(words) - i <= (5 if words[i] in ("Y", "H'", "H’") or words[i].startswith(("H'", "H’")) else 4)
              and not (len(words[i]) == 1 and words[i] != "Y")]
    if not starts:
        return None
    # an Ê Đê, Gia Rai … name opens with its Y or H' ("Y Thanh Hà Niê Kđăm"): it starts there, whatever its length
    # a surname before "Văn" or "Thị" opens the name whatever its length ("Tháp Mười Nguyễn Văn Vũ Minh": four words)
    return max(starts, key=lambda i: (words[i] == "Y" or words[i][:2] in ("H'", "H’"),
                                      i + 1 < len(words) and words[i + 1] in ("Văn", "Thị") and words[i] != "Văn",
                                      # a run of four that opens with two surnames is one name ("Lương Nguyễn Minh Triết")
                                      i == 0 and len(words) == 4 and words[1] in COMMON_SURNAMES,
                                      len(words) - i == 3, words[i] in COMMON_SURNAMES, len(words) - i))


def _opens_title(text: str, pos: int) -> bool:
    """Whether a title starts at `pos`. "Nguyên" (former) opens one only before another title ("Nguyên Bí thư
    …"); before anything else it is a middle name ("Hoàng Nguyên Dinh, Bí thư Huyện ủy")."""
    if text.startswith("Nguyên ", pos):
        return text.startswith(_TITLE_OPENERS, pos + len("Nguyên "))
    return text.startswith(_TITLE_OPENERS, pos)


def _runs(text: str):
    """Runs of capitalised words, cut before a word that starts a title or an organisation; yields
    (words, start, end) with spans into `text`."""
    for m in _NAME.finditer(text):
        words, starts, pos = [], [], m.start()
        for w in m.group(1).split():
            pos = text.index(w, pos)
            stop = w in _ORG_STOPS or (_opens_title(text, pos) and not re.match(r"\w+\s*[,;.]", text[pos:pos + 12]))
            if stop and words:
                yield words, starts[0], starts[-1] + len(words[-1])
                words, starts = [], []
            if not stop:
                words.append(w)
                starts.append(pos)
            pos += len(w)
        if words:
            yield words, starts[0], starts[-1] + len(words[-1])


def _places(text: str) -> set[str]:
    """Two capitalised words named after a unit word more than once ("phường Phan Thiết" … "HĐND phường
    Phan Thiết"): a place, even where a surname opens it. Once only, they may be a person named after a
    title that ends in a unit word ("Chủ tịch HĐND xã Trần Linh")."""
    found = re.findall(rf"(?:{_UNIT_WORDS})\s+({_SYL}\s+{_SYL})(?![\w'])",
                       text, flags=re.I)
    return {p for p in found if found.count(p) > 1}


# a title that ends in a unit word: "Chủ tịch HĐND xã", "Bí thư Đảng ủy phường", "Phó Chủ tịch UBND xã"
_TITLE_THEN_UNIT = re.compile(r"(?:Bí thư|Chủ tịch|Trưởng|Giám đốc|Phó)(?:\s+\w+){0,3}?\s+(?:HĐND|UBND|Đảng ủy|Đảng uỷ|MTTQ|"
                              rf"Hội đồng nhân dân|Ủy ban nhân dân|Uỷ ban nhân dân)\s+(?:{_UNIT_WORDS})\s+$")


def _named_only_after_titles(text: str) -> set[str]:
    """Two words opening with a common surname that stand after a unit word only where a title ends in
    it ("Bí thư Đảng ủy, Chủ tịch HĐND xã Trần Linh nhấn mạnh", twice), in a report that names its own
    place after that unit word elsewhere ("HĐND xã Bích Hào tổ chức"): a person, named the way the
    press names a commune's head. A place the report names without a title before it
    ("HĐND phường Phan Thiết tổ chức …") stays a place."""
    titled: dict[str, str] = {}
    bare: set[tuple[str, str]] = set()
    for m in re.finditer(rf"\b((?i:{_UNIT_WORDS}))\s+({_SYL}\s+{_SYL})(?![\w'])(?!\s+{_SYL})", text):
        unit, words = m.group(1).lower(), m.group(2)
        if _TITLE_THEN_UNIT.search(text[max(0, m.start() - 60):m.end(1)] + " "):
            titled.setdefault(words, unit)
        else:
            bare.add((unit, words))
    bare_words = {w for _, w in bare}
    return {w for w, unit in titled.items() if w.split()[0] in COMMON_SURNAMES and w not in bare_words
            and min(len(x) for x in w.split()) > 1  # "… Đảng ủy phường Nguyễn D": a name the excerpt cut
            and any(u == unit for u, _ in bare)}


def _named_places(text: str) -> set[str]:
    """Every run of capitalised words the report writes after a unit word, and each of its starts
    ("ủy Đắk Lắk Lương Nguyễn Minh Triết" gives "Đắk", "Đắk Lắk", …): what a place name may be."""
    out = set()
    for m in re.finditer(rf"\b(?:{_UNIT_WORDS})\s+({_SYL}(?:[ ]{_SYL}){{0,5}})", text, flags=re.I):
        words = m.group(1).split()
        out.update(" ".join(words[:k]) for k in range(1, len(words) + 1))
    return out


def _after_place(words: list[str], named: set[str]) -> int | None:
    """Where a name starts right after a place the report names elsewhere after its unit word
    ("Bí thư Tỉnh ủy Đắk Lắk Lương Nguyễn Minh Triết": "Đắk Lắk", then a two-surname name that the
    three-word preference of _name_in_run would cut to "Nguyễn Minh Triết"); the longest such place."""
    for k in range(len(words) - 2, 0, -1):
        if " ".join(words[:k]) in named and words[k] in SURNAMES and 2 <= len(words) - k <= 4:
            return k
    return None


def _people_in(text: str, places: set[str] = frozenset(), named: set[str] = frozenset(),
               titled: set[str] = frozenset()):
    """(name, titles) of each person `text` (one sentence) names; see the module docstring."""
    # where the last person's name ended, the titles they share, and whether a plural honorific ("các đồng
    # chí") opened their list
    last: tuple[int, list[str], bool] | None = None
    for words, run_start, run_end in _runs(text):
        if words[0] in _HONORIFIC_WORDS:  # "Bà Hoàng Thị Duyên" at the start of a sentence
            run_start = text.index(words[1], run_start + len(words[0])) if len(words) > 1 else run_end
            words = words[1:]
        if not words:
            continue
        first = _name_in_run(words)
        if first is None and 2 <= len(words) <= 4 and not set(words) & _ORG_WORDS and \
                re.search(r"\b(?:ông|bà|đồng chí)\s*$", text[:run_start], re.I) and _titles_after(text[run_end:]):
            first = 0  # "ông Kiên Quân, Tỉnh ủy viên, …": an honorific and titles frame a name we have no surname for
        if first and (k := _after_place(words, named)) is not None and k < first:
            first = k
        if first == 0 and len(words) <= 2 and _UNIT_BEFORE.search(text[:run_start]) and " ".join(words) not in titled and (
                " ".join(words) in places or not (_titles_after(text[run_end:]) or HONORIFICS.search(text[:run_start]))):
            # "… HĐND phường Phan Thiết chủ tọa", "Phó Bí thư Tỉnh ủy Sơn La chủ trì": two words right after a
            # unit word are the place, unless titles follow them as a person's do
            first = None
        elif first and len(words) - first == 2 and _UNIT_BEFORE.search(text[:run_start]):
            first = None  # "UBND phường Buôn Ma Thuột": a three-word place, not a two-word person after a place
        elif first == 0 and " ".join(words) in _CITIES_NAMED_FOR_PEOPLE and _UNIT_BEFORE.search(text[:run_start]):
            first = None  # "UBND TP Hồ Chí Minh": the city
        if first is None:
            continue
        name = " ".join(words[first:])
        start = run_end - len(name)
        place = text[run_start:start].strip()  # the end of a title: "Chủ tịch HĐND phường" + "Tân Ninh"
        before, after = text[:run_start], text[run_end:]
        titles_before = _titles_before(before, place)
        titles_after = _titles_after(after)
        if first and not titles_before:
            continue  # capitalised words before the name that no title explains: not a name
        listed = first == 0 and words[0] in SURNAMES and re.search(r"[;]\s*$", before) and re.search(
            r"(?:các|những) (?:đồng chí|ông|bà)\s*:", before, re.I)  # "cho các đồng chí: A, Chi bộ …; B, Chi bộ …"
        if titles_before or titles_after or HONORIFICS.search(before) or listed:
            # "2 Phó Chủ tịch UBND tỉnh … Lê Văn Phước và …": a counted or plural title is shared
            shared = titles_before if titles_before and re.search(
                rf"(?:\b\d+|\bhai|\bba|\bcác|\bnhững)\s+{re.escape(titles_before[0].split()[0])}", before) else []
            plural = bool(re.search(r"\b(?:các|những)\s+(?:đồng chí|ông|bà)\s*:?\s*$", before, re.I)) or bool(
                last and last[2] and re.fullmatch(r"\s*(?:,|,?\s+và)\s*", text[last[0]:run_start]))
            last = (run_end, shared, plural)
            yield name, titles_before + [t for t in titles_after if t not in titles_before]
        elif first == 0 and last and words[0] in SURNAMES and (
                (re.fullmatch(r"\s+và\s+", text[last[0]:run_start]) and len(words) >= 3)
                or (last[2] and re.fullmatch(r"\s*(?:,|,?\s+và)\s*", text[last[0]:run_start]))):
            # "… Lê Văn Phước và Nguyễn Thị Minh Thúy chủ trì": a full name joined to a person's is one too;
            # so is each name of a list a plural honorific opens ("các đồng chí A, B và C")
            last = (run_end, last[1], last[2])
            yield name, list(last[1])


# Places named after a person, written after their unit word ("TP Hồ Chí Minh", "Thành phố Hồ Chí Minh").
_CITIES_NAMED_FOR_PEOPLE = {"Hồ Chí Minh"}


def _is_title_word(words: list[str], i: int) -> bool:
    w = words[i].strip(",")
    return bool(w) and (w[0].isupper() or w in _TITLE_WORDS or (w == "đồng" and i > 0 and words[i - 1].lower() == "hội"))


def _title_span(words: list[str]) -> int:
    """How many leading `words` continue a title (capitalised words, acronyms, known lower-case words)."""
    n = 0
    while n < len(words) and _is_title_word(words, n):
        if words[n] == "và" and n + 2 < len(words) and words[n + 1] in SURNAMES and words[n + 2][:1].isupper():
            break  # "Trưởng Ban Dân vận Tỉnh ủy và Vũ Đức Thắng, …": "và" joins the next person, not a title's part
        n += 1
    while n and words[n - 1] == "và":  # "và" joins two parts of a title, never ends one
        n -= 1
    return n


def _titles_after(after: str) -> list[str]:
    """Titles after the name, comma-separated, up to the end of the clause or a `;`."""
    titles: list[str] = []
    # where someone stands in a photo comes between the name and the titles: "Ông A (thứ hai, bên trái), Chủ tịch …"
    after = re.sub(r"^\s*\((?:thứ|đứng|ngồi|bìa|ngoài cùng|bên|giữa|từ)\b[^()]{0,30}\)", "", after)
    pos = 0
    first = re.match(r"\s*(?:[-–—]|\()\s*", after)  # "A - Bí thư …", "A (Chủ tịch UBND xã)"
    while m := (first if first is not None and pos == 0 else re.match(r"\s*,\s*", after[pos:])):
        first = None
        segment_start = pos + m.end()
        chunk = re.match(r"[^,;()]*", after[segment_start:]).group().rstrip().rstrip(".…").rstrip()
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


def _titles_before(before: str, place: str = "") -> list[str]:
    """Titles written right before the name: "Phó Bí thư Thường trực Huyện ủy, Chủ tịch HĐND huyện ",
    with `place` the capitalised words between the title and the name ("Tân Ninh"), part of the title.
    Only the clause holding the name counts: a title before a ";" or ":" belongs to someone else."""
    # another person's block ends at ";", ":" or "và" before a title ("… Lê Minh Thế và Phó Chủ tịch …")
    before = re.split(r"[;:]|\svà\s(?=(?:Phó|Chủ|Bí|Trưởng|Giám|Ủy|Uỷ|Thường|[Đđ]ồng chí|[Ôô]ng|[Bb]à)\b)", before)[-1]
    if m := re.search(r"\b[Tt]hay mặt\b[^,]*,", before):
        before = before[m.end():]  # "Thay mặt Thường trực HĐND tỉnh, Phó Chủ tịch …": on whose behalf is no title
    if place:
        before = before.rstrip() + " " + place
    stripped = re.sub(r"\s[-–—]$", "", before.rstrip())  # "Trưởng ban Tuyên giáo Tỉnh ủy – Hoàng Đình Cán"
    stripped = re.sub(r"(,)\s*(?:ông|bà|đồng chí)$", r"\1", stripped)  # "Giám đốc Sở Tài chính, bà Tạ Thị Yến"
    if stripped.endswith(",") and not place:
        # "… Phó chủ tịch nước, Phó chủ tịch thứ nhất Hội đồng Thi đua - Khen thưởng Trung ương, Võ Thị Ánh Xuân đến
        # dự": the titles, a comma, then the name; only a block of titles from a clause's start counts
        block = stripped[:-1].rstrip()
        clause = re.split(r"[;:.]|\b(?:có|của|với|cùng|và)\s", block)[-1].strip()
        clause = re.sub(r"^(?:\d{1,2}/\d{1,2}|ngày \d{1,2}(?:/\d{1,2})?|sáng|chiều|tối)\W*", "", clause, flags=re.I).strip()
        parts = [t.strip() for t in clause.split(",") if t.strip()]
        def whole_title(t: str) -> bool:
            head = next((h for h in TITLE_HEADS if t.startswith(h)), None)
            rest = t[len(head):].split() if head else []
            return head is not None and _title_span(rest) == len(rest)
        if parts and all(whole_title(t) for t in parts):
            return parts
        return []
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
    """Rules first (verbatim, typed), then the model's extra people, each checked against the source.

    Names and titles are matched on canonical keys (core/text.py: tone placement, case, spacing), so
    "Nguyễn Thị Hòa" from the model is the source's "Nguyễn Thị Hoà", kept in the source's spelling.
    """
    merged: dict[str, Person] = {}
    for f in find_people(doc):
        merged.setdefault(canonical(f.name), Person(name=f.name, titles=f.titles, kind=f.kind, status="grounded",
                                                    found_by="rules"))
    for draft in drafts:
        said, titles = _name_and_titles(doc, _strip_honorific(unicodedata.normalize("NFC", draft.name.strip())),
                                        [t.strip() for t in draft.titles if t.strip()])
        if not canonical(said):
            continue
        if (whole := _part_of(said, merged.values())) is not None:
            said = whole.name  # "Văn Hùng" is the source's "Nguyễn Văn Hùng", found already
        name = _whole_name(said, doc.text)
        spelled = [find_spelling(t, doc.text) for t in titles]
        if (person := merged.get(canonical(said))) is not None:
            person.found_by = "both" if person.found_by == "rules" else person.found_by
            for title in spelled:
                if title and not _beside(doc, person.name, title):
                    continue  # a title the source writes beside someone else's name is not theirs
                if title and person.kind != "reporter" and not _CREDIT_TITLE.match(title) \
                        and not any(canonical(title) in canonical(t) or canonical(t) in canonical(title)
                                    for t in person.titles):
                    person.titles.append(title)
            continue
        problems = []
        if unverified := [t for t, s in zip(titles, spelled) if s is None]:
            problems.append("titles not in the source: " + "; ".join(unverified))
        titles = [t for t in spelled if t]
        # a title the source gives someone else ("Bí thư Huyện ủy" is Nguyễn Văn Hùng's): only one written in a
        # sentence that names this person backs it
        beside = [t for t in titles if name is None or _beside(doc, name, t)]
        if elsewhere := [t for t in titles if t not in beside]:
            problems.append("titles the source gives elsewhere, not beside the name: " + "; ".join(elsewhere))
            titles = beside
        if name is None:
            name, status, problems = said, "invented", problems + ["name not in the source"]
        elif not looks_like_person(name):
            status, problems = "invented", problems + ["not a personal name"]
        elif (unit := _named_as_place(name, doc.text)) is not None:
            status, problems = "invented", problems + [f"a place: the report writes {unit} {name}"]
        else:
            status = "misattributed" if problems else "grounded"  # a title the source does not give them: check
        kind = draft.kind
        titles = [t for t in titles if not _CREDIT_TITLE.match(t)]  # "Người đăng" is no office
        if kind == "reporter" and titles:
            kind = "official"
        merged[canonical(said)] = Person(name=name, titles=titles, kind=kind, status=status, found_by="model",
                                         problems=problems)
    return list(merged.values())


def _beside(doc: Document, name: str, title: str) -> bool:
    """Whether one sentence of `doc` writes both `name` and `title` (source spellings)."""
    return any(name in s.text and title in s.text for s in doc.sentences)


def _named_as_place(name: str, text: str) -> str | None:
    """The unit word ("tỉnh") when `name` is a place the report names after one ("tỉnh Cà Mau",
    "Tỉnh ủy Cà Mau") and nothing marks it a person: it does not open with a surname, or ("Hà Tĩnh",
    "Lâm Đồng") it stands after a unit word at least twice and nowhere else (a person named once
    after a title ending in a unit word, "Chủ tịch UBND xã Trần Văn An", stays a person). None
    otherwise. Why: a small model lists the report's province among its people, and a person by
    that name would then hide the place from the header."""
    after_unit = list(re.finditer(rf"\b({_UNIT_WORDS})\s+{re.escape(name)}(?![\w'’])", text, flags=re.I))
    if not after_unit:
        # one of the places a plural unit word lists ("làm việc với các phường: Tân Bình, Tân Sơn Hòa, Bảy Hiền")
        for m in re.finditer(rf"\b(?:các|những|\d+)\s+({_UNIT_WORDS})\s*:?\s+([^.;:()]{{0,240}})", text, flags=re.I):
            listed = [p.strip() for p in re.split(r",|\bvà\b", m.group(2))]
            if name in listed[:-1] or (listed and listed[-1].startswith(name) and name.split()[0] not in SURNAMES):
                return m.group(1).lower()
        return None
    anywhere = len(re.findall(rf"(?<![\w'’]){re.escape(name)}(?![\w'’])", text))
    if name.split()[0] not in SURNAMES or anywhere == len(after_unit) >= 2:
        return after_unit[0].group(1)
    return None


def _name_and_titles(doc: Document, said: str, titles: list[str]) -> tuple[str, list[str]]:
    """A model's name with a title inside it ("Chủ tịch Trần Văn Thủy"): the name is the longest tail the
    source has as a name, the words before it one more title. Otherwise as given."""
    words = said.split()
    if _whole_name(said, doc.text) is not None or len(words) < 3:
        return said, titles
    for i in range(1, len(words) - 1):
        if (tail := " ".join(words[i:])) and _whole_name(tail, doc.text) is not None and \
                any(" ".join(words[:i]).startswith(h) for h in TITLE_HEADS):
            return tail, [*titles, " ".join(words[:i])]
    return said, titles


def _part_of(said: str, people) -> Person | None:
    """The person found already whose name `said` is a part of ("Văn Hùng", "Nguyễn Văn" of "Nguyễn Văn
    Hùng"), or None. Equal names are not parts."""
    key = canonical(said).split()
    for person in people:
        whole = canonical(person.name).split()
        if len(key) < len(whole) and any(whole[i:i + len(key)] == key for i in range(len(whole) - len(key) + 1)):
            return person
    return None


def _whole_name(name: str, text: str) -> str | None:
    """The source's spelling of `name` where it stands as a whole name: not followed by another
    capitalised word that continues it ("Nguyễn Văn Anh" is not in "Nguyễn Văn Anh Tuấn"), unless
    that word opens a title."""
    spelled = find_spelling(name, text)
    if spelled is None:
        return None
    for m in re.finditer(re.escape(spelled), text):
        after = text[m.end():]
        if not re.match(rf"[ \t]+{_SYL}(?![\w'’])", after) or after.lstrip().startswith(_TITLE_OPENERS):
            return spelled
    return None


_CREDIT_TITLE = re.compile(r"^(?:Người đăng|Người viết|Tác giả|Phóng viên|PV|CTV|Biên tập|Ảnh)\b", re.I)


def _strip_honorific(name: str) -> str:
    return re.sub(r"^(ông|bà|đồng chí|đ/c)\s+", "", name, flags=re.I)
