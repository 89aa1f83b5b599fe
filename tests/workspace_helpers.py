"""Helpers for the workspace's tests: a folder of seed briefings made by the CLI against the loopback
replay server, the app served by uvicorn in a thread, a client holding the CSRF cookie, and a .docx
made from a seed's text."""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

from summarizer.extract.client import ModelConfig
from summarizer.source.read import decode
from tests.conftest import RECORDED_MODEL, ROOT
from tests.replay_server import ReplayServer


def replay_config(server: ReplayServer) -> ModelConfig:
    return ModelConfig(model=RECORDED_MODEL, base_url=server.base_url, mode="tools", transport_attempts=1)


def summarize_seeds(out: Path, server: ReplayServer, *paths: Path, extra=(), cache: Path | None = None
                    ) -> subprocess.CompletedProcess:
    """`summarizer summarize PATHS -o OUT --format md,html` (the seeds by default) against the replay
    server, in a subprocess; the answer cache in `cache` (default: OUT/../cache)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("OPENAI_", "SUMMARIZER_"))}
    env.update(OPENAI_BASE_URL=server.base_url, SUMMARIZER_MODEL=RECORDED_MODEL,
               SUMMARIZER_CACHE_DIR=str(cache or out.parent / "cache"))
    args = [str(p) for p in paths] or [str(ROOT / "seeds")]
    return subprocess.run([sys.executable, "-m", "summarizer", "summarize", *args, "-o", str(out),
                           "--format", "md,html", *extra], env=env, capture_output=True, text=True, timeout=300)


class Served:
    """The app on 127.0.0.1:PORT, uvicorn in a daemon thread; `url` once entered."""

    def __init__(self, app) -> None:
        import uvicorn

        from summarizer.serve import bind

        self.app = app
        self.sock = bind("127.0.0.1", 0)
        self.url = f"http://127.0.0.1:{self.sock.getsockname()[1]}"
        self.server = uvicorn.Server(uvicorn.Config(app, log_level="warning", lifespan="off"))
        self.thread = threading.Thread(target=self.server.run, kwargs={"sockets": [self.sock]}, daemon=True)

    def __enter__(self) -> Served:
        self.thread.start()
        deadline = time.monotonic() + 10
        while not self.server.started and time.monotonic() < deadline:
            time.sleep(0.02)
        assert self.server.started, "the workspace did not start"
        return self

    def __exit__(self, *exc) -> None:
        self.server.should_exit = True
        self.thread.join(10)
        self.app.state.jobs.close()
        self.sock.close()


def client(url: str):
    """An httpx2 client that has loaded the folder page once: it holds the CSRF cookie and sends it
    back in the x-csrftoken header, as the page's script does."""
    import httpx2

    c = httpx2.Client(base_url=url, timeout=30)
    assert c.get("/").status_code == 200
    c.headers["x-csrftoken"] = c.cookies["csrftoken"]
    return c


def wait_jobs(c, count: int, timeout: float = 60.0, seen: dict | None = None) -> list[dict]:
    """Poll /jobs until `count` jobs are done or failed; `seen` collects the states each job went through."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        jobs = c.get("/jobs").json()["jobs"]
        for j in jobs:
            if seen is not None:
                seen.setdefault(j["name"], [])
                if not seen[j["name"]] or seen[j["name"]][-1] != j["state"]:
                    seen[j["name"]].append(j["state"])
        finished = [j for j in jobs if j["state"] in ("done", "failed")]
        if len(finished) >= count:
            return jobs
        time.sleep(0.02)
    raise AssertionError(f"jobs did not finish: {jobs}")


def seed_docx(seed: Path) -> bytes:
    """A Word file holding the seed report, one paragraph per line of its text, as an editor's copy of
    the report would: read back, it must give exactly the seed's text (so the recorded answers match)."""
    import docx

    text = decode(seed.read_bytes(), seed.name)
    d = docx.Document()
    for line in text.split("\n"):
        d.add_paragraph(line)
    out = io.BytesIO()
    d.save(out)
    return out.getvalue()


def copy_folder(source: Path, target: Path) -> Path:
    shutil.copytree(source, target)
    return target
