"""A loopback OpenAI-compatible server that answers with response bodies recorded in cassettes/.

For tests and benchmarks that need real HTTP and real concurrency without a model: each request is
matched to a recorded interaction by its messages (the same matching the cassettes use on replay),
answered after a fixed latency, and counted. Nothing is generated; unknown requests get a 404.

    with ReplayServer(latency=0.5) as server:   # server.base_url → http://127.0.0.1:PORT/v1
        ...
"""

from __future__ import annotations

import json
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

CASSETTES = Path(__file__).resolve().parents[1] / "cassettes"


def _key(body: dict) -> str:
    # the system and user messages: a re-ask repeats them and appends the failed answer and the
    # error, and is answered like the original request (as a model that corrects itself would)
    return json.dumps((body.get("messages") or [])[:2], ensure_ascii=False, sort_keys=True)


def seed_corpus(folder: Path, count: int) -> Path:
    """`count` report files made of the seeds in turn (000-…, 001-…), for batches against this server."""
    seeds = sorted((CASSETTES.parent / "seeds").glob("*.txt"))
    folder.mkdir(parents=True)
    for k in range(count):
        seed = seeds[k % len(seeds)]
        (folder / f"{k:06d}-{seed.name}").write_bytes(seed.read_bytes())
    return folder


def load_answers(folder: Path = CASSETTES) -> dict[str, str]:
    answers = {}
    for path in sorted(folder.glob("*.json")):
        for interaction in json.loads(path.read_text(encoding="utf-8"))["interactions"]:
            request = interaction["request"]["body"]
            response = interaction["response"]
            if isinstance(request, dict) and "json" in request and response["status"]["code"] == 200:
                body = response["body"]["string"]
                answers[_key(request["json"])] = json.dumps(body["json"]) if isinstance(body, dict) else body
    return answers


class ReplayServer:
    """`faults(n, body)` may return a fault name for the n-th request (see FAULTS) instead of an answer."""

    def __init__(self, latency: float = 0.0, answers: dict[str, str] | None = None, faults=None) -> None:
        self.latency = latency
        self.faults = faults
        self.served: dict[str, int] = {}
        self.answers = answers if answers is not None else load_answers()
        self.requests = 0
        self.bodies: list[dict] = []  # every request body, in the order they came
        self.in_flight = 0
        self.max_in_flight = 0
        self.lock = threading.Lock()
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"  # keep-alive, as model servers do: no new connection per request
            disable_nagle_algorithm = True  # headers and body are two writes; don't hold the second for an ACK

            def log_message(self, *args):  # quiet
                pass

            def do_GET(self):
                if self.path == "/stats":
                    self._send(200, json.dumps({"requests": server.requests, "max_in_flight": server.max_in_flight}))
                else:
                    self._send(200, json.dumps({"object": "list", "data": [{"id": "replay"}]}))

            def do_POST(self):
                length = int(self.headers.get("content-length") or 0)
                body = json.loads(self.rfile.read(length) or b"{}")
                with server.lock:
                    server.requests += 1
                    server.bodies.append(body)
                    number = server.requests
                    server.in_flight += 1
                    server.max_in_flight = max(server.max_in_flight, server.in_flight)
                try:
                    time.sleep(server.latency)
                    fault = server.faults(number, body) if server.faults else None
                    if fault:
                        with server.lock:
                            server.served[fault] = server.served.get(fault, 0) + 1
                        return _inject(self, fault, server.answers.get(_key(body)))
                    answer = server.answers.get(_key(body))
                    if answer is None:
                        self._send(404, json.dumps({"error": {"message": "no recorded answer for this request"}}))
                    else:
                        self._send(200, answer)
                finally:
                    with server.lock:
                        server.in_flight -= 1

            def _send(self, status: int, text: str) -> None:
                data = text.encode("utf-8")
                self.send_response(status)
                self.send_header("content-type", "application/json")
                self.send_header("content-length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

        class Server(ThreadingHTTPServer):
            request_queue_size = 128  # the default 5 resets connections under load

            def handle_error(self, request, client_address):
                if not isinstance(sys.exc_info()[1], ConnectionError):  # a client killed mid-request is no news
                    super().handle_error(request, client_address)

        self.httpd = Server(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.httpd.server_address[1]}/v1"

    def __enter__(self) -> ReplayServer:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


FAULTS = ("429", "429_retry_after", "500", "502", "503", "hang", "reset", "malformed", "truncated", "refusal",
          "invalid")


def _inject(handler: BaseHTTPRequestHandler, fault: str, answer: str | None) -> None:
    """Answer one request with a fault, as flaky servers do."""
    if fault in ("429", "429_retry_after", "500", "502", "503"):
        status = int(fault[:3])
        data = json.dumps({"error": {"message": f"injected {fault}"}}).encode()
        handler.send_response(status)
        if fault == "429_retry_after":
            handler.send_header("retry-after", "0.05")
        handler.send_header("content-type", "application/json")
        handler.send_header("content-length", str(len(data)))
        handler.end_headers()
        handler.wfile.write(data)
    elif fault == "hang":
        time.sleep(3.0)  # past the client's timeout in the tests
        handler.close_connection = True
    elif fault == "reset":
        import socket
        import struct

        handler.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        handler.close_connection = True
    else:
        body = json.loads(answer) if answer else {"choices": [{"message": {"tool_calls": [{"function": {"arguments": "{}"}}]}}]}
        call = body["choices"][0]["message"]["tool_calls"][0]["function"]
        if fault == "malformed":
            text = json.dumps(body)[:-7]  # not JSON at all
        else:
            if fault == "truncated":
                call["arguments"] = call["arguments"][: len(call["arguments"]) // 2]
                body["choices"][0]["finish_reason"] = "length"
            elif fault == "refusal":
                body["choices"][0]["message"] = {"role": "assistant", "content": None,
                                                 "refusal": "I can't help with that."}
            elif fault == "invalid":
                call["arguments"] = json.dumps({"items": [{"text": "x", "sentences": [9999]}]})
            text = json.dumps(body)
        data = text.encode()
        handler.send_response(200)
        handler.send_header("content-type", "application/json")
        handler.send_header("content-length", str(len(data)))
        handler.end_headers()
        handler.wfile.write(data)


if __name__ == "__main__":  # a server in its own process, for benchmarks: prints its URL, serves until killed
    import argparse
    import signal

    parser = argparse.ArgumentParser()
    parser.add_argument("--latency", type=float, default=0.0)
    args = parser.parse_args()
    with ReplayServer(latency=args.latency) as server:
        print(server.base_url, flush=True)
        signal.sigwait({signal.SIGTERM, signal.SIGINT})
