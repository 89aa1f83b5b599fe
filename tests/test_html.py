"""The HTML view and the digest: valid, self-contained, every highlight exactly the evidence."""

import re
from html.parser import HTMLParser

from summarizer.core.schema import DraftItem, DraftPerson, Extraction, Provenance, Usage
from summarizer.pipeline import build_briefing, load_document
from summarizer.render import digest, html
from tests.conftest import ROOT

SEEDS = sorted((ROOT / "seeds").glob("*.txt"))


def make(seed, **sections):
    doc = load_document(seed)
    base = dict(title=doc.sentences[0].text[:60], locality=None, period=None, meeting=None,
                achievements=[], shortfalls=[], tasks=[], people=[])
    base.update(sections)
    prov = Provenance(source=seed.name, sha256=doc.sha256, model="m", mode="tools", prompt_version="p",
                      schema_version="s", usage=Usage())
    return doc, build_briefing(doc, Extraction(**base), prov)


class Collect(HTMLParser):
    """Checks nesting and gathers sentence spans' text and every external reference."""

    VOID = {"meta", "br", "img", "input", "link", "hr"}

    def __init__(self):
        super().__init__()
        self.stack, self.spans, self.refs, self.errors = [], {}, [], []
        self.open: list[str | None] = []  # ids of the spans open now (sentence spans hold clause spans)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        for key in ("src", "href"):
            if key in attrs:
                self.refs.append(attrs[key])
        if tag not in self.VOID:
            self.stack.append(tag)
        if tag == "span":
            span_id = attrs.get("id") if (attrs.get("id") or "").startswith(("s-", "c-")) else None
            self.open.append(span_id)
            if span_id:
                self.spans[span_id] = ""

    def handle_endtag(self, tag):
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"unexpected </{tag}> with {self.stack[-3:]}")
            return
        self.stack.pop()
        if tag == "span":
            self.open.pop()

    def handle_data(self, data):
        for span_id in self.open:
            if span_id:
                self.spans[span_id] += data


def test_every_seed_page_is_valid_self_contained_and_highlights_exact_evidence():
    for seed in SEEDS:
        doc, b = make(seed)
        page = html.to_html(b, doc)
        parser = Collect()
        parser.feed(page)
        assert parser.errors == [] and parser.stack == [], seed.name
        assert all(ref.startswith("#") or ref.endswith(".html") and "/" not in ref for ref in parser.refs)
        assert not re.search(r"(src|href)=\"(https?:)?//", page) and "@import" not in page
        for _, item in b.items():
            for ev, element in zip(item.evidence, html.evidence_ids(item, doc)):
                assert parser.spans[element] == ev.text, (seed.name, ev.sentence)
            li = re.search(r'<li class="item"[^>]*data-evidence="([sc\d -]+)"', page)
            assert li


def test_flags_people_and_indicators_are_shown():
    seed = SEEDS[3]
    n = next(s.number for s in load_document(seed).sentences if "1.401,351" in s.text)
    doc, b = make(seed, achievements=[DraftItem(text="Thu ngân sách đạt 9.999 tỷ đồng.", sentences=[n])],
                  people=[DraftPerson(name="Trần Văn Bịa", titles=[], kind="official")])
    page = html.to_html(b, doc)
    assert "⚠ không có trong bài" in page and "Trần Văn Bịa" in page
    assert ("<td>1.401,351 tỷ đồng</td><td>1.401,351</td><td>tỷ đồng</td><td>1.401.351.000.000 đồng</td>"
            in page)  # the value as written (not rounded to 1401.35) and in đồng
    assert 'name="viewport"' in page and "@media (max-width:760px)" in page


def test_digest_sorts_reports_links_them_and_lists_each_person_once(tmp_path):
    entries = [(seed.stem, make(seed)[1]) for seed in SEEDS]
    md = digest.to_markdown(entries)
    assert md.count("\n## [") == 5 and "(001_09e389f302c63ca9.md)" in md
    order = re.findall(r"\]\((\d{3})_", md)[:5]
    assert order[0] == "003"  # sorted by locality: huyện Như Xuân before huyện Pác Nặm
    assert order.index("000") < order.index("001")  # then the latest period first: 2024 before 2023
    people = digest.people_index(entries)
    names = [p[0] for p in people]
    assert len(names) == len(set((p[0], p[1]) for p in people))
    assert ("Anh Tuân", (), "reporter", ["003_9da10d9c084d8620"]) in people
    page = digest.to_html(entries)
    assert page.count("<article>") == 5 and 'href="003_9da10d9c084d8620.html"' in page


def test_the_editor_reads_roles_and_measures_in_vietnamese():  # a new user's case (session 8)
    doc, b = make(next((ROOT / "seeds").glob("003*.txt")), achievements=[DraftItem(
        text="Thu ngân sách 9 tháng ước đạt 1.401,351 tỷ đồng.", sentences=[1])])
    page = html.to_html(b, doc)
    assert 'data-label="chú thích ảnh"' in page and "content:attr(data-label)" in page
    assert not re.search(r"<td>(?:amount|plan|year_on_year|change|share)</td>", page)
