"""Explain one duty's verdict: the rows that counted, the rows that almost did (and why not), and
what would satisfy the duty.

Pure logic over ingested :class:`~dutyaudit.model.Activities`; the verdict is computed exactly as
``check`` computes it (same matcher, same evaluator, same waivers).

A *near miss* is a row that meets part of the duty's rule but not all of it. The rule's keyword
groups are its ``all`` entries (one each) and its ``any`` list (one group). A row is a near miss when
its title holds every group but it fails on an excluded word, role, type, date, deadline, the
requirement's condition or a missing number; or when its title holds at least half of the groups,
one of them an ``all`` entry (the ``any`` words alone — 法治, 法律 — are too common to mean much).
Near misses are ranked by how few reasons they fail on, then by how many keywords they hold, then
by log order; the first ``limit`` are kept and the total is counted.
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
    deadline_day,
    evaluate_duty,
    field_label,
    in_scope,
    in_window,
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
from dutyaudit.matching import CompiledMatch, Hit, Matcher
from dutyaudit.model import Activities, Activity, RowWarning
from dutyaudit.packs import AllOfReq, CountReq, DeadlineReq, Duty, EachReq, Pack, RateReq, SumReq, owner_covers
from dutyaudit.scope import infer_scope, log_roles
from dutyaudit.selection import drop_duplicates, select_unit
from dutyaudit.waivers import expired_warning, resolve, scoped, unknown_duty

#: How many near misses an explanation keeps by default.
NEAR_LIMIT = 20

#: Reason codes, in the order they are listed for a row.
REASON_CODES = (
    "keyword",
    "any",
    "excluded",
    "role",
    "type",
    "undated",
    "year",
    "window",
    "late",
    "condition",
    "no_value",
)


@dataclass(frozen=True, slots=True)
class Reason:
    """Why a row did not count: a stable ``code``, a language-neutral ``detail`` and a ``message``."""

    code: str
    """One of REASON_CODES."""
    detail: str
    """The value behind it: the missing keyword (A|B), the row's year, role id, type id, date …"""
    message: str
    """The reason in words, in the explanation's language."""


@dataclass(frozen=True, slots=True)
class NearMiss:
    """A row that met part of the duty's rule, with every reason it did not count."""

    activity: Activity
    keywords: tuple[str, ...]
    """The rule's keywords (as the pack writes them) found in the title."""
    type: str | None
    role: str | None
    """The row's role id (None: the log does not say)."""
    reasons: tuple[Reason, ...]


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


# ---------------------------------------------------------------- words


def _quote(words: Sequence[str], lang: Lang, joiner: str) -> str:
    return joiner.join(t("ui.q", lang, w=w) for w in words)


def _alts(entry: Sequence[tuple[str, str]], lang: Lang) -> str:
    """'“听取”或“审议”' — the alternatives of one ``all`` entry."""
    return _quote([w for _, w in entry], lang, t("ui.or", lang))


def _list(words: Sequence[str], lang: Lang) -> str:
    return _quote(words, lang, "" if lang == "zh" else ", ")


def _types(types: Sequence[str], lang: Lang) -> str:
    names = [t(f"ui.type.{x}", lang) for x in types]
    return t("ui.or", lang).join(names)


def role_word(pack: Pack, role_id: str, lang: Lang) -> str:
    """A role for people: the pack's role name in Chinese, the role id in English."""
    return pack.roles[role_id].name if lang == "zh" and role_id in pack.roles else role_id


def rule_text(pack: Pack, duty: Duty, lang: Lang) -> str:
    """The duty's match rule in words: keywords, types and role."""
    cm = CompiledMatch.of(duty.match)
    parts = [t("explain.rule.all", lang, words=_alts(entry, lang)) for entry in cm.all]
    if cm.any:
        parts.append(t("explain.rule.any", lang, words=_list([w for _, w in cm.any], lang)))
    if cm.none:
        parts.append(t("explain.rule.none", lang, words=_list([w for _, w in cm.none], lang)))
    out = [t("explain.rule.title", lang, parts=t("explain.rule.and", lang).join(parts))]
    if duty.match.types:
        out.append(t("explain.rule.types", lang, types=_types(duty.match.types, lang)))
    out.append(t("explain.rule.role", lang, role=role_word(pack, duty.role, lang)))
    return t("explain.rule.sep", lang).join(out)


# ---------------------------------------------------------------- near misses


class _Judge:
    """Tells, for one duty, every reason a row fails its rule."""

    def __init__(self, pack: Pack, duty: Duty, matcher: Matcher, year: int, lang: Lang) -> None:
        self.pack, self.duty, self.matcher, self.year, self.lang = pack, duty, matcher, year, lang
        self.cm = matcher.compiled(duty)
        self.req = duty.requirement

    def _r(self, code: str, detail: object, **kw: object) -> Reason:
        return Reason(code, str(detail), t(f"explain.why.{code}", self.lang, **kw))

    def keyword_reasons(self, key: str) -> list[Reason]:
        """A missing ``all`` entry, no ``any`` word, each excluded word present (``key``: normalised title)."""
        lang = self.lang
        out = []
        for entry in self.cm.all:
            if not any(norm in key for norm, _ in entry):
                out.append(self._r("keyword", "|".join(w for _, w in entry), words=_alts(entry, lang)))
        if self.cm.any and not any(norm in key for norm, _ in self.cm.any):
            words = [w for _, w in self.cm.any]
            out.append(self._r("any", "|".join(words), words=_list(words, lang)))
        for norm, w in self.cm.none:
            if norm in key:
                out.append(self._r("excluded", w, word=t("ui.q", lang, w=w)))
        return out

    def role_type_reasons(self, a: Activity, role: str | None) -> list[Reason]:
        """Another role's row; a type outside the rule's types."""
        lang = self.lang
        out = []
        if role is not None and role != self.duty.role:
            out.append(self._r("role", role, role=role_word(self.pack, role, lang), text=a.role_text or a.title))
        if not self.cm.type_ok(a.type):
            out.append(
                self._r(
                    "type",
                    a.type,
                    text=a.type_text or a.type,
                    type=a.type,
                    types=_types(self.duty.match.types, lang),
                )
            )
        return out

    def date_reasons(self, a: Activity) -> list[Reason]:
        """No date, another year, outside the window, after the deadline (the first that applies)."""
        window = self.req.window
        if a.date is None:
            return [self._r("undated", "")]
        if a.date.year != self.year:
            return [self._r("year", a.date.year, date=a.date.isoformat(), year=self.year)]
        if not in_window(a.date, window):
            assert window is not None
            return [self._r("window", a.date.isoformat(), date=a.date.isoformat(), from_=window.from_, to=window.to)]
        if isinstance(self.req, DeadlineReq) and a.date > self.deadline():
            return [self._r("late", a.date.isoformat(), date=a.date.isoformat(), by=self.deadline().isoformat())]
        return []

    def deadline(self) -> dt.date:
        """The deadline day in the audit year."""
        assert isinstance(self.req, DeadlineReq)
        return deadline_day(self.req, self.year)

    def requirement_reasons(self, a: Activity) -> list[Reason]:
        """Reasons a fully matching, in-scope row still does not help (condition, missing number)."""
        req = self.req
        if isinstance(req, RateReq | EachReq) and not condition_holds(req.where, a):
            cond = condition_text(req.where, self.lang, row=a)
            return [self._r("condition", cond, cond=cond)]
        if isinstance(req, SumReq) and not sum_value(req, a):
            return [self._r("no_value", req.field, field=field_label(req.field, self.lang))]
        return []


def _counts(hit: Hit, judge: _Judge) -> bool:
    """Whether an in-scope hit counts towards meeting the duty."""
    return not judge.date_reasons(hit.activity) and not judge.requirement_reasons(hit.activity)


def near_misses(pack: Pack, duty: Duty, matcher: Matcher, year: int, counted: set[int], lang: Lang) -> list[NearMiss]:
    """Every near miss of ``duty`` among the matcher's rows, closest first (see the module docstring)."""
    judge = _Judge(pack, duty, matcher, year, lang)
    cm = judge.cm
    candidates: set[int] = set()
    for entry in cm.all:
        for norm, _ in entry:
            candidates |= matcher.index.rows_with(norm)
    for norm, _ in cm.any:
        candidates |= matcher.index.rows_with(norm)
    groups = len(cm.all) + (1 if cm.any else 0)
    ranked = []
    for i in sorted(candidates):
        a = matcher.activities[i]
        if id(a) in counted:
            continue
        text = matcher.row_text(i)
        held_all = sum(1 for entry in cm.all if any(norm in text for norm, _ in entry))
        held = held_all + (1 if cm.any and any(norm in text for norm, _ in cm.any) else 0)
        if held < groups and (held * 2 < groups or (cm.all and not held_all)):
            continue
        role = matcher.role_for(i, duty.role)
        reasons = [*judge.keyword_reasons(text), *judge.role_type_reasons(a, role), *judge.date_reasons(a)]
        if not reasons:
            reasons = judge.requirement_reasons(a)
        if not reasons:
            continue  # counts (e.g. a count duty's extra rows in a period already met)
        found = cm.found_words(text)
        ranked.append((len(reasons), -len(found), i, NearMiss(a, found, a.type, role, tuple(reasons))))
    ranked.sort(key=lambda x: x[:3])
    return [x[3] for x in ranked]


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
    scope = infer_scope(pack, who, (), lang, named=log_roles(pack, rows), content=content)
    owner = unit or sel.unit
    in_scope = duty.role in scope.roles and (
        owner is None or not duty.owners or any(owner_covers(o, owner) for o in duty.owners)
    )
    matcher = Matcher(pack, rows)
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
