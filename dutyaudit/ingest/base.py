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


@dataclass(slots=True)
class RawSheet:
    """One sheet as cells. ``rows[i]`` is sheet row ``i + 1``; ``rows[i][j]`` is column ``j + 1``."""

    name: str
    rows: list[list[Any]]
    merged: list[tuple[int, int, int, int]] = field(default_factory=list)
    """Merged ranges as 0-based inclusive (first_row, first_col, last_row, last_col)."""


class Reader(ABC):
    """Reads one kind of file into :class:`RawSheet` objects. Raises ``InputError`` on a bad file."""

    #: Short name of the format, for messages.
    name: str = "?"

    @abstractmethod
    def sheets(self, path: Path, data: bytes) -> Iterator[RawSheet]:
        """Yield the sheets of the file whose bytes are ``data`` (``path`` is for messages)."""


def fill_merged(sheet: RawSheet) -> None:
    """Copy each merged range's top-left value into the rest of the range (in place)."""
    rows = sheet.rows
    for r0, c0, r1, c1 in sheet.merged:
        if r0 >= len(rows):
            continue
        top = rows[r0]
        value = top[c0] if c0 < len(top) else None
        if value is None or value == "":
            continue
        for r in range(r0, min(r1, len(rows) - 1) + 1):
            row = rows[r]
            if len(row) <= c1:
                row.extend([""] * (c1 + 1 - len(row)))
            for c in range(c0, c1 + 1):
                if row[c] is None or row[c] == "":
                    row[c] = value
