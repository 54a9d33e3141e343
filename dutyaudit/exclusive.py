"""Which clause a row counts for in an exclusive pack (drafted packs): the matcher's side of
:mod:`dutyaudit.specificity`.

A row that meets the rules of several clauses counts for the one(s) its items resemble most (see
:class:`~dutyaudit.specificity.Resemblance`); a clause meeting an item only by a concept the item names as part of a
narrower one gives way first (:func:`~dutyaudit.specificity.subsumed`). Built once per audit by the
:class:`~dutyaudit.matching.Matcher`, which asks :meth:`Exclusive.counts_for` of each row a rule meets.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cached_property
from typing import TYPE_CHECKING

from dutyaudit.packmodel import Duty
from dutyaudit.specificity import Resemblance, subsumed

if TYPE_CHECKING:
    from dutyaudit.matching import Matcher


class Exclusive:
    """The clause choice of one audit in an exclusive pack, memoised per key and role."""

    def __init__(self, matcher: Matcher) -> None:
        self.m = matcher
        self._judged: dict[int, Sequence[int]] = {}
        self._best: dict[tuple[int, str | None], frozenset[str]] = {}

    @cached_property
    def resemblance(self) -> Resemblance:
        return Resemblance(self.m.duties)

    @cached_property
    def duties_of(self) -> dict[int, list[Duty]]:
        """The competing duties whose rule each key satisfies."""
        out: dict[int, list[Duty]] = {}
        for d in self.m.duties:
            for k in self.m.compiled(d).matching_keys(self.m.index):
                out.setdefault(k, []).append(d)
        return out

    def counts_for(self, duty: Duty, i: int, keys: set[int]) -> bool:
        """In an exclusive pack: whether an item of row ``i`` that satisfies the duty's rule resembles the
        duty's clause most among the clauses whose rules it satisfies and that take a row of its role (a
        row the log gives no role: every role's)."""
        a = self.m.activities[i]
        role = None if a.role_text in self.m.joint else self.m.roles[i]
        ids = self.m.index.ids
        for u in self.judged(i):
            k = ids[u]
            if k in keys and duty.clause in self.best(k, role):
                return True
        return False

    def judged(self, i: int) -> Sequence[int]:
        """The units of row ``i`` that pick its clauses in an exclusive pack: those whose item adds words
        of the pack's sentences to the title's (two two-character words or more: a bare 会前学法工作 title,
        its 备注 惠司报〔2024〕3号 or a status 已完成 says nothing of which clause the row's substance is);
        all of them when none does."""
        got = self._judged.get(i)
        if got is None:
            units, keys, ids = self.m.units.of_row(i), self.m.index.keys, self.m.index.ids
            known = self.resemblance.known
            title = known(keys[ids[units[0]]])
            adding = [u for u in units[1:] if len(known(keys[ids[u]]) - title) >= 2]
            got = self._judged[i] = adding or units
        return got

    def taken_by(self, duty: Duty, i: int) -> list[str]:
        """In an exclusive pack: the clauses that took row ``i`` from ``duty`` although it satisfies the
        duty's rule (empty when it does not, or when the duty keeps it)."""
        keys = self.m.compiled(duty).matching_keys(self.m.index)
        units = [self.m.index.ids[u] for u in self.judged(i) if self.m.index.ids[u] in keys]
        if not units or self.counts_for(duty, i, keys):
            return []
        a = self.m.activities[i]
        role = None if a.role_text in self.m.joint else self.m.roles[i]
        return sorted({c for k in units for c in self.best(k, role)} - {duty.clause})

    def best(self, k: int, role: str | None) -> frozenset[str]:
        memo = self._best
        got = memo.get((k, role))
        if got is None:
            clauses, elsewhere = set(), set()
            for d in self.narrowest(k):
                cm = self.m.compiled(d)
                if role is None and cm.attributed:
                    continue
                if role is None or d.role == role or cm.any_role:
                    clauses.add(d.clause)
                else:
                    elsewhere.add(d.clause)
            got = memo[k, role] = self.resemblance.best(self.m.index.keys[k], clauses, role, elsewhere)
        return got

    def narrowest(self, k: int) -> list[Duty]:
        """The competing duties of key ``k``, less those it meets only by a concept it names as part of a
        narrower one another of them names (合法性审核 of 管理办法…合法性审核, whose 规范性文件合法性审核 a
        sibling clause names)."""
        duties = self.duties_of.get(k, [])
        key = self.m.index.keys[k]
        named = {c.id: c for d in duties for c in self.m.compiled(d).concepts}
        inner = subsumed(key, named.values())
        if not inner:
            return duties

        def squarely(d: Duty) -> bool:
            cm = self.m.compiled(d)
            if cm.all or any(norm in key for norm, _ in cm.any):
                return True  # its own words
            return any(c.id not in inner and c.naming_forms(key) for c in cm.concepts)

        kept = [d for d in duties if squarely(d)]
        return kept or duties
