"""The structure stage: what each sentence of a report is, before anything reads its content.

A scraped news report mixes the article body with lines that are not report content: the headline,
the opening that only announces the meeting ("Sáng 8/10, Huyện ủy … tổ chức hội nghị … nhằm đánh
giá …"), attendance ("Dự hội nghị có các đồng chí: …"), section headings ("I. KẾT QUẢ ĐẠT ĐƯỢC"),
photo captions ("Toàn cảnh hội nghị.", "Bí thư Huyện ủy … phát biểu kết luận hội nghị."), bylines
and photo credits ("ANH TUÂN", "Tin, ảnh: …"), and page furniture ("Xem với cỡ chữ", "Lượt xem: …",
a site menu). Only `body` sentences can become items; the others still feed people (captions and
attendance name officials), the title (the headline) and section scope (headings).

The conventions are those of Vietnamese provincial and commune news sites (báo Đảng địa phương,
cổng thông tin điện tử xã/phường): caption lines stand alone without a verb of substance, bylines
close the article, often in capitals. Rules are by line shape first and wording second, so a site's
own furniture words need not be listed to be caught.

Pure: no I/O. `assign_roles` takes the decoded text and the sentence spans of the splitter.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Literal

Role = Literal["headline", "opening", "body", "heading", "caption", "byline", "furniture"]
ROLES: tuple[Role, ...] = ("headline", "opening", "body", "heading", "caption", "byline", "furniture")

_UP = "A-ZÀÁẠẢÃÂẦẤẬẨẪĂẰẮẶẲẴÈÉẸẺẼÊỀẾỆỂỄÌÍỊỈĨÒÓỌỎÕÔỒỐỘỔỖƠỜỚỢỞỠÙÚỤỦŨƯỪỨỰỬỮỲÝỴỶỸĐ"
_LOW = "a-zàáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ"

# Page furniture: reading tools, counters, sharing, tags, time stamps, breadcrumbs.
_FURNITURE = re.compile(
    r"^(?:xem với cỡ chữ|cỡ chữ|lượt xem|lượt đọc|số lượt|in bài|in trang|gửi bài|gửi email|email|bản in|"
    r"nghe đọc bài|nghe bài|đọc bài|chia sẻ|bình luận|ý kiến bạn đọc|tags?\b|từ khóa|từ khoá|chủ đề\b|"
    r"trang chủ|tin mới|tin khác|các tin khác|tin cùng chuyên mục|bài viết liên quan|đọc thêm|xem tiếp|"
    r"quay lại|về đầu trang|zalo|facebook|twitter|copy link|sao chép|theo dõi|đánh giá bài viết|"
    r"cập nhật|đăng lúc|ngày đăng|ngày cập nhật|người đăng|người viết|tác giả:|chi tiết tin|chi tiết bài|"
    r"tin tức\s*[-–]\s*sự kiện|skip to|bỏ qua nội dung|breaking news|tin nóng|theo dõi|nguồn:?$|\(\w+\)\s*[-–]?$)",
)
_TIMESTAMP = re.compile(
    r"^(?:(?:thứ\s+\w+|chủ nhật)\s*,?\s*)?\d{1,2}[/-]\d{1,2}[/-]\d{2,4}(?:\s*(?:[-|,]|lúc)?\s*\d{1,2}[:h]\d{2}(?::\d{2})?)?"
    r"(?:\s*\(?gmt[+-]\d+\)?)?\s*$"
)
# Menu words of Vietnamese news sites; a line made mostly of them is a menu ("Video Báo Ảnh Báo in Podcast").
_MENU_WORDS = {
    "video", "podcast", "ảnh", "báo", "in", "emagazine", "infographic", "infographics", "multimedia", "media",
    "thời", "sự", "chính", "trị", "kinh", "tế", "xã", "hội", "văn", "hóa", "hoá", "thể", "thao", "pháp", "luật",
    "quốc", "phòng", "an", "ninh", "giáo", "dục", "y", "sức", "khỏe", "khoẻ", "du", "lịch", "đời", "sống",
    "tin", "tức", "trang", "chủ", "rss", "longform", "megastory", "bạn", "đọc", "điện", "tử", "radio",
    "truyền", "hình", "nông", "nghiệp", "nông", "thôn", "khoa", "học", "công", "nghệ", "quốc", "tế",
    "xây", "dựng", "đảng", "mặt", "trận", "địa", "phương", "tiêu", "điểm", "chuyên", "đề",
}
# Credits and bylines: an optional lead word, then a short name; or "Theo …" / "Nguồn …" at the end.
_CREDIT_LEAD = re.compile(
    r"^[(\[]?\s*(?:tin\s*(?:và|,|&)?\s*ảnh|bài\s*(?:và|,|&)?\s*ảnh|bài|ảnh|tin|pv|ctv|btv|phóng viên|"
    r"cộng tác viên|nhóm pv|theo|nguồn|video|clip|đồ họa|thực hiện)\b\s*[:.\-–]?\s*",
    re.I,
)
_NAME_WORD = re.compile(rf"^(?:[{_UP}][{_LOW}]*|[{_UP}]+|[{_UP}]\.|(?:[{_UP}]\.)+[{_UP}]\.?|(?:[{_UP}]\.)+[{_UP}][{_LOW}]+|(?:[{_UP}]\.)+[{_UP}]{{2,}})$")  # "K.Phụng", "N.T.Hà", "T.SỸ"
# News agencies and the abbreviations of "reporter" a credit may give instead of a person ("Ảnh: TTXVN",
# "Ảnh: Ngọc Ánh/TTXVN", "PV"): never a reporter's name.
_AGENCIES = {"TTXVN", "VNA", "VOV", "VTV", "QĐND", "CAND", "PV", "CTV", "BTV", "NLĐ", "SGGP", "TTO", "VNE"}
# Caption openers and the verbs of a photo's description.
_CAPTION_START = re.compile(
    r"^(?:toàn cảnh|quang cảnh|các đại biểu|đại biểu|đoàn công tác|lãnh đạo|ảnh\b|hình ảnh|một số hình ảnh|"
    r"các đồng chí|đồng chí|ông|bà)\b",
    re.I,
)
_CAPTION_VERB = re.compile(
    r"(?<!\w)(?:phát biểu|trao (?:quyết định|tặng|giấy khen|bằng khen|kỷ niệm chương|quà|hoa)|tặng hoa|tặng quà|chụp ảnh|"
    r"chủ trì hội nghị|chủ trì kỳ họp|dự hội nghị|dự kỳ họp|dự buổi làm việc|tại hội nghị|tại kỳ họp|"
    r"tại buổi làm việc|thông qua báo cáo|trình bày báo cáo|báo cáo tại|kiểm tra thực tế|thăm|biểu quyết|"
    r"thảo luận|khai mạc|bế mạc|điều hành|chúc mừng|tuyên thệ|ra mắt|(?<!ghi )(?<!tiếp )(?<!công )(?<!chứng )(?<!xác )nhận|dâng hương|kiểm tra tình hình|xem tình trạng)(?!\w)(?! dò)",
    re.I,
)
# what a meeting found, named in particular, as against its business ("thảo luận, làm rõ những khó khăn, hạn chế"):
# a fault that goes on, a figure reached, what someone reported
_FOUND = re.compile(r"tình trạng|trái phép|còn diễn ra|vẫn (?:còn|xảy ra)|"
                    r"\b(?:đạt|vượt|tăng|giảm)\b[^;.]{0,30}\d[\d.,]*\s*(?:%|tỷ|triệu|ha\b|tấn|km|người|hộ|lượt|chỉ tiêu|/\d)|"
                    r"chưa (?:hoàn thành|đạt)|chậm (?:tiến độ|triển khai)|cho biết|cho rằng|khẳng định", re.I)
# what a line claims, which a photo's caption does not: what someone said, a result, a fault, a request
_CLAIM = re.compile(r"cho biết|cho rằng|khẳng định|phản ánh|đề nghị|yêu cầu|\b(?:đạt|tăng|giảm|vượt|còn|chưa|chậm|yếu)\b|"
                    r"tình trạng|trái phép|hạn chế|khó khăn|xảy ra|hoàn thành|được (?:đẩy mạnh|tăng cường|nâng|cải thiện)", re.I)
_TASK_FRAME = re.compile(r"đề nghị|yêu cầu|chỉ đạo|nhấn mạnh|giao |lưu ý|đề xuất|kiến nghị|cho rằng|khẳng định", re.I)
# The opening that announces the meeting, and attendance lines.
_WHEN = re.compile(r"^(?:sáng|chiều|tối|trưa|ngày|hôm nay|hôm qua|vừa qua|trong các ngày|trong 2 ngày|từ ngày)\b|"
                   r"\b\d{1,2}\s*[/-]\s*\d{1,2}\b|\bngày \d{1,2}\b|"
                   r"\b(?:sáng|chiều|tối|trưa|ngày|hôm) \d{1,2}\.\d{1,2}\b", re.I)  # "Chiều 22.4" (a dotted date)
_MEETING = re.compile(r"hội nghị|kỳ họp|phiên họp|họp phiên|phiên thứ|họp thường kỳ|buổi làm việc|cuộc họp|làm việc với|đoàn công tác|lễ\b|đại hội|"
                      r"giao ban|hội thảo|tọa đàm|tiếp xúc cử tri|khảo sát|kiểm tra", re.I)
_ANNOUNCE = re.compile(r"tổ chức|diễn ra|khai mạc|bế mạc|đã họp|họp\b|tiến hành|làm việc|triệu tập|có buổi|dự và chỉ đạo|chủ trì|"
                       r"đã thảo luận|cho ý kiến", re.I)
_ATTENDANCE = re.compile(r"^(?:dự và chỉ đạo|dự và chủ trì|dự hội nghị|dự kỳ họp|dự buổi|tham dự|cùng dự|dự lễ|"
                         r"đến dự|chủ trì hội nghị|chủ trì kỳ họp|đồng chủ trì|về dự|dự\b(?! án| toán| kiến| thảo| báo| trữ)|cùng tham dự|"
                         r"tiếp và làm việc|cùng đi|đi cùng)", re.I)
_HEADING_MARKER = re.compile(r"^(?:[IVXLC]+[.)]|\d{1,2}(?:\.\d{1,2})*[.)]|[a-zđ][.)]|[-–•+*])\s*", re.I)
_HEADING_WORDS = re.compile(
    r"^(?:về\s|kết quả|thành tựu|những kết quả|hạn chế|tồn tại|khó khăn|nguyên nhân|nhiệm vụ|phương hướng|"
    r"giải pháp|mục tiêu|chỉ tiêu|một số|các chỉ tiêu|kiến nghị|đề xuất|bài học|đánh giá|tình hình|lĩnh vực|"
    r"kinh tế|văn hóa|văn hoá|xã hội|quốc phòng|an ninh|xây dựng đảng|công tác|phần)\b",
    re.I,
)
_TERMINAL = ".!?…;:"
_NUMBERED = re.compile(r"(?:[IVXLC]+|\d{1,2})[.)]\s")  # "II. NHIỆM VỤ", "1) Về kinh tế"


def _words(text: str) -> list[str]:
    return re.findall(r"[\w'’]+", text)


def _is_caps(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 4 and sum(c.isupper() for c in letters) / len(letters) > 0.9


# a caption that ends in its photo's credit: "… - Ảnh: Trương Văn Hòa", "… (Ảnh: Thu Hà)"
# what stands before a photo's credit at a caption's end: a full stop, a dash, or (a credit set in capitals) a space alone
# ("… điểm nhấn đô thị ẢNH: HẢI PHONG")
CREDIT_BEFORE = r"(?:[.!]\s+|\s[-–]\s|\s(?=ẢNH\s*:))"
_CREDITED_PHOTO = re.compile(rf"(?:{CREDIT_BEFORE}|\()(?:[Ảả]nh|ẢNH)\s*:\s*[^.:;()]{{1,30}}\)?\s*$")
# a paper's tag before the article's first words: "(NLĐO) - ", "(Baothanhhoa.vn) - "
_DATELINED = re.compile(r"\s*\([^()]{2,30}\)\s*[-–—]\s")


def is_furniture(line: str) -> bool:
    """Reading tools, counters, share buttons, time stamps, a site's menu, its hotline."""
    low = line.strip().lower()
    if re.search(r"\bhotline\b|đặt mua báo", low):
        return True
    if not re.search(r"\w", low):
        return True  # a line of punctuation only (a lone "." under the date)
    if "|" in low and len(re.findall(r"[^\W\d_]{2,}", low)) <= 3:
        return True  # "A+ | A | A-", "15:26 | 28/08/2025"
    if _FURNITURE.match(low) and len(low.split()) <= 12:
        return True
    if _TIMESTAMP.match(low):
        return True
    tags = line.strip().split(",")
    if len(tags) >= 4 and ", " not in line and all(0 < len(t.split()) <= 5 and t[:1].isupper() for t in tags if t):
        return True  # a page's tags: "Thu ngân sách,Trật tự,Tình hình,Dự toán,Nộp thuế,Hà Nội"
    words = _words(low)
    if len(words) >= 4 and line.strip()[-1:] not in _TERMINAL and "/" not in line \
            and sum(w in _MENU_WORDS for w in words) >= 0.8 * len(words):  # ("Văn Tú/Báo Tin tức" is a byline)
        # only menus mix many section names with no sentence shape ("Video Báo Ảnh Báo in Podcast")
        titled = sum(w[:1].isupper() for w in _words(line))
        return titled >= 0.6 * len(words)
    return bool(re.match(r"^[\w ]{1,30}(?:\s*[>»/|]\s*[\w ]{1,30}){2,}$", line.strip()))  # breadcrumbs


# a name with its role on the paper after it: "Đoàn Lưu (CTV)"
_CREDITED = re.compile(r"\((?:CTV|PV|BTV|TTXVN|Nhóm PV)\)\s*$")


def credit_name(line: str) -> str | None:
    """The name of a byline or photo credit line ("ANH TUÂN", "Tin, ảnh: Minh Hà", "(Ảnh: Lê Hòa)",
    "CTV Nguyễn B"), or None when the line is not one. A name is 1–5 capitalised or all-capital words.
    The first one when the line credits several (see credit_names)."""
    names = credit_names(line)
    return names[0] if names else None


def credit_names(line: str) -> list[str]:
    """Every name a byline or credit line gives ("Ảnh: Văn Hiếu - Vũ Lợi" → both), up to three; [] when
    the line is not a credit."""
    if re.match(r"(?:[IVXLC]+|\d{1,2})[.)]\s", line.strip()):
        return []  # "I. KẾT QUẢ ĐẠT ĐƯỢC" is a heading, however short
    if _SECTION_HEADING.match(line):
        return []  # so is "KẾT QUẢ ĐẠT ĐƯỢC", "HẠN CHẾ" without a number
    text = re.sub(r"\s*\([^()]*\)\s*$", "", line.strip()) or line.strip()  # "CTV Phương Lộc (Huyện Ia Grai)"
    text = text.strip("()[]*_").strip()  # "**D.Ngân**": a byline set in bold Markdown
    lead = _CREDIT_LEAD.match(text)
    rest = text[lead.end():] if lead else text
    rest = rest.strip().rstrip(".").strip()
    names = [n.strip() for n in re.split(r"\s*[,;/–-]\s*|\s+và\s+", rest) if n.strip()]
    # an agency, or one all-capital word with no vowel ("TTXVN", "PV"), credits no person
    names = [n for n in names if n not in _AGENCIES and not re.fullmatch(r"[B-DF-HJ-NP-TV-ZĐ]+", n)
             and not re.match(r"(?:Báo|Tạp chí|Đài|Cổng|Trang)\b", n)]  # "Văn Tú/Báo Tin tức": the paper is no person
    if not names or len(names) > 3:
        return []
    for name in names:
        words = name.split()
        if not 1 <= len(words) <= 5 or not all(_NAME_WORD.match(w) for w in words):
            return []
        if any(len(w) == 1 for w in words) and not name.isupper():
            return []  # "Tại H": a cut-off sentence, not a name ("N. Lân" and "M.H" pass)
        if len(words) == 1 and not name.isupper() and "." not in name:
            return []  # one plain word ("Ảnh: Internet", "Theo Baochinhphu") is a source, not a person
    if not lead and len(names[0].split()) < 2 and not names[0].isupper() and not re.match(r"[^\W\d_]\.", names[0]):
        return []  # (an initial and a name in one word, "D.Ngân", is a byline)
    return names


# the label over a site's links to other articles (a noise line the splitter leaves out, or a line of its own)
_RELATED = re.compile(r"(?i)(?:tin|bài|bài viết) (?:liên quan|cùng chuyên mục|khác)|xem thêm|đọc thêm|có thể bạn quan tâm")
# a heading that names a section, which may follow a list ("Khó khăn, vướng mắc", "Nhiệm vụ năm 2026")
_SECTION_HEADING = re.compile(r"\s*(?:[IVXLC]+\.|\d{1,2}\.)?\s*(?:kết quả|thành tích|tồn tại|hạn chế|khó khăn|nhiệm vụ|"
                              r"phương hướng|giải pháp|mục tiêu)\b", re.I)
# a line that opens with a list marker: "- …", "• …", "+ …", "1. …", "a) …"
_LIST_LINE = re.compile(r"\s*(?:[-–•+*]\s+|\d{1,2}[.)]\s+|[a-zđ]\)\s+)\S")
# a Markdown image, "![Quang cảnh kỳ họp.](https://…/1132.png "…")": its text is the photo's caption
_MD_URL = r"\((?:[^()\s]|\([^()]*\)|\s+(?=\S))*\)"  # "(https://…/anh (4).jpg "title")"
_MARKDOWN_IMAGE = re.compile(rf"\s*(?:!\[[^\]]*\]{_MD_URL}|\[!\[[^\]]*\]{_MD_URL}\]{_MD_URL})\s*$")
# a Markdown heading: "## Nhiệm vụ năm 2025"
_MARKDOWN_HEADING = re.compile(r"\s*#{1,6}\s+\S")


def _caption(line: str, words: list[str]) -> bool:
    """A photo caption: one short line, no figures, a caption opener or a photo's verb, no task frame,
    no list marker ("- Giải ngân vốn đầu tư công chậm" is an item of a list)."""
    if _LIST_LINE.match(line) or _DATELINED.match(line):
        return False  # (a list's item; the article's lead under its paper's tag)
    if len(words) <= 40 and re.search(r"\((?:[Ảả]nh|[Ảả]nh minh họa|[Ảả]nh minh hoạ)\s*:[^()]*\)\s*\.?$", line.strip()):
        return True
    if len(words) <= 40 and re.search(rf"{CREDIT_BEFORE}(?:[Ảả]nh|ẢNH)\s*:\s*[^.:;()]{{1,30}}(?:\.[^.:;()\s]{{1,20}})*\s*$", line.strip()):
        return True  # "Chủ tịch UBND tỉnh … phát biểu chỉ đạo tại buổi làm việc. Ảnh: T.SỸ"  # "Cao tốc Biên Hòa - Vũng Tàu quyết tâm hoàn thành trong năm 2026 (Ảnh: Nam Anh)."
    if len(words) <= 40 and re.search(r"\((?:thứ \w+|đứng|ngồi|bìa|ngoài cùng|bên|giữa|từ)\b[^()]{0,30}\b(?:trái|phải|giữa)\)",
                                      line) and not re.search(r"\d+(?:[.,]\d+)*\s*(?:%|tỷ|triệu|ha\b|tấn)", line):
        return True  # "Ông Hồ Văn Mười (thứ hai, bên trái), Chủ tịch UBND tỉnh …": where someone stands in a photo
    if len(words) > 32 or re.search(r"\d+(?:[.,]\d+)*\s*(?:%|tỷ|triệu|ha\b|tấn|người|hộ)", line):
        return False
    if _TASK_FRAME.search(line) and len(words) > 12 and line.rstrip()[-1:] in _TERMINAL:
        return False  # an unpunctuated line under a photo may still say "phát biểu chỉ đạo"
    if ":" in line.rstrip(":"):
        return False
    if _CLAIM.search(line) and not _CAPTION_VERB.search(line):
        return False  # "Ông Hải cho biết thu ngân sách tăng mạnh …", "Hạ tầng giao thông nông thôn còn yếu": a claim
    if len(words) <= 8 and line.rstrip()[-1:] not in _TERMINAL:
        return True  # a short label under a photo ("Chủ tọa kỳ họp")
    if re.search(r"đề nghị|yêu cầu|kiến nghị|\bchưa\b|\bcòn\b|\bđã\b", line, re.I) and line.rstrip()[-1:] in _TERMINAL:
        return False  # "Đồng chí Bí thư yêu cầu các xã đẩy nhanh giải ngân.": a request, a want or a deed, not a photo
    if _CAPTION_START.match(line) and (len(words) <= 14 or _CAPTION_VERB.search(line)
                                       or re.match(r"(?:toàn|quang) cảnh\b", line, re.I)):
        return True
    return bool(_CAPTION_VERB.search(line)) and len(words) <= 30


def _marked_heading(line: str) -> bool:
    """A list marker then capitals or a heading phrase ("A. PHẦN MỞ ĐẦU", "b) Về kinh tế"): a heading,
    never a byline, though its capitals look like a reporter's name. "T. HÀ" (initial, one word) is a name."""
    marker = _HEADING_MARKER.match(line)
    if not marker or line.lstrip()[:1] in "-–•+*":
        return False
    rest = line[marker.end():].strip()
    return (_is_caps(rest) and len(rest.split()) >= 2) or bool(_HEADING_WORDS.match(rest))


def _heading(line: str, words: list[str]) -> bool:
    """A section heading: short, no sentence end, numbered, in capitals, or a known heading phrase."""
    if len(words) > 16 or not words:
        return False
    ends = line.rstrip()[-1:]
    if ends in ".!?…;":
        return False
    marker = _HEADING_MARKER.match(line)
    rest = line[marker.end():] if marker else line
    if _is_caps(rest) and len(words) >= 2:
        return True
    if (marker and not line.lstrip().startswith(("-", "–", "•", "+", "*"))) and len(words) <= 12:
        return True
    # a claim is no heading, though it opens like one ("Kinh tế tăng trưởng 8,5%, vượt kế hoạch", "Công tác cải
    # cách hành chính được đẩy mạnh"); "Kết quả đạt được" is a heading
    claim = re.search(r"\b(?:đạt|tăng trưởng|tăng|giảm|vượt|được|còn|chưa|đã|bằng)\b",
                      re.sub(r"(?:kết quả|thành tích|những gì) đạt được", "", rest, flags=re.I))
    return bool(_HEADING_WORDS.match(rest)) and (ends == ":" or len(words) <= 10) and not claim


# Meeting business: what the meeting did rather than what the report reviews or sets ("Hội nghị đã
# thảo luận, cho ý kiến …", "Tại hội nghị, … trao giấy khen …", "Báo cáo … ; Tờ trình …").
_BUSINESS = re.compile(
    r"^(?:tại (?:hội nghị|kỳ họp|buổi làm việc|phiên họp)|hội nghị (?:đã |cũng )?(?:dành thời gian |tập trung )?"
    r"(?:thảo luận|nghe|cho ý kiến|thông qua|biểu quyết|xem xét|đã tiến hành)|kỳ họp (?:đã |cũng )?(?:tập trung |dành thời gian )?(?:thảo luận|nghe|"
    r"thông qua|xem xét|biểu quyết)|các đại biểu (?:đã |cũng )?(?:thảo luận|nghe|tập trung thảo luận|cho ý kiến|"
    r"biểu quyết)|đồng thời,? (?:thảo luận|cho ý kiến|thông qua|xem xét)|"
    r"(?:báo cáo|tờ trình|dự thảo) (?![^.]*(?:cho thấy|cho biết|nêu|khẳng định|đánh giá|chỉ rõ)))",
    re.I,
)
_AWARD = re.compile(r"\btrao (?:tặng )?(?:giấy khen|bằng khen|huy hiệu|kỷ niệm chương|quyết định|thưởng|cờ)", re.I)
# what the meeting or the visiting team did, with no claim of its own: its purpose, its time, its having
# finished its programme, who attended, whom it heard report, whom it visited ("Kỳ họp nhằm xem xét …", "Kỳ họp đã
# dành nhiều thời gian …", "Đại hội đã hoàn thành toàn bộ nội dung …", "Nghe bà …, Phó Chủ tịch UBND huyện báo cáo
# …", "Dịp này, Chủ tịch UBND tỉnh đã đến thăm, tặng quà …")
_PROCEEDINGS = re.compile(
    r"^(?:kỳ họp|hội nghị|đại hội|buổi làm việc|phiên họp)(?: [^,.;]{0,30})? (?:nhằm|đã dành|dành nhiều|có sự tham dự)|"
    r"(?:kỳ họp|hội nghị|đại hội)[^.;]{0,60}?(?:đã )?hoàn thành (?:toàn bộ |tất cả )?(?:các )?(?:nội dung|chương trình)|"
    r"^đoàn (?:công tác|kiểm tra)?[^,.;]{0,30}?(?:đã )?(?:nắm tình hình|kiểm tra tình hình|khảo sát)|"
    r"^nghe (?:ông|bà|đồng chí|lãnh đạo|đại diện)\b[^.;]{0,120}?\bbáo cáo|"
    r"^(?:dịp này|trước đó|sau đó|nhân dịp này),? [^.;]{0,80}?(?:thăm hỏi|tặng quà|trao quà|đến thăm)",
    re.I,
)


def _business(text: str) -> bool:
    """Meeting business with no content of its own: no task asked for, no list after a colon."""
    if re.search(r"(?:thảo luận|trao đổi|cho ý kiến)[^:;.]{0,40}?(?:các|những) (?:vấn đề|nội dung)(?: như)?\s*:", text, re.I):
        return True  # "các đại biểu tập trung trao đổi, thảo luận về các vấn đề như: …": the topics, not claims
    if ";" in text and not re.search(r"thông qua|báo cáo|tờ trình|dự thảo", text, re.I) and re.search(
            r"(?:làm rõ|đề ra|thống nhất|bàn)\s+(?:những |các |nhiều )?(?:đề xuất, )?giải pháp[^;]{0,80}?\b(?:để|nhằm)\b", text, re.I):
        return False  # "Tại hội nghị, các đại biểu làm rõ những giải pháp … để nâng cao …; nâng cao …": the solutions
    if re.search(r";[^;]*\b(?:đạt|vượt)\b[^;]{0,60}?\d", text) and not _AWARD.search(text):
        return False  # "Tại hội nghị, Ban Chấp hành thống nhất với Tờ trình …; nhận định … đạt 14/15 chỉ tiêu": results
    listed = re.search(r":\s*(\S+(?:\s+\S+)?)", text)
    if listed and (listed.group(1) not in ("Báo cáo", "Tờ trình", "Dự thảo", "Nghị quyết")  # a list of the meeting's papers
                   or re.search(r"hạn chế|khó khăn|tồn tại|vướng mắc|quan tâm|kiến nghị|đề nghị|phản ánh",
                                text[:listed.start()], re.I)):  # … or of what it found wrong, or was asked
        return False
    if re.search(r"thông qua (?:\d+|các|những) (?:\w+,? ){0,3}?nghị quyết", text, re.I) and re.search(r"[;:]|\bvề\b|trong đó", text):
        return False  # the resolutions a session adopted, named: section scope reads which set something
    if re.search(r"yêu cầu|đề nghị|nhấn mạnh|lưu ý|(?<!sự )chỉ đạo|(?<!ý kiến, )(?<!các )(?<!những )kiến nghị (?!của)", text, re.I):
        return False  # what someone at the meeting asks for is content ("lãnh đạo các xã kiến nghị tỉnh …")
    business = _BUSINESS.match(text)
    if business and _FOUND.search(text, business.end()) and not re.search(r"(?:báo cáo|tờ trình|dự thảo)\b", text, re.I):
        return False  # "Các đại biểu thảo luận về tình trạng khai thác cát trái phép còn diễn ra": what was found, not business
    return bool(business or _AWARD.search(text) or (_PROCEEDINGS.search(text) and not re.search(r"\d", text)
                                                                   and ":" not in text))


def _opening(text: str, position: int) -> bool:
    """The meeting's announcement, its attendance or its business (near the start, or anywhere for
    business and attendance)."""
    if _ATTENDANCE.match(text) and len(text) < 700:
        return True
    if _business(text):
        return True
    if re.search(r"(?:tham |đến |về )?dự (?:và (?:chỉ đạo|phát biểu) )?(?:hội nghị|kỳ họp|buổi làm việc|lễ|đại hội)\W*$", text) and len(text) < 300:
        return True  # "Đồng chí … dự hội nghị."
    if position > 2:
        return False
    announced = _WHEN.search(text[:60]) or re.search(r"\b(?:vừa|đã) (?:tổ chức|diễn ra|họp)|nhằm đánh giá|để đánh giá", text)
    purpose = re.search(r"nhằm đánh giá|để đánh giá|là sự kiện", text)
    return bool(announced and _MEETING.search(text) and (_ANNOUNCE.search(text) or purpose))


# the end matter of an official document (Nghị định 30/2020/NĐ-CP on administrative documents: "Nơi nhận", the
# signature block "TM." / "KT." + the body and title)
_END_MATTER = re.compile(r"\s*(?:Nơi nhận\s*:|(?:TM|KT|T/M|K/T)\.?\s+(?:[A-ZĐ]|$)|(?:TM|KT)\.\s*$)")
# a Markdown table's rule under its header row: "|---|---|", "---|:---:"
_TABLE_RULE = re.compile(r"\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)+\|?")


def table_cells(line: str) -> list[str] | None:
    """The cells of a table row as the readers write it ("Thu ngân sách | 11 tỷ đồng | 14,2 tỷ đồng | Vượt",
    a Word or HTML table; "| Thu ngân sách | 11 tỷ đồng |", Markdown): two or more cells, one with a
    letter or a digit; None for any other line."""
    stripped = line.strip()
    if "|" not in stripped:
        return None
    cells = [c.strip() for c in stripped.strip("|").split("|")]
    return cells if len(cells) >= 2 and any(re.search(r"\w", c) for c in cells) else None


def _tables(line_texts: list[str]) -> dict[int, Role]:
    """The roles of the lines that make tables: a run of two or more rows (with a Markdown rule or not),
    its first row the header (a "heading" when it holds no figure but a year: "Chỉ tiêu | Kế hoạch |
    Thực hiện", "Chỉ tiêu | Năm 2025"), the rule "furniture", every other row "body", whatever its
    words (a short row such as "Hộ nghèo | 0,6%" is no menu)."""
    roles: dict[int, Role] = {}
    k = 0
    while k < len(line_texts):
        run = []
        while k < len(line_texts) and (table_cells(line_texts[k]) or _TABLE_RULE.fullmatch(line_texts[k].strip())):
            run.append(k)
            k += 1
        rows = [j for j in run if not _TABLE_RULE.fullmatch(line_texts[j].strip())]
        if len(rows) >= 2:
            for j in run:
                roles[j] = "furniture" if j not in rows else "body"
            if not re.search(r"\d", re.sub(r"\b(?:19|20)\d\d\b", "", line_texts[rows[0]])):
                roles[rows[0]] = "heading"
        k += 0 if run else 1
    return roles


def assign_roles(text: str, sentences: Sequence[tuple[int, int]]) -> list[Role]:
    """One role per sentence span (start, end) of `text`, in order.

    Lines are judged whole (a caption or heading is a line of its own); the headline is the first line
    when it has no sentence end; bylines and credits are read from the end of the article back; the
    opening is among the first three body sentences. Everything else is `body`."""
    roles: list[Role] = ["body"] * len(sentences)
    lines: list[list[int]] = []  # sentence indexes grouped by line
    last_line_end = -1
    for i, (start, end) in enumerate(sentences):
        if lines and text.find("\n", last_line_end, start) == -1:
            lines[-1].append(i)
        else:
            lines.append([i])
        last_line_end = end
    line_texts = [text[sentences[idx[0]][0]:sentences[idx[-1]][1]] for idx in lines]

    first_content = True
    body_seen = 0
    # the headline is the longest of the unpunctuated lines that open the article (a site's category
    # label such as "Quốc hội - Hội đồng nhân dân" may stand above it)
    leading: list[int] = []
    for k, (idx, line) in enumerate(zip(lines, line_texts)):
        if is_furniture(line) or _CREDITED_PHOTO.search(line):
            continue  # (a photo's caption with its credit, "Quang cảnh tại Hội nghị - Ảnh: Trương Văn Hòa", is no headline)
        if not leading and len(idx) == 1 and _is_caps(line) and line.rstrip().endswith(":") and len(_words(line)) <= 12:
            leading.append(k)  # a kicker above the headline: "ĐẢNG BỘ HUYỆN CÁI BÈ:"
            continue
        if len(idx) > 1 or line.rstrip()[-1:] in ".!?…:;" or len(_words(line)) > 45 or _DATELINED.match(line):
            break  # ("(NLĐO) - Bộ máy mới của xã …": the article's lead under its paper's tag, not a headline)
        following = line_texts[k + 1] if k + 1 < len(line_texts) else ""
        if leading and _is_caps(line) and len(_words(line)) <= 4 and credit_name(line) and not _SECTION_HEADING.match(line) \
                and (_DATELINED.match(following) or _WHEN.search(following[:60])):
            leading.append(k)  # the reporter's name in capitals under the headline, the dateline after it ("PHƯƠNG DUNG")
            continue
        if (leading and _is_caps(line)) or _NUMBERED.match(line):
            break  # a section heading: under the headline, or numbered
        leading.append(k)
    chosen = max(leading, key=lambda k: len(_words(line_texts[k])), default=None)
    tables = _tables(line_texts)
    # an official document's end matter: "Nơi nhận: …", "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", the signatory's name
    end_matter = next((k for k in range(max(0, len(line_texts) - 8), len(line_texts))
                       if _END_MATTER.match(line_texts[k])
                       and all(len(_words(t)) <= 12 for t in line_texts[k + 1:])), None)
    listed = False  # the line before ended in a colon, or was an item of that list
    related = False  # under "Tin liên quan": the site's links to other articles
    for k, (idx, line) in enumerate(zip(lines, line_texts)):
        words = _words(line)
        role: Role | None = None
        before = text[sentences[lines[k - 1][-1]][1] if k else 0:sentences[idx[0]][0]]
        if _RELATED.search(before) or _RELATED.fullmatch(line.strip().rstrip(":")):
            related = True
        if related and not _RELATED.fullmatch(line.strip().rstrip(":")) and (line.rstrip()[-1:] in _TERMINAL or len(words) > 30):
            related = False  # a sentence: the article again
        if end_matter is not None and k >= end_matter:
            role = "furniture"
        elif k in tables:
            role = None if tables[k] == "body" else tables[k]
        elif is_furniture(line) or related:
            role = "furniture"
        elif len(idx) == 1 and _CREDITED.search(line) and credit_name(line):
            role = "byline"  # "Đoàn Lưu (CTV)", wherever it stands, even among the lines around the headline
        elif k in leading and chosen is not None and k > chosen and len(words) <= 4 and credit_name(line):
            role = "byline"  # the reporter's name under the headline ("Hải Đường")
        elif k in leading and (k != chosen or len(words) < 4):
            role = "furniture"  # a site's label above the headline ("Chi tiết tin", "Tin tức")
        elif k == chosen:
            role = "headline"
        elif first_content and chosen is None and _is_caps(line) and len(words) <= 45 and not _NUMBERED.match(line):
            role = "headline"
        elif len(idx) == 1 and not _marked_heading(line) and (
                (credit_name(line) and (k >= len(lines) - 3 or _CREDIT_LEAD.match(line.strip().strip("([")))) or
                re.fullmatch(r"\(?(?:PV|CTV|BTV|TTXVN|Nhóm PV)\.?\)?", line.strip())):
            role = "byline"
        elif _MARKDOWN_IMAGE.match(line):
            role = "caption"  # however many sentences its caption text holds
        elif _MARKDOWN_HEADING.match(line) and len(words) <= 16:
            role = "headline" if first_content and chosen is None else "heading"
        elif len(idx) == 1 and (not listed or _SECTION_HEADING.match(line) or _marked_heading(line)) and _heading(line, words):
            role = "heading"
        elif len(idx) == 1 and (_ATTENDANCE.match(line) or _business(line) or _opening(line, body_seen)):
            role = "opening"  # the announcement, attendance and meeting business, though as short as a caption
        elif len(idx) == 1 and not listed and _caption(line, words):
            role = "caption"
        # the lines after one that ends in a colon ("Những hạn chế:") are its list, bulleted or not, with or
        # without full stops: no photo caption or heading stands there
        ends_colon = line.rstrip().endswith(":") or role == "heading"  # (a heading opens its list too)
        listed = ends_colon or (listed and role is None and line.rstrip()[-1:] not in ".!?…" and len(words) <= 40) \
            or (listed and role is None and _LIST_LINE.match(line) is not None)
        if role is not None:
            for i in idx:
                roles[i] = role
            first_content = first_content and (role == "furniture" or k in leading)
            continue
        first_content = False
        credit = text[sentences[idx[-1]][0]:sentences[idx[-1]][1]].strip()
        if len(idx) <= 3 and len(words) <= 40 and re.fullmatch(r"(?:[Ảả]nh|ẢNH)\s*:\s*[^:;()]{1,30}", credit):
            # "Chủ tịch UBND tỉnh … phát biểu chỉ đạo tại buổi làm việc. Ảnh: T.SỸ": a photo's caption and its credit
            for i in idx[:-1]:
                roles[i] = "caption"
            roles[idx[-1]] = "byline"
            continue
        for i in idx:
            start, end = sentences[i]
            if re.fullmatch(r"\(\s*[Ảả]nh\b[^()]*\)", text[start:end].strip()):
                roles[i] = "byline"  # "(Ảnh: Thu Hà)" after a caption's full stop
            elif _MARKDOWN_IMAGE.match(text[start:end]):
                roles[i] = "caption"  # "… dự toán. ![Biểu đồ thu ngân sách](https://…/chart.png)"
            elif k not in tables and _opening(text[start:end], body_seen):
                roles[i] = "opening"
            body_seen += 1
    return roles
