"""The library API: report text in, grounded Briefing out. The CLI is a thin layer over this."""

from __future__ import annotations

import contextlib
import json
import logging
import threading
from collections.abc import Iterator
from pathlib import Path

from summarizer.cache import AnswerCache, cache_key
from summarizer.core.document import Document
from summarizer.core.figures import find_figures
from summarizer.core.schema import SECTIONS, Briefing, Extraction, Flags, Provenance, SectionAnswer, SentenceRole, Usage
from summarizer.errors import AnswerInvalid, SourceError
from summarizer.extract.client import Answer, Extractor, ModelConfig
from summarizer.extract.prompts import Prompt, load_prompt
from summarizer.ground.evidence import ground_items, index_of
from summarizer.ground.lead import build_lead
from summarizer.ground.meta import check_meta
from summarizer.ground.people import merge_people
from summarizer.ground.sections import reconcile
from summarizer.schema_export import schema_version
from summarizer.source.read import decode, read_input
from summarizer.source.split import split_document
from summarizer.structure import scope

log = logging.getLogger("summarizer")
MAX_PARTS = 20  # a report needing more parts is more likely a corpus dump than one report


def load_document(path: Path | str, encoding: str | None = None, name: str | None = None) -> Document:
    """Read, decode and split one report file. Raises SourceError (named `name` or the file's name)
    for anything that is not a readable regular file of report text (see source.read.read_input)."""
    path = Path(path)
    label = name or path.name
    raw = read_input(str(path), label)
    return split_document(label, decode(raw, label, encoding), raw)


def document_from_text(text: str, name: str = "<text>") -> Document:
    raw = text.encode("utf-8")
    return split_document(name, decode(raw, name), raw)


class Summarizer:
    """Holds one model connection (and, for the embedded default, the local server) for many reports."""

    def __init__(self, config: ModelConfig | None = None, prompt: Prompt | None = None,
                 strict: bool = False, http_client=None, cache: AnswerCache | None = None) -> None:
        self._stack = contextlib.ExitStack()
        self.cache = cache  # None: every report goes to the model
        self._one_per_key = KeyLocks()
        self.server = None  # the embedded local server, when no other server is configured
        config = config or ModelConfig.from_env()
        if not config.is_configured:
            from summarizer.extract.local_server import LocalServer

            self.server = LocalServer()
            self._stack.callback(self.server.stop)
            config = config.with_server(self.server.start(), self.server.model)
        self.config = config
        self.prompt = prompt or load_prompt()
        self.strict = strict
        self.extractor = Extractor(config, http_client=http_client)

    def summarize_document(self, doc: Document, spent: list[Usage] | None = None) -> Briefing:
        """`spent`, if given, receives the usage of every answer the model gave (none for cached
        answers), as it arrives: a report that then fails still shows what it cost."""
        if not doc.sentences:
            raise SourceError(doc.name, "no sentences found in the report")
        extraction, usage = self.extract_long(doc, spent)
        return self.finish(doc, extraction, usage)

    def extract_long(self, doc: Document, spent: list[Usage] | None = None) -> tuple[Extraction, Usage]:
        """A report longer than one request takes is asked in parts (split at sentence boundaries);
        the parts' items are renumbered into the whole report and merged; grounding and the removal
        of repeats then run on the whole report, so evidence spans point into the original file."""
        parts = doc.parts(self.config.report_limit)
        if len(parts) == 1:
            return self.extract(doc, spent)
        if len(parts) > MAX_PARTS:
            length = sum(len(s.text) for s in doc.sentences)
            raise SourceError(doc.name, f"the report has {length:,} characters: {len(parts)} parts of at most "
                              f"{self.config.report_limit:,}, more than {MAX_PARTS} (split it, or raise --max-chars)")
        log.info("%s: %d parts of at most %d characters", doc.name, len(parts), self.config.report_limit)
        drafts = []
        usage = Usage()
        for part in parts:
            extraction, part_usage = self.extract(part, spent)
            usage = usage + part_usage
            for section in SECTIONS:
                for item in getattr(extraction, section):
                    item.sentences = [n + part.offset for n in item.sentences]
            drafts.append(extraction)
        first = drafts[0]
        merged = Extraction(
            title=first.title, locality=first.locality, period=first.period, meeting=first.meeting,
            people=[p for d in drafts for p in d.people],
            **{section: [item for d in drafts for item in getattr(d, section)] for section in SECTIONS},
            unanswered=sorted({s for d in drafts for s in d.unanswered}, key=SECTIONS.index),
        )
        return merged, usage

    def finish(self, doc: Document, extraction: Extraction, usage: Usage, fill: bool = True) -> Briefing:
        """The model's draft → the grounded briefing, with this summarizer's provenance."""
        provenance = Provenance(
            source=doc.name, sha256=doc.sha256, model=self.config.model, mode=self.config.mode,
            prompt_version=self.prompt.version, schema_version=schema_version(), usage=usage, strict=self.strict,
        )
        return build_briefing(doc, extraction, provenance, strict=self.strict, fill=fill)

    def extract(self, doc: Document, spent: list[Usage] | None = None) -> tuple[Extraction, Usage]:
        """The model's draft of one report, from the answer cache when the same report was already
        asked the same way; the usage of each answer received is also appended to `spent`."""
        key = self._cache_key(doc) if self.cache is not None else None
        # the same report twice in one batch, both in flight: the second waits for the first's answer
        with self._one_per_key.holding(key) if key else contextlib.nullcontext():
            if key is not None and (hit := self.cache.get(key)) is not None:
                # the usage that produced this answer: a briefing is the same whether or not it was cached
                return hit
            extraction, usage = self._ask(doc, spent)
            if key is not None:
                self.cache.put(key, extraction, usage)
            return extraction, usage

    def _cache_key(self, doc: Document) -> str:
        c = self.config
        # the hints are part of what is asked: a change of the scope rules must miss the cache
        hints = json.dumps(scope.by_section(doc), sort_keys=True)
        return cache_key(doc.numbered() + "\n" + hints, self.prompt.version, schema_version(), c.model, c.mode,
                         c.temperature, c.max_tokens)

    def _ask(self, doc: Document, spent: list[Usage] | None = None) -> tuple[Extraction, Usage]:
        """One focused request per section (a small model lists far more items that way), all with
        the same schema and the report first, so the server's prompt cache serves requests 2 and 3."""
        hints = scope.by_section(doc)
        answers: dict[str, Answer | None] = {}
        reasons: dict[str, str] = {}
        for section in SECTIONS:
            try:
                answers[section] = self.ask_section(doc, section, hints, spent)
            except AnswerInvalid as e:
                # degrade, never lose: this section's items will come from the rules, flagged
                log.warning("%s (%s): %s; its items come from the rules", doc.name, section, e)
                answers[section] = None
                reasons[section] = str(e)
        if len(reasons) == len(SECTIONS):  # the report fails: say why, not only that it did
            why = set(reasons.values())
            raise AnswerInvalid("no section's answer could be used: " + (
                why.pop() if len(why) == 1 else "; ".join(f"{s}: {r}" for s, r in reasons.items())))
        return self.assemble(answers)

    def ask_section(self, doc: Document, section: str, hints: dict[str, list[int]],
                    spent: list[Usage] | None = None) -> Answer:
        """One request: the report, the section's task and the sentences the cue phrases point at
        (`spent`: as for summarize_document)."""
        return self.extractor.extract(self.prompt.messages(doc, section, hints[section]), len(doc.sentences),
                                      SectionAnswer, label=f"{doc.name} ({section})", spent=spent)

    @staticmethod
    def assemble(answers: dict[str, Answer | None]) -> tuple[Extraction, Usage]:
        """The section answers of one report → its draft; the header comes from the first answer.
        A section whose answer failed (None) is listed as unanswered; if none answered, the error
        stands: a briefing from the rules alone would pass off a broken server as a report."""
        given = [a for a in answers.values() if a is not None]
        if not given:
            raise AnswerInvalid("no section's answer could be used")
        usage = sum((a.usage for a in given), Usage())
        header = given[0].extraction
        extraction = Extraction(
            title=header.title or "", locality=header.locality, period=header.period, meeting=header.meeting,
            people=[p for a in given for p in a.extraction.people],
            **{section: answers[section].extraction.items if answers[section] else [] for section in SECTIONS},
            unanswered=[section for section in SECTIONS if answers[section] is None],
        )
        return extraction, usage

    def summarize(self, text: str, name: str = "<text>") -> Briefing:
        return self.summarize_document(document_from_text(text, name))

    def close(self) -> None:
        self._stack.close()

    def __enter__(self) -> Summarizer:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class KeyLocks:
    """A lock per key, held only while in use (a batch may see millions of keys)."""

    def __init__(self) -> None:
        self._guard = threading.Lock()
        self._locks: dict[str, tuple[threading.Lock, list[int]]] = {}

    @contextlib.contextmanager
    def holding(self, key: str) -> Iterator[None]:
        with self._guard:
            lock, users = self._locks.setdefault(key, (threading.Lock(), [0]))
            users[0] += 1
        try:
            with lock:
                yield
        finally:
            with self._guard:
                users[0] -= 1
                if not users[0]:
                    del self._locks[key]


def build_briefing(doc: Document, extraction: Extraction, provenance: Provenance, strict: bool = False,
                   fill: bool = True) -> Briefing:
    """Everything after the model: evidence, sections, figures, people, checks. Deterministic.
    `fill=False` leaves out the sentences the model missed (to measure the model alone)."""
    flags = Flags()
    index = index_of(doc)
    grounded = {section: ground_items(doc, getattr(extraction, section), index) for section in SECTIONS}
    sections, review, counts = reconcile(doc, grounded, fill=fill)
    flags.items_moved, flags.items_merged, flags.items_added = counts.moved, counts.merged, counts.added
    flags.items_not_body = counts.not_body
    flags.sections_from_rules = list(extraction.unanswered)
    for items in (*sections.values(), review):
        for item in items:
            item.figures = find_figures(item.text)
    people = merge_people(doc, extraction.people)
    # a person the source does not name (or a "person" that is an organisation or a field label) is
    # no person of the report: left out of the list, named in the notes for the editor
    for p in people:
        if p.status == "invented":
            flags.notes.append(f"the model named {p.name!r} as a person: {'; '.join(p.problems)}; left out")
    invented_people = sum(p.status == "invented" for p in people)
    people = [p for p in people if p.status != "invented"]
    meta, notes = check_meta(doc, extraction, {p.name for p in people})
    flags.notes.extend(notes)
    for start, end in doc.suspicious:
        flags.notes.append(f"left out of the prompt as instructions to the model: {doc.text[start:end]!r}")
    for items in sections.values():
        for item in items:
            if item.found_by == "model" and item.sentences != item.cited:
                flags.items_realigned += 1
            setattr(flags, f"items_{item.status}", getattr(flags, f"items_{item.status}") + 1)
    flags.people_ungrounded = sum(p.status != "grounded" for p in people)  # listed, flagged
    flags.people_left_out = invented_people
    if strict:
        before = sum(len(v) for v in sections.values()) + len(people) + len(review)
        sections = {k: [i for i in v if i.status == "grounded"] for k, v in sections.items()}
        review = []
        people = [p for p in people if p.status == "grounded"]
        flags.dropped = before - sum(len(v) for v in sections.values()) - len(people)
    structure = [SentenceRole(sentence=s.number, start=s.start, end=s.end, role=s.role)
                 for s in doc.sentences if s.role != "body"]
    flags.items_review = len(review)  # after --strict, which drops them
    briefing = Briefing(**meta, **sections, people=people, flags=flags, provenance=provenance, review=review,
                        structure=structure)
    briefing.lead = build_lead(briefing)
    return briefing


def summarize(text: str, *, name: str = "<text>", config: ModelConfig | None = None, strict: bool = False,
              **config_overrides) -> Briefing:
    """Summarize one report. Configuration comes from `config`, keyword overrides, or the environment."""
    config = config or ModelConfig.from_env(**config_overrides)
    with Summarizer(config, strict=strict) as summarizer:
        return summarizer.summarize(text, name=name)
