"""Running out of memory anywhere in a command is one 错误： line and exit 2, never a traceback."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import dutyaudit.audit


def test_memory_error_is_one_line(
    monkeypatch: pytest.MonkeyPatch, run: Callable[..., Any], write_csv: Callable[..., Path], mini_pack: Path
) -> None:
    def boom(*args: Any, **kwargs: Any) -> Any:
        raise MemoryError

    monkeypatch.setattr(dutyaudit.audit, "run_audit", boom)
    log = write_csv([["2023-03-01", "县委常委会听取法治建设工作汇报"]], header=["日期", "事项"])
    res = run("check", log, "--pack", mini_pack)
    assert res.exit_code == 2
    assert res.stderr.startswith("错误：内存不足")
    assert "Traceback" not in res.stderr and len(res.stderr.splitlines()) == 1
