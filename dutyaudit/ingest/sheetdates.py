"""The date column of one sheet: its distinct values read once, the year they tell, and the sheet's note when
dates written without a year (3月15日) took one from the others."""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from operator import itemgetter
from typing import Any

from dutyaudit.i18n import Msg, msg
from dutyaudit.ingest.dates import DateError, DateRead, read_date
from dutyaudit.model import RowWarning

HASHABLE = frozenset((str, int, float, dt.date, dt.datetime))
"""Cell value types used as date-cache keys as they are (others by their repr)."""


def date_key(v: Any) -> Any:
    """The date cache's key for a cell value (its repr when the value's type is not a plain one)."""
    return v if v.__class__ in HASHABLE else repr(v)


def date_values(rows: list[list[Any]], start: int, col: int, cache: dict[Any, DateRead | Msg]) -> Counter[Any]:
    """How often each distinct value occurs in the date column below the header. Values that carry their own
    year (2023-03-15, an Excel date) are read into ``cache`` now: they tell the sheet's year before any
    date without one (3月15日) is read."""
    data = rows[start:]
    try:
        counts = Counter(map(itemgetter(col), data))
    except IndexError:  # ragged rows (text files)
        counts = Counter(r[col] if len(r) > col else "" for r in data)
    for v in counts:
        if v is None or v == "" or v.__class__ not in HASHABLE:
            continue
        try:
            got = read_date(v)
        except DateError:
            continue  # no year, or not a date: read row by row with the sheet's year
        cache[v] = got
    return counts


def date_note(
    file: str,
    sheet: str,
    counts: Counter[Any],
    cache: dict[Any, DateRead | Msg],
    context_year: int | None,
    sheet_year: int | None,
    from_dates: bool,
) -> list[RowWarning]:
    """A sheet note when dates without a year (3月15日) took the year of the sheet's other dates: because
    nothing else named one, or because the title names a year none of those dates is in."""
    no_year = sum(
        n for v, n in counts.items() if isinstance(got := cache.get(date_key(v)), DateRead) and not got.year_given
    )
    if not from_dates or not no_year:
        return []
    said = msg("warn.no_year.said", year=context_year) if context_year else ""
    why = msg("warn.no_year", n=no_year, dates=_n(no_year, "date"), year=sheet_year, said=said)
    return [RowWarning(file, sheet, None, msg=why)]


def _n(n: int, noun: str) -> str:
    return f"{n} {noun}" + ("" if n == 1 else "s")


_BARE_DAY = re.compile(r"\s*(\d{1,2})\s*[日号號]?\s*")
_MONTH = re.compile(r"\s*(?:(?:19|20)?\d{2}\s*年)?\s*\d{1,2}\s*月份?\s*")


def join_month_column(rows: list[list[Any]], start: int, c_date: int, c_month: int) -> int:
    """Write each day-only date (15日, 15) of rows ``start``… as one date with the month column beside it
    (3月 → 3月15日; a month left blank repeats the one above). Returns how many dates were joined.

    A date that already holds its month (3.15, 3月15日) is left as it is; so is a day beside no month."""
    month = ""
    joined = 0
    for r in range(start, len(rows)):
        row = rows[r]
        if len(row) <= max(c_date, c_month):
            continue
        m = row[c_month]
        text = m.strip() if isinstance(m, str) else ""
        if text and _MONTH.fullmatch(text):
            month = text.removesuffix("份")
        elif (bare := bare_month(m)) is not None:
            month = bare
        elif text or (m not in (None, "") and not isinstance(m, str)):
            month = ""  # something else in the month column: no month to carry on
        day = row[c_date]
        if isinstance(day, int | float) and not isinstance(day, bool) and float(day).is_integer():
            day = str(int(day))
        found = _BARE_DAY.fullmatch(day) if isinstance(day, str) else None
        if month and found and 1 <= int(found.group(1)) <= 31:
            row[c_date] = f"{month}{int(found.group(1))}日"
            joined += 1
    return joined


_BARE_MONTH = re.compile(r"\s*(\d{1,2})\s*")


def bare_month(v: Any) -> str | None:
    """A month column's bare number (3, 3.0, "3") as a month (3月); None for anything else."""
    if isinstance(v, int | float) and not isinstance(v, bool) and float(v).is_integer():
        n = int(v)
    elif isinstance(v, str) and (found := _BARE_MONTH.fullmatch(v)):
        n = int(found.group(1))
    else:
        return None
    return f"{n}月" if 1 <= n <= 12 else None


def month_numbers(rows: list[list[Any]], start: int, col: int) -> int:
    """Write the bare numbers (3) of a month column that is the sheet's date as months (3月), so that they are
    read as the month and not as a day count. Returns how many were written."""
    written = 0
    for r in range(start, len(rows)):
        row = rows[r]
        if len(row) > col and (month := bare_month(row[col])) is not None:
            row[col] = month
            written += 1
    return written
