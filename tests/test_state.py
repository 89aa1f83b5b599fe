"""Nothing lost, overwritten or miscounted (issue 11, cases 1–5 and 14): two runs into one folder, a
full disk, inputs whose outputs would share a name, a broken answer cache, a read-only output folder,
and the counting of tokens, strictness and warnings. Each test failed on the code before its fix."""

import contextlib
import errno
import json
import logging
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from functools import partial

from summarizer.batch import BatchRunner
from summarizer.cli import cli
from summarizer.core.schema import Briefing
from summarizer.extract.client import ModelConfig
from summarizer.extract.provider import resolve
from summarizer.inputs import expand
from summarizer.output import Manifest, OutputFolder
from tests.conftest import RECORDED_MODEL, ROOT, SEEDS
from tests.replay_server import ReplayServer, seed_corpus

pytestmark = pytest.mark.block_network(allowed_hosts=["127.0.0.1"])
SUMMARY = re.compile(r"done (\d+), skipped (\d+), failed (\d+); tokens")


def summarize(*args, input=None, obj=None):
    """`summarizer summarize ARGS` in this process; `obj`: how the command resolves its provider."""
    return CliRunner().invoke(cli, ["summarize", *map(str, args)], input=input, obj=obj)


def whole_lines(folder: Path) -> list[dict]:
    """The manifest's lines, each of which must be whole JSON."""
    return [json.loads(x) for x in (folder / "manifest.jsonl").read_text(encoding="utf-8").splitlines()]


def counts(output: str) -> tuple[int, int, int]:
    match = SUMMARY.search(output)
    assert match, output
    return tuple(int(n) for n in match.groups())


def no_traceback(result) -> None:
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert "Traceback" not in result.output, result.output


@contextlib.contextmanager
def tmpfs(path: Path, size: str):
    """A small tmpfs at `path` (root only); the test is skipped where none can be mounted."""
    path.mkdir(parents=True, exist_ok=True)
    if shutil.which("mount") is None or subprocess.run(
            ["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(path)], capture_output=True).returncode:
        pytest.skip("cannot mount a tmpfs here; the injected-error test covers the same code")
    try:
        yield path
    finally:
        subprocess.run(["umount", "-l", str(path)], capture_output=True)


def fill(path: Path) -> None:
    """Write `path` until the disk is full."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT)
    try:
        while True:
            os.write(fd, b"x" * 1024)
    except OSError as e:
        assert e.errno == errno.ENOSPC
    finally:
        os.close(fd)


def remount(path: Path, options: str) -> None:
    subprocess.run(["mount", "-o", f"remount,{options}", str(path)], check=True, capture_output=True)


# 1. Two runs into one output folder


def test_a_second_run_into_a_busy_folder_refuses_at_once_naming_the_first(tmp_path):
    docs = seed_corpus(tmp_path / "in", 16)
    other = tmp_path / "other"
    other.mkdir()
    for seed in SEEDS[:2]:
        (other / f"short-{seed.name}").write_bytes(seed.read_bytes())
    out = tmp_path / "out"
    command = [sys.executable, "-m", "summarizer", "summarize"]
    with ReplayServer(latency=0.5) as replay:  # the first run takes ~12 s, the second starts in 2–5 s
        env = dict(os.environ, OPENAI_BASE_URL=replay.base_url, SUMMARIZER_MODEL=RECORDED_MODEL, PYTHONPATH=str(ROOT))
        first = subprocess.Popen(command + [str(docs), "-o", str(out), "-j", "2", "--format", "md,html", "-q",
                                            "--no-cache"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                                 text=True)
        deadline = time.monotonic() + 60
        while not list(out.glob("*.json")) and first.poll() is None and time.monotonic() < deadline:
            time.sleep(0.02)
        second = subprocess.run(command + [str(other), "-o", str(out), "-q"], env=env, capture_output=True, text=True,
                                timeout=120)
        first_still_running = first.poll() is None
        _, first_err = first.communicate(timeout=120)
        assert first_still_running  # the two really met
        assert second.returncode == 2, second.stderr
        assert f"error: {out} is in use by another summarizer run (pid {first.pid} " in second.stderr
        assert first.returncode == 0, first_err
        assert counts(first_err) == (16, 0, 0)
        lines = whole_lines(out)
        assert sorted(x["document"] for x in lines) == sorted(str(p) for p in docs.iterdir())  # none of the second's
        assert not list(out.glob(".*.tmp"))
        # the folder is free again once the first run has ended
        third = subprocess.run(command + [str(other), "-o", str(out), "-q"], env=env, capture_output=True, text=True,
                               timeout=120)
        assert third.returncode == 0 and counts(third.stderr) == (2, 0, 0), third.stderr


def test_a_run_removes_only_its_own_stale_temporary_files(tmp_path, server):
    out = tmp_path / "out"
    out.mkdir()
    own = out / f".{SEEDS[1].stem}.json.k1ll3d.tmp"  # left by a run of the same input, killed mid-write
    others = [out / ".digest.md.a1b2c3.tmp", out / ".other-report.json.x9y8z7.tmp"]  # being written now
    for path in (own, *others):
        path.write_text("half")
    assert summarize(SEEDS[1], "-o", out, "-q").exit_code == 0
    assert not own.exists() and all(path.exists() for path in others)


# 2. A full disk


def test_a_full_disk_fails_reports_by_name_keeps_the_manifest_whole_and_a_rerun_finishes(tmp_path, server):
    docs = seed_corpus(tmp_path / "in", 10)
    with tmpfs(tmp_path / "disk", "256k") as disk:
        out = disk / "out"
        full = summarize(docs, "-o", out, "--format", "md,html", "-j", "2", "--no-cache")
        no_traceback(full)
        assert full.exit_code == 1
        done, skipped, failed = counts(full.output)  # the summary line is printed
        assert done + failed == 10 and failed > 0 and skipped == 0
        assert re.search(r"cannot write .*: No space left on device", full.output), full.output
        for line in whole_lines(out):  # every line whole, whatever was lost
            assert line["status"] in ("done", "failed")
        assert not list(out.glob(".*.tmp"))

        # full to the last page: now the manifest's own lines fail too, cut short mid-line by the disk
        fill(disk / "ballast")
        fuller = summarize(docs, "-o", out, "--format", "md,html", "--force")
        no_traceback(fuller)
        assert fuller.exit_code == 1 and counts(fuller.output) == (0, 0, 10)
        assert re.search(r"manifest.jsonl: \d+ lines could not be written \(No space left on device\)", fuller.output)
        assert (out / "manifest.jsonl").read_bytes().endswith(b"\n")
        whole_lines(out)

        (disk / "ballast").unlink()
        remount(disk, "size=16m")
        again = summarize(docs, "-o", out, "--format", "md,html")
        no_traceback(again)
        assert again.exit_code == 0, again.output
        last = whole_lines(out)[-10:]
        assert sorted(x["document"] for x in last) == sorted(str(p) for p in docs.iterdir())
        assert {x["status"] for x in last} <= {"done", "skipped"}
        assert len(list(out.glob("*.json"))) == len(list(out.glob("*.html"))) == 10


def test_a_write_error_fails_only_that_report_with_a_clear_message(tmp_path, monkeypatch, server):
    docs = seed_corpus(tmp_path / "in", 3)
    victim = sorted(docs.iterdir())[1]
    real_replace = os.replace

    def disk_full(src, dst, *args, **kwargs):
        if str(dst).endswith(f"{victim.stem}.json"):
            raise OSError(errno.ENOSPC, "No space left on device")
        return real_replace(src, dst, *args, **kwargs)

    monkeypatch.setattr(os, "replace", disk_full)
    out = tmp_path / "out"
    result = summarize(docs, "-o", out, "--no-cache")
    no_traceback(result)
    assert result.exit_code == 1 and counts(result.output) == (2, 0, 1)
    assert f"error: {victim}: cannot write {out / victim.stem}.json: No space left on device" in result.output
    [failed] = [x for x in whole_lines(out) if x["status"] == "failed"]
    assert failed["document"] == str(victim) and "No space left on device" in failed["error"]
    assert not list(out.glob(".*.tmp"))


def test_a_manifest_line_cut_short_is_taken_back_and_the_next_run_starts_a_new_line(tmp_path, monkeypatch):
    from summarizer.output import read_manifest

    path = tmp_path / "manifest.jsonl"
    path.write_text('{"document": "a", "status": "done"}\n{"document": "b", "sta', encoding="utf-8")  # killed mid-line
    manifest = Manifest(path)
    manifest.record("c", "done")
    real_write = os.write

    def half_then_full(fd, data):
        real_write(fd, bytes(data)[: len(data) // 2])
        raise OSError(errno.ENOSPC, "No space left on device")

    with monkeypatch.context() as m:
        m.setattr(os, "write", half_then_full)
        manifest.record("d", "failed", error="x")  # lost, not torn, and no exception
    manifest.record("e", "done")
    manifest.close()
    lines = path.read_text(encoding="utf-8").splitlines()
    assert lines[1] == '{"document": "b", "sta'  # the torn line stays on a line of its own
    assert [json.loads(x)["document"] for x in lines[2:]] == ["c", "e"]
    assert [x["document"] for x in read_manifest(path)] == ["a", "c", "e"]  # a reader skips the torn line
    assert manifest.lost == 1


# 3. Outputs silently overwritten


def test_standard_input_and_a_file_named_stdin_get_briefings_of_their_own(tmp_path, server):
    folder = tmp_path / "dir"
    folder.mkdir()
    (folder / "stdin.txt").write_bytes(SEEDS[1].read_bytes())
    out = tmp_path / "out"
    result = summarize("-", folder / "stdin.txt", "-o", out, "-q", input=SEEDS[0].read_text(encoding="utf-8"))
    assert result.exit_code == 0 and counts(result.output) == (2, 0, 0), result.output
    briefings = [Briefing.model_validate_json(p.read_text(encoding="utf-8")) for p in out.glob("*.json")]
    assert sorted((b.provenance.source, b.provenance.path) for b in briefings) == [
        ("<stdin>", None), ("stdin.txt", str((folder / "stdin.txt").resolve()))]
    assert {x["path"] for x in whole_lines(out)} == {None, str((folder / "stdin.txt").resolve())}


def two_inputs_named_alike(tmp_path):
    """a/report.txt (seed 0), summarized into OUT, and b/report.txt (seed 1), not yet: (a, b, OUT, the
    text of OUT/report.json)."""
    a, b = tmp_path / "a" / "report.txt", tmp_path / "b" / "report.txt"
    for path, seed in ((a, SEEDS[0]), (b, SEEDS[1])):
        path.parent.mkdir()
        path.write_bytes(seed.read_bytes())
    out = tmp_path / "out"
    assert summarize(a, "-o", out, "-q").exit_code == 0
    return a, b, out, (out / "report.json").read_text(encoding="utf-8")


def test_a_briefing_of_another_input_with_the_same_name_is_kept_unless_forced(tmp_path, server):
    a, b, out, kept = two_inputs_named_alike(tmp_path)

    second = summarize(b, "-o", out, "-q")
    assert second.exit_code == 1 and counts(second.output) == (0, 0, 1)
    assert (f"error: {b}: {out / 'report.json'} is the briefing of {a.resolve()}; kept it "
            "(--force replaces it, or choose another -o folder)") in second.output
    assert (out / "report.json").read_text(encoding="utf-8") == kept
    assert Briefing.model_validate_json(kept).provenance.path == str(a.resolve())
    assert whole_lines(out)[-1]["path"] == str(b.resolve())

    forced = summarize(b, "-o", out, "-q", "--force")
    assert forced.exit_code == 0 and counts(forced.output) == (1, 0, 0)
    briefing = Briefing.model_validate_json((out / "report.json").read_text(encoding="utf-8"))
    assert briefing.provenance.path == str(b.resolve())
    # the same input, edited, is simply redone: it is no other input's briefing
    b.write_bytes(SEEDS[2].read_bytes())
    assert counts(summarize(b, "-o", out, "-q").output) == (1, 0, 0)


def test_digest_never_overwrites_the_briefing_of_an_input_named_digest(tmp_path, server):
    source = tmp_path / "Digest.txt"
    source.write_bytes(SEEDS[1].read_bytes())
    out = tmp_path / "out"
    assert summarize(source, "-o", out, "--format", "md,html", "-q").exit_code == 0
    [briefing] = out.glob("*.json")
    assert briefing.stem.casefold() != "digest"
    markdown = briefing.with_suffix(".md").read_text(encoding="utf-8")
    assert CliRunner().invoke(cli, ["digest", str(out)]).exit_code == 0
    assert briefing.with_suffix(".md").read_text(encoding="utf-8") == markdown
    assert f"]({briefing.stem}.md)" in (out / "digest.md").read_text(encoding="utf-8")


def test_digest_refuses_a_folder_whose_digest_md_is_a_briefing(tmp_path, server):
    out = tmp_path / "out"
    assert summarize(SEEDS[1], "-o", out, "-q").exit_code == 0
    # a briefing named digest, as an older version wrote for an input digest.txt
    for suffix in (".json", ".md"):
        (out / f"{SEEDS[1].stem}{suffix}").rename(out / f"digest{suffix}")
    markdown = (out / "digest.md").read_text(encoding="utf-8")
    result = CliRunner().invoke(cli, ["digest", str(out)])
    assert result.exit_code == 1 and "digest.md is the rendering of the briefing digest.json" in result.output
    assert (out / "digest.md").read_text(encoding="utf-8") == markdown


def test_batch_import_keeps_a_briefing_of_another_input_with_the_same_name_unless_forced(tmp_path, server):
    from tests.test_batch_api import write_recorded_results

    a, b, out, kept = two_inputs_named_alike(tmp_path)
    requests = tmp_path / "requests.jsonl"
    assert CliRunner().invoke(cli, ["batch", "export", str(b), "-o", str(requests)]).exit_code == 0
    results = tmp_path / "results.jsonl"
    write_recorded_results(requests, results)

    refused = CliRunner().invoke(cli, ["batch", "import", str(results), str(b), "-o", str(out)])
    assert refused.exit_code == 1 and "imported 0, failed 1" in refused.output
    assert f"{out / 'report.json'} is the briefing of {a.resolve()}; kept it" in refused.output
    assert (out / "report.json").read_text(encoding="utf-8") == kept
    forced = CliRunner().invoke(cli, ["batch", "import", str(results), str(b), "-o", str(out), "--force"])
    assert forced.exit_code == 0 and "imported 1, failed 0" in forced.output
    assert Briefing.model_validate_json((out / "report.json").read_text()).provenance.path == str(b.resolve())


# 4. A broken answer cache


def cache_file() -> Path:
    return Path(os.environ["SUMMARIZER_CACHE_DIR"]) / "answers.sqlite3"


def test_a_garbage_cache_file_is_moved_aside_once_and_every_command_works(tmp_path, server):
    cache_file().parent.mkdir(parents=True)
    garbage = b"this is no database\n" * 300

    cache_file().write_bytes(garbage)
    info = CliRunner().invoke(cli, ["cache", "info"])
    no_traceback(info)
    assert info.exit_code == 0 and ": 0 answers" in info.output
    assert info.output.count("moved aside") == 1 and "file is not a database" in info.output

    cache_file().write_bytes(garbage)
    cleared = CliRunner().invoke(cli, ["cache", "clear"])
    no_traceback(cleared)
    assert cleared.exit_code == 0 and "removed 0 answers" in cleared.output
    assert not list(cache_file().parent.glob("*.broken-*"))  # clear also removes what was moved aside

    cache_file().write_bytes(garbage)
    result = summarize(SEEDS[1], "-o", tmp_path / "out")
    no_traceback(result)
    assert result.exit_code == 0 and counts(result.output)[0] == 1
    assert result.output.count("moved aside") == 1
    [aside] = cache_file().parent.glob("answers.sqlite3.broken-*")
    assert aside.read_bytes() == garbage  # kept for a post-mortem, out of the way
    assert ": 1 answers" in CliRunner().invoke(cli, ["cache", "info"]).output  # the new cache works


def test_a_truncated_cache_is_moved_aside_and_the_batch_goes_on(tmp_path, server):
    docs = seed_corpus(tmp_path / "in", 5)
    out = tmp_path / "out"
    assert summarize(docs, "-o", out, "-q").exit_code == 0
    data = cache_file().read_bytes()
    page = int.from_bytes(data[16:18], "big")
    cache_file().write_bytes(data[: page + page // 2])  # the first page and half of the next
    for p in out.glob("*.json"):
        p.unlink()
    result = summarize(docs, "-o", out)
    no_traceback(result)
    assert result.exit_code == 0 and counts(result.output) == (5, 0, 0), result.output
    assert result.output.count("moved aside") == 1


def test_a_cache_folder_that_cannot_be_made_leaves_the_run_uncached(tmp_path, monkeypatch, server):
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    monkeypatch.setenv("SUMMARIZER_CACHE_DIR", str(blocker / "cache"))  # mkdir fails, even for root
    result = summarize(SEEDS[1], "-o", tmp_path / "out")
    no_traceback(result)
    assert result.exit_code == 0 and counts(result.output) == (1, 0, 0)
    assert result.output.count("going on without it") == 1
    for command in ("info", "clear"):
        shown = CliRunner().invoke(cli, ["cache", command])
        no_traceback(shown)
        assert shown.exit_code == 1 and f"{blocker / 'cache'}" in shown.output and "cannot be used" in shown.output


def test_an_unreadable_cached_answer_is_a_miss(tmp_path, server):
    docs = seed_corpus(tmp_path / "in", 2)
    out = tmp_path / "out"
    assert summarize(docs, "-o", out, "-q").exit_code == 0 and server.requests == 6
    with contextlib.closing(sqlite3.connect(cache_file())) as db, db:
        db.execute("""UPDATE answers SET extraction = '{"title": 5}'""")
    for p in out.glob("*.json"):
        p.unlink()
    result = summarize(docs, "-o", out, "-q")
    assert result.exit_code == 0 and counts(result.output) == (2, 0, 0), result.output
    assert server.requests == 12  # asked again
    assert not any(x["cached"] for x in whole_lines(out)[-2:])
    # and the fresh answers replaced the bad rows
    for p in out.glob("*.json"):
        p.unlink()
    assert counts(summarize(docs, "-o", out, "-q").output) == (2, 0, 0) and server.requests == 12


# 5. A read-only output folder


def test_a_read_only_output_folder_is_each_reports_error_not_the_batchs(tmp_path, monkeypatch, server):
    docs = seed_corpus(tmp_path / "in", 3)
    out = tmp_path / "out"
    assert summarize(docs, "-o", out, "-q").exit_code == 0
    real_mkstemp = tempfile.mkstemp

    def read_only(*args, dir=None, **kwargs):  # CI runs as root, whom chmod does not stop
        if dir is not None and Path(dir) == out:
            raise PermissionError(errno.EACCES, "Permission denied", str(dir))
        return real_mkstemp(*args, dir=dir, **kwargs)

    monkeypatch.setattr(tempfile, "mkstemp", read_only)
    result = summarize(docs, "-o", out, "--format", "md,html")
    no_traceback(result)
    assert result.exit_code == 1 and counts(result.output) == (0, 0, 3)
    for doc in docs.iterdir():
        assert f"error: {doc}: cannot write {out / doc.stem}.html: Permission denied" in result.output


def test_a_read_only_mount_fails_each_report_and_still_prints_the_summary(tmp_path, server):
    docs = seed_corpus(tmp_path / "in", 3)
    with tmpfs(tmp_path / "disk", "8m") as disk:
        out = disk / "out"
        assert summarize(docs, "-o", out, "-q").exit_code == 0
        before = (out / "manifest.jsonl").read_bytes()
        remount(disk, "ro")
        result = summarize(docs, "-o", out, "--format", "md,html")
        no_traceback(result)
        assert result.exit_code == 1 and counts(result.output) == (0, 0, 3)
        for doc in docs.iterdir():
            assert f"error: {doc}: cannot write {out / doc.stem}.html: Read-only file system" in result.output
        assert f"{out / 'manifest.jsonl'}: 3 lines could not be written" in result.output
        assert (out / "manifest.jsonl").read_bytes() == before


# 14. Counting


def one_report(tmp_path, name, faults=None, **config):
    docs = seed_corpus(tmp_path / name / "in", 1)
    out = tmp_path / name / "out"
    with ReplayServer(faults=faults) as replay:
        settings = dict(model=RECORDED_MODEL, base_url=replay.base_url, transport_attempts=1, reasks=0)
        inputs, _ = expand([str(docs)])
        with OutputFolder(out, formats=()).hold() as folder:
            totals = BatchRunner(resolve(ModelConfig(**settings | config)), folder, concurrency=1).run(inputs)
    [line] = whole_lines(out)
    return line, totals


def test_tokens_of_failed_reports_and_of_answers_asked_again_are_counted(tmp_path):
    clean, _ = one_report(tmp_path, "clean")
    # the second section's request fails: the report fails, the first section's tokens were spent
    failed, totals = one_report(tmp_path, "failed", faults=lambda n, body: "500" if n >= 2 else None)
    assert failed["status"] == "failed" and failed["prompt_tokens"] > 0 and failed["completion_tokens"] > 0
    assert (totals.prompt_tokens, totals.completion_tokens) == (failed["prompt_tokens"], failed["completion_tokens"])
    # the first answer is cut off at the budget and asked again: both answers were paid for
    cut, _ = one_report(tmp_path, "cut", faults=lambda n, body: "truncated" if n == 1 else None)
    assert cut["status"] == "done"
    for kind in ("prompt_tokens", "completion_tokens"):
        assert cut[kind] == clean[kind] + failed[kind]


def test_strict_belongs_to_what_makes_a_briefing_up_to_date(tmp_path, server):
    out = tmp_path / "out"
    path = out / f"{SEEDS[1].stem}.json"
    assert counts(summarize(SEEDS[1], "-o", out, "-q").output) == (1, 0, 0)
    assert counts(summarize(SEEDS[1], "-o", out, "-q", "--strict").output) == (1, 0, 0)
    assert Briefing.model_validate_json(path.read_text(encoding="utf-8")).provenance.strict
    assert counts(summarize(SEEDS[1], "-o", out, "-q", "--strict").output) == (0, 1, 0)
    assert counts(summarize(SEEDS[1], "-o", out, "-q").output) == (1, 0, 0)
    assert not Briefing.model_validate_json(path.read_text(encoding="utf-8")).provenance.strict
    assert server.requests == 3  # redone from cached answers


def test_quiet_prints_only_errors_and_the_summary_line(tmp_path, monkeypatch):
    no_waits = partial(resolve, sleep=lambda seconds: None)  # the run's provider, its retries not waiting
    docs = seed_corpus(tmp_path / "in", 3)
    (docs / "empty.txt").write_text("")
    # every other request fails once (retry warnings), some answers fail validation (re-ask warnings)
    faults = lambda n, body: "500" if n % 2 else "invalid" if n % 5 == 0 else None  # noqa: E731
    with ReplayServer(faults=faults) as replay:
        monkeypatch.setenv("OPENAI_BASE_URL", replay.base_url)
        monkeypatch.setenv("SUMMARIZER_MODEL", RECORDED_MODEL)
        loud = summarize(docs, "-o", tmp_path / "loud", "--no-cache", "-j", "1", obj=no_waits)
        quiet = summarize(docs, "-o", tmp_path / "quiet", "--no-cache", "-j", "1", "-q", obj=no_waits)
    assert "warning: " in loud.output  # there was something to keep quiet about
    *before, summary = quiet.output.splitlines()
    assert before == [f"error: {docs / 'empty.txt'}: the file is empty"], quiet.output
    assert summary.startswith("done 3, skipped 0, failed 1;")


def test_re_asking_is_said_only_when_a_re_ask_follows(caplog):
    from summarizer.errors import ModelError
    from tests.test_model_client import VALID, Script, completion, extract, extractor

    bad = dict(VALID, achievements=[{"text": "Đạt 54% kế hoạch.", "sentences": [9]}])
    script = Script((200, {}, completion(bad)), (200, {}, completion(bad)))
    with caplog.at_level(logging.WARNING, logger="summarizer"), pytest.raises(ModelError):
        extract(extractor(script, reasks=1))
    assert len(script.requests) == 2
    said = [r.getMessage() for r in caplog.records if r.name.startswith("summarizer")]
    assert [line.endswith("re-asking") for line in said] == [True], said


@pytest.mark.parametrize("status, body, says", [
    (401, {"error": {"message": "Incorrect API key provided: KEY", "type": "invalid_request_error"}},
     "Incorrect API key provided: ***"),  # OpenAI
    (404, {"object": "error", "message": "The model `m` does not exist.", "type": "NotFoundError", "code": 404},
     "The model `m` does not exist."),  # vLLM
    (404, {"error": "model 'm' not found"}, "model 'm' not found"),  # Ollama
    (404, "404 page not found", "404 page not found"),  # a plain-text server
])
def test_a_refused_request_keeps_the_servers_own_message(status, body, says):
    import httpx2

    from summarizer.errors import ModelError
    from tests.test_model_client import KEY, extract, extractor

    def server_answer(request):
        if isinstance(body, str):
            return httpx2.Response(status, text=body)
        return httpx2.Response(status, json=json.loads(json.dumps(body).replace("KEY", KEY)))

    with pytest.raises(ModelError) as e:
        extract(extractor(server_answer))
    assert str(e.value) == f"model server answered HTTP {status}: {says}"

