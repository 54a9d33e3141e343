"""Forms of activity (法治讲座, 会前学法, 党组会, 执法人员培训): a type cell or a sheet name that names one.

A type cell naming a form is matched with the row's title (rowtext); a type cell naming a field of work
instead (执法监督, 队伍建设, 普法) is the clerk's classification and is not. A sheet named for a form
(学法培训, 执法人员培训学时, 会前学法记录) and without a type column says what each of its rows is.
"""

from __future__ import annotations

import re

from dutyaudit.ingest.text import normalize

#: Endings of a text that names a form of activity.
FORM_ENDINGS = (
    *("会", "会议", "座谈", "讲座", "课", "宣讲", "授课", "辅导"),
    *("学法", "学习", "培训", "轮训", "班", "考试", "课程", "专题"),
)
#: A closing note in brackets: 网上学法考试（省学法考法平台）, 法治课程（第一单元）.
_BRACKETED_TAIL = re.compile(r"\s*[(（][^()（）]*[)）]$")

#: What a sheet's name may add after the form: 学时, 台账, 登记, 记录 … (执法人员培训学时 → 执法人员培训).
_SHEET_TAIL = re.compile(r"(?:学时|课时|台账|登记|记录|统计|情况|汇总|明细|一览|清单|表)+$")
_SHEET_YEAR = re.compile(r"^(?:19|20)\d\d\s*年?度?")


def names_form(text: str) -> bool:
    """Whether a type cell (or a sheet's name, its tail cut) names a form of activity."""
    n = normalize(text)
    return _BRACKETED_TAIL.sub("", n).endswith(FORM_ENDINGS) or n.rstrip(")）").endswith(FORM_ENDINGS)


def sheet_form(name: str) -> str:
    """The form of activity a sheet's name gives its rows (学法培训, 执法人员培训), or ""."""
    n = _SHEET_TAIL.sub("", _SHEET_YEAR.sub("", normalize(name).strip()))
    return n if len(n) >= 2 and names_form(n) and not n.endswith("会") else ""
