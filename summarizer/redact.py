"""Credentials never reach a log line, an error message or an output.

Two nets, both applied by `redact(text)`:
- the secrets this process was configured with (the API key, the user and password in a server URL,
  and their HTTP basic-auth form), registered by ModelConfig, replaced wherever they occur — so a
  server that echoes the key in its error body is caught too;
- the shapes credentials take whatever their value: `scheme://user:password@host`, `Bearer …`,
  `Basic …`, `sk-…` keys.

`protect_logging()` puts a filter doing this on every logging handler (root and third-party loggers
alike), so httpx's and openai's request lines and tracebacks (`-v`) are covered at every verbosity.
"""

from __future__ import annotations

import base64
import logging
import re
import threading
from urllib.parse import unquote, urlsplit

MASK = "***"
_SECRETS: set[str] = set()
_WORDS: set[str] = set()  # short secrets: replaced only as a whole word, so "1234" keeps tokens 12345 intact
_GUARD = threading.Lock()
_PATTERN: re.Pattern[str] | None = None  # the registered secrets as one alternation, longest first

_SHAPES = [
    # userinfo in any URL: http://user:pw@host → http://***@host
    (re.compile(r"(?i)\b([a-z][a-z0-9+.\-]*://)[^/\s@'\"<>]+@"), rf"\1{MASK}@"),
    # Authorization header values as they show in reprs and echoes ("Basic" only with a base64
    # value, so English prose such as "basic requirements" is left alone)
    (re.compile(r"(?i)\b(bearer)\s+[A-Za-z0-9._~+/\-]{8,}=*"), rf"\1 {MASK}"),
    (re.compile(r"\bBasic\s+(?=[A-Za-z0-9+/]*[0-9+/=])[A-Za-z0-9+/]{8,}={0,2}"), f"Basic {MASK}"),
    # provider keys: OpenAI sk-…, sk-proj-…
    (re.compile(r"\bsk-[A-Za-z0-9_\-]{12,}"), f"sk-{MASK}"),
]


def register(*secrets: str | None) -> None:
    """Remember secrets to replace wherever they occur (8+ characters) or as whole words (3–7:
    shorter values would mangle ordinary text; they are still caught in their URL and header forms)."""
    global _PATTERN
    with _GUARD:
        for secret in secrets:
            if not secret or len(secret) < 3:
                continue
            (_SECRETS if len(secret) >= 8 else _WORDS).add(secret)
        parts = [re.escape(s) for s in sorted(_SECRETS, key=len, reverse=True)]
        parts += [rf"(?<!\w){re.escape(s)}(?!\w)" for s in sorted(_WORDS, key=len, reverse=True)]
        _PATTERN = re.compile("|".join(parts)) if parts else None


def register_url(url: str | None) -> None:
    """The user and password of a server URL, raw and decoded, and their basic-auth header value."""
    if not url:
        return
    try:
        parts = urlsplit(url)
        user, password = parts.username, parts.password
    except ValueError:
        return
    if user is None and password is None:
        return
    user, password = user or "", password or ""
    pair = f"{unquote(user)}:{unquote(password)}"
    register(password, unquote(password), base64.b64encode(pair.encode()).decode(),
             # a user name alone is no secret, but user:password is
             f"{user}:{password}")


def redact(text: str, *extra: str | None) -> str:
    """`text` with every registered secret, `extra` secret and credential-shaped string masked."""
    if not text:
        return text
    for secret in extra:
        if secret and len(secret) >= 3:
            text = text.replace(secret, MASK)
    pattern = _PATTERN
    if pattern is not None:
        text = pattern.sub(MASK, text)
    for shape, replacement in _SHAPES:
        text = shape.sub(replacement, text)
    return text


class RedactingFilter(logging.Filter):
    """Masks credentials in a record's message, traceback and stack before any handler formats it."""

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # a malformed record: leave it to the handler's own error reporting
            return True
        clean = redact(message)
        if clean != message:
            record.msg, record.args = clean, None  # args already merged into the message
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = redact(record.exc_text)
        if record.stack_info:
            record.stack_info = redact(record.stack_info)
        return True


_FILTER = RedactingFilter()


def protect_logging() -> None:
    """Put the redacting filter on every handler now attached anywhere: the root logger's, each
    named logger's own (httpx, openai, instructor … if they have any) and logging's last resort.
    Idempotent; call it again after adding a handler."""
    handlers = list(logging.getLogger().handlers)
    for logger in list(logging.Logger.manager.loggerDict.values()):
        if isinstance(logger, logging.Logger):
            handlers += logger.handlers
    if logging.lastResort is not None:
        handlers.append(logging.lastResort)
    for handler in handlers:
        if _FILTER not in handler.filters:
            handler.addFilter(_FILTER)
