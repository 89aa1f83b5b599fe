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
