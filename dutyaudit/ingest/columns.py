"""Header aliases and column mapping: which column of a sheet holds which canonical field."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from dutyaudit.i18n import Msg, msg
from dutyaudit.ingest.aliases import ALIASES, DAY_HEADERS, FIELD_NAMES_ZH, MONTH_HEADERS, TITLE_NAMES
from dutyaudit.ingest.text import fold, normalize, normalize_many

__all__ = ["ALIASES", "FIELD_NAMES_ZH", "ColumnMap", "map_columns", "parse_mapping"]  # ALIASES: also from here

_FOLDED = {f: tuple(fold(a) for a in al) for f, al in ALIASES.items()}
_TITLE_NAME_KEYS = frozenset(fold(a) for a in TITLE_NAMES)
#: Any alias anywhere in a header: a header without one scores 0 for every field (one C-speed search instead
#: of scoring each field's aliases — what keeps a sheet thousands of columns wide quick to search for its header).
_ANY_ALIAS = re.compile("|".join(sorted({re.escape(a) for al in _FOLDED.values() for a in al if a}, key=len)[::-1]))
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
    unfound: list[str] = field(default_factory=list)
    """Fields of ``--map`` whose column is not in this header."""

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


def _title_tier(header: str, bare: str) -> int:
    """2 when a header names a title (事项, 会议名称, 培训名称), 1 when it names a descriptive column (内容, 议题)."""
    for h in {header, bare}:
        if h in _TITLE_NAME_KEYS or (len(h) <= SUBSTRING_MAX and any(a in h for a in _TITLE_NAME_KEYS)):
            return 2
    return 1


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
            cmap.unfound.append(fname)
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
    best: dict[str, tuple[tuple[int, int], int]] = {}
    for i, h in enumerate(folded):
        if not h or i in taken:
            continue
        bare = bare_header(h)
        if not _ANY_ALIAS.search(h) and (bare is h or not _ANY_ALIAS.search(bare)):
            continue
        # On a tie the title loses: 记录时间 is a date, 佐证记录 evidence (the title is the catch-all field).
        scored = [
            (max(_score(h, al), _score(bare, al)), f != "title", f) for f, al in _FOLDED.items() if f not in cmap.fields
        ]
        score, _, fname = max(scored, default=(0, False, ""))
        if not score:
            continue
        # A title column by name (事项, 会议名称) beats a descriptive one (内容, 议题), however long its name.
        rank = (_title_tier(h, bare) if fname == "title" else 0, score)
        if fname not in best or rank > best[fname][0]:
            best[fname] = (rank, i)
    for fname, (_, i) in best.items():
        cmap.fields[fname] = i
        taken.add(i)
    if "date" not in cmap.fields and (day := _month_day_column(folded, taken)) is not None:
        cmap.fields["date"] = day
        taken.add(day)
    if "date" not in cmap.fields and "end_date" in cmap.fields and "date" not in (overrides or {}):
        # the only date is when it was done (完成日期 beside a planned 完成时限): that date dates the row
        cmap.fields["date"] = cmap.fields.pop("end_date")
    for i, h in enumerate(headers):
        if i not in taken and h.strip():
            cmap.extra.setdefault(h.strip(), i)
    return cmap


_MONTH_KEYS = frozenset(fold(a) for a in MONTH_HEADERS)
_DAY_KEYS = frozenset(fold(a) for a in DAY_HEADERS)


def _month_day_column(folded: list[str], taken: set[int]) -> int | None:
    """The date column of a header with no date named but a month column (月份 · 日 · 事项): the day column
    after it (its days are joined with the month when the sheet is read), or the month column alone."""
    free = [(i, bare_header(h).rstrip(":")) for i, h in enumerate(folded) if h and i not in taken]
    month = next((i for i, h in free if h in _MONTH_KEYS), None)
    if month is None:
        return None
    return next((i for i, h in free if h in _DAY_KEYS and i > month), month)


def column_present(col: str, texts: list[str]) -> bool:
    """Whether ``--map``'s COLUMN names one of ``texts`` (cells as written) or is a column letter."""
    return _find_column(col, normalize_many(texts), texts) is not None


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
    # The name without its hints (开展时间 for 开展时间（格式：2023-03-15）), in either script (開展時間).
    keys = {key, bare_header(key), normalize(col), bare_header(normalize(col))}
    for i, h in enumerate(folded):
        if h and (h in keys or bare_header(h) in keys):
            return i
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


def mapping_fields(pack_fields: Iterable[str] = ()) -> str | Msg:
    """The fields ``--map`` takes, for messages: ``date (日期), title (事项), …`` and the pack's own columns."""
    named = ", ".join(f"{f} ({zh})" for f, zh in FIELD_NAMES_ZH.items())
    extra = list(pack_fields)
    return msg("err.map.fields_pack", named=named, extra="、".join(extra)) if extra else named


def check_mapping_fields(mapping: dict[str, str], pack_fields: Iterable[str] = ()) -> None:
    """Raise UsageError when ``--map`` names a field that is neither canonical nor a pack's column."""
    from dutyaudit.errors import UsageError

    extra = list(pack_fields)
    for fname, col in mapping.items():
        if fname in ALIASES or fname in extra or fname.startswith("__"):  # __by__: batch's --by column
            continue
        raise UsageError(msg("err.map.field", field=fname, col=col, fields=mapping_fields(extra)))
