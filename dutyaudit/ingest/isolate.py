"""Run a risky reader in a child process with a memory and a time limit, so no input can take the run down.

calamine is Rust: on some damaged files (an OLE sector chain that loops, a workbook that asks for more
memory than there is) it aborts the whole process, which no ``except`` can catch. The readers whose
inputs cannot be fully checked beforehand (BIFF .xls, ODS) therefore run in a forked child with
``RLIMIT_AS`` and a deadline; an abort, a kill or a timeout there becomes one :class:`InputError` for that
file. The child sends its result back pickled through a pipe. Where ``fork`` or ``resource`` is missing
(Windows) the reader runs in-process, protected by the checks made before calamine.
"""

from __future__ import annotations

import os
import pickle
import select
import signal
import time
from collections.abc import Callable
from typing import TypeVar

from dutyaudit.errors import DutyAuditError, InputError
from dutyaudit.i18n import msg
from dutyaudit.ingest.limits import MEMORY_CEILING, READ_SECONDS, mib

try:
    import resource
except ImportError:  # pragma: no cover - Windows
    resource = None  # type: ignore[assignment]

T = TypeVar("T")


def can_isolate() -> bool:
    """Whether readers can run in a limited child process here (POSIX with fork and setrlimit)."""
    return resource is not None and hasattr(os, "fork") and os.path.exists("/proc/self/statm")


def _address_space() -> int:
    """This process's current virtual size in bytes (Linux)."""
    with open("/proc/self/statm") as fh:
        return int(fh.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")


def _error_payload(exc: DutyAuditError) -> bytes:
    """The child's error for the parent: its message as a Msg (rendered there in the run's language), else
    its English text; without the path, which the parent adds."""
    reason = getattr(exc, "reason_msg", exc.msg) or getattr(exc, "reason", exc.message)
    try:
        return pickle.dumps(("error", reason))
    except Exception:  # a parameter that does not pickle: the English text all the same
        return pickle.dumps(("error", str(getattr(exc, "reason", exc.message))))


def run_isolated(fn: Callable[[], T], path: str, memory: int = MEMORY_CEILING, seconds: float = READ_SECONDS) -> T:
    """``fn()`` run in a forked child allowed ``memory`` bytes beyond the parent's size and ``seconds`` of
    time; its result, or its :class:`DutyAuditError`, as if run here. Anything else that ends the child
    (an abort, a Rust panic, running out of its memory or time) raises one InputError naming the limit."""
    if not can_isolate():
        return fn()
    budget = _address_space() + memory
    r, w = os.pipe()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child; its outcome is what the parent tests see
        os.close(r)
        try:
            import faulthandler

            faulthandler.disable()  # (pytest enables it) a crash here is reported by the parent, not dumped
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, 2)  # a Rust abort prints a backtrace; the user gets one line from the parent
            _soft, hard = resource.getrlimit(resource.RLIMIT_AS)
            cap = budget if hard == resource.RLIM_INFINITY else min(budget, hard)
            resource.setrlimit(resource.RLIMIT_AS, (cap, hard))
            try:
                payload = pickle.dumps(("ok", fn()), protocol=pickle.HIGHEST_PROTOCOL)
            except DutyAuditError as exc:
                payload = _error_payload(exc)
            except MemoryError:
                payload = pickle.dumps(("memory", ""))
            except BaseException as exc:
                payload = pickle.dumps(("crash", f"{type(exc).__name__}: {str(exc)[:160]}"))
            view = memoryview(payload)
            while view:
                view = view[os.write(w, view) :]
        finally:
            os._exit(0)
    os.close(w)
    chunks: list[bytes] = []
    deadline = time.monotonic() + seconds
    timed_out = False
    try:
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                timed_out = True
                break
            ready, _, _ = select.select([r], [], [], left)
            if not ready:
                continue
            chunk = os.read(r, 1 << 20)
            if not chunk:
                break
            chunks.append(chunk)
    finally:
        os.close(r)
        if timed_out:
            os.kill(pid, signal.SIGKILL)
        _, status = os.waitpid(pid, 0)
    if timed_out:
        raise InputError(msg("err.in.too_slow", seconds=f"{seconds:.0f}"), path)
    if not chunks:
        sig = os.WTERMSIG(status) if os.WIFSIGNALED(status) else 0
        why = msg("why.reader_signal", sig=sig) if sig else msg("why.reader_silent")
        raise InputError(msg("err.in.memory_why", memory=mib(memory), why=why), path)
    try:
        kind, value = pickle.loads(b"".join(chunks))
    except Exception:
        kind, value = "memory", ""
    if kind == "ok":
        return value
    if kind == "error":
        raise InputError(value, path)
    if kind == "memory":
        raise InputError(msg("err.in.memory", memory=mib(memory)), path)
    raise InputError(msg("err.in.damaged", why=value), path)
