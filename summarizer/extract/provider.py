"""Which model server answers a run, decided once, at the edge (the command line, Summarizer.connect).

A server someone runs (OpenAI, vLLM, Ollama, llama.cpp: a key or a base URL in the configuration)
and the embedded model (neither) are both providers. Each says what its model is called, how much
report text one request may carry and how many reports to keep in flight, and connects the live
client; nothing past this module asks which kind it is. The embedded model's server starts on the
first connect (a rerun that skips every report never starts it) and stops on close().
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import replace
from typing import Any

from summarizer.extract.answering import Answerer
from summarizer.extract.client import Extractor, ModelConfig, server_url

SERVER_CONCURRENCY = 4  # reports in flight with a server that serves many requests at once
# llama.cpp's embedded server: an 8,192-token context holds ~12,000 characters of Vietnamese plus
# the answer, and it serves one request at a time
EMBEDDED_REPORT_CHARS = 12_000
EMBEDDED_CONCURRENCY = 1


class Provider:
    """A model server. `config` is final: the model's name and the report limit are filled in;
    `concurrency` is how many reports to keep in flight unless told otherwise.

    `answerer`: answer with this instead of a live client (a test's fake, a benchmark's)."""

    def __init__(self, config: ModelConfig, concurrency: int = SERVER_CONCURRENCY, answerer: Answerer | None = None,
                 sleep: Callable[[float], None] = time.sleep) -> None:
        self.config, self.concurrency = config, concurrency
        self._answerer, self._sleep = answerer, sleep

    def connect(self, http_client: Any = None) -> Answerer:
        """The live client to this server, made on the first call. Raises ConfigError."""
        if self._answerer is None:
            self._answerer = Extractor(self.config, http_client=http_client, sleep=self._sleep)
        return self._answerer

    def url(self) -> str:
        """The server's URL as messages show it (no user or password)."""
        return server_url(self.config)

    def close(self) -> None:
        """Let go of what connect() started (nothing, for a server someone else runs)."""


class EmbeddedModel(Provider):
    """llama.cpp's server with the shipped model (or SUMMARIZER_GGUF's), on a free loopback port."""

    def __init__(self, config: ModelConfig, sleep: Callable[[float], None] = time.sleep) -> None:
        from summarizer.extract.local_server import model_name

        config = replace(config, model=model_name(config.gguf),
                         max_report_chars=config.max_report_chars or EMBEDDED_REPORT_CHARS)
        super().__init__(config, EMBEDDED_CONCURRENCY, sleep=sleep)
        self.server = None  # the LocalServer, once connected

    def connect(self, http_client: Any = None) -> Answerer:
        """Starts the server (assembling the weights on first use), then connects. Raises ConfigError
        when the [local] extra is missing or the server does not start."""
        if self._answerer is None:
            from summarizer.extract.local_server import LocalServer

            if self.server is None:
                self.server = LocalServer(self.config.gguf)
            self.config = replace(self.config, base_url=self.server.start())
            super().connect(http_client)
        return self._answerer

    def url(self) -> str:
        return self.server.base_url if self.server is not None else "the embedded model's server"

    def close(self) -> None:
        if self.server is not None:
            self.server.stop()


def resolve(config: ModelConfig, sleep: Callable[[float], None] = time.sleep) -> Provider:
    """The provider `config` names: the server at its key or base URL, else the embedded model.
    `sleep`: how the live client waits between retries (a test may record the waits instead)."""
    if config.is_configured:
        return Provider(config, SERVER_CONCURRENCY, sleep=sleep)
    return EmbeddedModel(config, sleep=sleep)
