"""Ask the model about every report of a corpus folder and keep its raw drafts, for measuring.

    python scripts/ask_corpus.py corpus/check corpus/answers/qwen2.5-coder-1.5b/check

One JSON per report (`NAME.json`): the model's draft (the Extraction, before any grounding), the
request usage, the seconds it took, the prompt and schema versions and the hints it was shown. With
the drafts kept, `bench/quality.py` re-scores "model alone" and "full pipeline" offline after every
change of the code-side rules; a change of prompts/, the schema or the hints needs a new run (the
versions recorded here say which run a draft came from). Uses the same Summarizer as the CLI: the
embedded model unless OPENAI_BASE_URL / OPENAI_API_KEY say otherwise. A report already in OUT is
skipped, so a stopped run resumes; answers come from the answer cache when `summarizer summarize`
already asked the same report the same way (so its drafts are exactly the ones behind its briefings).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from summarizer.cache import AnswerCache  # noqa: E402
from summarizer.pipeline import Summarizer, load_document  # noqa: E402
from summarizer.schema_export import schema_version  # noqa: E402
from summarizer.structure import scope  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpus", type=Path, help="folder of NAME.txt reports")
    ap.add_argument("out", type=Path, help="folder for NAME.json drafts")
    args = ap.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    reports = sorted(args.corpus.glob("*.txt"))
    with AnswerCache() as cache, Summarizer(cache=cache) as summarizer:
        for path in reports:
            target = args.out / (path.stem + ".json")
            if target.exists():
                continue
            doc = load_document(path)
            started = time.monotonic()
            extraction, usage = summarizer.extract(doc)
            seconds = round(time.monotonic() - started, 1)
            record = {
                "doc": path.name, "model": summarizer.config.model, "prompt_version": summarizer.prompt.version,
                "schema_version": schema_version(), "hints": scope.by_section(doc), "seconds": seconds,
                "usage": usage.model_dump(), "extraction": extraction.model_dump(),
            }
            tmp = target.with_suffix(".tmp")
            tmp.write_text(json.dumps(record, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
            tmp.replace(target)
            print(f"{path.name}: {seconds} s, {usage.completion_tokens} tokens written", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
