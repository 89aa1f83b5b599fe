"""Hand a batch to OpenAI's Batch API or `vllm run-batch`, and read their output back.

Export writes one JSONL request per part and section of each report, as extract/plan.py plans them
for the online path, each with the body the live client sends for it (extract/client.py:
RequestBodies takes it down instead of sending it, so prompt, tools and schema cannot drift apart).
Import answers the same plan from the provider's output (BatchOutput, an Answerer): each recorded
body goes through the live client's own parsing, then the same assembling, grounding and rendering
as online, so a briefing imported is the one the online path writes from the same answers. A report
whose answers are missing, failed or unusable fails by name (there is no re-ask offline).
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterable
from dataclasses import dataclass, replace

import httpx2

from summarizer.core.document import Document
from summarizer.core.schema import Briefing
from summarizer.errors import ModelError, SummarizerError
from summarizer.extract.answering import Answer
from summarizer.extract.client import Extractor, ModelConfig, RequestBodies
from summarizer.extract.plan import Request, plan
from summarizer.pipeline import Summarizer
from summarizer.redact import redact

ENDPOINT = "/v1/chat/completions"


class BatchRequests:
    """The request lines of reports, for a Batch API input file (one report at a time)."""

    def __init__(self, config: ModelConfig) -> None:
        self.config = config
        self.bodies = RequestBodies(config)

    def lines(self, doc: Document) -> list[str]:
        """JSONL lines `{"custom_id", "method", "url", "body"}`, one per part and section of `doc`.
        Raises SourceError for a report the plan refuses (no sentences, too many parts)."""
        return [json.dumps({"custom_id": request.custom_id, "method": "POST", "url": ENDPOINT,
                            "body": self.bodies.of(request)}, ensure_ascii=False)
                for request in plan(doc, self.config).requests]


class BatchOutput:
    """A provider's output file as an Answerer: each request is answered with the response body
    recorded under its custom_id, parsed by the live client (one request at a time)."""

    def __init__(self, lines: Iterable[str], config: ModelConfig) -> None:
        """`lines`: `{"custom_id", "response": {"status_code", "body"}, "error"}` as OpenAI and
        `vllm run-batch` write them. Raises ValueError for a line that is no such object."""
        self.bodies, self.errors = read_output(lines)
        self._body = threading.local()
        config = replace(config, transport_attempts=1, reasks=0, base_url=config.base_url or "http://batch.invalid/v1")
        self.client = Extractor(config, http_client=httpx2.Client(transport=httpx2.MockTransport(self._recorded)))

    def _recorded(self, http_request: httpx2.Request) -> httpx2.Response:
        return httpx2.Response(200, json=self._body.value)

    def answer(self, request: Request) -> Answer:
        """Raises ModelError naming the request (`shortfalls: batch_expired: …`) when the output has
        no answer for it, and AnswerInvalid when its answer cannot be used: a Batch has no re-ask, so
        that section's items come from the rules, flagged, as online after the re-asks (degrade,
        never lose); the report fails only when no section's answer can be used."""
        if request.custom_id not in self.bodies:
            reason = self.errors.get(request.custom_id, "no answer in the batch output")
            raise ModelError(f"{request.where}: {reason}")
        self._body.value = self.bodies[request.custom_id]
        return self.client.answer(request)


def read_output(lines: Iterable[str]) -> tuple[dict[str, dict], dict[str, str]]:
    """(response bodies by custom_id, failure reasons by custom_id). Raises ValueError naming the
    line that is not a JSON object with a custom_id."""
    bodies: dict[str, dict] = {}
    errors: dict[str, str] = {}
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
            cid = record["custom_id"]
        except (ValueError, KeyError, TypeError):
            raise ValueError(f"line {n} of the batch output is not a JSON object with a custom_id") from None
        response = record.get("response") or {}
        if record.get("error") or response.get("status_code") != 200:
            errors[cid] = _failure(record.get("error"), response)
        else:
            bodies[cid] = response["body"]
    return bodies, errors


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
    """Provider output JSONL → the briefings of `docs`, made as online from the recorded answers.
    Raises ValueError for a line of the output that is not an answer record."""
    summarizer = Summarizer(config, BatchOutput(lines, config))
    result = Imported([], [])
    for doc in docs:
        try:
            result.briefings.append((doc, summarizer.summarize_document(doc)))
        except SummarizerError as e:
            result.failures.append((doc.name, getattr(e, "problem", None) or str(e)))
    return result
