"""The audit: ingest → match → evaluate, as one pure-ish function returning an :class:`Audit`.

Only ingest reads files; nothing here prints or writes.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from dutyaudit import waivers as waiver_rules
from dutyaudit.contentkind import kind_from_rows
from dutyaudit.errors import InputError, UsageError
from dutyaudit.evaluate import UNSCORED, DutyResult, Waiver, evaluate_duty, grade, score
from dutyaudit.i18n import Lang, msg, t
from dutyaudit.ingest import IngestOptions, ingest
from dutyaudit.ingest.table import PackColumns
from dutyaudit.matching import Matcher
from dutyaudit.model import STATUSES, Activities, Activity, Excluded, RowWarning
from dutyaudit.owners import duties_for
from dutyaudit.packmodel import Pack
from dutyaudit.scope import Scope, default_role, infer_scope, log_roles, own_role, party_group
from dutyaudit.selection import drop_duplicates, pack_date_warning, select_unit, split_year
from dutyaudit.units import title_unit
from dutyaudit.waivers import expired_warning, resolve, scoped


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
    """The one role given with --role (None: several or none; see ``scope``)."""
    lang: Lang = "zh"
    rows_read: int = 0
    extra: dict[str, object] = field(default_factory=dict)
    excluded: list[Excluded] = field(default_factory=list)
    """Rows read but not audited (another year, a duplicate, another unit, no date), with the reason."""
    scope: Scope | None = None
    """Which roles were audited and why (inferred from the unit's kind, or --role)."""

    @property
    def summary(self) -> dict[str, int]:
        counts = Counter(r.status for r in self.results)
        out = {s: counts.get(s, 0) for s in STATUSES}
        out["total"] = len(self.results)
        return out

    @property
    def has_gaps(self) -> bool:
        """Whether any duty is below its requirement (anything but met, waived or na)."""
        return any(r.status not in ("met", *UNSCORED) for r in self.results)

    @property
    def rows_counted(self) -> int:
        """Rows that are evidence for at least one duty."""
        return len({id(h.activity) for r in self.results for h in r.evidence})

    def row_accounting(self) -> dict[str, int]:
        """read = counted + unmatched + excluded (unreadable rows are warnings, never read)."""
        return {
            "read": self.rows_read,
            "counted": self.rows_counted,
            "unmatched": len(self.unmatched),
            "excluded": len(self.excluded),
        }

    def result(self, duty_id: str) -> DutyResult:
        return next(r for r in self.results if r.duty.id == duty_id)


def pack_columns(pack: Pack) -> PackColumns:
    """The extra log columns a pack declares, for ingest."""
    return PackColumns({f.name: (tuple(f.aliases), f.type) for f in pack.fields})


def infer_year(rows: Sequence[Activity], lang: Lang = "zh") -> int:
    """The year most dated rows fall in (the later one on a tie)."""
    years = Counter(a.date.year for a in rows if a.date is not None)
    if not years:
        raise InputError(msg("err.no_dated_rows"))
    return max(years.items(), key=lambda kv: (kv[1], kv[0]))[0]


def infer_unit(acts: Activities) -> str | None:
    """The unit a log belongs to: one value of its unit column, else the title row's leading name."""
    units = {a.unit for a in acts.rows if a.unit}
    if len(units) == 1:
        return units.pop()
    return title_unit(acts.titles)


def _roles(role: str | Sequence[str] | None) -> tuple[str, ...]:
    if role is None:
        return ()
    return (role,) if isinstance(role, str) else tuple(role)


def run_audit(
    acts: Activities,
    pack: Pack,
    *,
    year: int | None = None,
    role: str | Sequence[str] | None = None,
    unit: str | None = None,
    label: str | None = None,
    check_units: bool = True,
    waivers: Sequence[Waiver] = (),
    lang: Lang = "zh",
    today: dt.date | None = None,
) -> Audit:
    """Audit ingested activities against a pack.

    ``role`` (one or several role ids) narrows the duties; without it the unit's kind does (see
    :mod:`dutyaudit.scope`). ``unit`` (--unit) must be a unit the log names (or the log names none); a log
    naming several units without it is an error (unless ``check_units`` is False: batch --by has split the
    rows by unit already). ``label`` is a unit name the caller already knows (batch): it names the audit and
    sets the scope.
    ``waivers`` are the entries that apply to this unit (see :func:`dutyaudit.waivers.scoped`); one that
    expired before ``today`` (default: :func:`dutyaudit.waivers.today`) is not applied and becomes a
    warning instead.
    """
    roles = _roles(role)
    sel = select_unit(acts, unit, lang, check=check_units)
    drop_duplicates(sel, pack, lang)
    audit_year = year if year is not None else infer_year(sel.rows, lang)
    rows = split_year(sel, audit_year, lang)
    audit_unit = unit or label or sel.unit or infer_unit(acts)
    content = None if (roles or audit_unit) else kind_from_rows(rows)
    scope = infer_scope(
        pack,
        audit_unit,
        roles,
        lang,
        named=() if roles else log_roles(pack, sel.rows),
        content=content,
        group=None if roles else party_group(pack, rows),
    )
    owner = unit or label or (None if roles else sel.unit)  # --role without --unit: every owner's duties
    duties = duties_for(pack, audit_year, scope.roles, owner)
    if not duties:
        within = t("sep", lang).join([*roles, *([owner] if owner else [])]) or "—"
        raise UsageError(msg("err.no_duties", pack=pack.id, year=audit_year, within=within))
    matcher = Matcher(
        pack,
        rows,
        duties,
        audited=scope.roles,
        default_role=default_role(pack, scope, audit_unit),
        own=own_role(pack, scope, audit_unit),
    )
    by_id, expired = resolve(waivers, (d.id for d in duties), today or waiver_rules.today())
    results = []
    used: set[int] = set()
    notes: dict[tuple[object, ...], RowWarning] = {}
    for duty in duties:
        hits = matcher.hits(duty)
        res = evaluate_duty(duty, hits, audit_year, lang)
        used.update(id(h.activity) for h in res.evidence)
        for n in res.notes:
            notes.setdefault((n.file, n.sheet, n.row, n.message), n)
        w = by_id.get(duty.id)
        if w is not None:
            res.status, res.waiver = "waived", w
        results.append(res)
    unmatched = [a for a in rows if id(a) not in used]
    total = score(results)
    late_pack = pack_date_warning(pack, audit_year, acts.files, lang)
    return Audit(
        pack=pack,
        year=audit_year,
        unit=audit_unit,
        results=results,
        score=total,
        grade=grade(total, pack.grades),
        unmatched=unmatched,
        warnings=[
            *acts.warnings,
            *sel.warnings,
            *notes.values(),
            *([late_pack] if late_pack else []),
            *(expired_warning(w, lang) for w in expired),
        ],
        files=list(acts.files),
        role=roles[0] if len(roles) == 1 else None,
        lang=lang,
        rows_read=len(acts.rows),
        excluded=sel.excluded,
        scope=scope,
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
    role: str | Sequence[str] | None = None,
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
