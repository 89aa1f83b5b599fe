"""A briefing as one self-contained HTML page: the briefing beside the source, each item linked to its
evidence. Clicking an item highlights its evidence (clauses or sentences) in the source and scrolls them into view.
No network, no external assets: the CSS and the few lines of JS are inline."""

from __future__ import annotations

from html import escape

from summarizer.core.document import Document
from summarizer.core.figures import vietnamese_number
from summarizer.core.schema import Briefing, Item
from summarizer.ground.lead import lead_of
from summarizer.render.markdown import KIND_LABELS, SECTION_TITLES, STATUS_LABELS
from summarizer.render.verification import RULES_MARK, in_vietnamese, moved_note, shown
from summarizer.render.verification import verification_line
from summarizer.structure import scope

CSS = """
:root{--ach:#1b7f3b;--sho:#b3261e;--tas:#1f5fa8;--bg:#fff;--fg:#1d1d1f;--muted:#666}
*{box-sizing:border-box}body{margin:0;font:16px/1.55 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--fg);background:var(--bg)}
header{padding:1rem 1.25rem;border-bottom:1px solid #ddd}h1{font-size:1.35rem;margin:0 0 .4rem}
.lead{font-weight:600;margin:0 0 .4rem;max-width:75rem}
.meta{color:var(--muted);font-size:.92rem;margin:0}.meta b{color:var(--fg)}
body{display:flex;flex-direction:column;height:100vh}header{flex:none}
main{display:grid;grid-template-columns:minmax(0,1fr) minmax(0,1fr);gap:0;flex:1;min-height:0}
#briefing,#source{overflow-y:auto;padding:1rem 1.25rem}#source{border-left:1px solid #ddd;background:#fafafa}
#source .text{white-space:pre-wrap}h2{font-size:1.1rem;margin:1.2rem 0 .4rem}
ol{padding-left:1.4rem;margin:.2rem 0}li.item{margin:.35rem 0;padding:.2rem .4rem;border-left:4px solid transparent;cursor:pointer;border-radius:3px}
li.item:hover,li.item.active{background:#f0f0f0}.achievements li.item{border-color:var(--ach)}
.shortfalls li.item{border-color:var(--sho)}.tasks li.item{border-color:var(--tas)}
.cite{color:var(--muted);font-size:.85rem}.flag{color:#8a4b00;font-weight:600;font-size:.85rem}
.rules,.moved{color:var(--muted);font-style:italic;font-size:.85rem}
.sent{border-radius:3px}.hl{outline:2px solid currentColor}
.hl.achievements{background:#d8f3df;color:#0b3d1c}.hl.shortfalls{background:#fbdcd9;color:#5c130e}
.hl.tasks{background:#dbe8f8;color:#0d2f57}.noise{color:#aaa}
.sent:not([data-role=body]){color:#777}
.sent:not([data-role=body])::before{content:attr(data-label);font-size:.7em;background:#eee;color:#555;padding:0 .3em;margin-right:.3em;border-radius:3px}
table{border-collapse:collapse;font-size:.88rem;width:100%}td,th{border:1px solid #ddd;padding:.25rem .4rem;text-align:left}
.empty{color:var(--muted);font-style:italic}footer{color:var(--muted);font-size:.8rem;margin-top:1.5rem}
@media (max-width:760px){body{display:block;height:auto}main{display:block;height:auto}#source{border-left:0;border-top:1px solid #ddd;max-height:70vh}}
"""

JS = """
document.querySelectorAll('li.item').forEach(function(li){
  li.addEventListener('click',function(){
    document.querySelectorAll('.hl').forEach(function(s){s.classList.remove('hl','achievements','shortfalls','tasks')});
    document.querySelectorAll('li.item.active').forEach(function(x){x.classList.remove('active')});
    li.classList.add('active');
    var first=null;
    li.dataset.evidence.split(' ').forEach(function(id){
      var s=document.getElementById(id); if(!s) return;
      s.classList.add('hl',li.dataset.section); if(!first) first=s;
    });
    if(first) first.scrollIntoView({block:'center',behavior:'instant'});
  });
});
"""


# What the editor reads for a sentence's role and a figure's measure (the JSON keeps the English codes).
ROLE_LABELS = {"headline": "tiêu đề", "opening": "mở đầu", "body": "nội dung", "heading": "đề mục",
               "caption": "chú thích ảnh", "byline": "tác giả", "furniture": "phần trang"}
MEASURE_LABELS = {"amount": "giá trị", "plan": "so với kế hoạch", "year_on_year": "so với cùng kỳ",
                  "change": "mức tăng/giảm", "share": "tỷ lệ"}


def _item(section: str, item: Item, doc: Document) -> str:
    sentences = " ".join(str(n) for n in item.sentences)
    evidence = " ".join(evidence_ids(item, doc))
    problems = "; ".join(in_vietnamese(p) for p in item.problems)
    parts = [escape(shown(item.text)), f' <span class="cite">(câu {escape(", ".join(map(str, item.sentences)))})</span>']
    if item.status != "grounded":
        parts.append(f' <span class="flag" title="{escape(problems)}">{STATUS_LABELS[item.status]}</span>')
    if item.found_by == "rules":
        parts.append(f' <span class="rules">{RULES_MARK}</span>')
    if moved := moved_note(item):
        parts.append(f' <span class="moved">{escape(moved)}</span>')
    if item.placement == "review" and item.proposed:
        parts.append(f' <span class="flag" title="{escape(problems)}">⚠ mô hình đề xuất: '
                     f'{escape(SECTION_TITLES[item.proposed])}</span>')
    return (f'<li class="item" tabindex="0" data-section="{section}" data-sentences="{sentences}" '
            f'data-evidence="{evidence}" data-status="{item.status}">{"".join(parts)}</li>')


def _source(doc: Document) -> str:
    """The report with every sentence in a span (id s-N, its role in data-role), every clause of it in a
    span of its own (id c-START, START its offset in the text) and the noise left visible but dimmed."""
    by_sentence = scope.by_sentence(doc)
    marks = sorted([(s.start, s.end, s) for s in doc.sentences] + [(a, b, None) for a, b in doc.noise],
                   key=lambda m: (m[0], m[1]))
    out, cursor = [], 0
    for start, end, sentence in marks:
        if start < cursor:
            continue  # a header stripped from a sentence's line overlaps nothing; never nest
        out.append(escape(doc.text[cursor:start]))
        if sentence is None:
            out.append(f'<span class="noise">{escape(doc.text[start:end])}</span>')
        else:
            out.append(_sentence(doc, sentence, by_sentence.get(sentence.number, [])))
        cursor = end
    out.append(escape(doc.text[cursor:]))
    return "".join(out)


def _sentence(doc: Document, sentence, clauses) -> str:
    inner, pos = [], sentence.start
    for c in sorted(clauses, key=lambda c: c.start):
        if c.start < pos or (c.start, c.end) == (sentence.start, sentence.end):
            continue  # a clause that is the whole sentence needs no span of its own
        inner.append(escape(doc.text[pos:c.start]))
        inner.append(f'<span class="clause" id="c-{c.start}">{escape(doc.text[c.start:c.end])}</span>')
        pos = c.end
    inner.append(escape(doc.text[pos:sentence.end]))
    return (f'<span class="sent" id="s-{sentence.number}" data-role="{sentence.role}" '
            f'data-label="{ROLE_LABELS[sentence.role]}">{"".join(inner)}</span>')


def evidence_ids(item: Item, doc: Document) -> list[str]:
    """The element ids of an item's evidence in the source view: its clauses, or whole sentences."""
    ids = []
    for ev in item.evidence:
        whole = doc.sentence(ev.sentence)
        ids.append(f"s-{ev.sentence}" if (ev.start, ev.end) == (whole.start, whole.end) else f"c-{ev.start}")
    return ids


def _indicators(b: Briefing) -> str:
    rows = []
    for section, item in b.items():
        for f in item.figures:
            value = "" if f.value is None else (vietnamese_number(f.value) + (
                f"–{vietnamese_number(f.upper)}" if f.upper is not None else "") + (
                f"/{vietnamese_number(f.denominator)}" if f.denominator else ""))
            base = "" if f.base_value is None else " ".join(filter(None, (vietnamese_number(f.base_value) + (
                f"–{vietnamese_number(f.base_upper)}" if f.base_upper is not None else ""), f.base_unit,
                f"({f.implied} hiểu ngầm)" if f.implied else "")))
            rows.append(f"<tr><td>{escape(SECTION_TITLES[section])}</td><td>{escape(f.raw)}</td><td>{escape(value)}</td>"
                        f"<td>{escape(f.unit or '')}</td><td>{escape(base)}</td><td>{escape(MEASURE_LABELS.get(f.measures or '', f.measures or ''))}</td>"
                        f"<td>{escape(f.error or '')}</td></tr>")
    if not rows:
        return '<p class="empty">Không có số liệu.</p>'
    return ("<table><thead><tr><th>Mục</th><th>Số liệu</th><th>Giá trị</th><th>Đơn vị</th><th>Quy đổi</th><th>Đo</th>"
            "<th>Lỗi</th></tr></thead>"
            f"<tbody>{''.join(rows)}</tbody></table>")


def to_html(b: Briefing, doc: Document) -> str:
    meta = " · ".join(f"<b>{label}:</b> {escape(value)}" for label, value in
                      (("Địa phương", b.locality), ("Kỳ báo cáo", b.period), ("Cuộc họp", b.meeting)) if value)
    body = []
    for section, heading in SECTION_TITLES.items():
        items = getattr(b, section)
        body.append(f'<section class="{section}"><h2>{heading}</h2>')
        body.append(f"<ol>{''.join(_item(section, i, doc) for i in items)}</ol>" if items else '<p class="empty">Bài không nêu.</p>')
        body.append("</section>")
    if b.review:
        body.append('<section class="review"><h2>Cần kiểm tra</h2>')
        body.append(f"<ol>{''.join(_item(i.proposed or 'review', i, doc) for i in b.review)}</ol></section>")
    people = "".join(
        f"<li>{escape(p.name)}{escape(', ' + ', '.join(p.titles)) if p.titles else ''} ({KIND_LABELS[p.kind]})"
        + (' <span class="flag">⚠ không có trong bài</span>' if p.status != "grounded" else "") + "</li>"
        for p in b.people)
    body.append(f"<h2>Nhân vật</h2>{'<ul>' + people + '</ul>' if people else '<p class=empty>Bài không nêu tên ai.</p>'}")
    body.append(f"<h2>Số liệu</h2>{_indicators(b)}")
    f, p = b.flags, b.provenance
    body.append(
        f"<footer>{escape(verification_line(f))}"
        + (f"<ul>{''.join(f'<li>{escape(in_vietnamese(note))}</li>' for note in f.notes)}</ul>" if f.notes else " ")
        + f"Nguồn: {escape(p.source)} (sha256 {p.sha256[:12]}), mô hình "
        f"{escape(p.model)}, prompt {escape(p.prompt_version)}.</footer>")
    lead = f'<p class="lead">{escape(text)}</p>' if (text := lead_of(b)) else ""
    return f"""<!doctype html>
<html lang="vi"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<title>{escape(b.title)}</title><style>{CSS}</style></head>
<body><header><h1>{escape(b.title)}</h1>{lead}<p class="meta">{meta}</p></header>
<main><div id="briefing">{''.join(body)}</div>
<div id="source"><h2>Bài gốc</h2><div class="text">{_source(doc)}</div></div></main>
<script>{JS}</script></body></html>
"""


def source_html(doc: Document) -> str:
    """The report as the source view shows it (sentences with ids s-N and roles, clauses with ids c-START,
    noise dimmed), HTML-escaped; its text content is exactly `doc.text`. For pages that show the source
    beside something else (the workspace)."""
    return _source(doc)
