"""Ctrl-C while a request hangs: the first one stops the batch within seconds, finishes nothing new,
keeps what is done and exits 130; the next run resumes. Requests wait briefly to connect and long
for an answer, and --help says so."""

import json
import os
import signal
import subprocess
import sys
import threading
import time

import httpx2
import pytest
from click.testing import CliRunner

from summarizer.cli import cli
from summarizer.extract.client import Extractor, ModelConfig
from tests.conftest import RECORDED_MODEL
from tests.replay_server import ReplayServer, seed_corpus

pytestmark = pytest.mark.block_network(allowed_hosts=["127.0.0.1"])


def _manifest(out):
    path = out / "manifest.jsonl"
    return [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines()] if path.exists() else []


def test_a_first_ctrl_c_stops_a_hanging_batch_within_seconds_and_keeps_what_is_done(tmp_path):
    docs = seed_corpus(tmp_path / "in", 3)
    first = sorted(docs.iterdir())[0]
    release = threading.Event()

    def hang_after_the_first_report(n, body):
        if n > 3:  # the first report's three requests are answered; every later one hangs
            release.wait(120)

    out = tmp_path / "out"
    with ReplayServer(faults=hang_after_the_first_report) as server:
        env = dict(os.environ, OPENAI_BASE_URL=server.base_url, SUMMARIZER_MODEL=RECORDED_MODEL)
        command = [sys.executable, "-m", "summarizer", "summarize", str(docs), "-o", str(out), "-j", "1", "--no-cache"]
        proc = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        try:
            deadline = time.monotonic() + 90
            while time.monotonic() < deadline and proc.poll() is None and not (
                    server.requests >= 4 and any(m["status"] == "done" for m in _manifest(out))):
                time.sleep(0.05)
            assert server.requests >= 4, "the second report's request never came"
            time.sleep(0.5)  # the second report's request is now hanging
            started = time.monotonic()
            proc.send_signal(signal.SIGINT)
            try:
                _, stderr = proc.communicate(timeout=20)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.communicate()
                pytest.fail("a first Ctrl-C did not stop the batch within 20 s")
            took = time.monotonic() - started
        finally:
            release.set()
            if proc.poll() is None:
                proc.kill()
                proc.communicate()

        assert proc.returncode == 130, stderr
        assert took < 5, took
        assert "interrupted" in stderr and "Traceback" not in stderr
        # what was done is kept; the report in flight is neither written nor recorded as failed
        assert [(m["document"], m["status"]) for m in _manifest(out)] == [(str(first), "done")]
        assert sorted(p.name for p in out.glob("*.json")) == [first.stem + ".json"]

        # the next run resumes: the finished report is skipped, the others are done
        server.faults = None
        rerun = subprocess.run(command, env=env, capture_output=True, text=True, timeout=120)
    assert rerun.returncode == 0, rerun.stderr
    assert "done 2, skipped 1, failed 0" in rerun.stderr


def test_requests_wait_briefly_to_connect_and_long_for_an_answer():
    timeout = Extractor(ModelConfig(model="m", base_url="http://model.test/v1")).client.client.timeout
    assert isinstance(timeout, httpx2.Timeout)
    assert timeout.connect == 10 and timeout.read == 600
    short = Extractor(ModelConfig(model="m", base_url="http://model.test/v1", timeout=1.0)).client.client.timeout
    assert short.connect == 1 and short.read == 1  # a test's short timeout is never exceeded by connecting


def test_help_says_the_timeouts_and_what_ctrl_c_does():
    text = " ".join(CliRunner().invoke(cli, ["summarize", "--help"]).output.split())
    assert "10 s to connect" in text and "600 s for its answer" in text
    assert "Ctrl-C stops within seconds" in text and "exit 130" in text
