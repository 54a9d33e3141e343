"""Spreadsheet reader (xlsx, xlsm, xls, ods) through python-calamine, straight to Python rows."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

from dutyaudit.errors import InputError
from dutyaudit.ingest.base import RawSheet, Reader

#: Sheets larger than this many cells are refused rather than read into memory.
MAX_CELLS = 60_000_000


class CalamineReader(Reader):
    """Reads every worksheet; rows keep their sheet row numbers (leading blank rows included)."""

    name = "spreadsheet"

    def sheets(self, path: Path, data: bytes) -> Iterator[RawSheet]:
        import python_calamine as pc

        try:
            book = pc.CalamineWorkbook.from_filelike(io.BytesIO(data))
        except pc.PasswordError:
            raise InputError(
                "the workbook is password-protected (encrypted); save an unprotected copy", str(path)
            ) from None
        except Exception as exc:  # calamine raises several unrelated types for corrupt files
            raise InputError(
                f"cannot read the workbook ({_short(exc)}); is it damaged or truncated? "
                "Open and re-save it in Excel, WPS or LibreOffice",
                str(path),
            ) from None
        for meta in book.sheets_metadata:
            if str(meta.typ).rsplit(".", 1)[-1] not in ("WorkSheet", "worksheet"):
                continue
            try:
                sheet = book.get_sheet_by_name(meta.name)
                if sheet.height * max(sheet.width, 1) > MAX_CELLS:
                    raise InputError(
                        f"sheet {meta.name!r} is too large to audit ({sheet.height} rows × {sheet.width} columns)",
                        str(path),
                    )
                rows = sheet.to_python(skip_empty_area=False)
                merged = [(a[0], a[1], b[0], b[1]) for a, b in (sheet.merged_cell_ranges or [])]
            except InputError:
                raise
            except Exception as exc:
                raise InputError(f"cannot read sheet {meta.name!r} ({_short(exc)})", str(path)) from None
            yield RawSheet(meta.name, rows, merged)


def _short(exc: Exception) -> str:
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    return text[:160]
