"""Batch runs over many inputs: expand paths, skip finished work, write outputs atomically."""

from __future__ import annotations

import glob
import hashlib
import json
import os
import sys
import tempfile
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from summarizer.core.schema import Briefing
from summarizer.errors import SourceError

SUFFIXES = {".txt", ".text", ".md", ".html", ".htm"}
STDIN = "-"


@dataclass(frozen=True)
class Input:
    path: Path | None  # None for standard input
    name: str  # what errors and outputs are called
    stem: str  # output file stem

    def read(self) -> bytes:
        if self.path is None:
            return sys.stdin.buffer.read()
        try:
            return self.path.read_bytes()
        except FileNotFoundError:
            raise SourceError(self.name, "no such file") from None
        except IsADirectoryError:
            raise SourceError(self.name, "is a directory") from None
        except PermissionError:
            raise SourceError(self.name, "permission denied") from None
        except OSError as e:
            raise SourceError(self.name, f"cannot read: {e.strerror}") from None


def expand(args: list[str]) -> tuple[list[Input], list[SourceError]]:
    """Files, directories (their report files, sorted), globs and `-` → inputs in the order given;
    what matches nothing → one error each."""
    paths: list[Path | None] = []  # None stands for standard input
    errors: list[SourceError] = []
    for arg in args:
        p = Path(arg)
        if arg == STDIN:
            paths.append(None)
        elif p.is_dir():
            found = sorted(c for c in p.iterdir() if c.is_file() and c.suffix.lower() in SUFFIXES)
            if not found:
                errors.append(SourceError(arg, f"directory holds no report files ({', '.join(sorted(SUFFIXES))})"))
            paths += found
        elif p.exists():
            paths.append(p)
        elif glob.has_magic(arg):
            matches = sorted(Path(m) for m in glob.glob(arg, recursive=True) if Path(m).is_file())
            if not matches:
                errors.append(SourceError(arg, "the pattern matches no file"))
            paths += matches
        else:
            errors.append(SourceError(arg, "no such file or directory"))
    unique: dict[Path | None, Path | None] = {}  # resolved → as the user wrote it (first mention)
    for p in paths:
        unique.setdefault(p.resolve() if p else None, p)
    stems = Counter(p.stem for p in unique if p)
    inputs = []
    for resolved, given in unique.items():
        if resolved is None:
            inputs.append(Input(None, "<stdin>", "stdin"))
            continue
        # two inputs with one stem (a/x.txt, b/x.txt) must not overwrite each other's output
        stem = given.stem
        if stems[stem] > 1:
            stem = f"{stem}-{hashlib.sha256(str(resolved).encode()).hexdigest()[:8]}"
        inputs.append(Input(given, str(given), stem))
    return inputs, errors


def write_atomic(path: Path, text: str) -> None:
    """Write to a temporary file in the same folder, then rename: readers never see half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(text)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


def finished(json_path: Path, sha256: str, model: str, prompt_version: str, schema_version: str) -> Briefing | None:
    """The existing briefing when it was made from the same bytes, model, prompt and schema; else None."""
    try:
        briefing = Briefing.model_validate_json(json_path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    p = briefing.provenance
    if (p.sha256, p.model, p.prompt_version, p.schema_version) == (sha256, model, prompt_version, schema_version):
        return briefing
    return None


def briefing_json(briefing: Briefing) -> str:
    return json.dumps(briefing.model_dump(mode="json"), ensure_ascii=False, indent=2) + "\n"


class Manifest:
    """OUT/manifest.jsonl: one line per input per run (document, status, error, tokens, seconds).

    Appended and flushed line by line, so a killed run leaves every finished line readable."""

    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        self.file = open(path, "a", encoding="utf-8")

    def record(self, document: str, status: str, *, output: str | None = None, error: str | None = None,
               prompt_tokens: int = 0, completion_tokens: int = 0, seconds: float = 0.0) -> None:
        line = {"document": document, "status": status, "output": output, "error": error,
                "prompt_tokens": prompt_tokens, "completion_tokens": completion_tokens, "seconds": round(seconds, 2)}
        self.file.write(json.dumps(line, ensure_ascii=False) + "\n")
        self.file.flush()
        os.fsync(self.file.fileno())

    def close(self) -> None:
        self.file.close()
