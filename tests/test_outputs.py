"""Outputs written as a user expects (issue 11, as tried again by a new user): the usual file modes,
a clear refusal before any request when the output cannot be written, no renderings left without
their briefing after a failed write, and one output name per input whatever else a run holds.
Each test failed on the code before its fix."""

import contextlib
import errno
import os
import re
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from summarizer.cli import cli
from tests.conftest import RECORDED_MODEL, ROOT, SEEDS
from tests.replay_server import ReplayServer, seed_corpus

pytestmark = pytest.mark.block_network(allowed_hosts=["127.0.0.1"])


@pytest.fixture
def server(monkeypatch):
    with ReplayServer() as replay:
        monkeypatch.setenv("OPENAI_BASE_URL", replay.base_url)
        monkeypatch.setenv("SUMMARIZER_MODEL", RECORDED_MODEL)
        yield replay


def run(*args, input=None):
    return CliRunner().invoke(cli, [*map(str, args)], input=input)


def no_traceback(result) -> None:
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert "Traceback" not in result.output, result.output


@contextlib.contextmanager
def umask(mask: int):
    old = os.umask(mask)
    try:
        yield
    finally:
        os.umask(old)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


# Outputs get the mode any file the user writes gets: 0666 less the umask


@pytest.mark.parametrize("mask", [0o022, 0o002, 0o077])
def test_outputs_get_the_usual_mode_for_the_umask(tmp_path, server, mask):
    docs = seed_corpus(tmp_path / "in", 2)
    out = tmp_path / "out"
    with umask(mask):
        result = run("summarize", docs, "-o", out, "--format", "md,html", "-q")
        assert result.exit_code == 0, result.output
        assert run("digest", out).exit_code == 0
        assert run("indicators", out, "-o", tmp_path / "ind.csv").exit_code == 0
        assert run("batch", "export", docs, "-o", tmp_path / "req.jsonl").exit_code == 0
    written = [*out.glob("*.json"), *out.glob("*.md"), *out.glob("*.html"), out / "manifest.jsonl",
               tmp_path / "ind.csv", tmp_path / "req.jsonl"]
    assert len(written) == 2 * 3 + 2 + 1 + 2  # briefings and renderings, the digest's two, manifest, exports
    assert {p.name: oct(mode(p)) for p in written} == {p.name: oct(0o666 & ~mask) for p in written}
