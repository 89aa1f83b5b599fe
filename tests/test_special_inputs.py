"""Inputs that are not report files: named pipes, devices, oversized files, a closed standard input,
symbolic link loops. Each is refused with one line naming it and the problem, without blocking,
without reading it whole, and the batch goes on."""

import os
import resource
import subprocess
import sys

import pytest
from click.testing import CliRunner

from summarizer.inputs import Input, expand
from summarizer.cli import cli
from summarizer.errors import SourceError
from summarizer.source import read

CLOSED_PORT_URL = "http://127.0.0.1:9/v1"  # never reached: no input here gets that far


def summarize(*args, timeout=30, **popen):
    """`summarizer summarize ARGS` in a fresh process (a blocked read must not block the test run)."""
    env = dict(os.environ, OPENAI_BASE_URL=CLOSED_PORT_URL)  # never the embedded model
    return subprocess.run([sys.executable, "-m", "summarizer", "summarize", *map(str, args)], env=env,
                          capture_output=True, text=True, timeout=timeout, **popen)


def test_a_named_pipe_is_refused_without_blocking(tmp_path):
    fifo = tmp_path / "report.txt"
    os.mkfifo(fifo)  # nobody ever writes to it: opening it for reading blocks on today's code
    good_empty = tmp_path / "empty.txt"
    good_empty.write_text(" ")
    result = summarize(fifo, good_empty, "-o", tmp_path / "out", timeout=20)
    assert result.returncode == 1, result.stderr
    assert f"error: {fifo}: not a regular file (a named pipe)" in result.stderr
    assert f"{good_empty}: the file is empty" in result.stderr  # the batch went on past it
    assert "Traceback" not in result.stderr


def _limit_memory():
    resource.setrlimit(resource.RLIMIT_AS, (2 * 2**30, 2 * 2**30))  # reading /dev/urandom whole hits this


@pytest.mark.parametrize("device", ["/dev/urandom", "/dev/zero"])
def test_a_device_is_refused_without_reading_it(tmp_path, device):
    result = summarize(device, "-o", tmp_path / "out", preexec_fn=_limit_memory)
    assert result.returncode == 1, result.stderr
    assert f"error: {device}: not a regular file (a character device)" in result.stderr
    assert "MemoryError" not in result.stderr and "Traceback" not in result.stderr


def test_an_oversized_file_is_refused_by_its_size_before_reading(tmp_path, monkeypatch):
    big = tmp_path / "huge.txt"
    with open(big, "wb") as f:
        f.truncate(33 * 2**20)  # sparse: nothing is written, the size is what is checked
    [item], _ = expand([str(big)])
    monkeypatch.setattr(os, "read", lambda *a: pytest.fail("an oversized file was read"))
    with pytest.raises(SourceError) as e:
        item.read()
    assert str(e.value) == f"{big}: the file is 33.0 MiB, more than the 32 MiB a report may be (split it)"


def test_standard_input_is_read_up_to_the_limit_only(tmp_path, monkeypatch):
    monkeypatch.setattr(read, "MAX_INPUT_BYTES", 1000)
    result = CliRunner().invoke(cli, ["summarize", "-", "-o", str(tmp_path / "out")], input="Câu một. " * 500)
    assert result.exit_code == 1
    assert "<stdin>: standard input holds more than the 1000 bytes a report may be (split it)" in result.output


def test_a_closed_standard_input_is_a_clear_error(tmp_path):
    result = summarize("-", "-o", tmp_path / "out", preexec_fn=lambda: os.close(0))
    assert result.returncode == 1, result.stderr
    assert "error: <stdin>: standard input is closed" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_closed_standard_input_in_process(monkeypatch):
    monkeypatch.setattr(sys, "stdin", None)
    with pytest.raises(SourceError, match="<stdin>: standard input is closed"):
        Input(None, "<stdin>", "stdin").read()


def test_symbolic_link_loops_and_broken_links_are_named_as_such(tmp_path):
    (tmp_path / "loop.txt").symlink_to(tmp_path / "loop.txt")
    (tmp_path / "a.txt").symlink_to(tmp_path / "b.txt")
    (tmp_path / "b.txt").symlink_to(tmp_path / "a.txt")
    (tmp_path / "dangling.txt").symlink_to(tmp_path / "gone.txt")
    (tmp_path / "dir").symlink_to(tmp_path / "dir")
    args = [tmp_path / "loop.txt", tmp_path / "a.txt", tmp_path / "dangling.txt", tmp_path / "dir" / "x.txt",
            tmp_path / "missing.txt"]
    inputs, errors = expand([str(a) for a in args])
    assert list(inputs) == []
    assert [e.problem for e in errors] == [
        "symbolic link loop (too many levels of symbolic links)",
        "symbolic link loop (too many levels of symbolic links)",
        f"broken symbolic link: its target {tmp_path / 'gone.txt'} does not exist",
        "symbolic link loop (too many levels of symbolic links)",
        "no such file or directory",
    ]


def test_a_file_that_turns_into_a_link_loop_after_listing_is_named_as_such(tmp_path):
    path = tmp_path / "report.txt"
    path.write_text("Câu.")
    [item], _ = expand([str(path)])
    path.unlink()
    path.symlink_to(path)
    with pytest.raises(SourceError, match="report.txt: symbolic link loop"):
        item.read()


@pytest.mark.block_network(allowed_hosts=["127.0.0.1"])
def test_a_link_loop_inside_a_folder_is_that_entrys_error_and_the_batch_goes_on(tmp_path, monkeypatch):
    from tests.conftest import RECORDED_MODEL, SEEDS
    from tests.replay_server import ReplayServer

    folder = tmp_path / "sp"
    folder.mkdir()
    (folder / "report.txt").write_bytes(SEEDS[0].read_bytes())
    (folder / "loop1").symlink_to("loop2")  # no report suffix: not a report, never looked at
    (folder / "loop2").symlink_to("loop1")
    (folder / "loop.txt").symlink_to("loop.txt")  # a report's name: its own error
    with ReplayServer() as server:
        monkeypatch.setenv("OPENAI_BASE_URL", server.base_url)
        monkeypatch.setenv("SUMMARIZER_MODEL", RECORDED_MODEL)
        result = CliRunner().invoke(cli, ["summarize", str(folder), "-o", str(tmp_path / "o"), "--no-cache"])
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert result.exit_code == 1, result.output
    assert f"error: {folder / 'loop.txt'}: symbolic link loop (too many levels of symbolic links)" in result.output
    assert "done 1, skipped 0, failed 1" in result.output, result.output
    assert (tmp_path / "o" / "report.json").exists()


def test_any_os_error_while_walking_a_folder_is_that_entrys_own_error(tmp_path, monkeypatch):
    import errno

    folder = tmp_path / "reports"
    folder.mkdir()
    for name in ("a.txt", "b.txt", "c.txt"):
        (folder / name).write_text("Câu.")
    real_scandir = os.scandir

    class Failing:  # an entry whose stat fails with an I/O error (a flaky network disk)
        def __init__(self, entry):
            self.entry, self.name = entry, entry.name

        def is_file(self):
            if self.name == "b.txt":
                raise OSError(errno.EIO, "Input/output error")
            return self.entry.is_file()

    class Listing:
        def __init__(self, path):
            self.it = real_scandir(path)

        def __enter__(self):
            return (Failing(e) for e in self.it)

        def __exit__(self, *exc):
            self.it.close()

    monkeypatch.setattr(os, "scandir", Listing)
    inputs, errors = expand([str(folder)])
    assert [i.path for i in inputs] == [str(folder / "a.txt"), str(folder / "c.txt")]
    assert [(e.name, e.problem) for e in errors] == [(str(folder / "b.txt"), "cannot be looked at: Input/output error")]

    def unlistable(path):
        raise PermissionError(errno.EACCES, "Permission denied", path)

    monkeypatch.setattr(os, "scandir", unlistable)
    inputs, errors = expand([str(folder), str(folder / "a.txt")])
    assert [i.path for i in inputs] == [str(folder / "a.txt")]
    assert [(e.name, e.problem) for e in errors] == [(str(folder), "cannot list the folder: Permission denied")]
