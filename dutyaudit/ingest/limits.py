"""What reading one input may cost: the limits every reader holds, each named in the error it raises.

Together they keep the peak memory of a run under :data:`MEMORY_CEILING` whatever the input (a sheet of
``MAX_CELLS`` cells costs calamine plus Python about 0.5 GiB; the XML, text and span limits bound what a
reader holds before it gets there), and any input up to 10 MB is read or refused within
:data:`READ_SECONDS`. A real activity log is far inside every one of them.
"""

from __future__ import annotations

from dutyaudit.errors import InputError
from dutyaudit.i18n import Msg, msg

#: Peak memory a run stays under on any input (documented in the README's "Limits").
MEMORY_CEILING = 1024**3
#: Cells a sheet may span, from A1 to its farthest value (rows × columns): e.g. 250,000 rows × 20 columns.
MAX_CELLS = 5_000_000
#: Rows holding anything, all sheets of a file together: each becomes an activity, the run's main cost
#: (reading 350,000 rows whose titles all differ peaks at about 0.55 GiB).
MAX_ROWS = 350_000
#: Characters one cell of a text, HTML or XML file may hold (Excel's own limit).
MAX_CELL_CHARS = 32_767
#: Merged ranges a sheet may declare, after removing duplicates.
MAX_MERGES = 100_000
#: Cells that merged ranges (or HTML rowspan × colspan) may cover in one sheet, counted within the sheet.
MAX_MERGED_CELLS = MAX_CELLS
#: Worksheet XML of an xlsx, all sheets together, inflated (as the zip declares it; calamine holds it to that):
#: about 330,000 rows of ``benchmarks/generate.py``'s log.
MAX_SHEET_XML = 192 * 1024**2
#: The shared-string table of an xlsx, inflated (each string costs calamine memory for the whole read).
MAX_SHARED_STRINGS_XML = 64 * 1024**2
#: Members of a workbook's zip (each costs memory in every zip reader before anything is inflated).
MAX_ZIP_MEMBERS = 10_000
#: Every member of a workbook's zip together, inflated.
MAX_INFLATED = 512 * 1024**2
#: An ODS or Flat ODS document's content, inflated.
MAX_ODS_XML = 128 * 1024**2
#: Lines of a text file (each costs a row object even when it holds one short cell).
MAX_TEXT_ROWS = 1_000_000
#: A text (CSV/TSV/TXT), HTML or XML file's size: about 700,000 rows of a nine-column log.
MAX_TEXT_BYTES = 32 * 1024**2
#: Seconds a reader that runs in a child process (BIFF .xls, ODS) may take before it is stopped.
READ_SECONDS = 25.0


class LimitError(InputError):
    """An input exceeds one of the reader limits; the message names the limit."""

    def __init__(self, what: Msg, limit: Msg, path: str | None, advice: Msg | None = None) -> None:
        super().__init__(msg("err.limit", what=what, limit=limit, advice=advice or msg("la.default")), path)


def mib(n: int) -> str:
    """``n`` bytes as whole MiB (rounded up, so a size just over a limit does not print as the limit)."""
    return f"{-(-n // 1024**2):,} MiB"
