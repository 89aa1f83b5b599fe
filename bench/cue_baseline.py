"""The floor the model must beat: a briefing made from cue phrases alone, no model, scored on the gold.

    python bench/cue_baseline.py            # prints the eval table for the five seeds

Each sentence the cue classifier labels becomes an item whose text is the sentence itself.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from summarizer.structure.scope import by_section  # noqa: E402
from summarizer.core.schema import DraftItem, Extraction, Provenance, Usage  # noqa: E402
from summarizer.eval.score import load_gold, score, table  # noqa: E402
from summarizer.pipeline import build_briefing, load_document  # noqa: E402


def baseline(path: Path):
    doc = load_document(path)
    sections = {
        section: [DraftItem(text=doc.sentence(n).text, sentences=[n]) for n in numbers]
        for section, numbers in by_section(doc).items()
    }
    extraction = Extraction(title=doc.sentences[0].text, locality=None, period=None, meeting=None, people=[], **sections)
    provenance = Provenance(source=doc.name, sha256=doc.sha256, model="cue-baseline", mode="none",
                            prompt_version="none", schema_version="none", usage=Usage())
    return doc, build_briefing(doc, extraction, provenance)


def main() -> None:
    scores = []
    for path in sorted((ROOT / "seeds").glob("*.txt")):
        doc, briefing = baseline(path)
        scores.append(score(briefing, load_gold(ROOT / "seeds" / "gold" / f"{path.stem}.json"), doc.text))
    print(table(scores))


if __name__ == "__main__":
    main()
