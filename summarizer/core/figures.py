"""Vietnamese figures, parsed strictly: `.` groups thousands, `,` is the decimal mark.

"1.401,351 tỷ đồng" → 1401.351 tỷ đồng; "12.100,1ha" → 12100.1 ha; "14/37 chỉ tiêu" → 14 of 37.
A form that breaks the convention ("1.5", "1.23.456", "1,2,3") is reported with an error, never guessed.
Dates, years and meeting numbers are not figures.
"""

from __future__ import annotations

import re

from summarizer.core.schema import Figure

_UNITS = [
    "triệu đồng/người/năm", "tỷ đồng", "triệu đồng", "nghìn đồng", "ngàn đồng", "đồng", "%", "ha", "tấn",
    "hộ", "người", "chỉ tiêu", "đảng viên", "km", "xã", "sao", "đồ án", "dự án", "công trình", "lượt",
    "học sinh", "trường", "thôn", "bản", "con", "m2", "m3", "m",
]
_UNIT = "|".join(re.escape(u) for u in sorted(_UNITS, key=len, reverse=True))
_QUALIFIERS = ["ước đạt", "ước", "trên", "gần", "hơn", "khoảng", "dưới", "gần như", "chỉ"]
_QUALIFIER = "|".join(sorted(_QUALIFIERS, key=len, reverse=True))

# A number token: any run of digits joined by single `.` or `,` — validated afterwards, not by the regex,
# so malformed forms are seen and reported instead of silently split.
_FIGURE = re.compile(
    r"(?P<num>\d+(?:[.,]\d+)*)"
    r"(?:/(?P<den>\d+(?:[.,]\d+)*))?"
    r"(?P<rest>/\d+)?"  # a third part means a date such as 10/6/2024
    rf"(?:\s?(?P<unit>{_UNIT})(?!\w))?",
    re.IGNORECASE,
)
# the qualifier right before a number ("ước đạt 1.401,351 tỷ đồng"): looked up backwards from each
# number, not tried at every position of the text (that made find_figures 4× slower)
_QUALIFIED = re.compile(rf"(?P<qual>{_QUALIFIER})\s+$", re.IGNORECASE)
_DATE_CUE = re.compile(r"(ngày|sáng|chiều|tối|trưa|đêm|tháng)\s*$", re.I)
_ORDINAL_CUE = re.compile(r"(năm|lần thứ|khóa|khoá|kỳ|số|giai đoạn|nhiệm kỳ|đoạn|đường|quý)\s*$", re.I)
_PLAN = re.compile(r"^[^,;.]{0,12}?(kế hoạch|KH\b|dự toán|chỉ tiêu|mục tiêu|nghị quyết)", re.I)
_YOY = re.compile(r"^[^,;]{0,6}?so với cùng kỳ", re.I)
_CHANGE = re.compile(r"^[^,;]{0,6}?so với (năm|cuối năm|đầu năm|kỳ)", re.I)


class AmbiguousNumber(ValueError):
    pass


def parse_number(raw: str) -> float:
    """Strict Vietnamese parse. Raises AmbiguousNumber for forms that break the convention."""
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
    return float("".join(groups) + ("." + decimals if decimals else ""))


def find_figures(text: str) -> list[Figure]:
    figures: list[Figure] = []
    end = 0  # of the previous number: a qualifier lies between it and the next
    for m in _FIGURE.finditer(text):
        num, den, unit = m.group("num"), m.group("den"), m.group("unit")
        q = _QUALIFIED.search(text, end, m.start())
        qual, start, end = (q.group("qual"), q.start(), m.end()) if q else (None, m.start(), m.end())
        before = text[max(0, start - 14) : m.start("num")]
        if m.group("rest") or (den and _DATE_CUE.search(before)):
            continue  # 10/6/2024, ngày 13/6
        if not unit and not den and _ORDINAL_CUE.search(before):
            continue  # năm 2024, lần thứ 21, Kết luận số 21
        if not unit and not den and re.fullmatch(r"(19|20)\d\d", num):
            continue  # a bare year
        if m.end() < len(text) and text[m.end()] in "-–" and not unit:
            continue  # 2024-2025, 21-KL/TW
        raw = text[m.start("num") : m.end()].strip()
        figure = Figure(raw=raw, value=None, unit=unit.lower() if unit else None,
                        qualifier=qual.lower() if qual else None)
        try:
            figure.value = parse_number(num)
            if den:
                figure.denominator = parse_number(den)
        except AmbiguousNumber as e:
            figure.error = str(e)
        if not unit and not den and figure.error is None and not _is_quantity(text, m):
            continue
        figure.measures = _measures(figure, text[m.end() :])
        figures.append(figure)
    return figures


def _is_quantity(text: str, m: re.Match) -> bool:
    """A bare number counts only when it stands as a quantity (decimal or grouped): "đạt 22,4"."""
    return bool(re.search(r"[.,]", m.group("num")))


def _measures(figure: Figure, after: str) -> str:
    if figure.unit == "%":
        if _YOY.search(after):
            return "year_on_year"
        if _CHANGE.search(after):
            return "change"
        if _PLAN.search(after):
            return "plan"
        return "share"
    if figure.denominator is not None:
        return "share"
    return "amount"
