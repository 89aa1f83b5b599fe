"""The lead (sapo) an editor pastes above a story: two or three sentences built by code from the
briefing's grounded items, never written by the model.

1. The locality and period, then the headline figures: the achievements that state an amount (or a
   share such as "370/400 đảng viên") with its % of plan and % year on year, those stating both
   first, then in the report's order; at most two.
2. "Hạn chế chính: …" — the first grounded shortfall the report states, before a setting it met ("Mặc dù gặp
   khó khăn do thiên tai, …", "Trong bối cảnh …": used only when there is no other).
3. "Nhiệm vụ trọng tâm: …" — the first grounded task that opens with a task verb and is the locality's own
   (not a request to a higher level nor what voters raise), else the first that opens with a task verb,
   else the first.

Every phrase is a stretch of an item's own text (cut at a clause boundary when long), so every
figure the lead states occurs in the item it comes from; only items whose status is `grounded` are
used, so every figure is backed by the source. A briefing with no grounded item gets no lead ("").
"""

from __future__ import annotations

import re

from summarizer.core.schema import Briefing, Figure, Item
from summarizer.structure.scope import opens_a_task, opens_with_a_setting

MAX_PHRASE = 170  # characters of one phrase: a lead is read at a glance
MAX_RESULTS = 260  # characters of the headline figures together (the second is left out past this)

# what opens an item but leads nowhere out of context: a byline's agency ("BBK - "), a connector
# ("Theo đó, …", "Tuy nhiên …"), a label ("Hạn chế: …")
_OPENER = re.compile(
    r"^(?:[A-ZĐ]{2,5}\s*[-–]\s+|[-–•+*]\s*|[a-zđ1-9][.)]\s+|(?:theo báo cáo|báo cáo cho biết),?\s*"
    r"|(?:theo đó|bên cạnh đó|bên cạnh (?:những )?kết quả đạt được|ngoài ra|đồng thời|tuy nhiên|tuy vậy|nhìn chung|"
    r"cụ thể|trong đó|qua tìm hiểu cho thấy|mặt khác)\b,?\s*"
    r"|(?:hạn chế|khó khăn|tồn tại|nhiệm vụ|giải pháp)(?: [\w ,]{0,30})?:\s*)", re.I)
# the list an item introduces ("… nhiệm vụ trọng tâm 6 tháng cuối năm như: Tập trung …")
_LIST = re.compile(r"(?:như|gồm|là|sau)?\s*:\s+")
_BOUNDARY = re.compile(r"[,;]\s+")
_REQUEST = re.compile(r"(?:đề nghị|kiến nghị|đề xuất)\b", re.I)
# a request to a higher level or what voters raise, however it opens ("Tăng cường hỗ trợ của tỉnh …", "… cử tri kiến nghị
# …"): not the locality's own task
_UPWARD = re.compile(r"\b(?:cử tri|kiến nghị|đề nghị (?:tỉnh|thành phố|trung ương|bộ|các bộ)|(?:tỉnh|thành phố|trung ương|cấp "
                     r"trên) (?:quan tâm|hỗ trợ|xem xét|bố trí|sớm))\b", re.I)
_TRAILING = re.compile(r"[\s.;:,/…]+$")
# words that keep their capital inside a sentence (Đảng, Nhà nước, Nhân dân, Quốc hội, …)
_KEEP_CAPITAL = {"Đảng", "Nhà", "Nhân", "Bác", "Chính", "Quốc", "Trung", "Tổ", "Mặt", "Thủ", "Bộ", "Sở", "Ban",
                 "Ủy", "Uỷ", "Hội", "HĐND", "UBND", "MTTQ"}


def build_lead(b: Briefing) -> str:
    """The briefing's lead: up to three Vietnamese sentences (see the module's docstring), or "" when
    no item is grounded. Reads only `b`'s locality, period and grounded section items; raises nothing."""
    def grounded(items: list[Item]) -> list[Item]:
        return [i for i in items if i.status == "grounded"]

    achievements, shortfalls, tasks = grounded(b.achievements), grounded(b.shortfalls), grounded(b.tasks)
    results = _headline_figures(achievements)
    if not results and achievements:
        # no figure to lead with: the result model and code agree on, else the first
        first = next((i for i in achievements if i.placement == "agreed"), achievements[0])
        results = [_gist(first.text)]
    if b.period:  # "Huyện X, năm 2024: năm 2024, thu ngân sách …" says the period twice
        said = re.compile(rf"(?:trong )?{re.escape(b.period)}\s*,\s*", re.I)
        results = [said.sub("", r, count=1) if said.match(r) else r for r in results]
    context = ", ".join(x for x in (b.locality, b.period) if x)
    sentences = []
    if results:
        sentences.append(f"{context}: " + "; ".join(_inside(r) for r in results) if context
                         else "; ".join([results[0]] + [_inside(r) for r in results[1:]]))
        context = ""
    if shortfalls:
        # a shortfall the report states before a setting it worked in ("Mặc dù gặp khó khăn do thiên tai, …")
        main = next((i for i in shortfalls if not opens_with_a_setting(_gist(i.text))), shortfalls[0])
        sentences.append(_labelled(context, "hạn chế chính", _gist(main.text)))
        context = ""
    # the locality's own task: one that opens with a task verb, not a request to a higher level
    opening = [i for i in tasks if opens_a_task(_gist(i.text)) and not _REQUEST.match(_gist(i.text))]
    task = next((i for i in opening if not _UPWARD.search(i.text)), opening[0] if opening else tasks[0] if tasks else None)
    if task is not None:
        sentences.append(_labelled(context, "nhiệm vụ trọng tâm", _gist(task.text)))
    if not sentences:
        return ""
    return " ".join(_capital(s) + ("" if s.endswith("…") else ".") for s in sentences)


def lead_of(b: Briefing) -> str:
    """The lead to show: the briefing's own, or built now for a briefing written before leads were."""
    return b.lead or build_lead(b)


def _labelled(context: str, label: str, phrase: str) -> str:
    """"Hạn chế chính: …", or "Huyện X, năm 2024, hạn chế chính: …" when nothing came before."""
    return f"{context}, {label}: {_inside(phrase)}" if context else f"{label}: {_inside(phrase)}"


def _headline_figures(items: list[Item]) -> list[str]:
    """Phrases of at most two items that state a quantity with its % of plan or year on year."""
    candidates = []
    for order, item in enumerate(items):
        figures = [f for f in item.figures if f.error is None]
        plan = any(f.measures == "plan" for f in figures)
        yoy = any(f.measures == "year_on_year" for f in figures)
        base = next((f for f in figures if _is_base(f)), None)
        if plan or yoy:
            candidates.append((-(plan + yoy), base is None, order, item, base, figures))
    candidates.sort(key=lambda c: c[:3])
    phrases: list[str] = []
    for *_, item, base, figures in candidates[:2]:
        phrase = _figure_phrase(item.text, base, [f for f in figures if f.measures in ("plan", "year_on_year")])
        if not phrases or len(phrases[0]) + len(phrase) <= MAX_RESULTS:
            phrases.append(phrase)
    return phrases


def _is_base(f: Figure) -> bool:
    """An amount ("304 tỷ đồng", "28.300 tấn") or a share of a whole ("370/400 đảng viên")."""
    return (f.measures == "amount" and f.unit != "%") or f.denominator is not None


def _figure_phrase(text: str, base: Figure | None, percents: list[Figure]) -> str:
    """The item's text around its headline figure: whole when short; otherwise the clauses from the
    one stating the quantity (and its subject, when that clause opens with the verb) to the last
    one stating its % of plan or year on year."""
    text = _strip(text)
    if len(text) <= MAX_PHRASE:
        return text
    spans = _clauses(text)
    raws = ([base.raw] if base else []) + [f.raw for f in percents]
    at = [next((k for k, (a, b) in enumerate(spans) if raw in text[a:b]), None) for raw in raws]
    at = [k for k in at if k is not None]
    if not at:
        return _gist(text)
    first, last = min(at), max(at)
    if first and re.match(r"(?:ước |chỉ |mới )?(?:đạt|bằng|tăng|giảm|vượt|chiếm)\b", text[spans[first][0]:], re.I):
        first -= 1  # "…, giá trị sản xuất | đạt 7,5 tỷ đồng": the subject is in the clause before
    phrase = _TRAILING.sub("", text[spans[first][0] : spans[last][1]])
    return phrase if phrase.count("(") == phrase.count(")") else _gist(text)


def _clauses(text: str) -> list[tuple[int, int]]:
    """Spans of the text between ", " and "; " (a number's own comma, "43,5", has no space after it)."""
    spans, start = [], 0
    for m in _BOUNDARY.finditer(text):
        spans.append((start, m.start()))
        start = m.end()
    spans.append((start, len(text)))
    return spans


def _gist(text: str) -> str:
    """An item's text without its opener, from a task's list when it introduces one, cut at a clause
    boundary to at most MAX_PHRASE characters (an ellipsis then says so)."""
    text = _strip(text)
    m = _LIST.search(text)
    if m and not opens_a_task(text) and opens_a_task(text[m.end():]):
        text = text[m.end():]  # "đề ra những nhiệm vụ trọng tâm như: Tập trung …" → "Tập trung …"
    if len(text) <= MAX_PHRASE:
        return text
    cut = max((m.start() for m in _BOUNDARY.finditer(text, 0, MAX_PHRASE)), default=0)
    if cut < MAX_PHRASE // 2:  # no clause boundary late enough to keep the point: at a word
        cut = text.rfind(" ", 0, MAX_PHRASE)
    if text[:cut].count("(") > text[:cut].count(")"):  # never leave a parenthesis open
        cut = text.rfind("(", 0, cut)
    return _TRAILING.sub("", text[:cut]) + "…"


def _strip(text: str) -> str:
    text = " ".join(text.split())
    while m := _OPENER.match(text):
        text = text[m.end():]
    return _TRAILING.sub("", text)


def _capital(sentence: str) -> str:
    return sentence[:1].upper() + sentence[1:]


def _inside(phrase: str) -> str:
    """A phrase as it reads after a colon or semicolon: a common word's capital lowered ("Tổng giá
    trị …" → "tổng giá trị …"), a name's kept ("Đảng bộ …", "Pác Nặm …", "HĐND …")."""
    words = phrase.split(" ", 2)
    first = words[0]
    if (first[:1].isupper() and first[1:].islower() and first not in _KEEP_CAPITAL
            and (len(words) == 1 or not words[1][:1].isupper())):
        return first[:1].lower() + phrase[1:]
    return phrase
