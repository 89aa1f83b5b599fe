"""Check the briefing's header fields against the source; replace what the source contradicts.

Small models get the period wrong ("9 tháng năm 2024" for a 6-month 2023 report), so locality and
period must occur in the report; otherwise the code's own reading of the report is used and noted.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from summarizer.core.document import Document
from summarizer.core.schema import Extraction

_LOCALITY = re.compile(r"\b(huyện|thị xã|thành phố|tỉnh|xã|quận|thị trấn)\s+(\w+(?:\s+\w+){0,2})")
_PERIOD = re.compile(r"\b(\d{1,2}) tháng( đầu| cuối)? năm(?: (\d{4}))?")
_YEAR = re.compile(r"\b(20\d\d)\b")
_RANK = {"huyện": 0, "thị xã": 0, "thành phố": 1, "quận": 0, "tỉnh": 2, "xã": 3, "thị trấn": 3}


def find_locality(text: str) -> str | None:
    """The most mentioned district-level unit ("huyện Pác Nặm"), preferring districts over provinces."""
    found: Counter[str] = Counter()
    for m in _LOCALITY.finditer(text):
        name = []
        for word in m.group(2).split():  # the capitalised words right after the unit: "huyện Như Xuân"
            if not word[0].isupper():
                break
            name.append(word)
        if name:
            found[f"{m.group(1)} {' '.join(name)}"] += 1
    if not found:
        return None
    return min(found, key=lambda k: (-found[k], _RANK.get(k.split()[0], 4)))


def find_period(text: str) -> str | None:
    """The period reviewed: "9 tháng năm 2024", not the "3 tháng cuối năm" the tasks are for. A
    yearless "6 tháng đầu năm" takes the year the report otherwise names ("… cuối năm 2023")."""
    found = [(m.group(1), m.group(2) or "", m.group(3)) for m in _PERIOD.finditer(text)]
    if not found:
        return None
    years = [y for _, _, y in found if y] or _YEAR.findall(text)
    year = Counter(years).most_common(1)[0][0] if years else None
    reviewed = [f for f in found if f[1] != " cuối"] or found
    months, part, own_year = Counter(reviewed).most_common(1)[0][0]
    chosen_year = own_year or year
    return f"{months} tháng{part} năm" + (f" {chosen_year}" if chosen_year else "")


def headline(doc: Document) -> str | None:
    """The article's own headline: a short first line without final punctuation, verbatim."""
    if not doc.sentences:
        return None
    first = doc.sentences[0]
    line_end = doc.text.find("\n", first.start)
    alone = line_end == -1 or line_end == first.end
    if alone and len(first.text) <= 160 and first.text[-1:] not in ".:;…!?" and len(first.text.split()) >= 4:
        return first.text
    return None


def _supported(value: str, text: str) -> bool:
    """Every word of `value` occurs in the report ("6 tháng đầu năm 2023" from "6 tháng đầu năm, …
    năm 2023"); a wrong year or a place the report never names is not."""
    words = _words(text)
    return all(w in words for w in re.findall(r"\w+", value.lower()))


@lru_cache(maxsize=64)
def _words(text: str) -> frozenset[str]:
    return frozenset(re.findall(r"\w+", text.lower()))


def check_meta(doc: Document, extraction: Extraction) -> tuple[dict, list[str]]:
    """Locality and period are read by code first (the model gets them wrong); the model's value is
    used when code finds none and the report supports it. Disagreements are noted for the editor."""
    notes: list[str] = []
    header = {}
    for field, finder in (("locality", find_locality), ("period", find_period)):
        said = (getattr(extraction, field) or "").strip() or None
        found = finder(doc.text)
        if said and not _supported(said, doc.text):
            notes.append(f"the model's {field} {said!r} is not in the source; using {found!r}")
            said = None
        header[field] = found or said
    title = headline(doc) or (extraction.title or "").strip() or doc.name
    meeting = (extraction.meeting or "").strip() or None
    return {"title": title, "meeting": meeting, **header}, notes
