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
from tests.conftest import ROOT, SEEDS
from tests.replay_server import seed_corpus

pytestmark = pytest.mark.block_network(allowed_hosts=["127.0.0.1"])


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


# An output that cannot be written: one clear line, and never after paying for the answers


@contextlib.contextmanager
def read_only_folder(tmp_path: Path):
    """A read-only folder: a tmpfs remounted read-only (root, whom chmod does not stop), else chmod."""
    folder = tmp_path / "ro"
    folder.mkdir()
    if os.geteuid() != 0:
        folder.chmod(0o555)
        try:
            yield folder
        finally:
            folder.chmod(0o755)
        return
    if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=1m,ro", "tmpfs", str(folder)],
                      capture_output=True).returncode:
        pytest.skip("cannot mount a read-only tmpfs here; the not-a-directory cases cover the same code")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], capture_output=True)


def unwritable(tmp_path: Path, how: str):
    """A folder path where nothing can be written, whoever runs the test: under a regular file, or
    in a read-only folder."""
    if how == "under a file":
        (tmp_path / "blocker").write_text("a file, not a folder")
        return contextlib.nullcontext(tmp_path / "blocker"), "Not a directory"
    return read_only_folder(tmp_path), "(Read-only file system|Permission denied)"


@pytest.mark.parametrize("how", ["under a file", "read-only"])
def test_indicators_and_batch_export_into_an_unwritable_place_say_so_in_one_line(tmp_path, server, how):
    docs = seed_corpus(tmp_path / "in", 2)
    out = tmp_path / "out"
    assert run("summarize", docs, "-o", out, "-q").exit_code == 0
    place, reason = unwritable(tmp_path, how)
    with place as folder:
        for args, target in ((["indicators", out], folder / "ind.csv"),
                             (["batch", "export", docs], folder / "req.jsonl")):
            result = run(*args, "-o", target)
            no_traceback(result)
            assert result.exit_code == 1, result.output
            assert re.fullmatch(rf"error: cannot write {re.escape(str(target))}: {reason}\n", result.output), \
                result.output


@pytest.mark.parametrize("how", ["under a file", "read-only"])
def test_summarize_into_an_unwritable_folder_refuses_before_any_request(tmp_path, server, how):
    docs = seed_corpus(tmp_path / "in", 3)
    place, reason = unwritable(tmp_path, how)
    with place as folder:
        out = folder / "x"
        result = run("summarize", docs, "-o", out, "--no-cache")
    no_traceback(result)
    assert result.exit_code == 2, result.output
    assert server.requests == 0  # nothing paid for
    assert re.fullmatch(rf"error: cannot write into {re.escape(str(out))}: {reason}; no report was sent to the "
                        r"model \(choose another -o folder, or make this one writable\)\n", result.output), result.output


def test_finished_reports_in_a_read_only_folder_are_still_each_reports_error(tmp_path, server):
    # the refusal is for reports that need the model: re-rendering finished ones fails them one by one
    docs = seed_corpus(tmp_path / "in", 2)
    out = tmp_path / "out"
    assert run("summarize", docs, "-o", out, "-q").exit_code == 0
    served = server.requests
    real_mkstemp = __import__("tempfile").mkstemp

    def read_only(*args, dir=None, **kwargs):
        if dir is not None and Path(dir) == out:
            raise PermissionError(errno.EACCES, "Permission denied", str(dir))
        return real_mkstemp(*args, dir=dir, **kwargs)

    import tempfile
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(tempfile, "mkstemp", read_only)
        (docs / "new.txt").write_bytes(SEEDS[2].read_bytes())  # this one needs the model
        result = run("summarize", docs, "-o", out, "--format", "md,html")
    no_traceback(result)
    assert result.exit_code == 2 and server.requests == served, result.output
    for doc in sorted(docs.glob("0*.txt")):  # listed before new.txt: re-rendered, each failing by name
        assert f"error: {doc}: cannot write {out / doc.stem}.html: Permission denied" in result.output
    assert f"error: cannot write into {out}: Permission denied; no report was sent" in result.output


# A report that fails while writing leaves none of its renderings behind


def leftovers(out: Path) -> list[str]:
    """Renderings without their briefing: they would look finished."""
    return sorted(p.name for p in [*out.glob("*.md"), *out.glob("*.html")]
                  if p.stem != "digest" and not p.with_suffix(".json").exists())


def disk_full_at(monkeypatch, suffix: str, stem: str) -> None:
    """os.replace fails with ENOSPC for the output STEM+SUFFIX (its temporary file was written)."""
    real_replace = os.replace

    def replace(src, dst, *args, **kwargs):
        if Path(dst).name == f"{stem}{suffix}":
            raise OSError(errno.ENOSPC, "No space left on device")
        return real_replace(src, dst, *args, **kwargs)

    monkeypatch.setattr(os, "replace", replace)


@pytest.mark.parametrize("failing", [".html", ".json"])
def test_a_report_failing_while_writing_removes_the_renderings_it_wrote(tmp_path, monkeypatch, server, failing):
    docs = seed_corpus(tmp_path / "in", 3)
    victim = sorted(docs.iterdir())[1]
    out = tmp_path / "out"
    disk_full_at(monkeypatch, failing, victim.stem)
    result = run("summarize", docs, "-o", out, "--format", "md,html", "--no-cache")
    no_traceback(result)
    assert result.exit_code == 1 and "done 2, skipped 0, failed 1" in result.output, result.output
    assert f"error: {victim}: cannot write {out / victim.stem}{failing}: No space left on device" in result.output
    assert not list(out.glob(f"{victim.stem}.*")) and not list(out.glob(".*.tmp"))
    assert leftovers(out) == [] and len(list(out.glob("*.md"))) == 2


def test_batch_import_failing_while_writing_removes_the_renderings_it_wrote(tmp_path, monkeypatch, server):
    from tests.test_batch_api import write_recorded_results

    docs = seed_corpus(tmp_path / "in", 2)
    victim = sorted(docs.iterdir())[0]
    requests = tmp_path / "requests.jsonl"
    assert run("batch", "export", docs, "-o", requests).exit_code == 0
    results = tmp_path / "results.jsonl"
    write_recorded_results(requests, results)
    out = tmp_path / "out"
    disk_full_at(monkeypatch, ".json", victim.stem)
    result = run("batch", "import", results, docs, "-o", out, "--format", "md,html")
    assert result.exit_code == 1 and "imported 1, failed 1" in result.output, result.output
    assert not list(out.glob(f"{victim.stem}.*")) and leftovers(out) == []


def test_a_full_disk_leaves_no_renderings_without_their_briefing(tmp_path, server):
    from tests.test_state import tmpfs

    docs = seed_corpus(tmp_path / "in", 10)
    with tmpfs(tmp_path / "disk", "256k") as disk:
        out = disk / "out"
        result = run("summarize", docs, "-o", out, "--format", "md,html", "-j", "2", "--no-cache")
        no_traceback(result)
        assert result.exit_code == 1 and "No space left on device" in result.output, result.output
        assert leftovers(out) == []


# One output name per input, whatever else a run holds


def two_reports(tmp_path: Path) -> tuple[Path, Path]:
    a, b = tmp_path / "a" / "report.txt", tmp_path / "b" / "report.txt"
    for path, seed in ((a, SEEDS[0]), (b, SEEDS[1])):
        path.parent.mkdir()
        path.write_bytes(seed.read_bytes())
    return a, b


def briefings(out: Path) -> dict[str, str]:
    from summarizer.core.schema import Briefing

    return {p.name: Briefing.model_validate_json(p.read_text(encoding="utf-8")).provenance.path
            for p in sorted(out.glob("*.json"))}


@pytest.mark.parametrize("first, then", [("both", "a"), ("both", "b"), ("a", "both"), ("b", "both"),
                                         ("both", "both")])
def test_a_rerun_of_any_subset_finds_each_inputs_earlier_briefing(tmp_path, server, first, then):
    a, b = two_reports(tmp_path)
    runs = {"a": [a], "b": [b], "both": [a, b]}
    out = tmp_path / "o3"
    assert run("summarize", *runs[first], "-o", out, "--no-cache", "-q").exit_code == 0
    before = briefings(out)
    served = server.requests
    again = run("summarize", *runs[then], "-o", out, "--no-cache")
    assert again.exit_code == 0, again.output
    done = {"a": 0, "b": 0}
    for path in runs[then]:
        if str(path.resolve()) not in before.values():
            done["a" if path == a else "b"] += 1
    # only an input never summarized into the folder is asked for; every other one is skipped
    assert f"done {sum(done.values())}, skipped {len(runs[then]) - sum(done.values())}, failed 0" in again.output
    after = briefings(out)
    assert sorted(after.values()) == sorted({*before.values(), *(str(p.resolve()) for p in runs[then])})  # one each
    assert all(after[name] == path for name, path in before.items())  # none renamed, none replaced
    if not sum(done.values()):
        assert server.requests == served
    digest = run("digest", out)
    assert digest.exit_code == 0
    listed = re.findall(r"^## \[.*\]\((report[^)]*)\.md\)$", (out / "digest.md").read_text(encoding="utf-8"), re.M)
    assert sorted(listed) == sorted(Path(name).stem for name in after)  # each input listed once


def test_a_rerun_after_a_run_with_the_other_input_finds_the_hashed_name(tmp_path, server):
    # the user's case: `summarize a/report.txt b/report.txt -o o3`, then `summarize a/report.txt -o o3`
    a, b = two_reports(tmp_path)
    out = tmp_path / "o3"
    assert run("summarize", a, b, "-o", out, "-q").exit_code == 0
    names = sorted(briefings(out))
    assert len(names) == 2 and all(re.fullmatch(r"report-[0-9a-f]{8}\.json", n) for n in names)
    again = run("summarize", a, "-o", out)
    assert again.exit_code == 0 and "done 0, skipped 1, failed 0" in again.output, again.output
    assert sorted(briefings(out)) == names and not (out / "report.json").exists()
    lines = (out / "manifest.jsonl").read_text(encoding="utf-8").splitlines()
    assert '"status": "skipped"' in lines[-1] and '"output": "report-' in lines[-1]
