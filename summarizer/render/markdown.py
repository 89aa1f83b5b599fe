"""A briefing as Markdown an editor can read and paste: every item with its source sentence numbers,
key figures, and a visible flag where the source does not back it."""

from __future__ import annotations

from summarizer.core.schema import Briefing, Item
from summarizer.render.verification import SECTION_TITLES, verification_line
KIND_LABELS = {"official": "cán bộ", "reporter": "phóng viên", "other": "khác"}
STATUS_LABELS = {"misattributed": "⚠ dẫn chứng không khớp", "invented": "⚠ không có trong bài"}


def _item(n: int, item: Item) -> list[str]:
    cites = ", ".join(str(s) for s in item.sentences)
    line = f"{n}. {item.text} *(câu {cites})*"
    if item.status != "grounded":
        line += f" **{STATUS_LABELS[item.status]}**"
    if item.found_by == "rules":
        line += " _(câu nguồn, máy bổ sung)_"
    if item.placement == "review" and item.proposed:
        line += f" **⚠ mô hình đề xuất: {SECTION_TITLES[item.proposed]}**"
    lines = [line]
    figures = [f.raw for f in item.figures if f.error is None]
    if figures:
        lines.append(f"   - Số liệu: {', '.join(figures)}")
    quoted = " … ".join(e.text for e in item.evidence)  # clauses of the source, in its order
    if quoted and quoted.strip() != item.text.strip():
        lines.append(f"   > {quoted}")
    for problem in item.problems:
        if item.status != "grounded" or item.placement == "review":
            lines.append(f"   - Kiểm tra: {problem}")
    return lines


def to_markdown(b: Briefing) -> str:
    out = [f"# {b.title}", ""]
    meta = [("Địa phương", b.locality), ("Kỳ báo cáo", b.period), ("Cuộc họp", b.meeting)]
    out += [f"- **{label}:** {value}" for label, value in meta if value]
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
        titles = f", {', '.join(p.titles)}" if p.titles else ""
        flag = " **⚠ không có trong bài**" if p.status != "grounded" else ""
        out.append(f"- {p.name}{titles} ({KIND_LABELS[p.kind]}){flag}")
    out.append("")
    f = b.flags
    out.append("---")
    out.append(verification_line(f))
    for note in f.notes:
        out.append(f"- {note}")
    p = b.provenance
    out.append(
        f"Nguồn: `{p.source}` (sha256 {p.sha256[:12]}), mô hình `{p.model}`, prompt `{p.prompt_version}`, "
        f"{p.usage.prompt_tokens}+{p.usage.completion_tokens} token."
    )
    return "\n".join(out) + "\n"
