"""The JSON contract: one object per audit, key order stable, ``ensure_ascii=False``."""

from __future__ import annotations

import json
from typing import Any, TextIO

from dutyaudit import __version__
from dutyaudit.audit import Audit
from dutyaudit.evaluate import DutyResult
from dutyaudit.report import Renderer
from dutyaudit.waivers import waiver_dict


def duty_dict(r: DutyResult) -> dict[str, Any]:
    """One duty in the contract's shape."""
    d: dict[str, Any] = {
        "id": r.duty.id,
        "role": r.duty.role,
        "clause": r.duty.clause,
        "label": r.duty.label,
        "text": r.duty.text,
        "kind": r.duty.kind,
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
        "tool": "dutyaudit",
        "version": __version__,
        "pack": {"id": audit.pack.id, "name": audit.pack.name, "version": audit.pack.display_version},
        "year": audit.year,
        "unit": audit.unit,
        "score": audit.score,
        "grade": audit.grade,
        "summary": audit.summary,
        "duties": [duty_dict(r) for r in audit.results],
        "unmatched": [a.ref() for a in audit.unmatched],
        "warnings": [w.as_dict() for w in audit.warnings],
    }


def dumps(obj: Any) -> str:
    """JSON text as every dutyaudit command prints it (indented unless large: the C encoder is far faster)."""
    compact = isinstance(obj, dict) and len(obj.get("unmatched", ())) > 2000
    return json.dumps(obj, ensure_ascii=False, indent=None if compact else 2)


class JsonRenderer(Renderer):
    """``--format json``."""

    def write(self, audit: Audit, stream: TextIO) -> None:
        stream.write(dumps(audit_dict(audit)) + "\n")
