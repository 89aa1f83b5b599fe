"""Put each item in the section its source sentence belongs to, and complete what the model missed.

The 1.5B model lists shortfalls as achievements and skips whole sections on long reports. The cue
phrases (core/cues.py) label sentences reliably, so code has the last word:
- an item whose evidence sentences the cues all label as another section moves there;
- a repeated item (same section, evidence and numbers, nearly the same words) is kept once, counted;
- a cue-labelled sentence no item rests on becomes an item of its own, its text the sentence itself,
  marked `found_by: rules` so the editor can tell it from the model's.
"""

from __future__ import annotations

from summarizer.core import cues
from summarizer.core.document import Document
from summarizer.core.schema import SECTIONS, Evidence, Item
from summarizer.core.text import content_words, coverage, numbers_in

SECTION_NAMES = {"achievements": "kết quả", "shortfalls": "hạn chế", "tasks": "nhiệm vụ"}


def _without_repeats(items: list[Item]) -> list[Item]:
    """Keep one of the items that rest on the same sentences and say the same thing (one's words
    nearly all within the other's); the grounded one with the fewest words of its own wins."""
    kept: list[Item] = []
    for item in items:
        words = content_words(item.text)
        numbers = numbers_in(item.text)
        twin = next((k for k in kept if k.sentences == item.sentences and numbers_in(k.text) == numbers and (
            coverage(words, content_words(k.text)) >= 0.9 or coverage(content_words(k.text), words) >= 0.9)), None)
        if twin is None:
            kept.append(item)
        elif (item.status == "grounded", -len(words)) > (twin.status == "grounded", -len(content_words(twin.text))):
            kept[kept.index(twin)] = item
    return kept


def reconcile(doc: Document, sections: dict[str, list[Item]], fill: bool = True) -> tuple[dict[str, list[Item]], int, int, int]:
    """Returns the sections and the numbers of items moved, merged as repeats, and added from the cues."""
    labels = cues.classify(doc)
    out: dict[str, list[Item]] = {s: [] for s in SECTIONS}
    moved = 0
    for section in SECTIONS:
        for item in sections.get(section, []):
            target = section
            found = {labels.get(n) for n in item.sentences}
            if item.status != "invented" and len(found) == 1 and None not in found and section not in found:
                target = found.pop()
                item.problems.append(f"moved from {section}: the source sentence reads as {SECTION_NAMES[target]}")
                moved += 1
            out[target].append(item)
    merged = 0
    for section in SECTIONS:
        before = len(out[section])
        out[section] = _without_repeats(out[section])
        merged += before - len(out[section])
    added = 0
    if fill:
        covered = {n for items in out.values() for item in items if item.status != "invented" for n in item.sentences}
        for number, section in sorted(labels.items()):
            if number in covered:
                continue
            s = doc.sentence(number)
            out[section].append(Item(
                text=s.text, sentences=[number], cited=[], found_by="rules", status="grounded",
                evidence=[Evidence(sentence=number, start=s.start, end=s.end, text=s.text)],
            ))
            added += 1
        for section in SECTIONS:  # in source order, as an editor reads the report
            out[section].sort(key=lambda it: (min(it.sentences) if it.sentences else 0))
    return out, moved, merged, added
