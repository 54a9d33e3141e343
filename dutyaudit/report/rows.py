"""Duty rows in words, shared by the flat renderers (csv, markdown) and the scorecard."""

from __future__ import annotations

from dutyaudit.audit import Audit
from dutyaudit.evaluate import DutyResult, requirement_text
from dutyaudit.i18n import Lang, t

COLUMNS = (
    "id",
    "role",
    "clause",
    "label",
    "kind",
    "requirement",
    "required",
    "found",
    "status",
    "shortfall",
    "evidence_rows",
)
HEADERS_ZH = ("编号", "责任主体", "条款", "职责", "类型", "要求", "应达", "实际", "结论", "差距", "佐证行")


def fmt_num(x: float) -> str:
    """3.0 → '3', 2.5 → '2.5'."""
    return str(int(x)) if float(x).is_integer() else f"{x:g}"


def evidence_refs(r: DutyResult, limit: int | None = None) -> str:
    """'县委!5; 县委!9' — where the counted rows are."""
    refs = [f"{h.activity.file}:{h.activity.sheet}!{h.activity.row}" for h in r.evidence]
    if limit is not None and len(refs) > limit:
        refs = [*refs[:limit], f"… +{len(refs) - limit}"]
    return "; ".join(refs)


def status_text(r: DutyResult, lang: Lang) -> str:
    return t(r.status, lang)


def duty_row(audit: Audit, r: DutyResult, lang: Lang, machine: bool = False) -> list[str]:
    """One duty as text cells in COLUMNS order; ``machine`` keeps ids (role, kind, status) for scripts."""
    role = r.duty.role if machine else audit.pack.roles[r.duty.role].name
    shortfall = r.shortfall
    if r.waiver is not None:
        shortfall = f"{r.waiver.reason}" + (f"（{r.waiver.approved_by}）" if r.waiver.approved_by else "")
    return [
        r.duty.id,
        role,
        r.duty.clause,
        r.duty.label,
        r.duty.kind if machine else t(f"kind.{r.duty.kind}", lang),
        requirement_text(r.duty, lang),
        fmt_num(r.required),
        fmt_num(r.found),
        r.status if machine else status_text(r, lang),
        shortfall,
        evidence_refs(r),
    ]
