"""The embedded model's seconds per report, old configuration against new, side by side in one run.

    python bench/speed.py                         # the seeds and corpus/check, old = BASELINE
    python bench/speed.py --old REV --reports seeds/000_*.txt corpus/check/a0*.txt

"Old" is the code of git revision --old (its prompts, schema, plan and grounding), checked out into a
temporary worktree; "new" is this tree. Each runs in its own worker process with its own embedded
server (each keeps its own prompt cache across reports, as a batch does), and the reports are given
to them one at a time, alternating which goes first, so both meet the same machine in the same
minutes. Timed is the model's draft of each report (Summarizer.extract: every request of its plan),
not the server's start. The answer cache is not used.

Each worker writes its drafts (the format of scripts/ask_corpus.py) to OUT/old|new/SET/NAME.json; a
report with both drafts there is not asked again, so a stopped run resumes. Then each tree scores its
own drafts with its own bench/quality.py (full pipeline) on the annotated sets, and this prints:
per report old and new seconds and tokens written; the means and the ratio new / old (goal <= 0.5);
and the quality of both on corpus/check (and the seeds).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# the last commit before the model was asked to point at ideas instead of copying them (issue 14)
BASELINE = "1ce388064c499c982e3c003d585ddfcf349e0206"
QUALITY = ["item_recall", "item_precision", "achievements_recall", "achievements_precision", "shortfalls_recall",
           "shortfalls_precision", "tasks_recall", "tasks_precision", "people_precision", "people_recall",
           "reporters_as_officials", "number_fidelity", "locality_ok", "period_ok", "docs"]

# Runs inside either tree (PYTHONPATH points at it): report paths in on stdin, one JSON line out per
# report. Only what both trees have is used.
WORKER = r"""
import json, logging, sys, time
from pathlib import Path
from summarizer.pipeline import Summarizer, load_document
from summarizer.schema_export import schema_version
from summarizer.structure import scope
logging.basicConfig(level=logging.WARNING)
with Summarizer() as summarizer:
    import summarizer as package
    print(json.dumps({"ready": summarizer.config.model, "code": package.__file__}), flush=True)
    for line in sys.stdin:
        path, target = json.loads(line)
        doc = load_document(path)
        started = time.monotonic()
        draft = summarizer.draft(doc)  # spent: every answer received, re-asks and failed ones included
        extraction, usage = draft.extraction, draft.usage
        seconds = round(time.monotonic() - started, 1)
        record = {"doc": Path(path).name, "model": summarizer.config.model, "prompt_version": summarizer.prompt.version,
                  "schema_version": schema_version(), "hints": scope.by_section(doc), "seconds": seconds,
                  "usage": usage.model_dump(), "spent": draft.spent.model_dump(), "extraction": extraction.model_dump()}
        Path(target).parent.mkdir(parents=True, exist_ok=True)
        tmp = Path(target).with_suffix(".tmp")
        tmp.write_text(json.dumps(record, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        tmp.replace(target)
        print(json.dumps({"seconds": seconds, "written": draft.spent.completion_tokens}), flush=True)
"""


class Worker:
    """One tree's Summarizer in its own process, with its own embedded server."""

    def __init__(self, tree: Path) -> None:
        env = {k: v for k, v in os.environ.items() if not k.startswith(("OPENAI_", "SUMMARIZER_"))}
        env["PYTHONPATH"] = str(tree)
        self.proc = subprocess.Popen([sys.executable, "-c", WORKER], cwd=tree, env=env, text=True,
                                     stdin=subprocess.PIPE, stdout=subprocess.PIPE)
        ready = self.proc.stdout.readline()
        if not ready:
            raise SystemExit(f"the worker in {tree} did not start (see the lines above)")
        code = Path(json.loads(ready)["code"]).resolve()
        if not code.is_relative_to(tree.resolve()):  # an installed copy must not stand in for the tree
            raise SystemExit(f"the worker for {tree} imported {code}")

    def ask(self, path: Path, target: Path) -> dict:
        self.proc.stdin.write(json.dumps([str(path), str(target)]) + "\n")
        self.proc.stdin.flush()
        line = self.proc.stdout.readline()
        if not line:
            raise SystemExit(f"a worker stopped while asking about {path.name}")
        return json.loads(line)

    def close(self) -> None:
        self.proc.stdin.close()
        self.proc.wait(timeout=60)


def quality(tree: Path, reports: Path, drafts: Path) -> dict:
    """The full pipeline's scores of `drafts` as `tree`'s own code builds its briefings."""
    out = subprocess.run([sys.executable, "bench/quality.py", str(reports), "--answers", str(drafts), "--json"],
                         cwd=tree, env=dict(os.environ, PYTHONPATH=str(tree)), capture_output=True, text=True,
                         check=True)
    return json.loads(out.stdout)["pipeline"]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--old", default=BASELINE, help="git revision of the old configuration (default: %(default).12s)")
    ap.add_argument("--reports", nargs="+", type=Path, help="default: seeds/*.txt and corpus/check/*.txt")
    ap.add_argument("--out", type=Path, default=ROOT / "bench" / "out" / "speed", help="drafts (kept: a rerun resumes)")
    args = ap.parse_args()
    reports = args.reports or sorted((ROOT / "seeds").glob("*.txt")) + sorted((ROOT / "corpus" / "check").glob("*.txt"))
    with tempfile.TemporaryDirectory(prefix="summarizer-old-") as tmp:
        old_tree = Path(tmp) / "tree"
        subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "--detach", "-q", str(old_tree), args.old], check=True)
        try:
            return run(reports, {"old": old_tree, "new": ROOT}, args.out)
        finally:
            subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(old_tree)], check=False)


def written(draft: dict) -> int:
    """Tokens the model wrote for the report: every answer, failed ones included (drafts written
    before `spent` was recorded give the usage of the answers kept)."""
    return draft.get("spent", draft["usage"])["completion_tokens"]


def _target(out: Path, config: str, path: Path) -> Path:
    return out / config / path.resolve().parent.name / (path.stem + ".json")


def run(reports: list[Path], trees: dict[str, Path], out: Path) -> int:
    todo = [p for p in reports if not all(_target(out, c, p).exists() for c in trees)]
    if todo:
        workers = {}
        try:
            for config, tree in trees.items():
                workers[config] = Worker(tree)
            for k, path in enumerate(todo):
                order = list(trees) if k % 2 == 0 else list(reversed(trees))  # alternate who goes first
                said = []
                for config in order:
                    answer = workers[config].ask(path.resolve(), _target(out, config, path))
                    said.append(f"{config} {answer['seconds']:.0f} s, {answer['written']} written")
                print(f"[{k + 1}/{len(todo)}] {path.name}: " + "; ".join(said), flush=True)
        finally:
            for worker in workers.values():
                worker.close()
    rows = []
    for path in reports:
        drafts = {c: json.loads(_target(out, c, path).read_text(encoding="utf-8")) for c in trees}
        rows.append((path, drafts))
    print(f"\n{'report':48}{'old s':>8}{'new s':>8}{'ratio':>7}{'old written':>13}{'new written':>13}")
    for path, d in rows:
        o, n = d["old"], d["new"]
        print(f"{path.parent.name + '/' + path.name[:40]:48}{o['seconds']:8.0f}{n['seconds']:8.0f}"
              f"{n['seconds'] / o['seconds']:7.2f}{written(o):13}{written(n):13}")
    for name, subset in (("seeds", [r for r in rows if r[0].resolve().parent.name == "seeds"]),
                         ("check", [r for r in rows if r[0].resolve().parent.name == "check"]), ("all", rows)):
        if not subset:
            continue
        mean = {c: statistics.mean(d[c]["seconds"] for _, d in subset) for c in trees}
        tokens = {c: statistics.mean(written(d[c]) for _, d in subset) for c in trees}
        print(f"{name:8} {len(subset):2} reports: mean seconds per report old {mean['old']:.1f}, new {mean['new']:.1f}, "
              f"ratio {mean['new'] / mean['old']:.2f} (goal <= 0.5); mean tokens written old {tokens['old']:.0f}, "
              f"new {tokens['new']:.0f}")
    for folder in ("check", "seeds"):
        reports_dir = ROOT / ("corpus/check" if folder == "check" else "seeds")
        if not any(_target(out, "new", p).parent.name == folder for p, _ in rows):
            continue
        scores = {c: quality(tree, reports_dir, out / c / folder) for c, tree in trees.items()}
        print(f"\nquality on {folder} (full pipeline, each tree scoring its own drafts):")
        print(f"{'measure':24}{'old':>10}{'new':>10}")
        for k in QUALITY:
            print(f"{k:24}{str(scores['old'].get(k)):>10}{str(scores['new'].get(k)):>10}")
    return 0


if __name__ == "__main__":
    started = time.monotonic()
    code = main()
    print(f"\nbench/speed.py took {time.monotonic() - started:.0f} s", file=sys.stderr)
    sys.exit(code)
