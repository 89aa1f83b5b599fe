"""Compare prompt/schema designs on the seeds against a live OpenAI-compatible server.

    python bench/compare_designs.py --base-url http://127.0.0.1:8081/v1 --model NAME \
        --designs numbers,quotes seeds/001_09e389f302c63ca9.txt seeds/003_9da10d9c084d8620.txt

Designs:
  sections the shipped design: one request per section, items cite sentence numbers (SectionAnswer)
  numbers  one request for the whole briefing, items cite sentence numbers (Extraction, task-all)
  quotes   one request, items carry a verbatim quote instead (prompts/briefing-quotes)
Per document it prints output tokens, wall time, how often the model's own evidence was right (the
cited sentences / the sentence holding the quote contain the item's numbers and most of its words),
how often a quote was verbatim, and the gold recall after grounding. Needs a model server; not a test.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from pydantic import BaseModel, Field

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from summarizer.core.schema import DraftItem, DraftPerson, Extraction, Provenance  # noqa: E402
from summarizer.core.text import content_words, numbers_in  # noqa: E402
from summarizer.eval.score import load_gold, score, totals  # noqa: E402
from summarizer.extract.client import Answer, Extractor, ModelConfig  # noqa: E402
from summarizer.extract.prompts import load_prompt  # noqa: E402
from summarizer.ground.evidence import _explains, _Index  # noqa: E402
from summarizer.pipeline import Summarizer, build_briefing, load_document  # noqa: E402


class QuoteItem(BaseModel):
    text: str = Field(description="Câu tiếng Việt ngắn")
    quote: str = Field(description="Câu nguồn")


class QuoteExtraction(BaseModel):
    """Bản tóm tắt có cấu trúc của một bài báo."""

    title: str = Field(description="Tiêu đề")
    locality: str | None = Field(description="Địa phương")
    period: str | None = Field(description="Kỳ báo cáo")
    meeting: str | None = Field(description="Cuộc họp")
    achievements: list[QuoteItem] = Field(description="Kết quả đạt được")
    shortfalls: list[QuoteItem] = Field(description="Hạn chế, khó khăn")
    tasks: list[QuoteItem] = Field(description="Nhiệm vụ, giải pháp")
    people: list[DraftPerson] = Field(description="Người được nêu tên")


def _quote_sentences(doc, quote: str) -> tuple[list[int], bool]:
    """Sentences the quote stands in (verbatim), else the sentence sharing most words with it."""
    quote = quote.strip().strip('"“”')
    hits = [s.number for s in doc.sentences if quote and (quote in s.text or s.text in quote)]
    if hits:
        return hits, True
    words = content_words(quote)
    best = max(doc.sentences, key=lambda s: len(words & content_words(s.text)))
    return [best.number], False


def run(design: str, path: Path, extractor: Extractor, config: ModelConfig) -> dict:
    doc = load_document(path)
    prompt = load_prompt("briefing-quotes" if design == "quotes" else "briefing")
    started = time.monotonic()
    if design == "sections":
        summarizer = Summarizer(config, extractor, prompt=prompt)  # the shipped plan, this bench's client
        extraction, usage = summarizer.extract(doc)
        answer = Answer(extraction=extraction, usage=usage, reasks=0)
    else:
        model = Extraction if design == "numbers" else QuoteExtraction
        answer = extractor.extract(prompt.messages(doc, "all"), len(doc.sentences), model, path.name)
    seconds = time.monotonic() - started
    index = _Index.of(doc)
    right = verbatim = total = 0
    sections = {}
    samples = []
    for section in ("achievements", "shortfalls", "tasks"):
        drafts = []
        for item in getattr(answer.extraction, section):
            if design != "quotes":
                cited, exact = item.sentences, True
            else:
                cited, exact = _quote_sentences(doc, item.quote)
            total += 1
            verbatim += exact
            right += _explains(index, cited, content_words(item.text), numbers_in(item.text))
            drafts.append(DraftItem(text=item.text, sentences=cited))
            if len(samples) < 3:
                samples.append({"text": item.text[:80], "model": getattr(item, "quote", None) or item.sentences,
                                "resolved": cited})
        sections[section] = drafts
    extraction = Extraction(title=answer.extraction.title, locality=answer.extraction.locality,
                            period=answer.extraction.period, meeting=answer.extraction.meeting,
                            people=answer.extraction.people, **sections)
    provenance = Provenance(source=doc.name, sha256=doc.sha256, model=config.model, mode=config.mode,
                            prompt_version=prompt.version, schema_version=design, usage=answer.usage)
    gold_path = ROOT / "seeds" / "gold" / (path.stem + ".json")
    gold = load_gold(gold_path) if gold_path.exists() else None
    briefing = build_briefing(doc, extraction, provenance)
    scored = score(briefing, gold, doc.text) if gold else None
    model_only = score(build_briefing(doc, extraction, provenance, fill=False), gold, doc.text) if gold else None
    return {
        "design": design, "doc": path.name, "seconds": round(seconds, 1),
        "completion_tokens": answer.usage.completion_tokens, "prompt_tokens": answer.usage.prompt_tokens,
        "items": total, "model_evidence_right": right, "quotes_verbatim": verbatim if design == "quotes" else None,
        "recall": totals([scored]) if scored else None,
        "model_only": totals([model_only]) if model_only else None,
        "moved": briefing.flags.items_moved, "added": briefing.flags.items_added, "samples": samples,
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--base-url", required=True)
    ap.add_argument("--model", required=True)
    ap.add_argument("--mode", default="tools")
    ap.add_argument("--designs", default="sections,numbers,quotes")
    ap.add_argument("--out", type=Path, help="append JSON lines here")
    ap.add_argument("docs", nargs="+", type=Path)
    args = ap.parse_args()
    config = ModelConfig(model=args.model, base_url=args.base_url, mode=args.mode, reasks=0)
    extractor = Extractor(config)
    for path in args.docs:
        for design in args.designs.split(","):
            row = run(design, path, extractor, config)
            line = json.dumps(row, ensure_ascii=False)
            print(line, flush=True)
            if args.out:
                with open(args.out, "a", encoding="utf-8") as f:
                    f.write(line + "\n")


if __name__ == "__main__":
    main()
