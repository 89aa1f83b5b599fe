"""The output folder: everything a run writes and what it reads back there.

OUT/NAME.json is a briefing (written last: its presence means the input is done), NAME.md and
NAME.html its renderings, manifest.jsonl one line per input per run, digest.md and digest.html the
digest's, and .summarizer.lock the lock that keeps a folder to one run at a time. OutputFolder owns
those names, the atomic writes, the renderings, the manifest and reading briefings back; the command
line, the batch runner and Batch import only call it, so they cannot write a folder differently.
"""

from __future__ import annotations

import errno
import hashlib
import json
import logging
import os
import socket
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from summarizer.core.document import Document
from summarizer.core.schema import Briefing
from summarizer.errors import SummarizerError
from summarizer.render import html as html_render
from summarizer.render.markdown import to_markdown

if TYPE_CHECKING:
    from summarizer.inputs import Input

log = logging.getLogger("summarizer")
# output stems an input may not take: `summarizer digest` writes digest.md and digest.html
RESERVED_STEMS = frozenset({"digest"})
LOCK_NAME = ".summarizer.lock"
MANIFEST_NAME = "manifest.jsonl"
STDIN_NAME = "<stdin>"  # how standard input is named in errors, provenance and the manifest
STDIN = "-"
# the readable renderings besides NAME.json: (briefing, its report) → text
RENDERERS: dict[str, Callable[[Briefing, Document], str]] = {"md": lambda b, doc: to_markdown(b),
                                                             "html": html_render.to_html}


class OutputError(SummarizerError):
    """An output cannot be written (a full disk, a read-only folder), or would replace another
    input's briefing: that input fails, the batch goes on."""


def hashed_stem(stem: str, resolved: str | None, n: int = 8) -> str:
    """The output stem of an input whose plain stem is taken: the stem and a hash of its resolved path."""
    return f"{stem}-{hashlib.sha256(os.fsencode(resolved or STDIN)).hexdigest()[:n]}"


def plain_stem(path: str | None) -> str:
    """An input's output stem when no other input of its run has it: its file's stem (stdin for `-`)."""
    return Path(path).stem if path else "stdin"


def _make_folder(folder: Path) -> None:
    """mkdir -p; a regular file in the folder's place is "Not a directory", not mkdir's "File exists"."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except FileExistsError:
        raise NotADirectoryError(errno.ENOTDIR, os.strerror(errno.ENOTDIR), str(folder)) from None


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


def load_briefing(json_path: Path) -> Briefing:
    """The briefing in `json_path`. Raises OutputError ("PATH: not a briefing (why)") when it cannot
    be read or is no briefing (corrupt, foreign)."""
    try:
        return Briefing.model_validate_json(json_path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as e:
        raise OutputError(f"{json_path}: not a briefing ({str(e).splitlines()[0]})") from None


def read_briefing(json_path: Path) -> Briefing | None:
    """The briefing in `json_path`, or None if there is none (or it is no briefing: corrupt, foreign)."""
    try:
        return load_briefing(json_path)
    except OutputError:
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


def briefing_json(briefing: Briefing) -> str:
    return json.dumps(briefing.model_dump(mode="json"), ensure_ascii=False, indent=2) + "\n"


class Manifest:
    """OUT/manifest.jsonl: one line per input per run (document, path, status, error, tokens, seconds).

    Each line goes down in one write and is synced, so a killed run leaves every finished line
    readable and the lines of threads never mix. A write that fails (a full disk) is taken back, so
    every line stays whole; a line torn all the same (a run killed mid-write) is left on a line of its
    own, skipped by read_manifest. Never raises: a line that cannot be written (a full disk, a
    read-only folder) is counted in `lost`, its reason kept in `problem`, and the batch goes on."""

    def __init__(self, path: Path, on_record: Callable[..., None] | None = None) -> None:
        self.path = path
        self.on_record = on_record  # called with each line's (document, status, fields) once recorded
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
        written = self._record(document, status, path=path, output=output, error=error, prompt_tokens=prompt_tokens,
                               completion_tokens=completion_tokens, seconds=seconds, cached=cached,
                               cost_usd=cost_usd, from_rules=from_rules)
        if self.on_record is not None and not self.closed:
            self.on_record(document, status, error=error, output=output)
        return written

    def _record(self, document: str, status: str, *, path: str | None, output: str | None, error: str | None,
                prompt_tokens: int, completion_tokens: int, seconds: float, cached: bool,
                cost_usd: float | None, from_rules: list[str] | None) -> bool:
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




@dataclass(frozen=True)
class Recipe:
    """What a briefing is made with, besides its report's bytes: a briefing made otherwise is redone."""

    model: str
    prompt_version: str
    schema_version: str
    strict: bool = False


class OutputFolder:
    """OUT/ (see the module's docstring). `formats`: the renderings written besides NAME.json.

    Reading needs nothing more; a run holds the folder first (hold(): the lock and the manifest).
    Every write is atomic; one that fails raises OutputError naming the file and the reason."""

    def __init__(self, path: Path, formats: tuple[str, ...] = ("md",)) -> None:
        self.path, self.formats = Path(path), tuple(formats)
        self.manifest: Manifest | None = None  # while held
        self._lock: FolderLock | None = None

    def hold(self, command: str = "summarize", manifest: bool = True,
             on_record: Callable[..., None] | None = None) -> OutputFolder:
        """This folder for this run alone (`command` names the run to another one), its manifest open
        unless `manifest` is False (`on_record`: told of each line, see Manifest). Raises FolderBusy
        naming the run that holds it."""
        self._lock = FolderLock(self.path, command)
        if manifest:
            self.manifest = Manifest(self.path / MANIFEST_NAME, on_record)
        return self

    def check_writable(self) -> None:
        """Make the folder if missing and a file in it (removed at once), as every output will be
        made; raises FolderUnwritable naming the folder and the reason (Permission denied, Read-only
        file system, Not a directory)."""
        try:
            _make_folder(self.path)
            fd, probe = tempfile.mkstemp(dir=self.path, prefix=".summarizer-probe.", suffix=".tmp")
            os.close(fd)
            os.unlink(probe)
        except OSError as e:
            raise FolderUnwritable(f"cannot write into {self.path}: {e.strerror or e}; no report was sent to the "
                                   "model (choose another -o folder, or make this one writable)") from None

    def release(self) -> None:
        """Close the manifest (a late worker's line is then ignored) and let the next run in."""
        if self.manifest is not None:
            self.manifest.close()
        if self._lock is not None:
            self._lock.release()
            self._lock = None

    def __enter__(self) -> OutputFolder:
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()

    def json_path(self, stem: str) -> Path:
        return self.path / f"{stem}.json"

    def own(self, item: Input) -> tuple[Input, Briefing | None]:
        """`item` under the name its briefing already has in the folder, and the briefing there.

        An input's output name depends on the other inputs of its run (a/report.txt and b/report.txt
        get report-HASH each; alone, report): a rerun of a subset must find the earlier briefing of
        the same input under either name, and neither redo it nor write a second one. So when the
        name given now holds no briefing of this input, the input's other names (plain, hashed) are
        looked at; returns `item` unchanged, with what its own name holds (maybe another input's
        briefing), when none of them is this input's."""
        own = read_briefing(self.json_path(item.stem))
        if own is not None and other_input(own, item) is None:
            return item, own
        plain = plain_stem(item.path)
        names = [plain] if plain.casefold() not in RESERVED_STEMS else []
        names += [hashed_stem(plain, item.origin, n) for n in (8, 16)]
        for stem in names:
            path = self.json_path(stem)
            if stem != item.stem and path.exists():
                earlier = read_briefing(path)
                if earlier is not None and other_input(earlier, item) is None:
                    return replace(item, stem=stem), earlier
        return item, own

    def existing(self, item: Input, doc: Document, recipe: Recipe,
                 force: bool = False) -> tuple[Input, Briefing | None]:
        """`item` under its name in the folder (see own), and its briefing when the folder holds it
        up to date (same bytes and recipe: see up_to_date), so the input is skipped; None when it is
        to be made. Raises OutputError when the briefing under its name is another input's (kept,
        unless `force`)."""
        item, before = self.own(item)
        if force or before is None:
            return item, None
        if up_to_date(before, doc.sha256, recipe.model, recipe.prompt_version, recipe.schema_version, recipe.strict):
            return item, before
        self._refuse_another(item, before)
        return item, None

    def claim(self, item: Input, force: bool = False) -> Input:
        """`item` under its name in the folder (see own). Raises OutputError when the briefing under
        that name is another input's (unless `force`)."""
        item, before = self.own(item)
        if before is not None and not force:
            self._refuse_another(item, before)
        return item

    def _refuse_another(self, item: Input, before: Briefing) -> None:
        if (other := other_input(before, item)) is not None:
            raise OutputError(f"{self.json_path(item.stem)} is the briefing of {other}; kept it "
                              "(--force replaces it, or choose another -o folder)")

    def write(self, item: Input, briefing: Briefing, doc: Document) -> str:
        """Write `item`'s renderings, then NAME.json (last: its presence means done), with the
        input's path in provenance; the JSON file's name. Raises OutputError. When a write fails (a
        full disk), the renderings written in this attempt (NAME.source.txt too) are removed before
        the error goes on: renderings without their briefing would look finished and keep the disk full."""
        briefing.provenance.path = item.origin
        json_path = self.json_path(item.stem)
        written: list[Path] = []
        try:
            self.render(item, briefing, doc, written=written)
            write_atomic(json_path, briefing_json(briefing))
        except BaseException:
            for path in written:
                try:
                    path.unlink(missing_ok=True)
                except OSError:
                    pass  # a folder that forbids it: the next run of this input writes them again
            raise
        return json_path.name

    def render(self, item: Input, briefing: Briefing, doc: Document, only_missing: bool = False,
               written: list[Path] | None = None) -> None:
        """NAME.md / NAME.html for the folder's formats (`only_missing`: those not there yet, for a
        finished briefing), and NAME.source.txt, the text the spans point into, when it is not the
        input file's (Word, PDF, HTML: see source/extracted.py). Each file written is appended to
        `written`. Raises OutputError."""
        from summarizer.source.extracted import save_source_text, source_text_path

        base = self.path / item.stem
        had_source = source_text_path(base).exists()
        if (source := save_source_text(doc, base, only_missing)) is not None and written is not None \
                and not (only_missing and had_source):
            written.append(source)
        for fmt in self.formats:
            path = self.path / f"{item.stem}.{fmt}"
            if not (only_missing and path.exists()):
                write_atomic(path, RENDERERS[fmt](briefing, doc))
                if written is not None:
                    written.append(path)

    def write_text(self, name: str, text: str) -> Path:
        """Any other file of the folder (digest.md), atomically. Raises OutputError."""
        path = self.path / name
        write_atomic(path, text)
        return path

    def remove_stale(self, own: Callable[[str], bool]) -> None:
        """Delete the temporary files a run killed mid-write left (.NAME.md.XXXX.tmp) whose NAME
        `own` says is this run's: never another command's (a digest being written). Safe because
        one run at a time holds the folder. The folder is read entry by entry, however large."""
        try:
            entries = os.scandir(self.path)
        except OSError:
            return  # not there yet, or unreadable: its files fail one by one, by name
        with entries:
            for entry in entries:
                if entry.name.startswith(".") and entry.name.endswith(".tmp") \
                        and own(entry.name[1:].rsplit(".", 3)[0]):
                    try:
                        os.unlink(entry.path)
                    except OSError:
                        pass  # a read-only folder: its files fail one by one, by name

    def briefings(self) -> Iterator[tuple[Path, Briefing | OutputError]]:
        """Every NAME.json of the folder in name order, with its briefing or why it is none."""
        for path in sorted(self.path.glob("*.json")):
            try:
                yield path, load_briefing(path)
            except OutputError as e:
                yield path, e
