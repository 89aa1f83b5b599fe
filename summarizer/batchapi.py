"""Hand a batch to OpenAI's Batch API or `vllm run-batch`, and read their output back.

Export writes one JSONL request per report and section, with exactly the body the online path sends
(it is captured from the online path itself, so prompt, tools and schema cannot drift apart).
Import feeds each recorded response body back through the same instructor parsing, grounding and
rendering as the online path; a report whose answers are missing or invalid fails by name.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass

import httpx2

from summarizer.structure import scope
from summarizer.core.document import Document
from summarizer.core.schema import SECTIONS, Briefing
from summarizer.errors import ModelError
from summarizer.extract.client import ModelConfig
from summarizer.pipeline import Summarizer
from summarizer.redact import redact

ENDPOINT = "/v1/chat/completions"


def custom_id(doc: Document, section: str) -> str:
    return f"{doc.name}#{doc.sha256[:16]}#{section}"


class _Captured(Exception):
    def __init__(self, body: dict) -> None:
        self.body = body


def _capture(request: httpx2.Request) -> httpx2.Response:
    raise _Captured(json.loads(request.content))


def request_lines(docs: Iterable[Document], config: ModelConfig) -> Iterable[str]:
    """JSONL lines `{"custom_id", "method", "url", "body"}`, three per report (one per section)."""
    config = ModelConfig(**{**config.__dict__, "transport_attempts": 1, "reasks": 0,
                            "base_url": config.base_url or "http://batch.invalid/v1"})
    summarizer = Summarizer(config, http_client=httpx2.Client(transport=httpx2.MockTransport(_capture)))
    for doc in docs:
        for section in SECTIONS:
            body = _body_of(summarizer, doc, section)
            yield json.dumps({"custom_id": custom_id(doc, section), "method": "POST", "url": ENDPOINT,
                              "body": body}, ensure_ascii=False)


def _body_of(summarizer: Summarizer, doc: Document, section: str) -> dict:
    try:
        summarizer.ask_section(doc, section, scope.by_section(doc))
    except ModelError as e:
        cause = e.__context__
        while cause is not None and not isinstance(cause, _Captured):
            cause = cause.__context__ or cause.__cause__
        if cause is not None:
            return cause.body
        raise
    raise RuntimeError("the request was not captured")


def _failure(error: object, response: dict) -> str:
    """One readable line for a failed request of the batch output: the provider's error
    (`batch_expired: This request could not be executed before the completion window expired.`)
    or the HTTP status with the server's own message (`HTTP 400: max_tokens is too large …`)."""
    if error:
        return _message(error)
    status = response.get("status_code")
    body = response.get("body")
    detail = _message(body.get("error", body) if isinstance(body, dict) else body) if body else ""
    return f"HTTP {status}: {detail}" if detail else f"HTTP {status}"


def _message(value: object) -> str:
    if isinstance(value, dict):
        code, message = value.get("code") or value.get("type"), value.get("message")
        if message:
            value = f"{code}: {message}" if code and str(code) not in str(message) else message
        else:
            value = json.dumps(value, ensure_ascii=False)
    text = " ".join(str(value).split())
    return redact(text[:300] + ("…" if len(text) > 300 else ""))


@dataclass
class Imported:
    briefings: list[tuple[Document, Briefing]]
    failures: list[tuple[str, str]]  # (document, reason)


def import_output(lines: Iterable[str], docs: Iterable[Document], config: ModelConfig) -> Imported:
    """Provider output JSONL (`{"custom_id", "response": {"status_code", "body"}}`) → briefings."""
    bodies: dict[str, dict] = {}
    errors: dict[str, str] = {}
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
            cid = record["custom_id"]
        except (ValueError, KeyError):
            raise ValueError(f"line {n} of the batch output is not a JSON object with a custom_id") from None
        response = record.get("response") or {}
        if record.get("error") or response.get("status_code") != 200:
            errors[cid] = _failure(record.get("error"), response)
        else:
            bodies[cid] = response["body"]

    current = {"cid": ""}  # the answer being replayed: requests are made one at a time, below

    def answer(request: httpx2.Request) -> httpx2.Response:
        return httpx2.Response(200, json=bodies[current["cid"]])

    config = ModelConfig(**{**config.__dict__, "transport_attempts": 1, "reasks": 0,
                            "base_url": config.base_url or "http://batch.invalid/v1"})
    summarizer = Summarizer(config, http_client=httpx2.Client(transport=httpx2.MockTransport(answer)))
    result = Imported([], [])
    for doc in docs:
        ids = [custom_id(doc, s) for s in SECTIONS]
        missing = [i for i in ids if i not in bodies]
        if missing:
            reason = errors.get(missing[0], "no answer in the batch output")
            result.failures.append((doc.name, f"{missing[0].rsplit('#', 1)[-1]}: {reason}"))
            continue
        hints = scope.by_section(doc)
        try:
            answers = {}
            for section, cid in zip(SECTIONS, ids, strict=True):
                current["cid"] = cid
                answers[section] = summarizer.ask_section(doc, section, hints)
            extraction, usage = summarizer.assemble(answers)
            result.briefings.append((doc, summarizer.finish(doc, extraction, usage)))
        except ModelError as e:
            result.failures.append((doc.name, str(e)))
    return result
