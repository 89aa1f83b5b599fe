"""The library API: report text in, grounded Briefing out. The CLI is a thin layer over this."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from summarizer.cache import AnswerCache, CachedAnswers
from summarizer.core.document import Document
from summarizer.core.figures import find_figures
from summarizer.core.schema import SECTIONS, Briefing, Extraction, Flags, Provenance, SentenceRole, Usage
from summarizer.errors import AnswerInvalid
from summarizer.extract.answering import Answer, Answerer, assemble
from summarizer.extract.client import ModelConfig
from summarizer.extract.plan import Part, plan
from summarizer.extract.prompts import Prompt, load_prompt
from summarizer.extract.provider import Provider, resolve
from summarizer.ground.expand import expand
from summarizer.ground.evidence import ground_items, index_of
from summarizer.ground.lead import build_lead
from summarizer.ground.meta import check_meta
from summarizer.ground.people import merge_people
from summarizer.ground.sections import reconcile
from summarizer.schema_export import schema_version
from summarizer.source.load import read_document
from summarizer.source.read import decode
from summarizer.source.split import split_document

log = logging.getLogger("summarizer")


def load_document(path: Path | str, encoding: str | None = None, name: str | None = None) -> Document:
    """Read, decode and split one report file, named `name` (default: the file's name). Raises
    SourceError for anything that is not a readable regular file of report text (see source.load)."""
    path = Path(path)
    return read_document(str(path), name or path.name, encoding=encoding)


def document_from_text(text: str, name: str = "<text>") -> Document:
    raw = text.encode("utf-8")
    return split_document(name, decode(raw, name), raw)


class Summarizer:
    """Reports in, grounded briefings out, their requests answered by one Answerer.

    `answerer` (extract/answering.py) answers the plan's requests: the live client, a Batch output
    file, a test's fake. Without one, the server `config` names (default: the environment's) is
    resolved (extract/provider.py) and connected, the embedded model started when none is named,
    and closed with this summarizer. `config` decides the plan (extract/plan.py) and goes into each
    briefing's provenance. With `cache`, answers given before come from it (cache.CachedAnswers)."""

    def __init__(self, config: ModelConfig | None = None, answerer: Answerer | None = None, *,
                 prompt: Prompt | None = None, strict: bool = False, cache: AnswerCache | None = None,
                 http_client=None) -> None:
        """Raises ConfigError when no server is named and the embedded model cannot start."""
        self.provider: Provider | None = None  # the server this summarizer connected to, if it did
        if answerer is None:
            self.provider = resolve(config or ModelConfig.from_env())
            answerer = self.provider.connect(http_client)
            config = self.provider.config
        self.answerer = CachedAnswers(answerer, cache) if cache is not None else answerer
        self.config = config or ModelConfig()
        self.prompt = prompt or load_prompt()
        self.strict = strict

    def summarize_document(self, doc: Document) -> Briefing:
        """The briefing of one report. Raises SourceError (no sentences, too many parts) or ModelError."""
        draft = self.draft(doc)
        return self.finish(doc, draft.extraction, draft.usage)

    def extract(self, doc: Document) -> tuple[Extraction, Usage]:
        """The model's draft of one report and the usage of the answers it rests on."""
        draft = self.draft(doc)
        return draft.extraction, draft.usage

    def draft(self, doc: Document) -> Draft:
        """The model's draft of one report, asked as plan() says: a report longer than one request
        takes is asked in parts, whose items are renumbered into the whole report and merged;
        grounding and the removal of repeats then run on the whole report, so evidence spans point
        into the original file. Raises SourceError or ModelError; whatever is raised carries in
        `spent` the usage of the answers the report had received (they were paid for)."""
        the_plan = plan(doc, self.config, self.prompt)
        if len(the_plan.parts) > 1:
            log.info("%s: %d parts of at most %d characters", doc.name, len(the_plan.parts), self.config.report_limit)
        drafts, usage, spent = [], Usage(), Usage()
        try:
            for part in the_plan.parts:
                extraction, part_usage, part_spent = self._draft_part(part)
                usage, spent = usage + part_usage, spent + part_spent
                drafts.append(_renumbered(extraction, part.document.offset))
        except Exception as e:
            e.spent = spent + (getattr(e, "spent", None) or Usage())
            raise
        return Draft(_merged(drafts), usage, spent)

    def _draft_part(self, part: Part) -> tuple[Extraction, Usage, Usage]:
        """One request per section (a small model lists far more items that way) → (draft, usage of
        the answers it rests on, usage of the answers received now)."""
        answers: dict[str, Answer | None] = {}
        reasons: dict[str, str] = {}
        spent = Usage()
        try:
            for request in part.requests:
                try:
                    answer = self.answerer.answer(request)
                except AnswerInvalid as e:
                    # degrade, never lose: this section's items will come from the rules, flagged
                    spent = spent + (e.spent or Usage())
                    if not e.cached:
                        log.warning("%s: %s; its items come from the rules", request.label, e)
                    answers[request.section], reasons[request.section] = None, str(e)
                    continue
                answers[request.section] = answer
                spent = spent if answer.cached else spent + answer.usage
            if len(reasons) == len(answers):  # the report fails: say why, not only that it did
                why = set(reasons.values())
                raise AnswerInvalid("no section's answer could be used: " + (
                    why.pop() if len(why) == 1 else "; ".join(f"{s}: {r}" for s, r in reasons.items())))
            extraction, usage = assemble(answers)
        except Exception as e:
            e.spent = spent + (getattr(e, "spent", None) or Usage())
            raise
        return extraction, usage, spent

    def finish(self, doc: Document, extraction: Extraction, usage: Usage, fill: bool = True) -> Briefing:
        """The model's draft → the grounded briefing, with this summarizer's provenance."""
        provenance = Provenance(
            source=doc.name, sha256=doc.sha256, model=self.config.model, mode=self.config.mode,
            prompt_version=self.prompt.version, schema_version=schema_version(), usage=usage, strict=self.strict,
        )
        return build_briefing(doc, extraction, provenance, strict=self.strict, fill=fill)

    def summarize(self, text: str, name: str = "<text>") -> Briefing:
        return self.summarize_document(document_from_text(text, name))

    def close(self) -> None:
        if self.provider is not None:
            self.provider.close()

    def __enter__(self) -> Summarizer:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


@dataclass
class Draft:
    """The model's draft of one report (its items cite the report's own sentence numbers)."""

    extraction: Extraction
    usage: Usage  # of the answers the draft rests on, cached ones included: goes into provenance
    spent: Usage  # of every answer received now, failed ones included; zero when all came from the cache


def _renumbered(extraction: Extraction, offset: int) -> Extraction:
    """A part's draft with its sentence numbers made the whole report's (a copy: answers may be shared)."""
    if not offset:
        return extraction
    return extraction.model_copy(update={section: [
        item.model_copy(update={"sentences": [n + offset for n in item.sentences]})
        for item in getattr(extraction, section)] for section in SECTIONS})


def _merged(drafts: list[Extraction]) -> Extraction:
    """The parts' drafts as one: the first part's header, everyone's items and people in order."""
    if len(drafts) == 1:
        return drafts[0]
    first = drafts[0]
    return Extraction(
        title=first.title, locality=first.locality, period=first.period, meeting=first.meeting,
        people=[p for d in drafts for p in d.people],
        **{section: [item for d in drafts for item in getattr(d, section)] for section in SECTIONS},
        unanswered=sorted({s for d in drafts for s in d.unanswered}, key=SECTIONS.index),
    )


def build_briefing(doc: Document, extraction: Extraction, provenance: Provenance, strict: bool = False,
                   fill: bool = True) -> Briefing:
    """Everything after the model: evidence, sections, figures, people, checks. Deterministic.
    `fill=False` leaves out the sentences the model missed (to measure the model alone)."""
    flags = Flags()
    extraction = expand(doc, extraction)  # the model points at ideas by their first words; code quotes them
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
