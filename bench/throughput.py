"""Batch throughput against a loopback server answering recorded bodies after a fixed latency.

    python bench/throughput.py [--docs 200] [--concurrency 16] [--latency 0.5] [--memory-docs 10000]

Prints, from one run:
  - the process's one-time start-up (openai's lazy imports and model builds), not counted below
  - documents/s at concurrency c against the ideal c / (3 L) (three requests per report), for the
    batch runner with Markdown output, as `summarizer summarize -j c --no-cache` runs it (the reports
    are copies of five seeds: with the answer cache on, the copies would not reach the server)
  - requests made by a rerun of the finished batch (goal: 0), and by a rerun into a new folder
    answered from the answer cache (goal: 0)
  - the pipeline's own time per document, everything but waiting on the model (read, split, cue
    hints, prompts and cache key: the plan; grounding, sections, people, figures, Markdown), against
    a 5 ms goal; and, apart, writing a report's outputs (JSON + Markdown, each fsync'd) and its cache
    entry
  - peak resident memory of a batch of --memory-docs documents against one of a tenth of it, each
    in a fresh process (flat means inputs and outputs are streamed; bench/memory.py goes to 1,000,000)
Nothing here is a pass/fail test; the numbers go into the README's performance section.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from summarizer.batch import BatchRunner  # noqa: E402
from summarizer.cache import AnswerCache  # noqa: E402
from summarizer.core.text import content_words  # noqa: E402
from summarizer.extract.client import ModelConfig  # noqa: E402
from summarizer.extract.plan import plan  # noqa: E402
from summarizer.extract.provider import resolve  # noqa: E402
from summarizer.inputs import Input, expand  # noqa: E402
from summarizer.output import OutputFolder  # noqa: E402
from summarizer.pipeline import Summarizer, load_document  # noqa: E402
from summarizer.render.markdown import to_markdown  # noqa: E402
from tests.replay_server import seed_corpus  # noqa: E402


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


def config(url: str) -> ModelConfig:
    """The recorded model at the replay server; a fault is a bug here, never retried."""
    return ModelConfig(model=MODEL, base_url=url, transport_attempts=1)


def run_batch(folder: Path, out: Path, url: str, concurrency: int, cache: AnswerCache | None = None
              ) -> tuple[float, int]:
    """The CLI's batch: inputs streamed, the output folder (Markdown, manifest) held, BatchRunner with
    the provider and (optionally) the answer cache."""
    inputs, _ = expand([str(folder)])
    with OutputFolder(out).hold() as held:
        runner = BatchRunner(resolve(config(url)), held, concurrency=concurrency, cache=cache)
        t0 = time.perf_counter()
        counts = runner.run(inputs)
    return time.perf_counter() - t0, counts.done


def startup_seconds(url: str) -> float:
    """The first client and the first answer of a process pay for openai's lazy imports and model
    builds (about a second); later ones do not."""
    t0 = time.perf_counter()
    with Summarizer(config(url)) as s:
        s.answerer.answer(plan(load_document(SEEDS[0]), s.config).requests[0])
    return time.perf_counter() - t0


def writing_per_doc(url: str, folder: Path) -> float:
    """Seconds to write one report's JSON and Markdown (atomically, fsync'd) and its cache entry."""
    with Summarizer(config(url)) as s, \
            AnswerCache(folder / "cache.sqlite3") as cache:
        done = []
        for seed in SEEDS:
            doc = load_document(seed)
            extraction, usage = s.extract(doc)
            done.append((doc, extraction, usage, s.finish(doc, extraction, usage)))
        out = OutputFolder(folder)
        t0 = time.perf_counter()
        for k, (doc, extraction, usage, briefing) in enumerate(done * 4):
            out.write(Input(None, doc.name, f"{k}-{Path(doc.name).stem}"), briefing, doc)  # Markdown, then JSON
            cache.put(f"{k}", extraction, usage)
        return (time.perf_counter() - t0) / (4 * len(done))


def peak_rss_child(docs: int, url: str, concurrency: int) -> int:
    """Peak resident memory (bytes) of a fresh process running a batch of `docs` reports."""
    run = subprocess.run([sys.executable, __file__, "--memory-child", str(docs), "--url", url,
                          "--concurrency", str(concurrency)], capture_output=True, text=True, check=True)
    return int(run.stdout.split()[-1])


def memory_child(docs: int, url: str, concurrency: int) -> None:
    import resource

    work = Path(tempfile.mkdtemp(prefix="summarizer-bench-mem-"))
    try:
        run_batch(seed_corpus(work / "in", docs), work / "out", url, concurrency)
        print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024)  # Linux reports KiB
    finally:
        shutil.rmtree(work, ignore_errors=True)


def overhead_per_doc(url: str, rounds: int = 20) -> float:
    """Seconds per document of everything but the model: the answers are fetched once, then the
    whole local pipeline runs on each freshly read report, `rounds` times over the seeds. The word-set
    cache is emptied for every report, as if no two reports shared a sentence. The requests are
    planned as online (extract/plan.py: cue hints, the three prompts, the cache key)."""
    with Summarizer(config(url)) as s:
        answers = {seed: s.extract(load_document(seed)) for seed in SEEDS}
        per_round = []
        for _ in range(rounds + 1):  # round 0 warms up (regex and pydantic first-use work)
            elapsed = 0.0
            for seed in SEEDS:
                content_words.cache_clear()
                t0 = time.perf_counter()
                doc = load_document(seed)  # read, decode, split
                plan(doc, s.config, s.prompt)  # cue hints, the three prompts, the cache key
                to_markdown(s.finish(doc, *answers[seed]))  # grounding, sections, people, figures, render
                elapsed += time.perf_counter() - t0
            per_round.append(elapsed)
        # the median round: a moment of the machine's other work should not count as the pipeline's
        return statistics.median(per_round[1:]) / len(SEEDS)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", type=int, default=200)
    ap.add_argument("--concurrency", type=int, default=16)
    ap.add_argument("--latency", type=float, default=0.5)
    ap.add_argument("--memory-docs", type=int, default=10_000)
    ap.add_argument("--memory-child", type=int, help=argparse.SUPPRESS)
    ap.add_argument("--url", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.memory_child:
        return memory_child(args.memory_child, args.url, args.concurrency)
    work = Path(tempfile.mkdtemp(prefix="summarizer-bench-"))
    os.environ["SUMMARIZER_CACHE_DIR"] = str(work / "cache")
    try:
        with replay_server(0.0) as url:
            print(f"start-up: {startup_seconds(url):.2f} s once per process (first client and answer: openai's lazy "
                  f"imports and model builds), not counted below")
        with replay_server(args.latency) as url:
            folder = seed_corpus(work / "in", args.docs)
            seconds, done = run_batch(folder, work / "out", url, args.concurrency)
            rate, ideal = done / seconds, args.concurrency / (3 * args.latency)
            stats = server_stats(url)
            print(f"throughput: {done} docs in {seconds:.1f} s = {rate:.2f} docs/s; ideal c/(3L) = {ideal:.2f}; "
                  f"ratio {rate / ideal:.2f} (goal >= 0.9); peak in flight {stats['max_in_flight']}")
            run_batch(folder, work / "out", url, args.concurrency)
            after_rerun = server_stats(url)["requests"]
            print(f"rerun of the finished batch: {after_rerun - stats['requests']} requests (goal 0)")
            with AnswerCache(work / "answers.sqlite3") as cache:
                run_batch(folder, work / "out-cache-1", url, args.concurrency, cache)
                first = server_stats(url)["requests"]
                run_batch(folder, work / "out-cache-2", url, args.concurrency, cache)
            print(f"answer cache: {first - after_rerun} requests for {args.docs} reports of {len(SEEDS)} distinct "
                  f"texts; the same batch into a new folder: {server_stats(url)['requests'] - first} requests (goal 0)")
        with replay_server(0.0) as url:
            per_doc = overhead_per_doc(url)
            print(f"pipeline overhead: {per_doc * 1000:.2f} ms per seed document (goal <= 5 ms); "
                  f"ratio to goal {per_doc * 1000 / 5:.2f}")
            writing = writing_per_doc(url, work / "writing")
            print(f"writing outputs: {writing * 1000:.2f} ms per document (JSON + Markdown fsync'd, cache entry; "
                  f"waiting on the disk, outside the 5 ms)")
            small, large = args.memory_docs // 10, args.memory_docs
            peaks = [peak_rss_child(n, url, args.concurrency) for n in (small, large)]
            print(f"peak memory: {peaks[0] / 2**20:.0f} MiB for {small} docs, {peaks[1] / 2**20:.0f} MiB for "
                  f"{large} docs; ratio {peaks[1] / peaks[0]:.2f} (flat is ~1: inputs and outputs are streamed)")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
