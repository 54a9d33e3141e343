"""Explain one duty's verdict: the rows that counted, the rows that almost did (and why not), and
what would satisfy the duty.

Pure logic over ingested :class:`~dutyaudit.model.Activities`; the verdict is computed exactly as
``check`` computes it (same matcher, same evaluator, same waivers).

Near misses (rows that met part of the rule, and why they did not count: see :mod:`dutyaudit.nearmiss`)
are ranked closest first; the first ``limit`` are kept and the total is counted.
"""

from __future__ import annotations

import datetime as dt
import math
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field

from dutyaudit import waivers as waiver_rules
from dutyaudit.audit import infer_unit, infer_year
from dutyaudit.contentkind import kind_from_rows
from dutyaudit.errors import UsageError
from dutyaudit.evaluate import (
    DutyResult,
    Waiver,
    condition_holds,
    condition_text,
    evaluate_duty,
    in_scope,
    items_covered,
    names_persons,
    period_name,
    periods_of,
    person_totals,
    requirement_text,
    sum_value,
    word,
)
from dutyaudit.i18n import Lang, msg, t
from dutyaudit.matching import Hit, Matcher
from dutyaudit.model import Activities, RowWarning
from dutyaudit.nearmiss import REASON_CODES, NearMiss, Reason, _counts, _Judge, near_misses, role_word, rule_text
from dutyaudit.owners import duties_for, owner_covers
from dutyaudit.packmodel import AllOfReq, CountReq, DeadlineReq, Duty, EachReq, Pack, RateReq, SumReq
from dutyaudit.scope import default_role, infer_scope, log_roles, own_role, party_group
from dutyaudit.selection import drop_duplicates, select_unit
from dutyaudit.waivers import expired_warning, resolve, scoped, unknown_duty

#: How many near misses an explanation keeps by default.
NEAR_LIMIT = 20


@dataclass(slots=True)
class Explanation:
    """Everything ``explain`` shows about one duty in one audit."""

    pack: Pack
    duty: Duty
    year: int
    unit: str | None
    result: DutyResult
    """The verdict, as ``check`` gives it."""
    counted: list[Hit]
    """Rows that count towards meeting the duty."""
    near: list[NearMiss]
    """The closest near misses (at most the limit)."""
    near_total: int
    """How many near misses there are in all."""
    requirement: str
    rule: str
    """The match rule in words."""
    needed: str
    """What would satisfy the duty, in words (or that nothing is needed: met, or waived)."""
    applies: bool = True
    """False when the duty's ``years`` do not cover the audit year (check leaves it out)."""
    in_scope: bool = True
    """False when the duty binds another kind of unit or another 责任单位 (check leaves it out)."""
    scope: str = ""
    """Which scope check applies and why (see :mod:`dutyaudit.scope`)."""
    warnings: list[RowWarning] = field(default_factory=list)
    files: list[str] = field(default_factory=list)
    lang: Lang = "zh"

    @property
    def satisfied(self) -> bool:
        """Met or waived (explain exits 0)."""
        return self.result.status in ("met", "waived", "na")


def find_duty(pack: Pack, duty_id: str) -> Duty:
    """The duty with this id or this clause (三(一)6(19)); a UsageError offering the ids it could mean."""
    duty = pack.duty(duty_id)
    if duty is not None:
        return duty
    clause = unicodedata.normalize("NFKC", duty_id).replace(" ", "")
    same = [d for d in pack.duties if unicodedata.normalize("NFKC", d.clause).replace(" ", "") == clause]
    if len(same) == 1:
        return same[0]
    if same:
        ids = [f"{d.id}（{d.label}）" for d in same]
        raise UsageError(msg("err.duty.clause", clause=duty_id, ids=ids))
    raise UsageError(unknown_duty(pack, duty_id))


# ---------------------------------------------------------------- what would satisfy


def _scope(pack: Pack, duty: Duty, year: int, lang: Lang) -> str:
    """'2023年内（限12-01至12-10）、事项含…' — which rows would count."""
    window = duty.requirement.window
    w = t("req.window", lang, from_=window.from_, to=window.to) if window else ""
    return t("explain.scope.rows", lang, year=year, window=w, rule=rule_text(pack, duty, lang))


def needed_text(pack: Pack, duty: Duty, result: DutyResult, hits: Sequence[Hit], year: int, lang: Lang) -> str:
    """What would satisfy the duty, in words ('' when it is met or waived)."""
    if result.status in ("met", "waived", "na"):
        return ""
    req = duty.requirement
    scope = _scope(pack, duty, year, lang)
    in_year = [h for h in hits if in_scope(h.activity, year, req.window)]
    if isinstance(req, CountReq):
        if req.per == "year":
            return t("explain.need.count", lang, n=req.min - len(in_year), scope=scope)
        short = []
        for i, (start, end) in enumerate(periods_of(req.per, year), start=1):
            have = sum(1 for h in in_year if h.activity.date and start <= h.activity.date <= end)
            if have < req.min:
                short.append(t("explain.need.period", lang, period=period_name(req.per, i, lang), n=req.min - have))
        return t("explain.need.periods", lang, list=t("sep", lang).join(short), scope=scope)
    if isinstance(req, DeadlineReq):
        mm, dd = (int(x) for x in req.by.split("-"))
        rule = rule_text(pack, duty, lang)
        return t("explain.need.deadline", lang, by=dt.date(year, mm, dd).isoformat(), scope=rule)
    if isinstance(req, SumReq):
        unit = word(req.unit, lang)
        if req.per_person and names_persons(in_year):
            below = {n: v for n, v in person_totals(req, in_year).items() if v < req.min}
            names = t("sep", lang).join(f"{n} {_fmt(v)}/{_fmt(req.min)}" for n, v in sorted(below.items()))
            return t("explain.need.sum_pp", lang, min=_fmt(req.min), unit=unit, names=names)
        total = sum(sum_value(req, h.activity) or 0.0 for h in in_year)
        return t("explain.need.sum", lang, n=_fmt(req.min - total), unit=unit, scope=scope)
    if isinstance(req, RateReq):
        cond = condition_text(req.where, lang)
        of = word(req.of, lang)
        if not in_year:
            return t("explain.need.rate_none", lang, of=of, scope=scope, cond=cond)
        ok = sum(1 for h in in_year if condition_holds(req.where, h.activity))
        k = max(1, math.ceil(round(req.min * len(in_year) / 100, 6)) - ok)
        return t("explain.need.rate", lang, of=of, k=k, n=len(in_year), ok=ok, cond=cond)
    if isinstance(req, EachReq):
        if not in_year:
            return t("explain.need.evidence", lang, scope=scope)
        bad = sum(1 for h in in_year if not condition_holds(req.where, h.activity))
        return t("explain.need.each", lang, n=bad, cond=condition_text(req.where, lang))
    if isinstance(req, AllOfReq):
        lacking = [name for name, rows in items_covered(req, in_year).items() if not rows]
        return t("explain.need.all_of", lang, names=t("sep", lang).join(lacking), scope=scope)
    return t("explain.need.evidence", lang, scope=scope)


def _fmt(x: float) -> str:
    return str(int(x)) if float(x).is_integer() else f"{x:g}"


# ---------------------------------------------------------------- the explanation


def explain_duty(
    acts: Activities,
    pack: Pack,
    duty_id: str,
    *,
    year: int | None = None,
    unit: str | None = None,
    waivers: Sequence[Waiver] = (),
    today: dt.date | None = None,
    lang: Lang = "zh",
    limit: int | None = NEAR_LIMIT,
) -> Explanation:
    """Explain ``duty_id``'s verdict on ingested logs (``limit``: near misses kept; None or 0 = all).

    Rows, year, unit and waivers are chosen as ``check`` chooses them, so the verdict is the same.
    """
    duty = find_duty(pack, duty_id)
    sel = select_unit(acts, unit, lang)  # the unit's rows, each activity once, as check reads them
    drop_duplicates(sel, pack, lang)
    rows = sel.rows
    audit_year = year if year is not None else infer_year(rows, lang)
    who = unit or sel.unit or infer_unit(acts)
    content = None if who else kind_from_rows([a for a in rows if a.date and a.date.year == audit_year])
    group = party_group(pack, rows)
    scope = infer_scope(pack, who, (), lang, named=log_roles(pack, rows), content=content, group=group)
    owner = unit or sel.unit
    in_scope = duty.role in scope.roles and (
        owner is None or not duty.owners or any(owner_covers(o, owner) for o in duty.owners)
    )
    competing = duties_for(pack, audit_year, scope.roles, owner)  # as check has them compete (exclusive packs)
    matcher = Matcher(
        pack,
        rows,
        [*competing, *([] if duty in competing else [duty])],
        audited=scope.roles,
        default_role=default_role(pack, scope, who),
        own=own_role(pack, scope, who),
    )
    hits = matcher.hits(duty)
    result = evaluate_duty(duty, hits, audit_year, lang)
    active, expired = resolve(scoped(waivers, who), [duty.id], today or waiver_rules.today())
    if duty.id in active:
        result.status, result.waiver = "waived", active[duty.id]
    judge = _Judge(pack, duty, matcher, audit_year, lang)
    counted = [h for h in result.evidence if _counts(h, judge)]
    near = near_misses(pack, duty, matcher, audit_year, {id(h.activity) for h in counted}, lang)
    keep = near[:limit] if limit else near
    if result.status == "waived":
        needed = t("explain.waived", lang)
    elif result.status == "na":
        needed = t("explain.na", lang, shortfall=result.shortfall)
    else:
        needed = needed_text(pack, duty, result, hits, audit_year, lang) or t("explain.nothing_needed", lang)
    return Explanation(
        pack=pack,
        duty=duty,
        year=audit_year,
        unit=who,
        result=result,
        counted=counted,
        near=keep,
        near_total=len(near),
        requirement=requirement_text(duty, lang),
        rule=rule_text(pack, duty, lang),
        needed=needed,
        applies=duty.years is None or duty.years.covers(audit_year),
        in_scope=in_scope,
        scope=scope.reason,
        warnings=[*acts.warnings, *sel.warnings, *(expired_warning(w, lang) for w in expired)],
        files=list(acts.files),
        lang=lang,
    )


__all__ = [
    "NEAR_LIMIT",
    "REASON_CODES",
    "Explanation",
    "NearMiss",
    "Reason",
    "explain_duty",
    "find_duty",
    "near_misses",
    "needed_text",
    "role_word",
    "rule_text",
]
