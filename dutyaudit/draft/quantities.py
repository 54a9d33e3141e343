"""Quantified requirements in a sentence: counts with a period, deadlines, hours, rates, durations, targets.

Each number becomes one :class:`Quantity` carrying the requirement a pack duty needs (``count``,
``deadline``, ``sum``, ``rate``, ``each``), where it stands in the sentence and what the drafter was
unsure of. Chinese numerals (两次, 一次, 十二月) count as numbers; a period word with 每 and no number
(每半年听取…汇报, 每年度) reads as once per period. Numbers inside quotes or titles (“最多跑一次”,
《…》) and ordinals (第10次) are names, not requirements. A year target (到2025年, 力争到2023年底)
binds the quantities after it to that audit year; a target with no number is a deadline of 12-31.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from dutyaudit.ingest.dates import CN_DIGITS

NUM = r"(?:\d+(?:\.\d+)?|[一二两三四五六七八九十]{1,3})"
_MONTH_END = {1: 31, 2: 28, 3: 31, 4: 30, 5: 31, 6: 30, 7: 31, 8: 31, 9: 30, 10: 31, 11: 30, 12: 31}

_PERIODS = (
    ("每半年", "half"),
    ("半年", "half"),
    ("每季度", "quarter"),
    ("每季", "quarter"),
    ("每月", "month"),
    ("每年度", "year"),
    ("每年", "year"),
    ("年内", "year"),
    ("全年", "year"),
)
_PERIOD_RX = re.compile("|".join(p for p, _ in _PERIODS))
_QUOTED = re.compile(r"“[^”]{0,30}”|「[^」]{0,30}」|《[^》]{0,60}》|\"[^\"]{0,30}\"")
_TARGET = re.compile(r"(?:力争)?到(\d{4})年(底|末)?")
_DEADLINE = re.compile(rf"({NUM})月(?:({NUM})日|(底|末))(?:前|之前|以前)")
_YEAR_END = re.compile(r"(?<![\d月])(?:年底|年末)(?:前|之前|以前)")
_HOURS = re.compile(rf"(?:不少于|不低于|至少|达到|累计)?\s*({NUM})\s*个?(学时|课时|小时)")
_DAYS_MIN = re.compile(rf"(?:不少于|不得少于|不低于|至少)\s*({NUM})\s*(个工作日|日|天)")
_DAYS_MAX = re.compile(rf"({NUM})\s*(个工作日|日|天|个月)(?:内|以内|之内)")
#: A lead time before an event (开庭3日前提交, 学法前5个工作日报送): each occasion's days ahead, in a column of its own.
_LEAD = re.compile(rf"前\s*({NUM})\s*(个工作日|日|天)|({NUM})\s*(个工作日|日|天)(?:以前|之前|前)")
_MINUTES = re.compile(rf"(?:不少于|不得少于|不低于|至少)\s*({NUM})\s*分钟")
#: Each occasion's headcount (每次旁听庭审…参加人数不少于20人): a number of people per occasion, not a count of rows.
_PEOPLE = re.compile(rf"(?:不少于|不得少于|不低于|至少)\s*({NUM})\s*(?:人|名)(?![\u4e00-\u9fff])")
_EACH_TIME = re.compile(r"每次|每场|每期")
_PERCENT = re.compile(r"(\d+(?:\.\d+)?)\s*[%％](?:以上|及以上)?")
_COUNT = re.compile(rf"(至少|不少于|不低于|最少)?\s*({NUM})\s*(次|期|场|轮|档|回)(以上|及以上)?")
_AT_LEAST_BEFORE = re.compile(r"(?:至少|不少于|不低于|最少)[\u4e00-\u9fff]{0,4}$")
_TARGET_COUNT = re.compile(rf"({NUM})\s*个([\u4e00-\u9fff]{{1,2}})")
_CONSTITUTION_DAY = re.compile(r"12[·.．]\s*4|十二月四日|国家宪法日")
_PER_PERSON = re.compile(r"每人|人均|每名|每位|个人|人员")
_RATE_NAME = re.compile(r"([\u4e00-\u9fff]{1,10}率)")

#: Log columns drafted requirements read: name → (type, what to write there).
FIELDS: dict[str, tuple[str, str]] = {
    "办理情况": ("text", "办理结果（率类职责按此列判断是否达标）"),
    "参加人数": ("number", "每次活动的参加人数（按人数要求判断是否达标）"),
    "时长（分钟）": ("number", "每次活动的时长，单位分钟（按时长要求判断是否达标）"),
    "提前天数": ("number", "距所对应事件（开庭、学法等）提前的天数（按提前量要求判断是否达标）"),
}


def cn_number(s: str) -> float:
    """'3' → 3, '2.5' → 2.5, '两' → 2, '十二' → 12, '二十' → 20."""
    if s[0].isdigit():
        return float(s)
    if "十" in s:
        tens, _, ones = s.partition("十")
        return float((CN_DIGITS.get(tens, 1) if tens else 1) * 10 + (CN_DIGITS.get(ones, 0) if ones else 0))
    return float(CN_DIGITS[s]) if s in CN_DIGITS else float("nan")


def _num(x: float) -> int | float:
    return int(x) if x == int(x) else x


@dataclass
class Quantity:
    """One quantified requirement found in a sentence."""

    requirement: dict[str, Any]
    start: int
    """Where the number stands in the sentence."""
    end: int
    years: int | None = None
    """The audit year a target binds (到2025年), else None (every year)."""
    review: list[str] = field(default_factory=list)
    fields: list[str] = field(default_factory=list)
    """Log columns the requirement needs (rate conditions)."""

    @property
    def kind(self) -> str:
        return str(self.requirement["kind"])


def _masked(sentence: str) -> str:
    """The sentence with quoted names blanked out (same length, so offsets hold)."""
    return _QUOTED.sub(lambda m: "\u3000" * len(m.group(0)), sentence)


def _period_before(s: str, pos: int) -> tuple[str | None, str | None]:
    """The nearest period word before ``pos`` in the same sentence: (word, period)."""
    best = None
    for m in _PERIOD_RX.finditer(s, 0, pos):
        best = m
    if best is None:
        return None, None
    return best.group(0), dict(_PERIODS)[best.group(0)]


def find_quantities(sentence: str) -> list[Quantity]:
    """Every quantified requirement of one sentence, in order of position."""
    s = _masked(sentence)
    out: list[Quantity] = []
    taken: list[tuple[int, int]] = []

    def free(a: int, b: int) -> bool:
        return all(b <= x or a >= y for x, y in taken)

    def add(q: Quantity, span: tuple[int, int]) -> None:
        taken.append(span)
        out.append(q)

    target = _TARGET.search(s)
    year = int(target.group(1)) if target else None
    if target:
        taken.append(target.span())

    for m in _DEADLINE.finditer(s):
        month = int(cn_number(m.group(1)))
        day = _MONTH_END.get(month, 31) if m.group(3) else int(cn_number(m.group(2)))
        if 1 <= month <= 12 and 1 <= day <= 31:
            add(Quantity({"kind": "deadline", "by": f"{month:02d}-{day:02d}"}, *m.span()), m.span())
    if target is None or not target.group(2):
        for m in _YEAR_END.finditer(s):  # 年底前 with no year: by the end of each audit year
            add(Quantity({"kind": "deadline", "by": "12-31"}, *m.span(), review=["年底前 read as by 12-31"]), m.span())
    for m in _HOURS.finditer(s):
        if not free(*m.span()):
            continue
        per_person = bool(_PER_PERSON.search(s))
        req: dict[str, Any] = {
            "kind": "sum",
            "field": "hours",
            "min": _num(cn_number(m.group(1))),
            "per_person": per_person,
        }
        req["unit"] = m.group(2) if m.group(2) != "小时" else "小时"
        note = "per person: the text names 人员/每人" if per_person else "summed over the unit: no 每人 in the text"
        add(Quantity(req, *m.span(), review=[note]), m.span())
    for rx, op in ((_DAYS_MIN, ">="), (_DAYS_MAX, "<=")):
        for m in rx.finditer(s):
            if not free(*m.span()):
                continue
            n = _num(cn_number(m.group(1)))
            days = n * 30 if m.group(2) == "个月" else n
            req = {"kind": "each", "where": {"field": "duration_days", "op": op, "value": days}}
            notes = ["duration_days is end date − start date: the log needs an end-date column"]
            if m.group(2) == "个工作日":
                notes.append(f"{n} working days read as {n} calendar days")
            elif m.group(2) == "个月":
                notes.append(f"{n}个月 read as {days} days")
            add(Quantity(req, *m.span(), review=notes), m.span())
    for m in _LEAD.finditer(s):
        if free(*m.span()) and not s[max(0, m.start() - 3) : m.start()].endswith("月"):
            n = _num(cn_number(m.group(1) or m.group(3)))
            unit = m.group(2) or m.group(4)
            req = {"kind": "each", "where": {"field": "提前天数", "op": ">=", "value": n}}
            ahead = "working days" if unit == "个工作日" else "days"
            notes = [f"at least {n} {ahead} ahead each time: the log needs a 提前天数 column"]
            add(Quantity(req, *m.span(), review=notes, fields=["提前天数"]), m.span())
    for m in _MINUTES.finditer(s):  # 每次学法时间不少于30分钟: each occasion's length, in a column of its own
        if free(*m.span()):
            n = _num(cn_number(m.group(1)))
            req = {"kind": "each", "where": {"field": "时长（分钟）", "op": ">=", "value": n}}
            note = f"at least {n} minutes each time: the log needs a 时长（分钟） column (or set hours ≥ {n / 60:.2g})"
            add(Quantity(req, *m.span(), review=[note], fields=["时长（分钟）"]), m.span())
    if _EACH_TIME.search(s):
        for m in _PEOPLE.finditer(s):
            if free(*m.span()):
                n = _num(cn_number(m.group(1)))
                req = {"kind": "each", "where": {"field": "参加人数", "op": ">=", "value": n}}
                note = f"at least {n} people each time: the log needs a 参加人数 column"
                add(Quantity(req, *m.span(), review=[note], fields=["参加人数"]), m.span())
    for m in _PERCENT.finditer(s):
        if not free(*m.span()):
            continue
        for q in _rates(s, m):
            add(q, m.span())
    for m in _COUNT.finditer(s):
        if not free(*m.span()) or s[max(0, m.start() - 1) : m.start()] == "第":
            continue
        word, per = _period_before(s, m.start())
        bounded = bool(m.group(1) or m.group(4) or _AT_LEAST_BEFORE.search(s, max(0, m.start() - 8), m.start()))
        if per is None and not bounded and year is None:
            continue  # 一次性, 再一次: no period, no 至少/以上
        notes = []
        if per is None:
            per = "year"
            if year is None:
                notes.append("no period in the sentence: read as per year")
        if not (m.group(1) or m.group(4)) and word is not None:
            notes.append(f"“{word}…{m.group(2)}{m.group(3)}” read as at least {_num(cn_number(m.group(2)))}")
        req = {"kind": "count", "min": _num(cn_number(m.group(2))), "per": per}
        add(Quantity(req, *m.span(), review=notes), m.span())
    if year is not None:
        for m in _TARGET_COUNT.finditer(s):
            if free(*m.span()) and m.start() > target.end():  # type: ignore[union-attr]
                n = _num(cn_number(m.group(1)))
                req = {"kind": "count", "min": n, "per": "year"}
                note = f"target of {n} {m.group(2)} by {year}: counted as {n} matching rows in the {year} log"
                add(Quantity(req, *m.span(), review=[note]), m.span())
    if not out:
        for m in _PERIOD_RX.finditer(s):
            if m.group(0).startswith("每") and free(*m.span()):
                req = {"kind": "count", "min": 1, "per": dict(_PERIODS)[m.group(0)]}
                add(
                    Quantity(req, *m.span(), review=[f"“{m.group(0)}” with no number: read as once per period"]),
                    m.span(),
                )
                break
    cday = _CONSTITUTION_DAY.search(sentence)
    if cday and not out:
        req = {"kind": "count", "min": 1, "per": "year", "window": {"from": "12-04", "to": "12-04"}}
        add(Quantity(req, *cday.span(), review=["国家宪法日 (12月4日): an activity on 12-04"]), cday.span())
    if year is not None:
        if not out:
            req = {"kind": "deadline", "by": "12-31"}
            assert target is not None
            start, end = target.span()
            out.append(Quantity(req, start, end, review=[f"target year {year}: read as done by 12-31"]))
        for q in out:
            q.years = year
            if q.kind == "deadline" and target and target.group(2) and q.requirement["by"] != "12-31":
                q.review.append("two dates in one sentence")
        if "力争" in sentence:
            for q in out:
                q.review.append("hedged (力争): a target, not a firm duty")
    out.sort(key=lambda q: q.start)
    return out


_ANY_FIGURE = re.compile(
    rf"(?<![\d.第届])({NUM})\s*(?:个工作日|个月|学时|课时|小时|日|天|次|期|周|月|年|%|％|人|件|项)"
)


def unread_figures(sentence: str, qs: list[Quantity]) -> list[str]:
    """Figures in a sentence that no quantity took (开庭3日前): the drafter could not read them."""
    s = _masked(sentence)
    out = []
    for m in _ANY_FIGURE.finditer(s):
        if any(q.start <= m.start() < q.end or m.start() <= q.start < m.end() for q in qs):
            continue
        if re.match(r"\d{4}年", s[m.start() :]) or (not m.group(1)[0].isdigit() and m.group(0)[-1] in "年月人件项"):
            continue  # a year, or 一年/两项 used as words
        out.append(m.group(0))
    return out


def _rates(s: str, m: re.Match[str]) -> list[Quantity]:
    """One rate duty per 率 named before a percentage (报备率、及时率、规范率均达到100% → three)."""
    head = re.split(r"[,，;；:：。]", s[: m.start()])[-1]
    names = []
    for part in head.split("、"):
        found = _RATE_NAME.findall(part)
        if found:
            names.append(found[-1].rsplit("的", 1)[-1])
    pct = _num(float(m.group(1)))
    if not names:
        req: dict[str, Any] = {
            "kind": "rate",
            "min": min(pct, 100),
            "of": "事项",
            "where": {"field": "办理情况", "any": ["完成"], "none": ["未"]},
        }
        return [
            Quantity(
                req,
                m.start(),
                m.end(),
                review=["a percentage with no named rate: condition guessed"],
                fields=["办理情况"],
            )
        ]
    out = []
    for name in names:
        stem = _rate_word(name)
        req = {
            "kind": "rate",
            "min": min(pct, 100),
            "of": "事项",
            "where": {"field": "办理情况", "any": [stem], "none": ["未", "不"]},
        }
        note = f"{name}: a row counts as done when its 办理情况 column says {stem}; rename the column to your log's"
        out.append(Quantity(req, m.start(), m.end(), review=[note], fields=["办理情况"]))
    return out


def _rate_word(name: str) -> str:
    """The word a case row shows when it meets the rate: 办结率 → 办结, 出庭应诉率 → 出庭."""
    stem = name.removesuffix("率")
    if stem.endswith("应诉"):
        return "出庭" if "出庭" in stem else "应诉"
    return stem[-2:] if len(stem) >= 2 else stem
