"""Read-ahead: calamine parses an xlsx log's worksheets in a thread while the run does other work.

calamine parses a sheet (inflating and reading its XML) with the GIL released — most of the time a large log
takes to read — so ``check`` starts it as soon as it knows the log: the sheets are parsed in workbook order in
a thread, each once it has passed its guard (``ingest.xlsxguard``, which must come first: a far cell makes
calamine allocate a dense range) and the reader has done with the sheet before, while the main thread checks
the next sheet, imports the audit and loads the pack. The reader then takes each
parsed sheet where it would have parsed it (:meth:`ReadAhead.sheet`), so what it does with it — and every
message — is unchanged.

Anything unusual (a file that is not an xlsx or cannot be read, a guard that refuses it, calamine failing
to open it) starts no read-ahead: the ordinary read runs later and says what it always said.
"""

from __future__ import annotations

import io
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from dutyaudit.ingest.limits import MAX_SHEET_XML

#: Worksheet XML (inflated, all sheets) beyond which nothing is read ahead: about 160,000 rows. A parse in
#: another thread leaves the heap more fragmented (two 150k-row sheets peaked at 2.0x the bare read's memory
#: instead of 1.83x), and there the head start is a few percent of the read.
MAX_AHEAD_XML = MAX_SHEET_XML // 2
#: Read-aheads started and not yet taken, by path (None: tried, nothing to read ahead).
_STARTED: dict[str, ReadAhead | None] = {}
#: Every read-ahead of the run, taken or not (stopped together when the run is over).
_ALL: list[ReadAhead] = []


def is_worksheet(meta: Any) -> bool:
    """Whether calamine's sheet metadata names a worksheet (not a chart sheet, macro sheet …)."""
    return str(meta.typ).rsplit(".", 1)[-1] in ("WorkSheet", "worksheet")


class _Gate:
    """The guard's progress, as the read-ahead's thread needs it: which sheets calamine may parse yet.

    Given to ``check_xlsx``: once the zip's sizes pass, calamine opens the workbook and the thread starts;
    it parses a sheet once that sheet's part has passed (or the whole guard, for a sheet it cannot place).
    """

    def __init__(self, data: bytes) -> None:
        self.data = data
        self.ahead: ReadAhead | None = None
        self._cond = threading.Condition()
        self._part_of: dict[str, str] = {}
        self._passed: set[str] = set()
        self._done = False
        self._failed = False

    def sizes_passed(self, names: dict[str, str], sheet_xml: int) -> None:
        import python_calamine as pc

        if sheet_xml > MAX_AHEAD_XML:
            return

        try:
            book = pc.CalamineWorkbook.from_filelike(io.BytesIO(self.data))
        except BaseException as exc:  # calamine raises several unrelated types (and panics) for corrupt files
            if not isinstance(exc, Exception) and type(exc).__name__ != "PanicException":
                raise
            return  # the ordinary read says what is wrong
        by_name: dict[str, list[str]] = {}
        for part, name in names.items():
            by_name.setdefault(name, []).append(part)
        self._part_of = {name: parts[0] for name, parts in by_name.items() if len(parts) == 1}
        self.ahead = ReadAhead(self.data, book, self)
        _ALL.append(self.ahead)

    def part_passed(self, part: str) -> None:
        with self._cond:
            self._passed.add(part)
            self._cond.notify_all()

    def end(self, passed: bool) -> None:
        """The guard is over: every sheet may be parsed, or (``passed`` False) none that has not been."""
        with self._cond:
            self._done, self._failed = True, not passed
            self._cond.notify_all()
        self.data = b""  # (the read-ahead keeps its own reference until the reader takes it)
        if not passed and self.ahead is not None:
            self.ahead.stop()

    def wait(self, name: str, ahead: ReadAhead) -> bool:
        """Wait until sheet ``name`` has passed the guard; False when it will not, or the run is over."""
        part = self._part_of.get(name)
        with self._cond:
            while not self._done and (part is None or part not in self._passed):
                self._cond.wait(0.1)
                if ahead.stopped or not threading.main_thread().is_alive():
                    return False
            return not self._failed


class ReadAhead:
    """An opened xlsx whose worksheets a thread parses one after the other, each handed over once."""

    def __init__(self, data: bytes, book: Any, gate: _Gate) -> None:
        self.data = data
        self._gate = gate
        self.metas = list(book.sheets_metadata)  # read before the thread owns the book
        self._book: Any = book
        self._names = [m.name for m in self.metas if is_worksheet(m)]
        self._ready = [threading.Event() for _ in self._names]
        self._results: list[tuple[Any, BaseException | None]] = [(None, None)] * len(self._names)
        # The next sheet is parsed once the reader asks for it, done with the last one: calamine's parse (its
        # cells twice over for a moment) never meets the previous sheet's rows, and the peak stays as without a
        # read-ahead (overlapping them cost 1.83x -> 2.0x the bare read's memory on two 150k-row sheets).
        self._permits = threading.Semaphore(1)
        self._next = 0
        self.stopped = False
        self._thread = threading.Thread(target=self._work, name="dutyaudit-readahead")
        self._thread.start()

    def _work(self) -> None:
        for i, name in enumerate(self._names):
            while not self._permits.acquire(timeout=0.1):
                if self.stopped or not threading.main_thread().is_alive():  # nobody will take the rest
                    self._book = None
                    return
            if self.stopped or not self._gate.wait(name, self):
                break
            try:
                self._results[i] = (self._book.get_sheet_by_name(name), None)
            except BaseException as exc:  # handed to the reader, which handles it as it always did
                self._results[i] = (None, exc)
            self._ready[i].set()
        self._book = None

    def stop(self) -> None:
        """Parse no further sheet."""
        self.stopped = True

    def sheet(self, name: str) -> Any:
        """The next worksheet, parsed (``name`` is checked against the workbook order); raises what calamine
        raised parsing it. Taking it lets the thread start on the one after the next."""
        i = self._next
        if i >= len(self._names) or self._names[i] != name:
            raise RuntimeError(f"read-ahead out of order: {name!r}")
        if i:
            self._permits.release()
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
    gate: _Gate | None = None
    try:
        data = read_bytes(path)
        if sniff(data) != "xlsx":
            return
        gate = _Gate(data)
        passed = not check_xlsx(data, path, gate)  # (True: binary sheets, read in a child process)
    except Exception:  # the ordinary read raises it again, in its turn
        passed = False
    if gate is None:
        return
    gate.end(passed)
    if passed and gate.ahead is not None:
        _STARTED[str(path)] = gate.ahead


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
