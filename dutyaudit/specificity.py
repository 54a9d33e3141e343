"""Which clause a row counts for when it satisfies the rules of several (packs with ``exclusive: true``).

A drafted pack's rules are the vocabulary's concepts its sentences name, so a row about 权责清单 may
satisfy the duty that names 权责清单 and a sibling that names 行政执法责任制 (whose log words include
权责清单). A person reading the row credits the duty whose sentence it echoes. In a pack marked
``exclusive``, each item of a row (see :mod:`dutyaudit.rowtext`) counts only for the clause(s) whose text
it resembles most among the clauses whose rules it satisfies: the resemblance is the weight of the
two-character words the item shares with the clause's sentences, a word weighing more the fewer clauses
of the pack use it (log N/n). Clauses within :data:`TIE` of the best tie; of those, the clause whose
sentences the shared words make up the largest share of (the narrower one) takes the row, and only an exact
tie there lets several count. An item that resembles a clause of its role whose rule it does not meet
:data:`RIVAL` times as much as the best of them counts for none: it is that clause's near miss (召开法治政府
建设宣传工作推进会，打造…宣传品牌 echoes 打造…法治政府建设工作品牌, not 研究解决…重大问题, whose rule its
推进…法治政府建设 meets); nor does one that another role's clause whose rule it meets resembles
:data:`OTHER_ROLE` times as much. Sibling duties of one clause (a sentence's figure and the rest of it) stand or
fall together. Before resemblance, a clause that meets an item only by a concept the item names as part of a
narrower one (合法性审核 of 管理办法…合法性审核, which is 规范性文件合法性审核) gives way to a clause naming the
narrower one (:func:`subsumed`). Packs without the flag (the hand-made ones) count a row for every rule it satisfies.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable

from dutyaudit.concepts import CompiledConcept, broader
from dutyaudit.packmodel import Duty
from dutyaudit.vocabulary import match_form

#: A clause whose resemblance is at least this share of the best one's counts too (two readings).
TIE = 1.0
#: An item that resembles a clause whose rule it does not meet this many times as much as every clause whose
#: rule it meets is a near miss of that clause, and counts for none.
RIVAL = 3.0
#: An item of a row of one role that meets the rule of another role's clause this many times as like it as the best
#: clause of its own role counts for none: the row is about the other body's duty (年终考核，镇长述职里讲了法治政府建设
#: echoes the 党委's 年终述职 duty, not the 政府's 监督考核 its 考核 meets), and crediting it to its own is a guess.
OTHER_ROLE = 2.0

_HAN = re.compile(r"[\u4e00-\u9fff]+")


def subsumed(key: str, concepts: Iterable[CompiledConcept]) -> frozenset[str]:
    """The concepts (ids) an item (match form) names by words that are part of how it names a narrower one
    (合法性审核 of 管理办法…合法性审核, read as 规范性文件合法性审核, one of whose words holds 合法性审核; see
    :func:`dutyaudit.concepts.broader`): a clause naming the narrower concept takes the item from one that names
    only the broader. Not when the narrower one is named by other words (领导…讲授…法治 is 讲法治课, and its
    法治专题讲座 stays)."""
    forms = {c.id: [f for f, _ in c.naming_forms(key)] for c in concepts}
    wider = broader()
    return frozenset(
        b
        for a, fa in forms.items()
        for b in wider.get(a, ())
        if forms.get(b) and any(x in y for x in forms[b] for y in fa)
    )


def bigrams(text: str) -> set[str]:
    """The two-character pieces of a text's Chinese runs (match form)."""
    return _pieces(match_form(text))


def _pieces(key: str) -> set[str]:
    return {run[i : i + 2] for run in _HAN.findall(key) for i in range(len(run) - 1)}


class Resemblance:
    """How much a row's item resembles each clause of a pack (weighted shared two-character words)."""

    def __init__(self, duties: Iterable[Duty]) -> None:
        texts: dict[str, list[str]] = {}
        roles: dict[str | None, set[str]] = {}
        for d in duties:
            texts.setdefault(d.clause, []).append(d.text)
            roles.setdefault(d.role, set()).add(d.clause)
        self._of_role = {role: frozenset(clauses) for role, clauses in roles.items()}
        self._grams = {clause: set().union(*(bigrams(t) for t in ts)) for clause, ts in texts.items()}
        df: dict[str, int] = {}
        for grams in self._grams.values():
            for g in grams:
                df[g] = df.get(g, 0) + 1
        n = len(self._grams)
        self._weight = {g: math.log((n + 1) / k) for g, k in df.items()}
        self._mass = {c: math.fsum(self._weight[g] for g in grams) for c, grams in self._grams.items()}

    def known(self, key: str) -> frozenset[str]:
        """The two-character words of an item (match form) that some clause's sentences use."""
        return frozenset(g for g in _pieces(key) if g in self._weight)

    def score(self, key: str, clause: str) -> float:
        """The resemblance of an item (match form) to a clause's sentences."""
        return self._score(_pieces(key), clause)

    def _score(self, grams: set[str], clause: str) -> float:
        shared = grams & self._grams.get(clause, set())
        return math.fsum(self._weight[g] for g in shared)  # exact: no order

    def best(
        self, key: str, clauses: Iterable[str], role: str | None = None, elsewhere: Iterable[str] = ()
    ) -> frozenset[str]:
        """The clauses (of those given) an item resembles most, with those within :data:`TIE` of it; none
        when a clause of the role (any role's when ``role`` is None) resembles it :data:`RIVAL` times as much, or
        a clause of ``elsewhere`` (another role's, whose rule the item meets too) :data:`OTHER_ROLE` times."""
        grams = _pieces(key)  # a key is in match form already
        scores = {c: self._score(grams, c) for c in set(clauses)}
        top = max(scores.values(), default=0.0)
        rivals = self._grams.keys() if role is None else self._of_role.get(role, frozenset())
        if top > 0 and RIVAL * top < max((self._score(grams, c) for c in rivals), default=0.0):
            return frozenset()  # another clause's near miss (宣传工作推进会 of 宣传活动, not 研究解决)
        if top > 0 and OTHER_ROLE * top < max((self._score(grams, c) for c in elsewhere), default=0.0):
            return frozenset()  # another role's duty, whose rule it meets too, says it far better
        near = {c for c, s in scores.items() if s >= top * TIE}
        if len(near) < 2:
            return frozenset(near)
        # a tie: the clause whose sentences the shared words make up more of (the narrower clause)
        share = {c: scores[c] / self._mass[c] if self._mass.get(c) else 0.0 for c in near}
        most = max(share.values())
        return frozenset(c for c in near if share[c] >= most)
