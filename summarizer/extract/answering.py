"""The answering seam: a request of the plan in, an answer with its usage out.

Anything that answers requests is an Answerer: the live client (extract/client.py), the answer cache
in front of another answerer (cache.py), a provider's Batch output file (batchapi.py), and the fakes
tests hand in. The Summarizer takes one and never asks which it is.

The answers of one part are put together into its draft by `assemble`; `split` takes a draft apart
into the answers it was assembled from (the answer cache keeps drafts, as it always has, and answers
sections from them): assemble(split(draft, usage)) gives the same draft and usage back.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from pydantic import BaseModel

from summarizer.core.schema import SECTIONS, Extraction, SectionAnswer, Usage
from summarizer.errors import AnswerInvalid
from summarizer.extract.plan import Request


@dataclass
class Answer:
    extraction: BaseModel  # a SectionAnswer for the plan's requests
    usage: Usage  # every answer the server gave for the request, re-asks and a doubled budget included
    reasks: int = 0
    cached: bool = False  # given again from the answer cache: nothing was paid for it this time


class Answerer(Protocol):
    def answer(self, request: Request) -> Answer:
        """The answer to `request`. Raises AnswerInvalid when an answer came but none could be used
        (the section then comes from the rules), ModelError when the request failed; either carries
        in `spent` the usage of the answers received before it failed."""
        ...


def assemble(answers: dict[str, Answer | None]) -> tuple[Extraction, Usage]:
    """The section answers of one part (None: that section's answer could not be used) → its draft
    and usage. The header comes from the first answer; a section without one is listed as
    unanswered. Raises AnswerInvalid when no section answered: a briefing from the rules alone
    would pass off a broken server as a report."""
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


def split(extraction: Extraction, usage: Usage) -> dict[str, Answer | None]:
    """A part's draft → section answers that assemble into it again (marked cached): the header,
    the people and the usage go with the first section that answered, each section keeps its items,
    an unanswered section is None."""
    answers: dict[str, Answer | None] = {}
    first = True
    for section in SECTIONS:
        if section in extraction.unanswered:
            answers[section] = None
            continue
        # model_construct: the draft was validated when it was made; the merged people of three
        # answers may exceed what one answer may list
        fields = dict(items=getattr(extraction, section), people=extraction.people if first else [])
        if first:
            fields.update(title=extraction.title, locality=extraction.locality, period=extraction.period,
                          meeting=extraction.meeting)
        else:
            fields.update(title=None, locality=None, period=None, meeting=None)
        answers[section] = Answer(SectionAnswer.model_construct(**fields), usage if first else Usage(), cached=True)
        first = False
    return answers
