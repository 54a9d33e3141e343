"""The reader interface: a reader turns one file into raw sheets (cells from A1, merged ranges).

Everything after that — finding the header, mapping columns, reading dates — is shared
(``ingest.table``), so a new format only needs a reader.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from dutyaudit.i18n import Msg, msg
from dutyaudit.ingest.limits import MAX_MERGED_CELLS, MAX_MERGES, LimitError


@dataclass(slots=True)
class RawSheet:
    """One sheet as cells. ``rows[i]`` is sheet row ``i + 1``; ``rows[i][j]`` is column ``j + 1``."""

    name: str
    rows: list[list[Any]]
    merged: list[tuple[int, int, int, int]] = field(default_factory=list)
    """Merged ranges as 0-based inclusive (first_row, first_col, last_row, last_col)."""
    hidden: bool = False
    """The sheet is hidden in the workbook (it is read all the same)."""
    titles: list[str] = field(default_factory=list)
    """Title text the office suite shows in no row of its own (an HTML table's <caption>): context for the
    year and the unit, like the title rows above the header."""
    notes: list[Msg] = field(default_factory=list)
    """What the reader had to overlook to read this sheet (a stray NUL byte, a merge it could not take),
    each shown as a warning for the sheet."""
    skipped: bool = False
    """The sheet could not be read at all (``notes`` says why); the file's other sheets are read."""


class Reader(ABC):
    """Reads one kind of file into :class:`RawSheet` objects. Raises ``InputError`` on a bad file."""

    #: Short name of the format, for messages.
    name: str = "?"
    #: Set while reading: how the file was read (e.g. the encoding), appended to "no header" errors.
    detail: str | Msg = ""

    @abstractmethod
    def sheets(self, path: Path, data: bytes) -> Iterator[RawSheet]:
        """Yield the sheets of the file whose bytes are ``data`` (``path`` is for messages)."""


def fill_merged(sheet: RawSheet, across_before: int | None = None) -> None:
    """Copy each merged range's top-left value into the range (in place).

    Ranges starting above row index ``across_before`` (titles and headers) are filled whole; ranges
    lower down (data) are filled down their first column only, so a title merged across the type
    column does not become a type. Ranges are clipped to the cells the sheet has: a merge declared
    out to XFD1048576 costs no more than the table it covers. Repeated ranges count once, and the cells
    all ranges cover together are bounded (:data:`~dutyaudit.ingest.limits.MAX_MERGED_CELLS`).
    """
    rows = sheet.rows
    if not sheet.merged or not rows:
        return
    merged = list(dict.fromkeys(sheet.merged))
    if len(merged) > MAX_MERGES:
        raise LimitError(
            msg("lw.merges", name=sheet.name, n=f"{len(merged):,}"),
            msg("ll.merges", n=f"{MAX_MERGES:,}"),
            None,
        )
    width = max(len(r) for r in rows)
    last_row = len(rows) - 1
    budget = MAX_MERGED_CELLS
    for r0, c0, r1, c1 in merged:
        if r0 > last_row or c0 >= width or r0 < 0 or c0 < 0:
            continue
        top = rows[r0]
        value = top[c0] if c0 < len(top) else None
        if value is None or value == "":
            continue
        c_end = min(c1, width - 1) if across_before is None or r0 < across_before else c0
        r_end = min(r1, last_row)
        budget -= (r_end - r0 + 1) * (c_end - c0 + 1)
        if budget < 0:
            raise LimitError(
                msg("lw.merge_overlap", name=sheet.name),
                msg("ll.merged_cells", n=f"{MAX_MERGED_CELLS:,}"),
                None,
            )
        for r in range(r0, r_end + 1):
            row = rows[r]
            if len(row) <= c_end:
                row.extend([""] * (c_end + 1 - len(row)))
            for c in range(c0, c_end + 1):
                if row[c] is None or row[c] == "":
                    row[c] = value
