"""Renderers: an :class:`~dutyaudit.audit.Audit` in some output format.

Every ``--format`` choice maps to exactly one renderer (a test checks it).
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from typing import TextIO

from dutyaudit.audit import Audit


class Renderer(ABC):
    """Writes an audit to a text stream."""

    @abstractmethod
    def write(self, audit: Audit, stream: TextIO) -> None:
        """Render ``audit`` onto ``stream``."""


def renderer_for(fmt: str) -> Renderer:
    """The renderer for a ``--format`` value."""
    if fmt == "table":
        from dutyaudit.report.terminal import TerminalRenderer

        return TerminalRenderer()
    if fmt == "json":
        from dutyaudit.report.json import JsonRenderer

        return JsonRenderer()
    if fmt == "csv":
        from dutyaudit.report.csv import CsvRenderer

        return CsvRenderer()
    if fmt == "markdown":
        from dutyaudit.report.markdown import MarkdownRenderer

        return MarkdownRenderer()
    raise ValueError(f"no renderer for format {fmt!r}")


#: The formats ``check`` offers.
FORMATS = ("table", "json", "csv", "markdown")
