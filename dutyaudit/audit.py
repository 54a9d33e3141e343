"""The audit: ingest → match → evaluate, as one pure-ish function returning an :class:`Audit`.

Only ingest reads files; nothing here prints or writes.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from dutyaudit import waivers as waiver_rules
from dutyaudit.errors import InputError, UsageError
from dutyaudit.evaluate import DutyResult, Waiver, evaluate_duty, grade, in_scope, score
from dutyaudit.i18n import Lang, msg
from dutyaudit.ingest import IngestOptions, ingest
from dutyaudit.ingest.table import PackColumns
from dutyaudit.matching import Matcher
from dutyaudit.model import STATUSES, Activities, Activity, RowWarning
from dutyaudit.packs import Pack, duties_for
from dutyaudit.waivers import expired_warning, resolve, scoped

_UNIT_IN_TITLE = re.compile(r"^\s*(.{2,30}?)\s*(?:(?:19|20)\d\d|[一二三四五六七八九〇零○OoＯｏ]{4})\s*年")


@dataclass(slots=True)
class Audit:
    """Everything a renderer needs: the pack, the year, the verdicts, the leftovers, the warnings."""

    pack: Pack
    year: int
    unit: str | None
    results: list[DutyResult]
    score: float
    grade: str | None
    unmatched: list[Activity]
    warnings: list[RowWarning]
    files: list[str]
    role: str | None = None
    lang: Lang = "zh"
    rows_read: int = 0
    extra: dict[str, object] = field(default_factory=dict)

    @property
    def summary(self) -> dict[str, int]:
        counts = Counter(r.status for r in self.results)
        out = {s: counts.get(s, 0) for s in STATUSES}
        out["total"] = len(self.results)
        return out

    @property
    def has_gaps(self) -> bool:
        """Whether any duty is below its requirement (anything but met or waived)."""
        return any(r.status not in ("met", "waived") for r in self.results)

    def result(self, duty_id: str) -> DutyResult:
        return next(r for r in self.results if r.duty.id == duty_id)


def pack_columns(pack: Pack) -> PackColumns:
    """The extra log columns a pack declares, for ingest."""
    return PackColumns({f.name: (tuple(f.aliases), f.type) for f in pack.fields})


def infer_year(rows: Sequence[Activity]) -> int:
    """The year most dated rows fall in (the later one on a tie)."""
    years = Counter(a.date.year for a in rows if a.date is not None)
    if not years:
        raise InputError(msg("err.audit.no_dated"))
    return max(years.items(), key=lambda kv: (kv[1], kv[0]))[0]


def infer_unit(acts: Activities) -> str | None:
    """The unit a log belongs to: one value of its unit column, else the title row's leading name."""
    units = {a.unit for a in acts.rows if a.unit}
    if len(units) == 1:
        return units.pop()
    for title in acts.titles:
        m = _UNIT_IN_TITLE.match(title)
        if m:
            return m.group(1).strip(" ：:（(")
    return None


def unit_rows(rows: list[Activity], unit: str | None) -> list[Activity]:
    """The rows of one unit when the log has a unit column (rows without a unit stay)."""
    if unit is None or not any(a.unit for a in rows):
        return rows
    return [a for a in rows if not a.unit or unit in a.unit or a.unit in unit]


def run_audit(
    acts: Activities,
    pack: Pack,
    *,
    year: int | None = None,
    role: str | None = None,
    unit: str | None = None,
    waivers: Sequence[Waiver] = (),
    lang: Lang = "zh",
    today: dt.date | None = None,
) -> Audit:
    """Audit ingested activities against a pack.

    ``waivers`` are the entries that apply to this unit (see :func:`dutyaudit.waivers.scoped`); one
    that expired before ``today`` (default: :func:`dutyaudit.waivers.today`) is not applied and
    becomes a warning instead.
    """
    if role is not None and role not in pack.roles:
        raise UsageError(msg("err.audit.role", role=role, pack=pack.id, roles=", ".join(pack.roles)))
    rows = unit_rows(acts.rows, unit)
    audit_year = year if year is not None else infer_year(rows)
    duties = duties_for(pack, audit_year, role, unit)
    if not duties:
        for_role = msg("err.audit.no_duties.role", role=role) if role else ""
        for_unit = msg("err.audit.no_duties.unit", unit=unit) if unit else ""
        raise UsageError(msg("err.audit.no_duties", pack=pack.id, year=audit_year, role=for_role, unit=for_unit))
    matcher = Matcher(pack, rows)
    by_id, expired = resolve(waivers, (d.id for d in duties), today or waiver_rules.today())
    results = []
    used: set[int] = set()
    for duty in duties:
        hits = matcher.hits(duty)
        res = evaluate_duty(duty, hits, audit_year, lang)
        used.update(id(h.activity) for h in res.evidence)
        w = by_id.get(duty.id)
        if w is not None:
            res.status, res.waiver = "waived", w
        results.append(res)
    unmatched = [a for a in rows if id(a) not in used and in_scope(a, audit_year, None)]
    total = score(results)
    return Audit(
        pack=pack,
        year=audit_year,
        unit=unit or infer_unit(acts),
        results=results,
        score=total,
        grade=grade(total, pack.grades),
        unmatched=unmatched,
        warnings=[*acts.warnings, *(expired_warning(w, lang) for w in expired)],
        files=list(acts.files),
        role=role,
        lang=lang,
        rows_read=len(acts.rows),
    )


def read_logs(
    paths: Sequence[Path],
    pack: Pack,
    *,
    year: int | None = None,
    mapping: dict[str, str] | None = None,
    encoding: str | None = None,
) -> Activities:
    """Ingest logs with the extra columns ``pack`` declares."""
    options = IngestOptions(year=year, mapping=mapping or {}, encoding=encoding, pack_columns=pack_columns(pack))
    return ingest(paths, options)


def audit_paths(
    paths: Sequence[Path],
    pack: Pack,
    *,
    year: int | None = None,
    role: str | None = None,
    unit: str | None = None,
    mapping: dict[str, str] | None = None,
    encoding: str | None = None,
    waivers: Sequence[Waiver] = (),
    lang: Lang = "zh",
    today: dt.date | None = None,
) -> Audit:
    """Read logs and audit them as one unit's year.

    A waiver naming a unit applies only when it is the audited unit (``unit``, else the one the log names).
    """
    acts = read_logs(paths, pack, year=year, mapping=mapping, encoding=encoding)
    mine = scoped(waivers, unit or infer_unit(acts))
    return run_audit(acts, pack, year=year, role=role, unit=unit, waivers=mine, lang=lang, today=today)
