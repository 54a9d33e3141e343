"""Reading the dates clerks write: Excel dates and serials, 2023-03-15, 2023/3/15, 2023.3.15,
2023年3月15日(号), 二〇二三年三月十五日, 3月15日 and 3.15 (year from context), ranges (start, end)."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from typing import Any

_EPOCH = dt.date(1899, 12, 30)
_SERIAL_MIN, _SERIAL_MAX = 18264, 73051  # 1950-01-01 … 2099-12-31
_DIGIT = {
    "〇": 0,
    "零": 0,
    "○": 0,
    "o": 0,
    "ｏ": 0,
    "O": 0,
    "Ｏ": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
_CN_RUN = re.compile(r"[〇零○一二两三四五六七八九十廿卅]+")
_YMD = re.compile(r"(\d{4})\s*(?:[-/.年]\s*)(\d{1,2})\s*(?:[-/.月]\s*)(\d{1,2})(?!\d)\s*[日号]?")
_COMPACT = re.compile(r"(\d{4})(\d{2})(\d{2})(?!\d)")
_MD = re.compile(r"(\d{1,2})\s*[-/.月]\s*(\d{1,2})(?!\d)\s*[日号]?")
_YM = re.compile(r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*月?$")
_D = re.compile(r"(\d{1,2})\s*[日号]")
_DAY_ONLY = re.compile(r"(\d{1,2})(?!\d)\s*[日号]?")
_RANGE = re.compile(r"\s*(?:--?|—+|–|~|～|至|到|－)\s*")
_TIME = re.compile(r"\s*(?:T|\s)?\d{1,2}[:：]\d{2}(?:[:：]\d{2}(?:\.\d+)?)?")


class DateError(ValueError):
    """A value that is not a readable date; the message says why."""


def _cn_number(run: str) -> str:
    """二〇二三 → 2023, 十二 → 12, 二十一 → 21, 十 → 10."""
    if not any(c in run for c in "十廿卅"):
        return "".join(str(_DIGIT[c]) for c in run)
    run = run.replace("廿", "二十").replace("卅", "三十")
    head, _, tail = run.partition("十")
    tens = _DIGIT.get(head, 1) if head else 1
    if len(head) > 1:
        raise DateError(f"cannot read the number {run!r}")
    ones = _DIGIT.get(tail, 0) if tail else 0
    if len(tail) > 1:
        raise DateError(f"cannot read the number {run!r}")
    return str(tens * 10 + ones)


def _digits(s: str) -> str:
    s = unicodedata.normalize("NFKC", s).strip()
    s = s.replace("〇", "0").replace("○", "0") if re.search(r"\d[〇○]|[〇○]\d", s) else s
    return _CN_RUN.sub(lambda m: _cn_number(m.group()), s)


def _make(y: int, m: int, d: int, raw: str) -> dt.date:
    if not 1949 <= y <= 2100:
        raise DateError(f"year {y} is out of range in {raw!r}")
    try:
        return dt.date(y, m, d)
    except ValueError:
        raise DateError(f"no such day: {raw!r}") from None


def _from_serial(x: float, raw: Any) -> dt.date:
    if not _SERIAL_MIN <= x <= _SERIAL_MAX:
        raise DateError(f"{raw!r} is not a date")
    return _EPOCH + dt.timedelta(days=int(x))


def parse_date(value: Any, year: int | None = None) -> tuple[dt.date, dt.date | None]:
    """Return (date, end_date) for a cell value; ``year`` fills in dates written without one.

    Raises :class:`DateError` for anything that is not a date (empty, garbage, impossible days).
    """
    if isinstance(value, dt.datetime):
        return value.date(), None
    if isinstance(value, dt.date):
        return value, None
    if isinstance(value, bool) or value is None:
        raise DateError("empty date")
    if isinstance(value, int | float):
        return _from_serial(float(value), value), None
    raw = str(value)
    s = _digits(raw)
    if not s:
        raise DateError("empty date")
    if re.fullmatch(r"\d{5}(?:\.\d+)?", s):
        return _from_serial(float(s), raw), None
    start, rest, y = _head(s, raw, year)
    rest = _TIME.sub("", rest, count=1) if _TIME.match(rest) else rest
    m = _RANGE.match(rest)
    if not m or not rest[m.end() :]:
        return start, None
    end = _tail(rest[m.end() :], start, raw, y)
    return start, end if end and end >= start else None


def _head(s: str, raw: str, year: int | None) -> tuple[dt.date, str, int]:
    for pat in (_YMD, _COMPACT):
        m = pat.match(s)
        if m:
            y, mo, d = (int(g) for g in m.groups())
            return _make(y, mo, d, raw), s[m.end() :], y
    m = _YM.match(s)
    if m:
        y, mo = int(m.group(1)), int(m.group(2))
        return _make(y, mo, 1, raw), "", y
    m = _MD.match(s)
    if m:
        if year is None:
            raise DateError(f"{raw!r} has no year (give --year or put the year in the title)")
        return _make(year, int(m.group(1)), int(m.group(2)), raw), s[m.end() :], year
    raise DateError(f"unreadable date {raw!r}")


def _tail(s: str, start: dt.date, raw: str, year: int) -> dt.date | None:
    """The end of a range: a full date, month-day, or a day of the start's month."""
    for pat in (_YMD, _COMPACT):
        m = pat.match(s)
        if m:
            y, mo, d = (int(g) for g in m.groups())
            return _make(y, mo, d, raw)
    m = _MD.match(s)
    if m:
        return _make(year, int(m.group(1)), int(m.group(2)), raw)
    m = _DAY_ONLY.match(s)
    if m:
        return _make(start.year, start.month, int(m.group(1)), raw)
    return None


def year_in(text: str) -> int | None:
    """A four-digit year (1990–2099) named in a title, sheet or file name, else None."""
    m = re.search(r"(?<!\d)(19[9]\d|20\d\d)(?!\d)\s*年?", _digits(text)) if text else None
    return int(m.group(1)) if m else None
