"""Safe output: atomic writes, the usual file mode, never over an input, nothing left on failure."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from dutyaudit.errors import OutputError
from dutyaudit.output import write_atomic


def test_written_file_has_the_usual_mode(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        out = write_atomic(tmp_path / "card.xlsx", lambda p: p.write_bytes(b"x"))
    finally:
        os.umask(old)
    assert out.read_bytes() == b"x"
    assert stat.S_IMODE(out.stat().st_mode) == 0o644


def test_failed_write_leaves_nothing(tmp_path: Path) -> None:
    def boom(p: Path) -> None:
        p.write_bytes(b"half")
        raise OSError("disk full")

    with pytest.raises(OutputError, match="cannot write"):
        write_atomic(tmp_path / "card.xlsx", boom)
    assert list(tmp_path.iterdir()) == []


def test_refuses_to_overwrite_an_input(tmp_path: Path) -> None:
    log = tmp_path / "log.xlsx"
    log.write_bytes(b"log")
    with pytest.raises(OutputError, match="refusing to overwrite an input"):
        write_atomic(tmp_path / "." / "log.xlsx", lambda p: p.write_bytes(b"x"), inputs=[log])
    assert log.read_bytes() == b"log"


def test_missing_folder_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(OutputError, match="does not exist"):
        write_atomic(tmp_path / "nope" / "card.xlsx", lambda p: p.write_bytes(b"x"))
