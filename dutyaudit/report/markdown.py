"""``--format markdown``: a header line and a table, for pasting into reports and tickets."""

from __future__ import annotations

from typing import TextIO

from dutyaudit.audit import Audit
from dutyaudit.report import Renderer
from dutyaudit.report.rows import HEADERS_ZH, duty_row
from dutyaudit.report.summary import headline

_HEADERS_EN = (
    "ID",
    "Role",
    "Clause",
    "Duty",
    "Kind",
    "Requirement",
    "Required",
    "Found",
    "Status",
    "Shortfall",
    "Evidence rows",
)


def _cell(s: str) -> str:
    return s.replace("|", "\\|").replace("\n", " ")


class MarkdownRenderer(Renderer):
    """GitHub-flavoured Markdown."""

    def write(self, audit: Audit, stream: TextIO) -> None:
        headers = HEADERS_ZH if audit.lang == "zh" else _HEADERS_EN
        stream.write(f"# {_cell(audit.pack.name)}\n\n{_cell(headline(audit))}\n\n")
        stream.write("| " + " | ".join(headers) + " |\n")
        stream.write("|" + "---|" * len(headers) + "\n")
        for r in audit.results:
            stream.write("| " + " | ".join(_cell(c) for c in duty_row(audit, r, audit.lang)) + " |\n")
        if audit.warnings:
            stream.write("\n" + ("## 未能读取的行" if audit.lang == "zh" else "## Rows not read") + "\n\n")
            for w in audit.warnings:
                where = ":".join(str(x) for x in (w.file, w.sheet, w.row) if x is not None)
                stream.write(f"- {_cell(where)} — {_cell(w.message)}\n")
