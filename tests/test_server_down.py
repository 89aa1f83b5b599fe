"""A model server that is down: after a few reports in a row cannot connect, the batch stops with one
message naming the URL (never its credentials) and what to check; the rest are recorded as not
attempted, every retry warning names its report, and a rerun resumes."""

import json
import os
import re
import socket

import pytest
from click.testing import CliRunner

from summarizer.batch import UNREACHABLE_STOP
from summarizer.cli import cli
from summarizer.extract import retry
from tests.conftest import RECORDED_MODEL
from tests.replay_server import ReplayServer, seed_corpus

pytestmark = pytest.mark.block_network(allowed_hosts=["127.0.0.1"])


def closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]  # nothing listens there once the socket is closed


def test_a_batch_against_a_closed_port_stops_with_one_clear_message_and_resumes(tmp_path, monkeypatch):
    docs = seed_corpus(tmp_path / "in", 40)
    out = tmp_path / "out"
    waits = []
    monkeypatch.setattr(retry, "_sleep", waits.append)  # the backoff is recorded, not slept
    port = closed_port()
    monkeypatch.setenv("OPENAI_BASE_URL", f"http://summ-user:pw-Secret-42@127.0.0.1:{port}/v1")
    monkeypatch.setenv("SUMMARIZER_MODEL", RECORDED_MODEL)
    result = CliRunner().invoke(cli, ["summarize", str(docs), "-o", str(out), "-j", "2", "--no-cache"])
    assert result.exit_code == 1
    output = result.output

    url = f"http://127.0.0.1:{port}/v1"
    stops = [line for line in output.splitlines() if "stopped:" in line]
    assert len(stops) == 1, output[-2000:]
    assert url in stops[0] and "Check that the server is running" in stops[0] and "OPENAI_BASE_URL" in stops[0]
    assert "pw-Secret-42" not in output and "summ-user" not in output

    lines = [json.loads(x) for x in (out / "manifest.jsonl").read_text(encoding="utf-8").splitlines()]
    assert sorted(x["document"] for x in lines) == sorted(str(p) for p in docs.iterdir())  # each once
    failed = [x for x in lines if x["status"] == "failed"]
    skipped = [x for x in lines if x["status"] == "not attempted"]
    assert UNREACHABLE_STOP <= len(failed) <= UNREACHABLE_STOP + 2 * 2  # those in flight or queued when it stopped
    assert all(x["error"] == f"cannot reach the model server at {url}" for x in failed)
    assert len(skipped) == 40 - len(failed)
    # the summary counts them apart: failed are the reports tried, not attempted the rest
    summary = f"done 0, skipped 0, failed {len(failed)}, not attempted {len(skipped)}; tokens"
    assert summary in output, output[-500:]
    assert all(x["path"] == os.path.realpath(x["document"]) for x in skipped)  # named like every other line
    # bounded: the retries of the reports that were tried, not of all 40
    assert len(waits) <= len(failed) * (5 - 1)
    # every retry warning names its report and section
    faults = [line for line in output.splitlines() if "model server fault" in line]
    assert faults and all(re.match(r"warning: \d{6}-\d{3}_[0-9a-f]{16}\.txt \((achievements|shortfalls|tasks)\): "
                                   r"model server fault \(ConnectError\); retry \d", line) for line in faults), faults[:3]

    # the server comes back: the same command resumes and does the reports left
    with ReplayServer() as server:
        monkeypatch.setenv("OPENAI_BASE_URL", server.base_url)
        again = CliRunner().invoke(cli, ["summarize", str(docs), "-o", str(out), "-j", "2", "--no-cache", "-q"])
    assert again.exit_code == 0 and "done 40, skipped 0, failed 0" in again.output


def test_a_server_that_answers_after_failures_keeps_the_batch_going(tmp_path, monkeypatch):
    # connection failures that do not come in a row (a flaky network) never stop the batch
    docs = seed_corpus(tmp_path / "in", 12)
    monkeypatch.setattr(retry, "_sleep", lambda s: None)
    with ReplayServer() as server:
        good = server.base_url
        down = f"http://127.0.0.1:{closed_port()}/v1"
        # reports alternate between a down and an up server: never UNREACHABLE_STOP in a row
        from summarizer.batch import BatchRunner, Manifest, expand
        from summarizer.extract.client import ModelConfig

        inputs, _ = expand([str(docs)])
        manifest = Manifest(tmp_path / "out" / "manifest.jsonl")
        runner = BatchRunner(ModelConfig(model=RECORDED_MODEL, base_url=good, transport_attempts=1),
                             tmp_path / "out", manifest, concurrency=1, render=lambda *a, **k: None)
        real = runner._ensure_summarizer

        def alternate():
            real()
            runner.summarizer.extractor.client.client.base_url = down if runner.counts.failed <= runner.counts.done \
                else good
        calls = []

        def summarize_one(item, doc, label, _orig=runner._summarize_one):
            alternate()
            calls.append(item.name)
            return _orig(item, doc, label)

        monkeypatch.setattr(runner, "_summarize_one", summarize_one)
        counts = runner.run(inputs)
        manifest.close()
    assert runner.stopped is None and len(calls) == 12
    assert counts.done + counts.failed == 12 and counts.done >= 5 and counts.failed >= 5
