"""The one-line headline every renderer starts with: pack, year, unit, score, grade, counts."""

from __future__ import annotations

from dutyaudit.audit import Audit
from dutyaudit.i18n import t


def headline(audit: Audit) -> str:
    s = audit.summary
    counts = " ".join(f"{t(k, audit.lang)} {s[k]}" for k in ("met", "partial", "late", "missing", "waived") if s[k])
    if audit.lang == "zh":
        unit = audit.unit or "未注明单位"
        grade = f"（{audit.grade}）" if audit.grade else ""
        return (
            f"{unit} · {audit.year}年度 · {audit.pack.id} · 得分 {audit.score:g}{grade} · {counts} · 共{s['total']}项"
        )
    unit = audit.unit or "unit not stated"
    grade = f" ({audit.grade})" if audit.grade else ""
    return f"{unit} · {audit.year} · {audit.pack.id} · score {audit.score:g}{grade} · {counts} · {s['total']} duties"
