"""A content-addressed cache of model answers (SQLite, in the user cache directory).

The key covers what the model saw and how it was asked: the numbered sentences of the cleaned
report, the prompt version, the schema version, the model, the mode and the generation parameters.
So a rerun never pays twice, and a changed prompt misses exactly the reports it affects.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import threading
import time
from pathlib import Path

from summarizer.core.schema import Extraction, Usage


def default_path() -> Path:
    from summarizer.extract.local_server import cache_dir

    return cache_dir() / "answers.sqlite3"


def cache_key(numbered_text: str, prompt_version: str, schema_version: str, model: str, mode: str,
              temperature: float, max_tokens: int) -> str:
    material = json.dumps([numbered_text, prompt_version, schema_version, model, mode, temperature, max_tokens],
                          ensure_ascii=False)
    return hashlib.sha256(material.encode("utf-8")).hexdigest()


class AnswerCache:
    def __init__(self, path: Path | None = None) -> None:
        self.path = Path(path) if path else default_path()
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.lock = threading.Lock()
        self.db = sqlite3.connect(self.path, check_same_thread=False, timeout=30)
        with self.lock, self.db:
            self.db.execute("PRAGMA journal_mode=WAL")
            self.db.execute("CREATE TABLE IF NOT EXISTS answers (key TEXT PRIMARY KEY, extraction TEXT NOT NULL, "
                            "usage TEXT NOT NULL, created REAL NOT NULL)")

    def get(self, key: str) -> tuple[Extraction, Usage] | None:
        with self.lock:
            row = self.db.execute("SELECT extraction, usage FROM answers WHERE key = ?", (key,)).fetchone()
        if row is None:
            return None
        return Extraction.model_validate_json(row[0]), Usage.model_validate_json(row[1])

    def put(self, key: str, extraction: Extraction, usage: Usage) -> None:
        with self.lock, self.db:
            self.db.execute("INSERT OR REPLACE INTO answers VALUES (?, ?, ?, ?)",
                            (key, extraction.model_dump_json(), usage.model_dump_json(), time.time()))

    def info(self) -> dict:
        with self.lock:
            (count,) = self.db.execute("SELECT COUNT(*) FROM answers").fetchone()
        size = sum(os.path.getsize(p) for p in self.path.parent.glob(self.path.name + "*"))
        return {"path": str(self.path), "answers": count, "bytes": size}

    def clear(self) -> int:
        with self.lock, self.db:
            (count,) = self.db.execute("SELECT COUNT(*) FROM answers").fetchone()
            self.db.execute("DELETE FROM answers")
        with self.lock:
            self.db.execute("VACUUM")
        return count

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> AnswerCache:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
