"""Rendering packs for ``packs list`` and ``packs show`` (Rich tables or JSON)."""

from __future__ import annotations

from typing import Any, TextIO

from rich.table import Table
from rich.text import Text

from dutyaudit.evaluate import requirement_text
from dutyaudit.i18n import t
from dutyaudit.packmodel import Pack
from dutyaudit.report.json import dumps, duty_head
from dutyaudit.report.terminal import make_console


def pack_summary(p: Pack) -> dict[str, Any]:
    return {
        "id": p.id,
        "name": p.name,
        "jurisdiction": p.jurisdiction,
        "issuer": p.issuer,
        "issued": p.issued.isoformat(),
        "version": p.display_version,
        "duties": len(p.duties),
        "roles": list(p.roles),
    }


def pack_list_json(packs: list[Pack]) -> str:
    return dumps([pack_summary(p) for p in packs]) + "\n"


def print_pack_list(packs: list[Pack], stream: TextIO) -> None:
    table = Table(header_style="bold")
    for h in ("id", "名称", "地区", "发布机关", "日期", "职责数"):
        table.add_column(h, overflow="fold")
    for p in packs:
        table.add_row(p.id, p.name, p.jurisdiction, p.issuer, p.issued.isoformat(), str(len(p.duties)))
    make_console(stream).print(table)


def pack_json(p: Pack) -> str:
    data = pack_summary(p)
    data["roles"] = {rid: {"name": r.name, "aliases": r.aliases} for rid, r in p.roles.items()}
    data["grades"] = p.grades
    data["fields"] = [f.model_dump() for f in p.fields]
    data["duties"] = [
        {
            **duty_head(d),
            "requirement": requirement_text(d),
            "owners": d.owners,
            "years": d.years.model_dump(by_alias=True) if d.years else None,
            "note": d.note,
            "review": d.review,
            "weight": d.weight,
        }
        for d in p.duties
    ]
    return dumps(data) + "\n"


def print_pack(p: Pack, stream: TextIO) -> None:
    console = make_console(stream)
    console.print(Text(p.name, style="bold"))
    console.print(f"{p.id} · {p.jurisdiction} · {p.issuer} · {p.issued.isoformat()} · {len(p.duties)} 项职责")
    pending = [d for d in p.duties if d.review]
    if pending:  # a drafted pack: what the person must still check comes first
        review = Table(title=f"待审核 (review): {len(pending)} 项职责", title_justify="left", header_style="bold")
        for h in ("id", "条款", "职责", "待审核事项"):
            review.add_column(h, overflow="fold")
        for d in pending:
            review.add_row(d.id, d.clause, d.label, "\n".join(f"· {n}" for n in d.review))
        console.print(review)
    roles = Table(title="责任主体 (--role)", title_justify="left", header_style="bold")
    roles.add_column("role", no_wrap=True)
    roles.add_column("名称", overflow="fold")
    roles.add_column("识别词", overflow="fold", ratio=1)
    for rid, r in p.roles.items():
        roles.add_row(rid, r.name, "、".join(r.aliases))
    console.print(roles)
    for rid, role in p.roles.items():
        duties = [d for d in p.duties if d.role == rid]
        if not duties:
            continue
        table = Table(title=f"{role.name} ({rid})", title_justify="left", header_style="bold")
        for h in ("id", "条款", "职责", "类型", "要求"):
            table.add_column(h, overflow="fold")
        for d in duties:
            req = requirement_text(d)
            if d.owners:
                req += f"\n责任单位：{'、'.join(d.owners)}"
            if d.years is not None:
                lo, hi = d.years.from_, d.years.to
                req += f"\n适用年度：{lo}" if lo == hi else f"\n适用年度：{lo or ''}–{hi or ''}"
            if d.note:
                req += f"\n说明：{d.note}"
            table.add_row(d.id, d.clause, d.label, t(f"kind.{d.kind}"), req)
        console.print(table)
