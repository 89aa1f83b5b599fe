"""Batch runs: schedule many reports over a few threads, skip finished work, count, stop in time.

What a batch reads comes from inputs.py (streamed), what it writes goes through output.py (the
output folder), who answers through the provider (extract/provider.py); this module only schedules:
reading and skipping in the calling thread, the model's work on worker threads with a bounded number
of reports in flight, counting, a stop when the server is down, and Ctrl-C.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Iterable
from concurrent.futures import FIRST_COMPLETED, Future, wait
from dataclasses import dataclass
from itertools import chain

from summarizer.core.document import Document
from summarizer.core.schema import Usage
from summarizer.cost import cost_usd
from summarizer.errors import ConfigError, SourceError, SummarizerError
from summarizer.extract.prompts import Prompt, load_prompt
from summarizer.extract.provider import Provider
from summarizer.inputs import Input, Inputs
from summarizer.output import FolderUnwritable, OutputFolder, Recipe
from summarizer.redact import redact
from summarizer.schema_export import schema_version
from summarizer.workers import DaemonPool

log = logging.getLogger("summarizer")
# reports in a row that could not connect to the model server before the batch stops: a server that
# is down fails every report the same way, after the retries' backoff each time
UNREACHABLE_STOP = 3


@dataclass
class Counts:
    done: int = 0
    skipped: int = 0
    failed: int = 0
    not_attempted: int = 0  # left when the batch stopped (the server is down): counted apart from failed
    prompt_tokens: int = 0
    completion_tokens: int = 0
    started: float = 0.0  # time.monotonic() at the start
    cost: float | None = 0.0  # USD; None once any spending had no known price

    def line(self) -> str:
        """The summary line: `done 4, skipped 1, failed 1; tokens …; cost $…; 12 s`."""
        total = self.prompt_tokens + self.completion_tokens
        cost = "cost unknown (no price for this model)" if self.cost is None else f"cost ${self.cost:.4f}"
        # "not attempted" only when there are such: scripts read "done N, skipped N, failed N; tokens"
        rest = f", not attempted {self.not_attempted}" if self.not_attempted else ""
        return (f"done {self.done}, skipped {self.skipped}, failed {self.failed}{rest}; tokens {total} "
                f"(prompt {self.prompt_tokens}, completion {self.completion_tokens}); {cost}; "
                f"{time.monotonic() - self.started:.0f} s")

    def progress(self, total: int, in_flight: int) -> str:
        """done / failed / in flight / ETA / tokens so far, for the progress line."""
        finished = self.done + self.failed
        left = total - finished - self.skipped - self.not_attempted
        elapsed = time.monotonic() - self.started
        seconds = elapsed / finished * left if finished and left > 0 else None
        eta = "ETA -" if seconds is None else f"ETA {seconds:.0f} s" if seconds < 120 else f"ETA {seconds / 60:.0f} min"
        return (f"done {self.done}, failed {self.failed}, in flight {in_flight}, {eta}, "
                f"tokens {self.prompt_tokens + self.completion_tokens}")


class Ledger:
    """What became of each input: counted, priced and recorded in the output folder's manifest.

    `lock` is the runner's: once the runner has set its stopping flag under it (Ctrl-C), nothing
    more is counted (the manifest, closed then, records nothing more either)."""

    def __init__(self, folder: OutputFolder, model: str, lock: threading.RLock) -> None:
        self.folder, self.model, self.lock = folder, model, lock
        self.counts = Counts(started=time.monotonic())

    def skipped(self, item: Input) -> None:
        output = self.folder.json_path(item.stem).name
        self.folder.manifest.record(item.name, "skipped", path=item.origin, output=output)
        with self.lock:
            self.counts.skipped += 1

    def done(self, item: Input, output: str, spent: Usage, seconds: float, from_rules: list[str]) -> None:
        """Count and record a report done (`from_rules`: its sections the rules filled)."""
        spent, cost = self._spend(spent)
        with self.lock:
            self.counts.done += 1
        self.folder.manifest.record(item.name, "done", path=item.origin, output=output,
                                    prompt_tokens=spent.prompt_tokens, completion_tokens=spent.completion_tokens,
                                    seconds=seconds, cached=not spent.requests, cost_usd=cost,
                                    from_rules=from_rules)  # cached answers cost nothing this time

    def failed(self, item: Input, message: str, spent: Usage) -> None:
        """Count and record a failed input (`message`: "NAME: why"), with what its answers cost."""
        spent, cost = self._spend(spent)
        with self.lock:
            self.counts.failed += 1
        self.folder.manifest.record(item.name, "failed", path=item.origin,
                                    error=message.removeprefix(f"{item.name}: "), prompt_tokens=spent.prompt_tokens,
                                    completion_tokens=spent.completion_tokens,
                                    cost_usd=cost if spent.total_tokens else 0.0)

    def not_attempted(self, items: Iterable[Input]) -> int:
        """Inputs left when the batch stopped, none of them tried; how many."""
        n = 0
        with self.lock:
            for n, rest in enumerate(items, 1):
                self.counts.not_attempted += 1
                self.folder.manifest.record(rest.name, "not attempted", path=rest.origin,
                                            error="the model server could not be reached")
        return n

    def all_failed(self, items: Iterable[Input], reason: str) -> None:
        """Inputs that cannot succeed (no model at all), each recorded with `reason`."""
        for rest in items:
            with self.lock:
                self.counts.failed += 1
            self.folder.manifest.record(rest.name, "failed", path=rest.origin, error=reason)

    def _spend(self, spent: Usage) -> tuple[Usage, float | None]:
        """Add the tokens of a report's answers to the counts: (them, their cost in USD or None)."""
        cost = cost_usd(self.model, spent.prompt_tokens, spent.completion_tokens)
        with self.lock:
            self.counts.prompt_tokens += spent.prompt_tokens
            self.counts.completion_tokens += spent.completion_tokens
            if spent.total_tokens:
                self.counts.cost = None if cost is None or self.counts.cost is None else self.counts.cost + cost
        return spent, cost


class BatchRunner:
    """Runs `inputs` into `folder` (held by the caller), answered by `provider`, connected when the
    first report needs the model (a rerun that skips everything never starts a server) and closed at
    the end. At most 2 × `concurrency` reports are in flight, so memory stays flat however many inputs
    there are. `cache`: an AnswerCache to answer from what was asked before."""

    def __init__(self, provider: Provider, folder: OutputFolder, *, strict: bool = False, force: bool = False,
                 encoding: str | None = None, concurrency: int | None = None, prompt: Prompt | None = None,
                 cache=None) -> None:
        self.provider, self.folder = provider, folder
        self.strict, self.force, self.encoding = strict, force, encoding
        self.concurrency = concurrency or provider.concurrency
        self.prompt = prompt or load_prompt()
        self.recipe = Recipe(provider.config.model, self.prompt.version, schema_version(), strict)
        self.cache = cache
        self.summarizer = None
        self.total = 0
        self.in_flight = 0  # reports submitted and not finished (queued or asking the model)
        self.lock = threading.RLock()  # the ledger's too: a report counted done under it is counted once
        self.ledger = Ledger(folder, provider.config.model, self.lock)
        self.counts = self.ledger.counts
        self.on_change: Callable[[], None] | None = None  # e.g. redraw a progress bar
        self.stopping = threading.Event()  # Ctrl-C: workers finish nothing new, record nothing more
        self.unreachable = 0  # reports in a row that could not connect to the model server
        self.stopped: str | None = None  # why the batch stopped before its end (the server is down)
        self.not_attempted = 0

    def status(self) -> tuple[int, int, str]:
        """(reports finished or skipped, reports in all, the progress text) — read without the lock:
        a bar drawn from a moment's inconsistent counts is harmless, a lock-order deadlock is not."""
        c = self.counts
        return c.done + c.failed + c.skipped + c.not_attempted, self.total, c.progress(self.total, self.in_flight)

    def _changed(self) -> None:
        if self.on_change is not None:
            self.on_change()

    def run(self, inputs: Inputs) -> Counts:
        """Every input done, skipped or failed (each recorded in the manifest); the counts. Raises
        KeyboardInterrupt at Ctrl-C, having abandoned the reports in flight."""
        self.total = len(inputs)
        self.folder.remove_stale(inputs.owns)  # what a run killed mid-write left of these inputs' outputs
        pending: set[Future] = set()
        pool = DaemonPool(self.concurrency)
        items = iter(inputs)
        try:
            for n, item in enumerate(items, 1):
                if self.stopped:
                    self._not_attempted(chain([item], items))
                    break
                label = f"[{n}/{self.total}] {item.name}"
                try:
                    todo = self._to_do(item, label)
                except FolderUnwritable:  # every answer would be lost: the command refuses (see cli)
                    raise
                except ConfigError as e:  # no model at all: nothing else can succeed either
                    log.error("%s", e)
                    self._fail_rest(chain([item], items), str(e).splitlines()[0])
                    break
                except SummarizerError as e:
                    self._failed(item, e)
                    continue
                if todo is None:
                    continue
                item, doc = todo
                while len(pending) >= 2 * self.concurrency:  # bounded: never the whole corpus in memory
                    done, pending = wait(pending, return_when=FIRST_COMPLETED)
                with self.lock:
                    self.in_flight += 1
                pending.add(pool.submit(self._summarize, item, doc, label))
                self._changed()
            wait(pending)
        except KeyboardInterrupt:
            with self.lock:  # from here on no worker writes or records anything
                self.stopping.set()
            raise
        finally:
            # after Ctrl-C, requests in flight are abandoned, not awaited: a read may take minutes
            pool.shutdown(wait=not self.stopping.is_set(), cancel_futures=True)
            self.provider.close()
        if self.stopped:
            log.error("%s", self.stopped)
        return self.counts

    def _to_do(self, item: Input, label: str) -> tuple[Input, Document] | None:
        """`item` (under the name its earlier briefing has, if any: see OutputFolder.own) and its
        document; None when its briefing is up to date (then skipped: renderings completed,
        recorded). Before the first report to do, checks that the folder can be written (raises
        FolderUnwritable) and connects the model. Raises SummarizerError."""
        doc = item.document(self.encoding)
        item, before = self.folder.existing(item, doc, self.recipe, self.force)
        if before is None:
            if self.summarizer is None:  # the first report that needs the model: before any request
                self.folder.check_writable()
            self._ensure_summarizer()
            return item, doc
        self.folder.render(item, before, doc, only_missing=True)
        self.ledger.skipped(item)
        log.info("%s: up to date, skipped", label)
        self._changed()
        return None

    def _ensure_summarizer(self) -> None:
        if self.summarizer is None:
            from summarizer.pipeline import Summarizer

            answerer = self.provider.connect()  # the embedded model's server starts here
            self.summarizer = Summarizer(self.provider.config, answerer, cache=self.cache, prompt=self.prompt,
                                         strict=self.strict)

    def _summarize(self, item: Input, doc: Document, label: str) -> None:
        try:
            if self.stopped or self.stopping.is_set():  # queued before the batch stopped
                if self.stopped:
                    self._not_attempted([item])
                return
            line = self._summarize_one(item, doc, label)
        finally:
            with self.lock:
                self.in_flight -= 1
        if line:
            log.info("%s | %s", line, self.counts.progress(self.total, self.in_flight))
        self._changed()

    def _summarize_one(self, item: Input, doc: Document, label: str) -> str | None:
        """Summarize, write and record one report; the progress line for it, or None if it failed."""
        t0 = time.monotonic()
        draft = None
        try:
            draft = self.summarizer.draft(doc)
            briefing = self.summarizer.finish(doc, draft.extraction, draft.usage)
            if self.stopping.is_set():  # the answers came after Ctrl-C: finish nothing new
                return None
            output = self.folder.write(item, briefing, doc)
        except SummarizerError as e:
            self._failed(item, e, _spent(e, draft))
            return None
        except Exception as e:  # a bug must not take the batch down; the input is reported
            if self.stopping.is_set():  # abandoned after Ctrl-C: whatever broke under it is no news
                return None
            log.exception("%s: unexpected error", label)
            self._failed(item, SummarizerError(f"{item.name}: unexpected error: {type(e).__name__}: {e}"),
                         _spent(e, draft))
            return None
        f = briefing.flags
        with self.lock:
            if self.stopping.is_set():
                return None
            self.unreachable = 0
            self.ledger.done(item, output, draft.spent, time.monotonic() - t0, f.sections_from_rules)
        items = f.items_grounded + f.items_misattributed + f.items_invented
        return f"{label}: done in {time.monotonic() - t0:.0f} s, {items} items, {f.to_check} flagged"

    def _failed(self, item: Input, error: Exception, spent: Usage | None = None) -> None:
        """Report, count and record a failed input, with the tokens its answers cost before it failed."""
        if isinstance(error, SourceError):
            message = f"{item.name}: {error.problem}"  # named as the user gave it
        else:
            message = str(error) if str(error).startswith(f"{item.name}: ") else f"{item.name}: {error}"
        message = redact(message)  # a server's own words may echo the key; the manifest is an output
        if self.stopping.is_set():  # interrupted in flight: not a failure, the next run redoes it
            return
        log.error("%s", message)
        with self.lock:
            self._count_unreachable(error)
        self.ledger.failed(item, message, spent or Usage())
        self._changed()

    def _count_unreachable(self, error: Exception) -> None:
        """Under the lock: one more report that could not connect to the model server, or the run
        of such reports broken; after UNREACHABLE_STOP in a row the batch stops (see run)."""
        from summarizer.extract.client import server_unreachable

        if not server_unreachable(error):
            self.unreachable = 0
            return
        self.unreachable += 1
        if self.unreachable >= UNREACHABLE_STOP and self.stopped is None:
            self.stopped = (
                f"stopped: {self.unreachable} reports in a row could not connect to the model server at "
                f"{self.provider.url()}. Check that the server is running and listening there, and that "
                "OPENAI_BASE_URL or --base-url (host, port, /v1) names it; then run the same command again: "
                "finished reports are kept and the rest resume")

    def _not_attempted(self, items: Iterable[Input]) -> None:
        """Inputs left when the batch stopped: recorded as not attempted, none of them tried."""
        self.not_attempted += self.ledger.not_attempted(items)
        self._changed()

    def _fail_rest(self, items: Iterable[Input], reason: str) -> None:
        self.ledger.all_failed(items, reason)
        self._changed()


def _spent(error: Exception, draft) -> Usage:
    """What a failed report cost: the answers it had received when the draft failed, or the whole
    draft's when a later step failed (writing its outputs, say)."""
    return getattr(error, "spent", None) or (draft.spent if draft is not None else Usage())
