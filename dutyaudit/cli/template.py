"""``dutyaudit template``: a ready activity-log workbook (工作台账) for a pack."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from dutyaudit.cli import app
from dutyaudit.cli.check import Lang, LangOpt
from dutyaudit.cli.common import DebugOpt, PackOpt, handle_errors, note


@app.command()
@handle_errors
def template(
    pack: PackOpt,
    out: Annotated[Path, typer.Option("--out", "-o", metavar="LOG.xlsx", help="Write the log template here.")],
    year: Annotated[
        int | None,
        typer.Option(
            "--year", "-y", metavar="YEAR", help="Year the log is for (default: this year); picks its duties."
        ),
    ] = None,
    unit: Annotated[
        str | None,
        typer.Option("--unit", "-u", metavar="UNIT", help="Unit keeping the log; written into each sheet's title."),
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="Overwrite the output file if it exists.")] = False,
    lang: LangOpt = Lang.zh,
    debug: DebugOpt = False,
) -> None:
    """Write a log template for a pack: one sheet per role, drop-downs, and an instructions sheet.

    \b
    Example:
      dutyaudit template --pack panjin --unit 盘山县 --year 2024 -o 台账模板.xlsx
    """
    from functools import partial

    from dutyaudit.output import check_workbook_out, write_atomic
    from dutyaudit.packs import load_pack
    from dutyaudit.template import write_template

    check_workbook_out(out, "template", force=force)
    the_pack = load_pack(pack)
    write_atomic(out, partial(write_template, the_pack, lang=lang.value, year=year, unit=unit))
    from dutyaudit.i18n import t

    note(t("note.wrote", lang.value, path=out), lang.value)
