"""Evaluation: one function per requirement kind turns a duty's hits into a verdict; then the score.

Verdicts and score follow the contract: credit 1 for met, found/required (capped at 1) for partial,
0.5 for late, 0 for missing; waived and not-applicable (``na``) duties leave the denominator.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from dutyaudit.conditions import as_number, condition_holds, condition_text, field_value
from dutyaudit.conditions import tidy as _num
from dutyaudit.i18n import LABELS, Lang, Msg, msg, t
from dutyaudit.ingest.text import normalize
from dutyaudit.matching import Hit
from dutyaudit.model import Activity, RowWarning
from dutyaudit.packmodel import AllOfReq, CountReq, DeadlineReq, Duty, EachReq, EvidenceReq, RateReq, SumReq, Window

_PERSON_SPLIT = re.compile(r"[、,，;；/\s]+")


@dataclass(frozen=True, slots=True)
class Waiver:
    """An accepted exception for one duty (from a waivers file)."""

    duty: str
    reason: str
    approved_by: str | None = None
    expires: dt.date | None = None
    """Last day the waiver holds (None: no expiry)."""
    unit: str | None = None
    """The unit it applies to (None: every unit)."""
    source: str | None = None
    """The waivers file it came from (for warnings)."""
    entry: int | None = None
    """Its 1-based position in that file."""

    def expired(self, today: dt.date) -> bool:
        """Whether the waiver no longer holds on ``today`` (it holds through its ``expires`` day)."""
        return self.expires is not None and self.expires < today


@dataclass(slots=True)
class DutyResult:
    """The verdict on one duty, with the rows behind it."""

    duty: Duty
    status: str
    required: float
    found: float
    shortfall: str
    evidence: list[Hit] = field(default_factory=list)
    waiver: Waiver | None = None
    notes: list[RowWarning] = field(default_factory=list)
    """Warnings about the rows behind the verdict (a blank 学时 or person cell); the audit lists them."""

    @property
    def credit(self) -> float:
        if self.status == "met":
            return 1.0
        if self.status == "late":
            return 0.5
        if self.status == "partial":
            return min(self.found / self.required, 1.0) if self.required else 0.0
        return 0.0


def in_window(d: dt.date, window: Window | None) -> bool:
    """Whether a date falls inside an MM-DD window (inclusive; a window may wrap the new year)."""
    if window is None:
        return True
    md = f"{d.month:02d}-{d.day:02d}"
    if window.from_ <= window.to:
        return window.from_ <= md <= window.to
    return md >= window.from_ or md <= window.to


def in_scope(a: Activity, year: int, window: Window | None) -> bool:
    """Whether a row is dated in the audit year (and inside the window, if any)."""
    return a.date is not None and a.date.year == year and in_window(a.date, window)


def word(w: str, lang: Lang) -> str:
    """A pack's common unit or item word (学时, 案件 …) in ``lang``; other words stay as written."""
    key = f"ui.word.{w}"
    return t(key, lang) if key in LABELS else w


def periods_of(per: str, year: int) -> list[tuple[dt.date, dt.date]]:
    """The (first day, last day) of each ``per`` period of ``year``."""
    if per == "year":
        return [(dt.date(year, 1, 1), dt.date(year, 12, 31))]
    months = {"half": 6, "quarter": 3, "month": 1}[per]
    out = []
    for start in range(1, 13, months):
        end_m = start + months - 1
        end = dt.date(year, end_m + 1, 1) - dt.timedelta(days=1) if end_m < 12 else dt.date(year, 12, 31)
        out.append((dt.date(year, start, 1), end))
    return out


def period_name(per: str, i: int, lang: Lang) -> str:
    """上半年 / Q2 / 3月 … for period ``i`` (1-based)."""
    if per == "half":
        return t("period.half", lang, n=t(f"half.{i}", lang), i=i)
    return t(f"period.{per}", lang, i=i)


def _day(h: Hit) -> dt.date:
    """The date of an in-scope hit (in_scope guarantees it has one)."""
    assert h.activity.date is not None
    return h.activity.date


def _count(duty: Duty, req: CountReq, hits: list[Hit], year: int, lang: Lang) -> DutyResult:
    periods = periods_of(req.per, year)
    counts = [sum(1 for h in hits if s <= _day(h) <= e) for s, e in periods]
    if req.per == "year":
        found = counts[0]
        required = req.min
    else:
        found = sum(min(c, req.min) for c in counts)
        required = req.min * len(periods)
    short_periods = [period_name(req.per, i + 1, lang) for i, c in enumerate(counts) if c < req.min]
    if not short_periods:
        return DutyResult(duty, "met", required, found, "", hits)
    status = "partial" if hits else "missing"
    if req.per == "year":
        shortfall = t("short.count", lang, n=req.min - found)
    else:
        shortfall = t("short.periods", lang, periods=t("sep", lang).join(short_periods), min=req.min)
    return DutyResult(duty, status, required, found, shortfall, hits)


def deadline_day(req: DeadlineReq, year: int) -> dt.date:
    """The deadline (``by``, MM-DD) in the audit year."""
    mm, dd = (int(x) for x in req.by.split("-"))
    return dt.date(year, mm, dd)


def _deadline(duty: Duty, req: DeadlineReq, hits: list[Hit], year: int, lang: Lang) -> DutyResult:
    by = deadline_day(req, year)
    on_time = [h for h in hits if _day(h) <= by]
    if on_time:
        return DutyResult(duty, "met", 1, len(hits), "", hits)
    if hits:
        first = min(_day(h) for h in hits)
        return DutyResult(
            duty, "late", 1, len(hits), t("short.late", lang, date=first.isoformat(), by=by.isoformat()), hits
        )
    return DutyResult(duty, "missing", 1, 0, t("short.deadline_missing", lang, by=by.isoformat()), hits)


def _against(duty: Duty, value: float, minimum: float, shortfall: str, hits: list[Hit]) -> DutyResult:
    """met when ``value`` reaches ``minimum``, else partial with ``shortfall``."""
    if value >= minimum:
        return DutyResult(duty, "met", _num(minimum), _num(value), "", hits)
    return DutyResult(duty, "partial", _num(minimum), _num(value), shortfall, hits)


def sum_value(req: SumReq, a: Activity) -> float | None:
    """The number a row adds to a sum (None when its field holds no number)."""
    return as_number(field_value(a, req.field))


def person_totals(req: SumReq, hits: Sequence[Hit]) -> dict[str, float]:
    """Per-person sums for ``per_person`` duties (names split on 、,; / and spaces; rows naming nobody are left out)."""
    per: dict[str, float] = defaultdict(float)
    for h in hits:
        for n in _PERSON_SPLIT.split(h.activity.actor):
            if n:
                per[n] += sum_value(req, h.activity) or 0.0
    return dict(per)


def names_persons(hits: Sequence[Hit]) -> bool:
    """Whether any row names a person (else a per-person duty is summed for the unit)."""
    return any(h.activity.actor.strip() for h in hits)


def _note(a: Activity, why: Msg) -> RowWarning:
    return RowWarning(a.file, a.sheet, a.row, msg=why)


def _sum_notes(duty: Duty, req: SumReq, hits: list[Hit], by_person: bool, lang: Lang) -> list[RowWarning]:
    """A warning for each row whose number (or, per person, whose person) is blank, and one when no row names anyone."""
    notes = []
    field_name = word(req.unit, lang) if req.field == "hours" else req.field
    for h in hits:
        a = h.activity
        if sum_value(req, a) is None:
            notes.append(_note(a, msg("warn.sum_blank", label=duty.label, field=field_name, title=a.title)))
        if by_person and not a.actor.strip():
            notes.append(_note(a, msg("warn.person_blank", label=duty.label, title=a.title)))
    if req.per_person and not by_person:
        first = hits[0].activity
        notes.append(RowWarning(first.file, None, None, msg=msg("warn.no_persons", label=duty.label, id=duty.id)))
    return notes


def _sum(duty: Duty, req: SumReq, hits: list[Hit], year: int, lang: Lang) -> DutyResult:
    def value(h: Hit) -> float:
        return sum_value(req, h.activity) or 0.0

    if not hits:
        return DutyResult(duty, "missing", req.min, 0, t("short.missing", lang), hits)
    by_person = req.per_person and names_persons(hits)
    notes = _sum_notes(duty, req, hits, by_person, lang)
    if not by_person:
        total = sum(value(h) for h in hits)
        res = _against(
            duty, total, req.min, t("short.sum", lang, n=_num(req.min - total), unit=word(req.unit, lang)), hits
        )
        res.notes = notes
        return res
    per = person_totals(req, hits)
    below = {n: v for n, v in per.items() if v < req.min}
    found = len(per) - len(below)
    if not below:
        return DutyResult(duty, "met", len(per), found, "", hits, notes=notes)
    listed = t("sep", lang).join(f"{n} {_num(v)}/{_num(req.min)}" for n, v in sorted(below.items()))
    short = t("short.persons", lang, n=len(below), names=listed)
    return DutyResult(duty, "partial", len(per), found, short, hits, notes=notes)


def _rate(duty: Duty, req: RateReq, hits: list[Hit], year: int, lang: Lang) -> DutyResult:
    if not hits:  # nothing to measure: not applicable, not a failure
        return DutyResult(duty, "na", _num(req.min), 0, t("short.na", lang, of=word(req.of, lang)), hits)
    ok = sum(1 for h in hits if condition_holds(req.where, h.activity))
    pct = round(100.0 * ok / len(hits), 1)
    return _against(duty, pct, req.min, t("short.rate", lang, n=_num(round(req.min - pct, 1))), hits)


def _each(duty: Duty, req: EachReq, hits: list[Hit], year: int, lang: Lang) -> DutyResult:
    if not hits:
        return DutyResult(duty, "missing", 0, 0, t("short.missing", lang), hits)
    bad = [h for h in hits if not condition_holds(req.where, h.activity)]
    found = len(hits) - len(bad)
    if not bad:
        return DutyResult(duty, "met", len(hits), found, "", hits)
    rows = t("sep", lang).join(f"{h.activity.sheet}!{h.activity.row}" for h in bad[:10])
    return DutyResult(duty, "partial", len(hits), found, t("short.each", lang, n=len(bad), rows=rows), hits)


def row_text(a: Activity) -> str:
    """A row's normalised title and the text of its other columns, for finding named items."""
    others = " ".join(v for v in a.extra.values() if isinstance(v, str))
    return a.key + "\x00" + normalize(others) if others else a.key


def items_covered(req: AllOfReq, hits: Sequence[Hit]) -> dict[str, list[Hit]]:
    """Each item's name → the rows that name it (an item may be named as any of its ``|`` alternatives)."""
    names = req.names()
    wanted = [
        (name, [normalize(w) for w in item.split("|") if w.strip()])
        for name, item in zip(names, req.items, strict=True)
    ]
    out: dict[str, list[Hit]] = {name: [] for name, _ in wanted}
    for h in hits:
        text = row_text(h.activity)
        for name, words in wanted:
            if any(w in text for w in words):
                out[name].append(h)
    return out


def _all_of(duty: Duty, req: AllOfReq, hits: list[Hit], year: int, lang: Lang) -> DutyResult:
    n = len(req.items)
    if not hits:
        return DutyResult(duty, "missing", n, 0, t("short.missing", lang), hits)
    covered = items_covered(req, hits)
    lacking = [name for name, rows in covered.items() if not rows]
    if not lacking:
        return DutyResult(duty, "met", n, n, "", hits)
    short = t("short.all_of", lang, names=t("sep", lang).join(lacking))
    return DutyResult(duty, "partial", n, n - len(lacking), short, hits)


def _evidence(duty: Duty, req: EvidenceReq, hits: list[Hit], year: int, lang: Lang) -> DutyResult:
    if hits:
        return DutyResult(duty, "met", 1, len(hits), "", hits)
    return DutyResult(duty, "missing", 1, 0, t("short.missing", lang), hits)


_KINDS: dict[type, Callable[..., DutyResult]] = {
    CountReq: _count,
    DeadlineReq: _deadline,
    SumReq: _sum,
    RateReq: _rate,
    EachReq: _each,
    AllOfReq: _all_of,
    EvidenceReq: _evidence,
}


def evaluate_duty(duty: Duty, hits: Sequence[Hit], year: int, lang: Lang = "zh") -> DutyResult:
    """Verdict on one duty from its matching rows (rows outside the year or window are dropped)."""
    req = duty.requirement
    in_year = [h for h in hits if in_scope(h.activity, year, req.window)]
    return _KINDS[type(req)](duty, req, in_year, year, lang)


def requirement_text(duty: Duty, lang: Lang = "zh") -> str:
    """A duty's requirement in words (至少1次/每半年; 3月1日前完成; …)."""
    req = duty.requirement
    if isinstance(req, CountReq):
        text = t("req.count", lang, per=t(f"per.{req.per}", lang), min=req.min)
    elif isinstance(req, DeadlineReq):
        mm, dd = req.by.split("-")
        text = t("req.deadline", lang, mm=int(mm), dd=int(dd))
    elif isinstance(req, SumReq):
        text = t("req.sum_pp" if req.per_person else "req.sum", lang, min=_num(req.min), unit=word(req.unit, lang))
    elif isinstance(req, RateReq):
        text = t("req.rate", lang, of=word(req.of, lang), min=_num(req.min))
    elif isinstance(req, EachReq):
        text = t("req.each", lang, cond=condition_text(req.where, lang))
    elif isinstance(req, AllOfReq):
        text = t("req.all_of", lang, names=t("sep", lang).join(req.names()))
    else:
        text = t("req.evidence", lang)
    if req.window is not None:
        text += t("req.window", lang, from_=req.window.from_, to=req.window.to)
    return text


#: Statuses left out of the score's denominator.
UNSCORED = ("waived", "na")


def score(results: Sequence[DutyResult]) -> float:
    """100 × Σ weight·credit / Σ weight over duties neither waived nor na (100 when none is left)."""
    counted = [r for r in results if r.status not in UNSCORED]
    total = sum(r.duty.weight for r in counted)
    if not total:
        return 100.0
    return round(100.0 * sum(r.duty.weight * r.credit for r in counted) / total, 1)


def grade(value: float, bands: dict[str, float]) -> str | None:
    """The highest band whose lower bound the score reaches (None if the pack has no bands)."""
    for name, bound in sorted(bands.items(), key=lambda kv: -kv[1]):
        if value >= bound:
            return name
    return None
