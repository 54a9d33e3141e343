"""Pieces shared by the commands: option types, error handling, output streams and exit codes."""

from __future__ import annotations

import sys
import traceback
from collections.abc import Callable
from functools import wraps
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer

from dutyaudit.errors import DutyAuditError
from dutyaudit.i18n import Lang, t

F = TypeVar("F", bound=Callable[..., Any])

DebugOpt = Annotated[bool, typer.Option("--debug", help="Show a traceback for errors.")]
PackOpt = Annotated[
    str,
    typer.Option("--pack", "-p", metavar="PACK", help="Built-in pack id (see `packs list`) or a pack YAML file."),
]
YearOpt = Annotated[
    int | None,
    typer.Option("--year", "-y", metavar="YEAR", help="Audit year (default: the year most rows fall in)."),
]
MapOpt = Annotated[
    list[str] | None,
    typer.Option(
        "--map",
        "-m",
        metavar="FIELD=COLUMN",
        # The fields as ingest.columns.mapping_fields() lists them (not imported here: it would load ingest).
        help="Name a column: FIELD=COLUMN, e.g. --map date=开展时间 (repeatable). FIELD: date (日期), title (事项), "
        "type (活动类型), role (责任主体), unit (单位), actor (责任人), hours (学时), end_date (结束日期), "
        "evidence (佐证材料), or a column the pack adds.",
    ),
]
EncodingOpt = Annotated[
    str | None,
    typer.Option("--encoding", metavar="ENCODING", help="Encoding of CSV/TXT logs (default: detected), e.g. gb18030."),
]
FailUnderOpt = Annotated[
    float | None,
    typer.Option(
        "--fail-under", min=0, max=100, metavar="SCORE", help="Exit 1 only when the score is below SCORE (0–100)."
    ),
]
ExitZeroOpt = Annotated[bool, typer.Option("--exit-zero", help="Exit 0 whenever the audit ran.")]
WaiversOpt = Annotated[
    Path | None,
    typer.Option(
        "--waivers",
        "-w",
        metavar="FILE",
        help="YAML file of waived duties (duty, reason, approved_by, expires, unit).",
    ),
]
ForceOpt = Annotated[
    bool,
    typer.Option("--force", help="Overwrite --out even if it is a file dutyaudit did not write."),
]
LogsArg = Annotated[
    list[Path],
    typer.Argument(metavar="LOG", help="Log files (xlsx, xls, ods, csv …); several = one audit."),
]


def handle_errors(func: F) -> F:
    """Turn a DutyAuditError into one line on stderr and its exit code (a traceback with --debug)."""

    @wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except DutyAuditError as exc:
            if kwargs.get("debug"):
                traceback.print_exc(file=sys.stderr)
            lang = run_lang(kwargs)
            typer.echo(t("err.prefix", lang) + exc.text(lang), err=True)
            raise typer.Exit(code=exc.exit_code) from None
        except MemoryError:  # a safety net: the readers' limits should refuse such an input first
            if kwargs.get("debug"):
                traceback.print_exc(file=sys.stderr)
            lang = run_lang(kwargs)
            typer.echo(t("err.prefix", lang) + t("err.memory", lang), err=True)
            raise typer.Exit(code=2) from None

    return wrapper  # type: ignore[return-value]


def run_lang(kwargs: dict[str, Any]) -> Lang:
    """The run's ``--lang`` (zh when the command has none)."""
    value = getattr(kwargs.get("lang"), "value", kwargs.get("lang"))
    return "en" if value == "en" else "zh"


def note(text: str, lang: Lang) -> None:
    """A note on stderr (提示：… / Note: …), e.g. a file skipped or the path written."""
    typer.echo(t("note.prefix", lang) + text, err=True)


def exit_code(has_gaps: bool, score: float, fail_under: float | None, exit_zero: bool) -> int:
    """0 when no duty is below requirement (or the score reaches --fail-under), else 1."""
    if exit_zero:
        return 0
    if fail_under is not None:
        return 1 if score < fail_under else 0
    return 1 if has_gaps else 0
