"""Read-ahead: calamine parses an xlsx log's worksheets in a thread while the run does other work.

calamine parses a sheet (inflating and reading its XML) with the GIL released — most of the time a large log
takes to read — so ``check`` starts it as soon as it knows the log: once the file has passed its guard
(``ingest.xlsxguard``, which must come first: a far cell makes calamine allocate a dense range), the sheets
are parsed in workbook order in a thread, at most one ahead of the reader, while the main thread imports the
audit, loads the pack and builds the previous sheet's rows. The reader then takes each parsed sheet where it
would have parsed it (:meth:`ReadAhead.sheet`), so what it does with it — and every message — is unchanged.

Anything unusual (a file that is not an xlsx or cannot be read, a guard that refuses it, calamine failing
to open it) starts no read-ahead: the ordinary read runs later and says what it always said.
"""

from __future__ import annotations

import io
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Any

#: Sheets parsed before the reader is done with them: the one it works on and the next.
_AHEAD = 2
#: Read-aheads started and not yet taken, by path (None: tried, nothing to read ahead).
_STARTED: dict[str, ReadAhead | None] = {}
#: Every read-ahead of the run, taken or not (stopped together when the run is over).
_ALL: list[ReadAhead] = []


def is_worksheet(meta: Any) -> bool:
    """Whether calamine's sheet metadata names a worksheet (not a chart sheet, macro sheet …)."""
    return str(meta.typ).rsplit(".", 1)[-1] in ("WorkSheet", "worksheet")


class ReadAhead:
    """An opened xlsx whose worksheets a thread parses one after the other, each handed over once."""

    def __init__(self, data: bytes, book: Any) -> None:
        self.data = data
        self.metas = list(book.sheets_metadata)  # read before the thread owns the book
        self._book: Any = book
        self._names = [m.name for m in self.metas if is_worksheet(m)]
        self._ready = [threading.Event() for _ in self._names]
        self._results: list[tuple[Any, BaseException | None]] = [(None, None)] * len(self._names)
        self._permits = threading.Semaphore(_AHEAD)
        self._next = 0
        self._stop = False
        self._thread = threading.Thread(target=self._work, name="dutyaudit-readahead")
        self._thread.start()

    def _work(self) -> None:
        for i, name in enumerate(self._names):
            while not self._permits.acquire(timeout=0.1):
                if self._stop or not threading.main_thread().is_alive():  # nobody will take the rest
                    self._book = None
                    return
            if self._stop:
                break
            try:
                self._results[i] = (self._book.get_sheet_by_name(name), None)
            except BaseException as exc:  # handed to the reader, which handles it as it always did
                self._results[i] = (None, exc)
            self._ready[i].set()
        self._book = None

    def stop(self) -> None:
        """Parse no further sheet."""
        self._stop = True

    def sheet(self, name: str) -> Any:
        """The next worksheet, parsed (``name`` is checked against the workbook order); raises what calamine
        raised parsing it. Taking it lets the thread start on the one after the next."""
        i = self._next
        if i >= len(self._names) or self._names[i] != name:
            raise RuntimeError(f"read-ahead out of order: {name!r}")
        if i:
            self._permits.release()  # the reader is done with the previous sheet
        self._next += 1
        self._ready[i].wait()
        sheet, exc = self._results[i]
        self._results[i] = (None, None)
        if i == len(self._names) - 1:
            self._thread.join()
        if exc is not None:
            raise exc
        return sheet


def read_ahead(paths: Sequence[Path]) -> None:
    """Start parsing the first of ``paths`` when it is an xlsx that passes its guard; else do nothing."""
    from dutyaudit.ingest import read_bytes
    from dutyaudit.ingest.sniff import sniff
    from dutyaudit.ingest.xlsxguard import check_xlsx

    if not paths:
        return
    path = Path(paths[0])
    if path.name.startswith(("~$", ".~lock.")) or str(path) in _STARTED:
        return
    _STARTED[str(path)] = None
    _one_heap()  # before the guard starts its inflating thread
    try:
        data = read_bytes(path)
        if sniff(data) != "xlsx" or check_xlsx(data, path):
            return
    except Exception:  # the ordinary read raises it again, in its turn
        return
    import python_calamine as pc

    try:
        book = pc.CalamineWorkbook.from_filelike(io.BytesIO(data))
    except BaseException as exc:  # calamine raises several unrelated types (and panics) for corrupt files
        if not isinstance(exc, Exception) and type(exc).__name__ != "PanicException":
            raise
        return
    _STARTED[str(path)] = ahead = ReadAhead(data, book)
    _ALL.append(ahead)


def _one_heap() -> None:
    """Keep one malloc heap for the process where the C library is glibc.

    glibc gives a second thread a heap of its own: what calamine frees there after parsing would not serve
    the main thread's rows, and a 100k-row log would peak about 25 MiB higher.
    """
    try:
        import ctypes

        ctypes.CDLL(None).mallopt(-8, 1)  # M_ARENA_MAX
    except Exception:  # not glibc (no mallopt), or no ctypes: a little more memory, nothing else
        pass


def take(path: Path, data: bytes) -> ReadAhead | None:
    """The read-ahead of ``path`` when one was started on these very bytes (each is taken once)."""
    ahead = _STARTED.pop(str(path), None)
    if ahead is None:
        return None
    if ahead.data != data:
        ahead.stop()
        return None
    ahead.data = b""
    return ahead


def discard() -> None:
    """The run is over: every read-ahead's thread stops after the sheet at hand, those not taken are forgotten."""
    for ahead in _ALL:
        ahead.stop()
    _ALL.clear()
    _STARTED.clear()
