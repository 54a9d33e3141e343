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

F = TypeVar("F", bound=Callable[..., Any])

DebugOpt = Annotated[bool, typer.Option("--debug", help="Show a traceback for errors.")]
PackOpt = Annotated[str, typer.Option("--pack", "-p", help="Built-in pack id (see `packs list`) or a pack YAML file.")]
YearOpt = Annotated[int | None, typer.Option("--year", "-y", help="Audit year (default: the year most rows fall in).")]
MapOpt = Annotated[
    list[str] | None,
    typer.Option(
        "--map",
        "-m",
        # The fields as ingest.columns.mapping_fields() lists them (not imported here: it would load ingest).
        help="Name a column: FIELD=COLUMN, e.g. --map date=开展时间 (repeatable). FIELD: date (日期), title (事项), "
        "type (活动类型), role (责任主体), unit (单位), actor (责任人), hours (学时), end_date (结束日期), "
        "evidence (佐证材料), or a column the pack adds.",
    ),
]
EncodingOpt = Annotated[
    str | None, typer.Option("--encoding", help="Encoding of CSV/TXT logs (default: detected), e.g. gb18030.")
]
FailUnderOpt = Annotated[
    float | None,
    typer.Option("--fail-under", min=0, max=100, help="Exit 1 only when the score is below this (0–100)."),
]
ExitZeroOpt = Annotated[bool, typer.Option("--exit-zero", help="Exit 0 whenever the audit ran.")]
WaiversOpt = Annotated[
    Path | None,
    typer.Option("--waivers", "-w", help="YAML file of waived duties (duty, reason, approved_by, expires, unit)."),
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
            typer.echo(f"Error: {exc.message}", err=True)
            raise typer.Exit(code=exc.exit_code) from None

    return wrapper  # type: ignore[return-value]


def exit_code(has_gaps: bool, score: float, fail_under: float | None, exit_zero: bool) -> int:
    """0 when no duty is below requirement (or the score reaches --fail-under), else 1."""
    if exit_zero:
        return 0
    if fail_under is not None:
        return 1 if score < fail_under else 0
    return 1 if has_gaps else 0
