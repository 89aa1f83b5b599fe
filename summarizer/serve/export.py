"""The reviewed briefing as Markdown, as Word (.docx, python-docx) and as JSON with the decisions.

What is exported is what the editor kept: rejected items are left out, edited items carry the
editor's wording, moved items stand in their new section, items the editor added are marked as such,
and items still waiting for a decision are listed under "Cần kiểm tra". Each item keeps its source
sentence numbers and its evidence (the source's own clauses); the figures of the kept items form a
table. The lead is rebuilt by code (ground/lead.py) from the kept, grounded items, so a rejected
item's figure cannot stay in it.
"""

from __future__ import annotations

import io
import json

from summarizer.core.schema import SECTIONS, Item
from summarizer.core.text import xml_safe
from summarizer.ground.lead import build_lead
from summarizer.render.markdown import KIND_LABELS, SECTION_TITLES, md_code, md_text
from summarizer.render.verification import shown
from summarizer.review import Reviewed, ReviewedItem, as_json

SECTION_LABELS = dict(SECTION_TITLES)


def reviewed_lead(reviewed: Reviewed) -> str:
    """The lead of the reviewed briefing: built like the machine's from its kept items (the editor's
    wording, grounded machine items and the editor's own additions; rejected ones gone)."""
    def as_item(i: ReviewedItem) -> Item:
        status = i.machine.status if i.machine is not None else "grounded"  # an addition is the source's text
        return Item(text=i.text, sentences=i.sentences, cited=i.sentences, evidence=i.evidence, figures=i.figures,
                    status=status, placement=i.machine.placement if i.machine is not None else "agreed")

    copy = reviewed.briefing.model_copy(update={s: [as_item(i) for i in reviewed.sections[s]] for s in SECTIONS})
    return build_lead(copy)


def marks(i: ReviewedItem) -> list[str]:
    """What the editor did to an item, in Vietnamese, for the exports and the page."""
    out = []
    if i.origin == "editor":
        out.append("biên tập viên thêm")
    if i.edited:
        out.append("biên tập viên sửa")
    if i.machine_section and i.machine_section != i.section and i.machine_section != "review" and i.origin == "machine":
        out.append(f"chuyển từ mục {SECTION_LABELS[i.machine_section]}")
    if i.state == "accepted" and i.origin == "machine":
        out.append("đã duyệt")
    return out


def _quote(i: ReviewedItem) -> str:
    return " … ".join(e.text for e in i.evidence)


def to_markdown(reviewed: Reviewed) -> str:
    """The reviewed briefing as Markdown; model, editor and source text escaped (render.markdown.md_text)."""
    b = reviewed.briefing
    out = [f"# {md_text(b.title)}", ""]
    if lead := reviewed_lead(reviewed):
        out += [f"**{md_text(lead)}**", ""]
    out += [f"- **{label}:** {md_text(value)}" for label, value in
            (("Địa phương", b.locality), ("Kỳ báo cáo", b.period), ("Cuộc họp", b.meeting)) if value]
    out.append("")

    def block(n: int, i: ReviewedItem) -> list[str]:
        cites = ", ".join(map(str, i.sentences))
        line = f"{n}. {md_text(shown(i.text))}" + (f" *(câu {cites})*" if cites else "")
        if m := marks(i):
            line += f" _({md_text('; '.join(m))})_"
        lines = [line]
        figures = [md_text(f.raw) for f in i.figures if f.error is None]
        if figures:
            lines.append(f"   - Số liệu: {', '.join(figures)}")
        if (quoted := _quote(i)) and quoted.strip() != i.text.strip():
            lines.append(f"   > {md_text(quoted)}")
        return lines

    for section in SECTIONS:
        out += [f"## {SECTION_LABELS[section]}", ""]
        items = reviewed.sections[section]
        if not items:
            out.append("_Không còn mục nào._")
        for n, i in enumerate(items, 1):
            out += block(n, i)
        out.append("")
    if reviewed.review:
        out += ["## Cần kiểm tra", "", "_Các ý chỉ mô hình đề xuất, biên tập viên chưa quyết định._", ""]
        for n, i in enumerate(reviewed.review, 1):
            out += block(n, i)
        out.append("")
    people = [p for p in b.people]
    out += ["## Nhân vật", ""]
    if not people:
        out.append("_Bài không nêu tên ai._")
    for p in people:
        titles = f", {', '.join(md_text(t) for t in p.titles)}" if p.titles else ""
        flag = " **⚠ không có trong bài**" if p.status != "grounded" else ""
        out.append(f"- {md_text(p.name)}{titles} ({KIND_LABELS[p.kind]}){flag}")
    out += ["", "---", _review_line(reviewed)]
    p = b.provenance
    out.append(f"Nguồn: {md_code(p.source)} (sha256 {p.sha256[:12]}), mô hình {md_code(p.model)}, "
               f"prompt {md_code(p.prompt_version)}.")
    return "\n".join(out) + "\n"


def _review_line(reviewed: Reviewed) -> str:
    added = sum(i.origin == "editor" for _, i in reviewed.kept())
    return (f"Biên tập: {reviewed.decided} mục đã quyết định, {len(reviewed.rejected)} mục bỏ, {added} mục thêm; "
            f"còn {reviewed.open_checks} mục cần kiểm tra.")


def to_json(reviewed: Reviewed) -> str:
    """The machine's briefing, every decision, and the reviewed items (review.as_json), as JSON text."""
    return json.dumps(as_json(reviewed), ensure_ascii=False, indent=2) + "\n"


def to_docx(reviewed: Reviewed) -> bytes:
    """The reviewed briefing as a Word document: the title as a heading, the lead in bold, a heading
    per section with its numbered items, each item's evidence as an indented quotation with its
    sentence numbers, the figures of the kept items as a table, the people, and the review line.
    Raises ImportError when python-docx (the [docx] extra) is missing."""
    import docx
    from docx.shared import Pt

    # every string is passed through xml_safe: a briefing or a decision written before the decision
    # validator stripped control characters (or a NAME.json edited by hand) must still export
    _x = xml_safe

    b = reviewed.briefing
    d = docx.Document()
    d.core_properties.title = _x(b.title)
    d.core_properties.language = "vi-VN"
    d.add_heading(_x(b.title), level=0)
    if lead := reviewed_lead(reviewed):
        d.add_paragraph().add_run(_x(lead)).bold = True
    for label, value in (("Địa phương", b.locality), ("Kỳ báo cáo", b.period), ("Cuộc họp", b.meeting)):
        if value:
            p = d.add_paragraph()
            p.add_run(f"{label}: ").bold = True
            p.add_run(_x(value))

    def item(n: int, i: ReviewedItem) -> None:
        p = d.add_paragraph()
        p.paragraph_format.left_indent = Pt(18)
        p.paragraph_format.first_line_indent = Pt(-18)
        p.add_run(f"{n}. ")
        p.add_run(_x(shown(i.text)))
        note = "; ".join(([f"câu {', '.join(map(str, i.sentences))}"] if i.sentences else []) + marks(i))
        if note:
            p.add_run(_x(f" ({note})")).italic = True
        if (quoted := _quote(i)) and quoted.strip() != i.text.strip():
            q = d.add_paragraph(style="Quote")
            q.paragraph_format.left_indent = Pt(36)
            q.add_run(_x(f"“{quoted}”"))

    for section in SECTIONS:
        d.add_heading(SECTION_LABELS[section], level=1)
        items = reviewed.sections[section]
        if not items:
            d.add_paragraph("Không còn mục nào.").runs[0].italic = True
        for n, i in enumerate(items, 1):
            item(n, i)
    if reviewed.review:
        d.add_heading("Cần kiểm tra", level=1)
        for n, i in enumerate(reviewed.review, 1):
            item(n, i)
    rows = [(SECTION_LABELS[s], i.text, f) for s, i in reviewed.kept() for f in i.figures if f.error is None]
    if rows:
        d.add_heading("Số liệu", level=1)
        table = d.add_table(rows=1, cols=4)
        table.style = "Table Grid"
        for cell, text in zip(table.rows[0].cells, ("Mục", "Số liệu", "Đo", "Ý")):
            cell.text = text
            cell.paragraphs[0].runs[0].bold = True
        for section, text, f in rows:
            cells = table.add_row().cells
            for cell, value in zip(cells, (section, f.raw, _MEASURES.get(f.measures or "", ""), text)):
                cell.text = _x(value)
    d.add_heading("Nhân vật", level=1)
    if not b.people:
        d.add_paragraph("Bài không nêu tên ai.")
    for person in b.people:
        titles = f", {', '.join(person.titles)}" if person.titles else ""
        flag = " ⚠ không có trong bài" if person.status != "grounded" else ""
        d.add_paragraph(_x(f"{person.name}{titles} ({KIND_LABELS[person.kind]}){flag}"), style="List Bullet")
    d.add_paragraph(_x(_review_line(reviewed))).runs[0].italic = True
    p = b.provenance
    d.add_paragraph(_x(f"Nguồn: {p.source} (sha256 {p.sha256[:12]}), mô hình {p.model}, prompt {p.prompt_version}."))
    out = io.BytesIO()
    d.save(out)
    return out.getvalue()


_MEASURES = {"plan": "% kế hoạch", "year_on_year": "so với cùng kỳ", "change": "tăng/giảm", "share": "tỷ lệ",
             "amount": "giá trị"}
