"""``--format csv``: one row per duty (UTF-8 with BOM so Excel opens it as UTF-8)."""

from __future__ import annotations

import csv
from typing import TextIO

from dutyaudit.audit import Audit
from dutyaudit.report import Renderer
from dutyaudit.report.rows import COLUMNS, duty_row


class CsvRenderer(Renderer):
    """Column names are the contract's English keys and role/kind/status are ids, for scripts."""

    def write(self, audit: Audit, stream: TextIO) -> None:
        w = csv.writer(stream, lineterminator="\n")
        w.writerow(COLUMNS)
        for r in audit.results:
            w.writerow(duty_row(audit, r, audit.lang, machine=True))
