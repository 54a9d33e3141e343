"""What a row of a log sheet is besides an activity: a subtotal, a note or footer below the table, a page
number, a section heading (一、县委主要负责人), a repeated header; and which sheets are instructions or covers.

Pure tests over cell values; :mod:`dutyaudit.ingest.table` asks them while it reads a sheet.
"""

from __future__ import annotations

import re
from typing import Any

from dutyaudit.ingest.text import cell_text, fold

SUBTOTAL = ("合计", "小计", "总计", "累计", "合計", "小計", "總計", "累計", "total", "subtotal")
#: "Nothing below" marks closing a printed form (以下空白): notes in the first column, also in the title column.
END = ("以下空白", "以下无", "以下無", "此页无正文", "(以下空白)", "（以下空白）")
NOTE = (
    "注:",
    "注：",
    "註:",
    "註：",
    "说明",
    "說明",
    "备注:",
    "备注：",
    "備註:",
    "備註：",
    "填报人",
    "填報人",
    "审核人",
    "審核人",
    "填表人",
    "制表",
    "製表",
    "负责人:",
    "负责人：",
    "負責人:",
    "負責人：",
    "联系电话",
    "聯繫電話",
    "填报日期",
    "填報日期",
    "审核:",
    "审核：",
    "審核:",
    "審核：",
    "导出时间",
    "导出日期",
    "导出人",
    "打印时间",
    "打印日期",
    "打印人",
    "制表时间",
    "统计时间",
    "统计截止",
    "数据来源",
    *END,
)
#: Sheets that hold instructions, not a log (skipped with a short note when they have no header).
INSTRUCTION_SHEETS = {"说明", "填表说明", "填报说明", "使用说明", "instructions", "readme"}
#: Cover and contents pages (skipped with a short note; their text may name the unit and the year).
COVER_SHEETS = {"封面", "封皮", "扉页", "首页", "目录", "目錄", "cover", "contents", "toc"}
#: A section row inside the table: 一、县委主要负责人, （二）县政府, 第三部分 …
SECTION = re.compile(
    r"^\s*(?:[一二三四五六七八九十]+\s*[、.．]|[(（]\s*[一二三四五六七八九十\d]+\s*[)）]|第[一二三四五六七八九十\d]+[部分章节类])"
)
TOP_SECTION = re.compile(r"^\s*(?:[一二三四五六七八九十]+\s*[、.．]|第[一二三四五六七八九十\d]+部分)")
NOTE_KEYS = tuple(fold(s) for s in NOTE)
END_KEYS = tuple(fold(s) for s in END)
PAGE = re.compile(r"^(?:第\d+页|共\d+页|page\d+(?:of\d+)?$)")
#: First characters of subtotal words: the cheap test before folding a cell.
SUB_FIRST = frozenset("合小总累總tTsSｔＴｓＳ")
NUMBER = re.compile(r"-?\d+(?:\.\d+)?")
#: Role words: a sheet named with one of these is a role (县委, 县政府, 党委 …), not a unit.
ROLE_WORDS = ("委", "政府", "常委", "常务", "常務", "党", "黨", "人大", "政协", "政協")


#: How the instructions sheet of a template made by ``dutyaudit template`` starts (zh and en).
TEMPLATE_HELP_TITLES = ("填表说明 · ", "How to fill in this log · ")


def template_help(rows: list[list[Any]]) -> bool:
    """Whether a sheet is the instructions sheet of a dutyaudit template (its first cell says so)."""
    first = cell_text(rows[0][0]) if rows and rows[0] else ""
    return first.startswith(TEMPLATE_HELP_TITLES)


def section_text(row: list[Any], width: int, merged_across: bool, c_title: int) -> str | None:
    """The text of a section row inside the table (一、县委主要负责人履职情况), else None: one text, in a cell
    merged across the row, or numbered like a section in the first column (not in the title column: a title
    without a date is an activity to warn about)."""
    texts = [(j, t) for j, t in enumerate(cell_text(v) for v in row[:width]) if t]
    if not texts or any(t != texts[0][1] for _, t in texts) or NUMBER.fullmatch(texts[0][1]):
        return None
    j, text = texts[0]
    if merged_across or (j == 0 != c_title and len(texts) == 1 and SECTION.match(text)):
        return text
    return None


def section_role(section: str, current: str, sheet_role: str) -> str:
    """The role text of the rows under a section: the section's when it names a body (一、县委主要负责人); a
    top-level section naming none (三、培训情况) goes back to the sheet's; a sub-section ((一)会议) keeps the
    current one."""
    if any(w in section for w in ROLE_WORDS):
        return section
    return sheet_role if TOP_SECTION.match(section) else current


def is_note(first: Any) -> bool:
    """A note or footer below the table: 注：…, 填报人：…, 导出时间：…, 以下空白, 第 1 页 共 3 页."""
    if first.__class__ is not str:
        return False
    key = fold(first)
    return key.startswith(NOTE_KEYS) or bool(PAGE.match(key))


def is_header_row(row: list[Any], header_keys: set[str]) -> bool:
    cells = [fold(cell_text(v)) for v in row if v is not None and v != ""]
    return sum(1 for c in cells if c in header_keys) >= max(2, len(cells) // 2)
