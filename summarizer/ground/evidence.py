"""Ground each item in the source: evidence from cited sentences, every number checked, citations
realigned when the item's own text clearly rests on other sentences.

Small models write the right item text but cite the wrong sentence (often the next one), so the
model's citation is a hint and the code decides.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from summarizer.core.document import Document
from summarizer.core.schema import DraftItem, Evidence, Item
from summarizer.core.text import content_words, coverage, numbers_in, plain

MIN_TEXT_COVERAGE = 0.5  # share of an item's content words its evidence must contain
CLAUSE_COVERAGE = 0.7  # and of each of its sentences, when it has several
INVENTED_COVERAGE = 0.25  # below this against the best sentence of the whole report: not from the source
MAX_EVIDENCE = 3  # sentences kept when no subset of the citation explains the text
REALIGN_GAIN = 0.2  # another sentence must explain the text this much better to replace the citation


@dataclass
class _Index:
    words: list[frozenset[str]]
    numbers: list[set[str]]
    all_numbers: set[str]
    postings: dict[str, list[int]]  # word → the sentences (0-based) holding it

    @classmethod
    def of(cls, doc: Document) -> _Index:
        words = [content_words(s.text) for s in doc.sentences]
        numbers = [set(numbers_in(s.text)) for s in doc.sentences]
        postings: dict[str, list[int]] = {}
        for i, sentence_words in enumerate(words):
            for w in sentence_words:
                postings.setdefault(w, []).append(i)
        return cls(words, numbers, set().union(*numbers) if numbers else set(), postings)

    def scores(self, words: frozenset[str]) -> list[float]:
        """coverage(words, sentence) for every sentence, from the postings (an item shares words
        with few sentences, so this is much cheaper than comparing it with each)."""
        if not words:
            return [1.0] * len(self.words)
        shared = [0] * len(self.words)
        for w in words:
            for i in self.postings.get(w, ()):
                shared[i] += 1
        return [n / len(words) for n in shared]


def ground_items(doc: Document, drafts: list[DraftItem], index: _Index | None = None) -> list[Item]:
    index = index or _Index.of(doc)
    return [_ground(doc, index, d) for d in drafts if d.text.strip()]


def index_of(doc: Document) -> _Index:
    """Words and numbers of every sentence, computed once per report for all its sections."""
    return _Index.of(doc)


def _ground(doc: Document, index: _Index, draft: DraftItem) -> Item:
    text = draft.text.strip()
    words = content_words(text)
    numbers = list(dict.fromkeys(numbers_in(text)))
    cited = [n for n in draft.sentences if 1 <= n <= len(doc.sentences)]
    problems: list[str] = []

    scores = index.scores(words)  # the text against every sentence, once
    chosen = _trim(index, cited, words, numbers)
    better = _realign(index, scores, numbers)
    # realign when the citation does not explain the text, or when another sentence explains it
    # clearly better (small models cite a neighbour of the right sentence that shares its words)
    if better and better != chosen and (
        (not _explains(index, chosen, words, numbers) and _explains(index, better, words, numbers))
        or _score(index, better, words) >= _score(index, chosen, words) + REALIGN_GAIN
    ) and _has_numbers(index, better, numbers):
        chosen = better
        problems.append(f"evidence realigned: the model cited {cited}, the text rests on {better}")

    invented = [n for n in numbers if n not in index.all_numbers]
    best_anywhere = max(scores, default=0.0)
    if chosen != cited and not problems:
        problems.append(f"evidence narrowed: the model cited {cited}, the text rests on {chosen}")
    if invented:
        status = "invented"
        problems.append("numbers not in the source: " + ", ".join(invented))
    elif best_anywhere < INVENTED_COVERAGE:
        status = "invented"
        problems.append("the text matches no sentence of the source")
    elif _explains(index, chosen, words, numbers) and not (unsupported := _unsupported_clauses(index, chosen, text)) \
            and not (claims := _unbacked_claims(doc, chosen, text)):
        status = "grounded"
    else:
        status = "misattributed"
        missing = [n for n in numbers if not any(n in index.numbers[i - 1] for i in chosen)]
        if missing:
            problems.append("numbers found only elsewhere in the source: " + ", ".join(missing))
        elif _explains(index, chosen, words, numbers) and unsupported:
            problems.append("the evidence does not say: " + " / ".join(f"«{c}»" for c in unsupported))
        elif _explains(index, chosen, words, numbers):
            problems.append("claim words not in the evidence: " + ", ".join(claims))
        else:
            problems.append("the cited sentences do not say this")

    evidence = [
        Evidence(sentence=n, start=doc.sentence(n).start, end=doc.sentence(n).end, text=doc.sentence(n).text)
        for n in sorted(chosen)
    ]
    return Item(text=text, sentences=sorted(chosen), cited=draft.sentences, evidence=evidence,
                status=status, problems=problems)


# Words that make an item a claim of a given kind: a result (đạt, vượt, tăng), a shortfall (chậm, chưa,
# giảm), a task (its opening verb). An item that says one its evidence does not is not backed by it: "Tăng
# cường thu ngân sách" resting on "thu ngân sách đạt 300 tỷ đồng" turns a result into an invented task.
_CLAIMS = ("đạt", "vượt", "tăng", "giảm", "chậm", "chưa", "không", "hoàn thành")
_TASK_OPENER = re.compile(r"^(tập trung|tăng cường|đẩy mạnh|đẩy nhanh|tiếp tục|triển khai|chú trọng|quan tâm|phấn đấu|"
                          r"nâng cao|rà soát|khẩn trương|huy động|chủ động|kiên quyết|ưu tiên|cần|phải)\b")


def claims_in(text: str) -> list[str]:
    """The claim words an item's text says (whole words, lower case): đạt, vượt, tăng, giảm, chậm,
    chưa, không, hoàn thành, and a task's opening verb."""
    low = plain(text).lower()
    said = [w for w in _CLAIMS if re.search(rf"(?<!\w){w}(?!\w)", low)]
    if m := _TASK_OPENER.match(low):
        said.append(m.group(1))
    return said


def unbacked_claims(text: str, evidence: str) -> list[str]:
    """Claim words of `text` that `evidence` does not hold as whole words."""
    low = plain(evidence).lower()
    return [w for w in claims_in(text) if not re.search(rf"(?<!\w){w}(?!\w)", low)]


def _unbacked_claims(doc: Document, sentences: list[int], text: str) -> list[str]:
    """Claim words of the item (whole words) that none of its evidence sentences holds."""
    return unbacked_claims(text, " ".join(doc.sentence(n).text for n in sentences))


def _unsupported_clauses(index: _Index, sentences: list[int], text: str) -> list[str]:
    """Sentences of the item's own text that its evidence does not back: a model may prefix a faithful
    copy with a sentence of its own ("Đây là một trong những nhiệm vụ quan trọng…")."""
    evidence: set[str] = set().union(*(index.words[i - 1] for i in sentences)) if sentences else set()
    clauses = [c.strip() for c in re.split(r"(?<=[.!?…])\s+", text) if c.strip()]
    if len(clauses) < 2:
        return []
    return [c for c in clauses if len(content_words(c)) >= 4 and coverage(content_words(c), evidence) < CLAUSE_COVERAGE]


def _trim(index: _Index, cited: list[int], words: set[str], numbers: list[str]) -> list[int]:
    """The fewest cited sentences that explain the text: a model citing [1..18] for one item (small
    models degenerate into counting) must not turn the whole report into its evidence."""
    if len(cited) <= 1:
        return cited
    ranked = sorted(cited, key=lambda n: -coverage(words, index.words[n - 1]))
    chosen: list[int] = []
    for n in ranked:
        chosen.append(n)
        if _explains(index, chosen, words, numbers):
            return sorted(chosen)
    return sorted(ranked[:MAX_EVIDENCE])


def _score(index: _Index, sentences: list[int], words: set[str]) -> float:
    union: set[str] = set().union(*(index.words[i - 1] for i in sentences)) if sentences else set()
    return coverage(words, union)


def _has_numbers(index: _Index, sentences: list[int], numbers: list[str]) -> bool:
    have: set[str] = set().union(*(index.numbers[i - 1] for i in sentences)) if sentences else set()
    return all(n in have for n in numbers)


def _explains(index: _Index, sentences: list[int], words: set[str], numbers: list[str]) -> bool:
    return bool(sentences) and _has_numbers(index, sentences, numbers) and _score(
        index, sentences, words
    ) >= MIN_TEXT_COVERAGE


def _realign(index: _Index, scores: list[float], numbers: list[str]) -> list[int] | None:
    """The sentence that best explains the text, plus sentences holding numbers it still lacks."""
    if not scores:
        return None
    # among the best-covering sentences prefer one that holds the item's numbers
    top = max(scores)
    candidates = sorted((i for i, score in enumerate(scores) if score >= top - 0.1), key=lambda i: -scores[i])
    best = next((i for i in candidates if all(n in index.numbers[i] for n in numbers)), candidates[0])
    chosen = [best + 1]
    ranked: list[int] | None = None  # every sentence, best first: only needed for a number still missing
    for n in numbers:
        if not any(n in index.numbers[i - 1] for i in chosen):
            ranked = ranked or sorted(range(len(scores)), key=lambda i: -scores[i])
            holder = next((i for i in ranked if n in index.numbers[i]), None)
            if holder is None:
                return None
            chosen.append(holder + 1)
    return sorted(set(chosen))
