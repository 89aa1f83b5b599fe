from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests import cassette_format

ROOT = Path(__file__).resolve().parents[1]
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
# The server the cassettes were recorded from (scripts/record-cassettes sets it). The host is not
# matched on replay, so any URL works then; this one is never contacted with --block-network.
RECORD_URL = os.environ.get("SUMMARIZER_RECORD_URL", "http://127.0.0.1:8081/v1")
RECORDED_MODEL = os.environ.get("SUMMARIZER_RECORD_MODEL", "qwen2.5-coder-1.5b-instruct-q4_k_m")
RECORD_API_KEY = os.environ.get("SUMMARIZER_RECORD_API_KEY")  # only when recording from OpenAI
KEEP_REQUEST_HEADERS = {"content-type", "accept"}
KEEP_RESPONSE_HEADERS = {"content-type"}


def _scrub_request(request):
    # keep only what is needed to read the cassette: no authorization, api-key, organization,
    # project, cookies or x-stainless-* (which differ between machines)
    for name in list(request.headers):
        if name.lower() not in KEEP_REQUEST_HEADERS:
            del request.headers[name]
    return request


def _scrub_response(response):
    response["headers"] = {k: v for k, v in response["headers"].items() if k.lower() in KEEP_RESPONSE_HEADERS}
    return response


@pytest.fixture(scope="session")
def vcr_config():
    return {
        "serializer": "json",
        "match_on": ["method", "path", "json_body"],
        "decode_compressed_response": True,
        "filter_headers": ["authorization", "api-key", "openai-organization", "openai-project", "cookie"],
        "before_record_request": _scrub_request,
        "before_record_response": _scrub_response,
    }


@pytest.fixture(scope="session")
def vcr_cassette_dir():
    return str(ROOT / "cassettes")


def pytest_recording_configure(config, vcr):
    vcr.register_serializer("json", cassette_format)
    vcr.register_matcher("json_body", cassette_format.json_body_matcher)


@pytest.fixture(autouse=True)
def isolated_user_state(monkeypatch, tmp_path):
    """No test sees the developer's keys, servers or caches."""
    for name in list(os.environ):
        if name.startswith(("OPENAI_", "SUMMARIZER_")) and not name.startswith("SUMMARIZER_RECORD_"):
            monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("SUMMARIZER_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("HOME", str(tmp_path / "home"))


@pytest.fixture
def server(monkeypatch):
    """A loopback server replaying the recorded answers (tests/replay_server.py), set as the model
    server of every run in the test (OPENAI_BASE_URL, SUMMARIZER_MODEL)."""
    from tests.replay_server import ReplayServer

    with ReplayServer() as replay:
        monkeypatch.setenv("OPENAI_BASE_URL", replay.base_url)
        monkeypatch.setenv("SUMMARIZER_MODEL", RECORDED_MODEL)
        yield replay


def user_prompt_of(text: str) -> str:
    """The user message the shipped prompt sends for a report of `text` (the achievements request):
    what the model reads of the report; the system message is ours alone."""
    from summarizer.extract.prompts import load_prompt
    from summarizer.pipeline import document_from_text

    return load_prompt().messages(document_from_text(text, "x.txt"), "achievements", [1])[1]["content"]
