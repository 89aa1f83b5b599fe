"""One page for a whole batch ("bản tin tổng hợp"): a short block per report, sorted by locality and
period, linking to each full briefing, and an index of the people named across reports.

A report the editor has reviewed (NAME.review.jsonl, summarizer/review.py) is shown as reviewed, as
the workspace's folder view shows it: rejected items left out, edited wording, moved and added items
in their sections, marked as the editor's, and the lead rebuilt from what was kept."""

from __future__ import annotations

import re
from html import escape
from urllib.parse import quote

from summarizer.core.schema import Briefing
from summarizer.ground.lead import lead_of
from summarizer.render.markdown import KIND_LABELS, md_link, md_text

PER_SECTION = 3  # items shown per section in a report's block


def _sort_key(entry: tuple[str, Briefing]) -> tuple:
    _, b = entry
    year = re.search(r"(20\d\d)", b.period or "")
    months = re.match(r"(\d+)", b.period or "")
    return (b.locality or "~", -(int(year.group(1)) if year else 0), -(int(months.group(1)) if months else 0), b.title)


def people_index(entries: list[tuple[str, Briefing]]) -> list[tuple[str, tuple[str, ...], str, list[str]]]:
    """(name, titles, kind, [stems]) — a person with the same name and titles in several reports once."""
    index: dict[tuple[str, tuple[str, ...]], tuple[str, list[str]]] = {}
    for stem, b in entries:
        for p in b.people:
            if p.status != "grounded":
                continue
            key = (p.name, tuple(p.titles))
            kind, stems = index.setdefault(key, (p.kind, []))
            if stem not in stems:
                stems.append(stem)
    return sorted(((n, t, k, s) for (n, t), (k, s) in index.items()), key=lambda row: row[0].split()[-1:] + [row[0]])


_LABELS = (("achievements", "Kết quả"), ("shortfalls", "Hạn chế"), ("tasks", "Nhiệm vụ"))


def _blocks(entries, reviewed=None):
    """(stem, briefing, head, lead, sections, review line) per report; `reviewed` maps a stem to its
    summarizer.review.Reviewed when the editor decided anything."""
    from summarizer.serve.export import marks, reviewed_lead  # no web dependency: python-docx is lazy there

    reviewed = reviewed or {}
    for stem, b in sorted(entries, key=_sort_key):
        head = ", ".join(x for x in (b.locality, b.period) if x)
        r = reviewed.get(stem)
        if r is None:
            sections = [(label, [i.text for i in getattr(b, section)[:PER_SECTION]], len(getattr(b, section)))
                        for section, label in _LABELS]
            yield stem, b, head, lead_of(b), sections, ""
            continue
        sections = []
        for section, label in _LABELS:
            items = r.sections[section]
            texts = [i.text + (f" ({'; '.join(m)})" if (m := marks(i)) else "")
                     for i in items[:PER_SECTION]]
            sections.append((label, texts, len(items)))
        added = sum(i.origin == "editor" for _, i in r.kept())
        line = f"Đã duyệt: {r.decided} quyết định biên tập, {len(r.rejected)} mục bỏ, {added} mục thêm."
        yield stem, b, head, reviewed_lead(r), sections, line


def to_markdown(entries: list[tuple[str, Briefing]], reviewed: dict | None = None) -> str:
    """`digest.md` for (stem, briefing) pairs: text escaped and every link percent-encoded, so a stem
    such as `bao_cao#2` or `báo cáo (1)` links to its own briefing in any CommonMark renderer.
    `reviewed` (stem → summarizer.review.Reviewed): the editor's decisions, shown as applied."""
    out = ["# Bản tin tổng hợp", "", f"{len(entries)} báo cáo.", ""]
    for stem, b, head, lead, sections, line in _blocks(entries, reviewed):
        out += [f"## {md_link(b.title, f'{stem}.md')}", ""]
        if head:
            out += [f"_{md_text(head)}_", ""]
        if line:
            out += [f"_{md_text(line)}_", ""]
        if lead:
            out += [md_text(lead), ""]
        for label, texts, total in sections:
            if texts:
                more = f" (+{total - len(texts)})" if total > len(texts) else ""
                out.append(f"- **{label}:** " + " · ".join(md_text(t) for t in texts) + more)
        out.append("")
    out += ["## Nhân vật", ""]
    for name, titles, kind, stems in people_index(entries):
        links = ", ".join(md_link(s, f"{s}.md") for s in stems)
        shown = md_text(name) + (", " + ", ".join(md_text(t) for t in titles) if titles else "")
        out.append(f"- {shown} ({KIND_LABELS[kind]}): {links}")
    return "\n".join(out) + "\n"


def to_html(entries: list[tuple[str, Briefing]], reviewed: dict | None = None) -> str:
    """`digest.html` for (stem, briefing) pairs: text HTML-escaped, every href percent-encoded;
    `reviewed` as for to_markdown."""
    blocks = []
    for stem, b, head, lead_text, sections, line in _blocks(entries, reviewed):
        rows = "".join(
            f"<li><b>{label}:</b> {escape(' · '.join(texts))}{f' (+{total - len(texts)})' if total > len(texts) else ''}</li>"
            for label, texts, total in sections if texts)
        lead = f'<p class="lead">{escape(lead_text)}</p>' if lead_text else ""
        note = f'<p class="meta">{escape(line)}</p>' if line else ""
        blocks.append(f'<article><h2><a href="{escape(quote(stem + ".html"))}">{escape(b.title)}</a></h2>'
                      f'<p class="meta">{escape(head)}</p>{note}{lead}<ul>{rows}</ul></article>')
    people = "".join(
        f"<li>{escape(name)}{escape(', ' + ', '.join(titles)) if titles else ''} ({KIND_LABELS[kind]}): "
        + ", ".join(f'<a href="{escape(quote(s + ".html"))}">{escape(s)}</a>' for s in stems) + "</li>"
        for name, titles, kind, stems in people_index(entries))
    return f"""<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>Bản tin tổng hợp</title><style>
body{{max-width:60rem;margin:auto;padding:1rem;font:16px/1.55 system-ui,sans-serif}}article{{border-bottom:1px solid #ddd;padding:.5rem 0}}
h2{{font-size:1.1rem;margin:.3rem 0}}.meta{{color:#666;margin:0}}.lead{{font-weight:600;margin:.3rem 0}}
</style></head><body><h1>Bản tin tổng hợp</h1><p>{len(entries)} báo cáo.</p>{''.join(blocks)}
<h2>Nhân vật</h2><ul>{people}</ul></body></html>
"""
