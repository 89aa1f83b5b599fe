"""A source report as the pipeline sees it: normalized text plus numbered sentences with spans.

Pure data: no I/O, no provider. Spans index into `Document.text`, the NFC-normalized decoded text of
the file (identical to the file's characters for an NFC UTF-8 report, which the seeds are).
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Sentence:
    number: int  # 1-based, as shown to the model
    start: int
    end: int
    text: str
    # what the sentence is (structure/roles.py): only "body" sentences can become items
    role: str = "body"


@dataclass(frozen=True)
class Document:
    name: str
    text: str
    sha256: str
    sentences: tuple[Sentence, ...]
    # spans of text left out of the prompt (video-player text, "Xem thêm", repeated captions …)
    noise: tuple[tuple[int, int], ...] = field(default=())
    # spans of text that addresses the model ("ignore previous instructions…"), kept out of the prompt
    suspicious: tuple[tuple[int, int], ...] = field(default=())
    # for one part of a long report: its sentence n is sentence n + offset of the whole report
    offset: int = 0
    # what pure functions derived from this report (cue labels), kept so each is computed once per
    # report though several stages ask; not part of the report's identity
    derived: dict = field(default_factory=dict, compare=False, repr=False)

    def sentence(self, number: int) -> Sentence:
        if not 1 <= number <= len(self.sentences):
            raise KeyError(f"sentence {number} does not exist (1..{len(self.sentences)})")
        return self.sentences[number - 1]

    def parts(self, limit: int) -> list[Document]:
        """Split at sentence boundaries into parts of at most `limit` characters of sentence text,
        each numbered from 1 (a sentence longer than the limit is a part of its own)."""
        parts: list[list[Sentence]] = [[]]
        size = 0
        for s in self.sentences:
            if parts[-1] and size + len(s.text) > limit:
                parts.append([])
                size = 0
            parts[-1].append(s)
            size += len(s.text)
        out = []
        for chunk in parts:
            offset = chunk[0].number - 1
            renumbered = tuple(Sentence(s.number - offset, s.start, s.end, s.text, s.role) for s in chunk)
            out.append(Document(self.name, self.text, self.sha256, renumbered, self.noise, self.suspicious, offset))
        return out

    def numbered(self) -> str:
        """The sentences as the prompt shows them: one per line, `[n] text`."""
        return "\n".join(f"[{s.number}] {s.text}" for s in self.sentences)
