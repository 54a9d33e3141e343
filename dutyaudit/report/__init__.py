"""Renderers: an :class:`~dutyaudit.audit.Audit` in some output format.

Every ``--format`` choice maps to exactly one renderer (a test checks it).
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass
from typing import TextIO

from dutyaudit.audit import Audit
from dutyaudit.evaluate import DutyResult

#: Statuses below requirement (what ``--gaps`` lists).
GAP_STATUSES = ("partial", "late", "missing")


@dataclass(frozen=True, slots=True)
class RenderOptions:
    """What the user asked to see besides the audit itself."""

    gaps: bool = False
    """Only the duties below requirement (table, markdown, csv; JSON always has every duty)."""
    show_unmatched: bool = False
    """List the rows that matched no duty (the terminal table; the other formats always list them)."""


class Renderer(ABC):
    """Writes an audit to a text stream."""

    def __init__(self, options: RenderOptions | None = None) -> None:
        self.options = options or RenderOptions()

    def results(self, audit: Audit) -> list[DutyResult]:
        """The duties to list: all, or only those below requirement under ``--gaps``."""
        if self.options.gaps:
            return [r for r in audit.results if r.status in GAP_STATUSES]
        return list(audit.results)

    @abstractmethod
    def write(self, audit: Audit, stream: TextIO) -> None:
        """Render ``audit`` onto ``stream``."""


def renderer_for(fmt: str, options: RenderOptions | None = None) -> Renderer:
    """The renderer for a ``--format`` value."""
    if fmt == "table":
        from dutyaudit.report.terminal import TerminalRenderer

        return TerminalRenderer(options)
    if fmt == "json":
        from dutyaudit.report.json import JsonRenderer

        return JsonRenderer(options)
    if fmt == "csv":
        from dutyaudit.report.csv import CsvRenderer

        return CsvRenderer(options)
    if fmt == "markdown":
        from dutyaudit.report.markdown import MarkdownRenderer

        return MarkdownRenderer(options)
    raise ValueError(f"no renderer for format {fmt!r}")


#: The formats ``check`` offers.
FORMATS = ("table", "json", "csv", "markdown")
