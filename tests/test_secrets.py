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


PASSWORD = "pw-Hunter2-0123456789"
ECHOED = "a report the server answers with 401, echoing the credentials it was sent"


class EchoingServer:
    """Answers the seed with its recorded answers; any other request with a 401 whose body echoes
    the Authorization header and the API key, as careless servers do."""

    def __init__(self, key: str) -> None:
        import json
        import threading
        from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

        from tests.replay_server import _key, load_answers

        answers = load_answers()

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args):
                pass

            def do_POST(self):
                body = json.loads(self.rfile.read(int(self.headers.get("content-length") or 0)))
                answer = answers.get(_key(body))
                status = 200 if answer else 401
                if answer is None:
                    answer = json.dumps({"error": {"message": f"Incorrect API key provided: {key}; you sent "
                                                              f"{self.headers.get('authorization')}"}})
                data = answer.encode()
                self.send_response(status)
                self.send_header("content-type", "application/json")
                self.send_header("content-length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.mark.block_network(allowed_hosts=["127.0.0.1"])
@pytest.mark.parametrize("verbosity", ["-v", None, "-q"])
def test_credentials_in_the_url_and_a_key_echoed_by_the_server_are_redacted_everywhere(tmp_path, verbosity):
    import base64
    import os
    import subprocess
    import sys

    echo = tmp_path / "echo.txt"
    echo.write_text(f"{ECHOED}. Thu ngân sách đạt 5 tỷ đồng.\n", encoding="utf-8")
    out = tmp_path / "out"
    secrets = [FAKE_KEY, PASSWORD, base64.b64encode(f"summ-user:{PASSWORD}".encode()).decode()]
    with EchoingServer(FAKE_KEY) as server:
        port = server.httpd.server_address[1]
        env = dict(os.environ, OPENAI_API_KEY=FAKE_KEY, SUMMARIZER_MODEL=RECORDED_MODEL,
                   OPENAI_BASE_URL=f"http://summ-user:{PASSWORD}@127.0.0.1:{port}/v1")
        args = [sys.executable, "-m", "summarizer", "summarize", str(SEED), str(echo), "-o", str(out), "--no-cache"]
        result = subprocess.run(args + ([verbosity] if verbosity else []), env=env, capture_output=True,
                                text=True, timeout=120)
    shown = result.stdout + result.stderr
    assert result.returncode == 1 and "done 1" in shown, shown[-3000:]  # the seed is done, the echo fails
    assert f"{echo}: model server answered HTTP 401" in shown
    if verbosity == "-v":  # the request lines are still logged, without their credentials
        assert f"http://***@127.0.0.1:{port}/v1/chat/completions" in shown
    written = {p.name: p.read_text(encoding="utf-8") for p in out.iterdir()}
    for secret in secrets:
        assert secret not in shown, (secret, [line for line in shown.splitlines() if secret in line][:3])
        for name, text in written.items():
            assert secret not in text, (secret, name)


def test_every_handler_masks_credentials_third_party_loggers_included(monkeypatch):
    import io
    import logging

    from summarizer.cli import _setup_logging
    from summarizer.extract.client import ModelConfig

    ModelConfig(model="m", base_url=f"http://summ-user:{PASSWORD}@model.test/v1", api_key=FAKE_KEY)
    own_stream = io.StringIO()
    third_party = logging.getLogger("some.library")
    handler = logging.StreamHandler(own_stream)  # a library's own handler, not the root's
    third_party.addHandler(handler)
    monkeypatch.setattr(third_party, "propagate", False)
    root = logging.getLogger()
    saved = root.handlers[:], root.level, {name: logging.getLogger(name).level for name in ("httpx2", "openai", "instructor")}
    try:
        _setup_logging(verbose=True, quiet=False)
        root_stream = io.StringIO()
        logging.getLogger().handlers[0].setStream(root_stream)
        third_party.warning("calling %s with %s", f"http://summ-user:{PASSWORD}@model.test/v1", f"Bearer {FAKE_KEY}")
        try:
            raise RuntimeError(f"server said: key {FAKE_KEY} is wrong")
        except RuntimeError:
            logging.getLogger("httpx2").debug("failed", exc_info=True)
            logging.getLogger("summarizer").error("echo %s", FAKE_KEY, exc_info=True)
    finally:
        third_party.removeHandler(handler)
        root.handlers[:], root.level = saved[0], saved[1]  # leave logging as the test run had it
        for name, level in saved[2].items():
            logging.getLogger(name).setLevel(level)
    for text in (own_stream.getvalue(), root_stream.getvalue()):
        assert FAKE_KEY not in text and PASSWORD not in text and "summ-user" not in text, text
    assert "http://***@model.test/v1" in own_stream.getvalue()
    assert "RuntimeError: server said: key *** is wrong" in root_stream.getvalue()


def test_error_messages_and_the_manifest_never_carry_a_key_a_server_echoed(tmp_path):
    import json

    from click.testing import CliRunner

    from summarizer.errors import ModelError
    from summarizer.extract.client import ModelConfig
    from summarizer.extract.provider import Provider

    class Echoing:  # a server that echoes the key in its refusal, through the answering seam
        def answer(self, request):
            raise ModelError(f"HTTP 401: Incorrect API key provided: {FAKE_KEY}")

    ModelConfig(model="m", base_url="http://model.test/v1", api_key=FAKE_KEY)  # the key is known to be secret
    report = tmp_path / "x.txt"
    report.write_text("Thu ngân sách đạt 5 tỷ đồng.", encoding="utf-8")
    result = CliRunner().invoke(cli, ["summarize", str(report), "-o", str(tmp_path / "out")],
                                obj=lambda config: Provider(config, answerer=Echoing()))
    assert result.exit_code == 1 and "HTTP 401: Incorrect API key provided: ***" in result.output
    assert FAKE_KEY not in result.output
    [line] = [json.loads(x) for x in (tmp_path / "out" / "manifest.jsonl").read_text(encoding="utf-8").splitlines()]
    assert line["error"] == "HTTP 401: Incorrect API key provided: ***"
