"""A briefing as Markdown an editor can read and paste: every item with its source sentence numbers,
key figures, and a visible flag where the source does not back it."""

from __future__ import annotations

import re
from urllib.parse import quote

from summarizer.core.schema import Briefing, Item
from summarizer.ground.lead import lead_of
from summarizer.render.verification import RULES_MARK, SECTION_TITLES, in_vietnamese, moved_note, shown, verification_line

KIND_LABELS = {"official": "cán bộ", "reporter": "phóng viên", "other": "khác"}
STATUS_LABELS = {"misattributed": "⚠ dẫn chứng không khớp", "invented": "⚠ không có trong bài"}

# Every character CommonMark (and GFM: tables, strikethrough) gives a meaning inline, and an
# ampersand that would start an entity ("&amp;", "&#169;"): each gets a backslash and reads as itself.
_INLINE_SPECIAL = re.compile(r"[\\`*_\[\]<>#|~]|&(?=#?[A-Za-z0-9]+;)")
# What opens a block at the start of a list item's or quote's text: "1. ", "2) ", "- ", "+ "
# ("1.401,351 tỷ đồng" opens nothing: a marker needs a space after it)
_BLOCK_START = re.compile(r"^(\d{1,9})([.)])(?=[ \t]|$)|^([-+])(?=[ \t]|$)")
_LINE_BREAKS = re.compile(r"\s*[\r\n\v\f\x1c-\x1e\x85\u2028\u2029]+\s*")


def md_text(text: str) -> str:
    """Model or source text as Markdown that renders as exactly that text, wherever this module puts
    it (after a list marker, a quote marker, a label or a heading marker): line breaks become spaces
    (a new line could start a heading, list or table), leading space is dropped (it could start a
    code block), inline syntax and entities are backslash-escaped, and a leading list marker too.
    A `<script>`, `*…*` or `[…](…)` written by the model or found in a report is shown, not obeyed."""
    text = _LINE_BREAKS.sub(" ", text).strip()
    text = _INLINE_SPECIAL.sub(lambda m: "\\" + m.group(), text)
    return _BLOCK_START.sub(lambda m: f"{m.group(1)}\\{m.group(2)}" if m.group(1) else "\\" + m.group(3), text)


def md_code(text: str) -> str:
    """`text` as a code span that holds any backticks it contains, on one line."""
    text = _LINE_BREAKS.sub(" ", text)
    fence = "`" * (max((len(run) for run in re.findall(r"`+", text)), default=0) + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def md_link(text: str, target: str) -> str:
    """A link whose text reads as `text` and whose destination is the relative file name `target`,
    percent-encoded (a `#` would start a fragment, a space or parenthesis end the link)."""
    return f"[{md_text(text)}]({quote(target)})"


def _item(n: int, item: Item) -> list[str]:
    cites = ", ".join(str(s) for s in item.sentences)
    line = f"{n}. {md_text(shown(item.text))} *(câu {cites})*"
    if item.status != "grounded":
        line += f" **{STATUS_LABELS[item.status]}**"
    if item.found_by == "rules":
        line += f" _({RULES_MARK})_"
    if moved := moved_note(item):  # moved by a cue of the source: say from where
        line += f" _({md_text(moved)})_"
    if item.placement == "review" and item.proposed:
        line += f" **⚠ mô hình đề xuất: {SECTION_TITLES[item.proposed]}**"
    lines = [line]
    figures = [md_text(f.raw) for f in item.figures if f.error is None]
    if figures:
        lines.append(f"   - Số liệu: {', '.join(figures)}")
    quoted = " … ".join(e.text for e in item.evidence)  # clauses of the source, in its order
    if quoted and quoted.strip() != item.text.strip():
        lines.append(f"   > {md_text(quoted)}")
    for problem in item.problems:
        if item.status != "grounded" or item.placement == "review":
            lines.append(f"   - Kiểm tra: {md_text(in_vietnamese(problem))}")
    return lines


def to_markdown(b: Briefing) -> str:
    """The briefing as Markdown: every text of the model or the source escaped (md_text), so what
    a CommonMark or GFM renderer shows is that text, never markup it carries."""
    out = [f"# {md_text(b.title)}", ""]
    if lead := lead_of(b):
        out += [f"**{md_text(lead)}**", ""]  # the sapo, bold as a paper sets it
    meta = [("Địa phương", b.locality), ("Kỳ báo cáo", b.period), ("Cuộc họp", b.meeting)]
    out += [f"- **{label}:** {md_text(value)}" for label, value in meta if value]
    out.append("")
    for section, heading in SECTION_TITLES.items():
        items = getattr(b, section)
        out.append(f"## {heading}")
        out.append("")
        if not items:
            out.append("_Bài không nêu._")
        for n, item in enumerate(items, 1):
            out += _item(n, item)
        out.append("")
    if b.review:
        out.append("## Cần kiểm tra")
        out.append("")
        out.append("_Các ý chỉ mô hình đề xuất, bài không có dấu hiệu xác nhận: biên tập viên quyết định giữ hay bỏ._")
        out.append("")
        for n, item in enumerate(b.review, 1):
            out += _item(n, item)
        out.append("")
    out.append("## Nhân vật")
    out.append("")
    if not b.people:
        out.append("_Bài không nêu tên ai._")
    for p in b.people:
        titles = f", {', '.join(md_text(t) for t in p.titles)}" if p.titles else ""
        flag = " **⚠ không có trong bài**" if p.status != "grounded" else ""
        out.append(f"- {md_text(p.name)}{titles} ({KIND_LABELS[p.kind]}){flag}")
    out.append("")
    f = b.flags
    out.append("---")
    out.append(verification_line(f))
    for note in f.notes:
        out.append(f"- {md_text(in_vietnamese(note))}")
    p = b.provenance
    out.append(
        f"Nguồn: {md_code(p.source)} (sha256 {p.sha256[:12]}), mô hình {md_code(p.model)}, prompt {md_code(p.prompt_version)}, "
        f"{p.usage.prompt_tokens}+{p.usage.completion_tokens} token."
    )
    return "\n".join(out) + "\n"
