"""Conditions on a row's fields (出庭情况 含“出庭”, 期限 ≥ 30日): whether a row meets one, and how to say it.

Rates and "each" requirements count the rows that meet their ``where`` condition; near misses and the
scorecard say the condition as a person would (期限不少于30日（本条19日）).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from dutyaudit.i18n import LABELS, Lang, t
from dutyaudit.ingest.text import fold, normalize
from dutyaudit.model import Activity
from dutyaudit.packmodel import Condition


def field_value(a: Activity, name: str) -> object:
    """A row's value for a condition field: canonical attribute, declared pack field or any column."""
    if name in ("hours", "duration_days", "title", "type", "unit", "actor", "date", "end_date"):
        return getattr(a, name)
    if name == "role":
        return a.role_text
    if name in a.extra:
        return a.extra[name]
    key = fold(name)
    for k, v in a.extra.items():
        if fold(k) == key:
            return v
    return None


def as_number(v: object) -> float | None:
    """The first number in a value (3, "3学时", "约3.5小时" → 3.5), None for none or a bool."""
    if isinstance(v, bool) or v is None:
        return None
    if isinstance(v, int | float):
        return float(v)
    m = re.search(r"-?\d+(?:\.\d+)?", str(v))
    return float(m.group()) if m else None


def _exact_number(v: object) -> float | None:
    s = str(v).strip()
    return float(s) if re.fullmatch(r"-?\d+(?:\.\d+)?", s) else None


def condition_holds(cond: Condition, a: Activity) -> bool:
    """Whether a row satisfies a condition (a missing value never does)."""
    v = field_value(a, cond.field)
    if cond.op == "nonempty":
        return v not in (None, "")
    if cond.op is not None:
        if v is None or v == "":
            return False
        right = cond.value if isinstance(cond.value, float) else _exact_number(cond.value)
        if right is not None:
            left = as_number(v)
            return left is not None and _compare(left, cond.op, right)
        return _compare(normalize(str(v)), cond.op, normalize(str(cond.value)))
    text = normalize(str(v)) if v not in (None, "") else ""
    if not text:
        return False
    return any(normalize(w) in text for w in cond.any) and not any(normalize(w) in text for w in cond.none)


def _compare(a: object, op: str, b: object) -> bool:
    ops: dict[str, Callable[[object, object], bool]] = {
        ">=": lambda x, y: x >= y,  # type: ignore[operator]
        ">": lambda x, y: x > y,  # type: ignore[operator]
        "<=": lambda x, y: x <= y,  # type: ignore[operator]
        "<": lambda x, y: x < y,  # type: ignore[operator]
        "==": lambda x, y: x == y,
        "!=": lambda x, y: x != y,
    }
    try:
        return ops[op](a, b)
    except TypeError:
        return False


def field_label(name: str, lang: Lang = "zh") -> str:
    """A condition field for people: hours → 学时, duration_days → 期限; a log column stays as named."""
    return t(f"cond.field.{name}", lang) if f"cond.field.{name}" in LABELS else name


def condition_text(cond: Condition, lang: Lang = "zh", row: Activity | None = None) -> str:
    """A condition as a person says it (期限不少于30日); with ``row``, that row's value after it (（本条19日）)."""
    field = field_label(cond.field, lang)
    unit = t(f"cond.unit.{cond.field}", lang) if f"cond.unit.{cond.field}" in LABELS else ""
    if cond.op == "nonempty":
        text = t("ui.cond.nonempty", lang, field=field)
    elif cond.op is not None:
        value = tidy(cond.value) if isinstance(cond.value, float) else cond.value
        text = t(f"cond.op.{cond.op}", lang, field=field, value=value, unit=unit)
    else:
        words = t("cond.or", lang).join(t("cond.q", lang, w=w) for w in cond.any)
        text = t("cond.any", lang, field=field, words=words)
        if cond.none:
            text += t("cond.none", lang, words=t("cond.or", lang).join(t("cond.q", lang, w=w) for w in cond.none))
    if row is None:
        return text
    v = field_value(row, cond.field)
    if v is None or v == "":
        return text + t("cond.row_empty", lang)
    shown = f"{tidy(v)}{unit}" if isinstance(v, int | float) and not isinstance(v, bool) else str(v)
    return text + t("cond.row", lang, value=shown)


def tidy(x: float) -> float:
    """A number as people write it: 3.0 → 3, 2.345 → 2.35."""
    return int(x) if float(x).is_integer() else round(x, 2)
