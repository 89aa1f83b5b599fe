"""The precision contract (ground/sections.py): what stays in a section, what moves, what is flagged,
what is dropped, and the verification line that never says "0 to check" over an unconfirmed item."""

from summarizer.core.schema import DraftItem, Extraction, Provenance, SectionAnswer, Usage
from summarizer.errors import AnswerInvalid
from summarizer.structure import scope
from summarizer.extract.answering import Answer
from summarizer.extract.client import ModelConfig
from summarizer.pipeline import Summarizer, build_briefing, load_document
from summarizer.render.markdown import to_markdown
from tests.conftest import ROOT

SEED = ROOT / "seeds" / "003_9da10d9c084d8620.txt"
DOC = load_document(SEED)
PROV = Provenance(source=SEED.name, sha256=DOC.sha256, model="m", mode="tools", prompt_version="p",
                  schema_version="s", usage=Usage())


def n(fragment):
    return next(s.number for s in DOC.sentences if fragment in s.text)


def briefing(strict=False, fill=False, **sections):
    base = dict(title="", locality=None, period=None, meeting=None, achievements=[], shortfalls=[], tasks=[], people=[])
    base.update(sections)
    return build_briefing(DOC, Extraction(**base), PROV, strict=strict, fill=fill)


def test_an_item_resting_on_a_caption_or_the_headline_is_dropped_and_counted():
    b = briefing(achievements=[DraftItem(text="Toàn cảnh hội nghị.", sentences=[n("Toàn cảnh")]),
                               DraftItem(text="Như Xuân tăng tốc để hoàn thành và hoàn thành vượt mức tất cả chỉ tiêu năm 2024",
                                         sentences=[1])])
    assert b.achievements == [] and b.flags.items_not_body == 2


def test_agreement_stays_a_strong_cue_moves_and_the_model_alone_is_flagged_for_review():
    b = briefing(
        achievements=[DraftItem(text="Thu ngân sách ước đạt 1.401,351 tỷ đồng.", sentences=[n("1.401,351")]),
                      DraftItem(text="Tăng cường công tác phòng, chống lụt bão.", sentences=[n("lụt bão")])],
        shortfalls=[DraftItem(text="Vai trò của MTTQ và các đoàn thể ngày càng được phát huy.", sentences=[n("MTTQ và")])],
    )
    budget, = [i for i in b.achievements if "1.401,351" in i.text]
    assert budget.placement == "agreed"
    storm, = b.tasks
    assert storm.placement == "cue" and b.flags.items_moved == 1
    assert b.shortfalls == []  # a section only the model vouches for stays empty …
    mttq, = b.review  # … and the item waits for the editor, with the section the model proposed
    assert mttq.placement == "review" and mttq.proposed == "shortfalls" and b.flags.items_review == 1
    assert b.flags.to_check >= 1
    md = to_markdown(b)
    line = next(ln for ln in md.splitlines() if ln.startswith("Kiểm chứng:"))
    assert "0 mục cần kiểm tra" not in line and "chỉ mô hình đề xuất" in line
    assert "## Cần kiểm tra" in md and "mô hình đề xuất: Hạn chế" in md


def test_strict_drops_what_only_the_model_says():
    b = briefing(strict=True, shortfalls=[DraftItem(text="Vai trò của MTTQ và các đoàn thể ngày càng được phát huy.",
                                                    sentences=[n("MTTQ và")])])
    assert b.shortfalls == [] and b.review == [] and b.flags.dropped == 1 and b.flags.to_check == 0


def test_the_same_clause_in_two_sections_is_kept_once_where_the_source_reads_it():
    text = "Thu ngân sách 9 tháng của huyện ước đạt 1.401,351 tỷ đồng."
    b = briefing(achievements=[DraftItem(text=text, sentences=[n("1.401,351")])],
                 shortfalls=[DraftItem(text=text, sentences=[n("1.401,351")])],
                 tasks=[DraftItem(text=text, sentences=[n("1.401,351")])])
    assert len(b.achievements) == 1 and b.shortfalls == [] and b.tasks == []


def test_evidence_is_the_clause_not_the_whole_sentence():
    b = briefing(achievements=[DraftItem(text="Trồng 1.388 ha rừng sản xuất, đạt 92,5% KH.", sentences=[n("1.388")])])
    item, = b.achievements
    assert item.evidence[0].text == "trồng 1.388 ha rừng sản xuất, đạt 92,5% KH"
    assert DOC.text[item.evidence[0].start:item.evidence[0].end] == item.evidence[0].text


def test_a_section_the_report_does_not_have_stays_empty():
    doc = load_document(ROOT / "seeds" / "004_e522719ab945d8c7.txt")  # gold: no achievements
    b = build_briefing(doc, Extraction(title="", locality=None, period=None, meeting=None, achievements=[],
                                       shortfalls=[], tasks=[], people=[]), PROV)
    assert b.achievements == []


def test_a_section_whose_answer_fails_validation_comes_from_the_rules_and_the_report_still_gets_a_briefing():
    class FailingShortfalls:  # a fake model, through the answering seam
        def answer(self, request):
            if request.section == "shortfalls":
                raise AnswerInvalid("2 validation errors for SectionAnswer")
            return Answer(extraction=SectionAnswer(items=[]), usage=Usage(requests=1))

    b = Summarizer(ModelConfig(model="m"), FailingShortfalls()).summarize_document(DOC)
    assert b.flags.sections_from_rules == ["shortfalls"]
    assert any("32%" in i.text for i in b.shortfalls)  # the rules' shortfalls are there
    assert "do chương trình lập theo quy tắc" in to_markdown(b)
    assert b.provenance.usage.requests == 2  # the two sections that answered


def test_an_item_whose_claim_words_its_evidence_does_not_hold_is_not_backed():
    b = briefing(tasks=[DraftItem(text="Tăng cường thu ngân sách 1.401,351 tỷ đồng.", sentences=[n("1.401,351")])])
    # not backed, the cited sentence's cue does not move it into achievements: it waits for the editor (session 10)
    assert not b.achievements and not b.tasks
    item = next(i for i in b.review if "1.401,351" in i.text)
    assert item.status == "misattributed"
    assert any("tăng cường" in p for p in item.problems)
    assert b.flags.to_check >= 1


def test_a_whole_sentence_copied_beside_its_clauses_is_kept_once_as_the_clauses():
    s11 = DOC.sentence(n("1.388"))
    parts = ["Tích tụ 295 ha đất đai, đạt 148% kế hoạch.", "Trồng 1.388 ha rừng sản xuất, đạt 92,5% KH.",
             "Độ che phủ rừng đạt 70%, đạt 100% KH."]
    b = briefing(achievements=[DraftItem(text=s11.text, sentences=[s11.number])]
                 + [DraftItem(text=t, sentences=[s11.number]) for t in parts])
    # each paraphrase points at its clause and becomes it, verbatim; the whole sentence is those clauses
    clauses = [c.text for c in scope.clauses(DOC) if c.sentence == s11.number]
    assert len(clauses) == len(parts)
    assert [i.text for i in b.achievements] == clauses and b.flags.items_merged == 1
