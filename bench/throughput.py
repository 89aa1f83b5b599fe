"""Batch throughput against a loopback server answering recorded bodies after a fixed latency.

    python bench/throughput.py [--docs 200] [--concurrency 16] [--latency 0.5] [--memory-docs 2000]

Prints, from one run:
  - documents/s at concurrency c against the ideal c / (3 L)  (three requests per report)
  - the pipeline's own time per document, everything but waiting on the model
    (split, prompt, grounding, people, figures, rendering), against a 5 ms goal
  - requests made by a rerun of the finished batch (goal: 0)
  - peak Python memory of a batch of --memory-docs documents, against that of a tenth of it
Nothing here is a pass/fail test; the numbers go into the README's performance section.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from summarizer.batch import BatchRunner, Manifest, expand  # noqa: E402
from summarizer.core import cues  # noqa: E402
from summarizer.core.schema import SECTIONS  # noqa: E402
from summarizer.core.text import content_words  # noqa: E402
from summarizer.extract.client import ModelConfig  # noqa: E402
from summarizer.pipeline import Summarizer, load_document  # noqa: E402
from summarizer.render.markdown import to_markdown  # noqa: E402
from tests.replay_server import seed_corpus  # noqa: E402
import contextlib  # noqa: E402
import subprocess  # noqa: E402


@contextlib.contextmanager
def replay_server(latency: float):
    """The loopback server in its own process, so it does not compete with the batch for the GIL."""
    proc = subprocess.Popen([sys.executable, str(ROOT / "tests" / "replay_server.py"), "--latency", str(latency)],
                            stdout=subprocess.PIPE, text=True, cwd=ROOT, env=dict(os.environ, PYTHONPATH=str(ROOT)))
    try:
        yield proc.stdout.readline().strip()
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def server_stats(url: str) -> dict:
    import json
    import urllib.request

    with urllib.request.urlopen(url.removesuffix("/v1") + "/stats") as r:
        return json.loads(r.read())

MODEL = "qwen2.5-coder-1.5b-instruct-q4_k_m"
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))


def run_batch(folder: Path, out: Path, url: str, concurrency: int) -> tuple[float, int]:
    config = ModelConfig(model=MODEL, base_url=url, transport_attempts=1)
    inputs, _ = expand([str(folder)])
    manifest = Manifest(out / "manifest.jsonl")
    render = lambda b, doc, base, formats, only_missing=False: None  # noqa: E731 - measure the pipeline
    runner = BatchRunner(config, out, manifest, concurrency=concurrency, render=render)
    t0 = time.perf_counter()
    counts = runner.run(inputs)
    manifest.close()
    return time.perf_counter() - t0, counts.done


def overhead_per_doc(url: str, rounds: int = 20) -> float:
    """Seconds per document of everything but the model: the answers are fetched once, then the
    whole local pipeline runs on each freshly read report. The word-set cache is emptied for every
    report, as if no two reports shared a sentence (here they are copies of five seeds)."""
    with Summarizer(ModelConfig(model=MODEL, base_url=url, transport_attempts=1)) as s:
        answers = {seed: s.extract(load_document(seed)) for seed in SEEDS}
        elapsed = 0.0
        for round_ in range(rounds + 1):  # round 0 warms up (regex and pydantic first-use work)
            for seed in SEEDS:
                content_words.cache_clear()
                t0 = time.perf_counter()
                doc = load_document(seed)  # read, decode, split
                hints = cues.by_section(doc)  # cue phrases for the prompt hints
                for section in SECTIONS:
                    s.prompt.messages(doc, section, hints[section])  # the three prompts
                to_markdown(s.finish(doc, *answers[seed]))  # grounding, sections, people, figures, render
                elapsed += (time.perf_counter() - t0) if round_ else 0.0
        return elapsed / (rounds * len(SEEDS))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", type=int, default=200)
    ap.add_argument("--concurrency", type=int, default=16)
    ap.add_argument("--latency", type=float, default=0.5)
    ap.add_argument("--memory-docs", type=int, default=2000)
    args = ap.parse_args()
    work = Path(tempfile.mkdtemp(prefix="summarizer-bench-"))
    os.environ["SUMMARIZER_CACHE_DIR"] = str(work / "cache")
    try:
        with replay_server(args.latency) as url:
            folder = seed_corpus(work / "in", args.docs)
            seconds, done = run_batch(folder, work / "out", url, args.concurrency)
            rate, ideal = done / seconds, args.concurrency / (3 * args.latency)
            stats = server_stats(url)
            print(f"throughput: {done} docs in {seconds:.1f} s = {rate:.2f} docs/s; ideal c/(3L) = {ideal:.2f}; "
                  f"ratio {rate / ideal:.2f} (goal >= 0.9); peak in flight {stats['max_in_flight']}")
            run_batch(folder, work / "out", url, args.concurrency)
            print(f"cached rerun: {server_stats(url)['requests'] - stats['requests']} requests (goal 0)")
        with replay_server(0.0) as url:
            per_doc = overhead_per_doc(url)
            print(f"pipeline overhead: {per_doc * 1000:.2f} ms per seed document (goal <= 5 ms); "
                  f"ratio to goal {per_doc * 1000 / 5:.2f}")
            peaks = []
            for n in (args.memory_docs // 10, args.memory_docs):
                folder = seed_corpus(work / f"mem{n}", n)
                tracemalloc.start()
                run_batch(folder, work / f"out{n}", url, args.concurrency)
                peaks.append(tracemalloc.get_traced_memory()[1])
                tracemalloc.stop()
            print(f"peak memory: {peaks[0] / 2**20:.1f} MiB for {args.memory_docs // 10} docs, "
                  f"{peaks[1] / 2**20:.1f} MiB for {args.memory_docs} docs; ratio {peaks[1] / peaks[0]:.2f} "
                  f"(flat is ~1: inputs and outputs are streamed)")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
