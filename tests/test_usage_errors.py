"""The parser's own errors (unknown option, missing argument, bad choice) are one Chinese line in a zh run."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

from dutyaudit.cli.usage import in_chinese, run_lang


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "dutyaudit", *args], capture_output=True, text=True, timeout=60)


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (["check", "log.xlsx", "--pack", "panjin", "--bogus"], "没有选项 --bogus"),
        (["check", "log.xlsx", "--pack", "panjin", "--format", "nope"], "“nope”不是可选值"),
        (["check"], "缺少参数 LOG"),
        (["check", "log.xlsx", "--pack"], "选项 --pack 后面要写一个值"),
        (["nothing"], "没有命令“nothing”"),
    ],
)
def test_zh_usage_error_is_one_chinese_line(args: list[str], said: str) -> None:
    done = _run(*args)
    assert done.returncode == 2
    assert done.stdout == ""
    lines = done.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("错误：") and said in lines[0], done.stderr
    assert "--help 查看用法" in lines[0]
    assert not re.search(r"\b(?:No such|Missing|Invalid|Usage|Error|Try)\b", done.stderr)


def test_en_usage_error_stays_english() -> None:
    done = _run("check", "--bogus", "--lang", "en")
    assert done.returncode == 2
    assert "No such option: --bogus" in done.stderr


def test_exit_codes_pass_through() -> None:
    assert _run("--version").returncode == 0
    assert _run("check", "--help").returncode == 0


def test_mapping() -> None:
    assert in_chinese("Got unexpected extra argument (x.xlsx)") == "多余的参数：x.xlsx"
    assert in_chinese("Something new") == "命令行用法有误（Something new）"
    assert run_lang(["check", "--lang=en"]) == "en"
    assert run_lang(["check"]) == "zh"
