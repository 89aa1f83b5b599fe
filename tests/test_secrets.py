"""API keys never reach cassettes, logs, outputs or error messages."""

import pytest
from click.testing import CliRunner
from vcr.request import Request

from summarizer.cli import cli
from tests.conftest import RECORD_URL, RECORDED_MODEL, ROOT, _scrub_request, _scrub_response

FAKE_KEY = "sk-summarizer-FAKE-KEY-0123456789abcdefXYZ"
SEED = ROOT / "seeds" / "001_09e389f302c63ca9.txt"


def test_recording_keeps_no_credentials_or_machine_headers():
    request = Request("POST", "http://x/v1/chat/completions", b"{}", {
        "Authorization": f"Bearer {FAKE_KEY}", "api-key": FAKE_KEY, "OpenAI-Organization": "org-1",
        "X-Stainless-OS": "Linux", "Cookie": "a=b", "Content-Type": "application/json"})
    assert dict(_scrub_request(request).headers) == {"Content-Type": "application/json"}
    response = {"headers": {"Set-Cookie": ["s=1"], "openai-organization": ["org"], "x-request-id": ["r"],
                            "Content-Type": ["application/json"]}}
    assert _scrub_response(response)["headers"] == {"Content-Type": ["application/json"]}


def test_committed_cassettes_hold_no_secret():
    cassettes = list((ROOT / "cassettes").glob("*.json"))
    assert cassettes
    for path in cassettes:
        text = path.read_text(encoding="utf-8").lower()
        for needle in ("authorization", "bearer ", "sk-", "api-key", "set-cookie", "x-stainless"):
            assert needle not in text, (path.name, needle)


@pytest.mark.vcr(str(ROOT / "cassettes" / f"seed_{SEED.stem}.json"))
def test_a_verbose_run_with_a_key_leaks_it_nowhere(tmp_path, monkeypatch):
    monkeypatch.setenv("OPENAI_API_KEY", FAKE_KEY)
    monkeypatch.setenv("OPENAI_BASE_URL", RECORD_URL)
    monkeypatch.setenv("SUMMARIZER_MODEL", RECORDED_MODEL)
    out = tmp_path / "out"
    missing = tmp_path / "missing.txt"
    result = CliRunner().invoke(cli, ["summarize", str(SEED), str(missing), "-o", str(out), "-v"])
    assert result.exit_code == 1 and "done 1" in result.output  # the missing file fails, the seed is done
    assert FAKE_KEY not in result.output and FAKE_KEY[:12] not in result.output
    for path in out.iterdir():
        assert FAKE_KEY not in path.read_text(encoding="utf-8")
