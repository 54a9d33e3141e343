"""``dutyaudit check``: one unit's logs against one pack."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from dutyaudit.cli import app
from dutyaudit.cli.common import (
    DebugOpt,
    EncodingOpt,
    ExitZeroOpt,
    FailUnderOpt,
    ForceOpt,
    LogsArg,
    MapOpt,
    PackOpt,
    WaiversOpt,
    YearOpt,
    exit_code,
    handle_errors,
    note,
)


class Format(StrEnum):
    """Output formats of ``check``."""

    table = "table"
    json = "json"
    csv = "csv"
    markdown = "markdown"


class Lang(StrEnum):
    """Label languages."""

    zh = "zh"
    en = "en"


LangOpt = Annotated[
    Lang, typer.Option("--lang", help="Language of every label and message (duty texts stay as written).")
]


@app.command()
@handle_errors
def check(
    logs: LogsArg,
    pack: PackOpt,
    year: YearOpt = None,
    role: Annotated[
        list[str] | None,
        typer.Option(
            "--role",
            "-r",
            metavar="ROLE",
            help="Audit this role's duties (repeatable; default: the roles of the unit's kind).",
        ),
    ] = None,
    unit: Annotated[
        str | None,
        typer.Option("--unit", "-u", metavar="UNIT", help="Unit audited: filters a unit column and owned duties."),
    ] = None,
    fmt: Annotated[Format, typer.Option("--format", "-f", help="Output format.")] = Format.table,
    out: Annotated[
        Path | None,
        typer.Option("--out", "-o", metavar="CARD.xlsx", help="Also write the printable scorecard workbook here."),
    ] = None,
    force: ForceOpt = False,
    gaps: Annotated[
        bool, typer.Option("--gaps", help="List only the duties below requirement (partial, late, missing).")
    ] = False,
    show_unmatched: Annotated[
        bool, typer.Option("--show-unmatched", help="List the year's rows that matched no duty.")
    ] = False,
    mapping: MapOpt = None,
    encoding: EncodingOpt = None,
    waivers: WaiversOpt = None,
    fail_under: FailUnderOpt = None,
    exit_zero: ExitZeroOpt = False,
    lang: LangOpt = Lang.zh,
    debug: DebugOpt = False,
) -> None:
    """Audit one unit's activity log(s) against a duty pack; exit 1 when duties fall short.

    \b
    Example:
      dutyaudit check 台账.xlsx --pack panjin --gaps --out 评分表.xlsx
    """
    if out is not None:  # checked before the audit: a refusal should not cost a long read
        from dutyaudit.output import check_workbook_out

        check_workbook_out(out, "scorecard", logs, force=force)
    from dutyaudit.ingest import readahead

    readahead.read_ahead(logs)  # calamine parses the log in a thread while the rest is imported, the pack loaded
    try:
        from dutyaudit.audit import audit_paths
        from dutyaudit.ingest.columns import parse_mapping
        from dutyaudit.packs import load_pack
        from dutyaudit.report import RenderOptions, renderer_for
        from dutyaudit.waivers import load_waivers

        the_pack = load_pack(pack)
        entries = load_waivers(waivers, the_pack) if waivers is not None else []
        result = audit_paths(
            logs,
            the_pack,
            year=year,
            role=role,
            unit=unit,
            mapping=parse_mapping(mapping or []),
            encoding=encoding,
            waivers=entries,
            lang=lang.value,
        )
    finally:
        readahead.discard()
    if out is not None:
        from functools import partial

        from dutyaudit.i18n import t
        from dutyaudit.output import write_atomic
        from dutyaudit.report.excel import write_scorecard

        write_atomic(out, partial(write_scorecard, result), inputs=logs)
        note(t("note.wrote", lang.value, path=out), lang.value)
    options = RenderOptions(gaps=gaps, show_unmatched=show_unmatched)
    renderer_for(fmt.value, options).write(result, sys.stdout)
    raise typer.Exit(exit_code(result.has_gaps, result.score, fail_under, exit_zero))
