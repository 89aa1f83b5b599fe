"""The command line: help, usage errors, batches with bad inputs, resume, and schema export."""

import json

import pytest
from click.testing import CliRunner

from summarizer.cli import cli
from summarizer.core.schema import Briefing
from summarizer.schema_export import schema_json
from tests.conftest import RECORD_URL, RECORDED_MODEL, ROOT

SEED = ROOT / "seeds" / "001_09e389f302c63ca9.txt"
CASSETTE = str(ROOT / "cassettes" / "seed_001_09e389f302c63ca9.json")


def run(*args, env=None):
    return CliRunner().invoke(cli, list(args), env=env, catch_exceptions=False)


@pytest.mark.parametrize("args", [["--help"], ["summarize", "--help"], ["schema", "--help"], ["eval", "--help"]])
def test_help_explains_each_command(args):
    result = run(*args)
    assert result.exit_code == 0 and "Usage:" in result.output and len(result.output) > 200


@pytest.mark.parametrize("args", [["summarize"], ["summarize", "x.txt", "--mode", "telepathy"], ["nonsense"],
                                  ["summarize", "x.txt", "--format", "pdf"], ["digest", "/nonexistent"]])
def test_usage_errors_exit_2(args):
    assert run(*args).exit_code == 2


def test_bad_inputs_are_named_and_the_batch_exits_1(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    pdf = tmp_path / "report.pdf.txt"
    pdf.write_bytes(b"%PDF-1.4 binary")
    result = run("summarize", str(empty), str(pdf), str(tmp_path / "missing.txt"), str(tmp_path / "*.nothing"),
                 "-o", str(tmp_path / "out"))
    assert result.exit_code == 1
    assert f"{empty}: the file is empty" in result.output
    assert f"{pdf}: not a readable PDF (PDFSyntaxError" in result.output  # read as a PDF whatever its name
    assert "missing.txt: no such file or directory" in result.output
    assert "*.nothing: the pattern matches no file" in result.output
    assert "done 0, skipped 0, failed 4" in result.output
    lines = [json.loads(x) for x in (tmp_path / "out" / "manifest.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [(x["status"], x["error"]) for x in lines] == [
        ("failed", "no such file or directory"), ("failed", "the pattern matches no file"),
        ("failed", "the file is empty"), ("failed", "not a readable PDF (PDFSyntaxError: No /Root object! - Is this really a PDF?)")]


def test_stdin_is_read_and_named_in_errors(tmp_path):
    result = CliRunner().invoke(cli, ["summarize", "-", "-o", str(tmp_path)], input="   \n")
    assert result.exit_code == 1 and "<stdin>: the file is empty" in result.output


def test_without_any_server_or_local_extra_the_message_says_what_to_do(tmp_path, monkeypatch):
    import importlib.util

    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec", lambda name, *a: None if name == "llama_cpp" else real(name, *a))
    result = run("summarize", str(SEED), "-o", str(tmp_path / "out"))
    assert result.exit_code == 1
    assert "pip install -e '.[local]'" in result.output and "OPENAI_BASE_URL" in result.output


@pytest.mark.vcr(CASSETTE)
def test_batch_writes_json_and_markdown_then_resumes_without_calling_the_model(tmp_path, monkeypatch):
    monkeypatch.setenv("OPENAI_BASE_URL", RECORD_URL)
    monkeypatch.setenv("SUMMARIZER_MODEL", RECORDED_MODEL)
    empty = tmp_path / "empty.txt"
    empty.write_text("   ")
    out = tmp_path / "out"
    first = run("summarize", str(SEED), str(empty), "-o", str(out), "--format", "md,html")
    assert first.exit_code == 1  # one bad input; the good one is done and kept
    assert "done 1, skipped 0, failed 1" in first.output
    briefing = Briefing.model_validate_json((out / f"{SEED.stem}.json").read_text(encoding="utf-8"))
    assert briefing.provenance.source == SEED.name
    markdown = (out / f"{SEED.stem}.md").read_text(encoding="utf-8")
    assert markdown.startswith("# ") and "## Thành tích" in markdown and "## Nhiệm vụ" in markdown
    assert (out / f"{SEED.stem}.html").read_text(encoding="utf-8").startswith("<!doctype html>")
    assert not list(out.glob(".*.tmp"))

    # a rerun makes no model call (the cassette would refuse a second one) and skips the finished input
    (out / f"{SEED.stem}.html").unlink()
    second = run("summarize", str(SEED), "-o", str(out), "--format", "html")
    assert second.exit_code == 0 and "done 0, skipped 1, failed 0" in second.output
    assert (out / f"{SEED.stem}.html").exists()  # a missing rendering is made from the finished briefing
    manifest = [json.loads(x) for x in (out / "manifest.jsonl").read_text(encoding="utf-8").splitlines()]
    # the first run's two lines may come in either order (the model work runs on a worker thread)
    assert sorted((m["document"], m["status"]) for m in manifest[:2]) == sorted([(str(SEED), "done"), (str(empty), "failed")])
    assert (manifest[2]["document"], manifest[2]["status"]) == (str(SEED), "skipped")
    done_line = next(m for m in manifest if m["status"] == "done")
    assert done_line["prompt_tokens"] > 0 and done_line["seconds"] > 0

    digest = run("digest", str(out))
    assert digest.exit_code == 0
    assert f"]({SEED.stem}.md)" in (out / "digest.md").read_text(encoding="utf-8")
    assert f'href="{SEED.stem}.html"' in (out / "digest.html").read_text(encoding="utf-8")

    csv_path = tmp_path / "indicators.csv"
    assert run("indicators", str(out), "-o", str(csv_path)).exit_code == 0
    assert csv_path.read_text(encoding="utf-8").startswith("document,section,item,figure,value")


def test_schema_command_prints_the_committed_schema():
    assert run("schema").output == (ROOT / "schemas" / "briefing.schema.json").read_text(encoding="utf-8")
    extraction = json.loads(run("schema", "--which", "extraction").output)
    assert set(extraction["properties"]) == {"items", "title", "locality", "period", "meeting", "people"}


@pytest.mark.parametrize("name", ["briefing", "extraction"])
def test_committed_schema_files_match_the_models(name):
    committed = (ROOT / "schemas" / f"{name}.schema.json").read_text(encoding="utf-8")
    assert committed == schema_json(name), f"schemas/{name}.schema.json is stale: run `summarizer schema --which {name}`"


# --- conventions (issue 13): -m, options that declare their environment variable, --stdout, --json -----

def test_every_option_with_an_environment_variable_declares_it_in_help():
    for args in (["summarize", "--help"], ["batch", "export", "--help"], ["batch", "import", "--help"]):
        help_text = " ".join(run(*args).output.split())  # unwrapped
        assert "-m, --model" in help_text and "[env var: SUMMARIZER_MODEL]" in help_text
        assert "[env var: SUMMARIZER_MODE]" in help_text
    assert "[env var: OPENAI_BASE_URL]" in " ".join(run("summarize", "--help").output.split())


@pytest.mark.block_network(allowed_hosts=["127.0.0.1"])
@pytest.mark.parametrize("to_stdout", [["--stdout"], ["-o", "-"]])
@pytest.mark.parametrize("fmt", ["md", "json", "html"])
def test_one_briefing_goes_to_standard_output_and_nothing_else_does(tmp_path, monkeypatch, to_stdout, fmt):
    from tests.replay_server import ReplayServer

    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    with ReplayServer() as server:
        result = CliRunner().invoke(
            cli, ["summarize", str(SEED), *to_stdout, "--format", fmt, "-m", RECORDED_MODEL, "--base-url", server.base_url])
    assert result.exit_code == 0, result.stderr
    if fmt == "json":
        assert Briefing.model_validate_json(result.stdout).provenance.source == SEED.name
    elif fmt == "md":
        assert result.stdout.startswith("# ") and "## Thành tích" in result.stdout
    else:
        assert result.stdout.startswith("<!doctype html>")
    assert "done 1" in result.stderr and "done 1" not in result.stdout  # the summary line is a log
    assert list(work.iterdir()) == []  # no folder named "-", no briefings folder


@pytest.mark.parametrize("args", [[str(SEED), str(SEED), "--stdout"], [str(SEED), "--stdout", "--format", "md,html"],
                                  [str(ROOT / "seeds"), "-o", "-"]])
def test_standard_output_takes_one_briefing_in_one_format(args):
    result = run("summarize", *args)
    assert result.exit_code == 2 and "prints one" in result.output


def test_cache_info_as_json(tmp_path):
    info = json.loads(run("cache", "info", "--json").output)
    assert set(info) == {"path", "answers", "bytes", "problem"} and info["answers"] == 0 and info["problem"] is None
