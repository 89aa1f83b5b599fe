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

    def sentence(self, number: int) -> Sentence:
        if not 1 <= number <= len(self.sentences):
            raise KeyError(f"sentence {number} does not exist (1..{len(self.sentences)})")
        return self.sentences[number - 1]

    def parts(self, limit: int) -> list[Document]:
        """Split at sentence boundaries into parts of at most `limit` characters of sentence text,
        each numbered from 1 (part sentence n is sentence n + part.offset of the whole report).

        A sentence longer than `limit` (a 200,000-character line without punctuation) is cut at
        word boundaries into pieces of at most `limit` characters (inside a word only when one word
        is longer), one piece per part; each piece keeps its exact span and stands for the whole
        sentence, so an item the model finds in any piece cites that sentence."""
        parts: list[list[Sentence]] = [[]]
        size = 0
        for s in self.sentences:
            if len(s.text) > limit:
                for start, end in word_pieces(self.text, s.start, s.end, limit):
                    if parts[-1]:
                        parts.append([])
                    parts[-1].append(Sentence(s.number, start, end, self.text[start:end], s.role))
                size = limit  # nothing joins the last piece's part
                continue
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


def word_pieces(text: str, start: int, end: int, limit: int) -> list[tuple[int, int]]:
    """Spans of at most `limit` characters covering text[start:end] but for the white space between
    them, each ending at a word boundary (cut inside a word only when one word is longer than
    `limit`). Every span is trimmed and non-empty: text[a:b] is a piece of the sentence as written."""
    pieces = []
    cursor = start
    while cursor < end:
        while cursor < end and text[cursor].isspace():
            cursor += 1
        if cursor >= end:
            break
        if end - cursor <= limit:
            pieces.append((cursor, end))
            break
        cut = cursor + limit
        if not text[cut].isspace():  # inside a word: back to the white space before it
            space = max((i for i in range(cut - 1, cursor, -1) if text[i].isspace()), default=None)
            cut = space if space is not None else cut
        piece_end = cut
        while piece_end > cursor and text[piece_end - 1].isspace():
            piece_end -= 1
        pieces.append((cursor, piece_end))
        cursor = cut
    return pieces
