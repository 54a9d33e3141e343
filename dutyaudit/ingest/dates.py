"""Reading the dates clerks write.

Accepted, as cell values or text (full-width digits and traditional characters too):

- Excel dates and date-times; Excel serial numbers, also stored as text (``45000``, ``45000.5``);
- ``2023-03-15``, ``2023/3/15``, ``2023.3.15``, ``20230315`` (also as a number), ``2023年3月15日`` / ``号`` /
  ``號``, ``二〇二三年三月十五日`` (also with the letter O: ``二O二三年``), ``2023年三月十五日``, a two-digit year
  (``23年3月15日``, ``23.3.15``); a time after the date is ignored (``2023-03-15 09:30``);
- without a year, given the year from context (title, sheet or file name, ``--year``): ``3月15日``,
  ``三月十五日``, ``3.15``, ``3/15``, ``3-15`` — also a number cell 3.15;
- ranges: ``2023年3月15日-16日``, ``3月15日至17日``, ``2023.3.15—2023.4.2``, ``2023年12月30日至1月2日``:
  the start is the date, the end becomes ``end_date`` (a duration);
- month only: ``2023年3月``, ``2023-03``, ``3月`` (with a year from context): read as the 1st of the month
  and flagged (``month_only``) so ingest can warn that the day is not known; likewise a part of a month or a
  year, read as its first day: ``3月上旬`` / ``中旬`` / ``下旬`` (the 1st, 11th, 21st), ``2023年第一季度`` /
  ``Q1``, ``2023年上半年`` / ``下半年``;
- ``3/15/2023`` (month/day/year, as an English-locale Excel writes CSV); a leading apostrophe (``'2023-03-15``,
  the way some systems force text) is ignored; a time range after a date (``2023-03-15 9:00-11:30``) is a time,
  not a range of days.

Anything else raises :class:`DateError` and nothing else.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from typing import Any, NamedTuple

from dutyaudit.i18n import Msg, msg

_EPOCH = dt.date(1899, 12, 30)
_SERIAL_MIN, _SERIAL_MAX = 18264, 73051  # 1950-01-01 … 2099-12-31
_YEAR_MIN, _YEAR_MAX = 1949, 2100
#: Chinese (and look-alike) digits as numbers: dates (二〇二三年) and counts (两次) read them.
CN_DIGITS = {
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
    "兩": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
_CN_RUN = re.compile(r"[〇零○一二两兩三四五六七八九十廿卅]+")
_DAY_MARK = r"[日号號]"
_YMD = re.compile(r"(\d{4})\s*(?:[-/.年]\s*)(\d{1,2})\s*(?:[-/.月]\s*)(\d{1,2})(?!\d)\s*" + _DAY_MARK + "?")
_COMPACT = re.compile(r"(\d{4})(\d{2})(\d{2})(?!\d)")
_MD = re.compile(r"(\d{1,2})\s*[-/.月]\s*(\d{1,2})(?!\d)\s*" + _DAY_MARK + "?")
_YM = re.compile(r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*(?:月份?)?\s*$")
_M_ONLY = re.compile(r"(\d{1,2})\s*月份?\s*$")
_DAY_ONLY = re.compile(r"(\d{1,2})(?!\d)\s*" + _DAY_MARK + "?")
_RANGE = re.compile(r"\s*(?:--?|—+|–|~|至|到|－)\s*")
_TIME = re.compile(r"\s*(?:T|\s)?\d{1,2}[:：]\d{2}(?:[:：]\d{2}(?:\.\d+)?)?")
_SERIAL_TEXT = re.compile(r"\d{5}(?:\.\d+)?")
_MDY = re.compile(r"(\d{1,2})\s*/\s*(\d{1,2})\s*/\s*(\d{4})(?!\d)")
_CLOCK = re.compile(r"\d{1,2}[:：]\d{2}")
_YEAR_PART = r"(?:(\d{4})\s*年?\s*度?\s*)?"
_XUN = re.compile(_YEAR_PART + r"(\d{1,2})\s*月份?\s*(上|中|下)\s*旬\s*$")
_QUARTER = re.compile(_YEAR_PART + r"(?:第?\s*([1-4])\s*季度?|[qQ]\s*([1-4]))\s*$")
_HALF = re.compile(_YEAR_PART + r"(上|下)\s*半\s*年\s*度?\s*$")
_YEAR_ONLY = re.compile(r"(\d{4})\s*年?\s*度?\s*(?:全年)?$")
_QUOTES = "'‘’`"
_ZERO_IN_DIGITS = re.compile(r"\d[〇○]|[〇○]\d")
_LETTER_O = re.compile(r"(?<=[〇零○一二三四五六七八九])[Oo]|[Oo](?=[〇零○一二三四五六七八九])")
# A two-digit year: 23年3月15日, 23.3.15 (the first number cannot be a month, so it is a year: 2013–2099)
_YY = re.compile(r"(\d{2})\s*(?:年|[-/.])\s*(\d{1,2})\s*(?:月|[-/.])\s*(\d{1,2})(?!\d)\s*" + _DAY_MARK + "?")
_YEAR_IN = re.compile(r"(?<!\d)(199\d|20\d\d)(?!\d)")


class DateError(ValueError):
    """A value that is not a readable date; the message (an i18n :class:`Msg`) says why."""

    def __init__(self, why: Msg) -> None:
        super().__init__(why.render("en"))
        self.msg = why


class DateRead(NamedTuple):
    """A date read from a cell: its start, the end of a range (or None), and whether the day is unknown (only a
    month, a part of a month such as 上旬, a quarter or a half-year was given: ``start`` is its first day)."""

    start: dt.date
    end: dt.date | None
    month_only: bool = False
    year_given: bool = True
    """False when the year came from context (``3月15日``), not from the value itself."""


def _cn_number(run: str) -> str:
    """二〇二三 → 2023, 十二 → 12, 二十一 → 21, 十 → 10."""
    if not any(c in run for c in "十廿卅"):
        return "".join(str(CN_DIGITS[c]) for c in run)
    run = run.replace("廿", "二十").replace("卅", "三十")
    head, _, tail = run.partition("十")
    if len(head) > 1 or len(tail) > 1:
        raise DateError(msg("date.number", run=run))
    tens = CN_DIGITS.get(head, 1) if head else 1
    ones = CN_DIGITS.get(tail, 0) if tail else 0
    return str(tens * 10 + ones)


def _digits(s: str) -> str:
    s = unicodedata.normalize("NFKC", s).strip()
    if "O" in s or "o" in s:  # 二O二三年: the letter O typed for 〇
        s = _LETTER_O.sub("〇", s)
    if _ZERO_IN_DIGITS.search(s):
        s = s.replace("〇", "0").replace("○", "0")
    return _CN_RUN.sub(lambda m: _cn_number(m.group()), s)


def _make(y: int, m: int, d: int, raw: object) -> dt.date:
    if not _YEAR_MIN <= y <= _YEAR_MAX:
        raise DateError(msg("date.year_range", y=y, raw=raw))
    try:
        return dt.date(y, m, d)
    except ValueError:
        raise DateError(msg("date.no_day", raw=raw)) from None


def _from_serial(x: float, raw: object) -> dt.date:
    if not _SERIAL_MIN <= x <= _SERIAL_MAX:  # also false for NaN
        raise DateError(msg("date.not_date", raw=raw))
    return _EPOCH + dt.timedelta(days=int(x))


def read_date(value: Any, year: int | None = None) -> DateRead:
    """Read a cell value as a :class:`DateRead`; ``year`` fills in dates written without one.

    Raises :class:`DateError` for anything that is not a date (empty, garbage, impossible days).
    """
    if isinstance(value, dt.datetime):
        return DateRead(value.date(), None)
    if isinstance(value, dt.date):
        return DateRead(value, None)
    if isinstance(value, bool) or value is None:
        raise DateError(msg("date.empty"))
    if isinstance(value, int):
        if 19490101 <= value <= 21001231:
            return _read_text(str(value), value, year)
        return DateRead(_from_serial(value, value), None)
    if isinstance(value, float):
        if value.is_integer() and 19490101 <= value <= 21001231:  # 20230315 typed into a number cell
            return _read_text(str(int(value)), value, year)
        if value.is_integer() or value != value or value in (float("inf"), float("-inf")):
            return DateRead(_from_serial(value, value), None)
        if 1 <= value < 13:  # a month.day typed into a number cell: 3.15
            return _read_text(repr(value), value, year)
        return DateRead(_from_serial(value, value), None)
    return _read_text(str(value), value, year)


def parse_date(value: Any, year: int | None = None) -> tuple[dt.date, dt.date | None]:
    """Return (date, end_date) for a cell value; ``year`` fills in dates written without one.

    Raises :class:`DateError` for anything that is not a date (empty, garbage, impossible days).
    """
    got = read_date(value, year)
    return got.start, got.end


def _read_text(raw: str, shown: object, year: int | None) -> DateRead:
    s = _digits(raw).lstrip(_QUOTES).lstrip()
    if not s:
        raise DateError(msg("date.empty"))
    if _SERIAL_TEXT.fullmatch(s):
        return DateRead(_from_serial(float(s), shown), None)
    start, rest, y, month_only, year_given = _head(s, shown, year)
    if month_only:
        return DateRead(start, None, True, year_given)
    if _TIME.match(rest):
        rest = _TIME.sub("", rest, count=1)
    m = _RANGE.match(rest)
    if not m or not rest[m.end() :] or _CLOCK.match(rest, m.end()):
        return DateRead(start, None, False, year_given)  # no range, or a time range (9:00-11:30) on one day
    end = _tail(rest[m.end() :], start, shown, y)
    return DateRead(start, end if end and end >= start else None, False, year_given)


def _head(s: str, raw: object, year: int | None) -> tuple[dt.date, str, int, bool, bool]:
    """(start, the text after it, its year, whether the day is unknown, whether the year was written)."""
    for pat in (_YMD, _COMPACT):
        m = pat.match(s)
        if m:
            y, mo, d = (int(g) for g in m.groups())
            return _make(y, mo, d, raw), s[m.end() :], y, False, True
    m = _YM.match(s)
    if m:
        y, mo = int(m.group(1)), int(m.group(2))
        return _make(y, mo, 1, raw), "", y, True, True
    m = _MDY.match(s)
    if m:
        mo, d, y = (int(g) for g in m.groups())
        if mo > 12 >= d:  # 15/3/2023: day first
            mo, d = d, mo
        return _make(y, mo, d, raw), s[m.end() :], y, False, True
    m = _YY.match(s)
    if m and (int(m.group(1)) > 12 or "年" in m.group()):
        y, mo, d = 2000 + int(m.group(1)), int(m.group(2)), int(m.group(3))
        return _make(y, mo, d, raw), s[m.end() :], y, False, True
    period = _period(s, raw, year)
    if period is not None:
        return period[0], "", period[0].year, True, period[1]
    m = _MD.match(s)
    if m:
        if year is None:
            raise DateError(msg("date.no_year", raw=raw))
        return _make(year, int(m.group(1)), int(m.group(2)), raw), s[m.end() :], year, False, False
    m = _M_ONLY.match(s)
    if m:
        if year is None:
            raise DateError(msg("date.no_year", raw=raw))
        return _make(year, int(m.group(1)), 1, raw), "", year, True, False
    if _YEAR_ONLY.match(s):
        raise DateError(msg("date.only_year", raw=raw))
    raise DateError(msg("date.unreadable", raw=raw))


def _period(s: str, raw: object, year: int | None) -> tuple[dt.date, bool] | None:
    """The first day of a part of a month or year (3月上旬, 2023年第一季度, Q2, 下半年) and whether the
    year was written, or None."""
    m = _XUN.match(s)
    if m:
        y, day = m.group(1), {"上": 1, "中": 11, "下": 21}[m.group(3)]
        month = int(m.group(2))
    else:
        m = _QUARTER.match(s)
        if m:
            y, day = m.group(1), 1
            month = 3 * int(m.group(2) or m.group(3)) - 2
        else:
            m = _HALF.match(s)
            if not m:
                return None
            y, day = m.group(1), 1
            month = 1 if m.group(2) == "上" else 7
    if y is None and year is None:
        raise DateError(msg("date.no_year", raw=raw))
    if y is not None:
        return _make(int(y), month, day, raw), True
    assert year is not None
    return _make(year, month, day, raw), False


def _tail(s: str, start: dt.date, raw: object, year: int) -> dt.date | None:
    """The end of a range: a full date, month-day (in the next year if it would precede the start),
    or a day of the start's month."""
    for pat in (_YMD, _COMPACT):
        m = pat.match(s)
        if m:
            y, mo, d = (int(g) for g in m.groups())
            return _make(y, mo, d, raw)
    m = _MD.match(s)
    if m:
        mo, d = int(m.group(1)), int(m.group(2))
        end = _make(year, mo, d, raw)
        return end if end >= start else _make(year + 1, mo, d, raw)
    m = _DAY_ONLY.match(s)
    if m:
        return _make(start.year, start.month, int(m.group(1)), raw)
    return None


def year_in(text: str) -> int | None:
    """A four-digit year (1990–2099) named in a title, sheet or file name, else None."""
    if not text:
        return None
    try:
        m = _YEAR_IN.search(_digits(text))
    except DateError:
        m = _YEAR_IN.search(unicodedata.normalize("NFKC", text))
    return int(m.group(1)) if m else None


#: Full-width digits and marks, and the dots of 4·15 / 12·4, as the date patterns read them (one character each).
_WIDE = str.maketrans("０１２３４５６７８９．／－·•・", "0123456789./-...")
_DAY_END = r"(?!\d)\s*[日号號]?"
_RANGE_END = (
    r"(?:\s*(?:--?|—+|–|~|至|到)\s*(?:(?:19|20)\d\d\s*[年./-]\s*)?(?:\d{1,2}\s*[月./-]\s*)?\d{1,2}" + _DAY_END + ")?"
)
#: A part of a month after 3月: 上旬/中旬/下旬, and 月初/月底/月末 (read as 上旬/下旬; 初步 is not 初).
_MONTH_PART = r"(?:[上中下]\s*旬|底|末|初(?![步次期心稿审始中级任]))"
#: A date at the start of a text (a clerk's notebook: ``2.7 常委会…``, ``3月中旬 …``, ``2023年4月12日 …``).
_LEADING = re.compile(
    r"\s*(?:"
    r"(?:19|20)\d\d\s*[年./-]\s*\d{1,2}\s*[月./-]\s*\d{1,2}" + _DAY_END + _RANGE_END + "|"
    r"(?:19|20)\d\d\s*年\s*\d{1,2}\s*月份?(?:\s*" + _MONTH_PART + ")?|"
    r"(?:19|20)\d\d\s*[./-]\s*\d{1,2}(?![\d./-])|"
    r"\d{1,2}\s*月\s*\d{1,2}" + _DAY_END + _RANGE_END + "|"
    r"\d{1,2}\s*月份?\s*" + _MONTH_PART + "|"
    r"\d{1,2}\s*月份?(?!\d)|"
    r"\d{1,2}\s*[./]\s*\d{1,2}(?![\d./])" + _RANGE_END + ")"
)
_PART_AS_XUN = str.maketrans({"底": "下旬", "末": "下旬", "初": "上旬"})
#: What may not follow a leading number for it to be a date: 1.5万元 is an amount, 3.5%, 2.5小时 …
_MEASURE = frozenset("万亿千百元%％倍个個次人件名天亩畝吨噸米岁歲小分期项項条條")
_AFTER_DATE = re.compile(r"[\s,，、:：;；。.．\-—–~]+")


def leading_date(text: str) -> tuple[str, str] | None:
    """Split a text that starts with a date into (the date, as :func:`read_date` reads it, and the rest):
    ``'2.7 常委会听取汇报'`` → ``('2.7', '常委会听取汇报')``, ``'4·15 国家安全教育日'`` → ``('4.15', …)``,
    ``'7月底 …'`` → ``('7月下旬', …)``; None when the text does not start with a valid date. Only the start is
    looked at, so an ordinal (``1.会前学法``) or a number inside the text is never a date; ``2.30`` and ``13.5``
    are not days, and ``1.5万元`` is an amount."""
    head = text[:40].translate(_WIDE)
    m = _LEADING.match(head)
    if not m:
        return None
    end = m.end()
    if end < len(head) and head[end] in _MEASURE:
        return None
    written = head[:end].strip().translate(_PART_AS_XUN)
    try:
        read_date(written, 2000)  # a leap year: 2.29 is a day; the real year comes later
    except DateError:
        return None
    rest = text[end:]
    sep = _AFTER_DATE.match(rest)
    return written, (rest[sep.end() :] if sep else rest).strip()
