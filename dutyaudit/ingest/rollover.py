"""Dates without a year across a turn of the year: ``12月28日 … 1月5日`` in a log kept in date order.

A year's log often opens with the last weeks of the year before and closes with the first weeks of the next
(a 常委会 on 12月29日, the 述法 on 1月9日). Written without a year, those dates all took the sheet's year, so
the January rows of the next year counted for this one. Here the sheet's dates without a year are read in row
order; where the months run in order and turn over once at the year's end (a month of October or later
followed by one of March or earlier), the part holding most rows keeps the sheet's year and a short part
before it (only September–December) is the year before, a short part after it (only January–April) the year
after. A log in reverse order (newest first) is read the same way backwards. Anything less orderly keeps the
sheet's year for every date, as before: a stray 12月 among March rows is not a turn of the year.
"""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Callable, Sequence
from typing import Any

from dutyaudit.i18n import Msg, msg
from dutyaudit.ingest.dates import DateError, DateRead, read_date
from dutyaudit.ingest.sheetdates import date_key
from dutyaudit.model import RowWarning

#: Marks a date-cache key read with a shifted year: (SHIFTED, years, value).
SHIFTED = object()

#: A turn of the year: a month of October or later next to one of March or earlier.
_LATE, _EARLY = 10, 3
#: The months a short part beside the main one may hold: the year before ends, the year after begins.
_BEFORE_FROM, _AFTER_TO = 9, 4


def year_offsets(months: Sequence[tuple[int, int]]) -> dict[int, int]:
    """Row → years to add to the sheet's year, for the rows of ``months`` ((row, month) of each date without a
    year, in row order) that lie in the year before (−1) or after (+1); empty when there is no clear turn."""
    if len(months) < 3:
        return {}
    seq = [m for _, m in months]
    ups = sum(b > a for a, b in itertools.pairwise(seq))
    downs = sum(b < a for a, b in itertools.pairwise(seq))
    backwards = downs > ups
    order = list(reversed(months)) if backwards else list(months)
    turns = [i for i in range(1, len(order)) if order[i - 1][1] >= _LATE and order[i][1] <= _EARLY]
    if not turns or len(turns) > 2:
        return {}
    parts = [order[a:b] for a, b in itertools.pairwise([0, *turns, len(order)])]
    main = max(range(len(parts)), key=lambda i: len(parts[i]))
    if main > 1 or len(parts) - main > 2 or not all(_sorted(part) for part in parts):  # one part each side at most
        return {}
    out: dict[int, int] = {}
    for i, part in enumerate(parts):
        if i < main and all(m >= _BEFORE_FROM for _, m in part):
            out.update((r, -1) for r, _ in part)
        elif i > main and all(m <= _AFTER_TO for _, m in part):
            out.update((r, 1) for r, _ in part)
        elif i != main:
            return {}
    return out


def _sorted(part: list[tuple[int, int]]) -> bool:
    """Whether the months of one year's part run in order (a month back now and then is a late entry)."""
    back = sum(b < a for (_, a), (_, b) in itertools.pairwise(part))
    return back * 10 <= len(part)


def yearless_months(
    rows: list[list[Any]], start: int, col: int, month_of: Callable[[Any], int | None]
) -> list[tuple[int, int]]:
    """(row index, month) of every date without a year in column ``col`` from ``start`` on, in row order.
    ``month_of`` gives a value's month when the value is a date written without a year, else None."""
    out: list[tuple[int, int]] = []
    seen: dict[Any, int | None] = {}
    for r in range(start, len(rows)):
        row = rows[r]
        v = row[col] if len(row) > col else None
        if v is None or v == "" or v.__class__ not in (str, int, float):
            continue
        if v not in seen:
            seen[v] = month_of(v)
        m = seen[v]
        if m is not None:
            out.append((r, m))
    return out


def year_turn(
    rows: list[list[Any]], start: int, col: int, counts: Counter[Any], cache: dict[Any, DateRead | Msg]
) -> dict[int, int]:
    """Rows (index → years to add) whose date, written without a year, lies past a turn of the year. ``counts``
    holds the column's distinct values, ``cache`` those read already because they carry their year."""
    if all(v is None or v == "" or date_key(v) in cache for v in counts):
        return {}  # every date carries its year (or there are none)
    return year_offsets(yearless_months(rows, start, col, _month_without_year))


def _month_without_year(v: Any) -> int | None:
    """The month of a date written without a year (3月15日), else None."""
    try:
        read_date(v)
        return None  # it has its year
    except DateError:
        pass
    try:
        return read_date(v, 2000).start.month
    except DateError:
        return None


def turn_note(file: str, sheet: str, shifts: dict[int, int], sheet_year: int | None) -> list[RowWarning]:
    """A sheet note when dates without a year were read in the year before or after the sheet's."""
    if not shifts or sheet_year is None:
        return []
    notes = []
    for shift in (-1, 1):
        rows = sorted(r + 1 for r, s in shifts.items() if s == shift)
        if rows:
            key = "warn.year_turn.before" if shift < 0 else "warn.year_turn.after"
            span = f"{rows[0]}–{rows[-1]}" if len(rows) > 1 else str(rows[0])
            notes.append(RowWarning(file, sheet, None, msg=msg(key, n=len(rows), rows=span, year=sheet_year + shift)))
    return notes
