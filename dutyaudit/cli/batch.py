"""``dutyaudit batch``: many logs → one audit per unit, a ranking, a summary workbook, exit codes."""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from enum import StrEnum
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from dutyaudit.cli import app
from dutyaudit.cli.check import Lang, LangOpt
from dutyaudit.cli.common import (
    DebugOpt,
    EncodingOpt,
    ExitZeroOpt,
    FailUnderOpt,
    ForceOpt,
    MapOpt,
    PackOpt,
    WaiversOpt,
    YearOpt,
    exit_code,
    handle_errors,
    note,
)

if TYPE_CHECKING:
    from dutyaudit.i18n import Lang as LangCode


class BatchFormat(StrEnum):
    """Output formats of ``batch``."""

    table = "table"
    json = "json"
    csv = "csv"


@app.command()
@handle_errors
def batch(
    inputs: Annotated[
        list[str],
        typer.Argument(metavar="INPUT", help="Log files, folders (searched recursively) and globs."),
    ],
    pack: PackOpt,
    year: YearOpt = None,
    by: Annotated[
        str | None,
        typer.Option("--by", metavar="COLUMN", help="Column that names each row's unit (e.g. 单位): split logs by it."),
    ] = None,
    exclude: Annotated[
        list[str] | None,
        typer.Option(
            "--exclude", "-x", metavar="GLOB", help="Leave out files whose name or path matches GLOB (repeatable)."
        ),
    ] = None,
    out: Annotated[
        Path | None, typer.Option("--out", "-o", metavar="SUMMARY.xlsx", help="Write the summary workbook here.")
    ] = None,
    force: ForceOpt = False,
    out_dir: Annotated[
        Path | None,
        typer.Option("--out-dir", metavar="DIR", help="Also write one scorecard per unit into this folder."),
    ] = None,
    jobs: Annotated[
        int | None,
        typer.Option(
            "--jobs", "-j", min=1, metavar="N", help="Processes auditing at once, this one included (default: cores)."
        ),
    ] = None,
    fmt: Annotated[BatchFormat, typer.Option("--format", "-f", help="Output format.")] = BatchFormat.table,
    mapping: MapOpt = None,
    encoding: EncodingOpt = None,
    waivers: WaiversOpt = None,
    fail_under: FailUnderOpt = None,
    exit_zero: ExitZeroOpt = False,
    lang: LangOpt = Lang.zh,
    debug: DebugOpt = False,
) -> None:
    """Audit many units' logs; rank them; exit 2 if an input failed, 1 if any unit falls short.

    \b
    Example:
      dutyaudit batch 各县台账/ --pack panjin --exclude '*草稿*' --out 汇总.xlsx
    """
    from dutyaudit.batch import Cards, run_batch
    from dutyaudit.errors import UsageError
    from dutyaudit.i18n import msg, t
    from dutyaudit.ingest.columns import parse_mapping
    from dutyaudit.inputs import collect_inputs
    from dutyaudit.packs import load_pack
    from dutyaudit.report.batch import unit_json, write_batch_csv, write_batch_json, write_batch_table
    from dutyaudit.waivers import load_waivers, scoped

    the_pack = load_pack(pack)
    entries = load_waivers(waivers, the_pack) if waivers is not None else []
    skipped: list[Path] = []
    paths = collect_inputs(inputs, exclude=exclude or (), skipped=skipped)
    if not any(p.exists() for p in paths):  # nothing to audit: say so before printing an empty ranking
        raise UsageError(msg("err.batch.none_exist", inputs=", ".join(inputs)))
    if out is not None:
        from dutyaudit.output import check_workbook_out

        check_workbook_out(out, "summary", paths, force=force)
    for p in skipped:
        note(t("note.batch.skipped", lang.value, path=p), lang.value)
    cards = None
    if out_dir is not None:
        from dutyaudit.report.excel import write_scorecard

        cards = Cards(out_dir, write_scorecard)  # written in the workers, named once ranked
    with _progress(len(paths), lang.value) as advance:
        result = run_batch(
            inputs,
            the_pack,
            year=year,
            by=by,
            jobs=jobs,
            mapping=parse_mapping(mapping or []),
            encoding=encoding,
            waivers_for=partial(scoped, entries),
            lang=lang.value,
            progress=advance,
            paths=paths,
            render=unit_json if fmt is BatchFormat.json else None,
            evidence=False,  # the rows behind the verdicts are only for JSON and scorecards, made in the workers
            cards=cards,
        )
    if out is not None:
        from dutyaudit.output import write_atomic
        from dutyaudit.report.summary_xlsx import write_summary

        write_atomic(out, lambda p: write_summary(result, the_pack, p, lang.value), inputs=paths)
        note(t("note.wrote", lang.value, path=out), lang.value)
    if fmt is BatchFormat.json:
        write_batch_json(result, sys.stdout, lang.value)
    elif fmt is BatchFormat.csv:
        write_batch_csv(result, sys.stdout)
    else:
        write_batch_table(result, sys.stdout, the_pack.name, lang.value)
    for f in result.failures:
        typer.echo(t("err.prefix", lang.value) + f"{f.file}: {f.text(lang.value)}", err=True)
    if result.failures:
        raise typer.Exit(2)
    short = any(a.has_gaps for a in result.audits)
    lowest = min((a.score for a in result.audits), default=100.0)
    raise typer.Exit(exit_code(short, lowest, fail_under, exit_zero))


class _progress:
    """A Rich progress bar on stderr, only when stderr is a terminal."""

    def __init__(self, total: int, lang: LangCode = "zh") -> None:
        self.total = total
        self.lang = lang
        self._bar: Any = None

    def __enter__(self) -> Callable[[int], None] | None:
        if not sys.stderr.isatty() or self.total < 2:
            return None
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

        from dutyaudit.i18n import t

        self._bar = Progress(
            TextColumn(t("ui.progress", self.lang)),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            console=Console(stderr=True),
            transient=True,
            auto_refresh=False,  # no refresh thread: the worker processes are forked from this one
        )
        self._bar.start()
        task = self._bar.add_task("batch", total=self.total)
        bar, last = self._bar, [0.0]

        def advance(n: int) -> None:
            bar.advance(task, n)
            now = time.monotonic()
            if now - last[0] >= 0.1:  # ten redraws a second at most
                bar.refresh()
                last[0] = now

        return advance

    def __exit__(self, *exc: object) -> None:
        if self._bar is not None:
            self._bar.stop()
