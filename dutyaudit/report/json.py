"""The JSON contract: one object per audit, key order stable, ``ensure_ascii=False``."""

from __future__ import annotations

import json
from typing import Any, TextIO

from dutyaudit import __version__
from dutyaudit.audit import Audit
from dutyaudit.evaluate import DutyResult
from dutyaudit.packs import Duty, Pack
from dutyaudit.report import Renderer
from dutyaudit.waivers import waiver_dict


def head_dict(pack: Pack) -> dict[str, Any]:
    """The keys every JSON object of ours opens with: tool, version and the pack."""
    return {
        "tool": "dutyaudit",
        "version": __version__,
        "pack": {"id": pack.id, "name": pack.name, "version": pack.display_version},
    }


def duty_head(d: Duty) -> dict[str, Any]:
    """A duty's identity: id, role, clause, label, source text and kind."""
    return {"id": d.id, "role": d.role, "clause": d.clause, "label": d.label, "text": d.text, "kind": d.kind}


def duty_dict(r: DutyResult) -> dict[str, Any]:
    """One duty in the contract's shape."""
    d: dict[str, Any] = {
        **duty_head(r.duty),
        "required": r.required,
        "found": r.found,
        "status": r.status,
        "shortfall": r.shortfall,
        "evidence": [h.activity.ref() for h in r.evidence],
    }
    if r.waiver is not None:
        d["waiver"] = waiver_dict(r.waiver)
    return d


def audit_dict(audit: Audit) -> dict[str, Any]:
    """The whole audit in the contract's shape."""
    return {
        **head_dict(audit.pack),
        "year": audit.year,
        "unit": audit.unit,
        "score": audit.score,
        "grade": audit.grade,
        "summary": audit.summary,
        "duties": [duty_dict(r) for r in audit.results],
        "unmatched": [a.ref() for a in audit.unmatched],
        "warnings": [w.as_dict(audit.lang) for w in audit.warnings],
    }


def dumps(obj: Any) -> str:
    """JSON text as every dutyaudit command prints it (indented unless large: the C encoder is far faster)."""
    compact = isinstance(obj, dict) and len(obj.get("unmatched", ())) > 2000
    return json.dumps(obj, ensure_ascii=False, indent=None if compact else 2)


class JsonRenderer(Renderer):
    """``--format json``."""

    def write(self, audit: Audit, stream: TextIO) -> None:
        stream.write(dumps(audit_dict(audit)) + "\n")
