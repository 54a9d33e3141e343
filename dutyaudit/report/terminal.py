"""``--format table``: the Rich table of duties grouped by role, a headline and a warnings footer.

This is the only module below the CLI that imports Rich.
"""

from __future__ import annotations

from typing import TextIO

from rich.console import Console
from rich.table import Table
from rich.text import Text

from dutyaudit.audit import Audit
from dutyaudit.evaluate import requirement_text
from dutyaudit.i18n import t
from dutyaudit.report import Renderer
from dutyaudit.report.rows import fmt_num
from dutyaudit.report.summary import headline

STATUS_STYLE = {
    "met": "green",
    "partial": "yellow",
    "late": "dark_orange",
    "missing": "bold red",
    "waived": "cyan",
}
#: How many unreadable rows the footer lists before summarising.
FOOTER_WARNINGS = 15


def make_console(stream: TextIO) -> Console:
    """A console on ``stream``; Rich honours NO_COLOR, FORCE_COLOR and COLUMNS."""
    return Console(file=stream, highlight=False, soft_wrap=False)


class TerminalRenderer(Renderer):
    """The default output of ``check``."""

    def write(self, audit: Audit, stream: TextIO) -> None:
        console = make_console(stream)
        zh = audit.lang == "zh"
        console.print(Text(audit.pack.name, style="bold"))
        console.print(headline(audit))
        if audit.files:
            console.print(Text(("文件：" if zh else "Files: ") + "、".join(audit.files), style="dim"))
        for role_id, role in audit.pack.roles.items():
            results = [r for r in audit.results if r.duty.role == role_id]
            if not results:
                continue
            table = Table(
                title=f"{role.name} ({role_id})",
                title_justify="left",
                expand=False,
                show_lines=False,
                header_style="bold",
            )
            headers = (
                ("条款", "职责", "要求", "应达", "实际", "结论", "差距")
                if zh
                else ("Clause", "Duty", "Requirement", "Required", "Found", "Status", "Shortfall")
            )
            for i, h in enumerate(headers):
                table.add_column(h, overflow="fold", no_wrap=i in (3, 4, 5), justify="right" if i in (3, 4) else "left")
            for r in results:
                short = r.shortfall
                if r.waiver is not None:
                    short = r.waiver.reason + (f" — {r.waiver.approved_by}" if r.waiver.approved_by else "")
                table.add_row(
                    r.duty.clause,
                    r.duty.label,
                    requirement_text(r.duty, audit.lang),
                    fmt_num(r.required),
                    fmt_num(r.found),
                    Text(t(r.status, audit.lang), style=STATUS_STYLE[r.status]),
                    short,
                )
            console.print(table)
        if audit.unmatched:
            n = len(audit.unmatched)
            console.print(Text(f"{n} 条记录未对应任何职责" if zh else f"{n} rows matched no duty", style="dim"))
        if audit.warnings:
            console.print(
                Text(
                    (
                        f"未能读取 {len(audit.warnings)} 处："
                        if zh
                        else f"{len(audit.warnings)} rows or sheets not read:"
                    ),
                    style="yellow",
                )
            )
            for w in audit.warnings[:FOOTER_WARNINGS]:
                where = ":".join(str(x) for x in (w.file, w.sheet, w.row) if x is not None)
                console.print(Text(f"  {where} — {w.message}", style="yellow"))
            if len(audit.warnings) > FOOTER_WARNINGS:
                more = len(audit.warnings) - FOOTER_WARNINGS
                console.print(
                    Text(
                        f"  … 另有 {more} 处（--format json 查看全部）"
                        if zh
                        else f"  … {more} more (see --format json)",
                        style="yellow",
                    )
                )
