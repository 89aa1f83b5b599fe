"""Nothing lost, overwritten or miscounted (issue 11, cases 1–5 and 14): two runs into one folder, a
full disk, inputs whose outputs would share a name, a broken answer cache, a read-only output folder,
and the counting of tokens, strictness and warnings. Each test failed on the code before its fix."""

import contextlib
import errno
import json
import logging
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from summarizer.batch import BatchRunner, Manifest, expand
from summarizer.cli import cli
from summarizer.core.schema import Briefing
from summarizer.extract import retry
from summarizer.extract.client import ModelConfig
from tests.conftest import RECORDED_MODEL, ROOT, SEEDS
from tests.replay_server import ReplayServer, seed_corpus

pytestmark = pytest.mark.block_network(allowed_hosts=["127.0.0.1"])
SUMMARY = re.compile(r"done (\d+), skipped (\d+), failed (\d+); tokens")


@pytest.fixture
def server(monkeypatch):
    with ReplayServer() as replay:
        monkeypatch.setenv("OPENAI_BASE_URL", replay.base_url)
        monkeypatch.setenv("SUMMARIZER_MODEL", RECORDED_MODEL)
        yield replay


def summarize(*args, input=None):
    return CliRunner().invoke(cli, ["summarize", *map(str, args)], input=input)


def whole_lines(folder: Path) -> list[dict]:
    """The manifest's lines, each of which must be whole JSON."""
    return [json.loads(x) for x in (folder / "manifest.jsonl").read_text(encoding="utf-8").splitlines()]


def counts(output: str) -> tuple[int, int, int]:
    match = SUMMARY.search(output)
    assert match, output
    return tuple(int(n) for n in match.groups())


def no_traceback(result) -> None:
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert "Traceback" not in result.output, result.output


def cache_file() -> Path:
    return Path(os.environ["SUMMARIZER_CACHE_DIR"]) / "answers.sqlite3"


def test_a_garbage_cache_file_is_moved_aside_once_and_every_command_works(tmp_path, server):
    cache_file().parent.mkdir(parents=True)
    garbage = b"this is no database\n" * 300

    cache_file().write_bytes(garbage)
    info = CliRunner().invoke(cli, ["cache", "info"])
    no_traceback(info)
    assert info.exit_code == 0 and ": 0 answers" in info.output
    assert info.output.count("moved aside") == 1 and "file is not a database" in info.output

    cache_file().write_bytes(garbage)
    cleared = CliRunner().invoke(cli, ["cache", "clear"])
    no_traceback(cleared)
    assert cleared.exit_code == 0 and "removed 0 answers" in cleared.output
    assert not list(cache_file().parent.glob("*.broken-*"))  # clear also removes what was moved aside

    cache_file().write_bytes(garbage)
    result = summarize(SEEDS[1], "-o", tmp_path / "out")
    no_traceback(result)
    assert result.exit_code == 0 and counts(result.output)[0] == 1
    assert result.output.count("moved aside") == 1
    [aside] = cache_file().parent.glob("answers.sqlite3.broken-*")
    assert aside.read_bytes() == garbage  # kept for a post-mortem, out of the way
    assert ": 1 answers" in CliRunner().invoke(cli, ["cache", "info"]).output  # the new cache works


def test_a_truncated_cache_is_moved_aside_and_the_batch_goes_on(tmp_path, server):
    docs = seed_corpus(tmp_path / "in", 5)
    out = tmp_path / "out"
    assert summarize(docs, "-o", out, "-q").exit_code == 0
    data = cache_file().read_bytes()
    page = int.from_bytes(data[16:18], "big")
    cache_file().write_bytes(data[: page + page // 2])  # the first page and half of the next
    for p in out.glob("*.json"):
        p.unlink()
    result = summarize(docs, "-o", out)
    no_traceback(result)
    assert result.exit_code == 0 and counts(result.output) == (5, 0, 0), result.output
    assert result.output.count("moved aside") == 1


def test_a_cache_folder_that_cannot_be_made_leaves_the_run_uncached(tmp_path, monkeypatch, server):
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    monkeypatch.setenv("SUMMARIZER_CACHE_DIR", str(blocker / "cache"))  # mkdir fails, even for root
    result = summarize(SEEDS[1], "-o", tmp_path / "out")
    no_traceback(result)
    assert result.exit_code == 0 and counts(result.output) == (1, 0, 0)
    assert result.output.count("going on without it") == 1
    for command in ("info", "clear"):
        shown = CliRunner().invoke(cli, ["cache", command])
        no_traceback(shown)
        assert shown.exit_code == 1 and f"{blocker / 'cache'}" in shown.output and "cannot be used" in shown.output


def test_an_unreadable_cached_answer_is_a_miss(tmp_path, server):
    docs = seed_corpus(tmp_path / "in", 2)
    out = tmp_path / "out"
    assert summarize(docs, "-o", out, "-q").exit_code == 0 and server.requests == 6
    with contextlib.closing(sqlite3.connect(cache_file())) as db, db:
        db.execute("""UPDATE answers SET extraction = '{"title": 5}'""")
    for p in out.glob("*.json"):
        p.unlink()
    result = summarize(docs, "-o", out, "-q")
    assert result.exit_code == 0 and counts(result.output) == (2, 0, 0), result.output
    assert server.requests == 12  # asked again
    assert not any(x["cached"] for x in whole_lines(out)[-2:])
    # and the fresh answers replaced the bad rows
    for p in out.glob("*.json"):
        p.unlink()
    assert counts(summarize(docs, "-o", out, "-q").output) == (2, 0, 0) and server.requests == 12


def test_re_asking_is_said_only_when_a_re_ask_follows(caplog):
    from summarizer.errors import ModelError
    from tests.test_model_client import VALID, Script, completion, extract, extractor

    bad = dict(VALID, achievements=[{"text": "Đạt 54% kế hoạch.", "sentences": [9]}])
    script = Script((200, {}, completion(bad)), (200, {}, completion(bad)))
    with caplog.at_level(logging.WARNING, logger="summarizer"), pytest.raises(ModelError):
        extract(extractor(script, reasks=1))
    assert len(script.requests) == 2
    said = [r.getMessage() for r in caplog.records if r.name.startswith("summarizer")]
    assert [line.endswith("re-asking") for line in said] == [True], said


@pytest.mark.parametrize("status, body, says", [
    (401, {"error": {"message": "Incorrect API key provided: KEY", "type": "invalid_request_error"}},
     "Incorrect API key provided: ***"),  # OpenAI
    (404, {"object": "error", "message": "The model `m` does not exist.", "type": "NotFoundError", "code": 404},
     "The model `m` does not exist."),  # vLLM
    (404, {"error": "model 'm' not found"}, "model 'm' not found"),  # Ollama
    (404, "404 page not found", "404 page not found"),  # a plain-text server
])
def test_a_refused_request_keeps_the_servers_own_message(status, body, says):
    import httpx2

    from summarizer.errors import ModelError
    from tests.test_model_client import KEY, extract, extractor

    def server_answer(request):
        if isinstance(body, str):
            return httpx2.Response(status, text=body)
        return httpx2.Response(status, json=json.loads(json.dumps(body).replace("KEY", KEY)))

    with pytest.raises(ModelError) as e:
        extract(extractor(server_answer))
    assert str(e.value) == f"model server answered HTTP {status}: {says}"
