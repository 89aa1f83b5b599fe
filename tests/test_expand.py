"""The model points at an idea by its first words; the code quotes the clause (ground/expand.py)."""

from __future__ import annotations

import pytest

from summarizer.core.schema import DraftItem, Extraction
from summarizer.ground.expand import expand
from summarizer.pipeline import document_from_text

REPORT = """Huyện Pác Nặm tổng kết năm 2024

Năm 2024, thu ngân sách đạt 54% kế hoạch; tổng sản lượng lương thực đạt 1.401,351 tấn, vượt 3%.
Tuy nhiên, tiến độ giải ngân vốn đầu tư công còn chậm.
Năm 2025, huyện tập trung đẩy mạnh chuyển đổi số; tăng cường công tác cải cách hành chính."""


@pytest.fixture(scope="module")
def doc():
    return document_from_text(REPORT, "r.txt")


def draft(**sections) -> Extraction:
    items = {k: [DraftItem(text=t, sentences=s) for t, s in v] for k, v in sections.items()}
    return Extraction(title="", locality=None, period=None, meeting=None, people=[],
                      **{"achievements": [], "shortfalls": [], "tasks": [], **items})


def texts(extraction: Extraction, section: str) -> list[tuple[str, list[int]]]:
    return [(i.text, i.sentences) for i in getattr(extraction, section)]


@pytest.mark.parametrize("written, cited, clause, sentence", [
    # the first words, as asked
    ("tổng sản lượng lương thực đạt", [2], "tổng sản lượng lương thực đạt 1.401,351 tấn, vượt 3%.", 2),
    ("Năm 2024, thu ngân sách", [2], "Năm 2024, thu ngân sách đạt 54% kế hoạch", 2),
    # cut by the grammar's length bound in the middle of a number
    ("thu ngân sách đạt 5", [2], "Năm 2024, thu ngân sách đạt 54% kế hoạch", 2),
    # cited the next sentence (small models often do): found in the neighbour
    ("tiến độ giải ngân vốn", [4], "Tuy nhiên, tiến độ giải ngân vốn đầu tư công còn chậm.", 3),
    # cited nothing near it: found in the whole report
    ("tăng cường công tác cải cách", [1], "tăng cường công tác cải cách hành chính.", 4),
    # another spelling of the same words (tone placement, case)
    ("TĂNG CƯỜNG CÔNG TÁC CẢI CÁCH", [4], "tăng cường công tác cải cách hành chính.", 4),
    # a paraphrase whose words are mostly the clause's
    ("Đẩy mạnh chuyển đổi số huyện", [4], "Năm 2025, huyện tập trung đẩy mạnh chuyển đổi số", 4),
])
def test_an_item_becomes_the_clause_it_points_at(doc, written, cited, clause, sentence):
    out = expand(doc, draft(tasks=[(written, cited)]))
    assert texts(out, "tasks") == [(clause, [sentence])]


def test_an_item_written_in_full_takes_every_clause_it_covers(doc):
    """A capable model may write the whole sentence: it keeps all of it, as the source says it."""
    whole = "Năm 2024, thu ngân sách đạt 54% kế hoạch; tổng sản lượng lương thực đạt 1.401,351 tấn, vượt 3%."
    out = expand(doc, draft(achievements=[(whole, [2])]))
    assert texts(out, "achievements") == [(whole, [2])]


def test_words_found_nowhere_are_left_for_grounding_to_flag(doc):
    out = expand(doc, draft(achievements=[("xây dựng 12 cây cầu mới", [2])]))
    assert texts(out, "achievements") == [("xây dựng 12 cây cầu mới", [2])]


def test_two_pointers_at_one_clause_become_one_item_and_the_repeat_is_counted(doc):
    from summarizer.core.schema import Provenance, Usage
    from summarizer.pipeline import build_briefing

    given = draft(tasks=[("tập trung đẩy mạnh", [4]), ("đẩy mạnh chuyển đổi số", [4]), ("tăng cường công tác", [4])])
    out = expand(doc, given)
    assert [t for t, _ in texts(out, "tasks")] == ["Năm 2025, huyện tập trung đẩy mạnh chuyển đổi số"] * 2 + [
        "tăng cường công tác cải cách hành chính."]
    prov = Provenance(source="r.txt", sha256="0" * 64, model="m", mode="tools", prompt_version="p",
                      schema_version="s", usage=Usage())
    b = build_briefing(doc, given, prov, fill=False)
    assert [i.text for i in b.tasks] == ["Năm 2025, huyện tập trung đẩy mạnh chuyển đổi số",
                                         "tăng cường công tác cải cách hành chính."]
    assert b.flags.items_merged == 1


def test_the_text_is_the_source_span_exactly(doc):
    """Offsets, not a copy of words: the quoted clause is doc.text at its span, figures included."""
    out = expand(doc, draft(achievements=[("tổng sản lượng", [2])]))
    text = out.achievements[0].text
    assert text in doc.text and "1.401,351 tấn" in text


def test_the_draft_itself_is_not_changed(doc):
    given = draft(tasks=[("tăng cường công tác", [4])])
    expand(doc, given)
    assert given.tasks[0].text == "tăng cường công tác"


@pytest.mark.parametrize("written, cited", [
    ("thu ngân sách đạt 64% kế hoạch", [2]),  # a figure the source does not give
    ("Năm 2023, thu ngân sách đạt", [2]),  # another year
    ("Tăng cường thu ngân sách", [2]),  # a task made of a result: the clause has no "tăng cường"
    ("tiến độ giải ngân đạt", [3]),  # a result made of a shortfall: the clause has no "đạt"
])
def test_an_item_stating_a_figure_its_clause_lacks_is_left_for_grounding_to_flag(doc, written, cited):
    out = expand(doc, draft(achievements=[(written, cited)]))
    assert texts(out, "achievements") == [(written, cited)]
