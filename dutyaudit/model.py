"""Plain data passed between ingest, matching, evaluation and the renderers."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, fields
from operator import attrgetter
from typing import Any

from dutyaudit.i18n import Lang, Msg

#: Statuses of a duty (the verdict contract).
STATUSES = ("met", "partial", "late", "missing", "waived", "na")

#: Activity types a pack may name in ``match.types``, with the words that identify them in a
#: log's type column (活动类型). The first type whose alias occurs in the cell wins.
ACTIVITY_TYPES: dict[str, tuple[str, ...]] = {
    "meeting": ("会议", "常委会", "常务会", "办公会", "座谈", "听取", "研究"),
    "study": ("学法", "学习", "中心组"),
    "lecture": ("讲座", "讲课", "授课", "法治课", "宣讲"),
    "training": ("培训", "轮训", "考试"),
    "report": ("报告", "述职", "述法", "汇报"),
    "publicity": ("宣传", "普法", "宪法日", "法治文化"),
    "inspection": ("督察", "督查", "督办", "检查", "巡察", "考核", "评估", "监督"),
    "litigation": ("出庭", "应诉", "诉讼", "复议", "案件"),
    "review": ("审查", "审核", "备案", "清理"),
    "decision": ("决策", "论证", "征求意见", "听证"),
    "document": ("文件", "制度", "规划", "计划", "方案", "清单", "目录", "要点", "规定", "办法"),
    "other": ("其他", "其它"),
}


@dataclass(slots=True, eq=False)
class Activity:
    """One log row, normalised. ``row`` is the 1-based sheet row the user sees in their office suite.

    Treated as immutable once ingest has filled in ``key``; not frozen because a frozen dataclass
    costs several times more to build, and ingest builds one per log row. Compared by identity.
    """

    file: str
    sheet: str
    row: int
    date: dt.date | None
    title: str
    """The title as written."""
    key: str
    """The title normalised for matching (NFKC, traditional→simplified, lower-case, no whitespace)."""
    type: str | None = None
    """Activity type id (see ``ACTIVITY_TYPES``), or None when the log has no type."""
    type_text: str = ""
    role_text: str = ""
    """Role as the log gives it (责任主体 cell, else the sheet name); resolved against a pack later."""
    unit: str = ""
    actor: str = ""
    hours: float | None = None
    end_date: dt.date | None = None
    extra: dict[str, Any] = field(default_factory=dict)
    """Every other column, by header text (normalised header → cell value)."""

    def __reduce__(self) -> tuple[Any, tuple[Any, ...]]:
        # The fields as a plain tuple, rebuilt through __init__: several times faster to pickle and
        # unpickle than the slots-dataclass default (batch sends rows between processes).
        return (Activity, _activity_fields(self))

    @property
    def duration_days(self) -> int | None:
        """Days from date to end_date, both counted (None without an end date)."""
        if self.date is None or self.end_date is None:
            return None
        return (self.end_date - self.date).days + 1

    def ref(self) -> dict[str, Any]:
        """The evidence reference used in every output: file, sheet, row, date, title."""
        return {
            "file": self.file,
            "sheet": self.sheet,
            "row": self.row,
            "date": self.date.isoformat() if self.date else None,
            "title": self.title,
        }


#: Every field of an Activity in __init__ order, as one tuple.
_activity_fields = attrgetter(*(f.name for f in fields(Activity)))


@dataclass(frozen=True, slots=True)
class RowWarning:
    """A row (or sheet, or file) that could not be read, kept as data so nothing is lost silently.

    Give ``msg`` (an i18n key and parameters, ``dutyaudit.i18n.msg``) so that every output shows the
    warning in the run's language; ``message`` is then its English text. A warning made with a plain
    ``message`` only is shown as written.
    """

    file: str
    sheet: str | None
    row: int | None
    message: str = ""
    msg: Msg | None = None

    def __post_init__(self) -> None:
        if self.msg is not None and not self.message:
            object.__setattr__(self, "message", self.msg.render("en"))

    def text(self, lang: Lang = "zh") -> str:
        """The warning's reason in ``lang`` (as written when it was made without a key)."""
        return self.msg.render(lang) if self.msg is not None else self.message

    def as_dict(self, lang: Lang = "en") -> dict[str, Any]:
        return {"file": self.file, "sheet": self.sheet, "row": self.row, "message": self.text(lang)}


@dataclass(slots=True)
class Activities:
    """The result of ingest: every readable row, every warning, and context found on the way."""

    rows: list[Activity]
    warnings: list[RowWarning]
    files: list[str]
    titles: list[str] = field(default_factory=list)
    """Title rows found above headers (they name the unit and the year)."""
    file_titles: dict[str, list[str]] = field(default_factory=dict)
    """The same title rows by file (as ``Activity.file`` names it): which unit each file names."""


@dataclass(frozen=True, slots=True)
class Excluded:
    """A row read but left out of the audit, and why (another year, a duplicate, another unit, no date)."""

    activity: Activity
    reason: str

    def as_dict(self) -> dict[str, Any]:
        return {**self.activity.ref(), "reason": self.reason}
