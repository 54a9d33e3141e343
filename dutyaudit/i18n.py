"""Labels in Chinese (default) and English. Duty texts and log content are never translated."""

from __future__ import annotations

from typing import Literal

Lang = Literal["zh", "en"]

LABELS: dict[str, dict[str, str]] = {
    # statuses
    "met": {"zh": "达标", "en": "met"},
    "partial": {"zh": "部分", "en": "partial"},
    "late": {"zh": "逾期", "en": "late"},
    "missing": {"zh": "缺失", "en": "missing"},
    "waived": {"zh": "豁免", "en": "waived"},
    # kinds
    "kind.count": {"zh": "次数", "en": "count"},
    "kind.deadline": {"zh": "时限", "en": "deadline"},
    "kind.sum": {"zh": "累计", "en": "sum"},
    "kind.rate": {"zh": "比率", "en": "rate"},
    "kind.each": {"zh": "逐项", "en": "each"},
    "kind.evidence": {"zh": "佐证", "en": "evidence"},
    # periods
    "per.year": {"zh": "每年", "en": "per year"},
    "per.half": {"zh": "每半年", "en": "per half-year"},
    "per.quarter": {"zh": "每季度", "en": "per quarter"},
    "per.month": {"zh": "每月", "en": "per month"},
    "period.year": {"zh": "全年", "en": "year"},
    "period.half": {"zh": "{n}半年", "en": "H{i}"},
    "period.quarter": {"zh": "第{i}季度", "en": "Q{i}"},
    "period.month": {"zh": "{i}月", "en": "month {i}"},
    "half.1": {"zh": "上", "en": "1"},
    "half.2": {"zh": "下", "en": "2"},
    # requirements in words
    "req.count": {"zh": "{per}至少{min}次", "en": "at least {min} {per}"},
    "req.deadline": {"zh": "{mm}月{dd}日前完成", "en": "done by {mm}-{dd}"},
    "req.sum": {"zh": "累计不少于{min}{unit}", "en": "at least {min} {unit} in total"},
    "req.sum_pp": {"zh": "每人不少于{min}{unit}", "en": "at least {min} {unit} per person"},
    "req.rate": {"zh": "{of}达标率不低于{min}%", "en": "at least {min}% of {of}"},
    "req.each": {"zh": "每项均须满足：{cond}", "en": "every item must satisfy: {cond}"},
    "req.evidence": {"zh": "有履职佐证", "en": "evidence that it was done"},
    "req.window": {"zh": "（限{from_}至{to}）", "en": " (between {from_} and {to})"},
    # shortfalls
    "short.none": {"zh": "", "en": ""},
    "short.count": {"zh": "差{n}次", "en": "{n} short"},
    "short.periods": {"zh": "{periods}未达{min}次", "en": "below {min} in {periods}"},
    "short.deadline_missing": {"zh": "无记录（应于{by}前）", "en": "no record (due by {by})"},
    "short.late": {"zh": "逾期：{date}完成（应于{by}前）", "en": "late: done {date} (due by {by})"},
    "short.sum": {"zh": "差{n}{unit}", "en": "{n} {unit} short"},
    "short.persons": {"zh": "{n}人未达标：{names}", "en": "{n} below: {names}"},
    "short.rate": {"zh": "差{n}个百分点", "en": "{n} points short"},
    "short.each": {"zh": "{n}项不符合（第{rows}行）", "en": "{n} not satisfying (rows {rows})"},
    "short.missing": {"zh": "无记录", "en": "no record"},
    "short.no_cases": {"zh": "无{of}记录", "en": "no {of} rows"},
    "sep": {"zh": "、", "en": ", "},
    # --- scorecard and template (report/excel.py, template.py): keep keys prefixed "xl."
    # --- end scorecard
    # --- explain, waivers, terminal/markdown/csv labels and messages: keys prefixed "ui."/"explain."/"waiver."
    # --- end explain
}


def t(key: str, lang: Lang = "zh", **kw: object) -> str:
    """The label for ``key`` in ``lang``, formatted with ``kw``."""
    entry = LABELS.get(key)
    text = entry[lang] if entry else key
    return text.format(**kw) if kw else text
