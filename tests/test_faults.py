"""A 200-document batch against a loopback server that injects faults into 30 % of its answers:
429 with and without Retry-After, 500/502/503, hangs past the timeout, connection resets, malformed
JSON, answers cut off at the token budget, refusals and answers that fail the schema. Every document
ends summarized or recorded as failed with its reason; none is lost or written twice."""

import json
import random

import pytest

from summarizer.batch import BatchRunner
from summarizer.extract.client import ModelConfig
from summarizer.extract.provider import resolve
from summarizer.inputs import expand
from summarizer.output import OutputFolder
from tests.conftest import RECORDED_MODEL
from tests.replay_server import FAULTS, ReplayServer, seed_corpus

pytestmark = pytest.mark.block_network(allowed_hosts=["127.0.0.1"])
ATTEMPTS, REASKS = 4, 1


def test_two_hundred_documents_with_thirty_percent_faults(tmp_path):
    docs = seed_corpus(tmp_path / "in", 200)
    waits = []  # the live client's backoff, recorded instead of slept
    rng = random.Random(7)
    lock_free_choices = [rng.choice(FAULTS) if rng.random() < 0.3 else None for _ in range(20000)]
    out = tmp_path / "out"
    with ReplayServer(faults=lambda n, body: lock_free_choices[n]) as server:
        config = ModelConfig(model=RECORDED_MODEL, base_url=server.base_url, timeout=1.0,
                             transport_attempts=ATTEMPTS, reasks=REASKS, retry_wait=0.01, retry_max_wait=0.05)
        inputs, _ = expand([str(docs)])
        with OutputFolder(out, formats=()).hold() as folder:
            counts = BatchRunner(resolve(config, sleep=waits.append), folder, concurrency=8).run(inputs)
        inputs = list(inputs)

    # every kind of fault was really served
    assert set(server.served) == set(FAULTS), server.served
    # every document ended once: summarized or failed with a reason
    lines = [json.loads(x) for x in (out / "manifest.jsonl").read_text(encoding="utf-8").splitlines()]
    assert sorted(x["document"] for x in lines) == sorted(i.name for i in inputs)
    assert counts.done + counts.failed == 200 and counts.done >= 150
    for line in lines:
        stem = line["document"].rsplit("/", 1)[-1].removesuffix(".txt")
        written = out / f"{stem}.json"
        if line["status"] == "done":
            assert written.exists()
        else:
            assert line["error"] and not written.exists()
    assert not list(out.glob(".*.tmp"))  # no half-written file
    # bounded attempts: per request, transport retries × (re-asks + 1) × (one doubled budget)
    assert server.requests <= 200 * 3 * ATTEMPTS * (REASKS + 1) * 2
    # Retry-After was honoured where sent, backoff stayed within its cap elsewhere
    assert 0.05 in waits and all(w <= 0.05 for w in waits)
