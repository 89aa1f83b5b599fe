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

    def sentence(self, number: int) -> Sentence:
        if not 1 <= number <= len(self.sentences):
            raise KeyError(f"sentence {number} does not exist (1..{len(self.sentences)})")
        return self.sentences[number - 1]

    def numbered(self) -> str:
        """The sentences as the prompt shows them: one per line, `[n] text`."""
        return "\n".join(f"[{s.number}] {s.text}" for s in self.sentences)
