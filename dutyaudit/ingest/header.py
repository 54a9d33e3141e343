"""Finding a sheet's header: the row (or two rows) naming a date and a title column, under any title rows.

Header names are matched by ``columns.map_columns``. When no row names both, :mod:`ingest.headerless`
tries the fallbacks real logs need (a title column found from the texts, dates leading the text).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from dutyaudit.ingest.columns import ALIASES, SUBSTRING_MAX, ColumnMap, bare_header, map_columns
from dutyaudit.ingest.text import cell_text, fold, normalize, normalize_many

#: How far down a sheet the header may be.
HEADER_SCAN_ROWS = 40
_DATE_WORD = re.compile(r"日期|时间|時間|date|when|start", re.IGNORECASE)
_YEARISH = re.compile(r"(?:19|20)\d\d")


@dataclass(frozen=True, slots=True)
class Header:
    """Where a sheet's header is and what its columns mean."""

    row: int
    """0-based index of the (last) header row; data starts below it."""
    texts: list[str]
    """Column names as written (the lower row's names for a two-row header)."""
    cmap: ColumnMap
    first: int
    """0-based index of the first header row (``row - 1`` for a two-row header)."""


def row_texts(row: list[Any]) -> list[str]:
    return [cell_text(v) for v in row]


def distinct(keys: list[str]) -> int:
    return len({k for k in keys if k})


def _core_ok(cmap: ColumnMap, keys: list[str]) -> bool:
    if not cmap.has_core():
        return False
    d, t = cmap.fields["date"], cmap.fields["title"]
    return d < len(keys) and t < len(keys) and keys[d] != keys[t]


def _is_subheader(top: list[str], below: list[str], cmap: ColumnMap, below_keys: list[str]) -> bool:
    """Whether ``below`` holds the real names under group cells of ``top`` (a two-row header)."""
    c_date = cmap.fields["date"]
    under_date = below[c_date] if c_date < len(below) else ""
    if under_date and under_date != top[c_date]:
        return False  # a date (or anything else) under 日期: a data row
    differs = [j for j, b in enumerate(below) if b and (j >= len(top) or b != top[j])]
    if len(differs) < 2:
        return False
    grouped = any(0 < j < len(top) and top[j] and top[j] == top[j - 1] for j in differs)
    exact = sum(1 for j in differs if any(below_keys[j] in al for al in _FOLDED_ALIASES))
    return grouped or exact >= 2


_FOLDED_ALIASES = tuple(frozenset(fold(a) for a in al) for al in ALIASES.values())
_FOLDED_BY_FIELD = {f: frozenset(fold(a) for a in al) for f, al in ALIASES.items()}


def find_header(
    rows: list[list[Any]],
    overrides: dict[str, str],
    pack_fields: dict[str, tuple[str, ...]],
) -> Header | None:
    """The header row (two-row headers combined) and its column map, from rows whose merges are filled.

    A header row names a date and a title column with two different texts; a row that only repeats one
    merged title, or whose date and title cells are the same text, is not one.
    """
    scan = rows[: HEADER_SCAN_ROWS + 1]
    texts_rows = [row_texts(r) for r in scan]
    flat = [t for texts in texts_rows for t in texts]
    keys_flat = normalize_many(flat)
    keys_rows: list[list[str]] = []
    k = 0
    for texts in texts_rows:
        keys_rows.append(keys_flat[k : k + len(texts)])
        k += len(texts)
    for i in range(min(len(scan), HEADER_SCAN_ROWS)):
        texts, keys = texts_rows[i], keys_rows[i]
        if distinct(keys) < 2:
            continue
        cmap = map_columns(texts, overrides, pack_fields, folded=keys)
        below = texts_rows[i + 1] if i + 1 < len(scan) else None
        if _core_ok(cmap, keys):
            if below is not None and _is_subheader(texts, below, cmap, keys_rows[i + 1]):
                combined, ckeys = _combine(texts, below, keys, keys_rows[i + 1])
                cmap2 = map_columns(combined, overrides, pack_fields, folded=ckeys)
                if _core_ok(cmap2, ckeys):
                    return Header(i + 1, combined, cmap2, i)
            return Header(i, texts, cmap, i)
        # A two-row header: merged group cells above, the real names below (not a title or 填报单位 row).
        if below is not None and sum(1 for b in below if b) >= 2 and not titleish(keys):
            combined, ckeys = _combine(texts, below, keys, keys_rows[i + 1])
            cmap2 = map_columns(combined, overrides, pack_fields, folded=ckeys)
            if _core_ok(cmap2, ckeys):
                return Header(i + 1, combined, cmap2, i)
    return None


def titleish(keys: list[str]) -> bool:
    """Whether a row reads like a title or a 填报单位：… line rather than group cells of a header."""
    return any(len(k) > SUBSTRING_MAX or ":" in k or _YEARISH.search(k) for k in keys if k)


def _combine(
    top: list[str], below: list[str], top_keys: list[str], below_keys: list[str]
) -> tuple[list[str], list[str]]:
    n = max(len(top), len(below))
    texts = [(below[j] if j < len(below) else "") or (top[j] if j < len(top) else "") for j in range(n)]
    keys = [(below_keys[j] if j < len(below) else "") or (top_keys[j] if j < len(top) else "") for j in range(n)]
    return texts, keys


def starts_table(row: list[Any], overrides: dict[str, str], pack_fields: dict[str, tuple[str, ...]]) -> bool:
    """Whether a row (whose date did not read) is the header of another table: it names a date and a title
    column with words that are exactly header names (日期, 培训名称 …), not a data row that mentions them."""
    if not any(
        v.__class__ is str and len(v) <= 2 * SUBSTRING_MAX and _DATE_WORD.search(v) and _date_name(v) for v in row
    ):
        return False  # the cheap test first: rows of unreadable dates are common, new tables are rare
    texts = row_texts(row)
    keys = normalize_many(texts)
    if distinct(keys) < 2:
        return False
    cmap = map_columns(texts, overrides, pack_fields, folded=keys)
    if not _core_ok(cmap, keys):
        return False
    d, t = cmap.fields["date"], cmap.fields["title"]
    return exact_alias(bare_header(keys[d]), "date") and exact_alias(bare_header(keys[t]), "title")


@lru_cache(maxsize=4096)
def _date_name(text: str) -> bool:
    """Whether a cell is a date column's name (日期, 培训日期, 會議時間 …), hints aside."""
    return exact_alias(bare_header(normalize(text)), "date")


def exact_alias(key: str, field_name: str) -> bool:
    """Whether a header key is one of the field's names, or ends with one (培训名称, 会议日期)."""
    folded = _FOLDED_BY_FIELD[field_name]
    return key in folded or (len(key) <= SUBSTRING_MAX and any(key.endswith(a) for a in folded if len(a) >= 2))


def side_by_side(
    found: Header, overrides: dict[str, str], pack_fields: dict[str, tuple[str, ...]]
) -> list[tuple[int, int | None]]:
    """Column ranges of tables standing side by side under one header row (县委 | 县政府), each with its own date
    and title column; [] for one table. Tables are runs of named header cells split by empty ones."""
    texts = found.texts
    runs: list[tuple[int, int]] = []
    j = 0
    while j < len(texts):
        if not texts[j]:
            j += 1
            continue
        k = j
        while k < len(texts) and texts[k]:
            k += 1
        runs.append((j, k))
        j = k
    if len(runs) < 2:
        return []
    starts = []
    for a, b in runs:
        part = texts[a:b]
        keys = normalize_many(part)
        if distinct(keys) >= 2 and _core_ok(map_columns(part, overrides, pack_fields, folded=keys), keys):
            starts.append(a)
    if len(starts) < 2:
        return []
    starts[0] = 0
    ends: list[int | None] = [*starts[1:], None]
    return list(zip(starts, ends, strict=True))
