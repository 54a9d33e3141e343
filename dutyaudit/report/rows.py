"""Duty rows in words, shared by the flat renderers (csv, markdown) and the scorecard."""

from __future__ import annotations

from dutyaudit.audit import Audit
from dutyaudit.evaluate import DutyResult, requirement_text
from dutyaudit.i18n import Lang, t
from dutyaudit.waivers import waiver_text

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


def headers(lang: Lang) -> tuple[str, ...]:
    """Column headers for COLUMNS in ``lang`` (编号, 责任主体 … / ID, Role …)."""
    return tuple(t(f"ui.col.{c}", lang) for c in COLUMNS)


HEADERS_ZH = headers("zh")


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
    """The status word in ``lang`` (达标 / met …)."""
    return t(r.status, lang)


def role_text(audit: Audit, role_id: str, lang: Lang) -> str:
    """A role for people: the pack's role name in Chinese, the role id in English (names are pack content)."""
    return audit.pack.roles[role_id].name if lang == "zh" else role_id


def shortfall_text(r: DutyResult, lang: Lang) -> str:
    """The shortfall in words, or the waiver (reason, approver, expiry) for a waived duty."""
    return waiver_text(r.waiver, lang) if r.waiver is not None else r.shortfall


def duty_row(audit: Audit, r: DutyResult, lang: Lang, machine: bool = False) -> list[str]:
    """One duty as text cells in COLUMNS order; ``machine`` keeps ids (role, kind, status) and the plain shortfall."""
    return [
        r.duty.id,
        r.duty.role if machine else role_text(audit, r.duty.role, lang),
        r.duty.clause,
        r.duty.label,
        r.duty.kind if machine else t(f"kind.{r.duty.kind}", lang),
        requirement_text(r.duty, lang),
        fmt_num(r.required),
        fmt_num(r.found),
        r.status if machine else status_text(r, lang),
        r.shortfall if machine else shortfall_text(r, lang),
        evidence_refs(r),
    ]
