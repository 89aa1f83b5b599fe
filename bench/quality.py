"""Quality on an annotated corpus: rules alone, model alone and the full pipeline, side by side.

    python bench/quality.py corpus/check --answers corpus/answers/qwen2.5-coder-1.5b/check
    python bench/quality.py corpus/tune --answers … --by-era --json

REPORTS holds NAME.txt and REPORTS/gold/NAME.json (the format of seeds/gold/README.md). --answers
holds the model's raw drafts (scripts/ask_corpus.py); without it only the rules are scored.
- rules alone: the code's own reading (structure, scope, people, locality, period) with no model;
- model alone: the model's items in the sections it chose, evidence from its own citations;
- full pipeline: what `summarizer summarize` writes from the same drafts; strict: the same with --strict.
Scores are those of `summarizer eval` (summarizer/eval/score.py).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from summarizer.eval.corpus import run  # noqa: E402
from summarizer.eval.score import confusion_table, totals  # noqa: E402

KEYS = ["achievements_recall", "achievements_precision", "shortfalls_recall", "shortfalls_precision",
        "tasks_recall", "tasks_precision", "item_recall", "item_precision", "people_precision", "people_recall",
        "reporters_as_officials", "number_fidelity", "non_body_items", "false_all_clear", "locality_ok", "period_ok", "docs"]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("reports", type=Path)
    ap.add_argument("--answers", type=Path)
    ap.add_argument("--by-era", action="store_true", help="also score pre-2025 and post-2025 reports apart")
    ap.add_argument("--confusion", action="store_true", help="print the confusion table of each")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    results = run(args.reports, args.answers)
    table: dict[str, dict] = {}
    for how, by_era in results.items():
        every = [s for scores in by_era.values() for s in scores]
        if not every:
            continue
        table[f"{how}"] = totals(every)
        if args.by_era:
            for era, scores in sorted(by_era.items()):
                table[f"{how} {era}"] = totals(scores)
        if args.confusion:
            print(f"{how}:\n{confusion_table(every)}\n")
    if args.json:
        print(json.dumps(table, ensure_ascii=False, indent=1))
        return 0
    cols = list(table)
    print(f"{'measure':24}" + "".join(f"{c:>18}" for c in cols))
    for k in KEYS:
        print(f"{k:24}" + "".join(f"{str(table[c].get(k)):>18}" for c in cols))
    return 0


if __name__ == "__main__":
    sys.exit(main())
