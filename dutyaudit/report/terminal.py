"""``--format table``: the Rich table of duties grouped by role, a headline and a warnings footer.

This is the only module below the CLI that imports Rich.
"""

from __future__ import annotations

import os
import re
from collections.abc import Sequence
from typing import TextIO

from rich.console import Console
from rich.table import Table
from rich.text import Text

from dutyaudit.audit import Audit
from dutyaudit.evaluate import requirement_text
from dutyaudit.i18n import Lang, t
from dutyaudit.model import Activity, RowWarning
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
#: Width when neither COLUMNS nor any terminal gives one (output piped to a file).
DEFAULT_WIDTH = 100
#: Below this width the requirement column is left out (`packs show` and the scorecard have it) …
NARROW = 120
#: … and below this one the clause column too (the id names the duty).
VERY_NARROW = 90
#: The shortfall column is never narrower than a date.
SHORTFALL_MIN = 12

#: A date a line must not break inside: 2023-03-15, 03-01 (MM-DD), 3月1日, 2023年3月1日.
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}|(?<![\d-])\d{2}-\d{2}(?![\d-])|(?:\d{4}年)?\d{1,2}月\d{1,2}日")


def terminal_width() -> int:
    """COLUMNS when set, else the width of whichever of stdout, stderr, stdin is a terminal, else DEFAULT_WIDTH."""
    value = os.environ.get("COLUMNS", "")
    if value.isdigit() and int(value) > 0:
        return int(value)
    for fd in (1, 2, 0):
        try:
            return os.get_terminal_size(fd).columns
        except OSError:
            continue
    return DEFAULT_WIDTH


def make_console(stream: TextIO) -> Console:
    """A console on ``stream`` as wide as the terminal (or COLUMNS); Rich honours NO_COLOR and FORCE_COLOR.

    Markup is off: log titles such as ``[bold]…`` or ``[2023]`` are printed as written.
    """
    return Console(file=stream, highlight=False, soft_wrap=False, markup=False, width=terminal_width())


def keep_dates(text: str) -> str:
    """Text where no line break can fall inside a date: each date becomes a word of its own.

    Rich breaks lines at spaces and folds a word longer than the column anywhere; Chinese text has no
    spaces, so a space on each side of a date (as Chinese typesetting puts around numbers) lets Rich
    move the date whole to the next line.
    """
    spaced = _DATE.sub(lambda m: " " + m.group() + " ", text)
    spaced = re.sub(r" (?=[）”，、；。])", "", spaced)  # a closing mark stays on the date's line
    return re.sub(r" {2,}", " ", spaced).strip()


#: Columns of the duty table (numbers right-aligned, the short ones never wrapped).
TABLE_COLUMNS = ("id", "clause", "label", "requirement", "required", "found", "status", "shortfall")
_NO_WRAP = ("required", "found", "status")


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
        dropped = {"requirement"} if console.width < NARROW else set()
        dropped |= {"clause"} if console.width < VERY_NARROW else set()
        columns = [c for c in TABLE_COLUMNS if c not in dropped]
        shortfall_min = SHORTFALL_MIN if console.width >= 72 else None  # a tiny terminal: fit first
        shown = self.results(audit)
        for role_id, role in audit.pack.roles.items():
            results = [r for r in shown if r.duty.role == role_id]
            if not results:
                continue
            table = Table(
                title=t("ui.role_title", lang, name=role.name, id=role_id),
                title_justify="left",
                expand=False,
                show_lines=False,
                header_style="bold",
            )
            id_width = max(len(r.duty.id) for r in results)  # an id is copied whole into `explain --duty`
            for c in columns:
                table.add_column(
                    t(f"ui.col.{c}", lang),
                    overflow="fold",
                    no_wrap=c in _NO_WRAP or c == "id",
                    justify="right" if c in ("required", "found") else "left",
                    min_width=id_width if c == "id" else shortfall_min if c == "shortfall" else None,
                    max_width=14 if c == "clause" else None,
                )
            for r in results:
                cells: dict[str, str | Text] = {
                    "id": r.duty.id,
                    "clause": r.duty.clause,
                    "label": r.duty.label,
                    "requirement": keep_dates(requirement_text(r.duty, lang)),
                    "required": fmt_num(r.required),
                    "found": fmt_num(r.found),
                    "status": Text(t(r.status, lang), style=STATUS_STYLE.get(r.status, "")),
                    "shortfall": keep_dates(shortfall_text(r, lang)),
                }
                table.add_row(*[cells[c] for c in columns])
            console.print(table)
        if self.options.gaps and not shown:
            console.print(Text(t("ui.no_gaps", lang), style="green"))
        if audit.unmatched:
            if self.options.show_unmatched:
                print_unmatched(console, audit.unmatched, lang)
            else:
                console.print(Text(t("ui.unmatched_hint", lang, n=len(audit.unmatched)), style="dim"))
        if audit.excluded:
            console.print(Text(t("ui.excluded", lang, n=len(audit.excluded)), style="dim"))
        print_warnings(console, audit.warnings, lang)


def print_unmatched(console: Console, rows: Sequence[Activity], lang: Lang) -> None:
    """The rows that matched no duty: where they are, their date and title."""
    table = Table(title=t("ui.unmatched", lang, n=len(rows)), title_justify="left", header_style="bold")
    for c in ("sheet", "row", "date", "title"):
        table.add_column(t(f"ui.col.{c}", lang), overflow="fold", no_wrap=c in ("row", "date"))
    for a in rows:
        table.add_row(a.sheet, str(a.row), a.date.isoformat() if a.date else "", a.title)
    console.print(table)


def print_warnings(console: Console, warnings: Sequence[RowWarning], lang: Lang) -> None:
    """The warnings footer: a count, the first FOOTER_WARNINGS with file:sheet:row, and how many more."""
    if not warnings:
        return
    console.print(Text(t("ui.warnings", lang, n=len(warnings)), style="yellow"))
    for w in warnings[:FOOTER_WARNINGS]:
        where = ":".join(str(x) for x in (w.file, w.sheet, w.row) if x is not None)
        console.print(Text(f"  {where} — {w.text(lang)}", style="yellow"))
    if len(warnings) > FOOTER_WARNINGS:
        console.print(Text(t("ui.warnings_more", lang, n=len(warnings) - FOOTER_WARNINGS), style="yellow"))
