"""``--format table``: the Rich table of duties grouped by role, a headline and a warnings footer.

This is the only module below the CLI that imports Rich.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TextIO

from rich.console import Console
from rich.table import Table
from rich.text import Text

from dutyaudit.audit import Audit
from dutyaudit.evaluate import requirement_text
from dutyaudit.i18n import Lang, t
from dutyaudit.model import RowWarning
from dutyaudit.report import Renderer
from dutyaudit.report.rows import fmt_num, shortfall_text
from dutyaudit.report.summary import headline

STATUS_STYLE = {
    "met": "green",
    "partial": "yellow",
    "late": "dark_orange",
    "missing": "bold red",
    "waived": "cyan",
    "na": "dim",
}
#: How many unreadable rows the footer lists before summarising.
FOOTER_WARNINGS = 15


def make_console(stream: TextIO) -> Console:
    """A console on ``stream``; Rich honours NO_COLOR, FORCE_COLOR and COLUMNS.

    Markup is off: log titles such as ``[bold]…`` or ``[2023]`` are printed as written.
    """
    return Console(file=stream, highlight=False, soft_wrap=False, markup=False)


#: Columns of the duty table and the cells' alignment (numbers right).
TABLE_COLUMNS = ("clause", "label", "requirement", "required", "found", "status", "shortfall")


class TerminalRenderer(Renderer):
    """The default output of ``check``."""

    def write(self, audit: Audit, stream: TextIO) -> None:
        console = make_console(stream)
        lang = audit.lang
        console.print(Text(audit.pack.name, style="bold"))
        console.print(headline(audit))
        if audit.scope is not None:
            console.print(Text(t("ui.scope", lang, reason=audit.scope.reason), style="dim"))
        if audit.files:
            console.print(Text(t("ui.files", lang) + t("sep", lang).join(audit.files), style="dim"))
        for role_id, role in audit.pack.roles.items():
            results = [r for r in audit.results if r.duty.role == role_id]
            if not results:
                continue
            table = Table(
                title=t("ui.role_title", lang, name=role.name, id=role_id),
                title_justify="left",
                expand=False,
                show_lines=False,
                header_style="bold",
            )
            for c in TABLE_COLUMNS:
                table.add_column(
                    t(f"ui.col.{c}", lang),
                    overflow="fold",
                    no_wrap=c in ("required", "found", "status"),
                    justify="right" if c in ("required", "found") else "left",
                )
            for r in results:
                table.add_row(
                    r.duty.clause,
                    r.duty.label,
                    requirement_text(r.duty, lang),
                    fmt_num(r.required),
                    fmt_num(r.found),
                    Text(t(r.status, lang), style=STATUS_STYLE[r.status]),
                    shortfall_text(r, lang),
                )
            console.print(table)
        if audit.unmatched:
            console.print(Text(t("ui.unmatched", lang, n=len(audit.unmatched)), style="dim"))
        if audit.excluded:
            console.print(Text(t("ui.excluded", lang, n=len(audit.excluded)), style="dim"))
        print_warnings(console, audit.warnings, lang)


def print_warnings(console: Console, warnings: Sequence[RowWarning], lang: Lang) -> None:
    """The warnings footer: a count, the first FOOTER_WARNINGS with file:sheet:row, and how many more."""
    if not warnings:
        return
    console.print(Text(t("ui.warnings", lang, n=len(warnings)), style="yellow"))
    for w in warnings[:FOOTER_WARNINGS]:
        where = ":".join(str(x) for x in (w.file, w.sheet, w.row) if x is not None)
        console.print(Text(f"  {where} — {w.message}", style="yellow"))
    if len(warnings) > FOOTER_WARNINGS:
        console.print(Text(t("ui.warnings_more", lang, n=len(warnings) - FOOTER_WARNINGS), style="yellow"))
