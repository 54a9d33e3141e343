"""``--format csv``: one row per duty, UTF-8 with a BOM so that Excel on a Chinese Windows opens it right.

Every row carries the unit, the audit year and the pack, so the CSVs of several units can be
concatenated into one sheet.
"""

from __future__ import annotations

import csv
from typing import TextIO

from dutyaudit.audit import Audit
from dutyaudit.report import Renderer
from dutyaudit.report.rows import COLUMNS, duty_row

#: Columns before COLUMNS: which audit the row belongs to.
AUDIT_COLUMNS = ("unit", "year", "pack")
#: Columns after COLUMNS: the waiver of a waived duty (empty otherwise).
WAIVER_COLUMNS = ("waiver_reason", "waiver_approved_by", "waiver_expires")
#: The byte-order mark Excel needs to read a CSV as UTF-8.
BOM = "\ufeff"


class CsvRenderer(Renderer):
    """Column names are the contract's English keys and role/kind/status are ids, for scripts."""

    def write(self, audit: Audit, stream: TextIO) -> None:
        stream.write(BOM)
        w = csv.writer(stream, lineterminator="\r\n")
        w.writerow((*AUDIT_COLUMNS, *COLUMNS, *WAIVER_COLUMNS))
        head = (audit.unit or "", audit.year, audit.pack.id)
        for r in self.results(audit):
            v = r.waiver
            waiver = (v.reason, v.approved_by or "", v.expires.isoformat() if v.expires else "") if v else ("", "", "")
            w.writerow([*head, *duty_row(audit, r, audit.lang, machine=True), *waiver])
