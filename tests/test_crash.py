"""SIGKILL a batch at random moments, resume it each time: the final outputs equal an uninterrupted
run's, with no partial file and no input done twice in the end."""

import json
import os
import random
import signal
import subprocess
import sys
import time

import pytest
from click.testing import CliRunner

from summarizer.cli import cli
from tests.conftest import RECORDED_MODEL, ROOT
from tests.replay_server import ReplayServer, seed_corpus

pytestmark = pytest.mark.block_network(allowed_hosts=["127.0.0.1"])


def outputs(folder):
    if not folder.is_dir():
        return {}
    return {p.name: p.read_text(encoding="utf-8") for p in sorted(folder.iterdir())
            if p.suffix in (".json", ".md", ".html") and p.name != "manifest.jsonl"}


def briefings_written(folder):
    return len(list(folder.glob("*.json"))) if folder.is_dir() else 0


def test_killed_batches_resume_to_the_same_outputs(tmp_path, monkeypatch):
    docs = seed_corpus(tmp_path / "in", 12)
    with ReplayServer(latency=0.15) as server:
        env = dict(os.environ, OPENAI_BASE_URL=server.base_url, SUMMARIZER_MODEL=RECORDED_MODEL,
                   PYTHONPATH=str(ROOT), SUMMARIZER_CACHE_DIR=str(tmp_path / "cache"))
        monkeypatch.setenv("OPENAI_BASE_URL", server.base_url)
        monkeypatch.setenv("SUMMARIZER_MODEL", RECORDED_MODEL)
        reference = tmp_path / "reference"
        assert CliRunner().invoke(cli, ["summarize", str(docs), "-o", str(reference), "--format", "md,html",
                                        "-q", "--no-cache"]).exit_code == 0

        out = tmp_path / "out"
        rng = random.Random(3)
        command = [sys.executable, "-m", "summarizer", "summarize", str(docs), "-o", str(out), "--format", "md,html",
                   "-j", "3", "-q"]
        progress = []
        for _ in range(8):
            before = briefings_written(out)
            proc = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            # kill once this run has finished a report, at a random moment after it: however slow the
            # machine (start-up alone takes 1.5–4 s), every kill lands mid-batch, often mid-write
            deadline = time.monotonic() + 60
            while proc.poll() is None and time.monotonic() < deadline and briefings_written(out) == before:
                time.sleep(0.01)
            time.sleep(rng.uniform(0.0, 0.3))
            proc.send_signal(signal.SIGKILL)  # a no-op if the run has already finished
            proc.wait()
            for name, text in outputs(out).items():  # whatever exists is whole
                if name.endswith(".json"):
                    json.loads(text)
                else:
                    assert text.endswith("\n"), name
            progress.append(briefings_written(out))
        assert any(0 < n < 12 for n in progress), progress  # some kills really landed mid-batch
        final = subprocess.run(command, env=env, capture_output=True, text=True, timeout=120)
        assert final.returncode == 0, final.stderr

    assert outputs(out) == outputs(reference)
    assert not list(out.glob(".*.tmp"))
    last_run = [json.loads(x) for x in (out / "manifest.jsonl").read_text(encoding="utf-8").splitlines()][-12:]
    assert sorted(x["document"] for x in last_run) == sorted(str(p) for p in docs.iterdir())
