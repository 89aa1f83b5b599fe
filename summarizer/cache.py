"""A content-addressed cache of model answers (SQLite, in the user cache directory), and the
answerer that puts it in front of another (CachedAnswers).

The key (extract/plan.py: part_key) covers what the model saw and how it was asked: the numbered
sentences of the cleaned report part and its hints, the prompt version, the schema version, the
model, the mode and the generation parameters. So a rerun never pays twice, and a changed prompt
misses exactly the reports it affects. A row holds the draft of one part (its sections' answers
assembled) and the usage that produced it.

The cache only saves money: a problem with it never fails a report. A file that is no database
(garbage, cut short) is reported once, moved aside and replaced by a new one; a cache that cannot
be opened or written (an unwritable folder, a full disk) is reported once and the run goes on
without it; an answer that no longer reads as one is a miss.
"""

from __future__ import annotations

import logging
import os
import sqlite3
import threading
import time
from pathlib import Path

from summarizer.core.schema import Extraction, Usage
from summarizer.errors import AnswerInvalid
from summarizer.extract.answering import Answer, Answerer, assemble, split
from summarizer.extract.plan import Request
from summarizer.paths import user_paths

log = logging.getLogger("summarizer.cache")
# SQLite's primary result codes for a file that is not (or no longer) a database
_BROKEN = {sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB}


def default_path() -> Path:
    """answers.sqlite3 in the user's cache folder (see summarizer.paths)."""
    return user_paths().cache / "answers.sqlite3"


class AnswerCache:
    """Answers by key (see cache_key), shared by the threads of a batch. No method raises for a
    problem of the cache itself: `problem` then says why the cache is off (None while it works)."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = Path(path) if path else default_path()  # made on opening: a failure there is no crash
        self.lock = threading.Lock()
        self.db: sqlite3.Connection | None = None
        self.problem: str | None = None
        self.renewed = False  # a broken file was moved aside: a second fault turns the cache off
        self.unreadable = 0  # answers that no longer read as answers, asked again
        with self.lock:
            self._open()

    def _open(self) -> None:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self.db = sqlite3.connect(self.path, check_same_thread=False, timeout=30)
            with self.db:
                self.db.execute("PRAGMA journal_mode=WAL")
                self.db.execute("CREATE TABLE IF NOT EXISTS answers (key TEXT PRIMARY KEY, extraction TEXT NOT NULL, "
                                "usage TEXT NOT NULL, created REAL NOT NULL)")
        except (sqlite3.Error, OSError) as e:
            self._failed(e)

    def _failed(self, error: Exception) -> None:
        """A broken file (found on opening, or mid-run by a query) is moved aside, kept for a look,
        and replaced by a new one; any other fault turns the cache off. Called with the lock held."""
        if self.db is not None:
            self.db.close()
            self.db = None
        if getattr(error, "sqlite_errorcode", 0) & 0xFF not in _BROKEN or self.renewed:
            self._off(error)
            return
        self.renewed = True
        aside = self.path.with_name(f"{self.path.name}.broken-{time.strftime('%Y%m%d-%H%M%S')}")
        try:
            for suffix in ("", "-wal", "-shm"):  # the journal belongs to the broken file
                if os.path.exists(f"{self.path}{suffix}"):
                    os.replace(f"{self.path}{suffix}", f"{aside}{suffix}")
        except OSError as e:
            self._off(e)
            return
        log.warning("the answer cache %s was broken (%s); moved aside to %s, a new one is started",
                    self.path, error, aside.name)
        self._open()

    def _off(self, error: Exception) -> None:
        if self.db is not None:
            self.db.close()
            self.db = None
        reason = getattr(error, "strerror", None) or str(error) or type(error).__name__
        if self.problem is None:
            log.warning("the answer cache %s cannot be used (%s); going on without it", self.path, reason)
        self.problem = reason

    def get(self, key: str) -> tuple[Extraction, Usage] | None:
        """The answer stored under `key`, or None: not there, unreadable, or the cache is off."""
        with self.lock:
            if self.db is None:
                return None
            try:
                row = self.db.execute("SELECT extraction, usage FROM answers WHERE key = ?", (key,)).fetchone()
            except sqlite3.Error as e:
                self._failed(e)
                return None
        if row is None:
            return None
        try:
            return Extraction.model_validate_json(row[0]), Usage.model_validate_json(row[1])
        except ValueError as e:  # damaged, or written by hand: a miss, asked again and replaced
            with self.lock:
                self.unreadable += 1
                first = self.unreadable == 1
            if first:
                log.warning("the answer cache %s holds answers that do not read as answers (%s); they are asked again",
                            self.path, str(e).splitlines()[0])
            return None

    def put(self, key: str, extraction: Extraction, usage: Usage) -> None:
        """Store an answer (silently not, when the cache is off)."""
        with self.lock:
            if self.db is None:
                return
            try:
                with self.db:
                    self.db.execute("INSERT OR REPLACE INTO answers VALUES (?, ?, ?, ?)",
                                    (key, extraction.model_dump_json(), usage.model_dump_json(), time.time()))
            except sqlite3.Error as e:
                self._failed(e)

    def info(self) -> dict:
        """{"path", "answers", "bytes", "problem"}: `bytes` counts the files moved aside as well."""
        count = 0
        with self.lock:
            if self.db is not None:
                try:
                    (count,) = self.db.execute("SELECT COUNT(*) FROM answers").fetchone()
                except sqlite3.Error as e:
                    self._failed(e)
        try:
            size = sum(os.path.getsize(p) for p in self.path.parent.glob(self.path.name + "*"))
        except OSError:
            size = 0
        return {"path": str(self.path), "answers": count, "bytes": size, "problem": self.problem}

    def clear(self) -> int:
        """Delete every answer, and the broken files moved aside; the number of answers deleted."""
        count = 0
        with self.lock:
            if self.db is not None:
                try:
                    with self.db:
                        (count,) = self.db.execute("SELECT COUNT(*) FROM answers").fetchone()
                        self.db.execute("DELETE FROM answers")
                    self.db.execute("VACUUM")
                except sqlite3.Error as e:
                    self._failed(e)
            try:
                for aside in self.path.parent.glob(self.path.name + ".broken-*"):
                    aside.unlink()
            except OSError:
                pass
        return count

    def close(self) -> None:
        with self.lock:
            if self.db is not None:
                try:
                    self.db.close()
                except sqlite3.Error:
                    pass
                self.db = None

    def __enter__(self) -> AnswerCache:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class CachedAnswers:
    """An Answerer: answers from `cache` what was asked before, the same way (see part_key), and asks
    `inner` the rest, keeping each part's answers once it has them all.

    The requests of a part are asked one after another by one thread, in plan order (as Summarizer
    asks them). A part missing from the cache is held from its first request to its last, so a copy
    of the same report asked meanwhile by another thread waits, then reads the answers from the
    cache instead of paying for them again. An answer from the cache is marked cached; a section
    that had no usable answer when it was asked raises AnswerInvalid(cached=True) again."""

    def __init__(self, inner: Answerer, cache: AnswerCache) -> None:
        self.inner, self.cache = inner, cache
        self._locks = KeyLocks()
        self._asking: dict[tuple[str, int], dict[str, Answer | None]] = {}  # (key, thread) → answers so far

    def answer(self, request: Request) -> Answer:
        held = (request.key, threading.get_ident())
        answers = self._asking.get(held)
        if answers is None:  # the part's first request in this thread
            self._locks.acquire(request.key)  # a copy in flight in another thread: wait for its answers
            try:
                hit = self.cache.get(request.key)
            except BaseException:
                self._locks.release(request.key)
                raise
            if hit is not None:
                self._locks.release(request.key)
                return _section(hit, request)
            answers = self._asking[held] = {}  # asked now: held until the part's last request
        return self._ask(request, answers, held)

    def _ask(self, request: Request, answers: dict[str, Answer | None], held: tuple[str, int]) -> Answer:
        try:
            answers[request.section] = self.inner.answer(request)
        except AnswerInvalid:
            answers[request.section] = None
            raise
        except BaseException:
            self._let_go(held)  # the part fails: nothing to keep
            raise
        finally:
            if held in self._asking and request.section == request.part_sections[-1]:
                self._keep(request, answers, held)
        return answers[request.section]

    def _keep(self, request: Request, answers: dict[str, Answer | None], held: tuple[str, int]) -> None:
        """The part's draft into the cache, when every section was asked and one answered."""
        try:
            if set(answers) == set(request.part_sections) and any(answers.values()):
                self.cache.put(request.key, *assemble(answers))
        finally:
            self._let_go(held)

    def _let_go(self, held: tuple[str, int]) -> None:
        del self._asking[held]
        self._locks.release(held[0])


def _section(hit: tuple[Extraction, Usage], request: Request) -> Answer:
    answer = split(*hit)[request.section]
    if answer is None:
        raise AnswerInvalid("no usable answer when it was asked before", cached=True)
    return answer


class KeyLocks:
    """A lock per key, kept only while in use (a batch may see millions of keys)."""

    def __init__(self) -> None:
        self._guard = threading.Lock()
        self._locks: dict[str, list] = {}  # key → [lock, users]

    def acquire(self, key: str) -> None:
        """Hold `key`'s lock, waiting while another thread holds it; release(key) lets it go."""
        with self._guard:
            entry = self._locks.setdefault(key, [threading.Lock(), 0])
            entry[1] += 1
        entry[0].acquire()

    def release(self, key: str) -> None:
        with self._guard:
            entry = self._locks[key]
            entry[0].release()
            entry[1] -= 1
            if not entry[1]:
                del self._locks[key]
