"""The JSON contract: one object per audit, key order stable, ``ensure_ascii=False``."""

from __future__ import annotations

import json
import re
import uuid
from collections.abc import Callable, Iterable, Iterator
from json.encoder import encode_basestring
from typing import Any, TextIO

from dutyaudit import __version__
from dutyaudit.audit import Audit
from dutyaudit.evaluate import DutyResult
from dutyaudit.model import Activity
from dutyaudit.packmodel import Duty, Pack
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


#: Turns rows into the value of an ``evidence`` or ``unmatched`` key.
Refs = Callable[[Iterable[Activity]], Any]


def ref_list(rows: Iterable[Activity]) -> list[dict[str, Any]]:
    """Rows as a list of evidence references (the plain form of :data:`Refs`)."""
    return [a.ref() for a in rows]


def duty_dict(r: DutyResult, refs: Refs = ref_list) -> dict[str, Any]:
    """One duty in the contract's shape."""
    d: dict[str, Any] = {
        **duty_head(r.duty),
        "required": r.required,
        "found": r.found,
        "status": r.status,
        "shortfall": r.shortfall,
        "evidence": refs(h.activity for h in r.evidence),
    }
    if r.waiver is not None:
        d["waiver"] = waiver_dict(r.waiver)
    return d


def audit_dict(audit: Audit, refs: Refs = ref_list) -> dict[str, Any]:
    """The whole audit in the contract's shape."""
    return {
        **head_dict(audit.pack),
        "year": audit.year,
        "unit": audit.unit,
        "score": audit.score,
        "grade": audit.grade,
        "summary": audit.summary,
        "duties": [duty_dict(r, refs) for r in audit.results],
        "unmatched": refs(audit.unmatched),
        "warnings": [w.as_dict(audit.lang) for w in audit.warnings],
        "scope": audit.scope.as_dict() if audit.scope else None,
        "rows": audit.row_accounting(),
        "excluded": [e.as_dict() for e in audit.excluded],
    }


def dumps(obj: Any) -> str:
    """JSON text as every dutyaudit command prints it (indented unless large: the C encoder is far faster)."""
    return json.dumps(obj, ensure_ascii=False, indent=2 if _indented(obj) else None)


def _indented(obj: Any) -> bool:
    return not (isinstance(obj, dict) and _length(obj.get("unmatched", ())) > 2000)


def _length(value: Any) -> int:
    return value.length if isinstance(value, _Hole) else len(value)


class _Hole(str):
    """A placeholder standing in the skeleton for a list of rows encoded apart."""

    length: int
    """How many rows the list holds (the JSON's form depends on it)."""


class _Spliced:
    """An audit as JSON text, byte for byte what ``dumps(audit_dict(audit))`` gives, built faster.

    Evidence lists hold most of an audit's bytes (140,000 rows for a 100k-row log): they are encoded
    here straight from the rows as text — each file/sheet pair, date and title once — and spliced
    into a small ``json.dumps`` skeleton instead of going through 140,000 dicts and the encoder (whose
    indented form is pure Python). The fields are those of :meth:`Activity.ref`; a test holds the two
    equal.
    """

    def __init__(self, indented: bool | None = None) -> None:
        self.indented = indented
        """Indent or not whatever the size (None: as :func:`dumps` decides)."""
        self.nonce = f"\x01dutyaudit-rows-{uuid.uuid4().hex}-"
        self.lists: list[list[Activity]] = []
        self.titles: dict[str, str] = {}
        self.dates: dict[Any, str] = {None: "null"}

    def hole(self, rows: Iterable[Activity]) -> _Hole:
        listed = list(rows)
        hole = _Hole(f"{self.nonce}{len(self.lists)}")
        hole.length = len(listed)
        self.lists.append(listed)
        return hole

    def encode(self, rows: list[Activity], indent: str | None) -> str:
        if not rows:
            return "[]"
        if indent is None:
            sep, open_, close, item_sep, head, tail = ", ", "{", "}", ", ", "[", "]"
        else:
            inner, keys = indent + "  ", indent + "    "
            sep, open_, close = ",\n" + keys, inner + "{\n" + keys, "\n" + inner + "}"
            item_sep, head, tail = ",\n", "[\n", "\n" + indent + "]"
        titles, dates = self.titles, self.dates
        prefixes: dict[tuple[str, str], str] = {}
        out = []
        for a in rows:
            prefix = prefixes.get((a.file, a.sheet))
            if prefix is None:
                prefix = prefixes[(a.file, a.sheet)] = (
                    f'{open_}"file": {encode_basestring(a.file)}{sep}"sheet": {encode_basestring(a.sheet)}{sep}"row": '
                )
            date = dates.get(a.date)
            if date is None:
                date = dates[a.date] = f'"{a.date.isoformat()}"'  # type: ignore[union-attr]
            title = titles.get(a.title)
            if title is None:
                title = titles[a.title] = encode_basestring(a.title)
            out.append(f'{prefix}{a.row}{sep}"date": {date}{sep}"title": {title}{close}')
        return head + item_sep.join(out) + tail

    def render(self, audit: Audit) -> str:
        return "".join(self.pieces(audit))

    def pieces(self, audit: Audit) -> Iterator[str]:
        """The JSON text in pieces, in order: the skeleton's text between lists, each list's encoding (no piece
        holds the whole, so a large audit is written without a second copy of its text)."""
        skeleton = audit_dict(audit, self.hole)
        indented = _indented(skeleton) if self.indented is None else self.indented
        text = json.dumps(skeleton, ensure_ascii=False, indent=2 if indented else None)
        quoted = re.compile(re.escape(json.dumps(self.nonce)[:-1]) + r'(\d+)"')
        pos = 0
        for m in quoted.finditer(text):
            yield text[pos : m.start()]
            pos = m.end()
            rows = self.lists[int(m.group(1))]
            self.lists[int(m.group(1))] = []  # encoded once: drop the list
            if not indented:
                yield self.encode(rows, None)
                continue
            line = text.rfind("\n", 0, m.start()) + 1
            spaces = len(text) - line - len(text[line:].lstrip(" "))
            yield self.encode(rows, " " * spaces)
        yield text[pos:]


def audit_json(audit: Audit) -> str:
    """The audit as the JSON text ``--format json`` prints (without the final newline)."""
    return _Spliced().render(audit)


def audit_json_indented(audit: Audit) -> str:
    """``json.dumps(audit_dict(audit), ensure_ascii=False, indent=2)`` byte for byte, whatever the audit's size,
    several times faster (the indented encoder is pure Python): for callers that always indent."""
    return _Spliced(indented=True).render(audit)


class JsonRenderer(Renderer):
    """``--format json``."""

    def write(self, audit: Audit, stream: TextIO) -> None:
        for piece in _Spliced().pieces(audit):
            stream.write(piece)
        stream.write("\n")
