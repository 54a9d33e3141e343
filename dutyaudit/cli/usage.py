"""Command-line usage errors (an unknown option, a missing argument, a bad choice) in the run's language.

Typer's parser words them in English; a zh run (the default) says them in Chinese, on one line, with the
command to ask for help — the same shape as every other ``错误：`` line — and exits 2.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Sequence
from typing import Any

#: (pattern of the parser's English message, the Chinese sentence; groups by name).
_ZH: tuple[tuple[re.Pattern[str], str], ...] = (
    (
        re.compile(
            r"No such option: (?P<opt>\S+?)(?: \(Possible options: (?P<near>[^)]*)\)| Did you mean (?P<mean>\S+)\?)?$"
        ),
        "没有选项 {opt}{near}",
    ),
    (re.compile(r"No such command '(?P<cmd>[^']*)'\.?"), "没有命令“{cmd}”"),
    (re.compile(r"Missing argument '(?P<arg>[^']*)'\.?"), "缺少参数 {arg}"),
    (re.compile(r"Missing option '(?P<opt>[^']*)'(?: / '[^']*')*\.?"), "缺少选项 {opt}"),
    (re.compile(r"Option '(?P<opt>[^']*)' requires an argument\.?"), "选项 {opt} 后面要写一个值"),
    (re.compile(r"Option '(?P<opt>[^']*)' does not take a value\.?"), "选项 {opt} 不带值"),
    (re.compile(r"Got unexpected extra arguments? \((?P<args>.*)\)"), "多余的参数：{args}"),
    (
        re.compile(r"Invalid value for '(?P<opt>[^']*)'(?: / '[^']*')*: (?:Value error, )?(?P<why>.*)"),
        "{opt} 的值无效：{why}",
    ),
)
#: The reasons inside "Invalid value" messages.
_WHY_ZH: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"'(?P<v>.*)' is not one of (?P<choices>.*?)\.?$"), "“{v}”不是可选值（{choices}）之一"),
    (re.compile(r"'(?P<v>.*)' is not a valid (?:integer|float)(?: range)?\.?$"), "“{v}”不是数字"),
    (re.compile(r"(?P<v>.*) is not in the range (?P<range>.*)\.?$"), "{v} 超出范围 {range}"),
    (re.compile(r"(?:File|Path|Directory) '(?P<v>.*)' does not exist\.?$"), "找不到“{v}”"),
)


def _fill(pattern: re.Pattern[str], text: str, template: str) -> str | None:
    m = pattern.fullmatch(text.strip())
    if not m:
        return None
    parts = {k: (v or "") for k, v in m.groupdict().items()}
    if "near" in parts:
        near = parts.pop("near") or parts.pop("mean", "")
        parts["near"] = f"（是不是 {near.replace(', ', '、')}？）" if near else ""
    if "why" in parts:
        parts["why"] = next((w for p, t in _WHY_ZH if (w := _fill(p, parts["why"], t))), parts["why"])
    if "choices" in parts:
        parts["choices"] = parts["choices"].replace("'", "").replace(", ", "、")
    return template.format(**parts)


def in_chinese(message: str) -> str:
    """The parser's English message as a Chinese sentence; an unknown one is kept after a Chinese lead."""
    return next((zh for p, t in _ZH if (zh := _fill(p, message, t))), f"命令行用法有误（{message.strip()}）")


def run_lang(argv: Sequence[str]) -> str:
    """The language the command line asks for (``--lang en`` / ``--lang=en``), zh by default."""
    for i, a in enumerate(argv):
        if a == "--lang" and i + 1 < len(argv):
            return argv[i + 1]
        if a.startswith("--lang="):
            return a.split("=", 1)[1]
    return "zh"


def report(exc: Any, argv: Sequence[str]) -> int:
    """Print a parser error on stderr in the run's language; return its exit code."""
    code = int(getattr(exc, "exit_code", 2))
    if run_lang(argv) == "en" or type(exc).__name__ == "NoArgsIsHelpError":  # no arguments: the help itself
        exc.show()
        return code
    ctx = getattr(exc, "ctx", None)
    path = ctx.command_path if ctx is not None else "dutyaudit"
    print(f"错误：{in_chinese(exc.format_message())}；用 {path} --help 查看用法", file=sys.stderr)
    return code
