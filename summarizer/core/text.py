"""Small text measures shared by grounding and eval: number tokens and word overlap."""

from __future__ import annotations

import re
from functools import lru_cache

# A number as Vietnamese writes it: digits with `.` thousand groups and/or a `,` decimal part.
# (The look-behind follows the first digit so the regex engine can skip straight to digits.)
NUMBER = re.compile(r"\d(?<![\w.,]\d)\d*(?:[.,]\d+)*(?![\w])")
_WORD = re.compile(r"\w+")
# Function words carry no evidence; leaving them out keeps overlap scores about content.
_STOP = {
    "và", "các", "của", "là", "có", "được", "đã", "trong", "với", "cho", "để", "những", "một", "số",
    "này", "theo", "tại", "trên", "từ", "đến", "như", "về", "thì", "mà", "còn", "vẫn", "đang", "sẽ",
}


# No-break and narrow spaces read as spaces; zero-width characters, soft hyphens and a BOM inside the text
# read as nothing. For matching words only: spans always stay on the source's own characters.
_SPACES = str.maketrans({"\xa0": " ", "\u202f": " ", "\u2007": " ", "\u200b": None, "\u200c": None,
                         "\u200d": None, "\xad": None, "\ufeff": None})


def plain(text: str) -> str:
    """`text` as words are matched in it (see _SPACES); never used to compute a span."""
    return text.translate(_SPACES)


def numbers_in(text: str) -> list[str]:
    """Number tokens, verbatim: "1.401,351", "48,7", "14", "37" (from "14/37")."""
    return [m.group().rstrip(".,") for m in NUMBER.finditer(text)]


@lru_cache(maxsize=4096)
def content_words(text: str) -> frozenset[str]:
    """Lower-cased words minus function words and bare digits (cached: sentences are compared often)."""
    words = set(_WORD.findall(text.lower())) - _STOP
    return frozenset(w for w in words if not w.isdigit())


def coverage(part: frozenset[str] | set[str], whole: frozenset[str] | set[str]) -> float:
    """Share of `part`'s words found in `whole` (1.0 for an empty part)."""
    return len(part & whole) / len(part) if part else 1.0
