"""The inputs of a batch: files, folders, globs and `-`, walked once, then counted and streamed.

A folder of a million reports must not become a million objects in memory (some 0.4 KB each, 400 MB
in all). The walk writes each input into an index in a temporary SQLite file, which SQLite keeps on
disk behind a page cache of a few MB; the index then gives the count for the progress bar, and the
inputs one at a time in the order given: a folder's files sorted by path, each input once (by its
resolved path, first mention wins), each with an output name no other input of the run has.

A folder is read entry by entry. A glob is expanded by Python's glob module, which lists the
folder it searches; give a folder rather than `folder/*` for very large ones.
"""

from __future__ import annotations

import errno
import glob
import os
import sqlite3
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from summarizer.core.document import Document
from summarizer.errors import SourceError, SummarizerError
from summarizer.output import RESERVED_STEMS, STDIN, STDIN_NAME, hashed_stem, plain_stem
from summarizer.source.load import read_document
from summarizer.source.read import read_input, why_missing

SUFFIXES = {".txt", ".text", ".md", ".html", ".htm", ".docx", ".pdf"}  # Word and PDF: source/docx.py, pdf.py
_PAGE = 500  # rows read from the index at a time
_CACHE_KIB = 512  # SQLite's page cache for the index: the operating system caches the file as well


@dataclass(frozen=True, slots=True)
class Input:
    """One input: the path as a string, small (a batch holds only those in flight)."""

    path: str | None  # as the user gave it (or found in their folder); None for standard input
    name: str  # what errors and outputs are called
    stem: str  # output file stem, distinct within the run
    origin: str | None = None  # the file's absolute, resolved path: which input this is, however named

    def document(self, encoding: str | None = None) -> Document:
        """Read, decode and split: errors name the input as given, the document is named by its file."""
        return read_document(self.path, self.name, os.path.basename(self.path) if self.path else self.name, encoding)

    def read(self) -> bytes:
        """The input's bytes (see source.read.read_input: regular files and stdin only, size-checked)."""
        return read_input(self.path, self.name)


def expand(args: list[str]) -> tuple[Inputs, list[SourceError]]:
    """Files, directories (their report files, sorted), globs and `-` → the inputs in the order
    given, and one error for each argument that matches nothing. Raises InputsError when the index
    cannot be kept (a batch too large for memory, with a full temporary folder)."""
    try:
        inputs = Inputs()
        errors = [error for n, arg in enumerate(args) for error in inputs.add(n, arg)]
        inputs.seal()
    except sqlite3.Error as e:
        raise InputsError(f"cannot list the inputs: the temporary folder {tempfile.gettempdir()} "
                          f"cannot hold their index ({e})") from None
    return inputs, errors


class InputsError(SummarizerError):
    """The list of inputs cannot be made: nothing of the batch can start."""


class Inputs:
    """The index of a batch's inputs (see the module's docstring): len() counts them, iteration
    streams them in order, owns(stem) says whether an output name is one of theirs. Filled by
    expand(); close() (or the end of the process) deletes the file."""

    def __init__(self) -> None:
        self.db = sqlite3.connect("")  # "": a private temporary file, deleted when closed
        self.db.executescript(f"""
            PRAGMA cache_size = -{_CACHE_KIB};
            CREATE TABLE inputs (seq INTEGER PRIMARY KEY, arg INTEGER NOT NULL, path BLOB NOT NULL,
                given BLOB, resolved BLOB NOT NULL, stem BLOB NOT NULL,
                kept INTEGER NOT NULL DEFAULT 0, out TEXT, out_key BLOB);
            CREATE INDEX in_order ON inputs (arg, path, seq);
            CREATE INDEX by_file ON inputs (resolved, arg, path, seq);
        """)
        self.count = 0

    def add(self, n: int, arg: str) -> list[SourceError]:
        """Add what the `n`-th argument names; the errors: it names nothing to read, or entries of a
        folder that could not be looked at (each its own error, sorted; the other reports are added)."""
        path = Path(arg)
        if arg == STDIN:
            self._insert(n, [(None, "")])
        elif path.is_dir():
            broken: list[SourceError] = []
            if not self._insert(n, _folder(str(path), broken)) and not broken:
                return [SourceError(arg, f"directory holds no report files ({', '.join(sorted(SUFFIXES))})")]
            return sorted(broken, key=lambda e: e.name)
        elif path.exists():
            self._insert(n, [(str(path), os.path.realpath(path))])
        elif glob.has_magic(arg):
            matches = ((str(Path(m)), os.path.realpath(m))
                       for m in glob.iglob(arg, recursive=True) if os.path.isfile(m))
            if not self._insert(n, matches):
                return [SourceError(arg, "the pattern matches no file")]
        else:
            return [SourceError(arg, why_missing(arg))]  # a link loop is not "no such file"
        return []

    def _insert(self, n: int, found) -> int:
        """(path as given or None for stdin, resolved path) pairs of argument `n`; how many."""
        before = self.db.total_changes
        with self.db:
            self.db.executemany("INSERT INTO inputs (arg, path, given, resolved, stem) VALUES (?, ?, ?, ?, ?)",
                                ((n, _bytes(given or ""), None if given is None else _bytes(given), _bytes(resolved),
                                  _bytes(plain_stem(given).casefold())) for given, resolved in found))
        return self.db.total_changes - before

    def seal(self) -> None:
        """Keep each file's first mention and give every kept input its output name."""
        with self.db:
            self.db.execute("""UPDATE inputs SET kept = 1 WHERE NOT EXISTS (SELECT 1 FROM inputs AS earlier
                WHERE earlier.resolved = inputs.resolved AND (earlier.arg, earlier.path, earlier.seq)
                < (inputs.arg, inputs.path, inputs.seq))""")
            self.db.execute("CREATE INDEX by_stem ON inputs (stem) WHERE kept")
            self.db.execute("CREATE INDEX by_name ON inputs (out_key)")
        for rows in self._pages("seq, given, resolved, stem"):
            with self.db:
                for seq, given, resolved, key in rows:
                    stem = self._name(_text(given) if given is not None else None, _text(resolved), key)
                    self.db.execute("UPDATE inputs SET out = ?, out_key = ? WHERE seq = ?",
                                    (stem, _bytes(stem.casefold()), seq))
        (self.count,) = self.db.execute("SELECT COUNT(*) FROM inputs WHERE kept").fetchone()

    def _name(self, given: str | None, resolved: str, key: bytes) -> str:
        """The input's file stem, unless another input has it (a/x.txt, b/x.txt; `-` and stdin.txt),
        it is the digest's, or a name given earlier took it: then the stem and a hash of the input's
        path. Casefolded: on a case-insensitive disk (macOS, Windows) X.md is x.md."""
        stem = plain_stem(given)
        (sharing,) = self.db.execute("SELECT COUNT(*) FROM inputs WHERE kept AND stem = ?", (key,)).fetchone()
        if sharing > 1 or stem.casefold() in RESERVED_STEMS or self._taken(stem):
            n = 8
            while self._taken(candidate := hashed_stem(stem, resolved, n)):  # a file named like a hashed stem
                n += 8
            stem = candidate
        return stem

    def _taken(self, stem: str) -> bool:
        key = _bytes(stem.casefold())
        return self.db.execute("SELECT 1 FROM inputs WHERE out_key = ?", (key,)).fetchone() is not None

    def _pages(self, columns: str) -> Iterator[list[tuple]]:
        """The kept inputs' `columns`, in order, a page at a time (keyset paging: no cursor stays
        open while the caller writes)."""
        last = (-1, b"", -1)
        while rows := self.db.execute(
                f"SELECT arg, path, seq, {columns} FROM inputs WHERE kept AND (arg, path, seq) > (?, ?, ?) "
                f"ORDER BY arg, path, seq LIMIT {_PAGE}", last).fetchall():
            last = rows[-1][:3]
            yield [row[3:] for row in rows]

    def __len__(self) -> int:
        return self.count

    def __iter__(self) -> Iterator[Input]:
        for rows in self._pages("given, resolved, out"):
            for given, resolved, out in rows:
                path = _text(given) if given is not None else None
                yield Input(path, path or STDIN_NAME, out, _text(resolved) or None)

    def owns(self, stem: str) -> bool:
        """Whether `stem` is the output name of one of these inputs."""
        return self.db.execute("SELECT 1 FROM inputs WHERE out_key = ? AND out = ?",
                               (_bytes(stem.casefold()), stem)).fetchone() is not None

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Inputs:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _folder(folder: str, broken: list[SourceError]) -> Iterator[tuple[str, str]]:
    """A folder's report files as (path, resolved path), entry by entry. The folder is resolved once:
    a file in it that is no symbolic link resolves to the resolved folder and its own name.

    Any OSError while walking the folder is the error of that entry, appended to `broken` (a
    symbolic link loop named x.txt, a file gone meanwhile), or of the folder (unreadable, an I/O
    error mid-listing): the other reports are still found."""
    real = os.path.realpath(folder)
    try:
        with os.scandir(folder) as entries:
            for e in entries:
                # the suffix first: an entry that is no report (a loop named `loop1`) is never looked at
                if os.path.splitext(e.name)[1].lower() not in SUFFIXES:
                    continue
                path = os.path.join(folder, e.name)
                try:
                    if not e.is_file():
                        continue
                    resolved = os.path.realpath(path) if os.path.islink(path) else os.path.join(real, e.name)
                except OSError as error:  # is_file follows links: a loop raises ELOOP
                    broken.append(SourceError(path, why_missing(path) if error.errno in (errno.ELOOP, errno.ENOENT)
                                              else f"cannot be looked at: {error.strerror or error}"))
                    continue
                yield path, resolved
    except OSError as error:  # the folder itself (permission denied, an I/O error mid-listing)
        broken.append(SourceError(folder, f"cannot list the folder: {error.strerror or error}"))


def _bytes(text: str) -> bytes:
    """A path as SQLite stores it: its bytes on disk (a name that is no UTF-8 included), which sort as
    Python sorts the names."""
    return os.fsencode(text)


def _text(data: bytes) -> str:
    return os.fsdecode(data)
