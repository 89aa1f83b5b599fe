"""What is asked of the model for one report: the only place that decides it.

A report longer than one request may carry is split into parts at sentence boundaries; each part is
asked once per section, with the same schema and the report first, so a server's prompt cache serves
the second and third request. The plan is pure (no I/O, no client): the online path, the answer
cache, Batch export and import, cassette recording and the benchmarks all follow the same plan, so
what is sent cannot differ between them.

    the_plan = plan(document, config)
    for part in the_plan.parts:            # part.document: sentences numbered from 1, part.offset
        for request in part.requests:      # one per section: request.messages, request.custom_id
            ...
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass

from summarizer.core.document import Document
from summarizer.core.schema import SECTIONS
from summarizer.errors import SourceError
from summarizer.extract.prompts import Prompt, load_prompt
from summarizer.schema_export import schema_version
from summarizer.structure import scope

MAX_PARTS = 20  # a report needing more parts is more likely a corpus dump than one report


@dataclass(frozen=True)
class Request:
    """One request: one section of one part of a report."""

    part: Document  # the text asked about: its sentence n is sentence n + part.offset of the report
    section: str  # achievements, shortfalls or tasks
    messages: tuple[dict[str, str], ...]  # [system, user], as sent
    key: str  # the answer cache's key of the part (the same for each section of it)
    custom_id: str  # names the request in a Batch file: NAME#SHA256-PREFIX#SECTION, or …#pK#SECTION in parts
    part_number: int  # 1-based
    parts: int  # how many parts the report has
    part_sections: tuple[str, ...]  # the sections this part is asked for, in the order they are asked

    @property
    def sentence_count(self) -> int:
        """The only sentence numbers an answer may cite are 1..sentence_count."""
        return len(self.part.sentences)

    @property
    def label(self) -> str:
        """How log lines name the request: `x.txt (achievements)`."""
        return f"{self.part.name} ({self.section})"

    @property
    def where(self) -> str:
        """How errors name the request within its report: `shortfalls`, or `part 2 of 3, shortfalls`."""
        return self.section if self.parts == 1 else f"part {self.part_number} of {self.parts}, {self.section}"


@dataclass(frozen=True)
class Part:
    document: Document  # sentences numbered from 1; document.offset places them in the report
    key: str  # the answer cache's key: what the model saw and how it was asked
    requests: tuple[Request, ...]  # one per section, in the order they are asked


@dataclass(frozen=True)
class Plan:
    document: Document  # the whole report
    parts: tuple[Part, ...]

    @property
    def requests(self) -> tuple[Request, ...]:
        return tuple(r for part in self.parts for r in part.requests)


def plan(document: Document, config, prompt: Prompt | None = None) -> Plan:
    """The requests for `document` under `config` (a ModelConfig: its report_limit splits the
    report; model, mode, temperature and max_tokens are part of the cache key) with `prompt`
    (default: the shipped prompt). Raises SourceError for a report without sentences, or one that
    needs more than MAX_PARTS parts."""
    if not document.sentences:
        raise SourceError(document.name, "no sentences found in the report")
    prompt = prompt or load_prompt()
    limit = config.report_limit
    parts = document.parts(limit)
    if len(parts) > MAX_PARTS:
        length = sum(len(s.text) for s in document.sentences)
        raise SourceError(document.name, f"the report has {length:,} characters: {len(parts)} parts of at most "
                                         f"{limit:,}, more than {MAX_PARTS} (split it, or raise --max-chars)")
    return Plan(document, tuple(_part(p, k, len(parts), config, prompt) for k, p in enumerate(parts, 1)))


def _part(part: Document, number: int, parts: int, config, prompt: Prompt) -> Part:
    hints = scope.by_section(part)  # the sentences the cue phrases point at, shown in each task
    key = part_key(part, hints, prompt, config)
    stem = f"{part.name}#{part.sha256[:16]}#" + ("" if parts == 1 else f"p{number}#")
    requests = tuple(
        Request(part=part, section=section, messages=tuple(prompt.messages(part, section, hints[section])), key=key,
                custom_id=stem + section, part_number=number, parts=parts, part_sections=SECTIONS)
        for section in SECTIONS)
    return Part(part, key, requests)


def part_key(part: Document, hints: dict[str, list[int]], prompt: Prompt, config) -> str:
    """The cache key of one part: its numbered sentences and the hints (a change of the scope rules
    must miss the cache), the prompt and schema versions (content hashes), the model, the mode and
    the generation parameters."""
    return cache_key(part.numbered() + "\n" + json.dumps(hints, sort_keys=True), prompt.version, schema_version(),
                     config.model, config.mode, config.temperature, config.max_tokens)


def cache_key(numbered_text: str, prompt_version: str, schema_version: str, model: str, mode: str,
              temperature: float, max_tokens: int) -> str:
    """sha256 (hex) of the JSON list of its arguments: an answer is reused only when all of them match."""
    material = json.dumps([numbered_text, prompt_version, schema_version, model, mode, temperature, max_tokens],
                          ensure_ascii=False)
    return hashlib.sha256(material.encode("utf-8")).hexdigest()
