"""Batch runs over many inputs: expand paths, skip finished work, write outputs atomically."""

from __future__ import annotations

import errno
import glob
import hashlib
import json
import logging
import os
import socket
import sys
import tempfile
import threading
import time
from concurrent.futures import FIRST_COMPLETED, Future, wait
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

from summarizer.core.schema import Briefing, Usage
from summarizer.cost import cost_usd
from summarizer.errors import ConfigError, SourceError, SummarizerError
from summarizer.redact import redact
from summarizer.source.read import why_missing
from summarizer.workers import DaemonPool

log = logging.getLogger("summarizer")
SUFFIXES = {".txt", ".text", ".md", ".html", ".htm", ".docx", ".pdf"}  # Word and PDF: source/docx.py, pdf.py
STDIN = "-"
STDIN_NAME = "<stdin>"
# output stems an input may not take: `summarizer digest` writes digest.md and digest.html there
RESERVED_STEMS = {"digest"}
LOCK_NAME = ".summarizer.lock"


@dataclass(frozen=True, slots=True)
class Input:
    """One input, kept small (a batch lists every input before it starts): the path as a string."""

    path: str | None  # as the user gave it (or found in their folder); None for standard input
    name: str  # what errors and outputs are called
    stem: str  # output file stem
    origin: str | None = None  # the file's absolute, resolved path: which input this is, however named

    def document(self, encoding: str | None = None):
        """Read, decode and split: errors name the input as given, the document is named by its file."""
        from summarizer.source.read import decode
        from summarizer.source.split import split_document

        raw = self.read()
        return split_document(os.path.basename(self.path) if self.path else self.name,
                              decode(raw, self.name, encoding), raw)

    def read(self) -> bytes:
        """The input's bytes (see source.read.read_input: regular files and stdin only, size-checked)."""
        from summarizer.source.read import read_input

        return read_input(self.path, self.name)


def expand(args: list[str]) -> tuple[list[Input], list[SourceError]]:
    """Files, directories (their report files, sorted), globs and `-` → inputs in the order given;
    what matches nothing → one error each."""
    # paths as strings, not Path objects: a folder of a million reports is listed before the batch starts
    paths: list[str | None] = []  # None stands for standard input
    errors: list[SourceError] = []
    for arg in args:
        p = Path(arg)
        if arg == STDIN:
            paths.append(None)
        elif p.is_dir():
            found, broken = _folder_reports(arg)
            errors += broken
            if not found and not broken:
                errors.append(SourceError(arg, f"directory holds no report files ({', '.join(sorted(SUFFIXES))})"))
            paths += found
        elif p.exists():
            paths.append(str(p))
        elif glob.has_magic(arg):
            matches = sorted(str(Path(m)) for m in glob.glob(arg, recursive=True) if os.path.isfile(m))
            if not matches:
                errors.append(SourceError(arg, "the pattern matches no file"))
            paths += matches
        else:
            errors.append(SourceError(arg, why_missing(arg)))  # a link loop is not "no such file"
    unique: dict[str | None, str | None] = {}  # resolved → as the user wrote it (first mention)
    for given in paths:
        unique.setdefault(os.path.realpath(given) if given else None, given)
    del paths
    # two inputs with one stem (a/x.txt, b/x.txt; `-` and stdin.txt) must not overwrite each other's
    # output, nor an input the digest's files: such stems get a hash of the input's path. Casefolded:
    # on a case-insensitive disk (macOS, Windows) X.md is x.md
    stems = Counter(_stem(given).casefold() for given in unique.values())
    taken: set[str] = set()
    inputs = []
    for resolved, given in unique.items():
        stem = _stem(given)
        if stems[stem.casefold()] > 1 or stem.casefold() in RESERVED_STEMS or stem.casefold() in taken:
            n = 8
            while (candidate := _hashed(stem, resolved, n)).casefold() in taken:  # a file named like a hashed stem
                n += 8
            stem = candidate
        taken.add(stem.casefold())
        inputs.append(Input(given, given or STDIN_NAME, stem, resolved))
    return inputs, errors


def _hashed(stem: str, resolved: str | None, n: int = 8) -> str:
    """The output stem of an input whose plain stem is taken: the stem and a hash of its path."""
    return f"{stem}-{hashlib.sha256((resolved or STDIN).encode()).hexdigest()[:n]}"


def own_output(item: Input, out_dir: Path) -> tuple[Input, Briefing | None]:
    """`item` under the name its briefing already has in `out_dir`, and the briefing there.

    An input's output name depends on the other inputs of its run (a/report.txt and b/report.txt
    get report-HASH each; alone, report): a rerun of a subset must find the earlier briefing of the
    same input under either name, and neither redo it nor write a second one. So when the name given
    now holds no briefing of this input, the input's other names (plain, hashed) are looked at;
    returns `item` unchanged, with what its own name holds (maybe another input's briefing), when
    none of them is this input's."""
    own = read_briefing(out_dir / f"{item.stem}.json")
    if own is not None and other_input(own, item) is None:
        return item, own
    plain = _stem(item.path)
    names = [plain] if plain.casefold() not in RESERVED_STEMS else []
    names += [_hashed(plain, item.origin, n) for n in (8, 16)]
    for stem in names:
        path = out_dir / f"{stem}.json"
        if stem != item.stem and path.exists():
            earlier = read_briefing(path)
            if earlier is not None and other_input(earlier, item) is None:
                return replace(item, stem=stem), earlier
    return item, own


def _folder_reports(folder: str) -> tuple[list[str], list[SourceError]]:
    """The report files of `folder` (sorted), and one error per entry or folder that could not be
    looked at. Any OSError while walking the folder is the error of that entry (a symbolic link loop
    named x.txt, a file gone meanwhile, an unreadable folder): the other reports are still found."""
    found: list[str] = []
    broken: list[SourceError] = []
    try:
        with os.scandir(folder) as entries:
            for e in entries:
                # the suffix first: an entry that is no report (a loop named `loop1`) is never looked at
                if os.path.splitext(e.name)[1].lower() not in SUFFIXES:
                    continue
                path = os.path.join(folder, e.name)
                try:
                    if e.is_file():
                        found.append(path)
                except OSError as error:  # is_file follows links: a loop raises ELOOP
                    broken.append(SourceError(path, why_missing(path) if error.errno in (errno.ELOOP, errno.ENOENT)
                                              else f"cannot be looked at: {error.strerror or error}"))
    except OSError as error:  # the folder itself (permission denied, an I/O error mid-listing)
        broken.append(SourceError(folder, f"cannot list the folder: {error.strerror or error}"))
    found.sort()
    broken.sort(key=lambda e: e.name)
    return found, broken


def _stem(path: str | None) -> str:
    return Path(path).stem if path else "stdin"


class OutputError(SummarizerError):
    """An output cannot be written (a full disk, a read-only folder), or would replace another
    input's briefing: that input fails, the batch goes on."""


def _make_folder(folder: Path) -> None:
    """mkdir -p; a regular file in the folder's place is "Not a directory", not mkdir's "File exists"."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except FileExistsError:
        raise NotADirectoryError(errno.ENOTDIR, os.strerror(errno.ENOTDIR), str(folder)) from None


def write_atomic(path: Path, text: str) -> None:
    """Write to a temporary file in the same folder, then rename: readers never see half a file.

    Raises OutputError ("cannot write PATH: No space left on device") when the folder cannot be
    made or written; the old file, if any, is then left as it was and no temporary file remains."""
    tmp = None
    try:
        _make_folder(path.parent)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
        # mkstemp makes the file 0600 whatever the umask; an output is a file like any the user
        # writes, readable by whom their umask allows (0644 under the usual 022)
        os.fchmod(fd, 0o666 & ~_umask())
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(text)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException as e:
        if tmp is not None:
            try:
                os.unlink(tmp)
            except OSError:
                pass  # already renamed, or the folder forbids it: the next run's start removes it
        if isinstance(e, OSError):
            raise OutputError(f"cannot write {path}: {e.strerror or e}") from e
        raise


_UMASK_LOCK = threading.Lock()


def _umask() -> int:
    """The process's umask, read without changing it where the system says it (Linux 4.7+):
    os.umask can only be read by setting it, and a file another thread creates meanwhile would get
    the value set for the moment."""
    try:
        with open("/proc/self/status", encoding="ascii", errors="replace") as f:
            for line in f:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError, IndexError):
        pass
    with _UMASK_LOCK:
        mask = os.umask(0o077)  # the strictest value for the moment it is set
        os.umask(mask)
    return mask


def read_briefing(json_path: Path) -> Briefing | None:
    """The briefing in `json_path`, or None if there is none (or it is no briefing: corrupt, foreign)."""
    try:
        return Briefing.model_validate_json(json_path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def up_to_date(briefing: Briefing, sha256: str, model: str, prompt_version: str, schema_version: str,
               strict: bool = False) -> bool:
    """Made from the same bytes, model, prompt and schema, with or without --strict as asked now."""
    p = briefing.provenance
    return (p.sha256, p.model, p.prompt_version, p.schema_version, p.strict) == (
        sha256, model, prompt_version, schema_version, strict)


def finished(json_path: Path, sha256: str, model: str, prompt_version: str, schema_version: str,
             strict: bool = False) -> Briefing | None:
    """The existing briefing when it is up to date (see up_to_date); else None."""
    briefing = read_briefing(json_path)
    if briefing is not None and up_to_date(briefing, sha256, model, prompt_version, schema_version, strict):
        return briefing
    return None


def other_input(briefing: Briefing, item: Input) -> str | None:
    """What `briefing` was made from when that is another input than `item` (its absolute path, or
    its file name for a briefing older than paths in provenance); None when it is `item`'s own."""
    p = briefing.provenance
    if p.path is not None:
        return None if p.path == item.origin else p.path
    # standard input, or a briefing written before paths were kept: the file name is all there is
    own = os.path.basename(item.path) if item.path else STDIN_NAME
    return None if p.source == own else p.source


def write_outputs(render, briefing: Briefing, doc, base: Path, formats) -> Path:
    """BASE.md/.html (`render`, which lists in `written=` each file it wrote), then BASE.json, last:
    its presence means "done". Returns the JSON's path. When a write fails (a full disk), the
    renderings written in this attempt are removed before the error goes on: renderings without
    their briefing would look finished and keep the disk full."""
    written: list[Path] = []
    json_path = base.with_name(f"{base.name}.json")
    try:
        render(briefing, doc, base, formats, written=written)
        write_atomic(json_path, briefing_json(briefing))
    except BaseException:
        for path in written:
            try:
                path.unlink(missing_ok=True)
            except OSError:
                pass  # a folder that forbids it: the next run of this input writes them again
        raise
    return json_path


def briefing_json(briefing: Briefing) -> str:
    return json.dumps(briefing.model_dump(mode="json"), ensure_ascii=False, indent=2) + "\n"


class Manifest:
    """OUT/manifest.jsonl: one line per input per run (document, path, status, error, tokens, seconds).

    Each line goes down in one write and is synced, so a killed run leaves every finished line
    readable and the lines of threads never mix. A write that fails (a full disk) is taken back, so
    every line stays whole; a line torn all the same (a run killed mid-write) is left on a line of its
    own, skipped by read_manifest. Never raises: a line that cannot be written (a full disk, a
    read-only folder) is counted in `lost`, its reason kept in `problem`, and the batch goes on."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.lock = threading.Lock()
        self.fd: int | None = None
        self.lost = 0
        self.problem: str | None = None
        self.torn = False  # the file ends mid-line: the next line starts on a new one
        self.closed = False  # after close: a worker abandoned at Ctrl-C finishing late records nothing
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            self.fd = os.open(path, os.O_RDWR | os.O_APPEND | os.O_CREAT, 0o666)
            size = os.fstat(self.fd).st_size
            self.torn = size > 0 and os.pread(self.fd, 1, size - 1) != b"\n"
        except OSError as e:
            self.problem = e.strerror or str(e)

    def record(self, document: str, status: str, *, path: str | None = None, output: str | None = None,
               error: str | None = None, prompt_tokens: int = 0, completion_tokens: int = 0, seconds: float = 0.0,
               cached: bool = False, cost_usd: float | None = 0.0, from_rules: list[str] | None = None) -> bool:
        """Append one line; False (and `lost` counted) when it could not be written."""
        line = {"document": document, "path": path, "status": status, "output": output, "error": error,
                "cached": cached, "prompt_tokens": prompt_tokens, "completion_tokens": completion_tokens,
                "cost_usd": cost_usd, "seconds": round(seconds, 2)}
        if from_rules:
            line["sections_from_rules"] = from_rules  # the model's answer failed there: rules only
        data = (json.dumps(line, ensure_ascii=False) + "\n").encode("utf-8")
        with self.lock:
            if self.closed:
                return False
            if self.fd is None:
                self.lost += 1
                return False
            if self.torn:
                data = b"\n" + data
            start = None
            try:
                start = os.fstat(self.fd).st_size
                rest = memoryview(data)
                while rest:  # a short write (the disk filled mid-line) is followed by the error
                    rest = rest[os.write(self.fd, rest):]
                os.fsync(self.fd)
            except OSError as e:
                self._take_back(start)
                self.lost += 1
                self.problem = self.problem or e.strerror or str(e)
                return False
            self.torn = False
            return True

    def _take_back(self, start: int | None) -> None:
        """Cut what a failed write left of its line: a torn line would glue onto the next one."""
        try:
            if start is not None:
                os.ftruncate(self.fd, start)
        except OSError:
            self.torn = True  # at least the next line starts on a line of its own

    def close(self) -> None:
        with self.lock:
            self.closed = True
            if self.fd is not None:
                try:
                    os.close(self.fd)
                except OSError:
                    pass  # every line was synced when written: nothing is lost here
                self.fd = None


def read_manifest(path: Path) -> list[dict]:
    """The manifest's lines as dicts, oldest first, without the torn lines a killed run may leave."""
    lines = []
    with open(path, encoding="utf-8", errors="replace") as f:
        for text in f:
            try:
                line = json.loads(text)
            except ValueError:
                continue
            if isinstance(line, dict):
                lines.append(line)
    return lines


class FolderBusy(SummarizerError):
    """Another run is writing into the output folder."""


class FolderUnwritable(SummarizerError):
    """The output folder cannot be written: the batch refuses before its first request to the model,
    since every answer would be paid for and then lost."""


def check_writable(folder: Path) -> None:
    """Make `folder` if missing and a file in it (removed at once), as every output will be made;
    raises FolderUnwritable naming the folder and the reason (Permission denied, Read-only file
    system, Not a directory)."""
    try:
        _make_folder(folder)
        fd, probe = tempfile.mkstemp(dir=folder, prefix=".summarizer-probe.", suffix=".tmp")
        os.close(fd)
        os.unlink(probe)
    except OSError as e:
        raise FolderUnwritable(f"cannot write into {folder}: {e.strerror or e}; no report was sent to the model "
                               "(choose another -o folder, or make this one writable)") from None


class FolderLock:
    """An output folder held for one run, so that a second run into it refuses at once, naming the
    first, instead of deleting its temporary files and writing over its outputs.

    OUT/.summarizer.lock is locked with flock (through `filelock`) and names the holder. The system
    drops the lock when the holder ends, even by SIGKILL, so a lock never outlives its run. A folder
    where the lock file cannot be made (read-only) is used unlocked: no run can write there, and
    each output that cannot be written fails its input. Raises FolderBusy."""

    def __init__(self, folder: Path, command: str = "summarize") -> None:
        from filelock import FileLock, Timeout

        self.folder = folder
        self.lock = None
        holder = (f"pid {os.getpid()} on {socket.gethostname()}, {command}, "
                  f"started {time.strftime('%Y-%m-%d %H:%M:%S')}")

        def name_the_holder(fd: int) -> None:
            os.ftruncate(fd, 0)
            os.pwrite(fd, holder.encode("utf-8") + b"\n", 0)

        path = folder / LOCK_NAME
        lock = FileLock(path, timeout=0, on_acquired=name_the_holder)
        try:
            folder.mkdir(parents=True, exist_ok=True)
            lock.acquire()
        except Timeout:
            try:
                held_by = path.read_text(encoding="utf-8", errors="replace").strip()
            except OSError:
                held_by = ""
            raise FolderBusy(f"{folder} is in use by another summarizer run ({held_by or 'it has just started'}); "
                             "wait for it to end, or choose another -o folder") from None
        except OSError as e:
            log.debug("%s: not locked (%s)", folder, e.strerror or e)
            return
        self.lock = lock

    def release(self) -> None:
        if self.lock is not None:
            try:
                self.lock.release()
            except OSError:
                pass  # the system drops the lock with the process anyway
            self.lock = None


@dataclass
class Counts:
    done: int = 0
    skipped: int = 0
    failed: int = 0
    not_attempted: int = 0  # left when the batch stopped (the server is down): counted apart from failed
    prompt_tokens: int = 0
    completion_tokens: int = 0
    started: float = 0.0

    cost: float | None = 0.0  # None once any spending had no known price

    def line(self) -> str:
        total = self.prompt_tokens + self.completion_tokens
        cost = "cost unknown (no price for this model)" if self.cost is None else f"cost ${self.cost:.4f}"
        # "not attempted" only when there are such: scripts read "done N, skipped N, failed N; tokens"
        rest = f", not attempted {self.not_attempted}" if self.not_attempted else ""
        return (f"done {self.done}, skipped {self.skipped}, failed {self.failed}{rest}; tokens {total} "
                f"(prompt {self.prompt_tokens}, completion {self.completion_tokens}); {cost}; "
                f"{time.monotonic() - self.started:.0f} s")


# reports in a row that could not connect to the model server before the batch stops: a server that
# is down fails every report the same way, after the retries' backoff each time
UNREACHABLE_STOP = 3


class BatchRunner:
    """Reads, skips and renders in the calling thread; model work runs on `concurrency` threads with
    a bounded number of reports in flight, so memory stays flat however long the input list is."""

    def __init__(self, config, out_dir: Path, manifest: Manifest, *, formats=("md",), strict=False, force=False,
                 encoding=None, concurrency=None, render=None, prompt=None, cache=None) -> None:
        from summarizer.extract.prompts import load_prompt
        from summarizer.schema_export import schema_version

        self.config, self.out_dir, self.manifest = config, out_dir, manifest
        self.formats, self.strict, self.force, self.encoding = formats, strict, force, encoding
        self.concurrency = concurrency or (4 if config.is_configured else 1)
        self.render = render
        self.prompt = prompt or load_prompt()
        self.schema_version = schema_version()
        self.summarizer = None
        self.cache = cache
        self.total = 0
        self.in_flight = 0  # reports submitted and not finished (queued or asking the model)
        self.lock = threading.Lock()
        self.counts = Counts(started=time.monotonic())
        self.on_change: Callable[[], None] | None = None  # e.g. redraw a progress bar
        self.stopping = threading.Event()  # Ctrl-C: workers finish nothing new, record nothing more
        self.unreachable = 0  # reports in a row that could not connect to the model server
        self.stopped: str | None = None  # why the batch stopped before its end (the server is down)
        self.not_attempted = 0

    def status(self) -> tuple[int, int, str]:
        """(reports finished or skipped, reports in all, the progress text) — read without the lock:
        a bar drawn from a moment's inconsistent counts is harmless, a lock-order deadlock is not."""
        c = self.counts
        return c.done + c.failed + c.skipped + c.not_attempted, self.total, self._progress()

    def _changed(self) -> None:
        if self.on_change is not None:
            self.on_change()

    def expected_model(self) -> str:
        if self.config.is_configured:
            return self.config.model
        from summarizer.extract.local_server import MODEL_ALIAS

        gguf = os.environ.get("SUMMARIZER_GGUF")
        return Path(gguf).stem if gguf else MODEL_ALIAS

    def run(self, inputs: list[Input]) -> Counts:
        model = self.expected_model()
        self.total = len(inputs)
        # temporary files of a run killed mid-write (.NAME.md.XXXX.tmp): never outputs. Only those of
        # this run's own outputs go, safe since one run at a time writes a folder's briefings
        # (FolderLock): another command's (a digest being written) are none of its business
        own = {item.stem for item in inputs}
        for stale in self.out_dir.glob(".*.tmp") if self.out_dir.is_dir() else []:
            if stale.name[1:].rsplit(".", 3)[0] not in own:
                continue
            try:
                stale.unlink(missing_ok=True)
            except OSError:
                pass  # a read-only folder: its files fail one by one, by name
        pending: set[Future] = set()
        pool = DaemonPool(self.concurrency)
        try:
            for n, item in enumerate(inputs, 1):
                if self.stopped:
                    self._not_attempted(inputs[n - 1:])
                    break
                label = f"[{n}/{len(inputs)}] {item.name}"
                try:
                    doc = item.document(self.encoding)
                    item, before = own_output(item, self.out_dir)  # its earlier name, whatever else this run holds
                    json_path = self.out_dir / f"{item.stem}.json"
                    before = None if self.force else before
                    if before is not None and up_to_date(before, doc.sha256, model, self.prompt.version,
                                                         self.schema_version, self.strict):
                        self.render(before, doc, self.out_dir / item.stem, self.formats, only_missing=True)
                        self.manifest.record(item.name, "skipped", path=item.origin, output=json_path.name)
                        with self.lock:
                            self.counts.skipped += 1
                        log.info("%s: up to date, skipped", label)
                        self._changed()
                        continue
                    if before is not None and (other := other_input(before, item)) is not None:
                        raise OutputError(f"{json_path} is the briefing of {other}; kept it "
                                          "(--force replaces it, or choose another -o folder)")
                    if self.summarizer is None:  # the first report that needs the model: before any request
                        check_writable(self.out_dir)
                    self._ensure_summarizer()
                except FolderUnwritable:  # every answer would be lost: the command refuses (see cli)
                    raise
                except ConfigError as e:  # no model at all: nothing else can succeed either
                    log.error("%s", e)
                    self._fail_rest(inputs[n - 1:], str(e).splitlines()[0])
                    break
                except SummarizerError as e:
                    self._failed(item, e)
                    continue
                while len(pending) >= 2 * self.concurrency:  # bounded: never the whole corpus in memory
                    done, pending = wait(pending, return_when=FIRST_COMPLETED)
                with self.lock:
                    self.in_flight += 1
                pending.add(pool.submit(self._summarize, item, doc, label))
                self._changed()
            wait(pending)
        except KeyboardInterrupt:
            with self.lock:  # from here on no worker writes or records anything
                self.stopping.set()
            raise
        finally:
            # after Ctrl-C, requests in flight are abandoned, not awaited: a read may take minutes
            pool.shutdown(wait=not self.stopping.is_set(), cancel_futures=True)
            if self.summarizer is not None:
                self.summarizer.close()
        if self.stopped:
            log.error("%s", self.stopped)
        return self.counts

    def _ensure_summarizer(self) -> None:
        if self.summarizer is None:
            from summarizer.pipeline import Summarizer

            self.summarizer = Summarizer(self.config, prompt=self.prompt, strict=self.strict, cache=self.cache)

    def _summarize(self, item: Input, doc, label: str) -> None:
        try:
            if self.stopped or self.stopping.is_set():  # queued before the batch stopped
                if self.stopped:
                    self._not_attempted([item])
                return
            line = self._summarize_one(item, doc, label)
        finally:
            with self.lock:
                self.in_flight -= 1
        if line:
            log.info("%s | %s", line, self._progress())
        self._changed()

    def _summarize_one(self, item: Input, doc, label: str) -> str | None:
        """Summarize, render and record one report; the progress line for it, or None if it failed."""
        t0 = time.monotonic()
        requests: list[Usage] = []  # every answer received, also for a report that then fails
        try:
            briefing = self.summarizer.summarize_document(doc, spent=requests)
            briefing.provenance.path = item.origin
            if self.stopping.is_set():  # the answers came after Ctrl-C: finish nothing new
                return None
            json_path = write_outputs(self.render, briefing, doc, self.out_dir / item.stem, self.formats)
        except SummarizerError as e:
            self._failed(item, e, requests)
            return None
        except Exception as e:  # a bug must not take the batch down; the input is reported
            if self.stopping.is_set():  # abandoned after Ctrl-C: whatever broke under it is no news
                return None
            log.exception("%s: unexpected error", label)
            self._failed(item, SummarizerError(f"{item.name}: unexpected error: {type(e).__name__}: {e}"), requests)
            return None
        f = briefing.flags
        cached = not requests  # cached answers cost nothing this time
        spent, cost = self._spend(requests)
        with self.lock:
            if self.stopping.is_set():
                return None
            self.unreachable = 0
            self.counts.done += 1
        self.manifest.record(item.name, "done", path=item.origin, output=json_path.name,
                             prompt_tokens=spent.prompt_tokens, completion_tokens=spent.completion_tokens,
                             seconds=time.monotonic() - t0, cached=cached, cost_usd=cost,
                             from_rules=f.sections_from_rules)
        items = f.items_grounded + f.items_misattributed + f.items_invented
        flagged = f.to_check
        return f"{label}: done in {time.monotonic() - t0:.0f} s, {items} items, {flagged} flagged"

    def _progress(self) -> str:
        """done / failed / in flight / ETA / tokens so far, for the progress line."""
        c = self.counts
        finished = c.done + c.failed
        left = self.total - finished - c.skipped - c.not_attempted
        elapsed = time.monotonic() - c.started
        seconds = elapsed / finished * left if finished and left > 0 else None
        eta = "ETA -" if seconds is None else f"ETA {seconds:.0f} s" if seconds < 120 else f"ETA {seconds / 60:.0f} min"
        return (f"done {c.done}, failed {c.failed}, in flight {self.in_flight}, {eta}, "
                f"tokens {c.prompt_tokens + c.completion_tokens}")

    def _spend(self, requests: list[Usage]) -> tuple[Usage, float | None]:
        """Add the tokens of a report's answers to the batch's counts: (their sum, their cost)."""
        spent = sum(requests, Usage())
        cost = cost_usd(self.expected_model() if self.summarizer is None else self.summarizer.config.model,
                        spent.prompt_tokens, spent.completion_tokens)
        with self.lock:
            self.counts.prompt_tokens += spent.prompt_tokens
            self.counts.completion_tokens += spent.completion_tokens
            if spent.total_tokens:
                self.counts.cost = None if cost is None or self.counts.cost is None else self.counts.cost + cost
        return spent, cost

    def _failed(self, item: Input, error: Exception, requests: list[Usage] = ()) -> None:
        """Count and record a failed input, with the tokens its answers cost before it failed."""
        if isinstance(error, SourceError):
            message = f"{item.name}: {error.problem}"  # named as the user gave it
        else:
            message = str(error) if str(error).startswith(f"{item.name}: ") else f"{item.name}: {error}"
        message = redact(message)  # a server's own words may echo the key; the manifest is an output
        if self.stopping.is_set():  # interrupted in flight: not a failure, the next run redoes it
            return
        log.error("%s", message)
        spent, cost = self._spend(list(requests))
        with self.lock:
            self._count_unreachable(error)
            self.counts.failed += 1
        self.manifest.record(item.name, "failed", path=item.origin, error=message.removeprefix(f"{item.name}: "),
                             prompt_tokens=spent.prompt_tokens, completion_tokens=spent.completion_tokens,
                             cost_usd=cost if spent.total_tokens else 0.0)
        self._changed()

    def _count_unreachable(self, error: Exception) -> None:
        """Under the lock: one more report that could not connect to the model server, or the run
        of such reports broken; after UNREACHABLE_STOP in a row the batch stops (see run)."""
        from summarizer.extract.client import server_unreachable, server_url

        if not server_unreachable(error):
            self.unreachable = 0
            return
        self.unreachable += 1
        if self.unreachable >= UNREACHABLE_STOP and self.stopped is None:
            url = server_url(self.summarizer.config) if self.summarizer else "the model server"
            self.stopped = (
                f"stopped: {self.unreachable} reports in a row could not connect to the model server at {url}. "
                "Check that the server is running and listening there, and that OPENAI_BASE_URL or --base-url "
                "(host, port, /v1) names it; then run the same command again: finished reports are kept "
                "and the rest resume")

    def _not_attempted(self, items: list[Input]) -> None:
        """Inputs left when the batch stopped: recorded as not attempted, none of them tried."""
        with self.lock:
            for rest in items:
                self.counts.not_attempted += 1
                self.not_attempted += 1
                self.manifest.record(rest.name, "not attempted", path=rest.origin,
                                     error="the model server could not be reached")
        self._changed()

    def _fail_rest(self, items: list[Input], reason: str) -> None:
        with self.lock:
            self.counts.failed += len(items)
        for rest in items:
            self.manifest.record(rest.name, "failed", path=rest.origin, error=reason)
        self._changed()
