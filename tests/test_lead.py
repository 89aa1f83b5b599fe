"""The lead (sapo) of a briefing (ground/lead.py): built by code from the grounded items, every figure
in it one of theirs, shown at the top of NAME.md and NAME.html and in the digest's block."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest
from markdown_it import MarkdownIt

from summarizer.core.figures import find_figures
from summarizer.core.schema import Briefing, DraftItem, Evidence, Extraction, Flags, Item, Provenance, Usage
from summarizer.core.text import numbers_in
from summarizer.extract.client import ModelConfig
from summarizer.ground.lead import MAX_PHRASE, build_lead
from summarizer.pipeline import Summarizer, build_briefing, load_document
from summarizer.render import digest
from summarizer.render.html import to_html
from summarizer.render.markdown import to_markdown
from tests.conftest import RECORD_URL, RECORDED_MODEL, ROOT, SEEDS

CASSETTES = [str(ROOT / "cassettes" / f"seed_{p.stem}.json") for p in SEEDS]


def _grounded(b: Briefing) -> list[Item]:
    return [i for _, i in b.items() if i.status == "grounded"]


def assert_lead_rests_on_its_items(b: Briefing) -> None:
    """Every figure and every number of the lead occurs in the briefing's grounded items (a number of
    the locality or period excepted: "6 tháng đầu năm 2023" is the header, not a figure)."""
    items = _grounded(b)
    raws = {f.raw for i in items for f in i.figures}
    for f in find_figures(b.lead):
        assert f.raw in raws, (f.raw, b.lead)
    header = set(numbers_in(f"{b.locality or ''} {b.period or ''}"))
    numbers = {n for i in items for n in numbers_in(i.text)}
    assert set(numbers_in(b.lead)) - header <= numbers, (set(numbers_in(b.lead)) - header - numbers, b.lead)


@pytest.fixture(scope="module")
def seed_briefings():
    """The five seed briefings from the model's recorded answers (no model runs)."""
    import vcr as vcrpy

    from tests import cassette_format

    recorder = vcrpy.VCR(record_mode="none", match_on=["method", "path", "json_body"], serializer="json",
                         decode_compressed_response=True)
    recorder.register_serializer("json", cassette_format)
    recorder.register_matcher("json_body", cassette_format.json_body_matcher)
    config = ModelConfig(model=RECORDED_MODEL, base_url=RECORD_URL, mode="tools", transport_attempts=1)
    out = {}
    with Summarizer(config) as summarizer:
        for seed, cassette in zip(SEEDS, CASSETTES):
            with recorder.use_cassette(cassette):
                out[seed.stem] = summarizer.summarize_document(load_document(seed))
    return out


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.name[:3])
def test_every_seed_briefing_has_a_lead_whose_figures_all_occur_in_its_items(seed_briefings, seed):
    b = seed_briefings[seed.stem]
    sentences = re.findall(r"[.…](?: |$)", b.lead)
    assert b.lead and 2 <= len(sentences) <= 3 and len(b.lead) < 700, b.lead
    assert b.lead.startswith(b.locality[:1].upper() + b.locality[1:]) and b.period in b.lead
    assert "Nhiệm vụ trọng tâm:" in b.lead or "nhiệm vụ trọng tâm:" in b.lead
    if b.shortfalls:
        assert "hạn chế chính:" in b.lead.lower()
    assert_lead_rests_on_its_items(b)
    assert b.provenance.source not in b.lead and seed.stem not in b.title  # never a file name


def test_the_lead_leads_with_the_headline_figures_and_their_plan_and_year_on_year(seed_briefings):
    lead = seed_briefings[SEEDS[1].stem].lead
    assert lead.startswith("Huyện Pác Nặm, 6 tháng đầu năm 2023: tổng giá trị sản xuất đạt trên 304 tỷ đồng, "
                           "bằng 43,5% kế hoạch và 87,7% so với cùng kỳ; ")
    # the next headline figure with both measures (they beat plan alone)
    assert "192 tỷ đồng, đạt gần 40% kế hoạch, bằng 81% so với cùng kỳ." in lead
    assert "7,5 tỷ đồng" not in lead
    lead = seed_briefings[SEEDS[3].stem].lead
    assert lead.startswith("Huyện Như Xuân, 9 tháng năm 2024: thu ngân sách 9 tháng của huyện ước đạt "
                           "1.401,351 tỷ đồng, đạt 188% dự toán tỉnh giao")
    assert "193% so với cùng kỳ" in lead and "Hạn chế chính: " in lead
    assert "Nhiệm vụ trọng tâm: tiếp tục chỉ đạo đầu tư thâm canh" in lead


# --- on briefings made here --------------------------------------------------------------------------

SEED = SEEDS[3]
DOC = load_document(SEED)
PROV = Provenance(source=SEED.name, sha256=DOC.sha256, model="m", mode="tools", prompt_version="p",
                  schema_version="s", usage=Usage())


def _n(fragment: str) -> int:
    return next(s.number for s in DOC.sentences if fragment in s.text)


def _briefing(**sections) -> Briefing:
    base = dict(title="Như Xuân", locality="huyện Như Xuân", period="9 tháng năm 2024", meeting=None,
                achievements=[], shortfalls=[], tasks=[], people=[])
    base.update(sections)
    return build_briefing(DOC, Extraction(**base), PROV, fill=False)


def test_an_item_the_source_does_not_back_never_reaches_the_lead():
    b = _briefing(achievements=[
        # 999 tỷ đồng is nowhere in the source: the item is flagged, and the lead leaves it out
        DraftItem(text="Thu ngân sách đạt 999 tỷ đồng, bằng 120% kế hoạch và 150% so với cùng kỳ",
                  sentences=[_n("1.401,351")]),
        DraftItem(text="Tổng sản lượng lương thực ước đạt 28.300 tấn, đạt 113,2% KH", sentences=[_n("28.300")]),
    ])
    # the unbacked item waits for the editor under "Cần kiểm tra"; the grounded one stands in its section
    assert [i.status for i in b.review] == ["invented"] and b.achievements[0].status == "grounded"
    assert "28.300 tấn, đạt 113,2% KH" in b.lead and "999" not in b.lead and "120%" not in b.lead
    assert_lead_rests_on_its_items(b)


def test_no_grounded_item_no_lead():
    assert _briefing().lead == ""
    b = _briefing(tasks=[DraftItem(text="Xây dựng 500 km đường giao thông nông thôn", sentences=[_n("lụt bão")])])
    assert not b.tasks and b.review[0].status != "grounded" and b.lead == ""


def test_a_long_item_is_cut_at_a_clause_boundary_never_inside_a_figure():
    task = ("Tăng cường lãnh đạo, chỉ đạo công tác quản lý đất đai, bảo vệ môi trường, kiên quyết xử lý nghiêm "
            "vấn đề gây ô nhiễm môi trường tại các trang trại chăn nuôi, phấn đấu thu ngân sách đạt 1.401,351 tỷ "
            "đồng, bằng 193% so với cùng kỳ")
    b = _made(tasks=[_item(task)])
    b.lead = build_lead(b)
    assert b.lead.startswith("Xã Nông Sơn, năm 2025, nhiệm vụ trọng tâm: tăng cường lãnh đạo, chỉ đạo")
    cut = b.lead.split("nhiệm vụ trọng tâm: ", 1)[1]
    assert cut.endswith("chăn nuôi…") and len(cut) <= MAX_PHRASE + 1
    assert_lead_rests_on_its_items(b)


def test_the_main_task_is_the_locality_s_own_not_a_request_upward_or_what_voters_raise():  # a new user's case
    b = _made(tasks=[_item("Tăng cường đầu tư hạ tầng, đề nghị tỉnh quan tâm hỗ trợ kinh phí"),
                     _item("Đẩy nhanh giải ngân vốn đầu tư công theo kiến nghị của cử tri"),
                     _item("Tập trung phát triển vùng chè đặc sản")])
    assert build_lead(b).endswith("nhiệm vụ trọng tâm: tập trung phát triển vùng chè đặc sản.")
    b = _made(tasks=[_item("Tăng cường đầu tư hạ tầng, đề nghị tỉnh quan tâm hỗ trợ kinh phí")])
    assert "tăng cường đầu tư hạ tầng" in build_lead(b)  # the only one there is, still


def test_the_main_shortfall_is_one_the_report_states_not_a_setting_it_met():  # a new user's case
    b = _made(shortfalls=[_item("Mặc dù gặp khó khăn do thiên tai"), _item("Giải ngân vốn đầu tư công còn chậm")])
    assert "hạn chế chính: giải ngân vốn đầu tư công còn chậm" in build_lead(b)
    assert "hạn chế chính: mặc dù gặp khó khăn do thiên tai" in build_lead(_made(shortfalls=[_item("Mặc dù gặp khó khăn do thiên tai")]))


def _item(text: str) -> Item:
    return Item(text=text, sentences=[1], cited=[1], status="grounded", figures=find_figures(text),
                evidence=[Evidence(sentence=1, start=0, end=len(text), text=text)])


def _made(**fields) -> Briefing:
    base = dict(title="Tiêu đề", locality="xã Nông Sơn", period="năm 2025", meeting=None, achievements=[],
                shortfalls=[], tasks=[], people=[], flags=Flags(),
                provenance=Provenance(source="a.txt", sha256="0" * 64, model="m", mode="tools", prompt_version="p",
                                      schema_version="s", usage=Usage()))
    base.update(fields)
    return Briefing(**base)


def test_a_briefing_written_before_leads_existed_still_shows_one():
    b = _made(achievements=[_item("Thu ngân sách đạt 43,5 tỷ đồng, bằng 104% dự toán")],
              tasks=[_item("Tập trung hoàn thành kế hoạch năm 2026")])
    old = Briefing.model_validate_json(b.model_dump_json(exclude={"lead"}))
    assert old.lead == ""
    expected = ("Xã Nông Sơn, năm 2025: thu ngân sách đạt 43,5 tỷ đồng, bằng 104% dự toán. "
                "Nhiệm vụ trọng tâm: tập trung hoàn thành kế hoạch năm 2026.")
    assert build_lead(old) == expected
    assert f"**{expected}**" in to_markdown(old)


class _Lead(HTMLParser):
    def __init__(self):
        super().__init__()
        self.leads, self._in = [], False

    def handle_starttag(self, tag, attrs):
        self._in = ("class", "lead") in attrs
        if self._in:
            self.leads.append("")

    def handle_data(self, data):
        if self._in:
            self.leads[-1] += data

    def handle_endtag(self, tag):
        self._in = False


def test_the_lead_is_at_the_top_of_the_markdown_and_html_and_in_the_digest():
    b = _briefing(achievements=[DraftItem(text="Tổng sản lượng lương thực ước đạt 28.300 tấn, đạt 113,2% KH",
                                          sentences=[_n("28.300")])],
                  shortfalls=[DraftItem(text="Tỷ lệ giải ngân vốn các dự án đầu tư công do huyện quản lý thấp, "
                                             "đến nay mới đạt 32% KH", sentences=[_n("32% KH")])])
    assert b.lead.startswith("Huyện Như Xuân, 9 tháng năm 2024: tổng sản lượng lương thực ước đạt 28.300 tấn")
    assert "Hạn chế chính: tỷ lệ giải ngân vốn" in b.lead
    md = to_markdown(b).splitlines()
    assert md[0] == f"# {b.title}" and md[2] == f"**{b.lead}**"  # right under the title, before the fields
    page = _Lead()
    page.feed(to_html(b, DOC))
    assert page.leads == [b.lead]
    html = to_html(b, DOC)
    assert html.index('class="lead"') < html.index('class="meta"') < html.index('id="briefing"')
    entries = [("003", b)]
    assert b.lead in digest.to_markdown(entries).splitlines()
    block = _Lead()
    block.feed(digest.to_html(entries))
    assert block.leads == [b.lead]


def test_text_in_the_lead_renders_as_text_in_markdown():
    hostile = "*99%* [bấm](http://x.example) <b>đậm</b> # tiêu đề"
    b = _made(locality="xã `A`", achievements=[_item(f"Thu ngân sách đạt 43,5 tỷ đồng, bằng 104% dự toán {hostile}")])
    b.lead = build_lead(b)
    tokens = MarkdownIt("commonmark").parse(to_markdown(b))
    assert [t.type for t in tokens[:4]] == ["heading_open", "inline", "heading_close", "paragraph_open"]
    lead = tokens[4]  # the paragraph right under the title
    children = [c for c in lead.children if c.type != "text" or c.content]
    kinds = [c.type for c in children]
    assert kinds == ["strong_open", "text", "strong_close"], kinds  # bold from the template, nothing from the text
    assert children[1].content == b.lead and hostile in b.lead
