"""Safe output: write through a temporary file and a rename, never over an input file."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path

from dutyaudit.errors import OutputError, UsageError
from dutyaudit.i18n import msg


def refuse_inputs(out: Path, inputs: Iterable[Path]) -> None:
    """Raise OutputError if ``out`` names one of the input files."""
    target = out.resolve()
    for p in inputs:
        p = Path(p)
        same = p.resolve() == target
        if not same and out.exists() and p.exists():
            try:
                same = os.path.samefile(p, out)
            except OSError:
                same = False
        if same:
            raise OutputError(msg("err.out.input", out=out))


def check_workbook_out(out: Path, what: str, inputs: Iterable[Path] = (), force: bool = False) -> None:
    """Before any work: ``out`` must name an .xlsx file and not one of ``inputs`` (UsageError/OutputError).

    An existing file is replaced only with ``force``, or when it is a report dutyaudit wrote itself
    (a scorecard or summary carries a mark; a template does not, as it becomes a clerk's log).
    """
    if Path(out).suffix.lower() != ".xlsx":
        raise UsageError(msg("err.out.xlsx", out=out, what=msg(f"what.{what}")))
    refuse_inputs(Path(out), inputs)
    if Path(out).is_file() and not force:
        from dutyaudit.ingest.sniff import is_report

        if what == "template" or not is_report(Path(out)):
            raise OutputError(msg("err.out.exists", out=out))


def write_atomic(out: Path, write: Callable[[Path], None], inputs: Iterable[Path] = ()) -> Path:
    """Call ``write(tmp_path)`` then rename the temporary file onto ``out``; nothing is left on failure."""
    out = Path(out)
    refuse_inputs(out, inputs)
    parent = out.parent if str(out.parent) else Path(".")
    if not parent.is_dir():
        raise OutputError(msg("err.out.no_folder", out=out, parent=parent))
    if out.is_dir():
        raise OutputError(msg("err.out.is_folder", out=out))
    fd, tmp = tempfile.mkstemp(prefix=f".{out.stem}.", suffix=out.suffix, dir=parent)
    os.close(fd)
    tmp_path = Path(tmp)
    try:
        write(tmp_path)
        os.chmod(tmp_path, 0o666 & ~_umask())  # mkstemp makes 0600; give the file the usual mode
        os.replace(tmp_path, out)
    except PermissionError:
        raise OutputError(msg("err.out.denied", out=out)) from None
    except OSError as exc:
        raise OutputError(msg("err.out.cannot", out=out, why=exc.strerror or str(exc))) from None
    finally:
        if tmp_path.exists():
            tmp_path.unlink()
    return out


def _umask() -> int:
    """The process umask (read by setting and restoring it)."""
    mask = os.umask(0)
    os.umask(mask)
    return mask
