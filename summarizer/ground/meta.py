"""Check the briefing's header fields against the source; replace what the source contradicts.

Small models get the period wrong ("9 tháng năm 2024" for a 6-month 2023 report), so locality and
period must occur in the report; otherwise the code's own reading of the report is used and noted.
"""

from __future__ import annotations

import re
from collections import Counter

from summarizer.core.document import Document
from summarizer.core.schema import Extraction

_CAP = r"[A-ZÀ-Ỹ][\wÀ-ỹ]*"
_LOCALITY = re.compile(rf"\b(huyện|thị xã|thành phố|tỉnh|xã|quận|thị trấn)\s+({_CAP}(?:\s+{_CAP}){{0,2}})")
_PERIOD = re.compile(
    r"\b(\d{1,2}\s+tháng(?:\s+(?:đầu|cuối))?\s+năm\s+\d{4}|(?:quý\s+[IV]+|năm)\s+\d{4}|nhiệm kỳ\s+\d{4}\s*[-–]\s*\d{4})",
    re.I,
)
_RANK = {"huyện": 0, "thị xã": 0, "thành phố": 1, "quận": 0, "tỉnh": 2, "xã": 3, "thị trấn": 3}


def find_locality(text: str) -> str | None:
    """The most mentioned district-level unit ("huyện Pác Nặm"), preferring districts over provinces."""
    found = Counter(f"{m.group(1)} {m.group(2)}" for m in _LOCALITY.finditer(text))
    if not found:
        return None
    return min(found, key=lambda k: (-found[k], _RANK.get(k.split()[0], 4)))


def find_period(text: str) -> str | None:
    found = [m.group(1) for m in _PERIOD.finditer(text) if "tháng" in m.group(1)]
    return Counter(found).most_common(1)[0][0] if found else None


def _period_supported(period: str, text: str) -> bool:
    """A period is kept when it names months, a quarter or a year and all its words occur in the report
    ("6 tháng đầu năm 2023" from "6 tháng đầu năm, … năm 2023"); a wrong year is not."""
    if not re.search(r"tháng|quý|năm", period, re.I):
        return False
    words = set(re.findall(r"\w+", text.lower()))
    return all(w in words for w in re.findall(r"\w+", period.lower()))


def check_meta(doc: Document, extraction: Extraction) -> tuple[dict, list[str]]:
    notes: list[str] = []
    lower = doc.text.lower()

    def in_source(value: str | None) -> bool:
        return bool(value) and value.strip().lower() in lower

    locality = (extraction.locality or "").strip() or None
    if locality and not in_source(locality):
        fallback = find_locality(doc.text)
        notes.append(f"locality {locality!r} is not in the source; using {fallback!r}")
        locality = fallback
    elif not locality:
        locality = find_locality(doc.text)

    period = (extraction.period or "").strip() or None
    if period and not _period_supported(period, doc.text):
        fallback = find_period(doc.text)
        notes.append(f"period {period!r} is not in the source; using {fallback!r}")
        period = fallback
    elif not period:
        period = find_period(doc.text)

    title = extraction.title.strip() or (doc.sentences[0].text if doc.sentences else doc.name)
    meeting = (extraction.meeting or "").strip() or None
    return {"title": title, "locality": locality, "period": period, "meeting": meeting}, notes
