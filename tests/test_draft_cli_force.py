"""`packs draft --out` never replaces an existing file (a draft under review holds a person's edits) without --force."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

DOC = "关于印发某县会前学法制度的通知\n第一条 县政府常务会议每年会前学法不少于4次。\n"


def test_existing_out_needs_force(tmp_path: Path, run: Callable[..., Any]) -> None:
    doc = tmp_path / "制度.txt"
    doc.write_text(DOC, encoding="utf-8")
    out = tmp_path / "draft.yaml"
    out.write_text("# reviewed by hand\n", encoding="utf-8")

    refused = run("packs", "draft", doc, "--out", out)
    assert refused.exit_code == 2
    assert "--force" in refused.stderr
    assert out.read_text(encoding="utf-8") == "# reviewed by hand\n"

    forced = run("packs", "draft", doc, "--out", out, "--force")
    assert forced.exit_code == 0, forced.stderr
    assert "不少于4次" in out.read_text(encoding="utf-8")
