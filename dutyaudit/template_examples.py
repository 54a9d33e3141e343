"""Example records for a pack's duties: what a clerk would write in the log to evidence each one.

The log template's 说明 sheet shows one per duty, and ``explain`` and the vocabulary tests use them: a
title in a clerk's words (召开会议听取…, 举办…讲座), a date spread across the audit year (inside a duty's
window or before its deadline) and the values its condition needs (学时, 结束日期 …).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from dutyaudit.i18n import Lang, t
from dutyaudit.ingest.text import normalize
from dutyaudit.model import ACTIVITY_TYPES
from dutyaudit.owners import duties_for
from dutyaudit.packmodel import AllOfReq, Condition, DeadlineReq, Duty, EachReq, Pack, RateReq, SumReq

#: Condition fields a template column (or an example value) stands for.
CONDITION_FIELDS = {"hours": "hours", "end_date": "end_date", "duration_days": "end_date", "actor": "actor"}


@dataclass(frozen=True, slots=True)
class Example:
    """A record that would evidence a duty: what to write in each column of its role's sheet."""

    duty: str
    role: str
    date: dt.date
    title: str
    type: str
    """An activity-type word from the drop-down (empty when the duty names no type)."""
    values: dict[str, Any] = field(default_factory=dict)
    """Other columns: canonical key (hours, actor, end_date) or pack field name → value."""


def type_words() -> dict[str, str]:
    """Activity type id → the word the 活动类型 drop-down offers for it (read back as that type)."""
    from dutyaudit.ingest.labels import type_of

    words = {}
    for tid, aliases in ACTIVITY_TYPES.items():
        words[tid] = next(a for a in aliases if type_of(a) == tid)
    return words


#: How a clerk opens an entry of each activity type (召开会议听取…, 举办…讲座, 报送…报告).
_OPENING = {
    "meeting": ("召开会议", ""),
    "study": ("组织集体学习", ""),
    "lecture": ("举办", ""),
    "training": ("组织开展", ""),
    "report": ("报送", ""),
    "publicity": ("开展", "活动"),
    "inspection": ("开展", "工作"),
    "review": ("完成", ""),
    "decision": ("研究作出", ""),
    "document": ("印发", ""),
}


def _keyword_titles(duty: Duty, named: Sequence[str] = ()) -> list[str]:
    """Bare titles from the duty's `all` words and one `any` word or a phrase naming one of its concepts
    (``named``), in the order to try them."""
    m = duty.match
    firsts = [entry.split("|")[0].strip() for entry in m.all]
    out = []
    for extra in [*m.any, *named, ""] if m.any or named else [""]:
        # A short `any` word is usually a modifier (法治讲座), a long one the object (听取…汇报).
        ordered = [extra, *firsts] if len(extra) <= 2 else [*firsts, extra]
        out.append("".join(dict.fromkeys(w for w in ordered if w)))
    return out


def _example_title(duty: Duty) -> str:
    """A title such as a clerk writes it (举办法治专题讲座, 召开会议听取法治建设工作汇报) that the duty's match
    rule accepts: the rule's words with the opening of the activity type; the bare words when the opening
    would stop it matching."""
    from dutyaudit.keywords import CompiledMatch, KeywordIndex

    m = duty.match
    compiled = CompiledMatch.of(m)
    opening, closing = _OPENING.get(m.types[0] if m.types else "", ("", ""))
    label = re.split(r"[(（≥≤<>]", duty.label)[0]  # 法治专题讲座(党委) → 法治专题讲座; 征求意见≥30日 → 征求意见
    for title in dict.fromkeys((label, label if label.startswith(opening) else f"{opening}{label}")):
        if compiled.keyword_rows(KeywordIndex([normalize(title)]), 1) == {0}:
            return title
    named = [c.example for c in compiled.concepts]  # a phrase naming each concept
    for core in _keyword_titles(duty, named):
        head = "" if core.startswith(opening) else opening
        tail = "" if core.endswith(closing) else closing
        for title in dict.fromkeys((f"{head}{core}{tail}", f"{head}{core}", core)):
            if compiled.keyword_rows(KeywordIndex([normalize(title)]), 1) == {0}:
                return title
    firsts = [entry.split("|")[0].strip() for entry in m.all]
    return "、".join(dict.fromkeys(w for w in [*firsts, *m.any[:1], *named[:1]] if w))


def keyword_text(duty: Duty, lang: Lang = "zh", limit: int = 6) -> str:
    """What a title must hold to count for a duty: '须含：听取；及 A/B 之一；不含：C'."""
    m = duty.match
    sep = t("sep", lang)

    def some(words: Sequence[str]) -> str:
        shown = "/".join(words[:limit])
        return shown + ("/…" if len(words) > limit else "")

    parts = []
    if m.all:
        parts.append(t("xl.tpl.kw.all", lang, words=sep.join(some(e.split("|")) for e in m.all)))
    if m.any:
        parts.append(t("xl.tpl.kw.any" if m.all else "xl.tpl.kw.any_only", lang, words=some(m.any)))
    if m.concepts:
        key = "xl.tpl.kw.concepts" if m.any else "xl.tpl.kw.concepts_only"
        parts.append(t(key, lang, words=some(m.concepts)))
    if m.none:
        parts.append(t("xl.tpl.kw.none", lang, words=some(m.none)))
    return t("xl.tpl.kw.sep", lang).join(parts)


#: Months the examples of duties without a date rule spread over (a real log is dated across the year).
_MONTHS = (3, 5, 7, 9, 11, 4, 6, 8, 10, 2, 12)


def _example_date(duty: Duty, year: int, index: int = 0) -> dt.date:
    req = duty.requirement
    if req.window is not None:
        mm, dd = (int(x) for x in req.window.from_.split("-"))
        return dt.date(year, mm, dd)
    if isinstance(req, DeadlineReq):
        mm, dd = (int(x) for x in req.by.split("-"))
        by = dt.date(year, mm, dd)
        earlier = by - dt.timedelta(days=7)
        return earlier if earlier.year == year else by
    return dt.date(year, _MONTHS[index % len(_MONTHS)], 6 + (index * 5) % 20)


def _condition_values(cond: Condition, date: dt.date) -> dict[str, Any]:
    """Column values that satisfy a condition (best effort: the first `any` word, or the bound)."""
    key = CONDITION_FIELDS.get(cond.field, cond.field)
    if cond.field == "duration_days" and cond.op in (">=", ">", "==") and isinstance(cond.value, float):
        days = int(cond.value) + (1 if cond.op == ">" else 0)
        return {"end_date": date + dt.timedelta(days=max(days - 1, 0))}
    if cond.op is None and cond.any:
        return {key: cond.any[0]}
    if cond.op == "nonempty":
        return {key: "有" if key not in ("hours",) else 1}
    if cond.op in (">=", "==", "<=") and cond.value is not None:
        value = cond.value
        return {key: int(value) if isinstance(value, float) and value.is_integer() else value}
    if cond.op in (">", "<") and isinstance(cond.value, float):
        return {key: cond.value + (1 if cond.op == ">" else -1)}
    return {}


def example(duty: Duty, year: int, index: int = 0) -> Example:
    """A record that would evidence ``duty`` in ``year``: a title like a clerk's, the right type, and a date
    spread over the year by ``index`` (the duty's place in the pack) unless the duty fixes one."""
    date = _example_date(duty, year, index)
    words = type_words()
    type_word = words[duty.match.types[0]] if duty.match.types else ""
    values: dict[str, Any] = {}
    req = duty.requirement
    if isinstance(req, SumReq):
        key = CONDITION_FIELDS.get(req.field, req.field)
        values[key] = int(req.min) if float(req.min).is_integer() else req.min
        if req.per_person:
            values["actor"] = "张三"
    elif isinstance(req, RateReq | EachReq):
        values.update(_condition_values(req.where, date))
    title = _example_title(duty)
    if isinstance(req, AllOfReq):  # one row naming every item (人大、政府、政协、法院、检察院)
        title += "（" + "、".join(req.names()) + "）"
    return Example(duty.id, duty.role, date, title, type_word, values)


def examples(pack: Pack, year: int) -> list[Example]:
    """An example record for every duty that applies in ``year``."""
    return [example(d, year, i) for i, d in enumerate(duties_for(pack, year))]


# ---------------------------------------------------------------- workbook
