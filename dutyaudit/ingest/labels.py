"""What names say about rows: a sheet's name (a period, a place, a body) and a row's type cell.

A sheet named 一季度 or Sheet1 says nothing of who; 县委 or 县司法局 names a body, resolved against the pack's
roles later; 盘山县 names a place, which is also the unit. A sheet named 汇总 repeats the others' rows. A type
cell (会议, 讲座, meeting …) is read as one of the activity types.
"""

from __future__ import annotations

import re

from dutyaudit.ingest.rowkinds import ROLE_WORDS
from dutyaudit.ingest.text import normalize
from dutyaudit.model import ACTIVITY_TYPES

#: Sheets that repeat the other sheets' rows (a 汇总 over 1月…12月): their repeated rows count once.
SUMMARY_SHEET = re.compile(
    r"^(?:(?:19|20)\d\d\s*年?度?)?\s*(?:全年|年度)?\s*(?:汇总|彙總|匯總|总表|總表|合计|合計|总台账|總台賬|全年|总|總|summary|all)"
    r"\s*(?:表|台账|台賬)?$",
    re.IGNORECASE,
)
#: Activity types written in English (the type ids themselves and a few synonyms).
ENGLISH_TYPES = {tid: tid for tid in ACTIVITY_TYPES} | {
    "conference": "meeting",
    "seminar": "lecture",
    "talk": "lecture",
    "class": "lecture",
    "course": "training",
    "learning": "study",
    "inspection": "inspection",
    "supervision": "inspection",
    "lawsuit": "litigation",
    "court": "litigation",
}
GENERIC_SHEET = re.compile(r"^(sheet|工作表|表|页|頁)\s*\d*$", re.IGNORECASE)
#: Sheet names that name a period (they give the year, never a role): 一季度, 2023年Q1, 3月份, 上半年 …
PERIOD_SHEET = re.compile(
    r"^(?:(?:19|20)\d\d\s*年?度?)?\s*(?:第?[一二三四1-4]\s*季度?|q[1-4]|[0-9一二三四五六七八九十]{1,3}\s*月份?"
    r"|[上下]半年|全年|年度|)\s*(?:台账|台賬|工作台账|工作台賬)?$",
    re.IGNORECASE,
)
#: Endings of place names (a county, district, city, township): such a sheet name also gives the unit.
#: Departments (司法局, 两院 …) are left to the pack's roles: many packs bind duties to them.
PLACE_ENDINGS = ("县", "縣", "区", "區", "市", "镇", "鎮", "乡", "鄉", "街道")


def type_of(text: str) -> str | None:
    """Activity type id for a type cell (first alias hit), None if empty or unknown."""
    key = normalize(text) if text else ""
    if not key:
        return None
    if key in ENGLISH_TYPES:
        return ENGLISH_TYPES[key]
    for tid, aliases in ACTIVITY_TYPES.items():
        if any(a in key for a in aliases):
            return tid
    return "other"


def sheet_context(name: str) -> tuple[str, str]:
    """(role text, unit) implied by a sheet name.

    县委 / 县政府 / 县司法局 → role text (resolved against the pack's roles later); 一季度, 2023年, Sheet1 →
    neither (a period or a default name); 盘山县 / 大洼区 / XX镇 → role text and unit (a place).
    """
    n = name.strip()
    if not n or GENERIC_SHEET.match(n) or PERIOD_SHEET.match(n):
        return "", ""
    bare = re.sub(r"^(?:19|20)\d\d\s*年?度?|(?:工作)?台[账賬]$", "", n).strip() or n
    if not any(w in bare for w in ROLE_WORDS) and bare.endswith(PLACE_ENDINGS):
        return n, bare
    return n, ""
