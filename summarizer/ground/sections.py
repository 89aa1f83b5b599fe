"""Put each item in the section its source sentence belongs to, and complete what the model missed.

The 1.5B model lists shortfalls as achievements and skips whole sections on long reports. The cue
phrases (core/cues.py) label sentences reliably, so code has the last word:
- an item whose evidence sentences the cues all label as another section moves there;
- a repeated item (same section, same evidence) is kept once;
- a cue-labelled sentence no item rests on becomes an item of its own, its text the sentence itself,
  marked `found_by: rules` so the editor can tell it from the model's.
"""

from __future__ import annotations

from summarizer.core import cues
from summarizer.core.document import Document
from summarizer.core.schema import SECTIONS, Evidence, Item

SECTION_NAMES = {"achievements": "kết quả", "shortfalls": "hạn chế", "tasks": "nhiệm vụ"}


def reconcile(doc: Document, sections: dict[str, list[Item]], fill: bool = True) -> tuple[dict[str, list[Item]], int, int]:
    """Returns the sections, the number of items moved and the number added from the cues."""
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
    for section in SECTIONS:
        seen: set[tuple] = set()
        kept = []
        for item in out[section]:
            key = (tuple(item.sentences), " ".join(item.text.lower().split()))
            if key not in seen:
                seen.add(key)
                kept.append(item)
        out[section] = kept
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
    return out, moved, added
