"""The folder the workspace opens: its briefings, their decisions and their sources.

Nothing is reached by a path from a request: a briefing is named by its stem, and a stem is looked
up among the NAME.json files directly in the folder (no separator, no "..", no hidden file), so no
URL can name a file elsewhere. The source text a briefing's spans point into is, in this order:
OUT/NAME.source.txt (written by the batch for Word, PDF and HTML inputs, source/extracted.py), or
the input file its provenance names, read only when its bytes are still exactly those the briefing
was made from (same sha256): a briefing file cannot be made to show any other file.
"""

from __future__ import annotations

import hashlib
import os
import re
from dataclasses import dataclass
from pathlib import Path

from summarizer.output import read_briefing
from summarizer.core.document import Document
from summarizer.core.schema import Briefing
from summarizer.core.text import canonical
from summarizer.errors import SummarizerError
from summarizer.review import Reviewed, apply, load_decisions, review_path
from summarizer.source.extracted import source_text_path

_STEM = re.compile(r"^[^/\\\x00]{1,255}$")


@dataclass
class Entry:
    """One briefing of the folder with its decisions applied."""

    stem: str
    json_path: Path
    briefing: Briefing
    reviewed: Reviewed

    @property
    def machine_flagged(self) -> int:
        return self.briefing.flags.to_check


class Workspace:
    """A folder of briefings (OUT/NAME.json), as `summarize -o OUT` writes it."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder.resolve()

    def stems(self) -> list[str]:
        """The stems of the folder's NAME.json files (not NAME.review.jsonl, not hidden files)."""
        try:
            with os.scandir(self.folder) as it:
                return sorted(e.name[:-5] for e in it if e.name.endswith(".json") and not e.name.startswith(".")
                              and e.is_file())
        except OSError:
            return []

    def entry(self, stem: str, with_source: bool = False) -> Entry | None:
        """The briefing named `stem` with its decisions, or None when the folder has no such briefing
        (also for any name that is not a plain file name: a path, "..", a hidden file)."""
        if not _STEM.match(stem) or stem in (".", "..") or stem.startswith(".") or stem not in self.stems():
            return None
        return self._load(stem, with_source)

    def _load(self, stem: str, with_source: bool = False) -> Entry | None:
        json_path = self.folder / f"{stem}.json"
        briefing = read_briefing(json_path)
        if briefing is None:
            return None
        doc = self.document(stem, briefing) if with_source else None
        return Entry(stem, json_path, briefing, apply(briefing, load_decisions(review_path(json_path)), doc))

    def entries(self) -> list[Entry]:
        """Every briefing of the folder (files that are not briefings are left out), in name order."""
        found = []
        for stem in self.stems():
            if (entry := self._load(stem)) is not None:
                found.append(entry)
        return found

    def document(self, stem: str, briefing: Briefing) -> Document | None:
        """The report as it was read for the briefing (see the module's docstring), split into the
        same numbered sentences; None when neither the saved text nor the unchanged input is there."""
        from summarizer.source.split import split_document

        saved = source_text_path(self.folder / stem)
        if saved.is_file():
            try:
                return split_document(briefing.provenance.source, saved.read_text(encoding="utf-8"))
            except (OSError, UnicodeDecodeError):
                return None
        path = briefing.provenance.path
        if not path:
            return None
        from summarizer.source.read import read_input

        try:  # a regular file only, opened without blocking and size-checked (never a pipe or a device)
            raw = read_input(path, briefing.provenance.source)
        except SummarizerError:
            return None
        if hashlib.sha256(raw).hexdigest() != briefing.provenance.sha256:
            return None  # the input changed (or this is not it): its spans would point anywhere
        from summarizer.source.read import decode

        try:
            return split_document(briefing.provenance.source, decode(raw, briefing.provenance.source), raw)
        except SummarizerError:
            return None


def matches(entry: Entry, locality: str | None, period: str | None, to_check: bool) -> bool:
    """Whether an entry passes the folder view's filters (locality and period compared as canonical keys)."""
    b = entry.briefing
    if locality and canonical(b.locality or "") != canonical(locality):
        return False
    if period and canonical(b.period or "") != canonical(period):
        return False
    return not (to_check and entry.reviewed.open_checks == 0)
