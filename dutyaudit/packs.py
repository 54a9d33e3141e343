"""Duty packs: reading a pack file (YAML, validated by :mod:`dutyaudit.packmodel`), the built-in registry
and the pack file's JSON Schema.

The model (:class:`Pack`, :class:`Duty`, the requirements …) and :func:`duties_for` / :func:`owner_covers`
are re-exported here, so ``from dutyaudit.packs import Pack, load_pack`` keeps working.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from dutyaudit.errors import PackError
from dutyaudit.i18n import Msg, msg
from dutyaudit.model import ACTIVITY_TYPES
from dutyaudit.owners import duties_for, owner_covers
from dutyaudit.packmodel import (
    AllOfReq,
    Condition,
    CountReq,
    DeadlineReq,
    Duty,
    EachReq,
    EvidenceReq,
    FieldType,
    Match,
    Pack,
    PackField,
    Period,
    RateReq,
    Requirement,
    Role,
    SumReq,
    Window,
    Years,
    known_types,
)

__all__ = [
    "ACTIVITY_TYPES",  # re-exported: callers import these from here
    "AllOfReq",
    "Condition",
    "CountReq",
    "DeadlineReq",
    "Duty",
    "EachReq",
    "EvidenceReq",
    "FieldType",
    "Match",
    "Pack",
    "PackError",
    "PackField",
    "Period",
    "RateReq",
    "Requirement",
    "Role",
    "SumReq",
    "Window",
    "Years",
    "builtin_dir",
    "builtin_ids",
    "duties_for",
    "iter_builtin",
    "json_schema",
    "known_types",
    "load_pack",
    "load_pack_file",
    "owner_covers",
    "parse_pack",
]


def _location(data: Any, loc: tuple[int | str, ...]) -> str:
    """Turn a pydantic error location into 'duty party-01, field requirement.min'."""
    if len(loc) >= 2 and loc[0] == "duties" and isinstance(loc[1], int):
        duties = data.get("duties") if isinstance(data, dict) else None
        did = None
        if isinstance(duties, list) and loc[1] < len(duties) and isinstance(duties[loc[1]], dict):
            did = duties[loc[1]].get("id")
        rest = ".".join(str(p) for p in loc[2:] if not str(p).endswith("Req") and p not in _KINDS)
        who = f"duty {did}" if did else f"duty #{loc[1] + 1}"
        return f"{who}, field {rest}" if rest else who
    return "field " + ".".join(str(p) for p in loc) if loc else "pack"


_KINDS = {"count", "deadline", "sum", "rate", "each", "all_of", "evidence"}


def parse_pack(data: Any, origin: str) -> Pack:
    """Validate parsed YAML as a pack; errors name the origin, the duty id and the field."""
    try:
        return Pack.model_validate(data)
    except ValidationError as exc:
        problems = [
            msg(
                "err.pack.invalid",
                origin=origin,
                where=_location(data, tuple(err["loc"])),
                problem=err["msg"].removeprefix("Value error, "),
                more="",
            )
            for err in exc.errors()
        ]
        more = msg("err.pack.more", n=len(problems) - 1) if len(problems) > 1 else ""
        first = problems[0]
        error = PackError(Msg(first.key, (*first.params[:-1], ("more", more))))
        error.problems = problems
        raise error from None


def load_pack_file(path: Path) -> Pack:
    """Read and validate one pack YAML file."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise PackError(msg("err.pack.not_found", path=path)) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise PackError(msg("err.pack.unreadable", path=path, why=str(exc))) from None
    try:
        data = yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))  # C parser when built
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = msg("err.pack.line", n=mark.line + 1) if mark else ""
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise PackError(msg("err.pack.yaml", path=path, where=where, problem=problem)) from None
    if not isinstance(data, dict):
        raise PackError(msg("err.pack.mapping", path=path))
    return parse_pack(data, str(path))


def builtin_dir() -> Path:
    """Folder holding the built-in packs: ``builtin_packs/`` beside this module when installed
    (package data), else ``packs/`` at the top of a source checkout."""
    here = Path(__file__).resolve().parent
    installed = here / "builtin_packs"
    if any(installed.glob("*.yaml")):
        return installed
    return here.parent / "packs"


def builtin_ids() -> list[str]:
    """Ids of the built-in packs, sorted."""
    return sorted(p.stem for p in builtin_dir().glob("*.yaml") if p.name != "vocabulary.yaml")


@cache
def _load_builtin(pack_id: str) -> Pack:
    return load_pack_file(builtin_dir() / f"{pack_id}.yaml")


def load_pack(name: str) -> Pack:
    """Load a pack by built-in id or by path to a YAML file."""
    if name in builtin_ids():
        return _load_builtin(name)
    path = Path(name)
    if path.suffix.lower() in (".yaml", ".yml") or path.exists():
        return load_pack_file(path)
    raise PackError(msg("err.pack.unknown", name=name, ids=", ".join(builtin_ids())))


def iter_builtin() -> Iterator[Pack]:
    """Every built-in pack, in id order."""
    for pid in builtin_ids():
        yield _load_builtin(pid)


def json_schema() -> dict[str, Any]:
    """JSON Schema of a pack file (for editors' autocompletion)."""
    schema = Pack.model_json_schema(by_alias=True)
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "dutyaudit pack"
    return schema
