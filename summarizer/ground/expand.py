"""The model points, the code quotes: an item the model wrote as a few words becomes its source clause.

Writing is what the embedded model spends its time on (about 0.15 s per token on 2 cores), and most
of what it wrote were copies of sentences the code already has. So the prompt asks for each idea's
first words, copied, and its sentence number; this stage finds the clause (structure/scope.py: a
sentence cut at ";" and list colons) those words open or lie in, and the item's text becomes that
clause, verbatim. An item the model wrote out in full (a capable model may ignore the word limit; an
older draft did) is matched the same way: it takes every clause of its sentence it covers.

Where the words are not in a cited sentence (small models often cite the next one), the neighbours
and then the whole report are searched. A clause is only taken when it also says what the item
claims: every number the item states (a number cut short at the end of the item may be the start of
one) and its claim words (đạt, tăng, chưa, a task's opening verb: evidence.py). An item whose figure
the source does not give, or a task made of a result ("Tăng cường thu ngân sách" on "thu ngân sách
đạt …"), is not quietly turned into a faithful quote. Such items, and words found nowhere, are
left as the model wrote them, and grounding (evidence.py) flags them as not from the source.
"""

from __future__ import annotations

from summarizer.core.document import Document
from summarizer.core.schema import SECTIONS, DraftItem, Extraction
from summarizer.core.text import canonical, content_words, coverage, numbers_in
from summarizer.ground.evidence import unbacked_claims
from summarizer.structure import scope

FOUND = 0.6  # share of the item's words a clause must hold to be the one it points at
COVERED = 0.5  # share of a clause's words an item must hold to take the clause as well


def expand(doc: Document, extraction: Extraction) -> Extraction:
    """`extraction` (its items cite the report's own sentence numbers) with every item's text replaced
    by the source text of the clauses it points at, cited sentence set to theirs. Items that come to
    the same clauses stay (reconciling keeps one and counts the repeat). Pure: returns a copy."""
    by_sentence = scope.by_sentence(doc)
    update = {}
    for section in SECTIONS:
        items = []
        for item in getattr(extraction, section):
            found = _point(doc, item, by_sentence)
            items.append(item if found is None else DraftItem.model_construct(
                text=doc.text[found[0].start:found[-1].end], sentences=[found[0].sentence]))
        update[section] = items
    return extraction.model_copy(update=update)


def _point(doc: Document, item: DraftItem, by_sentence: dict[int, list[scope.Clause]]) -> list[scope.Clause] | None:
    """The clauses of one sentence that `item` points at, in order, or None."""
    words = content_words(item.text)
    key = canonical(item.text).strip(" .;,:")
    if not words and not key:
        return None
    stated = numbers_in(item.text)
    # a number at the very end may have been cut by the length bound ("đạt 5" of "đạt 54%")
    cut = stated.pop() if stated and item.text.rstrip().endswith(stated[-1]) else None

    def fits(text: str) -> bool:
        held = numbers_in(text)
        return (all(n in held for n in stated) and (cut is None or any(h.startswith(cut) for h in held))
                and not unbacked_claims(item.text, text))

    cited = [n for n in item.sentences if n in by_sentence]
    near = [m for n in cited for m in (n + 1, n - 1) if m in by_sentence and m not in cited]
    for numbers in (cited, near, list(by_sentence)):
        best = None
        for n in numbers:
            clauses = by_sentence[n]
            # the item's words inside one clause: the clause it opens or lies in
            for c in clauses:
                share = 1.0 if key and key in canonical(c.text) else coverage(words, content_words(c.text))
                if share >= FOUND and (best is None or share > best[0]) and fits(c.text):
                    best = (share, [c])
            # a longer text: every clause of the sentence it covers, when they explain it
            taken = [c for c in clauses if content_words(c.text) and coverage(content_words(c.text), words) >= COVERED]
            if len(taken) > 1:
                joined = frozenset().union(*(content_words(c.text) for c in taken))
                share = coverage(words, joined)
                if share >= FOUND and (best is None or share > best[0]) and fits(doc.text[taken[0].start:taken[-1].end]):
                    best = (share, taken)
        if best:
            return best[1]
    return None
