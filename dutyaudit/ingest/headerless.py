"""Header fallbacks for logs that do not name their columns the usual way.

Tried only when no row names both a date and a title column (``header.find_header``):

- a date column but no title column by name → the column with the longest Chinese texts is the title;
- no date column → when most texts of the title column (by name, else the longest texts) start with a date
  (a clerk's notebook: ``2.7 常委会听取法院党组汇报``), that date dates the row;
- no header row at all (a CSV whose first line is ``2023-1-10,县委常委会…,要点已印发``) → a column whose cells
  nearly all read as dates, the first row's included, dates the rows and the longest texts are the title.

Each fallback is said once per sheet in a warning. The fallbacks look at a sample of rows below a candidate
header, so a sheet that is not a log (a table of figures, English data) is still refused.
"""

from __future__ import annotations

import re
from array import array
from dataclasses import dataclass, replace
from typing import Any, Literal

from dutyaudit.i18n import Msg, msg
from dutyaudit.ingest.columns import ColumnMap, bare_header, map_columns
from dutyaudit.ingest.dates import DateError, leading_date, read_date
from dutyaudit.ingest.header import (
    HEADER_SCAN_ROWS,
    Header,
    distinct,
    exact_alias,
    row_texts,
    titleish,
)
from dutyaudit.ingest.text import fold, normalize_many

#: Rows below a candidate header looked at to judge it.
SAMPLE_ROWS = 200
#: A title guessed from its texts must average at least this many characters.
MIN_TITLE_LENGTH = 4
#: Columns never taken for the title however long their texts: remarks, places, row numbers.
_NOT_TITLE = frozenset(
    fold(h)
    for h in (
        "备注",
        "備註",
        "备考",
        "说明",
        "說明",
        "备注说明",
        "地点",
        "地點",
        "会议地点",
        "活动地点",
        "地址",
        "场所",
        "序号",
        "序號",
        "编号",
        "編號",
        "remarks",
        "remark",
        "note",
        "notes",
        "comment",
        "comments",
        "place",
        "location",
        "venue",
        "no",
        "no.",
        "#",
    )
)
_CJK = re.compile(r"[\u3400-\u9fff]")


@dataclass(frozen=True, slots=True)
class Fallback:
    """A header found by a fallback: what it is, which text column it rests on and the sheet's note."""

    header: Header
    kind: Literal["longest", "leading", "none"]
    """``longest``: the title column was chosen by its texts; ``leading``: dates lead the title texts; ``none``:
    no header row at all, the first row is a record."""
    column: int
    """The title column (for ``leading``, the column whose texts carry the dates)."""
    note: Msg


def fallback_header(
    top: list[list[Any]],
    rows: list[list[Any]],
    overrides: dict[str, str],
    pack_fields: dict[str, tuple[str, ...]],
) -> Fallback | None:
    """The first row of ``top`` (merges filled) that one of the fallbacks accepts, judged on the data below it
    in ``rows``; None when neither does."""
    scan = top[:HEADER_SCAN_ROWS]
    texts_rows = [row_texts(r) for r in scan]
    flat = normalize_many([t for texts in texts_rows for t in texts])
    k = 0
    below = _TextsBelow(rows[1 : len(scan) + SAMPLE_ROWS])  # every candidate's sample rows
    for i, texts in enumerate(texts_rows):
        keys = flat[k : k + len(texts)]
        k += len(texts)
        if distinct(keys) < 2 or titleish(keys):
            continue
        cmap = map_columns(texts, overrides, pack_fields, folded=keys)
        fields = cmap.fields
        if "date" in fields and "title" in fields:
            continue  # a header find_header refused (one merged text over both, say): not a fallback's to take
        sample = rows[i + 1 : i + 1 + SAMPLE_ROWS]
        if "date" in fields and "date" not in overrides and not exact_alias(bare_header(keys[fields["date"]]), "date"):
            # Not a date column's name (时间段, 报表导出时间); 时间及事项 may be a notebook's one text column.
            d = fields["date"]
            if not _dates_lead(sample, d):
                continue
            cmap = replace(cmap, fields={f: c for f, c in fields.items() if f != "date"})
            return _leading(i, texts, _as_title(cmap, d), d)
        if "date" in fields:
            d = fields["date"]
            if not _dates_read(sample, d):
                continue
            j = below.longest(i, _candidates(texts, keys, cmap, pack_fields))
            if j is None:
                continue
            return Fallback(
                Header(i, texts, _as_title(cmap, j), i),
                "longest",
                j,
                msg("warn.fallback_longest", column=texts[j], names="事项、名称、内容"),
            )
        j = fields["title"] if "title" in fields else below.longest(i, _candidates(texts, keys, cmap, pack_fields))
        if j is None or not _dates_lead(sample, j):
            continue
        return _leading(i, texts, _as_title(cmap, j), j)
    return _no_header(rows[:SAMPLE_ROWS])


#: Share of a headless table's first rows whose cell in the date column must read as a date.
HEADLESS_DATES = 0.8
#: A headless table's date is looked for among its first columns only (a clerk's CSV: date, text, note).
HEADLESS_DATE_COLUMNS = 8


def _no_header(sample: list[list[Any]]) -> Fallback | None:
    """A table with no header row (a CSV of date, text, note from the first line): the column of longest Chinese
    texts is the title; a column among the first :data:`HEADLESS_DATE_COLUMNS` whose cells nearly all read as
    dates, the first row's included, dates the rows; the other columns are kept as 第N列. None unless the first
    row is such a record. Only Chinese columns are summed, so a sheet thousands of columns wide costs little."""
    first = sample[0] if sample else []
    if not _CJK.search(repr(first)) or not any(_reads(first, c) for c in range(HEADLESS_DATE_COLUMNS)):
        return None  # the first row is no record: no Chinese text, or no date where a log keeps it
    dated = [
        c
        for c in range(min(len(first), HEADLESS_DATE_COLUMNS))
        if _reads(first, c) and sum(_reads(r, c) for r in sample) >= HEADLESS_DATES * len(sample)
    ]
    if not dated:
        return None
    texts = _TextsBelow(sample)
    width = max(len(r) for r in sample)
    d = dated[0]
    j = texts.longest(0, sorted(texts.cjk - {d}))
    if j is None:
        return None
    names = [f"第{c + 1}列" for c in range(width)]
    cmap = ColumnMap({"date": d, "title": j}, {names[c]: c for c in range(width) if c not in (d, j)}, [])
    note = msg("warn.fallback_no_header", date=d + 1, title=j + 1)
    return Fallback(Header(-1, names, cmap, 0), "none", j, note)


def _reads(row: list[Any], col: int) -> bool:
    """Whether a row's cell in ``col`` reads as a date."""
    v = row[col] if col < len(row) else None
    if v is None or v == "":
        return False
    try:
        read_date(v, 2000)
    except DateError:
        return False
    return True


def _leading(i: int, texts: list[str], cmap: ColumnMap, j: int) -> Fallback:
    return Fallback(
        Header(i, texts, cmap, i),
        "leading",
        j,
        msg("warn.fallback_leading", column=texts[j], examples="2.7, 1.10, 3月中旬, 2023.3.15"),
    )


def with_leading_dates(rows: list[list[Any]], found: Header, column: int) -> tuple[list[list[Any]], Header]:
    """The sheet's rows with two columns added after the header's: the date leading each text of ``column``
    and the text without it. The header maps date and title to them, so the rows read as any dated table.
    A text with no leading date gets an empty date (the row is then reported, not read)."""
    width = max(len(found.texts), column + 1)
    title_name = found.texts[column]
    out: list[list[Any]] = []
    for r, row in enumerate(rows):
        base = row[:width] + [""] * (width - len(row)) if len(row) != width else list(row)
        if found.first <= r <= found.row:
            out.append([*base, "日期", title_name])
            continue
        v = row[column] if column < len(row) else ""
        split = leading_date(v) if r > found.row and v.__class__ is str else None
        out.append([*base, *(split if split else ("", v))])
    fields = {f: c for f, c in found.cmap.fields.items() if f != "title"} | {"date": width, "title": width + 1}
    cmap = ColumnMap(fields, dict(found.cmap.extra), list(found.cmap.unfound))
    return out, Header(
        found.row, [*found.texts[:width], *[""] * (width - len(found.texts)), "日期", title_name], cmap, found.first
    )


def _as_title(cmap: ColumnMap, col: int) -> ColumnMap:
    """``cmap`` with ``col`` as the title (taken out of the extra columns)."""
    extra = {name: c for name, c in cmap.extra.items() if c != col}
    return replace(cmap, fields={**cmap.fields, "title": col}, extra=extra)


def _candidates(
    texts: list[str], keys: list[str], cmap: ColumnMap, pack_fields: dict[str, tuple[str, ...]]
) -> list[int]:
    """Columns that may be a title guessed from its texts: named, not a field, a pack column or a remark."""
    taken = set(cmap.fields.values()) | {c for name, c in cmap.extra.items() if name in pack_fields}
    title = cmap.fields.get("title")
    return [
        j
        for j, t in enumerate(texts)
        if t and (j not in taken or j == title) and bare_header(keys[j]) not in _NOT_TITLE and keys[j] not in _NOT_TITLE
    ]


class _TextsBelow:
    """The texts of the rows below the candidate headers, counted per column as running sums, so each
    candidate's sample (the next :data:`SAMPLE_ROWS` rows) is summed in constant time per column: a sheet
    thousands of columns wide is then read once for the fallback, not once per candidate header row."""

    def __init__(self, rows: list[list[Any]]) -> None:
        self.rows = rows
        # Only columns with Chinese text can be a title; a row's repr (C speed; it keeps Chinese characters
        # as written) rules out a row of figures or English at once.
        self.cjk: set[int] = set()
        for r in rows:
            if _CJK.search(repr(r)):
                self.cjk.update(j for j, v in enumerate(r) if v.__class__ is str and _CJK.search(v))
        self._sums: dict[int, tuple[array[int], array[int], array[int]]] = {}

    def _column(self, j: int) -> tuple[array[int], array[int], array[int]]:
        """Running counts down column ``j``: filled texts, their characters, those with Chinese."""
        sums = self._sums.get(j)
        if sums is None:
            n, chars, chinese = array("q", [0]), array("q", [0]), array("q", [0])
            a = b = c = 0
            for r in self.rows:
                if j < len(r) and (v := r[j]).__class__ is str and (t := v.strip()):
                    a, b, c = a + 1, b + len(t), c + (1 if _CJK.search(t) else 0)
                n.append(a)
                chars.append(b)
                chinese.append(c)
            sums = self._sums[j] = (n, chars, chinese)
        return sums

    def longest(self, i: int, columns: list[int]) -> int | None:
        """The column whose texts below candidate header ``i`` are longest in total, if they are mostly Chinese
        and long enough for a title."""
        best: tuple[int, int] | None = None
        for j in columns:
            if j not in self.cjk:
                continue
            n, chars, chinese = self._column(j)
            hi = min(i + SAMPLE_ROWS, len(n) - 1)
            lo = min(i, hi)
            values, total, cjk = n[hi] - n[lo], chars[hi] - chars[lo], chinese[hi] - chinese[lo]
            if not values or 2 * cjk < values or total < MIN_TITLE_LENGTH * values:
                continue
            if best is None or total > best[0]:
                best = (total, j)
        return best[1] if best else None


def _dates_read(sample: list[list[Any]], col: int) -> bool:
    """Whether most filled cells of a column below a candidate header read as dates."""
    filled = [r[col] for r in sample if col < len(r) and r[col] is not None and r[col] != ""]
    ok = 0
    for v in filled:
        try:
            read_date(v, 2000)
        except DateError:
            continue
        ok += 1
    return ok > 0 and 2 * ok >= len(filled)


def _dates_lead(sample: list[list[Any]], col: int) -> bool:
    """Whether most filled texts of a column start with a date."""
    filled = [v for r in sample if col < len(r) and (v := r[col]).__class__ is str and v.strip()]
    hits = sum(1 for v in filled if leading_date(v) is not None)
    return hits > 0 and 2 * hits >= len(filled)
