"""``dutyaudit explain``: why one duty got its verdict — rows that counted, near misses, what is missing."""

from __future__ import annotations

import sys
from enum import StrEnum
from typing import Annotated

import typer

from dutyaudit.cli import app
from dutyaudit.cli.check import Lang, LangOpt
from dutyaudit.cli.common import (
    DebugOpt,
    EncodingOpt,
    LogsArg,
    MapOpt,
    PackOpt,
    WaiversOpt,
    YearOpt,
    handle_errors,
)


class ExplainFormat(StrEnum):
    """Output formats of ``explain``."""

    table = "table"
    json = "json"


@app.command()
@handle_errors
def explain(
    logs: LogsArg,
    pack: PackOpt,
    duty: Annotated[
        str,
        typer.Option(
            "--duty", "-d", metavar="DUTY", help="Duty id or clause to explain (see `packs show`), e.g. party-01."
        ),
    ],
    year: YearOpt = None,
    unit: Annotated[
        str | None,
        typer.Option("--unit", "-u", metavar="UNIT", help="Unit audited: filters a unit column; scopes waivers."),
    ] = None,
    waivers: WaiversOpt = None,
    fmt: Annotated[ExplainFormat, typer.Option("--format", "-f", help="Output format.")] = ExplainFormat.table,
    limit: Annotated[
        int, typer.Option("--limit", min=0, metavar="N", help="Near misses to list, closest first (0 = all).")
    ] = 20,
    mapping: MapOpt = None,
    encoding: EncodingOpt = None,
    lang: LangOpt = Lang.zh,
    debug: DebugOpt = False,
) -> None:
    """Explain one duty's verdict; exit 0 if it is met or waived, 1 if not, 2 on error.

    \b
    Example:
      dutyaudit explain 台账.xlsx --pack panjin --duty party-19b
    """
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
