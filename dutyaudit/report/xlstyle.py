"""Shared look of every workbook dutyaudit writes: fonts, status fills, safe cells, print set-up.

The scorecard, the batch summary and the log template all go through these helpers, so they look
like one clerk made them: 宋体 (SimSun) throughout, a shaded bordered header row, A4 pages with the
header repeated, and a footer with the unit and 第 &P 页 共 &N 页. Text that looks like a formula is
always stored as text. Loaded only when a workbook is written (it imports openpyxl).
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence
from copy import copy
from functools import cache
from typing import Any

from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE, Cell
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from dutyaudit.i18n import Lang

#: Font of every cell. Excel and WPS know 宋体 as SimSun; LibreOffice substitutes Noto CJK.
FONT = "SimSun"
#: Body text size in points.
SIZE = 10
#: Pale fills for status cells (green, yellow, orange, red, blue) — they print legibly in grey too.
STATUS_FILL = {
    **{"met": "C6EFCE", "partial": "FFEB9C", "late": "F8CBAD", "missing": "FFC7CE", "waived": "DDEBF7"},
    "na": "EDEDED",
}
#: Stronger colours of the same hues, for chart bars.
STATUS_COLOUR = {
    **{"met": "70AD47", "partial": "FFC000", "late": "ED7D31", "missing": "C00000", "waived": "5B9BD5"},
    "na": "A5A5A5",
}
HEADER_FILL = "D9E1F2"
#: Leading characters that make a spreadsheet read text as a formula (CSV/formula injection).
FORMULA_START = ("=", "+", "-", "@")
#: Excel's limit on the characters in one cell.
MAX_CELL_CHARS = 32_767
#: Points per wrapped line at SIZE (CJK fonts such as Noto CJK have tall line metrics).
LINE_PT = 14.5

_THIN = Side(style="thin", color="808080")
BORDER = Border(top=_THIN, bottom=_THIN, left=_THIN, right=_THIN)


@cache
def font(bold: bool = False, size: float = SIZE, color: str | None = None, underline: str | None = None) -> Font:
    """The workbook font (cached: openpyxl shares identical style objects anyway)."""
    return Font(name=FONT, size=size, bold=bold, color=color, underline=underline, charset=134)


@cache
def fill(rgb: str) -> PatternFill:
    """A solid fill."""
    return PatternFill("solid", fgColor=rgb)


@cache
def align(horizontal: str | None = None, wrap: bool = True, vertical: str = "top") -> Alignment:
    """Cell alignment; text wraps by default."""
    return Alignment(horizontal=horizontal, vertical=vertical, wrap_text=wrap)


def clean_text(value: str) -> str:
    """Text a workbook can hold: control characters dropped, cut at Excel's cell limit."""
    value = ILLEGAL_CHARACTERS_RE.sub("", value)
    if len(value) > MAX_CELL_CHARS:
        value = value[: MAX_CELL_CHARS - 1] + "…"
    return value


def put(
    ws: Worksheet,
    row: int,
    col: int,
    value: Any,
    *,
    bold: bool = False,
    size: float = SIZE,
    horizontal: str | None = None,
    vertical: str = "top",
    wrap: bool = True,
    number_format: str | None = None,
    fill_rgb: str | None = None,
    border: bool = True,
    link: bool = False,
) -> Cell:
    """Write one cell in the house style. A string that starts like a formula is stored as text.

    openpyxl hashes every style object each time one is assigned, which costs more than writing the
    cell; so each combination of these options is built once per workbook and then copied.
    """
    if isinstance(value, str):
        value = clean_text(value)
    c = ws.cell(row=row, column=col, value=value)
    quote = isinstance(value, str) and value.startswith(FORMULA_START)
    if quote:
        c.data_type = "s"
    key = (bold, size, horizontal, vertical, wrap, number_format, fill_rgb, border, link, quote)
    styles: dict[tuple[Any, ...], Any] = ws.parent.__dict__.setdefault("_dutyaudit_styles", {})
    cached = styles.get(key)
    if cached is not None:
        c._style = copy(cached)
        return c
    c.font = font(bold, size, "0563C1" if link else None, "single" if link else None)
    c.alignment = align(horizontal, wrap, vertical)
    if number_format:
        c.number_format = number_format
    if fill_rgb:
        c.fill = fill(fill_rgb)
    if border:
        c.border = BORDER
    if quote:
        c.quotePrefix = True
    styles[key] = copy(c._style)
    return c


def header_row(ws: Worksheet, row: int, values: Iterable[str], start: int = 1) -> None:
    """A shaded, bold, bordered, centred header row."""
    for col, v in enumerate(values, start=start):
        put(ws, row, col, v, bold=True, horizontal="center", vertical="center", fill_rgb=HEADER_FILL)


def title_row(ws: Worksheet, row: int, text: str, ncols: int, size: float = 14) -> None:
    """A bold title merged across ``ncols`` columns."""
    put(ws, row, 1, text, bold=True, size=size, horizontal="center", vertical="center", border=False)
    if ncols > 1:
        ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=ncols)
    ws.row_dimensions[row].height = size * 2


def set_widths(ws: Worksheet, widths: Sequence[float], start: int = 1) -> None:
    """Column widths in Excel's units (about one Latin character; a Chinese character takes two)."""
    for col, w in enumerate(widths, start=start):
        ws.column_dimensions[get_column_letter(col)].width = w


def footer_text(text: str) -> str:
    """Text safe inside a header/footer section (``&`` starts a code there)."""
    return text.replace("&", "&&")


def page_words(lang: Lang) -> str:
    """The page-number footer: 第 &P 页 共 &N 页 / Page &P of &N."""
    return "第 &P 页 共 &N 页" if lang == "zh" else "Page &P of &N"


def setup_print(
    ws: Worksheet,
    title_rows: str | None,
    footer_left: str,
    lang: Lang = "zh",
    *,
    footer_right: str = "",
    one_page: bool = False,
    fit_width: bool = True,
) -> None:
    """A4 landscape, fitted to the page width (unless ``fit_width`` is off: page breaks decide), header rows
    repeated, footer with page numbers."""
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    if fit_width:
        ws.page_setup.fitToWidth = 1
        ws.page_setup.fitToHeight = 1 if one_page else 0
        ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_margins.left = ws.page_margins.right = 0.5
    ws.page_margins.top = 0.6
    ws.page_margins.bottom = 0.7
    ws.page_margins.footer = 0.3
    if title_rows:
        ws.print_title_rows = title_rows
    footer = ws.oddFooter
    for part, text in ((footer.left, footer_text(footer_left)), (footer.center, page_words(lang))):
        part.text, part.font, part.size = text, FONT, 9
    if footer_right:
        footer.right.text, footer.right.font, footer.right.size = footer_text(footer_right), FONT, 9
    ws.print_options.horizontalCentered = True


#: Width of a wide (CJK, full-width) character at SIZE, in column units. 宋体 10pt in Excel and
#: WPS takes about 1.85 units; LibreOffice's Noto CJK about 1.5. The larger figure keeps text whole.
WIDE = 1.9
#: Width of any other character (宋体's Latin letters and digits are half as wide as its CJK).
NARROW = 0.95


_WIDE_CHARS = re.compile(
    "[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf\uac00-\ud7a3"
    "\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\U00020000-\U0003fffd]"
)


def text_width(text: str) -> float:
    """Display width in column units at SIZE: a wide (CJK, full-width) character counts WIDE, others NARROW."""
    wide = len(_WIDE_CHARS.findall(text))
    return wide * WIDE + (len(text) - wide) * NARROW


def lines_needed(text: str, width: float) -> int:
    """How many lines ``text`` wraps to in a column ``width`` units wide (a generous estimate)."""
    usable = max(width - 1.0, 1.0)
    total = 0
    for part in str(text).split("\n"):
        w = text_width(part)
        # Latin text wraps at word boundaries and wastes more of each line than CJK text does.
        slack = 1.1 if w < 1.4 * len(part) else 1.03
        total += max(1, math.ceil(w * slack / usable))
    return total


def fit_height(ws: Worksheet, row: int, widths: Sequence[float], values: Sequence[Any], size: float = SIZE) -> None:
    """Set a row's height so its wrapped text shows whole in every office suite.

    Excel does not grow rows for wrapped text on its own when it opens a file, so the height is
    estimated from the text and the column widths (CJK characters count double).
    """
    lines = 1
    for w, v in zip(widths, values, strict=False):
        if v is None or v == "":
            continue
        lines = max(lines, lines_needed(str(v), w))
    ws.row_dimensions[row].height = round(lines * LINE_PT * size / SIZE + 3, 1)
