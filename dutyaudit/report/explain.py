"""Rendering ``dutyaudit explain``: a Rich report for people, a JSON object (stable keys) for scripts."""

from __future__ import annotations

from typing import Any, TextIO

from dutyaudit.explain import Explanation, NearMiss, role_word
from dutyaudit.i18n import Lang, t
from dutyaudit.matching import Hit
from dutyaudit.model import Activity
from dutyaudit.report.json import dumps, duty_head, head_dict
from dutyaudit.report.rows import fmt_num
from dutyaudit.waivers import waiver_dict, waiver_text

#: Top-level keys of ``explain --format json``, in order.
JSON_KEYS = (
    "tool",
    "version",
    "pack",
    "year",
    "unit",
    "duty",
    "status",
    "required",
    "found",
    "shortfall",
    "waiver",
    "counted",
    "near_misses",
    "near_misses_total",
    "needed",
    "warnings",
)


def _row(a: Activity, keywords: tuple[str, ...], type_: str | None, role: str | None) -> dict[str, Any]:
    return {**a.ref(), "keywords": list(keywords), "type": type_, "role": role}


def hit_dict(h: Hit) -> dict[str, Any]:
    """A counted row: file, sheet, row, date, title, keywords, type, role."""
    return _row(h.activity, h.keywords, h.type, h.role)


def near_dict(n: NearMiss) -> dict[str, Any]:
    """A near miss: the counted-row keys plus reasons [{code, detail, message}]."""
    d = _row(n.activity, n.keywords, n.type, n.role)
    d["reasons"] = [{"code": r.code, "detail": r.detail, "message": r.message} for r in n.reasons]
    return d


def explain_dict(e: Explanation) -> dict[str, Any]:
    """The explanation as JSON-ready data, keys in JSON_KEYS order."""
    r, d = e.result, e.duty
    return {
        **head_dict(e.pack),
        "year": e.year,
        "unit": e.unit,
        "duty": {
            **duty_head(d),
            "requirement": e.requirement,
            "rule": e.rule,
            "applies": e.applies,
            "in_scope": e.in_scope,
        },
        "status": r.status,
        "required": r.required,
        "found": r.found,
        "shortfall": r.shortfall,
        "waiver": waiver_dict(r.waiver) if r.waiver else None,
        "counted": [hit_dict(h) for h in e.counted],
        "near_misses": [near_dict(n) for n in e.near],
        "near_misses_total": e.near_total,
        "needed": e.needed,
        "warnings": [w.as_dict(e.lang) for w in e.warnings],
    }


def explain_json(e: Explanation) -> str:
    """``explain --format json``: one object, Chinese not escaped."""
    return dumps(explain_dict(e)) + "\n"


def _type_cell(type_id: str | None, a: Activity, lang: Lang) -> str:
    if type_id is None:
        return ""
    return (a.type_text or t(f"ui.type.{type_id}", lang)) if lang == "zh" else type_id


def write_explain_table(e: Explanation, stream: TextIO) -> None:
    """The explanation for people: the duty, the verdict, counted rows, near misses, what would satisfy it."""
    from rich.table import Table
    from rich.text import Text

    from dutyaudit.report.terminal import STATUS_STYLE, make_console, print_warnings

    lang, r, d = e.lang, e.result, e.duty
    console = make_console(stream)
    console.print(Text(e.pack.name, style="bold"))
    console.print(t("explain.scope", lang, unit=e.unit or t("ui.no_unit", lang), year=e.year, pack=e.pack.id))
    console.print(Text(t("explain.title", lang, id=d.id, clause=d.clause, label=d.label), style="bold"))
    console.print(t("explain.role", lang, role=role_word(e.pack, d.role, lang)))
    console.print(t("explain.text", lang) + d.text)
    console.print(t("explain.requirement", lang) + e.requirement)
    console.print(t("explain.rule", lang) + e.rule)
    verdict = Text(t("explain.verdict", lang))
    verdict.append(t(r.status, lang), style=STATUS_STYLE[r.status])
    verdict.append(" — " + t("explain.found", lang, required=fmt_num(r.required), found=fmt_num(r.found)))
    if r.shortfall:
        verdict.append(" — " + r.shortfall)
    console.print(verdict)
    if r.waiver is not None:
        console.print(Text(waiver_text(r.waiver, lang), style=STATUS_STYLE["waived"]))
    if not e.applies:
        console.print(Text(t("explain.not_applicable", lang, year=e.year), style="yellow"))
    if not e.in_scope:
        console.print(Text(t("explain.out_of_scope", lang, scope=e.scope), style="yellow"))

    cols = ("file", "sheet", "row", "date", "title")
    if e.counted:
        table = Table(title=t("explain.counted", lang, n=len(e.counted)), title_justify="left", header_style="bold")
        for c in (*cols, "keywords", "type"):
            table.add_column(t(f"ui.col.{c}", lang), overflow="fold", justify="right" if c == "row" else "left")
        for h in e.counted:
            a = h.activity
            table.add_row(*_ref_cells(a), t("sep", lang).join(h.keywords), _type_cell(h.type, a, lang))
        console.print(table)
    else:
        console.print(Text(t("explain.no_counted", lang), style="dim"))

    if e.near:
        title = (
            t("explain.near", lang, n=e.near_total)
            if len(e.near) == e.near_total
            else t("explain.near_shown", lang, n=e.near_total, shown=len(e.near))
        )
        table = Table(title=title, title_justify="left", header_style="bold")
        for c in (*cols, "why"):
            table.add_column(t(f"ui.col.{c}", lang), overflow="fold", justify="right" if c == "row" else "left")
        for n in e.near:
            why = t("explain.rule.sep", lang).join(x.message for x in n.reasons)
            table.add_row(*_ref_cells(n.activity), why)
        console.print(table)
        if e.near_total > len(e.near):
            console.print(Text(t("explain.near_more", lang, n=e.near_total - len(e.near)), style="dim"))
    else:
        console.print(Text(t("explain.no_near", lang), style="dim"))

    style = "green" if e.satisfied else "bold"
    console.print(Text(t("explain.needed", lang) + e.needed, style=style))
    print_warnings(console, e.warnings, lang)


def _ref_cells(a: Activity) -> tuple[str, str, str, str, str]:
    return (a.file, a.sheet, str(a.row), a.date.isoformat() if a.date else "", a.title)
