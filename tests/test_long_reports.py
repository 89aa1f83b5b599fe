"""A report longer than one request takes is asked in parts and merged into one briefing whose
evidence spans point into the original file."""

from summarizer.core.schema import DraftItem, Extraction, Usage
from summarizer.extract.client import ModelConfig
from summarizer.pipeline import Summarizer, document_from_text
from tests.conftest import SEEDS

LONG = "\n\n".join(seed.read_text(encoding="utf-8").strip() for seed in SEEDS)


def test_parts_are_numbered_from_one_and_cover_the_report_once():
    doc = document_from_text(LONG, "long.txt")
    parts = doc.parts(6000)
    assert len(parts) >= 4
    assert [s.number for s in parts[1].sentences][0] == 1
    assert [s.number + p.offset for p in parts for s in p.sentences] == [s.number for s in doc.sentences]
    assert all(sum(len(s.text) for s in p.sentences) <= 6000 for p in parts)
    assert all(p.text == doc.text for p in parts)


def test_long_report_is_summarized_in_parts_and_merged(monkeypatch):
    asked = []

    def answer_from_part(self, part, spent=None):
        # a model that lists each sentence with "đạt" as an achievement, citing the part's own numbers
        asked.append(part)
        items = [DraftItem(text=s.text, sentences=[s.number]) for s in part.sentences if " đạt " in s.text]
        header = dict(title="Huyện Pác Nặm 6 tháng đầu năm 2023", locality=None, period=None, meeting=None) if part.offset == 0 else \
            dict(title="phần sau", locality="tỉnh Khác", period=None, meeting=None)
        return Extraction(**header, achievements=items, shortfalls=[], tasks=[], people=[]), Usage(prompt_tokens=10)

    monkeypatch.setattr(Summarizer, "_ask", answer_from_part)
    doc = document_from_text(LONG, "long.txt")
    config = ModelConfig(model="m", base_url="http://unused.invalid/v1", max_report_chars=6000)
    with Summarizer(config) as summarizer:
        briefing = summarizer.summarize_document(doc)
    assert len(asked) >= 4 and briefing.provenance.usage.prompt_tokens == 10 * len(asked)
    # (items whose sentence reads as a shortfall or task, "đạt thấp", are moved there by code)
    model_items = [i for _, i in briefing.items() if i.found_by == "model"] + briefing.review
    expected = [s for s in doc.sentences if " đạt " in s.text]
    assert len(model_items) >= len(expected) - 2  # a few may merge as repeats or move section
    for item in model_items:
        # evidence: the clauses of the item's sentence, with global numbers and spans into the original
        assert all(ev.text == doc.text[ev.start : ev.end] and ev.text in item.text for ev in item.evidence)
        assert item.status == "grounded" and item.sentences == sorted({ev.sentence for ev in item.evidence})
        assert len(item.sentences) == 1
    late = [i for i in model_items if i.sentences[0] > asked[-2].offset]
    assert late  # items from the later parts are there, renumbered into the whole report
    assert briefing.title == "Huyện Pác Nặm 6 tháng đầu năm 2023"  # the first part's header
