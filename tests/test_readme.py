"""The README's usage block matches `--help`, its two set-up commands are the ones CI runs, and every
command and option has help text."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import typer.main

from dutyaudit.cli import app

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def _usage_block() -> list[str]:
    m = re.search(r"## Usage\n+```text\n(.*?)```", README, re.S)
    assert m, "README needs a '## Usage' section with a ```text block"
    lines, current = [], ""
    for raw in m.group(1).splitlines():
        if raw.startswith("dutyaudit "):
            if current:
                lines.append(current)
            current = raw
        elif raw.strip():
            current += " " + raw.strip()
    return [*lines, current] if current else lines


def _commands() -> dict[str, Any]:
    root = typer.main.get_command(app)
    assert hasattr(root, "commands")
    out: dict[str, Any] = {}
    for name, cmd in root.commands.items():
        if hasattr(cmd, "commands"):
            for sub, subcmd in cmd.commands.items():
                out[f"{name} {sub}"] = subcmd
        else:
            out[name] = cmd
    return out


def _is_option(p: Any) -> bool:
    return getattr(p, "param_type_name", "") == "option"


def _options(cmd: Any) -> set[str]:
    return {o for p in cmd.params if _is_option(p) for o in p.opts if o.startswith("--")} - {"--help"}


def test_every_command_and_option_is_in_the_usage_block() -> None:
    block = _usage_block()
    for name, cmd in _commands().items():
        line = next((ln for ln in block if ln.startswith(f"dutyaudit {name} ") or ln == f"dutyaudit {name}"), None)
        if line is None and name.startswith("packs "):
            line = next((ln for ln in block if ln.startswith("dutyaudit packs ")), None)
            assert line and name.split()[1] in line, f"README usage lacks `dutyaudit {name}`"
            continue
        assert line is not None, f"README usage lacks `dutyaudit {name}`"
        documented = set(re.findall(r"--[a-z][a-z-]*", line))
        assert _options(cmd) == documented, f"{name}: --help has {_options(cmd)}, README has {documented}"


def test_every_command_and_option_has_help() -> None:
    for name, cmd in _commands().items():
        assert cmd.help, f"{name} has no help"
        for p in cmd.params:
            if _is_option(p):
                assert p.help, f"{name} {p.opts} has no help"


def test_ci_runs_the_readme_commands() -> None:
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    blocks = re.findall(r"```(?:sh|bash|shell)\n(.*?)```", README, re.S)
    install_run = next(b.strip() for b in blocks if b.strip().startswith("pip install . &&"))
    tests = next(b.strip() for b in blocks if b.strip().startswith('pip install ".[test]"'))
    assert install_run in ci and tests in ci
    example = re.search(r"dutyaudit check (\S+)", install_run)
    assert example and (ROOT / example.group(1)).is_file()


def test_cli_start_up_does_not_import_heavy_modules() -> None:
    import subprocess
    import sys

    code = "import sys, dutyaudit.cli; print(sorted(m for m in ('pandas', 'openpyxl', 'pydantic') if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
