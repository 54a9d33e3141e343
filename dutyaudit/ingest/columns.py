"""Header aliases and column mapping: which column of a sheet holds which canonical field."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from dutyaudit.i18n import msg
from dutyaudit.ingest.text import fold

#: Canonical fields and the header spellings that name them (Chinese and English).
ALIASES: dict[str, tuple[str, ...]] = {
    "date": (
        "日期",
        "时间",
        "开展时间",
        "会议时间",
        "活动时间",
        "召开时间",
        "举办时间",
        "完成时间",
        "开始时间",
        "开始日期",
        "发生时间",
        "办理时间",
        "学习时间",
        "培训时间",
        "日期时间",
        "履职时间",
        "開展時間",
        "日期/时间",
        "date",
        "start",
        "startdate",
        "when",
        "dateofactivity",
        "activitydate",
        "meetingdate",
    ),
    "title": (
        "事项",
        "名称",
        "会议名称",
        "活动名称",
        "内容",
        "主题",
        "工作内容",
        "活动内容",
        "会议内容",
        "事项名称",
        "议题",
        "标题",
        "工作事项",
        "履职事项",
        "履职内容",
        "具体内容",
        "学习内容",
        "会议(活动)名称",
        "会议（活动）名称",
        "title",
        "subject",
        "activity",
        "event",
        "item",
        "activityname",
        "activitytitle",
        "eventname",
        "meetingname",
    ),
    "type": (
        "类型",
        "活动类型",
        "形式",
        "类别",
        "活动形式",
        "会议类型",
        "事项类型",
        "type",
        "category",
        "kind",
        "activitytype",
        "eventtype",
        "meetingtype",
    ),
    "role": (
        "主体",
        "责任主体",
        "履职主体",
        "会议主体",
        "role",
        "body",
        "owner",
        "responsible",
        "responsibleparty",
        "responsiblebody",
    ),
    "unit": (
        "单位",
        "部门",
        "县区",
        "责任单位",
        "填报单位",
        "所属单位",
        "单位名称",
        "部门名称",
        "乡镇",
        "县(区)",
        "县（区）",
        "unit",
        "department",
        "county",
        "org",
        "organization",
        "dept",
        "organisation",
    ),
    "actor": (
        "责任人",
        "主持人",
        "主讲人",
        "参加人",
        "姓名",
        "人员",
        "领导",
        "出席领导",
        "参会领导",
        "授课人",
        "出庭人",
        "actor",
        "person",
        "name",
        "speaker",
        "leader",
    ),
    "hours": ("学时", "课时", "时长", "学时数", "hours", "credit"),
    "end_date": ("结束日期", "结束时间", "截止日期", "截止时间", "完成日期", "end", "enddate", "end_date"),
    "evidence": ("佐证材料", "佐证", "证明材料", "附件", "材料", "佐证资料", "evidence", "proof"),
}

#: Chinese names of the canonical fields (for messages and the template).
FIELD_NAMES_ZH = {
    "date": "日期",
    "title": "事项",
    "type": "活动类型",
    "role": "责任主体",
    "unit": "单位",
    "actor": "责任人",
    "hours": "学时",
    "end_date": "结束日期",
    "evidence": "佐证材料",
}

_FOLDED = {f: tuple(fold(a) for a in al) for f, al in ALIASES.items()}
_COLUMN_LETTERS = re.compile(r"^[A-Za-z]{1,2}$")
#: Hints and marks around a header name: （必填）, (格式：2023-03-15), *, ※ — and English word separators.
_HINT = re.compile(r"[(（\[【][^)）\]】]*[)）\]】]|[*＊※★]|[:：]+$")
_ENGLISH_SEP = re.compile(r"[\s_\-./]+")


@dataclass(slots=True)
class ColumnMap:
    """Column index of each canonical field found, plus pack fields and the leftover columns."""

    fields: dict[str, int] = field(default_factory=dict)
    extra: dict[str, int] = field(default_factory=dict)
    """Header text (as written) → column, for every other named column; pack fields by their name."""

    def has_core(self) -> bool:
        """Whether both required fields (date and title) have a column."""
        return "date" in self.fields and "title" in self.fields


#: A header cell longer than this (folded) is only matched exactly: long cells are titles or notes.
SUBSTRING_MAX = 16


def _score(header: str, aliases: tuple[str, ...]) -> int:
    """How well a header names a field: an exact name scores high (longer names first, then the order of
    the list: 日期 before 时间, so a 时间 column of clock times beside 日期 is not the date); a name inside the
    header scores its length."""
    best = 0
    loose = len(header) <= SUBSTRING_MAX and ":" not in header
    for i, a in enumerate(aliases):
        if header == a:
            return 1000 + 100 * len(a) - i
        if loose and a in header and len(a) > best:
            best = len(a)
    return best


def bare_header(header: str) -> str:
    """A folded header without its hints and marks (*日期（格式：2023-03-15） → 日期, 日期： → 日期); itself
    when nothing is left."""
    bare = _HINT.sub("", header)
    return bare if bare and bare != header else header


def letter_index(letters: str) -> int:
    """'A' → 0, 'AB' → 27 (0-based column index of a column name)."""
    n = 0
    for ch in letters.upper():
        n = n * 26 + ord(ch) - 64
    return n - 1


def map_columns(
    headers: list[str],
    overrides: dict[str, str] | None = None,
    pack_fields: dict[str, tuple[str, ...]] | None = None,
    folded: list[str] | None = None,
) -> ColumnMap:
    """Assign columns to fields: ``--map`` overrides first, then pack fields, then aliases.

    ``folded`` are the headers' matching keys when the caller has them (``text.normalize_many``: this
    is how traditional headers such as 會議名稱 match); by default they are folded here.
    """
    if folded is None:
        folded = [fold(h) for h in headers]
    cmap = ColumnMap()
    taken: set[int] = set()
    for fname, col in (overrides or {}).items():
        idx = _find_column(col, folded, headers)
        if idx is None:
            continue
        taken.add(idx)
        if fname in ALIASES:
            cmap.fields[fname] = idx
        else:
            cmap.extra[fname] = idx
    for fname, aliases in (pack_fields or {}).items():
        if fname in cmap.extra:
            continue
        names = tuple(fold(a) for a in (fname, *aliases))
        for i, h in enumerate(folded):
            if i not in taken and h and h in names:
                cmap.extra[fname] = i
                taken.add(i)
                break
    best: dict[str, tuple[int, int]] = {}
    for i, h in enumerate(folded):
        if not h or i in taken:
            continue
        bare = bare_header(h)
        scored = [(max(_score(h, al), _score(bare, al)), f) for f, al in _FOLDED.items() if f not in cmap.fields]
        score, fname = max(scored, default=(0, ""))
        if score and (fname not in best or score > best[fname][0]):
            best[fname] = (score, i)
    for fname, (_, i) in best.items():
        cmap.fields[fname] = i
        taken.add(i)
    for i, h in enumerate(headers):
        if i not in taken and h.strip():
            cmap.extra.setdefault(h.strip(), i)
    return cmap


def _find_column(col: str, folded: list[str], headers: list[str]) -> int | None:
    key = fold(col)
    if key in folded:
        return folded.index(key)
    plain = [fold(h) for h in headers]
    if key in plain:
        return plain.index(key)
    if _COLUMN_LETTERS.match(col):
        idx = letter_index(col)
        return idx if idx < max(len(headers), 1) + 200 else None
    return None


def parse_mapping(items: list[str]) -> dict[str, str]:
    """``['date=开展时间', '事项=工作内容']`` → {canonical: column}. Chinese field names are accepted."""
    from dutyaudit.errors import UsageError

    zh_to_field = {v: k for k, v in FIELD_NAMES_ZH.items()}
    out: dict[str, str] = {}
    for item in items:
        name, sep, col = item.partition("=")
        if not sep or not name.strip() or not col.strip():
            raise UsageError(msg("err.map.form", item=item))
        name = name.strip()
        out[zh_to_field.get(name, name)] = col.strip()
    return out
