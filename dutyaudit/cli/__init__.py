"""The ``dutyaudit`` command line: a thin Typer shell over the library.

Each command lives in its own module and only parses options, calls the core, picks a renderer
and sets the exit code. Neither pandas nor openpyxl is imported here, so ``--help`` and
``--version`` stay fast.
"""

from __future__ import annotations

import gc
import sys
from typing import Annotated, NoReturn

import typer
import typer.core

from dutyaudit import __version__

_argument_type = typer.core.TyperArgument.display_type_rich


def _argument_metavar_only(self: typer.core.TyperArgument, ctx: object) -> str | None:
    """An argument with a metavar (LOG...) is shown by it alone, not followed by ``<list[Path]>``."""
    return None if self.metavar else _argument_type(self, ctx)  # type: ignore[arg-type]


typer.core.TyperArgument.display_type_rich = _argument_metavar_only  # type: ignore[method-assign,assignment]

app = typer.Typer(
    name="dutyaudit",
    help="Audit rule-of-law activity logs (工作台账) against official duty lists (职责清单).",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"dutyaudit {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit.")
    ] = False,
) -> None:
    """Audit rule-of-law activity logs (工作台账) against official duty lists (职责清单)."""


from dutyaudit.cli import batch as _batch  # noqa: E402,F401
from dutyaudit.cli import check as _check  # noqa: E402,F401  (registers commands)
from dutyaudit.cli import explain as _explain  # noqa: E402,F401
from dutyaudit.cli import packs as _packs  # noqa: E402,F401
from dutyaudit.cli import template as _template  # noqa: E402,F401


def main() -> None:
    """Console-script entry point.

    Python's cyclic collector is off for the run: an audit builds ~10^6 long-lived objects (rows, hits,
    evidence) that the collector would re-scan again and again (a fifth of a 100k-row check) while they
    hold no cycles worth finding; the process ends soon after and refcounting frees the rest.
    """
    gc.disable()
    from typer.exceptions import TyperException

    from dutyaudit.cli.early import check_logs

    logs = check_logs(sys.argv[1:])
    if logs:  # a head start on the log while the command line is parsed (see cli.early)
        from pathlib import Path

        from dutyaudit.ingest.readahead import read_ahead

        read_ahead([Path(p) for p in logs])
    try:
        code = app(standalone_mode=False)
    except TyperException as exc:  # the parser's own errors: an unknown option, a missing argument …
        if not hasattr(exc, "format_message"):
            raise
        from dutyaudit.cli.usage import report

        _leave(report(exc, sys.argv[1:]))
    except KeyboardInterrupt:
        print("已中断" if "--lang" not in sys.argv else "Aborted!", file=sys.stderr)
        _leave(130)
    _leave(code if isinstance(code, int) else 0)


def _leave(code: int) -> NoReturn:
    """Exit with ``code``, skipping the interpreter's teardown when nothing is left to finish.

    Tearing down frees a large audit's ~10^6 objects one by one (0.06 s of a 100k-row check) only for the
    system to take the memory back at once. The exit handlers still run and the streams are flushed; a
    stream that cannot be flushed (a closed pipe) or a thread still running takes the ordinary exit — except
    a read-ahead that nobody took (the run ended before reading the log): it is dropped with the process.
    """
    import atexit
    import os
    import threading

    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except BaseException:
        sys.exit(code)
    if any(not t.name.startswith("dutyaudit-") for t in threading.enumerate() if t is not threading.current_thread()):
        sys.exit(code)
    atexit._run_exitfuncs()
    os._exit(code)
