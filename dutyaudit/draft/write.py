"""Writing a drafted pack as YAML laid out like the hand-made packs, under a header comment naming
the source file and its sha256."""

from __future__ import annotations

from typing import Any

import yaml

from dutyaudit import __version__
from dutyaudit.draft.build import Drafted, assign_ids
from dutyaudit.draft.meta import Meta
from dutyaudit.draft.quantities import FIELDS
from dutyaudit.draft.reading import Document
from dutyaudit.draft.roles import ROLES


def _flow(value: Any) -> str:
    return yaml.safe_dump(value, allow_unicode=True, default_flow_style=True, width=10**6, sort_keys=False).strip()


def _scalar(value: Any) -> str:
    text = yaml.safe_dump(value, allow_unicode=True, width=10**6).strip()
    return text.removesuffix("\n...").removesuffix("...").strip()


_PER = {"year": "年", "half": "半年", "quarter": "季", "month": "月"}
_EACH_UNIT = {"duration_days": "日", "参加人数": "人", "时长（分钟）": "分钟", "提前天数": "日"}


def label(d: Drafted) -> str:
    """A short label for tables: the head of the text and the figure."""
    head = d.text if len(d.text) <= 16 else d.text[:15] + "…"
    r = d.requirement
    fig = {
        "count": lambda: f" ≥{r.get('min')}次/{_PER[r.get('per', 'year')]}",
        "deadline": lambda: f" {r.get('by')}前",
        "sum": lambda: f" ≥{r.get('min')}{r.get('unit', '学时')}",
        "rate": lambda: f" ≥{r.get('min')}%",
        "each": lambda: f" 每项{r['where']['op']}{r['where']['value']}{_EACH_UNIT.get(r['where']['field'], '')}",
        "evidence": lambda: "",
    }[str(r["kind"])]()
    return head + fig


def pack_mapping(pack_id: str, meta: Meta, drafted: list[Drafted]) -> dict[str, Any]:
    """The pack as plain data (what ``parse_pack`` validates)."""
    roles = {
        rid: {"name": ROLES[rid].name, "aliases": list(ROLES[rid].aliases)}
        for rid in dict.fromkeys(d.role for d in drafted)
    }
    fields = sorted({f for d in drafted for f in d.fields})
    duties = []
    for did, d in zip(assign_ids(drafted), drafted, strict=True):
        duty: dict[str, Any] = {"id": did, "role": d.role, "clause": d.clause, "text": d.text, "label": label(d)}
        duty["requirement"] = d.requirement
        duty["match"] = d.match
        if d.owners:
            duty["owners"] = d.owners
        if d.years:
            duty["years"] = {"from": d.years, "to": d.years}
        duty["review"] = d.review
        duties.append(duty)
    data: dict[str, Any] = {
        "schema": 1,
        "id": pack_id,
        "name": meta.name,
        "jurisdiction": meta.jurisdiction,
        "issuer": meta.issuer,
        "issued": meta.issued,
        "version": "draft",
        "roles": roles,
        "exclusive": True,
    }
    if fields:
        data["fields"] = [{"name": f, "type": FIELDS[f][0], "help": FIELDS[f][1]} for f in fields]
    data["duties"] = duties
    return data


def render(doc: Document, meta: Meta, data: dict[str, Any], drafted_on: str) -> str:
    """The YAML text: header comment, pack fields, one block per duty."""
    name = doc.path.name
    lines = [
        f"# DRAFT duty pack: {meta.name}",
        f"# Drafted by dutyaudit {__version__} `packs draft` on {drafted_on} from {name}",
        f"# source: {name}",
        f"# sha256: {doc.sha256}",
        "#",
        "# A draft for a person to review: every duty quotes its sentence verbatim and cites the document's",
        "# own clause number; `review:` says what the drafter was unsure of. `dutyaudit packs show` lists those",
        "# first. Settle each note (fix the duty, then delete the note), run `dutyaudit packs validate`, then audit.",
    ]
    if doc.converted:
        lines.append(
            "# The document was in traditional script: texts are quoted after conversion to simplified Chinese."
        )
    for note in meta.review:
        lines.append(f"# review: {note}")
    lines.append("")
    for key in ("schema", "id", "name", "jurisdiction", "issuer", "issued", "version"):
        value = data[key].isoformat() if key == "issued" else data[key]
        lines.append(f"{key}: {_scalar(value)}")
    lines.append("roles:")
    for rid, r in data["roles"].items():
        lines.append(f"  {rid}:")
        lines.append(f"    name: {_scalar(r['name'])}")
        lines.append(f"    aliases: {_flow(r['aliases'])}")
    lines.append("# a row counts only for the clause(s) whose text it resembles most among those whose rules it meets")
    lines.append(f"exclusive: {_scalar(data['exclusive'])}")
    if data.get("fields"):
        lines.append("fields:")
        for f in data["fields"]:
            lines.append(f"  - {_flow(f)}")
    lines.append("duties:")
    for d in data["duties"]:
        lines.append(f"  - id: {_scalar(d['id'])}")
        for key in ("role", "clause", "text", "label"):
            lines.append(f"    {key}: {_scalar(d[key])}")
        for key in ("requirement", "match", "owners", "years"):
            if key in d:
                lines.append(f"    {key}: {_flow(d[key])}")
        lines.append("    review:")
        for note in d["review"]:
            lines.append(f"      - {_scalar(note)}")
    return "\n".join(lines) + "\n"
