"""The date parser: every supported way of writing a date reads back to that date; garbage only raises DateError."""

from __future__ import annotations

import datetime as dt
import math

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from dutyaudit.ingest.dates import DateError, parse_date, read_date, year_in

_CN = "〇一二三四五六七八九"
_EPOCH = dt.date(1899, 12, 30)


def cn_year(y: int) -> str:
    return "".join(_CN[int(c)] for c in str(y))


def cn_small(n: int) -> str:
    """1..31 the way people write them: 十, 十五, 二十, 二十一, 三十一."""
    tens, ones = divmod(n, 10)
    if tens == 0:
        return _CN[ones]
    return ("" if tens == 1 else _CN[tens]) + "十" + (_CN[ones] if ones else "")


def fullwidth(s: str) -> str:
    return "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c for c in s)


# Each form: (name, renders a date, needs the year from context)
FORMS = [
    ("iso", lambda d: d.isoformat(), False),
    ("dash-short", lambda d: f"{d.year}-{d.month}-{d.day}", False),
    ("slash", lambda d: f"{d.year}/{d.month}/{d.day}", False),
    ("dot", lambda d: f"{d.year}.{d.month}.{d.day}", False),
    ("compact", lambda d: d.strftime("%Y%m%d"), False),
    ("nian-yue-ri", lambda d: f"{d.year}年{d.month}月{d.day}日", False),
    ("hao", lambda d: f"{d.year}年{d.month}月{d.day}号", False),
    ("trad-hao", lambda d: f"{d.year}年{d.month}月{d.day}號", False),
    ("spaced", lambda d: f"{d.year} 年 {d.month} 月 {d.day} 日", False),
    ("cn-numerals", lambda d: f"{cn_year(d.year)}年{cn_small(d.month)}月{cn_small(d.day)}日", False),
    ("cn-month-day", lambda d: f"{d.year}年{cn_small(d.month)}月{cn_small(d.day)}日", False),
    ("fullwidth", lambda d: fullwidth(d.isoformat()), False),
    ("fullwidth-cn", lambda d: fullwidth(f"{d.year}年{d.month}月{d.day}日"), False),
    ("datetime-text", lambda d: f"{d.isoformat()} 09:30", False),
    ("iso-datetime", lambda d: f"{d.isoformat()}T09:30:00", False),
    ("weekday", lambda d: f"{d.year}年{d.month}月{d.day}日（星期三）", False),
    ("serial-text", lambda d: str((d - _EPOCH).days), False),
    ("serial-number", lambda d: (d - _EPOCH).days, False),
    ("serial-float", lambda d: (d - _EPOCH).days + 0.375, False),
    ("date", lambda d: d, False),
    ("datetime", lambda d: dt.datetime(d.year, d.month, d.day, 14, 5), False),
    ("month-day", lambda d: f"{d.month}月{d.day}日", True),
    ("month-day-hao", lambda d: f"{d.month}月{d.day}号", True),
    ("cn-month-day-only", lambda d: f"{cn_small(d.month)}月{cn_small(d.day)}日", True),
    ("m.d", lambda d: f"{d.month}.{d.day}", True),
    ("m/d", lambda d: f"{d.month}/{d.day}", True),
]

dates = st.dates(min_value=dt.date(1950, 1, 1), max_value=dt.date(2099, 12, 31))


@settings(max_examples=400, deadline=None)
@given(d=dates, form=st.sampled_from(FORMS))
@example(d=dt.date(2023, 3, 15), form=FORMS[9])
@example(d=dt.date(2020, 2, 29), form=FORMS[5])
def test_every_supported_form_reads_back(d: dt.date, form) -> None:
    name, render, needs_year = form
    value = render(d)
    start, end = parse_date(value, d.year if needs_year else None)
    assert start == d, (name, value)
    assert end is None


@settings(max_examples=200, deadline=None)
@given(d=dates, days=st.integers(min_value=0, max_value=40))
def test_ranges_give_start_and_end(d: dt.date, days: int) -> None:
    e = d + dt.timedelta(days=days)
    if e.year > 2099:
        return
    assert parse_date(f"{d.year}年{d.month}月{d.day}日-{e.year}年{e.month}月{e.day}日") == (d, e)
    assert parse_date(f"{d.isoformat()}至{e.isoformat()}") == (d, e)
    assert parse_date(f"{d.month}月{d.day}日至{e.month}月{e.day}日", d.year) == (d, e)
    if (e.year, e.month) == (d.year, d.month):
        assert parse_date(f"{d.year}年{d.month}月{d.day}日-{e.day}日") == (d, e)
        assert parse_date(f"{d.month}月{d.day}日至{e.day}日", d.year) == (d, e)


@settings(max_examples=1000, deadline=None)
@given(
    value=st.one_of(
        st.text(),
        st.text(alphabet="0123456789年月日号號-/.至到~ 十〇一二三四五六七八九廿卅:T", max_size=30),
        st.integers(),
        st.floats(allow_nan=True, allow_infinity=True),
        st.booleans(),
        st.none(),
        st.binary(max_size=20),
        st.times(),
        st.decimals(allow_nan=False),
    ),
    year=st.one_of(st.none(), st.integers(min_value=-(10**6), max_value=10**6)),
)
def test_garbage_raises_only_date_error(value: object, year: int | None) -> None:
    try:
        got = read_date(value, year)
    except DateError:
        return
    assert isinstance(got.start, dt.date)
    assert got.end is None or got.end >= got.start


@pytest.mark.parametrize(
    ("value", "year", "expected"),
    [
        ("2023年3月15日-16日", None, (dt.date(2023, 3, 15), dt.date(2023, 3, 16))),
        ("3月15日至17日", 2023, (dt.date(2023, 3, 15), dt.date(2023, 3, 17))),
        ("2023年12月30日至1月2日", None, (dt.date(2023, 12, 30), dt.date(2024, 1, 2))),
        ("2023-03-15 09:30-11:30", None, (dt.date(2023, 3, 15), None)),
        ("二〇二三年三月十五日", None, (dt.date(2023, 3, 15), None)),
        ("二零二三年十二月三十一日", None, (dt.date(2023, 12, 31), None)),
        ("45000", None, (dt.date(2023, 3, 15), None)),
        (3.15, 2023, (dt.date(2023, 3, 15), None)),
        (20230315, None, (dt.date(2023, 3, 15), None)),
        ("2023年3月", None, (dt.date(2023, 3, 1), None)),
        ("2023-03", None, (dt.date(2023, 3, 1), None)),
        ("3月份", 2023, (dt.date(2023, 3, 1), None)),
        ("2023年3月5日 9:00-11:30", None, (dt.date(2023, 3, 5), None)),  # a time range, not days 5 to 11
        ("2023-03-05 14:00—16:30", None, (dt.date(2023, 3, 5), None)),
        ("'2023-03-15", None, (dt.date(2023, 3, 15), None)),
        ("‘2023/3/15", None, (dt.date(2023, 3, 15), None)),
        ("3/15/2023", None, (dt.date(2023, 3, 15), None)),
        ("15/3/2023", None, (dt.date(2023, 3, 15), None)),  # day first when the first number is no month
        ("3月上旬", 2023, (dt.date(2023, 3, 1), None)),
        ("2023年三月中旬", None, (dt.date(2023, 3, 11), None)),
        ("十二月下旬", 2023, (dt.date(2023, 12, 21), None)),
        ("2023年第一季度", None, (dt.date(2023, 1, 1), None)),
        ("四季度", 2023, (dt.date(2023, 10, 1), None)),
        ("2023Q2", None, (dt.date(2023, 4, 1), None)),
        ("2023年上半年", None, (dt.date(2023, 1, 1), None)),
        ("下半年", 2023, (dt.date(2023, 7, 1), None)),
        ("二O二三年三月十五日", None, (dt.date(2023, 3, 15), None)),  # the letter O typed for 〇
        ("二o二三年十二月四日", None, (dt.date(2023, 12, 4), None)),
        ("23年3月15日", None, (dt.date(2023, 3, 15), None)),
        ("23.3.15", None, (dt.date(2023, 3, 15), None)),
        ("10.8-10.10", 2023, (dt.date(2023, 10, 8), dt.date(2023, 10, 10))),  # not a two-digit year
        (20230315.0, None, (dt.date(2023, 3, 15), None)),  # typed into a number cell
    ],
)
def test_examples(value: object, year: int | None, expected: tuple[dt.date, dt.date | None]) -> None:
    assert parse_date(value, year) == expected


def test_month_only_is_flagged() -> None:
    assert read_date("2023年3月").month_only
    assert read_date("3月中旬", 2023).month_only
    assert read_date("2023年第二季度").month_only
    assert not read_date("2023年3月1日").month_only


def test_whether_the_year_was_written_is_told() -> None:
    assert read_date("2023年3月15日").year_given
    assert read_date(dt.date(2023, 3, 15)).year_given
    assert not read_date("3月15日", 2023).year_given
    assert not read_date("3月", 2023).year_given
    assert not read_date("三季度", 2023).year_given
    assert read_date("2023年三季度", 2022).year_given


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("待定", "unreadable date '待定'"),
        ("2023年", "'2023年' gives only the year; write the day (or at least the month)"),
        ("2023年度", "'2023年度' gives only the year"),
        ("3月上旬", "'3月上旬' has no year"),
        ("3月15日", "'3月15日' has no year (give --year or put the year in the title)"),
        ("2023年2月30日", "no such day: '2023年2月30日'"),
        ("1900-01-01", "year 1900 is out of range"),
        ("", "empty date"),
        (None, "empty date"),
        (12, "12 is not a date"),
        (math.inf, "inf is not a date"),
    ],
)
def test_errors_say_why(value: object, message: str) -> None:
    with pytest.raises(DateError, match="^" + message.replace("(", r"\(").replace(")", r"\)")):
        parse_date(value)


def test_year_in_titles_and_names() -> None:
    assert year_in("测试县2023年度工作台账") == 2023
    assert year_in("测试县二〇二三年法治建设工作台账") == 2023
    assert year_in("测试县二O二三年度工作台账") == 2023
    assert year_in("台账") is None
    assert year_in("十十十") is None
