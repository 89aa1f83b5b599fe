"""The two pydantic models of the pipeline.

`Extraction` is what the model fills: short texts and the numbers of the sentences they rest on.
Its field descriptions are sent to the model, so they stay neutral (small models copy description
text and examples into answers); instructions live in prompts/.

`Briefing` is what the user gets: the extraction plus evidence, figures and grounding derived in code,
and provenance.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from contextvars import ContextVar
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationInfo, field_validator

PersonKind = Literal["official", "reporter", "other"]
Status = Literal["grounded", "misattributed", "invented"]
SECTIONS = ("achievements", "shortfalls", "tasks")


# --- what the model fills -------------------------------------------------------------------------

# How many sentences the report being answered has, for the citation check below. A context
# variable, not instructor's `context=`: instructor renders every message as a Jinja template when
# given a context, and a report's own text must never be read as a template.
_SENTENCE_COUNT: ContextVar[int | None] = ContextVar("sentence_count", default=None)


@contextlib.contextmanager
def citing(sentence_count: int) -> Iterator[None]:
    """Answers validated inside this block may cite only sentences 1..sentence_count."""
    token = _SENTENCE_COUNT.set(sentence_count)
    try:
        yield
    finally:
        _SENTENCE_COUNT.reset(token)



# Bounds on lengths and counts are part of the JSON Schema, so a grammar-constrained local model
# cannot loop until max_tokens (the 1.5B model did, inventing people and citing every sentence).


POINTER_CHARS = 40  # what the model may write of an item: its first words


class DraftItem(BaseModel):
    # The model writes an idea's first words and the code quotes the clause (ground/expand.py): the
    # JSON Schema's bound makes a grammar-constrained model stop at about eight words, where it would
    # otherwise copy whole sentences (2-3x the tokens, each ~0.15 s on 2 cores); answers are read up
    # to 600 characters, so a model that writes items out in full, or an older draft, still validates.
    text: str = Field(max_length=600, description="Chữ đầu của ý", json_schema_extra={"maxLength": POINTER_CHARS})
    sentences: list[int] = Field(min_length=1, max_length=4, description="Số thứ tự câu nguồn")

    @field_validator("sentences")
    @classmethod
    def _sentences_exist(cls, numbers: list[int], info: ValidationInfo) -> list[int]:
        count = (info.context or {}).get("sentence_count", _SENTENCE_COUNT.get())
        if count is not None:
            # one or two past the last sentence (or 0) is an off-by-one, not a confused answer: read as
            # the nearest sentence, since code finds the item's words around it anyway (ground/expand.py);
            # a re-ask would cost a whole request (a minute on the embedded model) for the same answer
            numbers = [count if count < n <= count + 2 else 1 if n == 0 else n for n in numbers]
            missing = [n for n in numbers if not 1 <= n <= count]
            if missing:
                raise ValueError(
                    f"câu số {missing} không tồn tại; chỉ được dùng số từ 1 đến {count}"
                )
        return list(dict.fromkeys(numbers))  # keep order, drop repeats


class DraftPerson(BaseModel):
    name: str = Field(max_length=60, description="Họ tên")
    titles: list[str] = Field(max_length=5, description="Chức vụ")
    kind: PersonKind


class SectionAnswer(BaseModel):
    """Các mục của bài báo theo yêu cầu."""

    # One schema for every request of a report: the tool definition then stays identical, so a local
    # server reuses the cached report prefix. Header fields are filled on the first request only.
    items: list[DraftItem] = Field(max_length=30, description="Các mục")
    title: str | None = Field(default=None, max_length=200, description="Tiêu đề")
    locality: str | None = Field(default=None, max_length=100, description="Địa phương")
    period: str | None = Field(default=None, max_length=100, description="Kỳ báo cáo")
    meeting: str | None = Field(default=None, max_length=200, description="Cuộc họp")
    people: list[DraftPerson] = Field(default_factory=list, max_length=10, description="Người được nêu tên")


class Extraction(BaseModel):
    """Bản tóm tắt có cấu trúc của một bài báo."""

    # The whole draft of one report: assembled from the section answers (or asked for in one call).

    title: str = Field(description="Tiêu đề")
    locality: str | None = Field(description="Địa phương")
    period: str | None = Field(description="Kỳ báo cáo")
    meeting: str | None = Field(description="Cuộc họp")
    achievements: list[DraftItem] = Field(description="Kết quả đạt được")
    shortfalls: list[DraftItem] = Field(description="Hạn chế, khó khăn")
    tasks: list[DraftItem] = Field(description="Nhiệm vụ, giải pháp")
    people: list[DraftPerson] = Field(description="Người được nêu tên")
    # sections whose answer failed validation after its re-asks: filled from the rules, never sent
    # to the model as part of a schema (SectionAnswer is what the model fills)
    unanswered: list[str] = Field(default_factory=list, exclude=False)


# --- what the user gets ---------------------------------------------------------------------------


class Evidence(BaseModel):
    sentence: int
    start: int
    end: int
    text: str


class Figure(BaseModel):
    """A quantity as written in the source, parsed the Vietnamese way (`.` thousands, `,` decimals)."""

    raw: str
    value: float | None  # as written, before the scale word: "1,2 nghìn tỷ đồng" → 1.2
    unit: str | None = None  # scale and unit as written: "nghìn tỷ đồng", "tỷ", "tạ/ha", "điểm %"
    qualifier: str | None = None  # trên, gần, ước, hơn …
    denominator: float | None = None  # 14/37 chỉ tiêu → value 14, denominator 37
    upper: float | None = None  # a range's upper bound: "5 - 7%" → value 5, upper 7
    base_value: float | None = None  # in base_unit: "1,2 nghìn tỷ đồng" and "1.200 tỷ đồng" → 1.2e12
    base_upper: float | None = None
    base_unit: str | None = None  # đồng, USD, ha, kg, m, m3, %, điểm %, or the counted noun
    implied: str | None = None  # a unit the source leaves out: "2.000 tỷ" → đồng
    measures: Literal["plan", "year_on_year", "change", "share", "amount"] | None = None
    error: str | None = None  # set when the form is ambiguous: reported, never guessed


class Item(BaseModel):
    text: str
    sentences: list[int]
    cited: list[int] = Field(description="sentence numbers as the model cited them")
    evidence: list[Evidence]
    figures: list[Figure] = Field(default_factory=list)
    status: Status
    found_by: Literal["model", "rules"] = "model"
    # who put the item in its section (ground/sections.py): model and code agree, a strong cue of the
    # source decided, only the model says so (flagged for review, dropped by --strict), or rules alone
    placement: Literal["agreed", "cue", "review", "rules"] = "agreed"
    proposed: Literal["achievements", "shortfalls", "tasks"] | None = None  # for review: the model's section
    problems: list[str] = Field(default_factory=list)


class SentenceRole(BaseModel):
    """What a numbered source sentence is (structure/roles.py); only `body` sentences hold items."""

    sentence: int
    start: int
    end: int
    role: Literal["headline", "opening", "body", "heading", "caption", "byline", "furniture"]


class Person(BaseModel):
    name: str
    titles: list[str]
    kind: PersonKind
    status: Status
    found_by: Literal["model", "rules", "both"]
    problems: list[str] = Field(default_factory=list)


class Usage(BaseModel):
    prompt_tokens: int = 0
    completion_tokens: int = 0
    requests: int = 0

    @property
    def total_tokens(self) -> int:
        return self.prompt_tokens + self.completion_tokens

    def __add__(self, other: Usage) -> Usage:
        return Usage(
            prompt_tokens=self.prompt_tokens + other.prompt_tokens,
            completion_tokens=self.completion_tokens + other.completion_tokens,
            requests=self.requests + other.requests,
        )


class Provenance(BaseModel):
    source: str
    sha256: str
    model: str
    mode: str
    prompt_version: str
    schema_version: str
    usage: Usage
    # the input file's absolute path (None for standard input): which input an output belongs to
    path: str | None = None
    strict: bool = False  # made with --strict (part of what makes a briefing up to date)


class Flags(BaseModel):
    """What the editor must look at: counts of items and people the source does not back."""

    items_grounded: int = 0
    items_misattributed: int = 0
    items_invented: int = 0
    items_realigned: int = 0  # evidence moved by code from the sentences the model cited
    items_moved: int = 0  # put in another section because the source sentence reads as that
    items_merged: int = 0  # repeats of another item (same evidence and numbers) kept once
    items_added: int = 0  # source clauses the model left out, added because a strong cue labels them
    items_review: int = 0  # filed by the model alone, against or without the source's cues: check them
    items_not_body: int = 0  # dropped: they rested on a headline, opening, caption, byline or furniture
    # sections whose answer failed validation after its re-asks: their items come from the rules alone
    sections_from_rules: list[str] = Field(default_factory=list)
    people_ungrounded: int = 0
    people_left_out: int = 0  # named by the model but not by the source: not listed, named in the notes
    dropped: int = 0  # removed by --strict
    notes: list[str] = Field(default_factory=list)  # title/locality/period/meeting checks

    @property
    def to_check(self) -> int:
        """Items and people the editor must look at: not backed by their evidence, not in the source,
        or filed by the model alone."""
        return self.items_misattributed + self.items_invented + self.items_review + self.people_ungrounded


class Briefing(BaseModel):
    model_config = ConfigDict(extra="forbid")

    title: str
    locality: str | None
    period: str | None
    meeting: str | None
    # the sapo an editor pastes: built by code from the grounded items (ground/lead.py), every figure
    # in it one of theirs; "" when no item is grounded (and in briefings written before it existed)
    lead: str = Field(default="", description="2–3 câu mở đầu do máy lập từ các mục có dẫn chứng")
    achievements: list[Item]
    shortfalls: list[Item]
    tasks: list[Item]
    people: list[Person]
    flags: Flags
    provenance: Provenance
    # items only the model files in a section, against or without the source's cues: for the editor
    # to check, each with the section the model proposed (`proposed`); --strict drops them
    review: list[Item] = Field(default_factory=list)
    # every sentence that is not body text, with its role: the structure the editor can check
    structure: list[SentenceRole] = Field(default_factory=list)

    def items(self):
        for section in SECTIONS:
            for item in getattr(self, section):
                yield section, item
