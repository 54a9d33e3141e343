"""``--format markdown``: a header line and a table, for pasting into reports and tickets."""

from __future__ import annotations

from typing import TextIO

from dutyaudit.audit import Audit
from dutyaudit.i18n import t
from dutyaudit.report import Renderer
from dutyaudit.report.rows import duty_row, headers
from dutyaudit.report.summary import headline


def _cell(s: str) -> str:
    return s.replace("|", "\\|").replace("\n", " ")


class MarkdownRenderer(Renderer):
    """GitHub-flavoured Markdown."""

    def write(self, audit: Audit, stream: TextIO) -> None:
        heads = headers(audit.lang)
        stream.write(f"# {_cell(audit.pack.name)}\n\n{_cell(headline(audit))}\n\n")
        stream.write("| " + " | ".join(heads) + " |\n")
        stream.write("|" + "---|" * len(heads) + "\n")
        for r in audit.results:
            stream.write("| " + " | ".join(_cell(c) for c in duty_row(audit, r, audit.lang)) + " |\n")
        if audit.warnings:
            stream.write("\n" + t("ui.md.warnings", audit.lang) + "\n\n")
            for w in audit.warnings:
                where = ":".join(str(x) for x in (w.file, w.sheet, w.row) if x is not None)
                stream.write(f"- {_cell(where)} — {_cell(w.text(audit.lang))}\n")
