"""A row's evidence text: its title plus every descriptive column, cut into items for matching.

A row is matched on its whole description: the title, the type column (形式, 活动类型, 会议类型) when it
names a form of activity (法治讲座, 会前学法) other than a bare type word (会议, 讲座: types are checked as
types) — not when it names a field of work (执法监督, 队伍建设: the clerk's classification) —, and
every other column that describes the activity (议题, 会议内容, 内容摘要, 主要内容, 学习内容, 备注 …),
but not the columns that say who, where or with what proof (单位, 科室, 责任人, 参会人员, 地点, 佐证材料,
序号 …), nor a classification the clerk gave the row (所属行动, 类别, 对应职责: a label is not evidence
of what happened), nor a plan (下周计划: what is to be done is no evidence that it was), nor a pack's own
fields (出庭情况: conditions read those) unless a cell of one is prose (12+ characters).

Descriptive cells often list several items (``1.会前学法：学习《行政诉讼法》；2.研究防汛工作``). Each
item is read with the title, as one *unit*: ``title ␂ type ␁ item``; the title (and type) alone is a
unit too. Words of one rule must occur in one unit, so 听取 from item 1 and 法治建设 from item 3 do
not combine, while the meeting named in the title (常务会议) does combine with each of its items, and
a note (备注: 已通报) cannot exclude what the title says.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from dutyaudit.ingest.forms import names_form
from dutyaudit.ingest.text import fold, normalize, normalize_many
from dutyaudit.model import ACTIVITY_TYPES, Activity
from dutyaudit.vocabulary import DOT_TABLE

#: Separates the title from the type text, and the context from an item, inside a unit.
TYPE_SEP = "\x02"
ITEM_SEP = "\x01"

#: Column name shown for words found in the type column.
TYPE_COLUMN = "类型"

#: Header words of columns that do not describe the activity (who, where, when, proof, numbering).
_NOT_DESCRIPTIVE = (
    "序号",
    "编号",
    "单位",
    "部门",
    # the section that handled the row (行政执法协调监督科): its name is no word of what happened
    "科室",
    "处室",
    "股室",
    "经办",
    "承办",
    "主办",
    "责任",
    "负责",
    "牵头",
    "配合",
    "主持",
    "主讲",
    "讲师",
    "记录",
    "参加",
    "参与",
    "与会",
    "参会",
    "出席",
    "列席",
    "人员",
    "人数",
    "姓名",
    "佐证",
    "附件",
    "材料",
    "照片",
    "链接",
    "文号",
    "日期",
    "时间",
    "时长",
    "地点",
    "地址",
    "场所",
    "电话",
    "联系",
    "学时",
    "课时",
    "页码",
    "归档",
    "状态",
    # a classification the clerk gave the row (所属行动, 类别, 对应职责) is not what happened
    "所属",
    "类别",
    "分类",
    "归属",
    "板块",
    "对应",
    "条款",
    "指标",
    # a plan (下周计划, 下步工作): what is to be done is no evidence that it was
    "计划",
    "下周",
    "下步",
    "下一步",
    "下月",
    "下阶段",
    "下季度",
)

#: A pack field's cell this long is prose describing the row (完成情况 mapped to 办理情况), matched like a
#: descriptive column; shorter ones are statuses (已办结, 未出庭) that only the field's conditions read.
PROSE = 12

#: A cell that only says how far the work got (已完成, 办结, 正在推进, √): no word of what happened, so no item
#: (its 完成 would echo a sentence's 完成情况 and pick that clause in an exclusive pack).
_STATUS = re.compile(
    r"(?:已经?|均已|按时|全部|基本|未|尚未|正在|持续|已按期|按期)?"
    r"(?:完成|办结|落实|结束|结案|推进|进行中?|开展|实施|报送|提交|归档|整改|到位)(?:中|了)?|是|否|[√✓✔×✗]|\d{1,3}%"
)

#: Where a descriptive cell is cut into items: line breaks, ；。, and list markers (1. 2、 (3) ④).
_ITEMS = re.compile(r"[\n\r;；。]+|(?<![\d.．])\d{1,2}[.、．](?!\d)|[(（]\d{1,2}[)）]|[①-⑳]")


def is_descriptive(header: str, pack_fields: Iterable[str] = ()) -> bool:
    """Whether a column, by its header, describes the activity (and is matched); 責任股室 is 责任股室."""
    h = normalize(header)
    if not h or h in {normalize(f) for f in pack_fields}:
        return False
    return not any(w in h for w in _NOT_DESCRIPTIVE)


def split_items(text: str) -> list[str]:
    """The items of a descriptive cell, as written (blank ones dropped)."""
    return [p.strip() for p in _ITEMS.split(text) if p and p.strip(" ，,：:、")]


@dataclass(slots=True)
class RowUnits:
    """Every row's units, flat: unit ``u`` is ``keys[u]``, of row ``row[u]``, its item from ``column[u]``.

    ``column`` is "" for the unit with no item (the title alone, always first). A row's units are
    ``starts[i]`` … ``starts[i + 1] - 1``.
    """

    keys: list[str]
    row: list[int]
    column: list[str]
    starts: list[int]

    def of_row(self, i: int) -> range:
        return range(self.starts[i], self.starts[i + 1])


def build_units(activities: Sequence[Activity], pack_fields: Iterable[str] = ()) -> RowUnits:
    """The units of every row (see the module docstring), in match form."""
    fields = tuple(pack_fields)
    field_cols = {normalize(f) for f in fields} | set(fields)
    descriptive: dict[str, bool] = {}
    raw: dict[str, None] = {}
    bare_types = {fold(w) for words in ACTIVITY_TYPES.values() for w in words}
    type_kept: dict[str, bool] = {}
    described: list[list[tuple[str, str]] | None] = []
    for a in activities:
        tt = a.type_text
        if tt:
            kept = type_kept.get(tt)
            if kept is None:
                kept = type_kept[tt] = names_form(tt) and normalize(tt) not in bare_types
                if kept:
                    raw[tt] = None
        desc: list[tuple[str, str]] | None = None
        for col, v in a.extra.items():
            ok = descriptive.get(col)
            if ok is None:
                ok = descriptive[col] = is_descriptive(col, fields)
            if not ok and v.__class__ is str and len(v) >= PROSE and col in field_cols:
                ok = True  # a pack's field holding prose (完成情况 read as 办理情况): what happened, not a status
            if ok and v.__class__ is str and v and not _STATUS.fullmatch(v.strip()):
                if desc is None:
                    desc = []
                desc.append((col, v))
                raw[v] = None
        described.append(desc)
    pieces: dict[str, list[str]] = {}
    flat: list[str] = []
    for text in raw:
        parts = split_items(text)
        pieces[text] = parts
        flat.extend(parts)
    norm = dict(zip(flat, normalize_many(flat), strict=True)) if flat else {}
    forms = {p: n.translate(DOT_TABLE) for p, n in norm.items()}

    context_of: dict[tuple[str, str], str] = {}

    def context(a: Activity) -> str:
        ctx = context_of.get((a.key, a.type_text))
        if ctx is None:
            title = a.key.translate(DOT_TABLE)
            type_key = "".join(forms[p] for p in pieces.get(a.type_text, ()))
            ctx = title + TYPE_SEP + type_key if type_key and type_key not in title else title
            context_of[(a.key, a.type_text)] = ctx
        return ctx

    contexts = [context(a) for a in activities]
    n = len(contexts)
    if not any(described):  # no row has a descriptive item: one unit per row, its title (and type)
        return RowUnits(contexts, list(range(n)), [""] * n, list(range(n + 1)))
    keys: list[str] = []
    rows: list[int] = []
    columns: list[str] = []
    starts: list[int] = []
    add_key, add_row, add_col, add_start = keys.append, rows.append, columns.append, starts.append
    for i, ctx in enumerate(contexts):
        add_start(len(keys))
        add_key(ctx)
        add_row(i)
        add_col("")
        row_desc = described[i]
        if row_desc is not None:
            for col, v in row_desc:
                for p in pieces[v]:
                    item = forms[p]
                    if item:
                        add_key(ctx + ITEM_SEP + item)
                        add_row(i)
                        add_col(col)
    add_start(len(keys))
    return RowUnits(keys, rows, columns, starts)


def place_of(unit_key: str, word: str, column: str) -> str | None:
    """Where a word (match form) occurs in a unit: "" (title), TYPE_COLUMN or the item's column."""
    ctx, _, item = unit_key.partition(ITEM_SEP)
    title, _, type_key = ctx.partition(TYPE_SEP)
    if word in title:
        return ""
    if type_key and word in type_key:
        return TYPE_COLUMN
    if item and word in item:
        return column
    return None
