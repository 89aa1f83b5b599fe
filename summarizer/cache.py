"""A content-addressed cache of model answers (SQLite, in the user cache directory).

The key covers what the model saw and how it was asked: the numbered sentences of the cleaned
report, the prompt version, the schema version, the model, the mode and the generation parameters.
So a rerun never pays twice, and a changed prompt misses exactly the reports it affects.

The cache only saves money: a problem with it never fails a report. A file that is no database
(garbage, cut short) is reported once, moved aside and replaced by a new one; a cache that cannot
be opened or written (an unwritable folder, a full disk) is reported once and the run goes on
without it; an answer that no longer reads as one is a miss.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import sqlite3
import threading
import time
from pathlib import Path

from summarizer.core.schema import Extraction, Usage

log = logging.getLogger("summarizer.cache")
# SQLite's primary result codes for a file that is not (or no longer) a database
_BROKEN = {sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB}


def default_path() -> Path:
    from summarizer.extract.local_server import cache_root

    return cache_root() / "answers.sqlite3"


def cache_key(numbered_text: str, prompt_version: str, schema_version: str, model: str, mode: str,
              temperature: float, max_tokens: int) -> str:
    material = json.dumps([numbered_text, prompt_version, schema_version, model, mode, temperature, max_tokens],
                          ensure_ascii=False)
    return hashlib.sha256(material.encode("utf-8")).hexdigest()


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
