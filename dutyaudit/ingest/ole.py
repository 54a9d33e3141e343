"""Checks on binary Excel files before calamine reads them: old BIFF versions and OLE sector chains.

A BIFF .xls lives in an OLE container: a file allocation table (FAT) chains the container's sectors into
streams. calamine follows those chains without looking for loops, so a 1 KB file whose chain loops makes
it ask for memory until the process aborts. :func:`ole_problem` walks every chain calamine would follow
(the DIFAT, the directory, the mini-FAT, each stream) and names the first that loops or leaves the file;
it costs a few milliseconds on a real log. BIFF2–4 files (Excel 2.x–4.0) have no container at all, and
BIFF5 (Excel 5/95) keeps its data in a "Book" stream: both are refused with advice to re-save.
"""

from __future__ import annotations

import struct
from array import array

_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_END = 0xFFFFFFFE
_FREE = 0xFFFFFFFF
_SPECIAL = 0xFFFFFFFA
#: BOF record types of BIFF2, BIFF3, BIFF4 and BIFF5/8 written without an OLE container.
_BOF = (0x0009, 0x0209, 0x0409, 0x0809)

OLD_EXCEL = (
    "old Excel format (Excel 5.0/95 or earlier, BIFF{v}): re-save as xlsx in Excel, WPS or LibreOffice "
    "and pass that file"
)


def old_biff(data: bytes) -> int:
    """The BIFF version (2–5) of a workbook stored without an OLE container, else 0."""
    if len(data) < 8 or data.startswith(_OLE):
        return 0
    rtype, size = struct.unpack_from("<HH", data, 0)
    if rtype not in _BOF or not 4 <= size <= 20:
        return 0
    if rtype == 0x0809:
        version = struct.unpack_from("<H", data, 4)[0]
        return 5 if version == 0x0500 else 8 if version == 0x0600 else 5
    return {0x0009: 2, 0x0209: 3, 0x0409: 4}[rtype]


class _Chains:
    """The FAT of an OLE container and a loop-proof way to follow its chains."""

    def __init__(self, data: bytes) -> None:
        self.data = data
        shift = struct.unpack_from("<H", data, 30)[0]
        if shift not in (9, 12):
            raise ValueError(f"sector size 2^{shift}")
        self.size = 1 << shift
        self.sectors = max(0, (len(data) - self.size + self.size - 1) // self.size)
        self.per = self.size // 4
        n_fat, first_dir, _, self.cutoff, first_mini, _, first_difat, n_difat = struct.unpack_from(
            "<IIIIIIII", data, 44
        )
        self.first_dir, self.first_mini = first_dir, first_mini
        fat_ids = [s for s in array("I", data[76:512]) if s < _SPECIAL]
        seen: set[int] = set()
        sec = first_difat
        while sec < _SPECIAL and len(fat_ids) < n_fat:
            if sec in seen or sec >= self.sectors:
                raise ValueError("the DIFAT chain loops or leaves the file")
            seen.add(sec)
            entries = self._sector(sec)
            fat_ids.extend(s for s in entries[:-1] if s < _SPECIAL)
            sec = entries[-1]
        if len(seen) > n_difat + 1:
            raise ValueError("the DIFAT is longer than declared")
        self.fat = array("I")
        for s in fat_ids[: max(n_fat, 1)]:
            if s >= self.sectors:
                raise ValueError("a FAT sector lies outside the file")
            self.fat.extend(self._sector(s))

    def _sector(self, sec: int) -> array[int]:
        start = (sec + 1) * self.size
        out = array("I", self.data[start : start + self.size].ljust(self.size, b"\xff"))
        return out

    def chain(self, start: int, table: array[int] | None = None, limit: int | None = None) -> list[int]:
        """The sectors of the chain from ``start`` (in the FAT, or ``table`` for the mini-FAT)."""
        fat = self.fat if table is None else table
        bound = self.sectors if limit is None else limit
        out: list[int] = []
        seen: set[int] = set()
        sec = start
        while sec != _END and sec != _FREE:
            if sec in seen:
                raise ValueError("a sector chain loops")
            if sec >= bound or sec >= len(fat):
                raise ValueError("a sector chain leaves the file")
            seen.add(sec)
            out.append(sec)
            sec = fat[sec]
        return out


def ole_problem(data: bytes) -> str:
    """Why calamine cannot safely read this OLE container ("" when every chain it follows is sound)."""
    try:
        c = _Chains(data)
        dir_bytes = b"".join(c.data[(s + 1) * c.size : (s + 2) * c.size] for s in c.chain(c.first_dir))
        mini_fat = array("I")
        for s in c.chain(c.first_mini) if c.first_mini < _SPECIAL else []:
            mini_fat.extend(c._sector(s))
        entries = []
        for off in range(0, len(dir_bytes) - 127, 128):
            entry = dir_bytes[off : off + 128]
            start, size = struct.unpack_from("<IQ", entry, 116)
            entries.append((entry[66], start, size & 0xFFFFFFFF if c.size == 512 else size))
        # The root entry's chain is the mini stream, where streams under the cutoff live.
        roots = [start for kind, start, _ in entries if kind == 5 and start < _SPECIAL]
        mini_limit = len(c.chain(roots[0])) * (c.size // 64) if roots else 0
        for kind, start, size in entries:
            if kind != 2 or not size:
                continue
            if size > len(data) * 64:
                raise ValueError("a stream is larger than the file could hold")
            if size < c.cutoff:
                c.chain(start, mini_fat, mini_limit)
            else:
                c.chain(start)
    except (ValueError, struct.error, IndexError) as exc:
        return str(exc)
    return ""


def ole_streams(data: bytes) -> set[str]:
    """Names of the streams in an OLE container's directory (empty when it cannot be read)."""
    try:
        c = _Chains(data)
        names = set()
        for s in c.chain(c.first_dir):
            block = c.data[(s + 1) * c.size : (s + 2) * c.size]
            for off in range(0, len(block) - 127, 128):
                n = struct.unpack_from("<H", block, off + 64)[0]
                if 2 <= n <= 64:
                    names.add(block[off : off + n - 2].decode("utf-16-le", "replace"))
        return names
    except (ValueError, struct.error, IndexError):
        return set()
