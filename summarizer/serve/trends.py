"""Trends: the same indicator across the periods of one locality's reports, from the parsed figures.

An indicator is what an amount measures, read from the words before the figure in its item
("Tổng giá trị sản xuất đạt trên 304 tỷ đồng" → "tổng giá trị sản xuất"): the clause the figure
stands in, without the verb and qualifier before it ("đạt", "ước đạt", "trên", …) and the period
words ("6 tháng đầu năm", "năm 2023", "của huyện"), compared case- and tone-placement-blind. Two
figures are the same indicator when those words and the base unit agree (so "304 tỷ đồng" and
"720 tỷ đồng" compare, and neither with a count of hectares). Only amounts count (not % of plan or
year on year: they are said of an amount), each in its base unit, so "1,2 nghìn tỷ" and "1.200 tỷ"
are one value. Periods are ordered by year and then by months covered ("6 tháng đầu năm 2023" <
"9 tháng năm 2023" < "năm 2023").

The chart is inline SVG (no script, no external asset): one small bar chart per indicator, each bar
labelled with its value as written in the report.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html import escape

from summarizer.core.figures import vietnamese_number
from summarizer.core.text import canonical

_CLAUSE_CUT = re.compile(r"[,;:(]|\s[-–]\s|\bvà\b|\btrong đó\b", re.I)
_BEFORE_FIGURE = re.compile(
    r"(?:\s+(?:ước|ước tính|dự kiến|đạt|đạt được|được|là|khoảng|trên|gần|hơn|dưới|còn|lên|xuống|tới|đến|"
    r"ước đạt|thực hiện|chỉ tiêu|với|có|tổng cộng|tổng số|bằng|vượt|tăng|giảm|đã|mới))+\s*$", re.I)
_PERIOD_WORDS = re.compile(
    r"\b(?:(?:trong|sau|đến hết|hết|tính đến|đến)\s+)?(?:\d{1,2}\s+tháng(?:\s+(?:đầu|cuối))?(?:\s+năm)?|"
    r"quý\s+[IV\d]+|năm\s+(?:19|20)\d\d|(?:19|20)\d\d|năm nay|cả năm|năm)\b|\bcủa (?:huyện|tỉnh|xã|thành phố|thị xã|"
    r"phường|thị trấn)\b|\btoàn (?:huyện|tỉnh|xã)\b|\bcủa\s*$|\btrên địa bàn(?: \w+)?\b", re.I)
_OPENER = re.compile(r"^(?:theo đó|trong đó|bên cạnh đó|đồng thời|ngoài ra|nhìn chung|cụ thể)\b,?\s*", re.I)
_ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4}


@dataclass
class Point:
    period: str
    value: float  # in the base unit
    raw: str  # the figure as written
    stem: str  # the briefing it comes from
    item: str  # the item's text


@dataclass
class Indicator:
    label: str  # as first written
    unit: str  # base unit
    points: list[Point] = field(default_factory=list)

    @property
    def periods(self) -> list[str]:
        return list(dict.fromkeys(p.period for p in self.points))


def indicator_label(text: str, raw: str) -> str | None:
    """The words naming what the figure `raw` measures in the item `text`, or None when there are none
    (the figure opens the clause) or they are too long to be a name (more than 10 words)."""
    at = text.find(raw)
    if at < 0:
        return None
    before = text[:at]
    parts = _CLAUSE_CUT.split(before)
    words = parts[-1] if parts else before
    for _ in range(3):  # "đạt trên", "ước đạt được": strip every verb and qualifier before the number
        words = _BEFORE_FIGURE.sub("", words)
        words = _PERIOD_WORDS.sub(" ", words)
    words = _OPENER.sub("", " ".join(words.split()))
    words = words.strip(" ,.;:-–")
    if not words or len(words.split()) > 10 or len(words.split()) < 2:
        return None
    return words[0].upper() + words[1:]


def period_order(period: str | None) -> tuple[int, int, str]:
    """(year, months covered, text) for sorting periods; unknown parts sort first."""
    text = period or ""
    year = re.search(r"\b((?:19|20)\d\d)\b", text)
    months = re.search(r"\b(\d{1,2})\s+tháng", text)
    quarter = re.search(r"\bquý\s+([IV]+|\d)\b", text, re.I)
    if months:
        covered = int(months.group(1))
    elif quarter:
        q = quarter.group(1).upper()
        covered = 3 * (int(q) if q.isdigit() else _ROMAN.get(q, 1))
    elif year:
        covered = 12  # a whole year
    else:
        covered = 0
    return (int(year.group(1)) if year else 0, covered, text)


def trends(entries, locality: str) -> tuple[list[str], list[Indicator]]:
    """For the (stem, reviewed-items, briefing) triples of `entries` whose locality is `locality`
    (compared as canonical keys): the periods in order and the indicators stated in at least two of
    them, most periods first. `reviewed-items` is an iterable of (section, item) whose items have
    `text` and `figures` (the editor's wording, rejected items left out)."""
    key = canonical(locality)
    indicators: dict[tuple[str, str], Indicator] = {}
    periods: dict[str, tuple] = {}
    for stem, items, briefing in entries:
        if canonical(briefing.locality or "") != key or not briefing.period:
            continue
        period = briefing.period
        periods[period] = period_order(period)
        for _, item in items:
            for f in item.figures:
                if f.measures != "amount" or f.base_value is None or f.upper is not None or f.error:
                    continue
                label = indicator_label(item.text, f.raw)
                if label is None:
                    continue
                ind = indicators.setdefault((canonical(label), f.base_unit or ""), Indicator(label, f.base_unit or ""))
                if any(p.period == period for p in ind.points):
                    continue  # one value per period: the first the report states
                ind.points.append(Point(period, f.base_value, f.raw, stem, item.text))
    ordered = sorted(periods, key=lambda p: periods[p])
    shown = [i for i in indicators.values() if len(i.periods) >= 2]
    for ind in shown:
        ind.points.sort(key=lambda p: periods[p.period])
    shown.sort(key=lambda i: (-len(i.periods), i.label))
    return ordered, shown


def localities(briefings) -> list[str]:
    """The localities of briefings with at least two periods, as first written, in alphabetical order."""
    seen: dict[str, tuple[str, set[str]]] = {}
    for b in briefings:
        if b.locality and b.period:
            name, periods = seen.setdefault(canonical(b.locality), (b.locality, set()))
            periods.add(b.period)
    return sorted((name for name, periods in seen.values() if len(periods) >= 2), key=canonical)


def svg_chart(indicator: Indicator, width: int = 420, height: int = 170) -> str:
    """A bar chart of one indicator across periods as inline SVG, with a title and a text
    alternative (role="img", aria-label) for screen readers."""
    points = indicator.points
    top = max(p.value for p in points) or 1.0
    left, bottom, gap = 8, 38, 10
    bar = max(12, (width - 2 * left - gap * (len(points) - 1)) // max(len(points), 1))
    described = "; ".join(f"{p.period}: {p.raw}" for p in points)
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" width="{width}" height="{height}" '
           f'viewBox="0 0 {width} {height}" role="img" aria-label="{escape(indicator.label)}: {escape(described)}">',
           f"<title>{escape(indicator.label)}</title>"]
    usable = height - bottom - 18
    for n, p in enumerate(points):
        h = max(1.0, usable * p.value / top)
        x = left + n * (bar + gap)
        y = height - bottom - h
        out.append(f'<rect x="{x}" y="{y:.1f}" width="{bar}" height="{h:.1f}" fill="#1f5fa8"><title>{escape(p.period)}: '
                   f'{escape(p.raw)}</title></rect>')
        out.append(f'<text x="{x + bar / 2:.1f}" y="{y - 4:.1f}" text-anchor="middle" font-size="11">{escape(p.raw)}</text>')
        out.append(f'<text x="{x + bar / 2:.1f}" y="{height - bottom + 14}" text-anchor="middle" font-size="10">'
                   f'{escape(_short(p.period))}</text>')
    out.append(f'<line x1="{left}" y1="{height - bottom}" x2="{width - left}" y2="{height - bottom}" stroke="#999"/>')
    out.append("</svg>")
    return "".join(out)


def _short(period: str) -> str:
    return period if len(period) <= 22 else period[:21] + "…"


def value_text(value: float, unit: str) -> str:
    """A base value as Vietnamese writes it, with its unit: 304.000.000.000 đồng → "304 tỷ đồng"."""
    if unit == "đồng" and abs(value) >= 1e9:
        return f"{vietnamese_number(round(value / 1e9, 3))} tỷ đồng"
    if unit == "đồng" and abs(value) >= 1e6:
        return f"{vietnamese_number(round(value / 1e6, 3))} triệu đồng"
    return f"{vietnamese_number(round(value, 3))} {unit}".strip()
