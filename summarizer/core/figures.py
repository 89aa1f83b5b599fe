"""Vietnamese figures, read with a small grammar of quantities and parsed strictly.

A figure is: [qualifier] NUMBER [range] [scale] [unit [per-unit …]], or NUMBER/NUMBER [counted noun].

- NUMBER follows the Vietnamese convention (TCVN 6909 / Decree 30/2020/NĐ-CP on administrative
  writing): `.` groups thousands, `,` is the decimal mark. "1.401,351" = 1401.351. A form that breaks
  it ("1.5", "1.23.456", "1,2,3") keeps the figure with an `error`, never a guessed value.
- scale: nghìn/ngàn (10³), triệu (10⁶), tỷ/tỉ (10⁹), nghìn tỷ (10¹²). A scale with no unit after it
  is money ("khoảng 2.000 tỷ", "500 triệu cho mỗi xã"): đồng is implied, and said so in `implied`.
- unit: currency (đồng, USD), area (ha, m2, km2, sào), mass (tấn, tạ, yến, kg), length, volume,
  percent (%, phần trăm), percentage points (điểm %, điểm phần trăm), counted nouns (hộ, người,
  lượt khách, chỉ tiêu, …), and per-units after `/` ("triệu đồng/người/năm", "tạ/ha").
  After a scale or a `/NUMBER`, any one-word noun is the counted noun ("3 triệu cây", "7/9 thôn").
- range: "5 - 7%", "từ 5 đến 7 tỷ đồng" → value 5, upper 7.
- Every figure with a unit also gets `base_value`/`base_unit`: the value in the unit's base (đồng,
  kg, ha, m, …) so "1,2 nghìn tỷ đồng" and "1.200 tỷ đồng" compare equal (1.2e12 đồng).

Not figures: dates (10/6/2024, "ngày 13/6", day/month after a time word such as đến, hết, tính đến,
trước, từ), month/year ("6/2025"), years (năm 2024, 2021-2025), ordinals (lần thứ 21, khóa XXIII,
Kết luận số 21-KL/TW), and bare whole numbers with no unit (they are counted only when grouped or
decimal: "đạt 22,4").
"""

from __future__ import annotations

import re
from decimal import Decimal

from summarizer.core.schema import Figure

_NUM = r"\d+(?:[.,]\d+)*"
# A number token: any run of digits joined by single `.` or `,` — validated afterwards, not by the regex,
# so malformed forms are seen and reported instead of silently split. Not inside a word ("COVID19").
_NUMBER = re.compile(rf"(?<![\w.,/]){_NUM}")
_DENOMINATOR = re.compile(rf"/({_NUM})")
_THIRD = re.compile(r"/\d")  # 10/6/2024: a date
_RANGE = re.compile(rf"\s*(?:-|–|—|÷|đến|tới)\s*({_NUM})", re.I)

_SCALES = {"nghìn tỷ": 10**12, "ngàn tỷ": 10**12, "nghìn tỉ": 10**12, "ngàn tỉ": 10**12,
           "nghìn": 10**3, "ngàn": 10**3, "vạn": 10**4, "triệu": 10**6, "tỷ": 10**9, "tỉ": 10**9}
_SCALE = re.compile(r"\s?(" + "|".join(sorted(_SCALES, key=len, reverse=True)) + r")(?!\w)(?!\s+lệ\b)", re.I)

# unit as written → (base unit, factor to the base). Regional units (sào, công) are not converted.
_MEASURED = {
    "đồng": ("đồng", 1), "usd": ("USD", 1), "đô la mỹ": ("USD", 1), "đô la": ("USD", 1),
    "ha": ("ha", 1), "héc-ta": ("ha", 1), "hecta": ("ha", 1), "m2": ("ha", Decimal("0.0001")),
    "m²": ("ha", Decimal("0.0001")), "km2": ("ha", 100), "km²": ("ha", 100), "sào": ("sào", 1),
    "tấn": ("kg", 1000), "tạ": ("kg", 100), "yến": ("kg", 10), "kg": ("kg", 1),
    "km": ("m", 1000), "m": ("m", 1), "mét": ("m", 1), "m3": ("m3", 1), "m³": ("m3", 1),
    "%": ("%", 1), "phần trăm": ("%", 1), "điểm %": ("điểm %", 1), "điểm%": ("điểm %", 1),
    "điểm phần trăm": ("điểm %", 1), "lít": ("lít", 1),
}
# counted nouns: the base unit is the noun itself. Time words (ngày, tháng, năm, quý) are never units:
# "9 tháng" is a period.
_COUNTED = [
    "lượt khách", "lượt người", "lượt", "lần", "người", "hộ", "khẩu", "lao động", "chỉ tiêu", "tiêu chí",
    "đảng viên", "hội viên", "đoàn viên", "cán bộ", "học sinh", "trường", "lớp", "xã", "phường", "thôn",
    "bản", "ấp", "tổ dân phố", "khu phố", "sao", "đồ án", "dự án", "công trình", "doanh nghiệp",
    "hợp tác xã", "cơ sở", "căn", "ngôi nhà", "nhà", "con", "cây", "tuyến", "cuộc", "buổi", "tin", "bài",
    "hồ sơ", "thủ tục", "sản phẩm", "tổ chức", "chi bộ", "đảng bộ", "vụ", "đơn", "suất", "phần quà",
    "nhiệm vụ", "giải pháp", "chương trình", "đề án", "mô hình", "nhóm", "đơn vị", "cơ quan", "hạng mục",
    "gói thầu", "điểm", "tỉnh", "huyện", "lần",
]
_UNITS = {**_MEASURED, **{noun: (noun, 1) for noun in _COUNTED}}
_GLUED = {"%", "ha", "m2", "m²", "km2", "km²", "m3", "m³", "kg", "km", "m", "tấn"}
_UNIT = re.compile(
    r"(\s?)(" + "|".join(re.escape(u) for u in sorted(_UNITS, key=len, reverse=True)) + r")(?![\w²³])", re.I)
_PER = re.compile(r"/(người|năm|tháng|ngày|giờ|ha|hộ|khẩu|lao động|sào|tấn|kg|lít|m2|m²|m3|m³|km2|km²|km|vụ|lượt|"
                  r"con|cây|sản phẩm|chuyến|xã|thôn)(?![\w²³])", re.I)
# after a scale or a denominator, any one lowercase word that is not a function word is the counted noun
_NOUN = re.compile(r"\s([a-zà-ỹđ]+)(?![\w/])")
_FUNCTION_WORDS = set(
    "cho để và với từ của trong tại được đã là so tăng giảm bằng đạt chiếm trên dưới mỗi thì nhưng hoặc "
    "theo về các những này đó khi nên mà còn vẫn sẽ đang có không chưa ngày tháng năm quý tuần đồng".split())

_QUALIFIERS = ["ước đạt", "ước tính đạt", "ước tính", "ước thực hiện", "dự ước", "dự kiến", "ước", "trên dưới", "trên",
               "gần", "hơn", "khoảng", "dưới", "gần như", "chỉ", "xấp xỉ", "tối thiểu", "tối đa", "ít nhất",
               "chưa đến", "chưa tới"]
# the qualifier right before a number ("ước đạt 1.401,351 tỷ đồng"): looked up backwards from each
# number, not tried at every position of the text (that made find_figures 4× slower)
_QUALIFIED = re.compile(r"(?P<qual>" + "|".join(sorted(set(_QUALIFIERS), key=len, reverse=True)) + r")\s+$", re.I)
_DATE_CUE = re.compile(r"(ngày|sáng|chiều|tối|trưa|đêm|tháng)\s*$", re.I)
# day/month after a time word is a date: "Đến 30/6, …", "tính đến hết 31/12", "trước 15/8"
_TIME_WORD = re.compile(r"(đến|hết|tới|trước|từ|sau|lúc|vào|hôm|thời điểm|kể từ|đầu|cuối|ngày)\s*$", re.I)
# what comes right before a share written without a unit ("đạt 7/9", "hoàn thành 5/7"): not a date
_SHARE_CUE = re.compile(r"(đạt|hoàn thành|vượt|có|gồm|được|trong số|trên tổng số)\s*$", re.I)
# a day.month.year date ("30.6.2025")
_DOTTED_DATE = re.compile(r"\d{1,2}\.\d{1,2}\.(?:19|20)\d\d(?!\d)")
# thousands grouped by spaces ("1 200 tỷ đồng", a no-break or thin space before reading): refused, never
# read as the last group ("200 tỷ đồng")
_SPACE_GROUPED = re.compile(r"(?<![\d.,])\d{1,3}(?: \d{3})+(?![\d])")
_ORDINAL_CUE = re.compile(r"(năm|lần thứ|khóa|khoá|kỳ|số|giai đoạn|nhiệm kỳ|đoạn|đường|quý)\s*$", re.I)
_CHANGE_BEFORE = re.compile(r"(tăng|giảm)(\s+trưởng)?\s+$", re.I)
_PLAN = re.compile(r"^[^,;.]{0,12}?(kế hoạch|KH\b|dự toán|chỉ tiêu|mục tiêu|nghị quyết)", re.I)
_YOY = re.compile(r"^[^,;]{0,6}?(?:so (?:với )?)?cùng kỳ", re.I)
_CHANGE = re.compile(r"^[^,;]{0,6}?so với (năm|cuối năm|đầu năm|kỳ)", re.I)


class AmbiguousNumber(ValueError):
    """A number that breaks the `.` thousands / `,` decimal convention; the message says how."""


def _decimal(raw: str) -> Decimal:
    if "," in raw:
        whole, _, decimals = raw.rpartition(",")
        if "," in whole:
            raise AmbiguousNumber(f"{raw!r}: more than one decimal comma")
        if not decimals.isdigit():
            raise AmbiguousNumber(f"{raw!r}: a thousands dot after the decimal comma")
    else:
        whole, decimals = raw, ""
    groups = whole.split(".")
    if len(groups) > 1:
        if not (1 <= len(groups[0]) <= 3 and all(len(g) == 3 for g in groups[1:])):
            raise AmbiguousNumber(f"{raw!r}: dots must group thousands in threes (a decimal is written with a comma)")
        if groups[0].startswith("0"):
            raise AmbiguousNumber(f"{raw!r}: a thousands group cannot start with 0")
    return Decimal("".join(groups) + ("." + decimals if decimals else ""))


def parse_number(raw: str) -> float:
    """"1.401,351" → 1401.351 (`.` thousands, `,` decimals). Raises AmbiguousNumber for any other form."""
    return float(_decimal(raw))


def vietnamese_number(value: float) -> str:
    """A number written the Vietnamese way for editors: 1401.351 → "1.401,351", 1.2e12 → "1.200.000.000.000".

    Up to 6 decimals, trailing zeros dropped; the inverse of `parse_number` for the values it returns.
    """
    whole, _, decimals = f"{abs(value):,.6f}".rstrip("0").rstrip(".").partition(".")
    return ("-" if value < 0 else "") + whole.replace(",", ".") + ("," + decimals if decimals else "")


class _Tail:
    """What follows a number: scale, unit and per-units, read left to right from `pos`."""

    def __init__(self, text: str, pos: int, counted: bool):
        self.scale = self.unit = self.implied = None
        self.per = ""
        self.end = pos
        if s := _SCALE.match(text, pos):
            self.scale, self.end = s.group(1), s.end()
        u = _UNIT.match(text, self.end)
        if u and (u.group(1) or u.group(2).lower() in _GLUED):
            self.unit, self.end = u.group(2), u.end()
        elif (self.scale or counted) and (n := _NOUN.match(text, self.end)) and n.group(1) not in _FUNCTION_WORDS:
            self.unit, self.end = n.group(1), n.end()
        elif self.scale:
            self.implied = "đồng"  # "khoảng 2.000 tỷ", "500 triệu cho mỗi xã": money is what has a bare scale
        while self.unit and (p := _PER.match(text, self.end)):
            self.per, self.end = self.per + "/" + p.group(1), p.end()

    @property
    def written(self) -> str | None:
        parts = [x for x in (self.scale, self.unit) if x]
        return " ".join(parts) + self.per if parts else None

    @property
    def base_unit(self) -> str | None:
        """The base the value is given in: đồng, USD, ha, kg, m, %, điểm %, a counted noun; per-units kept."""
        unit = self.unit or self.implied
        return None if unit is None else _UNITS.get(unit.lower(), (unit.lower(), 1))[0] + self.per.lower()

    def base(self, value: Decimal) -> float | None:
        """`value` (as written, before the scale) in the base unit; None when there is no unit."""
        unit = self.unit or self.implied
        if unit is None:
            return None
        factor = _UNITS.get(unit.lower(), (unit, 1))[1]
        return float(value * Decimal(factor) * _SCALES.get((self.scale or "").lower(), 1))


def find_figures(text: str) -> list[Figure]:
    """Every figure in `text`, in order: raw text as written, value, unit, range, base value, measure.

    Never raises: a number that breaks the convention is returned with `error` set and `value` None.
    """
    figures: list[Figure] = []
    end = 0  # of the previous figure: a qualifier lies between it and the next
    for m in _NUMBER.finditer(text):
        if m.start() < end:
            continue  # read already as part of the previous figure (a range's upper bound, a denominator)
        figure, stop = _read(text, m, end)
        if stop is not None:
            end = max(end, stop)
        if figure is not None:
            figures.append(figure)
    return figures


def _read(text: str, m: re.Match, previous_end: int) -> tuple[Figure | None, int | None]:
    """The figure starting at number `m` and where it ends, or (None, end of what is not a figure)."""
    num, pos = m.group(), m.end()
    if d := _DOTTED_DATE.match(text, m.start()):
        return None, d.end()  # 30.6.2025
    if text[pos : pos + 1] in (".", ")") and text[pos + 1 : pos + 2] in (" ", "\t", "") and \
            not text[text.rfind("\n", 0, m.start()) + 1 : m.start()].strip():
        return None, pos + 1  # a list marker opening its line: "1.1. Thu ngân sách", "2.3) Tiến độ"
    q = _QUALIFIED.search(text, previous_end, m.start())
    before = text[max(0, (q.start() if q else m.start()) - 20) : m.start()]
    qualifier = q.group("qual").lower() if q else None
    if (g := _SPACE_GROUPED.match(text, m.start())) and g.end() > pos and (spaced := _Tail(text, g.end(), False)).written:
        return Figure(raw=text[m.start() : spaced.end], value=None, unit=spaced.written, qualifier=qualifier,
                      error=f"{g.group()!r}: spaces group the thousands; write them with dots "
                            f"({g.group().replace(' ', '.')}) to have it read"), spaced.end
    den = upper = None
    if d := _DENOMINATOR.match(text, pos):
        if _THIRD.match(text, d.end()) or re.match(r"[/-][A-ZĐ]", text[d.end() : d.end() + 2]):
            return None, d.end() + 1  # 10/6/2024; Nghị định 178/2024/NĐ-CP
        den, pos = d.group(1), d.end()
    elif r := _RANGE.match(text, pos):
        tail = _Tail(text, r.end(), counted=False)
        if tail.written:
            upper, pos = r.group(1), r.end()
    tail = _Tail(text, pos, counted=den is not None)
    if den is not None and _is_date(num, den, before, tail):
        return None, pos
    if not tail.written and den is None:
        if _ORDINAL_CUE.search(before) or re.fullmatch(r"(19|20)\d\d", num) or not re.search(r"[.,]", num):
            return None, None  # năm 2024, lần thứ 21, a bare whole number
        if pos < len(text) and text[pos] in "-–":
            return None, None  # 21-KL/TW
    start_tail = tail
    if tail.written and den is None and upper is None and (r := _RANGE.match(text, tail.end)):
        # a unit on both ends: "từ 5% đến 7%", "3 tỷ - 5 tỷ đồng/hộ" (the second end's unit is the range's)
        second = _Tail(text, r.end(), counted=False)
        if second.written and (second.base_unit == tail.base_unit or (tail.implied and second.scale == tail.scale)):
            upper, tail = r.group(1), second
    figure = Figure(raw=text[m.start() : tail.end].strip(), value=None, unit=tail.written if tail is start_tail
                    else second.written, qualifier=qualifier, implied=tail.implied)
    try:
        value = _decimal(num)
        figure.value = float(value)
        figure.base_value, figure.base_unit = tail.base(value), tail.base_unit
        if upper is not None:
            figure.upper = parse_number(upper)
            figure.base_upper = tail.base(_decimal(upper))
        if den is not None:
            figure.denominator = parse_number(den)
    except AmbiguousNumber as e:
        figure.value = figure.base_value = figure.base_unit = figure.upper = figure.base_upper = None
        figure.error = str(e)
    figure.measures = _measures(figure, tail.base_unit, before, text[tail.end :])
    return figure, tail.end


def _is_date(num: str, den: str, before: str, tail: _Tail) -> bool:
    """Day/month, month/year or a document's number/year, not a share: "ngày 13/6", "Quốc khánh 2/9",
    "(16/6)", "15 và 16/8", "tháng 6/2025", "Nghị định số 30/2020". A share has a counted unit
    ("32/33 xã") or a share's verb before it ("đạt 7/9")."""
    if tail.scale is None and tail.unit and tail.unit.lower() in _UNITS:
        return False  # "32/33 xã" counts communes
    if not (num.isdigit() and den.isdigit()):
        return False
    if _DATE_CUE.search(before) or re.fullmatch(r"(19|20)\d\d", den):
        return True
    day, month = int(num), int(den)
    if not (1 <= day <= 31 and 1 <= month <= 12):
        return False
    return bool(_TIME_WORD.search(before)) or not _SHARE_CUE.search(before)


def _measures(figure: Figure, base_unit: str | None, before: str, after: str) -> str:
    """plan, year_on_year (a level against the same period: "bằng 112% so với cùng kỳ"), change (growth:
    "tăng 12% so với cùng kỳ", "giảm 0,5 điểm %"), share or amount."""
    growth = bool(_CHANGE_BEFORE.search(_QUALIFIED.sub("", before)))
    if base_unit and base_unit.startswith("điểm"):
        return "change" if growth or base_unit == "điểm %" else "amount"
    if base_unit and base_unit.startswith("%"):
        if growth or (not _YOY.search(after) and _CHANGE.search(after)):
            return "change"
        if _YOY.search(after):
            return "year_on_year"
        if _PLAN.search(after):
            return "plan"
        return "share"
    if figure.denominator is not None:
        return "share"
    return "amount"
