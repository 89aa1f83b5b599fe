"""One request plan, answered through one seam (issue 12): the online path, the answer cache, a Batch
export and its import ask and answer the same requests, so a long report exported in parts comes
back as the online path's briefing, byte for byte."""

import json
import re

import httpx2
import pytest
from click.testing import CliRunner

from summarizer.cache import AnswerCache, CachedAnswers
from summarizer.cli import cli
from summarizer.core.schema import SECTIONS, DraftItem, SectionAnswer, Usage
from summarizer.errors import AnswerInvalid, SourceError
from summarizer.extract.answering import Answer, assemble, split
from summarizer.extract.client import ModelConfig, RequestBodies
from summarizer.extract.plan import MAX_PARTS, cache_key, plan
from summarizer.extract.prompts import load_prompt
from summarizer.pipeline import Summarizer, document_from_text, load_document
from summarizer.structure import scope
from tests.conftest import SEEDS
from tests.replay_server import ReplayServer

pytestmark = pytest.mark.block_network(allowed_hosts=["127.0.0.1"])  # the loopback server only
LONG = "\n\n".join(seed.read_text(encoding="utf-8").strip() for seed in SEEDS)
MAX_CHARS = "6000"  # the five seeds in one report: four parts or more
CUES = {"achievements": " đạt ", "shortfalls": "chưa", "tasks": "tiếp tục"}


def section_of(user_message: str) -> str:
    """The section a request asks for, read from its task text as the prompt words it."""
    tasks = load_prompt().tasks
    return next(s for s in SECTIONS if tasks[s].split("{")[0].strip()[:60] in user_message)


def model_answer(numbered: list[tuple[int, str]], section: str, first_part: bool) -> dict:
    """A deterministic model: the sentences holding the section's cue word, each cited by number;
    the header on the first part's requests."""
    items = [{"text": text, "sentences": [n]} for n, text in numbered if CUES[section] in text][:30]
    header = {"title": "Báo cáo tổng hợp", "locality": "huyện Pác Nặm"} if first_part else {}
    return {"items": items, **header}


def completion(body: dict) -> dict:
    """The server's response to one request body (tools mode: a SectionAnswer tool call)."""
    user = body["messages"][1]["content"]
    numbered = [(int(n), text) for n, text in re.findall(r"^\[(\d+)\] (.*)$", user, re.M)]
    arguments = model_answer(numbered, section_of(user), "Pác Nặm lần thứ mười ba" in user)
    call = {"id": "t", "type": "function", "function": {"name": "SectionAnswer",
                                                          "arguments": json.dumps(arguments, ensure_ascii=False)}}
    return {"id": "c", "object": "chat.completion", "created": 0, "model": "m", "choices": [{
        "index": 0, "finish_reason": "stop", "message": {"role": "assistant", "content": None, "tool_calls": [call]}}],
        "usage": {"prompt_tokens": len(user) // 3, "completion_tokens": len(json.dumps(arguments)) // 3}}


class Recording:
    """A fake model through the answering seam, taking down the requests it is asked."""

    def __init__(self):
        self.asked = []

    def answer(self, request):
        self.asked.append(request)
        numbered = [(s.number, s.text) for s in request.part.sentences]
        fields = model_answer(numbered, request.section, request.part_number == 1)
        return Answer(SectionAnswer(items=[DraftItem(**i) for i in fields.pop("items")], **fields),
                      Usage(prompt_tokens=100, completion_tokens=10, requests=1))


def test_the_online_path_asks_exactly_the_plan_and_export_holds_the_bodies_it_sends():
    doc = document_from_text(LONG, "long.txt")
    config = ModelConfig(model="m", base_url="http://model.test/v1", max_report_chars=int(MAX_CHARS),
                         transport_attempts=1)
    the_plan = plan(doc, config)
    assert len(the_plan.parts) >= 4 and len(the_plan.requests) == 3 * len(the_plan.parts)

    # through the seam: what the Summarizer asks is the plan, request for request, in order
    fake = Recording()
    Summarizer(config, fake).summarize_document(doc)
    assert fake.asked == list(the_plan.requests)

    # over the wire: the live client's bodies are the ones export takes down, one per part and section
    sent = []

    def server(http_request):
        sent.append(json.loads(http_request.content))
        return httpx2.Response(200, json=completion(sent[-1]))

    with Summarizer(config, http_client=httpx2.Client(transport=httpx2.MockTransport(server))) as online:
        online.summarize_document(doc)
    bodies = RequestBodies(config)
    assert sent == [bodies.of(request) for request in the_plan.requests]
    # each part's requests show only that part, numbered from 1, and carry its custom_id
    shown = [re.findall(r"^\[(\d+)\] ", body["messages"][1]["content"], re.M) for body in sent]
    assert shown == [[str(n) for n in range(1, r.sentence_count + 1)] for r in the_plan.requests]
    assert [r.custom_id for r in the_plan.parts[1].requests] == [
        f"long.txt#{doc.sha256[:16]}#p2#{s}" for s in SECTIONS]


def test_batch_export_of_a_long_report_and_import_of_its_answers_give_the_online_briefing(tmp_path, monkeypatch):
    report = tmp_path / "long.txt"
    report.write_text(LONG, encoding="utf-8")
    monkeypatch.setenv("SUMMARIZER_MODEL", "m")
    requests = tmp_path / "requests.jsonl"
    exported = CliRunner().invoke(cli, ["batch", "export", str(report), "-o", str(requests), "--max-chars", MAX_CHARS])
    assert exported.exit_code == 0, exported.output
    lines = [json.loads(x) for x in requests.read_text(encoding="utf-8").splitlines()]
    parts = len(plan(load_document(report), ModelConfig(model="m", max_report_chars=int(MAX_CHARS))).parts)
    assert parts >= 4 and len(lines) == 3 * parts and f"wrote {3 * parts} requests for 1 reports" in exported.output
    assert len({x["custom_id"] for x in lines}) == len(lines)

    # the provider answers each request (here: the deterministic model above)
    results = tmp_path / "results.jsonl"
    results.write_text("".join(json.dumps({"custom_id": x["custom_id"], "response": {
        "status_code": 200, "body": completion(x["body"])}}, ensure_ascii=False) + "\n" for x in lines), encoding="utf-8")
    imported = CliRunner().invoke(cli, ["batch", "import", str(results), str(report), "-o", str(tmp_path / "imported"),
                                        "--max-chars", MAX_CHARS, "--format", "md,html"])
    assert imported.exit_code == 0 and "imported 1, failed 0" in imported.output, imported.output

    # online, a server giving the same answers receives exactly the exported bodies
    answers = {json.dumps(x["body"]["messages"][:2], ensure_ascii=False, sort_keys=True): json.dumps(completion(x["body"]))
               for x in lines}
    with ReplayServer(answers=answers) as server:
        monkeypatch.setenv("OPENAI_BASE_URL", server.base_url)
        online = CliRunner().invoke(cli, ["summarize", str(report), "-o", str(tmp_path / "online"), "--no-cache",
                                          "--max-chars", MAX_CHARS, "--format", "md,html", "-q"])
    assert online.exit_code == 0, online.output
    assert server.bodies == [x["body"] for x in lines]
    for suffix in (".json", ".md", ".html"):
        name = f"long{suffix}"
        assert (tmp_path / "imported" / name).read_bytes() == (tmp_path / "online" / name).read_bytes(), name
    assert json.loads((tmp_path / "online" / "long.json").read_text())["provenance"]["usage"]["requests"] == len(lines)


def test_the_answer_cache_is_an_answerer_that_gives_back_what_it_kept(tmp_path):
    doc = document_from_text(LONG, "long.txt")
    config = ModelConfig(model="m", max_report_chars=int(MAX_CHARS))
    model = Recording()
    with AnswerCache(tmp_path / "answers.sqlite3") as cache:
        first = Summarizer(config, CachedAnswers(model, cache)).draft(doc)
        asked = len(model.asked)
        again = Summarizer(config, CachedAnswers(model, cache)).draft(doc)
        assert cache.info()["answers"] == len(plan(doc, config).parts)
    assert asked == len(plan(doc, config).requests) and len(model.asked) == asked  # nothing asked twice
    assert again.extraction == first.extraction and again.usage == first.usage  # the same draft, the same usage
    assert first.spent == first.usage and again.spent == Usage()  # and the second time it cost nothing


def test_a_draft_split_into_answers_assembles_into_itself():
    fields = dict(items=[DraftItem(text="Thu ngân sách đạt 5 tỷ đồng", sentences=[2])], title="T", locality="x",
                  period=None, meeting=None, people=[])
    answers = {"achievements": None,  # that section's answer could not be used: it comes from the rules
               "shortfalls": Answer(SectionAnswer(**fields), Usage(prompt_tokens=7, completion_tokens=3, requests=2)),
               "tasks": Answer(SectionAnswer(items=[]), Usage(prompt_tokens=5, completion_tokens=1, requests=1))}
    extraction, usage = assemble(answers)
    assert extraction.unanswered == ["achievements"] and extraction.title == "T"
    parts = split(extraction, usage)
    assert parts["achievements"] is None and all(a.cached for a in parts.values() if a)
    assert assemble(parts) == (extraction, usage)


def test_a_section_without_a_usable_answer_is_unanswered_again_from_the_cache(tmp_path):
    class NoShortfalls(Recording):
        def answer(self, request):
            if request.section == "shortfalls":
                raise AnswerInvalid("1 validation error for SectionAnswer", spent=Usage(prompt_tokens=9, requests=1))
            return super().answer(request)

    doc = load_document(SEEDS[3])
    config = ModelConfig(model="m")
    with AnswerCache(tmp_path / "answers.sqlite3") as cache:
        fresh = Summarizer(config, CachedAnswers(NoShortfalls(), cache)).summarize_document(doc)
        cached = Summarizer(config, CachedAnswers(NoShortfalls(), cache)).summarize_document(doc)
    assert fresh.flags.sections_from_rules == cached.flags.sections_from_rules == ["shortfalls"]
    assert fresh.model_dump() == cached.model_dump()


def test_the_plan_keys_the_cache_as_before_and_refuses_what_is_no_report():
    doc = load_document(SEEDS[1])
    config = ModelConfig(model="m", mode="tools", temperature=0.0, max_tokens=2048)
    [part] = plan(doc, config).parts
    # the key is computed as it always was, so answers cached by earlier versions are still found
    hints = json.dumps(scope.by_section(doc), sort_keys=True)
    from summarizer.schema_export import schema_version

    assert part.key == cache_key(doc.numbered() + "\n" + hints, load_prompt().version, schema_version(), "m", "tools",
                                 0.0, 2048)
    assert [r.custom_id for r in part.requests] == [f"{doc.name}#{doc.sha256[:16]}#{s}" for s in SECTIONS]
    with pytest.raises(SourceError, match="no sentences found"):
        plan(document_from_text("0:00 / 0:00\n", "player.txt"), config)  # video-player text only
    with pytest.raises(SourceError, match=f"more than {MAX_PARTS}"):
        plan(document_from_text(LONG * 6, "huge.txt"), ModelConfig(max_report_chars=1000))
