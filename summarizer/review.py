"""An editor's decisions on a briefing, kept beside it and applied over it, never written into it.

The machine's briefing (OUT/NAME.json) is the batch's: a re-run of `summarize` may rewrite it. The
editor's decisions live in OUT/NAME.review.jsonl, which no command of the batch writes or removes:
one JSON line per decision, appended and synced (the history stays; the last word on an item wins).
A `.jsonl` name keeps it out of the `*.json` the commands that read a folder's briefings list.

Decisions name a machine item by its key (`item_key`: its text and evidence spans), not by its place
in a list, so they hold across a re-run that gives the same items, whatever their order or section.
A decision whose item the briefing no longer has is kept and reported as `orphaned`, never applied to
another item.

Actions (`Decision.action`):
- `accept` / `reject`: the item stays (an item only the model proposed moves into the section it
  proposed) / leaves the reviewed briefing;
- `edit`: new wording (`text`); `move`: another section (`section`);
- `add`: an item the machine missed, made from a stretch of the source the editor selected
  (`start`/`end` into the text the spans point into; `text` the editor's wording, by default the
  selection); its key is `added:ID`, and it can be edited, moved or rejected like any other;
- `reset`: the item's decisions so far are withdrawn.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import secrets
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, Field, ValidationError, field_validator, model_validator

from summarizer.core.document import Document
from summarizer.core.figures import find_figures
from summarizer.core.schema import SECTIONS, Briefing, Evidence, Figure, Item
from summarizer.core.text import xml_safe
from summarizer.errors import SummarizerError

SUFFIX = ".review.jsonl"
MAX_TEXT = 1000  # characters of an editor's wording of one item
Action = Literal["accept", "reject", "edit", "move", "add", "reset"]


class ReviewError(SummarizerError):
    """A decision that cannot be taken (an unknown item, a span outside the source, bad wording),
    or a review file that cannot be written."""


class Decision(BaseModel):
    """One line of NAME.review.jsonl."""

    action: Action
    key: str = Field(min_length=1, max_length=80)  # item_key(item), or "added:ID"
    text: str | None = Field(default=None, max_length=MAX_TEXT)
    section: Literal["achievements", "shortfalls", "tasks"] | None = None
    start: int | None = Field(default=None, ge=0)
    end: int | None = Field(default=None, ge=0)
    at: str = ""  # ISO time, set when recorded
    item_text: str | None = None  # the machine item's text when decided: names an orphaned decision

    @field_validator("text")
    @classmethod
    def _clean(cls, text: str | None) -> str | None:
        if text is None:
            return None
        # a control character pasted into the wording would later break the Word export
        text = " ".join(xml_safe(text).replace("\x7f", "").split())
        if not text:
            raise ValueError("the wording is empty")
        return text

    @model_validator(mode="after")
    def _complete(self) -> Decision:
        if self.action == "edit" and not self.text:
            raise ValueError("an edit needs the new wording")
        if self.action == "move" and not self.section:
            raise ValueError("a move needs the section to move to")
        if self.action == "add":
            if self.start is None or self.end is None or self.end <= self.start or not self.section:
                raise ValueError("an added item needs a section and a stretch of the source (start < end)")
            if not self.key.startswith("added:"):
                raise ValueError("an added item's key starts with 'added:'")
        return self


def item_key(item: Item) -> str:
    """A machine item's name for decisions: a hash of its wording and its evidence spans. The same
    item of a re-run has the same key; a reworded item or other evidence is another item."""
    spans = [[e.start, e.end] for e in item.evidence]
    raw = json.dumps([" ".join(item.text.split()), spans], ensure_ascii=False)
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()[:16]


def review_path(json_path: Path) -> Path:
    """OUT/NAME.review.jsonl for the briefing OUT/NAME.json."""
    return json_path.with_name(json_path.name.removesuffix(".json") + SUFFIX)


_LOCK = threading.Lock()  # one writer at a time within a process (the workspace's worker threads)


def load_decisions(path: Path) -> list[Decision]:
    """The decisions in a review file, oldest first; none when there is no file. A line that is not
    a decision (torn by a killed process, edited by hand) is skipped."""
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except FileNotFoundError:
        return []
    decisions = []
    for line in text.splitlines():
        try:
            decisions.append(Decision.model_validate_json(line))
        except (ValidationError, ValueError):
            continue
    return decisions


def record(path: Path, decision: Decision) -> Decision:
    """Append `decision` (stamped with the time) to the review file as one synced line.
    Raises ReviewError when the file cannot be written; a line that failed half-way is taken back."""
    decision = decision.model_copy(update={"at": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")})
    data = (decision.model_dump_json(exclude_none=True) + "\n").encode("utf-8")
    with _LOCK:
        try:
            fd = os.open(path, os.O_RDWR | os.O_APPEND | os.O_CREAT, 0o666)
        except OSError as e:
            raise ReviewError(f"cannot write {path}: {e.strerror or e}") from None
        try:
            start = os.fstat(fd).st_size
            if start and os.pread(fd, 1, start - 1) != b"\n":  # a torn last line: start on a line of its own
                data = b"\n" + data
            try:
                rest = memoryview(data)
                while rest:
                    rest = rest[os.write(fd, rest):]
                os.fsync(fd)
            except OSError as e:
                try:
                    os.ftruncate(fd, start)
                except OSError:
                    pass
                raise ReviewError(f"cannot write {path}: {e.strerror or e}") from None
        finally:
            os.close(fd)
    return decision


def new_added_key() -> str:
    return "added:" + secrets.token_hex(6)


@dataclass
class ReviewedItem:
    """One item of the reviewed briefing: a machine item with the editor's decisions applied, or an
    item the editor added. `section` is where it now stands ("review" while an item only the model
    proposed is undecided)."""

    key: str
    text: str
    section: str
    evidence: list[Evidence]
    sentences: list[int]
    figures: list[Figure]
    origin: Literal["machine", "editor"]
    machine: Item | None = None  # the machine's item, as written in NAME.json
    machine_section: str | None = None  # its section there ("review" for Cần kiểm tra)
    state: Literal["accepted", "rejected"] | None = None
    edited: bool = False
    flagged: bool = False  # the machine asks the editor to check it
    history: list[Decision] = field(default_factory=list)

    @property
    def decided(self) -> bool:
        return self.state is not None or self.edited or (self.machine_section not in (None, self.section))

    @property
    def open_check(self) -> bool:
        """Flagged by the machine and not yet decided by the editor."""
        return self.flagged and not self.decided


@dataclass
class Reviewed:
    """A briefing with the decisions applied (see `apply`)."""

    briefing: Briefing
    sections: dict[str, list[ReviewedItem]]  # achievements, shortfalls, tasks: what the editor keeps
    review: list[ReviewedItem]  # Cần kiểm tra: items only the model proposed, undecided
    rejected: list[ReviewedItem]
    orphaned: list[Decision]  # decisions on items the briefing no longer has
    decisions: list[Decision]

    def kept(self):
        for section in SECTIONS:
            for item in self.sections[section]:
                yield section, item

    def all_items(self) -> list[ReviewedItem]:
        return [i for s in SECTIONS for i in self.sections[s]] + self.review + self.rejected

    @property
    def open_checks(self) -> int:
        """Items the machine flagged and the editor has not decided, plus people the source does not back."""
        return sum(i.open_check for i in self.all_items()) + self.briefing.flags.people_ungrounded

    @property
    def decided(self) -> int:
        return sum(i.decided for i in self.all_items())

    def by_key(self, key: str) -> ReviewedItem | None:
        return next((i for i in self.all_items() if i.key == key), None)


def _flagged(item: Item, section: str) -> bool:
    return section == "review" or item.status != "grounded"


def evidence_for(doc_text: str, sentences, start: int, end: int) -> tuple[list[Evidence], list[int]]:
    """The evidence of an added item: the selected stretch, cut at sentence boundaries (one piece per
    sentence it touches); `sentences` are the report's numbered sentences (objects with number, start,
    end). Raises ReviewError when the stretch is outside the text or touches no sentence."""
    if not 0 <= start < end <= len(doc_text):
        raise ReviewError(f"the selection {start}–{end} is outside the source text (0–{len(doc_text)})")
    pieces, numbers = [], []
    for s in sentences:
        a, b = max(start, s.start), min(end, s.end)
        if a < b:
            while a < b and doc_text[a].isspace():
                a += 1
            while b > a and doc_text[b - 1].isspace():
                b -= 1
            if a < b:
                pieces.append(Evidence(sentence=s.number, start=a, end=b, text=doc_text[a:b]))
                numbers.append(s.number)
    if not pieces:
        raise ReviewError("the selection holds no sentence of the report (only blank space or left-out text)")
    return pieces, numbers


def apply(briefing: Briefing, decisions: list[Decision], doc: Document | None = None) -> Reviewed:
    """The briefing as the editor has reviewed it. `doc` (the report as read) is needed for added
    items; without it they are listed with the stretch as recorded (their evidence rebuilt from the
    text saved in the decision). Never changes `briefing`. Raises nothing for stale decisions: they
    are `orphaned`."""
    items: dict[str, ReviewedItem] = {}
    order: list[str] = []
    for section in (*SECTIONS, "review"):
        machine_items = briefing.review if section == "review" else getattr(briefing, section)
        for item in machine_items:
            key = item_key(item)
            if key in items:  # two identical items: the first stands for both
                continue
            items[key] = ReviewedItem(key=key, text=item.text, section=section, evidence=list(item.evidence),
                                      sentences=list(item.sentences), figures=list(item.figures), origin="machine",
                                      machine=item, machine_section=section, flagged=_flagged(item, section))
            order.append(key)
    orphaned: list[Decision] = []
    for d in decisions:
        target = items.get(d.key)
        if d.action == "add":
            if target is not None:
                continue  # the same addition recorded twice
            try:
                evidence, numbers = (evidence_for(doc.text, doc.sentences, d.start, d.end) if doc is not None
                                     else ([], []))
            except ReviewError:
                orphaned.append(d)  # the source changed under it
                continue
            text = d.text or " ".join(e.text for e in evidence)
            items[d.key] = ReviewedItem(key=d.key, text=text, section=d.section, evidence=evidence, sentences=numbers,
                                        figures=find_figures(text), origin="editor", state="accepted", history=[d])
            order.append(d.key)
            continue
        if target is None:
            orphaned.append(d)
            continue
        target.history.append(d)
        if d.action == "reset":
            _reset(target)
        elif d.action == "accept":
            target.state = "accepted"
            if target.section == "review":
                target.section = target.machine.proposed or "achievements"
        elif d.action == "reject":
            target.state = "rejected"
        elif d.action == "edit":
            target.text, target.edited = d.text, True
            target.figures = find_figures(d.text)
        elif d.action == "move":
            target.section = d.section
    sections: dict[str, list[ReviewedItem]] = {s: [] for s in SECTIONS}
    review, rejected = [], []
    for key in order:
        item = items[key]
        if item.state == "rejected":
            rejected.append(item)
        elif item.section == "review":
            review.append(item)
        else:
            sections[item.section].append(item)
    return Reviewed(briefing, sections, review, rejected, orphaned, list(decisions))


def _reset(item: ReviewedItem) -> None:
    machine = item.machine
    if machine is None:  # an added item withdrawn: it leaves the briefing
        item.state = "rejected"
        return
    item.state, item.edited, item.text = None, False, machine.text
    item.section, item.figures = item.machine_section, list(machine.figures)


def check(reviewed: Reviewed, decision: Decision) -> None:
    """Raise ReviewError when `decision` names no item of the reviewed briefing (an added item's
    own key excepted) — a request for an item that is not there is refused, not stored."""
    if decision.action != "add" and reviewed.by_key(decision.key) is None:
        raise ReviewError(f"no item {decision.key!r} in this briefing")


def as_json(reviewed: Reviewed) -> dict:
    """The reviewed briefing for export: the machine's briefing as written, every decision, and the
    items as the editor left them (kept by section, still to check, rejected, orphaned decisions)."""
    def item(i: ReviewedItem) -> dict:
        return {"key": i.key, "text": i.text, "section": i.section, "origin": i.origin,
                "machine_text": i.machine.text if i.machine else None, "machine_section": i.machine_section,
                "state": i.state, "edited": i.edited, "flagged": i.flagged, "sentences": i.sentences,
                "evidence": [e.model_dump() for e in i.evidence], "figures": [f.model_dump() for f in i.figures]}

    return {
        "briefing": reviewed.briefing.model_dump(mode="json"),
        "decisions": [d.model_dump(exclude_none=True) for d in reviewed.decisions],
        "reviewed": {
            **{s: [item(i) for i in reviewed.sections[s]] for s in SECTIONS},
            "review": [item(i) for i in reviewed.review],
            "rejected": [item(i) for i in reviewed.rejected],
            "orphaned": [d.model_dump(exclude_none=True) for d in reviewed.orphaned],
            "open_checks": reviewed.open_checks,
        },
    }
