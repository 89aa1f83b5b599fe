"""New reports from the workspace: uploads saved into the folder and summarized by the CLI's batch
runner, with the CLI's answer cache and manifest, one report's progress visible at a time.

An upload's files go to OUT/reports/ under a sanitised name (`safe_name`) and are queued; one worker
thread takes the queue a batch at a time and runs summarizer.batch.BatchRunner over it into OUT, as
`summarizer summarize OUT/reports/FILE… -o OUT --format md,html` would: holding the folder's lock
(a `summarize` into the same folder meanwhile is refused, and the other way round), skipping a
report whose briefing is up to date, recording every report in OUT/manifest.jsonl. Each report is
`queued`, then `asking` (the model), `grounding` (code checks the answer against the source), then
`done` or `failed` with the reason the batch gives (the same line the CLI prints).
"""

from __future__ import annotations

import logging
import os
import queue
import re
import threading
import time
import unicodedata
from dataclasses import asdict, dataclass, field
from pathlib import Path

from summarizer.batch import BatchRunner
from summarizer.core.text import BIDI_CONTROLS
from summarizer.errors import AnswerInvalid, SummarizerError
from summarizer.extract.provider import Provider, resolve
from summarizer.inputs import expand
from summarizer.output import FolderBusy, OutputFolder, read_briefing

log = logging.getLogger("summarizer")
UPLOADS = "reports"  # OUT/reports/: the reports uploaded in the workspace
SUFFIXES = (".txt", ".html", ".htm", ".docx", ".pdf")
MAX_NAME = 120  # characters of a saved file name
# what a file name may not hold: separators, characters Windows refuses, controls
_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f\x7f]')
STATES = ("queued", "asking", "grounding", "done", "failed")


# the batch's reasons (English, for the CLI) as an editor of the workspace reads them: what to do here
_MESSAGES = [
    (r"no text layer", "Tệp PDF này là ảnh chụp, không có chữ để đọc. Hãy nhận dạng chữ (OCR) hoặc xin bản "
                       "Word/PDF có chữ, rồi tải lên lại."),
    (r"password-protected", "Tệp có mật khẩu. Hãy lưu một bản không đặt mật khẩu rồi tải lên lại."),
    (r"fonts have no map", "Chữ trong tệp PDF này không đọc được. Hãy xin bản Word, hoặc nhận dạng chữ (OCR)."),
    (r"Word 97-2003|\.doc file", "Đây là tệp Word cũ (.doc). Hãy mở bằng Word, lưu thành .docx rồi tải lên lại."),
    (r"ZIP archive", "Đây không phải báo cáo (có thể là tệp Excel hoặc PowerPoint). Hãy tải lên báo cáo dạng "
                     ".docx, .pdf, .html hoặc .txt."),
    (r"the file is empty|no text left", "Tệp không có nội dung để tóm tắt. Hãy kiểm tra lại tệp rồi tải lên lại."),
    (r"raise --max-chars|characters: \d+ parts", "Báo cáo quá dài để tóm tắt một lần. Hãy tách thành vài tệp nhỏ "
                                                 "hơn rồi tải lên từng tệp."),
    (r"MiB, more than|grew past", "Tệp quá lớn. Hãy tách báo cáo thành vài tệp nhỏ hơn."),
    (r"is the briefing of|--force replaces it", "Thư mục đã có một bản tóm tắt khác cùng tên. Hãy đổi tên tệp "
                                                "rồi tải lên lại."),
    (r"not a readable|binary data|not valid|unknown encoding", "Không đọc được tệp này. Hãy mở thử trên máy, "
                                                               "lưu lại (Word: .docx) rồi tải lên lại."),
    (r"needs the \[(docx|pdf)\] extra", "Máy chủ chưa cài phần đọc loại tệp này. Hãy báo người quản trị, hoặc "
                                         "tải lên bản .txt/.html."),
    (r"not attempted", "Chưa xử lý vì đợt xử lý đã dừng giữa chừng. Hãy tải tệp lên lại."),
    (r"in use by|is busy|lock", "Thư mục đang được một lệnh khác dùng. Hãy đợi một lát rồi tải lên lại."),
    (r"connect|server|timed out|model", "Không liên lạc được với mô hình. Hãy đợi một lát rồi tải lên lại; nếu "
                                        "vẫn lỗi, báo người quản trị."),
]


def editor_message(reason: str) -> str:
    """An editor's message for a batch's failure reason: Vietnamese, saying what to do in the
    workspace (the reason itself stays available as the detail)."""
    for pattern, message in _MESSAGES:
        if re.search(pattern, reason, re.I):
            return message
    return "Không tóm tắt được báo cáo này. Xem chi tiết bên dưới, hoặc báo người quản trị."


class UploadRefused(ValueError):
    """A file the workspace will not take: its name or kind. The message is Vietnamese, for the page."""


def safe_name(filename: str) -> str:
    """The name an uploaded file is saved under in OUT/reports/: its last path component only (a
    browser may send "C:\\Users\\…\\x.docx", an attacker "../../x"), NFC, without separators,
    control characters or characters Windows refuses, blank space collapsed, no leading dot, at most
    MAX_NAME characters with its suffix kept. Vietnamese letters stay. Raises UploadRefused when no
    name is left or the kind is not one the workspace reads."""
    name = unicodedata.normalize("NFC", filename or "")
    name = re.split(r"[\\/]", name)[-1]
    name = _UNSAFE.sub("", name)
    name = BIDI_CONTROLS.sub("", name)  # U+202E would show "tai-lieu\u202etxt.exe" as "tai-lieuexe.txt"
    name = " ".join(name.split()).lstrip(". ")
    stem, dot, suffix = name.rpartition(".")
    if not dot or not stem.strip(" ."):
        raise UploadRefused(f"Tên tệp «{_shown(filename)}» không hợp lệ: cần tên và phần mở rộng "
                            f"({', '.join(SUFFIXES)}).")
    suffix = "." + suffix.lower()
    if suffix not in SUFFIXES:
        raise UploadRefused(f"Tệp «{_shown(filename)}»: không đọc được loại tệp {suffix}; "
                            f"chỉ nhận {', '.join(SUFFIXES)}.")
    stem = stem.rstrip(" .")[: MAX_NAME - len(suffix)]
    return stem + suffix


def _shown(name: str) -> str:
    """The name as the user gave it, for a message: control characters shown as "?", cut at 80."""
    return re.sub(r"[\x00-\x1f\x7f]", "?", name or "")[:80]


@dataclass
class Job:
    """One uploaded report's progress, as the page shows it."""

    id: int
    name: str  # the file name as saved
    state: str = "queued"
    reason: str | None = None  # why it failed: the batch's line, server paths cut to names (the detail)
    message: str | None = None  # why it failed, for an editor: Vietnamese, what to do in the workspace
    stem: str | None = None  # its briefing, once done
    skipped: bool = False  # done earlier: the briefing was up to date
    updated: float = 0.0
    steps: list[str] = field(default_factory=lambda: ["queued"])  # every state it went through

    def move(self, state: str) -> None:
        self.state, self.updated = state, time.time()
        if self.steps[-1] != state:
            self.steps.append(state)


class _Observed:
    """An Answerer (extract/answering.py) in front of the batch's: publishes each report's steps to
    the jobs. A report's first request is `asking` (the model); once the last request of its last
    part is answered, code checks the answers against the source: `grounding`. In front of the answer
    cache, so a report answered from it goes through the same steps."""

    def __init__(self, inner, jobs: Jobs) -> None:
        self.inner, self.jobs = inner, jobs
        self.answered = threading.local()  # whether this thread's report has had a usable answer

    def answer(self, request):
        if request.part_number == 1 and request.section == request.part_sections[0]:
            self.answered.any = False
            self.jobs.step(request.part.name, "asking")
        last = request.part_number == request.parts and request.section == request.part_sections[-1]
        try:
            answer = self.inner.answer(request)
        except AnswerInvalid:  # that section comes from the rules: the report goes on unless none answered
            if last and getattr(self.answered, "any", False):
                self.jobs.step(request.part.name, "grounding")
            raise
        self.answered.any = True
        if last:
            self.jobs.step(request.part.name, "grounding")
        return answer


class _ObservedProvider(Provider):
    """The workspace's model server (resolved once, as the CLI resolves it) whose answerer is
    _Observed in front of the answer cache, if any, in front of the server's client."""

    def __init__(self, inner: Provider, jobs: Jobs, cache=None) -> None:
        super().__init__(inner.config, inner.concurrency)
        self.inner, self.jobs, self.cache = inner, jobs, cache

    def connect(self, http_client=None):
        if self._answerer is None:
            from summarizer.cache import CachedAnswers

            answerer = self.inner.connect(http_client)
            self.config = self.inner.config
            if self.cache is not None:
                answerer = CachedAnswers(answerer, self.cache)
            self._answerer = _Observed(answerer, self.jobs)
        return self._answerer

    def url(self) -> str:
        return self.inner.url()

    def close(self) -> None:
        self.inner.close()


class Jobs:
    """The queue of uploaded reports and their states; one worker thread runs them in batches.

    `config` is the model configuration (summarizer.extract.client.ModelConfig); `cache_factory`
    makes the answer cache for a batch (None: no cache)."""

    def __init__(self, folder: Path, config, cache_factory=None, formats=("md", "html"), concurrency=None) -> None:
        self.folder = folder
        self.uploads = folder / UPLOADS
        self.config = config
        self.cache_factory = cache_factory
        self.formats = formats
        self.concurrency = concurrency
        self.lock = threading.Lock()
        self.jobs: list[Job] = []
        # the same file may be uploaded twice (twice in one request, or again before its batch ran):
        # a path names every job of it, and only the running batch's jobs take its outcome
        self.by_path: dict[str, list[Job]] = {}  # the path given to the batch (its Input.name) → jobs
        self.by_doc: dict[str, list[Job]] = {}  # the file name (the Document's name) → jobs
        self.running: set[int] = set()  # the ids of the jobs of the batch being run
        self.queue: queue.Queue[list[tuple[Job, str]] | None] = queue.Queue()
        self.worker = threading.Thread(target=self._work, name="summarizer-jobs", daemon=True)
        self.worker.start()

    # --- uploads -------------------------------------------------------------------------------

    def _name_taken(self, candidate: Path) -> bool:
        """Whether OUT/STEM.json (STEM: the candidate's) is the briefing of another report, which
        the batch would refuse to replace: the upload then takes the next name instead."""
        briefing = self.folder / (candidate.stem + ".json")
        if not briefing.exists():
            return False
        try:
            return read_briefing(briefing).provenance.path != str(candidate)
        except Exception:  # unreadable: not this upload's either
            return True

    def save(self, filename: str, data: bytes) -> Path:
        """Save an upload into OUT/reports/ under its safe name; the same name with other bytes, or
        a name whose briefing in OUT is another report's, gets " (2)", " (3)" … (the same bytes
        reuse the file). Raises UploadRefused (name or kind), OSError (the disk)."""
        name = safe_name(filename)
        self.uploads.mkdir(parents=True, exist_ok=True)
        stem, suffix = name[: -len(Path(name).suffix)], Path(name).suffix
        n = 1
        while True:
            candidate = self.uploads / (name if n == 1 else f"{stem} ({n}){suffix}")
            if not candidate.exists() and self._name_taken(candidate):
                n += 1
                continue
            try:
                fd = os.open(candidate, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
            except FileExistsError:
                if candidate.is_file() and candidate.read_bytes() == data:
                    return candidate
                n += 1
                continue
            with os.fdopen(fd, "wb") as f:
                f.write(data)
            return candidate

    def submit(self, paths: list[Path]) -> list[Job]:
        """Queue the saved files as one batch; their jobs, `queued`."""
        batch = []
        with self.lock:
            for path in paths:
                job = Job(id=len(self.jobs) + 1, name=path.name, updated=time.time())
                self.jobs.append(job)
                self.by_path.setdefault(str(path), []).append(job)
                self.by_doc.setdefault(path.name, []).append(job)
                batch.append((job, str(path)))
        self.queue.put(batch)
        return [job for job, _ in batch]

    def snapshot(self) -> list[dict]:
        """Every job so far as dicts (id, name, state, reason, stem, skipped, steps), newest last."""
        with self.lock:
            return [asdict(j) for j in self.jobs]

    # --- progress, from the batch's threads ------------------------------------------------------

    def _current(self, table: dict[str, list[Job]], key: str) -> list[Job]:
        """The unfinished jobs of the running batch that `key` names (the caller holds the lock)."""
        return [j for j in table.get(key, []) if j.id in self.running and j.state not in ("done", "failed")]

    def step(self, doc_name: str, state: str) -> None:
        """A report of the running batch reached `state` (asking, grounding)."""
        with self.lock:
            for job in self._current(self.by_doc, doc_name):
                job.move(state)

    def finished(self, document: str, status: str, error: str | None, output: str | None) -> None:
        """The batch recorded `document`: its jobs end done or failed. A second copy of the same
        file in the batch shares the outcome; when done, it is the one "already there" (skipped)."""
        with self.lock:
            for n, job in enumerate(self._current(self.by_path, document)):
                if status in ("done", "skipped"):
                    job.skipped = status == "skipped" or n > 0
                    job.stem = output[: -len(".json")] if output and output.endswith(".json") else None
                    job.move("done")
                else:
                    self._set_reason(job, error or status)
                    job.move("failed")

    # --- the worker ---------------------------------------------------------------------------

    def _work(self) -> None:
        while (batch := self.queue.get()) is not None:
            try:
                self._run(batch)
            except Exception as e:  # a bug must not stop the worker: the batch's reports say why
                log.exception("workspace batch failed")
                self._fail([job for job, _ in batch], f"unexpected error: {type(e).__name__}: {e}")

    def _run(self, pairs: list[tuple[Job, str]]) -> None:
        batch = [job for job, _ in pairs]
        paths = list(dict.fromkeys(path for _, path in pairs))  # once each: the batch reads a path once
        with self.lock:
            self.running = {job.id for job in batch}
        # OUT/manifest.jsonl, as for the CLI; each line also ends its report's job (done or failed)
        folder = OutputFolder(self.folder, self.formats)
        try:
            folder.hold("serve", on_record=self._recorded)
        except FolderBusy as e:
            self._fail(batch, str(e))
            return
        cache = self.cache_factory() if self.cache_factory else None
        inputs = None
        try:
            inputs, errors = expand(paths)
            for error in errors:
                folder.manifest.record(error.name, "failed", error=error.problem)
            provider = _ObservedProvider(resolve(self.config), self, cache)
            runner = BatchRunner(provider, folder, concurrency=self.concurrency)
            runner.run(inputs)
        except SummarizerError as e:
            self._fail(batch, str(e))
        finally:
            folder.release()
            if inputs is not None:
                inputs.close()
            if cache is not None:
                cache.close()
            with self.lock:
                self.running = set()
        # a report the batch never recorded (it stopped): say so rather than leave it queued
        self._fail([j for j in batch if j.state not in ("done", "failed")], "not attempted: the batch stopped")

    def _recorded(self, document: str, status: str, error: str | None = None, output: str | None = None) -> None:
        self.finished(document, status, error, output)

    def _set_reason(self, job: Job, reason: str) -> None:
        """The batch's reason as the detail, with the server's paths cut to the folder's names, and
        the editor's message (the caller holds the lock)."""
        detail = reason.replace(str(self.uploads) + os.sep, "").replace(str(self.folder) + os.sep, "")
        job.reason, job.message = detail, editor_message(detail)

    def _fail(self, jobs: list[Job], reason: str) -> None:
        with self.lock:
            for job in jobs:
                if job.state not in ("done", "failed"):
                    self._set_reason(job, reason)
                    job.move("failed")

    def close(self) -> None:
        self.queue.put(None)
