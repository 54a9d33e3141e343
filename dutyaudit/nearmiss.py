"""Near misses of one duty: rows that meet part of its rule, with every reason they did not count.

A *near miss* is a row that meets part of the duty's rule but not all of it. The rule's keyword
groups are its ``all`` entries (one each) and its ``any`` list with its concepts (one group). A row is
a near miss when its text holds every group but it fails on an excluded word, role, type, date,
deadline, the requirement's condition or a missing number; when its text holds at least half of the
groups, one of them an ``all`` entry (the ``any`` words alone — 法治, 法律 — are too common to mean
much); or when it *nearly names* one of the rule's concepts: one word group of the concept short
(常务会议…学习 without 会前/学法), or a concept word in a context the concept excludes (城投公司法律顾问).
The reason then names the concept, what the row holds and the word that is missing.
Near misses are ranked by how few reasons they fail on, then by how many keywords they hold, then
by log order; rows close to a concept by a single word group (常务会议 alone) come after the others, at
most ``WEAK_LIMIT`` of them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from dutyaudit.concepts import Near
from dutyaudit.conditions import condition_holds, condition_text, field_label
from dutyaudit.evaluate import deadline_day, in_window, sum_value
from dutyaudit.i18n import Lang, t
from dutyaudit.keywords import CompiledMatch
from dutyaudit.matching import Hit, Matcher
from dutyaudit.model import Activity
from dutyaudit.packmodel import DeadlineReq, Duty, EachReq, Pack, RateReq, SumReq

#: How many rows close to a concept by a single word group (every 常务会议 of a log is one word group short
#: of 会前学法) are kept: a few show what is missing, all of them would bury the rest.
WEAK_LIMIT = 5

#: Reason codes, in the order they are listed for a row.
REASON_CODES = (
    "keyword",
    "any",
    "concept",
    "excluded",
    "taken",
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
    names = _quote([c.id for c in cm.concepts], lang, t("ui.or", lang))
    if cm.any and cm.concepts:
        parts.append(t("explain.rule.any_or_concepts", lang, words=_list([w for _, w in cm.any], lang), concepts=names))
    elif cm.concepts:
        parts.append(t("explain.rule.concepts", lang, concepts=names))
    elif cm.any:
        parts.append(t("explain.rule.any", lang, words=_list([w for _, w in cm.any], lang)))
    own = [w for _, w in cm.none if w in duty.match.none]  # not the words of being inspected every rule leaves out
    if own:
        parts.append(t("explain.rule.none", lang, words=_list(own, lang)))
    out = [t("explain.rule.title", lang, parts=t("explain.rule.and", lang).join(parts))]
    if duty.match.types:
        out.append(t("explain.rule.types", lang, types=_types(duty.match.types, lang)))
    if not duty.match.any_role:
        key = "explain.rule.role_stated" if duty.match.attributed else "explain.rule.role"
        out.append(t(key, lang, role=role_word(pack, duty.role, lang)))
    return t("explain.rule.sep", lang).join(out)


# ---------------------------------------------------------------- near misses


class _Judge:
    """Tells, for one duty, every reason a row fails its rule."""

    def __init__(self, pack: Pack, duty: Duty, matcher: Matcher, year: int, lang: Lang) -> None:
        self.pack, self.duty, self.matcher, self.year, self.lang = pack, duty, matcher, year, lang
        self.cm = matcher.compiled(duty)
        self.req = duty.requirement

    def _r(self, code: str, detail: object, msg_key: str = "", **kw: object) -> Reason:
        key = f"explain.why.{code}" + (f".{msg_key}" if msg_key else "")
        if code == "any" and kw.get("concepts"):
            key = "explain.why.any_concepts"
        return Reason(code, str(detail), t(key, self.lang, **kw))

    def taken_reason(self, clauses: Sequence[str]) -> Reason:
        """An exclusive pack's row that satisfies the rule but counts for the clauses it resembles more."""
        return self._r("taken", "|".join(clauses), clauses=t("sep", self.lang).join(clauses))

    def keyword_reasons(self, key: str, units: Sequence[str] = ()) -> list[Reason]:
        """A missing ``all`` entry, no ``any`` word nor concept (and the concept the row nearly names),
        each excluded word present (``key``: the row's text in match form; ``units``: its units)."""
        lang, cm = self.lang, self.cm
        out = []
        for entry in cm.all:
            if not any(norm in key for norm, _ in entry):
                out.append(self._r("keyword", "|".join(w for _, w in entry), words=_alts(entry, lang)))
        named = any(c.naming_forms(u) for c in cm.concepts for u in units or (key,))
        if (cm.any or cm.concepts) and not named and not any(norm in key for norm, _ in cm.any):
            near = self.near_concept(units or (key,))
            words = [w for _, w in cm.any]
            if near is not None:
                out.append(self._concept_reason(near))
            elif cm.concepts:
                names = _quote([c.id for c in cm.concepts], lang, t("ui.or", lang))
                detail = "|".join([*words, *(c.id for c in cm.concepts)])
                out.append(self._r("any", detail, words=_list(words, lang) if words else names, concepts=names))
            else:
                out.append(self._r("any", "|".join(words), words=_list(words, lang)))
        for norm, w in self.cm.none:
            if norm in key:
                out.append(self._r("excluded", w, word=t("ui.q", lang, w=w)))
        return out

    def near_concept(self, units: Sequence[str]) -> Near | None:
        """The rule's concept a row comes closest to naming (most word groups held), if any."""
        best: Near | None = None
        for c in self.cm.concepts:
            for u in units:
                near = c.nearly(u)
                if near is not None and (best is None or near.held > best.held):
                    best = near
        return best

    def _concept_reason(self, near: Near) -> Reason:
        q = t("ui.q", self.lang, w=near.concept)
        have = t("ui.q", self.lang, w=near.have)
        if near.excluded_by:
            excl = t("ui.q", self.lang, w=near.excluded_by)
            detail = f"{near.concept}:-{near.excluded_by}"
            return self._r("concept", detail, msg_key="excluded", concept=q, have=have, word=excl)
        need = _alts([(w, w) for w in near.need.split("|")], self.lang)
        return self._r("concept", f"{near.concept}:{near.need}", msg_key="missing", concept=q, have=have, need=need)

    def role_type_reasons(self, a: Activity, role: str | None) -> list[Reason]:
        """Another role's row; a type outside the rule's types."""
        lang = self.lang
        out = []
        if role is not None and role != self.duty.role and not self.cm.any_role:
            out.append(self._r("role", role, role=role_word(self.pack, role, lang), text=a.role_text or a.title))
        elif role is None and self.cm.attributed and not self.matcher.titled(a.key, self.duty.role):
            out.append(self._r("role", "", msg_key="unstated", role=role_word(self.pack, self.duty.role, lang)))
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
    index = matcher.index
    candidates: set[int] = set()
    for entry in cm.all:
        for norm, _ in entry:
            candidates |= index.rows_with(norm)
    for norm, _ in cm.any:
        candidates |= index.rows_with(norm)
    for c in cm.concepts:
        candidates |= index.rows_of(c.keys_naming(index) | c.near_keys(index))
    groups = len(cm.all) + (1 if cm.any or cm.concepts else 0)
    ranked = []
    for i in sorted(candidates):
        a = matcher.activities[i]
        if id(a) in counted:
            continue
        text = matcher.row_text(i)
        units = matcher.row_units(i)
        held_all = sum(1 for entry in cm.all if any(norm in text for norm, _ in entry))
        has_any = any(norm in text for norm, _ in cm.any) or any(c.naming_forms(u) for c in cm.concepts for u in units)
        held = held_all + (1 if has_any else 0)
        weak = False  # close to a concept by one word group only: listed after the others
        if held < groups and (held * 2 < groups or (cm.all and not held_all)):
            near = judge.near_concept(units) if held_all == len(cm.all) else None
            if near is None:
                continue
            weak = near.held < 2 and not near.excluded_by and not held
        role = matcher.role_for(i, duty.role)
        reasons = [*judge.keyword_reasons(text, units), *judge.role_type_reasons(a, role), *judge.date_reasons(a)]
        if not reasons:
            taken = matcher.taken_by(duty, i)
            if taken:
                reasons = [judge.taken_reason(taken)]
        if not reasons:
            reasons = judge.requirement_reasons(a)
        if not reasons:
            continue  # counts (e.g. a count duty's extra rows in a period already met)
        found = cm.found_words(text)
        ranked.append((weak, len(reasons), -len(found), i, NearMiss(a, found, a.type, role, tuple(reasons))))
    ranked.sort(key=lambda x: x[:4])
    strong = [x[4] for x in ranked if not x[0]]
    weak_ones = [x[4] for x in ranked if x[0]]
    return strong + weak_ones[:WEAK_LIMIT]
