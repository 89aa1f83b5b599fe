"""Batch plumbing: input expansion, atomic writes, and knowing what is already done."""

import os

import pytest

from summarizer.inputs import expand
from summarizer.output import finished, write_atomic


def test_files_folders_globs_and_stdin_expand_in_order_without_duplicates(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    for p in ["a/x.txt", "a/y.html", "a/notes.json", "b/x.txt"]:
        (tmp_path / p).write_text("Câu.")
    inputs, errors = expand([str(tmp_path / "a"), str(tmp_path / "a" / "x.txt"), str(tmp_path / "b" / "*.txt"), "-"])
    assert errors == []
    names = [i.name for i in inputs]
    assert names == [str(tmp_path / "a/x.txt"), str(tmp_path / "a/y.html"), str(tmp_path / "b/x.txt"), "<stdin>"]
    stems = [i.stem for i in inputs]
    # a/x.txt and b/x.txt must not write to the same output
    assert stems[0] != stems[2] and stems[0].startswith("x-") and stems[1] == "y" and stems[3] == "stdin"


def test_what_matches_nothing_is_an_error_each(tmp_path):
    (tmp_path / "empty").mkdir()
    inputs, errors = expand([str(tmp_path / "empty"), str(tmp_path / "nope.txt"), str(tmp_path / "*.md")])
    assert list(inputs) == []
    assert [e.problem for e in errors] == [
        "directory holds no report files (.docx, .htm, .html, .md, .pdf, .text, .txt)", "no such file or directory",
        "the pattern matches no file"]


def test_an_unreadable_file_is_reported(tmp_path, monkeypatch):
    from summarizer.errors import SourceError

    p = tmp_path / "secret.txt"
    p.write_text("x")
    [item], _ = expand([str(p)])
    real_open = os.open

    def denied(path, *args, **kwargs):
        if str(path) == str(p):
            raise PermissionError(13, "Permission denied")
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(os, "open", denied)  # CI runs as root, who may read anything
    with pytest.raises(SourceError, match="secret.txt: permission denied"):
        item.read()


def test_atomic_write_leaves_the_old_file_when_interrupted(tmp_path, monkeypatch):
    target = tmp_path / "out" / "x.json"
    write_atomic(target, "old")

    def boom(*a):
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", boom)
    with pytest.raises(KeyboardInterrupt):
        write_atomic(target, "new")
    assert target.read_text() == "old"
    assert [p.name for p in target.parent.iterdir()] == ["x.json"]  # no temporary file left behind


def test_a_corrupt_or_foreign_output_is_not_taken_as_done(tmp_path):
    path = tmp_path / "x.json"
    assert finished(path, "s", "m", "p", "v") is None
    path.write_text("{ half a briefing")
    assert finished(path, "s", "m", "p", "v") is None


def test_inputs_whose_index_cannot_be_kept_stop_the_batch_with_one_clear_error(tmp_path, monkeypatch):
    import sqlite3

    from click.testing import CliRunner

    from summarizer.cli import cli
    from summarizer.inputs import InputsError

    (tmp_path / "x.txt").write_text("Câu.")

    def full(*args, **kwargs):
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(sqlite3, "connect", full)  # as a full temporary folder answers a huge batch
    with pytest.raises(InputsError, match=r"cannot list the inputs: the temporary folder .* \(database or disk is full"):
        expand([str(tmp_path)])
    result = CliRunner().invoke(cli, ["summarize", str(tmp_path), "-o", str(tmp_path / "out"), "--no-cache"])
    assert result.exit_code == 1 and "error: cannot list the inputs" in result.output and "Traceback" not in result.output
