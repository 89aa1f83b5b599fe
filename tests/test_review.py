"""An editor's decisions (summarizer/review.py): kept beside the briefing, applied over it, never
written into it, and still there — on the same items — after `summarize` runs again."""

from __future__ import annotations

import json

import pytest

from summarizer.output import read_briefing
from summarizer.pipeline import load_document
from summarizer.review import Decision, ReviewError, apply, item_key, load_decisions, record, review_path
from tests.conftest import SEEDS
from tests.replay_server import ReplayServer
from tests.workspace_helpers import summarize_seeds

pytestmark = pytest.mark.block_network(allowed_hosts=["127.0.0.1", "localhost", "::1"])
SEED = SEEDS[1]


@pytest.fixture(scope="module")
def out(tmp_path_factory):
    folder = tmp_path_factory.mktemp("review") / "out"
    with ReplayServer() as server:
        assert summarize_seeds(folder, server, SEED).returncode == 0
    return folder


def test_decisions_survive_a_rerun_of_summarize_and_apply_to_the_same_items(out, tmp_path):
    json_path = out / f"{SEED.stem}.json"
    b = read_briefing(json_path)
    first, second = b.achievements[0], b.achievements[1]
    path = review_path(json_path)
    record(path, Decision(action="reject", key=item_key(first)))
    record(path, Decision(action="edit", key=item_key(second), text="Lời biên tập"))
    record(path, Decision(action="move", key=item_key(second), section="tasks"))
    before = path.read_bytes()
    with ReplayServer() as server:  # --force: every briefing is made and written again
        result = summarize_seeds(out, server, SEED, extra=["--force"], cache=tmp_path / "cache")
    assert result.returncode == 0, result.stderr
    assert "done 1" in result.stderr and path.read_bytes() == before
    reviewed = apply(read_briefing(json_path), load_decisions(path))
    assert not reviewed.orphaned
    assert [i.key for i in reviewed.rejected] == [item_key(first)]
    moved = reviewed.by_key(item_key(second))
    assert (moved.text, moved.section, moved.edited, moved.machine_section) == ("Lời biên tập", "tasks", True,
                                                                                "achievements")
    assert moved in reviewed.sections["tasks"] and moved not in reviewed.sections["achievements"]


def test_accepting_an_item_only_the_model_proposed_files_it_where_it_proposed(tmp_path):
    seed = SEEDS[4]  # its briefing has two items in Cần kiểm tra
    with ReplayServer() as server:
        assert summarize_seeds(tmp_path / "out", server, seed).returncode == 0
    b = read_briefing(tmp_path / "out" / f"{seed.stem}.json")
    assert b.review
    item = b.review[0]
    reviewed = apply(b, [])
    assert reviewed.by_key(item_key(item)).open_check and reviewed.open_checks >= 1
    accepted = apply(b, [Decision(action="accept", key=item_key(item))])
    now = accepted.by_key(item_key(item))
    assert now.section == item.proposed and now in accepted.sections[item.proposed] and not now.open_check
    assert accepted.open_checks == reviewed.open_checks - 1
    reset = apply(b, [Decision(action="accept", key=item_key(item)), Decision(action="reset", key=item_key(item))])
    assert reset.by_key(item_key(item)).section == "review"


def test_an_added_item_rests_on_the_selected_source_sentences(out):
    b = read_briefing(out / f"{SEED.stem}.json")
    doc = load_document(SEED)
    start = doc.text.index("Hoạt động thương mại")
    end = doc.text.index("so với cùng kỳ.", start) + len("so với cùng kỳ.")
    added = Decision(action="add", key="added:abc", section="achievements", start=start - 1, end=end + 1)
    reviewed = apply(b, [added], doc)
    item = reviewed.by_key("added:abc")
    assert item.origin == "editor" and item in reviewed.sections["achievements"]
    assert [e.text for e in item.evidence] == [doc.text[start:end]]  # trimmed to the sentence's text
    assert item.sentences == [s.number for s in doc.sentences if s.start <= start < s.end]
    assert any(f.raw == "105 tỷ đồng" for f in item.figures)
    with pytest.raises(ReviewError, match="outside the source text"):
        from summarizer.review import evidence_for

        evidence_for(doc.text, doc.sentences, len(doc.text), len(doc.text) + 3)


def test_a_decision_on_an_item_the_briefing_no_longer_has_is_kept_and_reported_not_applied(out):
    b = read_briefing(out / f"{SEED.stem}.json")
    stale = Decision(action="reject", key="0123456789abcdef", item_text="một mục cũ")
    reviewed = apply(b, [stale])
    assert reviewed.orphaned == [stale] and not reviewed.rejected


def test_a_torn_or_foreign_line_in_the_review_file_is_skipped(tmp_path):
    path = tmp_path / "x.review.jsonl"
    path.write_text('{"action": "reject", "key": "k1"}\n{"action": "edit", "key"\nnot json\n', encoding="utf-8")
    record(path, Decision(action="accept", key="k2"))
    decisions = load_decisions(path)
    assert [(d.action, d.key) for d in decisions] == [("reject", "k1"), ("accept", "k2")]
    assert all(json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()[-1:])


@pytest.mark.parametrize("body, problem", [
    ({"action": "edit", "key": "k"}, "an edit needs the new wording"),
    ({"action": "edit", "key": "k", "text": "   "}, "the wording is empty"),
    ({"action": "move", "key": "k"}, "a move needs the section"),
    ({"action": "move", "key": "k", "section": "review"}, "section"),
    ({"action": "add", "key": "added:1", "start": 5, "end": 5, "section": "tasks"}, "start < end"),
    ({"action": "delete", "key": "k"}, "action"),
])
def test_a_malformed_decision_is_refused_saying_why(body, problem):
    with pytest.raises(ValueError, match=problem):
        Decision.model_validate(body)
