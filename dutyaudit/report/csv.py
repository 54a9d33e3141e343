"""``--format csv``: one row per duty (UTF-8 with BOM so Excel opens it as UTF-8)."""

from __future__ import annotations

import csv
from typing import TextIO

from dutyaudit.audit import Audit
from dutyaudit.report import Renderer
from dutyaudit.report.rows import COLUMNS, duty_row

#: Columns after COLUMNS: the waiver of a waived duty (empty otherwise).
WAIVER_COLUMNS = ("waiver_reason", "waiver_approved_by", "waiver_expires")


class CsvRenderer(Renderer):
    """Column names are the contract's English keys and role/kind/status are ids, for scripts."""

    def write(self, audit: Audit, stream: TextIO) -> None:
        w = csv.writer(stream, lineterminator="\n")
        w.writerow((*COLUMNS, *WAIVER_COLUMNS))
        for r in audit.results:
            v = r.waiver
            waiver = (v.reason, v.approved_by or "", v.expires.isoformat() if v.expires else "") if v else ("", "", "")
            w.writerow([*duty_row(audit, r, audit.lang, machine=True), *waiver])
