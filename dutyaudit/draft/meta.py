"""A drafted pack's header fields: name, jurisdiction, issuer and date, read from the document's preamble.

What the preamble does not say is left to the person reviewing: the field gets a neutral value
(``（文件未注明）``, the file's own date) and a note for the pack's header comment.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from dutyaudit.draft.tree import Tree

NOT_STATED = "（文件未注明）"
_TITLE_WORD = re.compile(r"(清单|方案|办法|决定|意见|规定|要点|计划|细则|规划|纲要|制度|通知)$")
_NOTICE = re.compile(r"^(?:关于印发|.*关于印发)|的通知$|^各[^，,]{1,20}[：:]$")
_PLACE = re.compile(r"^(?:中共)?([\u4e00-\u9fff]{2,12}?(?:自治区|省|自治州|地区|盟|市|县|区|旗))")
_DATE = re.compile(r"(\d{4})\s*[-年./]\s*(\d{1,2})\s*[-月./]\s*(\d{1,2})\s*日?")
_SOURCE = re.compile(r"(?:信息来源|来源|发布机关|发文机关)\s*[:：]\s*([\u4e00-\u9fff（）()]{2,30})")
_ORG = re.compile(r"(?:办公厅|办公室|委员会|人民政府|司法局|委|局|厅|院|政府|党委)$")


@dataclass
class Meta:
    """Header fields of a drafted pack, and what the drafter could not find."""

    name: str
    jurisdiction: str
    issuer: str
    issued: dt.date
    review: list[str] = field(default_factory=list)


def _title(preamble: list[str]) -> str | None:
    candidates: list[str] = []
    i = 0
    while i < len(preamble):
        line = preamble[i].replace(" ", "")
        # a title wrapped over two lines: 盘锦市…推进法治建设 / 第一责任人职责清单
        wrapped = not (_TITLE_WORD.search(line) or _DATE.search(line) or line.startswith(("(", "（", "附件")))
        if wrapped and i + 1 < len(preamble) and _TITLE_WORD.search(preamble[i + 1]):
            joined = line + preamble[i + 1].replace(" ", "")
            if len(joined) <= 60 and not re.search(r"[。,，:：]", joined):
                line, i = joined, i + 1
        if (
            _TITLE_WORD.search(line)
            and len(line) <= 60
            and not _NOTICE.search(line)
            and not re.search(r"[。:：]", line)
        ):
            candidates.append(line)
        i += 1
    if not candidates:
        return None
    return candidates[0].strip("《》")


def read_meta(tree: Tree, stem: str, file_date: dt.date, name: str | None = None) -> Meta:
    """Header fields from the preamble (and the first lines of the body); ``name`` overrides the title."""
    notes: list[str] = []
    head = tree.preamble + [p for c in tree.clauses()[:1] for p in c.paragraphs[:1]]
    title = name or _title(tree.preamble)
    if title is None:
        title = stem
        notes.append(f"name: no title found in the document; the file name {stem!r} stands in (give --name)")
    issuer = None
    for line in tree.preamble:
        m = _SOURCE.search(line)
        if m:
            issuer = re.split(r"浏览|点击|阅读|字号|发布|时间|日期", m.group(1))[0]  # the portal's next label
            break
    if issuer is None:  # a signature: the issuing offices on the lines above the date
        for i, line in enumerate(tree.preamble):
            if i and _DATE.fullmatch(line.strip()) and _ORG.search(tree.preamble[i - 1].strip()):
                j = i
                while j > 0 and _ORG.search(tree.preamble[j - 1].strip()) and len(tree.preamble[j - 1]) <= 30:
                    j -= 1
                issuer = "、".join(x.strip() for x in tree.preamble[j:i])
                break
    if issuer is None:
        m = re.match(
            r"^(中共[\u4e00-\u9fff]{1,10}?(?:委|委员会)|[\u4e00-\u9fff]{2,10}?人民政府(?:办公室|办公厅)?)", title
        )
        issuer = m.group(1) if m else None
    if issuer is None:
        issuer = NOT_STATED
        notes.append("issuer: the document does not name its issuer; fill it in")
    place = _PLACE.match(title) or _PLACE.match(issuer)
    jurisdiction = place.group(1) if place else NOT_STATED
    if place is None:
        notes.append("jurisdiction: neither the title nor the issuer names a place; fill it in")
    issued = None
    for line in head:
        m = _DATE.search(line)
        if m:
            try:
                issued = dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
                break
            except ValueError:
                continue
    if issued is None:
        issued = file_date
        notes.append(f"issued: the document gives no date; the file's date {file_date.isoformat()} stands in")
    return Meta(title, jurisdiction, issuer, issued, notes)
