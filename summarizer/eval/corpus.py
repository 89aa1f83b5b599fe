"""Score a whole annotated corpus three ways: the rules alone, the model alone, and the full pipeline.

A corpus folder holds NAME.txt reports and gold/NAME.json annotations (seeds/gold/README.md); an
answers folder holds the model's raw drafts per report (scripts/ask_corpus.py writes them). Used by
bench/quality.py and by the corpus quality tests, so both measure the same thing.
"""

from __future__ import annotations

import json
from pathlib import Path

from summarizer.core.schema import SECTIONS, Briefing, Extraction, Flags, Provenance, Usage
from summarizer.eval.score import DocScore, load_gold, score
from summarizer.ground.evidence import ground_items
from summarizer.ground.expand import expand
from summarizer.ground.meta import check_meta
from summarizer.ground.people import merge_people
from summarizer.pipeline import build_briefing, load_document


def _provenance(doc) -> Provenance:
    return Provenance(source=doc.name, sha256=doc.sha256, model="-", mode="-", prompt_version="-",
                      schema_version="-", usage=Usage())


def empty() -> Extraction:
    return Extraction(title="", locality=None, period=None, meeting=None, achievements=[], shortfalls=[], tasks=[],
                      people=[])


def model_alone(doc, extraction: Extraction) -> Briefing:
    """The model's own filing: its items where it put them, evidence from its citations, no code rules."""
    extraction = expand(doc, extraction)
    sections = {s: ground_items(doc, getattr(extraction, s)) for s in SECTIONS}
    for items in sections.values():
        for item in items:  # its own citations, not the code's realignment
            cited = [n for n in item.cited if 1 <= n <= len(doc.sentences)]
            item.evidence = [e for e in item.evidence if e.sentence in cited] or item.evidence
    meta, _ = check_meta(doc, extraction)
    meta.update(locality=extraction.locality, period=extraction.period)
    people = [p for p in merge_people(doc, extraction.people) if p.found_by in ("model", "both")]  # the model's own
    return Briefing(**meta, **sections, people=people, flags=Flags(), provenance=_provenance(doc))


def run(reports: Path, answers: Path | None = None) -> dict[str, dict[str, list[DocScore]]]:
    """{"rules"|"model"|"pipeline"|"strict": {era: [DocScore]}}; all but "rules" only for reports with a
    draft in `answers`. The era is the gold's "era" ("pre2025", "post2025"), or "seeds"."""
    out: dict[str, dict[str, list]] = {"rules": {}, "model": {}, "pipeline": {}, "strict": {}}
    for gold_path in sorted((reports / "gold").glob("*.json")):
        gold = load_gold(gold_path)
        doc = load_document(reports / gold["doc"])
        era = gold.get("era", "seeds")
        out["rules"].setdefault(era, []).append(score(build_briefing(doc, empty(), _provenance(doc)), gold, doc.text))
        draft = answers / (Path(gold["doc"]).stem + ".json") if answers else None
        if draft and draft.exists():
            extraction = Extraction.model_validate(json.loads(draft.read_text(encoding="utf-8"))["extraction"])
            out["model"].setdefault(era, []).append(score(model_alone(doc, extraction), gold, doc.text))
            out["pipeline"].setdefault(era, []).append(
                score(build_briefing(doc, extraction, _provenance(doc)), gold, doc.text))
            out["strict"].setdefault(era, []).append(
                score(build_briefing(doc, extraction, _provenance(doc), strict=True), gold, doc.text))
    return out


