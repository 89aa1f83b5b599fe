"""Peak memory of `summarizer summarize` over 1,000 and 1,000,000 tiny inputs: flat means streamed.

    python bench/memory.py [--small 1000] [--large 1000000] [--work /dev/shm]

Prints each batch's peak resident memory (ru_maxrss of a fresh process) and their ratio (goal <= 1.1).

How a million inputs are made in reasonable time: one tiny report (two sentences) is written once and
hard-linked under a million names (r0000000.txt …) into one folder on a tmpfs (--work, default
/dev/shm), so making them costs a directory entry each, not a file write; the output folder is on
the same tmpfs. The batch is a resumed one: every input but 100 (spread evenly) already has its
finished briefing and Markdown in the output folder, hard links of the real outputs of a first run
over one copy of the report; those inputs are read, found up to date and skipped, as a rerun of a
finished batch does. The other 100 are summarized for real: planned, answered through the answering
seam by an in-process fake model (instant; no server, so the machine's speed does not matter), grounded,
rendered and written. Each batch is the command line's own (`summarizer summarize DIR -o OUT -q`, run
in-process by the child with its provider handed in through the click context): the inputs are
walked into the on-disk index, counted and streamed, and every input gets its manifest line.

What is measured is the process's memory, not the tmpfs's: the files live in the page cache of the
tmpfs, which no process's resident memory counts (the batch only reads and appends to them), and
the index of inputs is a temporary SQLite file in the default temporary folder, as in any run. The
1,000,000-input batch takes 10–20 minutes on 2 cores; the folders are deleted afterwards.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

REPORT = ("Sáng 8/10, Huyện ủy Như Xuân tổ chức hội nghị sơ kết 9 tháng năm 2024.\n"
          "Thu ngân sách 9 tháng của huyện ước đạt 1.401,351 tỷ đồng, đạt 188% dự toán tỉnh giao.\n")
SUMMARIZED = 100  # inputs summarized for real in each batch; the rest are skipped as up to date


class InstantModel:
    """A fake model through the answering seam: an answer with no items (the rules fill the
    briefing) and a title, given at once."""

    def answer(self, request):
        from summarizer.core.schema import SectionAnswer, Usage
        from summarizer.extract.answering import Answer

        return Answer(SectionAnswer(items=[], title="Hội nghị sơ kết"), Usage(prompt_tokens=1, requests=1))


def run_cli(inputs: Path, out: Path) -> None:
    """`summarizer summarize INPUTS -o OUT -q` in this process (its summary line on standard error),
    answered by InstantModel."""
    from summarizer.cli import cli
    from summarizer.extract.provider import Provider

    try:
        cli.main(["summarize", str(inputs), "-o", str(out), "-q", "--no-cache"], prog_name="summarizer", standalone_mode=False,
                 obj=lambda config: Provider(config, answerer=InstantModel()))
    except SystemExit as e:
        if e.code:
            raise SystemExit(f"the batch over {inputs} failed (exit code {e.code})") from None


def make_batch(work: Path, count: int) -> tuple[Path, Path]:
    """`count` hard links of one report in work/in, and the finished outputs of all but SUMMARIZED."""
    template = work / "template"
    (template / "in").mkdir(parents=True)
    (template / "in" / "r.txt").write_text(REPORT, encoding="utf-8")
    run_cli(template / "in", template / "out")  # the real outputs of one copy: r.json, r.md
    inputs, out = work / "in", work / "out"
    inputs.mkdir()
    out.mkdir()
    redo = {k * count // SUMMARIZED for k in range(SUMMARIZED)}
    for k in range(count):
        name = f"r{k:07d}"
        os.link(template / "in" / "r.txt", inputs / f"{name}.txt")
        if k not in redo:
            os.link(template / "out" / "r.json", out / f"{name}.json")
            os.link(template / "out" / "r.md", out / f"{name}.md")
    return inputs, out


def child(count: int, work: Path) -> None:
    """Make a batch of `count` inputs, run it, print its summary line and peak memory (bytes)."""
    inputs, out = make_batch(work, count)
    run_cli(inputs, out)
    print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024)  # Linux reports KiB


def peak(count: int, work_root: Path) -> tuple[int, str]:
    """(peak resident bytes, summary line) of a fresh process running a batch of `count` inputs."""
    work = Path(tempfile.mkdtemp(prefix="summarizer-bench-memory-", dir=work_root))
    try:
        run = subprocess.run([sys.executable, __file__, "--child", str(count), "--work", str(work)],
                             capture_output=True, text=True, env=dict(os.environ, PYTHONPATH=str(ROOT)))
        if run.returncode:
            raise SystemExit(run.stderr[-3000:] or run.stdout[-3000:])
        summary = [line for line in run.stderr.splitlines() if line.startswith("done ")][-1]
        return int(run.stdout.split()[-1]), summary
    finally:
        shutil.rmtree(work, ignore_errors=True)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--small", type=int, default=1_000)
    ap.add_argument("--large", type=int, default=1_000_000)
    ap.add_argument("--work", type=Path, default=Path("/dev/shm"), help="a tmpfs folder for the inputs and outputs")
    ap.add_argument("--child", type=int, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        return child(args.child, args.work)
    os.environ["SUMMARIZER_CACHE_DIR"] = tempfile.mkdtemp(prefix="summarizer-bench-cache-")  # not the user's cache
    try:
        results = [(n, *peak(n, args.work)) for n in (args.small, args.large)]
    finally:
        shutil.rmtree(os.environ["SUMMARIZER_CACHE_DIR"], ignore_errors=True)
    for n, rss, summary in results:
        print(f"{n:>9,} inputs: peak {rss / 2**20:.1f} MiB ({summary})")
    (small, small_rss, _), (large, large_rss, _) = results
    print(f"peak memory ratio {large:,} / {small:,} inputs: {large_rss / small_rss:.3f} (goal <= 1.1)")


if __name__ == "__main__":
    main()
