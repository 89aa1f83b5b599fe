"""A report longer than one request takes is asked in parts and merged into one briefing whose
evidence spans point into the original file."""

from summarizer.core.schema import DraftItem, SectionAnswer, Usage
from summarizer.extract.answering import Answer
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


class AchievementsWithDat:
    """A fake model, through the answering seam: lists each sentence with "đạt" as an achievement,
    citing the part's own numbers; the first part's header differs from the later ones'."""

    def __init__(self):
        self.asked = []

    def answer(self, request):
        self.asked.append(request)
        part = request.part
        items = [DraftItem(text=s.text, sentences=[s.number]) for s in part.sentences if " đạt " in s.text] \
            if request.section == "achievements" else []
        header = dict(title="Huyện Pác Nặm 6 tháng đầu năm 2023") if part.offset == 0 else \
            dict(title="phần sau", locality="tỉnh Khác")
        return Answer(SectionAnswer(items=items, **header), Usage(prompt_tokens=10, requests=1))


def test_long_report_is_summarized_in_parts_and_merged():
    model = AchievementsWithDat()
    doc = document_from_text(LONG, "long.txt")
    config = ModelConfig(model="m", max_report_chars=6000)
    briefing = Summarizer(config, model).summarize_document(doc)
    asked = [r.part for r in model.asked if r.section == "achievements"]
    assert len(asked) >= 4 and [r.section for r in model.asked] == ["achievements", "shortfalls", "tasks"] * len(asked)
    assert briefing.provenance.usage.prompt_tokens == 10 * len(model.asked)
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


def _long_line_report(words: int = 40_000) -> str:
    # 200,000 characters on one line without any punctuation, between two ordinary sentences
    vocabulary = ["xã", "đạt", "kế", "hoạch", "thu", "ngân", "sách", "huyện", "tăng", "trưởng", "Pác", "Nặm"]
    line = " ".join(vocabulary[k % len(vocabulary)] + ("" if k % 7 else "  ") for k in range(words))
    line = (line * (200_000 // len(line) + 1))[:200_000].strip()
    return f"Huyện tổ chức hội nghị tổng kết.\n{line}\nThu ngân sách đạt 5 tỷ đồng.\n"


def test_a_sentence_longer_than_the_limit_is_cut_at_word_boundaries_with_exact_spans():
    doc = document_from_text(_long_line_report(), "long-line.txt")
    assert len(doc.sentences) == 3 and len(doc.sentences[1].text) > 190_000
    parts = doc.parts(12_000)
    assert all(sum(len(s.text) for s in p.sentences) <= 12_000 for p in parts)
    pieces = [s for p in parts for s in p.sentences if s.number + p.offset == 2]
    assert len(pieces) >= 17
    for piece in pieces:
        assert doc.text[piece.start : piece.end] == piece.text and piece.text == piece.text.strip()
        assert doc.text[piece.end : piece.end + 1] in (" ", "\n")  # ends at a word boundary
        assert doc.text[piece.start - 1] in (" ", "\n")  # and starts at one
    # the pieces cover the sentence: only white space lies between them
    long = doc.sentences[1]
    assert pieces[0].start == long.start and pieces[-1].end == long.end
    assert all(not doc.text[a.end : b.start].strip() for a, b in zip(pieces, pieces[1:]))
    # the ordinary sentences keep their numbers in the whole report
    assert [s.number + p.offset for p in parts for s in p.sentences if s.number + p.offset != 2] == [1, 3]


def test_one_word_longer_than_the_limit_is_cut_inside_it():
    doc = document_from_text("Mở đầu.\n" + "a" * 25_000 + "\n", "word.txt")
    parts = doc.parts(12_000)
    assert [len(s.text) for p in parts for s in p.sentences] == [7, 12_000, 12_000, 1_000]


def test_max_chars_bounds_every_request_even_for_one_long_sentence():
    import json

    import httpx2

    sent = []

    def server(request):
        body = json.loads(request.content)
        report = body["messages"][1]["content"].split("</bao_cao>")[0]
        sent.append((len(request.content), report))
        call = {"id": "t", "type": "function", "function": {"name": "SectionAnswer", "arguments": json.dumps(
            {"items": [{"text": "Thu ngân sách đạt 5 tỷ đồng", "sentences": [1]}], "title": "Hội nghị",
             "locality": None, "period": None, "meeting": None, "people": []}, ensure_ascii=False)}}
        return httpx2.Response(200, json={"id": "c", "object": "chat.completion", "created": 0, "model": "m",
                                          "choices": [{"index": 0, "finish_reason": "stop", "message": {
                                              "role": "assistant", "content": None, "tool_calls": [call]}}],
                                          "usage": {"prompt_tokens": 1, "completion_tokens": 1}})

    report = _long_line_report()
    config = ModelConfig(model="m", base_url="http://model.test/v1", max_report_chars=12_000, transport_attempts=1)
    with Summarizer(config, http_client=httpx2.Client(transport=httpx2.MockTransport(server))) as summarizer:
        briefing = summarizer.summarize(report, "long-line.txt")
    assert len(sent) >= 3 * 17
    assert max(len(text) for _, text in sent) <= 12_000 + 100  # the report part of each request
    assert max(size for size, _ in sent) < 40_000  # was one request of 295 KB
    for _, item in briefing.items():
        assert all(report[e.start : e.end] == e.text for e in item.evidence)


def test_the_report_limit_is_the_providers_unless_max_chars_says_otherwise():
    from summarizer.extract.local_server import MODEL_ALIAS
    from summarizer.extract.provider import resolve

    embedded, server = resolve(ModelConfig()), resolve(ModelConfig(base_url="http://vllm.test/v1"))
    assert (embedded.config.report_limit, embedded.concurrency, embedded.config.model) == (12_000, 1, MODEL_ALIAS)
    assert (server.config.report_limit, server.concurrency, server.config.model) == (60_000, 4, "gpt-4o-mini")
    assert resolve(ModelConfig(max_report_chars=5_000)).config.report_limit == 5_000
    assert resolve(ModelConfig(gguf="/models/other-7b.gguf")).config.model == "other-7b"
    assert resolve(ModelConfig.from_env({"SUMMARIZER_GGUF": "/m/x.gguf"})).config.model == "x"

    class Started:  # stands in for llama.cpp's server: connect() starts it and points the client there
        base_url = "http://127.0.0.1:8081/v1"

        def start(self):
            return self.base_url

    embedded.server = Started()
    embedded.connect()
    # the embedded model keeps its limit once its server runs, though a base URL now names a server
    assert (embedded.config.base_url, embedded.config.report_limit) == (Started.base_url, 12_000)
    assert embedded.url() == Started.base_url
