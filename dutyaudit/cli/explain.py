"""``dutyaudit explain``: why one duty got its verdict — rows that counted, near misses, what is missing."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from dutyaudit.cli import app
from dutyaudit.cli.check import Lang
from dutyaudit.cli.common import DebugOpt, EncodingOpt, MapOpt, PackOpt, WaiversOpt, YearOpt, handle_errors


class ExplainFormat(StrEnum):
    """Output formats of ``explain``."""

    table = "table"
    json = "json"


@app.command()
@handle_errors
def explain(
    logs: Annotated[list[Path], typer.Argument(help="Log files (xlsx, xls, ods, csv …); several = one audit.")],
    pack: PackOpt,
    duty: Annotated[str, typer.Option("--duty", "-d", help="Id of the duty to explain (see `packs show`).")],
    year: YearOpt = None,
    unit: Annotated[
        str | None, typer.Option("--unit", "-u", help="Unit audited: filters a unit column; scopes waivers.")
    ] = None,
    waivers: WaiversOpt = None,
    fmt: Annotated[ExplainFormat, typer.Option("--format", "-f", help="Output format.")] = ExplainFormat.table,
    limit: Annotated[int, typer.Option("--limit", min=0, help="Near misses to list, closest first (0 = all).")] = 20,
    mapping: MapOpt = None,
    encoding: EncodingOpt = None,
    lang: Annotated[Lang, typer.Option("--lang", help="Label language (duty texts stay as written).")] = Lang.zh,
    debug: DebugOpt = False,
) -> None:
    """Explain one duty's verdict; exit 0 if it is met or waived, 1 if not, 2 on error."""
    from dutyaudit.audit import read_logs
    from dutyaudit.explain import explain_duty, find_duty
    from dutyaudit.ingest.columns import parse_mapping
    from dutyaudit.packs import load_pack
    from dutyaudit.report.explain import explain_json, write_explain_table
    from dutyaudit.waivers import load_waivers

    the_pack = load_pack(pack)
    find_duty(the_pack, duty)  # an unknown id fails before any file is read
    entries = load_waivers(waivers, the_pack) if waivers is not None else []
    acts = read_logs(logs, the_pack, year=year, mapping=parse_mapping(mapping or []), encoding=encoding)
    result = explain_duty(
        acts, the_pack, duty, year=year, unit=unit, waivers=entries, lang=lang.value, limit=limit or None
    )
    if fmt is ExplainFormat.json:
        sys.stdout.write(explain_json(result))
    else:
        write_explain_table(result, sys.stdout)
    raise typer.Exit(0 if result.satisfied else 1)
