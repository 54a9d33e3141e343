"""The one-line headline every renderer starts with: pack, year, unit, score, grade, counts."""

from __future__ import annotations

from dutyaudit.audit import Audit
from dutyaudit.i18n import t
from dutyaudit.model import STATUSES


def headline(audit: Audit) -> str:
    """'盘山县 · 2023年度 · panjin · 得分 87.5（良好） · 达标 7 缺失 1 · 共8项' (or its English form)."""
    s, lang = audit.summary, audit.lang
    counts = " ".join(f"{t(k, lang)} {s[k]}" for k in STATUSES if s[k])
    return t(
        "ui.headline",
        lang,
        unit=audit.unit or t("ui.no_unit", lang),
        year=audit.year,
        pack=audit.pack.id,
        score=f"{audit.score:g}",
        grade=t("ui.grade", lang, grade=audit.grade) if audit.grade else "",
        counts=counts,
        total=s["total"],
    )
