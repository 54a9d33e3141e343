"""Waivers: accepted exceptions for duties, read from a YAML file and checked against a pack.

A waivers file is either a list of entries or a mapping ``{pack: ID, waivers: [...]}`` (``pack`` is
optional; when given it must be the audited pack). Each entry::

    - duty: gov-07                      # required: a duty id of the pack
      reason: 本年度无重大行政决策事项      # required: why the duty does not apply
      approved_by: 县委依法治县办          # optional: who accepted it
      expires: 2024-03-31                # optional: last day it holds (YYYY-MM-DD)
      unit: 盘山县                        # optional: only for this unit (else every unit)

A waived duty gets status ``waived`` and leaves the score's denominator. An expired waiver is not
applied: the duty is judged as usual and the audit carries a warning. Expiry is judged against
today's date (:func:`today`, which tests replace). Loading validates the whole file before any audit
runs: a malformed entry or an unknown duty is a :class:`~dutyaudit.errors.WaiverError` naming the
file and the entry.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import yaml

from dutyaudit.errors import WaiverError
from dutyaudit.evaluate import Waiver
from dutyaudit.i18n import Lang, Msg, msg, t
from dutyaudit.ingest.text import fold
from dutyaudit.model import RowWarning
from dutyaudit.packmodel import Pack

#: Keys an entry may have.
ENTRY_KEYS = ("duty", "reason", "approved_by", "expires", "unit")
_DATE = re.compile(r"\s*(\d{4})\s*[-./年]\s*(\d{1,2})\s*[-./月]\s*(\d{1,2})\s*日?\s*")


class _Loader(yaml.SafeLoader):
    """Safe YAML without implicit timestamps: dates stay text, so a bad one is reported with its entry."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def today() -> dt.date:
    """The date expiry is judged against (today; tests monkeypatch this function)."""
    return dt.date.today()


def close_duty_ids(pack: Pack, duty_id: str, n: int = 5) -> list[str]:
    """Duty ids of ``pack`` that look like ``duty_id`` (for "did you mean")."""
    ids = [d.id for d in pack.duties]
    want = _unpad(duty_id.strip().lower())
    same = [i for i in ids if _unpad(i) == want]  # party-1 → party-01
    close = difflib.get_close_matches(want, [_unpad(i) for i in ids], n=n, cutoff=0.5)
    by_unpadded = {_unpad(i): i for i in ids}
    contains = [i for i in ids if want and (want in _unpad(i) or _unpad(i) in want)]
    return list(dict.fromkeys([*same, *(by_unpadded[c] for c in close), *contains]))[:n]


def _unpad(s: str) -> str:
    """'party-01' → 'party-1': leading zeros of numbers do not matter when guessing ids."""
    return re.sub(r"(?<!\d)0+(?=\d)", "", s)


def unknown_duty(pack: Pack, duty_id: str) -> Msg:
    """'unknown duty 'x' in pack p; did you mean a, b?' (or where to find the ids)."""
    close = close_duty_ids(pack, duty_id)
    hint = msg("err.duty.did_you_mean", ids=", ".join(close)) if close else msg("err.duty.see", pack=pack.id)
    return msg("err.duty.unknown", duty=duty_id, pack=pack.id, hint=hint)


def _text(entry: dict[str, Any], key: str, where: str | Msg, required: bool) -> str | None:
    value = entry.get(key)
    if value is None:
        if required:
            raise WaiverError(msg("err.waiver.required", where=where, key=key))
        return None
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        raise WaiverError(msg("err.waiver.text", where=where, key=key, got=type(value).__name__))
    text = str(value).strip()
    if not text:
        if required:
            raise WaiverError(msg("err.waiver.empty", where=where, key=key))
        return None
    return text


def _date(value: Any, where: str | Msg) -> dt.date | None:
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    m = _DATE.fullmatch(value) if isinstance(value, str) else None
    if m:
        try:
            return dt.date(*(int(g) for g in m.groups()))
        except ValueError:
            pass
    raise WaiverError(msg("err.waiver.date", where=where, value=value))


def parse_waivers(data: Any, pack: Pack, origin: str) -> list[Waiver]:
    """Validate parsed YAML as a waivers file for ``pack``; errors name ``origin`` and the entry."""
    if data is None:
        return []
    entries = data
    if isinstance(data, dict):
        unknown = sorted(set(data) - {"pack", "waivers"})
        if unknown:
            raise WaiverError(msg("err.waiver.top_key", origin=origin, key=unknown[0]))
        if data.get("pack") not in (None, pack.id):
            raise WaiverError(msg("err.waiver.pack", origin=origin, theirs=data["pack"], ours=pack.id))
        entries = data.get("waivers") or []
    if not isinstance(entries, list):
        raise WaiverError(msg("err.waiver.list", origin=origin))
    out: list[Waiver] = []
    seen: dict[tuple[str, str | None], int] = {}
    for n, entry in enumerate(entries, start=1):
        where: Msg = msg("err.waiver.entry", origin=origin, n=n)
        if not isinstance(entry, dict):
            raise WaiverError(msg("err.waiver.mapping", where=where, entry=entry))
        duty = _text(entry, "duty", where, required=True)
        assert duty is not None
        where = msg("err.waiver.entry_duty", where=where, duty=duty)
        extra = sorted(str(k) for k in entry if k not in ENTRY_KEYS)
        if extra:
            raise WaiverError(msg("err.waiver.key", where=where, key=extra[0], keys=", ".join(ENTRY_KEYS)))
        if pack.duty(duty) is None:
            raise WaiverError(msg("err.waiver.duty", where=where, why=unknown_duty(pack, duty)))
        reason = _text(entry, "reason", where, required=True)
        assert reason is not None
        unit = _text(entry, "unit", where, required=False)
        key = (duty, fold(unit) if unit else None)
        if key in seen:
            who = msg("err.waiver.twice.unit", unit=unit) if unit else ""
            raise WaiverError(msg("err.waiver.twice", where=where, duty=duty, who=who, first=seen[key]))
        seen[key] = n
        out.append(
            Waiver(
                duty=duty,
                reason=reason,
                approved_by=_text(entry, "approved_by", where, required=False),
                expires=_date(entry.get("expires"), where),
                unit=unit,
                source=origin,
                entry=n,
            )
        )
    return out


def load_waivers(path: Path, pack: Pack) -> list[Waiver]:
    """Read and validate a waivers YAML file against ``pack``."""
    try:
        text = Path(path).read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise WaiverError(msg("err.waiver.not_found", path=path)) from None
    except IsADirectoryError:
        raise WaiverError(msg("err.waiver.folder", path=path)) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise WaiverError(msg("err.waiver.unreadable", path=path, why=str(exc))) from None
    try:
        data = yaml.load(text, Loader=_Loader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = msg("err.waiver.line", n=mark.line + 1) if mark else ""
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise WaiverError(msg("err.waiver.yaml", path=path, where=where, problem=problem)) from None
    return parse_waivers(data, pack, str(path))


def same_unit(a: str, b: str) -> bool:
    """Whether two unit names are the same unit (compared after NFKC, case and whitespace folding)."""
    return fold(a) == fold(b)


def scoped(waivers: Iterable[Waiver], unit: str | None) -> list[Waiver]:
    """The entries that apply to ``unit``: those without a unit, and those naming it."""
    return [w for w in waivers if w.unit is None or (unit is not None and same_unit(w.unit, unit))]


def resolve(waivers: Sequence[Waiver], duty_ids: Iterable[str], on: dt.date) -> tuple[dict[str, Waiver], list[Waiver]]:
    """Which waiver applies to each duty on day ``on``, and the expired entries to warn about.

    A unit's own entry wins over a general one. An expired entry is reported only when no other
    entry waives that duty; entries for duties outside ``duty_ids`` are ignored.
    """
    wanted = set(duty_ids)
    active: dict[str, Waiver] = {}
    expired: dict[str, Waiver] = {}
    for w in sorted(waivers, key=lambda w: w.unit is None):  # unit-specific entries first
        if w.duty not in wanted or w.duty in active:
            continue
        if w.expired(on):
            expired.setdefault(w.duty, w)
        else:
            active[w.duty] = w
    return active, [w for d, w in expired.items() if d not in active]


def expired_warning(w: Waiver, lang: Lang) -> RowWarning:
    """The warning an expired waiver leaves: file = the waivers file, row = the entry number."""
    date = w.expires.isoformat() if w.expires else "?"
    return RowWarning(w.source or "waivers", None, w.entry, msg=msg("waiver.expired_warning", duty=w.duty, date=date))


def waiver_text(w: Waiver, lang: Lang) -> str:
    """'豁免：理由（批准：X；有效至2024-03-31）' — a waiver in one cell."""
    details = []
    if w.approved_by:
        details.append(t("waiver.approved_by", lang, who=w.approved_by))
    if w.expires:
        details.append(t("waiver.until", lang, date=w.expires.isoformat()))
    text = t("waiver.text", lang, reason=w.reason)
    if details:
        text += t("waiver.details", lang, details=t("waiver.sep", lang).join(details))
    return text


def waiver_dict(w: Waiver) -> dict[str, Any]:
    """The contract's ``"waiver"`` object: reason, approved_by, expires."""
    return {"reason": w.reason, "approved_by": w.approved_by, "expires": w.expires.isoformat() if w.expires else None}
