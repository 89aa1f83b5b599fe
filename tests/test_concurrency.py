"""Batches against a real loopback server answering with recorded bodies: bounded concurrency, every
input accounted for once, and a rerun that makes no request at all."""

import json

import pytest
from click.testing import CliRunner

from summarizer.cli import cli
from tests.conftest import RECORDED_MODEL, ROOT, SEEDS
from tests.replay_server import ReplayServer, seed_corpus

pytestmark = pytest.mark.block_network(allowed_hosts=["127.0.0.1"])


def corpus(folder, copies):
    return seed_corpus(folder, copies * len(SEEDS))


def recorded_requests() -> int:
    """Requests the five seeds take, as recorded: three each, plus any re-ask the model needed."""
    return sum(len(json.loads((ROOT / "cassettes" / f"seed_{s.stem}.json").read_text(encoding="utf-8"))["interactions"])
               for s in SEEDS)


def test_concurrent_batch_is_bounded_complete_and_resumable(tmp_path, monkeypatch):
    docs = corpus(tmp_path / "in", copies=4)
    out = tmp_path / "out"
    bad = docs / "zz-empty.txt"
    bad.write_text("")
    with ReplayServer(latency=0.2) as server:
        monkeypatch.setenv("OPENAI_BASE_URL", server.base_url)
        monkeypatch.setenv("SUMMARIZER_MODEL", RECORDED_MODEL)
        # --no-cache: the copies would otherwise be answered from the cache, not the server
        result = CliRunner().invoke(cli, ["summarize", str(docs), "-o", str(out), "-j", "6", "-q", "--no-cache"])
        assert result.exit_code == 1, result.output
        assert "done 20, skipped 0, failed 1" in result.output
        assert 2 <= server.max_in_flight <= 6  # really concurrent, never past the bound
        assert server.requests == 4 * recorded_requests()
        outputs = sorted(p.name for p in out.glob("*.json"))
        assert len(outputs) == 20 and len(list(out.glob("*.md"))) == 20
        lines = [json.loads(x) for x in (out / "manifest.jsonl").read_text(encoding="utf-8").splitlines()]
        assert sorted(x["status"] for x in lines) == ["done"] * 20 + ["failed"]
        assert len({x["document"] for x in lines}) == 21  # every input once

        again = CliRunner().invoke(cli, ["summarize", str(docs), "-o", str(out), "-j", "6", "-q"])
        assert "done 0, skipped 20, failed 1" in again.output
        assert server.requests == 4 * recorded_requests()  # nothing computed twice


def test_the_answer_cache_saves_every_call_on_a_redo_and_no_cache_bypasses_it(tmp_path, monkeypatch):
    docs = corpus(tmp_path / "in", copies=1)
    out = tmp_path / "out"
    with ReplayServer() as server:
        monkeypatch.setenv("OPENAI_BASE_URL", server.base_url)
        monkeypatch.setenv("SUMMARIZER_MODEL", RECORDED_MODEL)
        run = lambda *extra: CliRunner().invoke(cli, ["summarize", str(docs), "-o", str(out), "-q", *extra])  # noqa: E731
        n = recorded_requests()
        assert run().exit_code == 0 and server.requests == n
        for p in out.glob("*.json"):
            p.unlink()  # outputs lost: the briefings are rebuilt from cached answers
        assert "done 5" in run().output and server.requests == n
        rerun = [json.loads(x) for x in (out / "manifest.jsonl").read_text(encoding="utf-8").splitlines()][-5:]
        assert all(x["cached"] and x["prompt_tokens"] == 0 for x in rerun)  # nothing spent, and it says so
        assert run("--force", "--no-cache").exit_code == 0 and server.requests == 2 * n
        info = CliRunner().invoke(cli, ["cache", "info"]).output
        assert ": 5 answers" in info
        assert "removed 5 answers" in CliRunner().invoke(cli, ["cache", "clear"]).output


def test_copies_of_a_report_in_flight_at_once_are_asked_once(tmp_path, monkeypatch):
    docs = corpus(tmp_path / "in", copies=4)  # each seed four times, all submitted together
    with ReplayServer(latency=0.3) as server:
        monkeypatch.setenv("OPENAI_BASE_URL", server.base_url)
        monkeypatch.setenv("SUMMARIZER_MODEL", RECORDED_MODEL)
        result = CliRunner().invoke(cli, ["summarize", str(docs), "-o", str(tmp_path / "out"), "-j", "8", "-q"])
        assert result.exit_code == 0 and "done 20" in result.output
        assert server.requests == recorded_requests()  # not 4 × : a copy waits for the first answer and reads it from the cache
        assert server.max_in_flight >= 2  # the distinct reports still run concurrently
    lines = [json.loads(x) for x in (tmp_path / "out" / "manifest.jsonl").read_text(encoding="utf-8").splitlines()]
    assert sum(not x["cached"] for x in lines) == 5 and sum(x["cached"] for x in lines) == 15


def test_cache_key_covers_text_prompt_schema_model_and_parameters():
    from summarizer.extract.plan import cache_key

    base = ("[1] Câu.", "briefing@a", "extraction@b", "m", "tools", 0.0, 2048)
    keys = {cache_key(*base)}
    for i, changed in enumerate(["[1] Câu khác.", "briefing@c", "extraction@d", "m2", "json", 0.7, 1024]):
        variant = list(base)
        variant[i] = changed
        keys.add(cache_key(*variant))
    assert len(keys) == 8


def test_bad_inputs_in_a_batch_each_get_their_own_message_and_the_rest_is_done(tmp_path, monkeypatch):
    docs = corpus(tmp_path / "in", copies=1)
    text = SEEDS[3].read_text(encoding="utf-8")
    # ~5 MB of distinct paragraphs (a repeated line would be dropped as a scraped duplicate)
    (docs / "huge.txt").write_text("".join(text.replace("\n\n", f" ({k}).\n\n") for k in range(900)), encoding="utf-8")
    (docs / "scan.txt").write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    (docs / "blob.txt").write_bytes(bytes(range(256)) * 8)
    (docs / "page.html").write_text("<html><body><p>Sáng 8/10, huyện Như Xuân họp.</p></body></html>",
                                    encoding="utf-8")
    (docs / "utf16.txt").write_bytes(SEEDS[1].read_text(encoding="utf-8").encode("utf-16"))
    assert (docs / "huge.txt").stat().st_size > 5_000_000
    with ReplayServer() as server:
        monkeypatch.setenv("OPENAI_BASE_URL", server.base_url)
        monkeypatch.setenv("SUMMARIZER_MODEL", RECORDED_MODEL)
        result = CliRunner().invoke(cli, ["summarize", str(docs), str(tmp_path / "gone.txt"), "-o",
                                          str(tmp_path / "out"), "-q", "--no-cache"])
    out = result.output
    assert result.exit_code == 1
    assert "in/huge.txt: the report has 4,074,910 characters: 69 parts of at most 60,000, more than 20" in out
    assert "scan.txt: not a readable PDF" in out and "blob.txt: binary data" in out
    assert "gone.txt: no such file or directory" in out
    # the HTML page is read (the replay server has no answer for it: it fails at the model, by name)
    assert "page.html: model server answered HTTP 404" in out
    # the UTF-16 copy of seed 001 is read and summarized like the original
    assert (tmp_path / "out" / "utf16.json").exists()
    assert "done 6, skipped 0, failed 5" in out


def test_cost_per_document_and_batch_from_the_price_table(tmp_path, monkeypatch):
    from summarizer.cost import cost_usd

    assert cost_usd("gpt-4o-mini", 1_000_000, 1_000_000) == 0.75
    assert cost_usd("some-unknown-model", 10, 10) is None
    docs = corpus(tmp_path / "in", copies=1)
    with ReplayServer() as server:
        monkeypatch.setenv("OPENAI_BASE_URL", server.base_url)
        monkeypatch.setenv("SUMMARIZER_MODEL", "gpt-4o-mini")  # the replayed answers, priced as gpt-4o-mini
        result = CliRunner().invoke(cli, ["summarize", str(docs), "-o", str(tmp_path / "out"), "-q", "--no-cache"])
        lines = [json.loads(x) for x in (tmp_path / "out" / "manifest.jsonl").read_text(encoding="utf-8").splitlines()]
        expected = sum(cost_usd("gpt-4o-mini", x["prompt_tokens"], x["completion_tokens"]) for x in lines)
        assert all(x["cost_usd"] > 0 for x in lines)
        assert f"cost ${expected:.4f}" in result.output
        monkeypatch.setenv("SUMMARIZER_MODEL", "some-unknown-model")
        result = CliRunner().invoke(cli, ["summarize", str(docs), "-o", str(tmp_path / "out2"), "-q", "--no-cache"])
        assert "cost unknown (no price for this model)" in result.output


FIRST_ANSWERS_AT_ONCE = """
import json, sys, threading
import httpx2
from summarizer.core.schema import SectionAnswer
from summarizer.extract.client import Extractor, ModelConfig

sys.setswitchinterval(1e-6)  # switch threads as often as possible, to make the race likely
N = 32
arrived = threading.Barrier(N)  # every request on the wire at once: the wire is outside the lock
arguments = {"title": "T", "locality": None, "period": None, "meeting": None,
             "items": [{"text": "a", "sentences": [1]}], "people": []}
body = {"id": "c", "object": "chat.completion", "created": 0, "model": "m", "choices": [{
    "index": 0, "finish_reason": "stop", "message": {"role": "assistant", "content": None, "tool_calls": [{
        "id": "t", "type": "function", "function": {"name": "SectionAnswer", "arguments": json.dumps(arguments)}}]}}],
    "usage": {"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2}}

def answer(request):
    arrived.wait(timeout=30)
    return httpx2.Response(200, json=body)

extractor = Extractor(ModelConfig(model="m", base_url="http://model.test/v1", transport_attempts=1, reasks=0),
                      http_client=httpx2.Client(transport=httpx2.MockTransport(answer)))
errors = []

def ask():
    try:
        extractor.extract([{"role": "user", "content": "x"}], 3, SectionAnswer, "doc.txt")
    except Exception as e:
        errors.append(str(e))

threads = [threading.Thread(target=ask) for _ in range(N)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(json.dumps(errors))
"""


def test_first_answers_parsed_in_many_threads_at_once_all_succeed(tmp_path):
    # openai builds its response models on first use and pydantic's build is not thread-safe
    # (openai/openai-python#3079): before the fix, 5 of 6 fresh processes lost answers to "BaseModel
    # cannot be instantiated directly". Fresh processes, because the build happens once per process.
    import os
    import subprocess
    import sys
    from pathlib import Path

    script = tmp_path / "first_answers.py"
    script.write_text(FIRST_ANSWERS_AT_ONCE)
    repo = str(Path(__file__).resolve().parents[1])  # the code under test, not whatever is installed
    for _ in range(3):
        run = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=120,
                             cwd=repo, env=dict(os.environ, PYTHONPATH=repo))
        assert run.returncode == 0, run.stderr[-2000:]
        assert json.loads(run.stdout) == []


def test_progress_bar_never_wraps_on_a_narrow_terminal(monkeypatch):
    import io
    import os

    from summarizer.cli import ProgressBar

    monkeypatch.setenv("COLUMNS", "40")
    stream = io.StringIO()
    ProgressBar(stream, lambda: (3, 200, "done 3, failed 0, in flight 16, ETA 12 min, tokens 1234567")).update()
    assert stream.getvalue() == "[........................] 3/200 done 3"[:39]
    assert len(stream.getvalue()) < int(os.environ["COLUMNS"])


def test_progress_bar_keeps_one_line_redrawn_and_log_lines_above_it():
    import io
    import logging

    from summarizer.cli import ProgressBar

    stream, state = io.StringIO(), {"finished": 0}
    bar = ProgressBar(stream, lambda: (state["finished"], 4, f"done {state['finished']}"), width=8)
    bar.setFormatter(logging.Formatter("%(message)s"))
    bar.update()
    state["finished"] = 2
    bar.handle(logging.LogRecord("summarizer", logging.INFO, "", 0, "[2/4] b.txt: done", None, None))
    bar.finish()
    assert stream.getvalue() == ("[........] 0/4 done 0" "\r\x1b[K" "[2/4] b.txt: done\n"
                                 "[####....] 2/4 done 2" "\r\x1b[K")


def test_on_a_terminal_the_batch_draws_the_bar_to_the_end_and_quiet_draws_none(tmp_path, monkeypatch):
    import summarizer.cli

    docs = corpus(tmp_path / "in", copies=1)
    monkeypatch.setattr(summarizer.cli, "_on_terminal", lambda: True)
    with ReplayServer(latency=0.05) as server:
        monkeypatch.setenv("OPENAI_BASE_URL", server.base_url)
        monkeypatch.setenv("SUMMARIZER_MODEL", RECORDED_MODEL)
        shown = CliRunner().invoke(cli, ["summarize", str(docs), "-o", str(tmp_path / "out"), "-j", "2"])
        quiet = CliRunner().invoke(cli, ["summarize", str(docs), "-o", str(tmp_path / "out2"), "-q"])
    assert shown.exit_code == 0 and quiet.exit_code == 0
    assert "] 5/5 done 5, failed 0, in flight 0" in shown.stderr  # the last redraw: everything done
    assert shown.stderr.rsplit("\r\x1b[K", 1)[-1].startswith("done 5,")  # bar erased before the summary
    assert "\x1b[K" not in quiet.stderr and "[" not in quiet.stderr
