"""Worker threads a batch can abandon: a first Ctrl-C must not wait for requests in flight."""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable
from concurrent.futures import Future


class DaemonPool:
    """ThreadPoolExecutor's submit and shutdown on daemon threads. After a first Ctrl-C the batch
    abandons the requests in flight instead of waiting for them (a read may take minutes): the
    executor's own threads would be joined at interpreter exit, these are not."""

    def __init__(self, workers: int) -> None:
        self._jobs: queue.SimpleQueue = queue.SimpleQueue()
        self._threads = [threading.Thread(target=self._work, name=f"summarize_{k}", daemon=True)
                         for k in range(workers)]
        for thread in self._threads:
            thread.start()

    def submit(self, fn: Callable, *args) -> Future:
        future: Future = Future()
        self._jobs.put((future, fn, args))
        return future

    def _work(self) -> None:
        while (job := self._jobs.get()) is not None:
            future, fn, args = job
            if future.set_running_or_notify_cancel():
                try:
                    future.set_result(fn(*args))
                except BaseException as e:  # handed to whoever waits on the future
                    future.set_exception(e)

    def shutdown(self, wait: bool = True, cancel_futures: bool = False) -> None:
        """Stop the workers after the job each is doing (`cancel_futures`: cancel the queued ones,
        else do them first); `wait`: wait for that."""
        while cancel_futures:
            try:
                job = self._jobs.get_nowait()
            except queue.Empty:
                break
            if job is not None:
                job[0].cancel()
        for _ in self._threads:
            self._jobs.put(None)
        if wait:
            for thread in self._threads:
                thread.join()
