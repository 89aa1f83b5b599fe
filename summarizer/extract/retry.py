"""The one retry layer for transient faults of the model server (429, 5xx, timeouts, resets).

The openai client's own retries are switched off (max_retries=0) so nothing is retried twice;
instructor's validation re-asks are a separate, small budget (see client.py).
"""

from __future__ import annotations

import contextlib
import contextvars
import email.utils
import logging
import time
from collections.abc import Iterator
from typing import Any, Callable

import openai
from tenacity import RetryCallState, Retrying, retry_if_exception, stop_after_attempt
from tenacity.wait import wait_random_exponential

log = logging.getLogger("summarizer.retry")

RETRYABLE_STATUS = {408, 409, 429, 500, 502, 503, 504}
MAX_RETRY_AFTER = 120.0  # seconds: a server asking for longer is treated as down
# the report (and section) the request in this thread is for, named in retry warnings
_LABEL: contextvars.ContextVar[str] = contextvars.ContextVar("request_label", default="")


@contextlib.contextmanager
def labelled(label: str) -> Iterator[None]:
    """Retry warnings of requests made inside this block name `label` ("x.txt (achievements)")."""
    token = _LABEL.set(label)
    try:
        yield
    finally:
        _LABEL.reset(token)


def is_transient(exc: BaseException) -> bool:
    if isinstance(exc, openai.APIConnectionError):  # includes timeouts and resets
        return True
    if isinstance(exc, openai.APIStatusError):
        return exc.status_code in RETRYABLE_STATUS
    return False


def retry_after_seconds(exc: BaseException | None) -> float | None:
    """Seconds the server asked us to wait (Retry-After as seconds or an HTTP date), if any."""
    response = getattr(exc, "response", None)
    headers = getattr(response, "headers", None)
    if not headers:
        return None
    value = headers.get("retry-after-ms")
    if value:
        try:
            return max(0.0, float(value) / 1000)
        except ValueError:
            pass
    value = headers.get("retry-after")
    if not value:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        parsed = email.utils.parsedate_to_datetime(value) if value else None
        if parsed is None:
            return None
        return max(0.0, parsed.timestamp() - time.time())


class _Wait:
    """Honour Retry-After when the server sends it; otherwise exponential backoff with jitter."""

    def __init__(self, initial: float, maximum: float) -> None:
        self.backoff = wait_random_exponential(multiplier=initial, max=maximum)

    def __call__(self, state: RetryCallState) -> float:
        exc = state.outcome.exception() if state.outcome else None
        asked = retry_after_seconds(exc)
        if asked is not None:
            return min(asked, MAX_RETRY_AFTER)
        return self.backoff(state)


def _log_retry(state: RetryCallState) -> None:
    exc = state.outcome.exception() if state.outcome else None
    status = getattr(exc, "status_code", None) or type(exc.__cause__ or exc).__name__
    wait = state.next_action.sleep if state.next_action else 0
    log.warning("%s: model server fault (%s); retry %d in %.1f s", _LABEL.get() or "request", status,
                state.attempt_number, wait)


def with_transport_retries(
    func: Callable[..., Any],
    attempts: int = 5,
    initial_wait: float = 1.0,
    max_wait: float = 30.0,
    sleep: Callable[[float], None] | None = None,
) -> Callable[..., Any]:
    """Wrap a `chat.completions.create` so transient faults are retried a bounded number of times,
    waiting with `sleep` (seconds; default time.sleep) between attempts."""

    def call(*args: Any, **kwargs: Any) -> Any:
        retrying = Retrying(
            retry=retry_if_exception(is_transient),
            stop=stop_after_attempt(attempts),
            wait=_Wait(initial_wait, max_wait),
            before_sleep=_log_retry,
            sleep=sleep or time.sleep,
            reraise=True,
        )
        return retrying(func, *args, **kwargs)

    return call
