"""Small text measures shared by grounding and eval: number tokens and word overlap."""

from __future__ import annotations

import re
import unicodedata
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


# No-break, narrow and other Unicode spaces read as spaces; invisible characters (below) read as nothing.
# source/read.py applies it when reading a report.
def _chars(*ranges: tuple[int, int]) -> str:
    return "".join(chr(c) for first, last in ranges for c in range(first, last + 1))


# Unicode's format characters (category Cf: soft hyphen, zero-width and joiners, direction marks,
# embeddings, overrides and isolates, word joiner and invisible operators, BOM, Mongolian vowel
# separator, Arabic letter mark, interlinear annotation, tags) plus the combining grapheme joiner and
# variation selectors: none is visible, and any of them inside a name or number cuts it in two.
_INVISIBLE = _chars((0xAD, 0xAD), (0x34F, 0x34F), (0x61C, 0x61C), (0x180E, 0x180E), (0x200B, 0x200F),
                    (0x202A, 0x202E), (0x2060, 0x2064), (0x2066, 0x206F), (0xFE00, 0xFE0F), (0xFEFF, 0xFEFF),
                    (0xFFF9, 0xFFFB), (0xE0001, 0xE0001), (0xE0020, 0xE007F), (0xE0100, 0xE01EF))
_SPACES = str.maketrans({
    **{ch: " " for ch in "\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a"
                         "\u202f\u205f\u3000"},
    **{ch: None for ch in _INVISIBLE},
})


# what XML 1.0 cannot hold (a .docx is XML: lxml refuses these): C0 controls but tab and newlines,
# lone surrogates, U+FFFE and U+FFFF
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
# bidirectional controls: they can make a name display as another ("…exe.txt" shown as "…txt.exe")
BIDI_CONTROLS = re.compile("[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def xml_safe(text: str) -> str:
    """`text` without the characters an XML document (a .docx) cannot store."""
    return _NOT_XML.sub("", text)


def plain(text: str) -> str:
    """`text` with invisible characters removed and every space a plain space (see _SPACES)."""
    return text.translate(_SPACES)


def _unmarked(ch: str) -> str:
    if ch in "đĐ":
        return "d" if ch == "đ" else "D"
    base = unicodedata.normalize("NFD", ch)[0]
    return base if base.isascii() else ch


# Every Latin letter with marks (the Vietnamese ones among them) → the letter without them
_WITHOUT_MARKS = str.maketrans({ch: _unmarked(ch) for ch in map(chr, [*range(0xC0, 0x250), *range(0x1E00, 0x1F00)])
                                if _unmarked(ch) != ch})


def without_marks(text: str) -> str:
    """`text` (NFC) with the marks taken off its Latin letters, "Bỏ qua hướng dẫn" → "Bo qua huong dan",
    one character for one: a match found in the result is at the same place in `text`."""
    return text.translate(_WITHOUT_MARKS)


# The five tone marks. Old and new placement put them on different vowels of oa, oe, uy (hoà/hòa,
# khoẻ/khỏe, thuỷ/thủy, uỷ ban/ủy ban): the Ministry of Education's 1984 rule and the traditional
# one are both in use, often in one report, so a word's key holds its letters and its tone apart.
_TONE_MARKS = {"\u0300": "`", "\u0301": "'", "\u0303": "~", "\u0309": "?", "\u0323": "."}


@lru_cache(maxsize=65536)
def _word_key(word: str) -> str:
    letters, tones = [], []
    for ch in unicodedata.normalize("NFD", word.casefold()):
        (tones if ch in _TONE_MARKS else letters).append(_TONE_MARKS.get(ch, ch))
    return unicodedata.normalize("NFC", "".join(letters)) + "".join(tones)


def canonical(text: str) -> str:
    """A key for comparing Vietnamese names, titles and places whatever the tone placement, case,
    spacing or invisible characters: canonical("Lê Văn Thuỷ") == canonical("lê  văn thủy").

    Words (runs of letters and digits) are joined by one space; each word keeps its letters (with ă â ê ô ơ ư đ) and
    its tone mark is moved to the end. Only for comparing: output keeps the source's own spelling.
    """
    return " ".join(_word_key(w) for w in _WORD.findall(plain(unicodedata.normalize("NFC", text))))


@lru_cache(maxsize=64)
def _word_keys(text: str) -> tuple[tuple[str, int, int], ...]:
    return tuple((_word_key(m.group()), m.start(), m.end()) for m in _WORD.finditer(text))


def find_spelling(phrase: str, text: str) -> str | None:
    """The source's own writing of `phrase` in `text`, matched word by word on canonical keys
    ("Nguyễn Thị Hòa" finds "Nguyễn Thị Hoà"), or None when `text` does not have it as whole words."""
    wanted = canonical(phrase).split()
    if not wanted:
        return None
    words = _word_keys(text)
    for i in range(len(words) - len(wanted) + 1):
        if words[i][0] == wanted[0] and all(words[i + k][0] == w for k, w in enumerate(wanted)):
            return text[words[i][1] : words[i + len(wanted) - 1][2]]
    return None


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
