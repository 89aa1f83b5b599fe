"""A model server that is down: after a few reports in a row cannot connect, the batch stops with one
message naming the URL (never its credentials) and what to check; the rest are recorded as not
attempted, every retry warning names its report, and a rerun resumes."""

import json
import os
import re
import socket

import pytest
from click.testing import CliRunner

from functools import partial

from summarizer.batch import UNREACHABLE_STOP
from summarizer.cli import cli
from summarizer.extract.client import Extractor, ModelConfig
from summarizer.extract.provider import Provider, resolve
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
    port = closed_port()
    monkeypatch.setenv("OPENAI_BASE_URL", f"http://summ-user:pw-Secret-42@127.0.0.1:{port}/v1")
    monkeypatch.setenv("SUMMARIZER_MODEL", RECORDED_MODEL)
    # the run's provider as the command line resolves it, its backoff recorded instead of slept
    result = CliRunner().invoke(cli, ["summarize", str(docs), "-o", str(out), "-j", "2", "--no-cache"],
                                obj=partial(resolve, sleep=waits.append))
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


def test_a_server_that_answers_after_failures_keeps_the_batch_going(tmp_path):
    # connection failures that do not come in a row (a flaky network) never stop the batch
    docs = seed_corpus(tmp_path / "in", 12)
    with ReplayServer() as server:
        def live(url):
            return Extractor(ModelConfig(model=RECORDED_MODEL, base_url=url, transport_attempts=1))

        up, down = live(server.base_url), live(f"http://127.0.0.1:{closed_port()}/v1")

        class Alternating:
            """Through the answering seam: reports alternate between a server that is down and one
            that answers, so never UNREACHABLE_STOP reports in a row fail to connect."""

            def __init__(self):
                self.reports = []

            def answer(self, request):
                if request.section == request.part_sections[0]:
                    self.reports.append(request.part.name)
                return (down if len(self.reports) % 2 else up).answer(request)

        alternating = Alternating()
        result = CliRunner().invoke(cli, ["summarize", str(docs), "-o", str(tmp_path / "out"), "-j", "1", "--no-cache"],
                                    obj=lambda config: Provider(config, 1, answerer=alternating))
    assert "stopped:" not in result.output and len(alternating.reports) == 12
    assert result.exit_code == 1 and "done 6, skipped 0, failed 6" in result.output
    assert result.output.count("cannot reach the model server at http://127.0.0.1:") == 6
