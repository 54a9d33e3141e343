"""Per-file work shared between this process and a pool of worker processes, results in input order."""

from __future__ import annotations

import os
import sys
import threading
from collections.abc import Callable, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import Any, TypeVar

from dutyaudit.errors import DutyAuditError
from dutyaudit.i18n import msg

T = TypeVar("T")


class WorkerLost(DutyAuditError):
    """A worker process died (killed, out of memory): the batch cannot finish in parallel."""


def share(
    pool: ProcessPoolExecutor,
    workers: int,
    items: Sequence[Path],
    local: Callable[[Path], T],
    remote: Callable[[Path], T],
    received: Callable[[T], T] | None = None,
    progress: Callable[[int], None] | None = None,
) -> list[T]:
    """``local(item)`` here and ``remote(item)`` in the pool, each item once, handed out in order to
    whichever side is free; the results in item order (``received`` applied to the pool's).

    This process works too, rather than wait on ``workers + 1`` workers: half as many results
    cross a process boundary, and no core is left to a process that mostly waits.
    """
    n = len(items)
    out: list[Any] = [None] * n
    lock = threading.Lock()
    next_item = 0
    stop = threading.Event()
    errors: list[BaseException] = []

    def take() -> int | None:
        nonlocal next_item
        with lock:
            if next_item >= n or stop.is_set():
                return None
            next_item += 1
            return next_item - 1

    index: dict[Future[T], int] = {}

    def fill(pending: set[Future[T]]) -> None:
        while len(pending) < 2 * workers:  # a task queued behind each running one: workers never wait
            i = take()
            if i is None:
                return
            f = pool.submit(remote, items[i])
            index[f] = i
            pending.add(f)

    def collect(pending: set[Future[T]]) -> None:
        try:
            while pending:
                finished, pending = wait(pending, return_when=FIRST_COMPLETED)
                for f in finished:
                    try:
                        res = f.result()
                    except BrokenProcessPool:
                        raise WorkerLost(msg("err.batch.worker", item=items[index[f]])) from None
                    out[index.pop(f)] = received(res) if received else res
                    if progress:
                        progress(1)
                fill(pending)
        except BaseException as exc:  # re-raised in the calling thread
            errors.append(exc)
            stop.set()

    first: set[Future[T]] = set()
    fill(first)  # the first submit forks the workers: before the collecting thread exists
    collector = threading.Thread(target=collect, args=(first,), name="dutyaudit-batch", daemon=True)
    # The pool's helper threads (result reader, queue feeder) and the collector each wait for the GIL
    # while this thread works; at the default 5 ms interval every hand-off to a worker waits that long.
    switch = sys.getswitchinterval()
    sys.setswitchinterval(min(switch, 0.0005))
    collector.start()
    try:
        while (i := take()) is not None:
            out[i] = local(items[i])
            if progress:
                progress(1)
    except BaseException:
        stop.set()
        raise
    finally:
        collector.join()
        sys.setswitchinterval(switch)
    if errors:
        raise errors[0]
    return out


def usable_cores() -> int:
    """The cores this process may run on (its CPU affinity, e.g. in a container), else all of them."""
    try:
        return len(os.sched_getaffinity(0)) or 1
    except AttributeError:  # macOS, Windows
        return os.cpu_count() or 1
