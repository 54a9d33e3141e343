"""The tree stays clean under ruff (lint and format), and every module has a docstring."""

from __future__ import annotations

import ast
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _ruff(*args: str) -> subprocess.CompletedProcess[str]:
    exe = shutil.which("ruff")
    cmd = [exe] if exe else [sys.executable, "-m", "ruff"]
    return subprocess.run([*cmd, *args], cwd=ROOT, capture_output=True, text=True, check=False)


@pytest.mark.parametrize("args", [("check", "."), ("format", "--check", ".")])
def test_ruff(args: tuple[str, ...]) -> None:
    res = _ruff(*args)
    assert res.returncode == 0, res.stdout + res.stderr


def test_mypy() -> None:
    """The package type-checks (settings in pyproject's [tool.mypy])."""
    pytest.importorskip("mypy")
    res = subprocess.run([sys.executable, "-m", "mypy"], cwd=ROOT, capture_output=True, text=True, check=False)
    assert res.returncode == 0, res.stdout + res.stderr


def test_every_module_has_a_docstring() -> None:
    missing = [
        str(p.relative_to(ROOT))
        for p in sorted((ROOT / "dutyaudit").rglob("*.py"))
        if ast.get_docstring(ast.parse(p.read_text(encoding="utf-8"))) is None
    ]
    assert missing == []
