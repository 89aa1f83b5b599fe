"""The one model path: openai.OpenAI wrapped by instructor, the same for OpenAI, vLLM, Ollama and llama.cpp.

Servers differ only in configuration (base URL, key, model name, instructor mode).
"""

from __future__ import annotations

import contextlib
import functools
import json
import logging
import os
import threading
import time
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from typing import Any

import httpx2
import instructor
import openai
from instructor.core.exceptions import IncompleteOutputException, InstructorRetryException
from instructor.core.hooks import Hooks
from pydantic import BaseModel

from summarizer import redact
from summarizer.core.schema import Extraction, SectionAnswer, Usage, citing
from summarizer.errors import AnswerInvalid, ConfigError, ModelError
from summarizer.extract import retry
from summarizer.extract.answering import Answer
from summarizer.extract.plan import Request
from summarizer.extract.retry import with_transport_retries

log = logging.getLogger("summarizer.model")

MODES = {
    "tools": instructor.Mode.TOOLS,  # OpenAI, vLLM, llama-cpp-python's server (grammar from the tool schema)
    "json_schema": instructor.Mode.JSON_SCHEMA,  # OpenAI structured outputs, vLLM, native llama-server
    "json": instructor.Mode.JSON,  # response_format json_object, schema in the prompt
    "md_json": instructor.Mode.MD_JSON,  # plain text servers: JSON in a fenced block
}
DEFAULT_MODEL = "gpt-4o-mini"
REPORT_CHARS = 60_000  # report text per request when neither --max-chars nor the provider says otherwise


class _PythonWork:
    """One lock for the Python side of every request (instructor's preparation and validation,
    openai's request building and response parsing), released while a request is on the wire or
    waiting to be retried, so requests still overlap.

    Why: openai's response types are pydantic models built lazily on first use, and pydantic's
    build is not thread-safe; 16 threads parsing their first answers at once fail with "BaseModel
    cannot be instantiated directly" (openai/openai-python#3079; tests/test_concurrency.py
    reproduces it). The work is CPU-bound under the GIL anyway, so the lock costs nothing."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._held = threading.local()

    def __enter__(self) -> None:
        self._lock.acquire()
        self._held.value = True

    def __exit__(self, *exc: Any) -> None:
        self._held.value = False
        self._lock.release()

    @contextlib.contextmanager
    def waiting(self) -> Iterator[None]:
        """Let other threads work while this one waits (a no-op in a thread not holding the lock)."""
        held = getattr(self._held, "value", False)
        if held:
            self.__exit__()
        try:
            yield
        finally:
            if held:
                self.__enter__()


_PYTHON_WORK = _PythonWork()


@dataclass(frozen=True)
class ModelConfig:
    model: str = DEFAULT_MODEL
    base_url: str | None = None
    api_key: str | None = field(default=None, repr=False)  # never printed
    mode: str = "tools"
    temperature: float = 0.0
    max_tokens: int = 2048  # per request; one section of a long report needs about 1,000
    # seconds to wait for an answer (the read timeout): a 1.5B model on 2 cores needs minutes for a
    # long report's section, a cloud API seconds; OpenAI's own client waits 600 s too
    timeout: float = 600.0
    # seconds to wait for a connection: a server that is up accepts at once, local or remote, so a
    # wrong URL or a stopped server is known in seconds instead of after the read timeout
    connect_timeout: float = 10.0
    transport_attempts: int = 5
    retry_wait: float = 1.0  # first backoff in seconds (Retry-After from the server wins)
    retry_max_wait: float = 30.0
    reasks: int = 1  # instructor validation re-asks after the first answer
    # longest report text sent in one request; longer reports go in parts (None: the provider's
    # default, see extract/provider.py: 12,000 for the embedded model, 60,000 for any other server)
    max_report_chars: int | None = None
    gguf: str | None = None  # the embedded model's weights, when not the shipped ones (SUMMARIZER_GGUF)

    def __post_init__(self) -> None:
        # from here on, logs and error messages mask the key and the URL's credentials
        redact.register(self.api_key)
        redact.register_url(self.base_url)

    @property
    def report_limit(self) -> int:
        """The most characters of report text one request carries (see max_report_chars)."""
        return self.max_report_chars or REPORT_CHARS

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None, **overrides: Any) -> ModelConfig:
        """The configuration the environment gives (`env`, default os.environ), with `overrides`
        that are not None on top: the one place model settings are read from the environment
        (OPENAI_API_KEY, OPENAI_BASE_URL, SUMMARIZER_MODEL, SUMMARIZER_MODE, SUMMARIZER_GGUF).
        Raises ConfigError for an unknown mode or a non-positive budget."""
        env = os.environ if env is None else env
        values: dict[str, Any] = {
            "model": env.get("SUMMARIZER_MODEL") or DEFAULT_MODEL,
            "base_url": env.get("OPENAI_BASE_URL") or None,
            "api_key": env.get("OPENAI_API_KEY") or None,
            "mode": env.get("SUMMARIZER_MODE") or "tools",
            "gguf": env.get("SUMMARIZER_GGUF") or None,
        }
        values.update({k: v for k, v in overrides.items() if v is not None})
        config = cls(**values)
        config.check()
        return config

    @property
    def is_configured(self) -> bool:
        """A server to talk to exists: a key (OpenAI) or a base URL (anything compatible)."""
        return bool(self.api_key or self.base_url)

    def check(self) -> None:
        if self.mode not in MODES:
            raise ConfigError(f"unknown mode {self.mode!r}; choose one of {', '.join(MODES)}")
        if self.max_tokens < 1 or self.transport_attempts < 1 or self.reasks < 0:
            raise ConfigError("max_tokens and transport attempts must be positive, reasks >= 0")


class Extractor:
    """The live client, an Answerer (extract/answering.py): sends a request's messages to the
    model server and returns the validated answer with its usage."""

    def __init__(self, config: ModelConfig, http_client: Any = None, sleep: Callable[[float], None] = time.sleep) -> None:
        """`http_client`: an httpx2.Client to send with (default: openai's); `sleep`: how to wait
        between retries (seconds; a test may record the waits instead). Raises ConfigError."""
        config.check()
        self.config = config
        http_client = http_client or openai.DefaultHttpxClient()
        send_http = http_client.send

        def send_unlocked(*args: Any, **kwargs: Any) -> Any:  # the wire: the response body is read in here
            with _PYTHON_WORK.waiting():
                return send_http(*args, **kwargs)

        http_client.send = send_unlocked  # this client belongs to this extractor
        raw = openai.OpenAI(
            api_key=config.api_key or "not-needed",  # local servers ignore it; the client insists on one
            base_url=config.base_url,
            timeout=httpx2.Timeout(config.timeout, connect=min(config.connect_timeout, config.timeout)),
            max_retries=0,  # transient faults are retried once, below, with tenacity
            http_client=http_client,
        )

        def sleep_unlocked(seconds: float) -> None:
            with _PYTHON_WORK.waiting():
                sleep(seconds)

        # Patch the transport retries in *under* instructor: re-asks and fault retries stay separate.
        raw.chat.completions.create = with_transport_retries(
            raw.chat.completions.create, attempts=config.transport_attempts,
            initial_wait=config.retry_wait, max_wait=config.retry_max_wait, sleep=sleep_unlocked,
        )
        self.client = instructor.from_openai(raw, mode=MODES[config.mode])

    def answer(self, request: Request) -> Answer:
        """The model's answer to one request of the plan (see Answerer)."""
        return self.extract([dict(m) for m in request.messages], request.sentence_count, SectionAnswer, request.label)

    def extract(
        self,
        messages: list[dict[str, str]],
        sentence_count: int,
        response_model: type[BaseModel] = Extraction,
        label: str = "",
    ) -> Answer:
        """`sentence_count`: the report's sentences, the only numbers an answer may cite. Raises
        ModelError (AnswerInvalid when an answer came but none could be used) whose `spent` is the
        usage of the answers received: cut off, failing validation or followed by a failure,
        whatever the outcome, those tokens were paid for."""
        answers: list[Usage] = []  # this request's answers, across re-asks and a doubled budget
        try:
            return self._extract(messages, sentence_count, response_model, label, answers)
        except ModelError as e:
            e.spent = sum(answers, Usage(requests=len(answers)))
            raise

    def _extract(self, messages: list[dict[str, str]], sentence_count: int, response_model: type[BaseModel],
                 label: str, answers: list[Usage]) -> Answer:
        counter = {"responses": 0, "reasks": 0}

        def on_response(response: Any, *args: Any, **kwargs: Any) -> None:
            counter["responses"] += 1
            answers.append(_usage(getattr(response, "usage", None)))

        hooks = Hooks()
        hooks.on("completion:response", on_response)

        def on_parse_error(error: Exception, *args: Any, is_last_attempt: bool | None = None, **kwargs: Any) -> None:
            counter["reasks"] += 1
            if is_last_attempt if is_last_attempt is not None else counter["reasks"] > self.config.reasks:
                return  # no re-ask follows: the failure is reported once, by the caller
            first_line = str(error).splitlines()[0] if str(error) else type(error).__name__
            log.warning("%s: answer failed validation (%s); re-asking", label or "document", first_line)

        hooks.on("parse:error", on_parse_error)
        budget = self.config.max_tokens
        while True:
            try:
                with _Heartbeat(label), retry.labelled(label), citing(sentence_count), _PYTHON_WORK:
                    result, completion = self.client.chat.completions.create_with_completion(
                        model=self.config.model,
                        messages=messages,
                        response_model=_prepared(response_model),
                        max_retries=self.config.reasks,
                        temperature=self.config.temperature,
                        max_tokens=budget,
                        hooks=hooks,
                    )
                break
            except IncompleteOutputException as e:
                if _wrote_text(e.last_completion, self.config):  # a larger budget buys more text, no answer
                    raise AnswerInvalid(NO_TOOL_CALL) from None
                # cut off at the token budget (finish_reason "length"): never keep half an answer
                if budget >= 2 * self.config.max_tokens:
                    raise AnswerInvalid(f"the answer was cut off at {budget} tokens twice; raise --max-tokens") from None
                budget *= 2
                log.warning("%s: answer cut off; asking again with %d tokens", label or "document", budget)
            except InstructorRetryException as e:
                if _wrote_text(e.last_completion, self.config):
                    raise AnswerInvalid(NO_TOOL_CALL) from None
                cause = e.__cause__ or e
                raise (AnswerInvalid if _unusable(cause, counter["reasks"]) else ModelError)(
                    _describe(cause, self.config)) from None
            except openai.OpenAIError as e:
                raise (AnswerInvalid if _unusable(e, counter["reasks"]) else ModelError)(
                    _describe(e, self.config)) from None
        # every answer's tokens, the cut-off ones asked again with a larger budget included
        usage = sum(answers, Usage()) if answers else _usage(getattr(completion, "usage", None))
        usage.requests = max(counter["responses"], 1)
        return Answer(extraction=result, usage=usage, reasks=min(counter["reasks"], usage.requests - 1))


class RequestBodies:
    """The JSON bodies the live client sends, taken down instead of sent (for a Batch API file).

    Each request goes through the same openai and instructor code as an online one, with this
    configuration, and reaches a transport that keeps its body and refuses it: so a body here is the
    one the online path sends, by construction, whatever instructor and openai put into it."""

    def __init__(self, config: ModelConfig) -> None:
        self.taken: list[dict] = []
        config = replace(config, transport_attempts=1, reasks=0, base_url=config.base_url or "http://batch.invalid/v1")
        self.client = Extractor(config, http_client=httpx2.Client(transport=httpx2.MockTransport(self._take)))

    def _take(self, http_request: httpx2.Request) -> httpx2.Response:
        self.taken.append(json.loads(http_request.content))
        return httpx2.Response(400, json={"error": {"message": "taken down, not sent"}})

    def of(self, request: Request) -> dict:
        """The body the online path sends for `request` (one at a time: not for many threads)."""
        self.taken.clear()
        try:
            self.client.answer(request)
        except ModelError:
            pass  # refused, as intended
        if len(self.taken) != 1:
            raise RuntimeError(f"the client made {len(self.taken)} requests for one; expected 1")
        return self.taken.pop()


NO_TOOL_CALL = ("the server answered with text instead of calling the tool (it ignores tool_choice, as a native "
                "llama-server does); use --mode json_schema")


def _wrote_text(completion: Any, config: ModelConfig) -> bool:
    """In tools mode, the answer is text with no tool call (and no refusal): the server does not
    honour tool_choice, so neither a larger budget nor a re-ask can help, only another mode."""
    if config.mode != "tools" or completion is None:
        return False
    try:
        message = completion.choices[0].message
    except (AttributeError, IndexError, TypeError):
        return False
    if getattr(message, "tool_calls", None) or getattr(message, "function_call", None) or getattr(message, "refusal", None):
        return False
    return bool((getattr(message, "content", None) or "").strip())


def _unusable(error: BaseException, reasks: int) -> bool:
    """The server answered but no usable answer came of it: the answer failed validation, or the
    re-ask that carried the failed answer back was refused as too long (HTTP 400: prompt and answer
    past the context window, seen with llama.cpp's 8k context). A fault of the server is not this."""
    if not isinstance(error, openai.OpenAIError):
        return True
    return reasks > 0 and isinstance(error, openai.BadRequestError)


@functools.cache
def _prepared(response_model: type[BaseModel]) -> type[BaseModel]:
    """instructor wraps a plain model in a new class on every call, so its schema cache never hits
    (about a third of the client's time per request); a model wrapped once is used as it is."""
    return instructor.openai_schema(response_model)


def _usage(raw: Any) -> Usage:
    if raw is None:
        return Usage()
    return Usage(
        prompt_tokens=int(getattr(raw, "prompt_tokens", 0) or 0),
        completion_tokens=int(getattr(raw, "completion_tokens", 0) or 0),
    )


def _describe(exc: BaseException, config: ModelConfig) -> str:
    """One line for the user; never contains the key (openai messages can echo request details)."""
    if server_unreachable(exc):  # refused, or no connection within connect_timeout: not a slow answer
        return f"cannot reach the model server at {server_url(config)}"
    if isinstance(exc, openai.APIStatusError):
        text = f"model server answered HTTP {exc.status_code}" + _server_says(exc.body)
    elif isinstance(exc, openai.APITimeoutError):
        text = f"model server did not answer within {config.timeout:.0f} s"
    elif isinstance(exc, openai.APIConnectionError):
        text = f"cannot reach the model server at {_without_credentials(config.base_url) or 'the OpenAI API'}"
    else:
        first = str(exc).strip().splitlines()
        text = f"the model's answer could not be used: {first[0][:300] if first else type(exc).__name__}"
    return redact.redact(text, config.api_key)


def server_unreachable(error: BaseException | None) -> bool:
    """True when `error` (or what it was raised from: the errors this module raises keep the
    transport error as their context) is a failure to connect at all — refused, no route, no answer
    to connecting within `connect_timeout` — rather than a fault of a server that answered."""
    seen = set()
    while error is not None and id(error) not in seen:
        if isinstance(error, (httpx2.ConnectError, httpx2.ConnectTimeout)):
            return True
        seen.add(id(error))
        error = error.__cause__ or error.__context__
    return False


def server_url(config: ModelConfig) -> str:
    """The server's URL as it may be shown: without user and password."""
    return _without_credentials(config.base_url) or "the OpenAI API"


def _server_says(body: object) -> str:
    """The server's own reason (": The model `x` does not exist."), the one clue to a wrong key, model
    or URL. openai passes the body's `error` member or the whole body: OpenAI and llama.cpp nest
    {"message"}, vLLM puts "message" at the top, Ollama a bare string, some servers plain text."""
    if isinstance(body, dict):
        body = body.get("message") or body.get("detail") or body.get("error")
        if isinstance(body, dict):
            body = body.get("message")
    if not isinstance(body, str) or not body.strip():
        return ""
    return ": " + " ".join(body.split())[:300]


def _without_credentials(url: str | None) -> str | None:
    """http://user:secret@host/v1 → http://host/v1: a URL may carry a password."""
    if not url:
        return url
    from urllib.parse import urlsplit, urlunsplit

    parts = urlsplit(url)
    return urlunsplit(parts._replace(netloc=parts.hostname + (f":{parts.port}" if parts.port else ""))) \
        if parts.hostname else url


class _Heartbeat:
    """Logs every 30 s while a request is in flight, so a slow local model visibly works."""

    def __init__(self, label: str, every: float = 30.0) -> None:
        self.label, self.every = label, every
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        started = time.monotonic()
        while not self._stop.wait(self.every):
            log.info("%s: waiting for the model (%.0f s)", self.label or "document", time.monotonic() - started)

    def __enter__(self) -> _Heartbeat:
        self._thread.start()
        return self

    def __exit__(self, *exc: Any) -> None:
        self._stop.set()
