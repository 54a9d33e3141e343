"""Activities × pack → which rows satisfy which duty's match rule, and why (keywords, type, role).

Matching looks only at a row's words, type and role; dates (audit year, windows, deadlines) are
the evaluator's business, so ``explain`` can tell "wrong year" from "keyword missing". The keyword
index and the compiled rules live in :mod:`dutyaudit.keywords`; the :class:`Matcher` here adds the rows'
roles (joint roles, the audited body's default role); in an exclusive pack it asks :mod:`dutyaudit.exclusive`
which clause a row counts for.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from dutyaudit.concepts import compiled_concepts
from dutyaudit.conditions import field_value
from dutyaudit.exclusive import Exclusive
from dutyaudit.keywords import SEP, CompiledMatch, KeywordIndex
from dutyaudit.model import Activity
from dutyaudit.packmodel import Duty, Pack
from dutyaudit.roleresolve import RoleResolver
from dutyaudit.rowtext import build_units, place_of

__all__ = [
    "CompiledMatch",  # re-exported: callers import these from here
    "Hit",
    "KeywordIndex",
    "Matcher",
    "RoleResolver",
    "compiled_concepts",
    "field_value",
    "shown",
]


#: A title this short is a label heading its items (法律顾问, 复议决定, 审计), not a description of its own.
LABEL = 8


@dataclass(slots=True, unsafe_hash=True)
class Hit:
    """A row that satisfies a duty's match rule, with the reason. Treated as immutable (hashable as a frozen
    dataclass would be); not frozen because a frozen dataclass's ``__init__`` is several times slower, and an
    audit of 100k rows makes 140,000 hits."""

    activity: Activity
    keywords: tuple[str, ...]
    """Words found (as the pack or the vocabulary writes them); one found outside the title carries
    its column: 会前学法〔议题〕."""
    type: str | None
    role: str | None
    """The row's role id (None: the log does not say; it may count for any role)."""
    places: tuple[tuple[str, str], ...] = ()
    """(word, column) for each word found; column "" is the title."""


def shown(places: Sequence[tuple[str, str]]) -> tuple[str, ...]:
    """Words for display: 会前学法, or 会前学法〔议题〕 when found in another column than the title."""
    return tuple(dict.fromkeys(f"{w}〔{c}〕" if c else w for w, c in places))


class Matcher:
    """Matches the rows of one audit against duties; build once, query per duty."""

    def __init__(
        self,
        pack: Pack,
        activities: Sequence[Activity],
        duties: Sequence[Duty] | None = None,
        *,
        audited: Sequence[str] | None = None,
        default_role: str | None = None,
        own: tuple[str, str] | None = None,
    ) -> None:
        self.pack = pack
        self.duties = pack.duties if duties is None else duties
        """The duties a row's clauses compete among (an exclusive pack's; default: all of the pack's)."""
        self.activities = activities
        self.audited = None if audited is None else frozenset(audited)
        """The roles the audit covers (None: all): a title's weak role hint (法治政府) counts only among them."""
        self.default_role = default_role
        """The audited unit's body (a 镇党委's ledger), when it is one: a row naming no role that meets one of
        that role's duties counts for it, not also for another role's (see :meth:`hits`)."""
        self._unfiltered: dict[str, list[Hit]] = {}
        fields = [n for f in pack.fields for n in (f.name, *f.aliases)]
        self.units = build_units(activities, fields)
        self.index = KeywordIndex(self.units.keys, self.units.row)
        self._resolver = RoleResolver(pack, own)
        """``own``: the audited unit's name and role, when one role fits its kind (see :func:`scope.own_role`)."""
        self._compiled: dict[str, CompiledMatch] = {}

    @cached_property
    def roles(self) -> list[str | None]:
        """Role id of each row (None when the log does not tell)."""
        out = [self._resolver.role_of(a) for a in self.activities]
        for i, role in enumerate(out):
            if role is None:
                weak = self._resolver.weak_role(self.activities[i].key)
                if weak is not None and (self.audited is None or weak in self.audited):
                    out[i] = weak
        return out

    @cached_property
    def joint(self) -> dict[str, frozenset[str]]:
        """Role texts that name several roles (县委、县政府 → both); such rows count for each of them."""
        texts = {a.role_text for a in self.activities}
        out = {}
        for text in texts:
            roles = self._resolver.joint_roles(text)
            if roles:
                out[text] = roles
        return out

    def role_for(self, i: int, duty_role: str) -> str | None:
        """Row ``i``'s role as a duty of ``duty_role`` sees it: a joint row (县委、县政府) is that role."""
        role = self.roles[i]
        if role is not None and role != duty_role and duty_role in self.joint.get(self.activities[i].role_text, ()):
            return duty_role
        return role

    def titled(self, key: str, role: str) -> bool:
        """Whether a title (match key) names ``role`` as its subject (alone or with another role)."""
        return role in self._resolver.title_roles(key)

    def compiled(self, duty: Duty) -> CompiledMatch:
        cm = self._compiled.get(duty.id)
        if cm is None:
            cm = self._compiled[duty.id] = CompiledMatch.of(duty.match)
        return cm

    @cached_property
    def _other_role_rows(self) -> dict[str, frozenset[int]]:
        """For each role id, the rows that belong to another role (and are not joint with it)."""
        joint = self.joint
        # the rows of each (role, roles its role text names with it), then each group to the roles it is not
        groups: dict[tuple[str, frozenset[str]], list[int]] = {}
        none: frozenset[str] = frozenset()
        if joint:
            acts = self.activities
            for i, role in enumerate(self.roles):
                if role is not None:
                    groups.setdefault((role, joint.get(acts[i].role_text, none)), []).append(i)
        else:
            for i, role in enumerate(self.roles):
                if role is not None:
                    groups.setdefault((role, none), []).append(i)
        by_role: dict[str, set[int]] = {rid: set() for rid in self.pack.roles}
        for (role, shared), members in groups.items():
            for rid, rows in by_role.items():
                if rid != role and rid not in shared:
                    rows.update(members)
        return {rid: frozenset(rows) for rid, rows in by_role.items()}

    def hits(self, duty: Duty) -> list[Hit]:
        """Rows that satisfy the duty's keywords, type and role, in log order.

        With a :attr:`default_role`, a row naming no role that meets a duty of that role is that body's:
        it does not also count for another role's duties (a 镇党委's ledger: 传达学习…会议精神 is the
        党委's, not also the 镇政府's); a row only another role's duties take still counts for them.
        """
        found = self._unfiltered.get(duty.id)
        if found is None:
            found = self._unfiltered[duty.id] = self._hits(duty)
        if self.default_role is None or duty.role == self.default_role:
            return found
        claimed = self._claimed
        return [h for h in found if h.role is not None or id(h.activity) not in claimed]

    @cached_property
    def _claimed(self) -> frozenset[int]:
        """The rows naming no role that meet a duty of the :attr:`default_role` (by ``id`` of the row)."""
        out: set[int] = set()
        for d in self.duties:
            if d.role == self.default_role:
                out.update(id(h.activity) for h in self.hits(d) if h.role is None)
        return frozenset(out)

    def _hits(self, duty: Duty) -> list[Hit]:
        cm = self.compiled(duty)
        roles = self.roles
        keys = cm.matching_keys(self.index)
        rows = self.index.rows_of(keys)
        if rows and cm.concepts:
            rows = self._labels_excluded_by_their_items(cm, rows, keys)
        if not cm.any_role:
            # (a new set walking the rows found; ``-=`` would walk the other roles' rows, often far more)
            rows = rows - self._other_role_rows.get(duty.role, frozenset())
        if cm.attributed:  # a row of no role counts only if its title names this role with another
            rows = {i for i in rows if roles[i] is not None or self.titled(self.activities[i].key, duty.role)}
        if self.pack.exclusive:
            counts_for = self._exclusive.counts_for
            rows = {i for i in rows if counts_for(duty, i, keys)}
        out: list[Hit] = []
        add = out.append
        acts, duty_role = self.activities, duty.role
        passes: dict[str | None, bool] = {}  # row type → the rule's types allow it
        memo: dict[Any, tuple[tuple[str, str], ...]] = {}
        words: dict[tuple[tuple[str, str], ...], tuple[str, ...]] = {}
        single: dict[int, tuple[tuple[tuple[str, str], ...], tuple[str, ...]]] = {}
        starts, ids = self.units.starts, self.index.ids
        typed = any(c.types for c in cm.concepts)
        type_fine: dict[str | None, bool] = {}  # row type → every concept of the rule allows it
        for i in sorted(rows):
            a = acts[i]
            kind = a.type
            ok = passes.get(kind)
            if ok is None:
                ok = passes[kind] = cm.type_ok(kind)
            if not ok:
                continue
            if typed:
                fine = type_fine.get(kind)
                if fine is None:
                    fine = type_fine[kind] = all(c.type_ok(kind) for c in cm.concepts)
                if not fine and not self._concept_types_ok(cm, i, keys):
                    continue
            start = starts[i]
            if starts[i + 1] - start == 1:  # the title alone: remembered by its key
                got = single.get(ids[start])
                if got is None:
                    places = self._unit_places(cm, start, memo)
                    got = single[ids[start]] = (places, shown(places))
                places, found = got
            else:
                places = self.places(cm, i, keys, memo)
                known = words.get(places)
                if known is None:
                    known = words[places] = shown(places)
                found = known
            # a row of no role counts for any role; a joint row (县委、县政府) for each role it names
            add(Hit(a, found, kind, None if roles[i] is None else duty_role, places))
        return out

    def _labels_excluded_by_their_items(self, cm: CompiledMatch, rows: set[int], keys: set[int]) -> set[int]:
        """The rows less those the rule meets only by a short label title (法律顾问, 复议决定) one of whose items says
        a context the vocabulary excludes for the rule's concepts (县城投集团公开选聘常年法律顾问,
        收到市政府行政复议决定书): the label heads that item, so it names no more than the item does."""
        excluded = [norm for c in cm.concepts for norm, _ in c.exclude]
        if not excluded:
            return rows
        starts, ids, texts = self.units.starts, self.index.ids, self.index.keys
        out = set()
        for i in rows:
            start, end = starts[i], starts[i + 1]
            items = range(start + 1, end)
            if (
                end - start == 1
                or len(texts[ids[start]]) > LABEL
                or any(ids[u] in keys for u in items)
                or not any(x in texts[ids[u]] for u in items for x in excluded)
            ):
                out.add(i)
        return out

    @cached_property
    def _exclusive(self) -> Exclusive:
        return Exclusive(self)

    def taken_by(self, duty: Duty, i: int) -> list[str]:
        """In an exclusive pack: the clauses that took row ``i`` from ``duty`` although it satisfies the
        duty's rule (empty when it does not, when the duty keeps it, or when the pack is not exclusive)."""
        return self._exclusive.taken_by(duty, i) if self.pack.exclusive else []

    def places(
        self,
        cm: CompiledMatch,
        i: int,
        keys: set[int] | None = None,
        memo: dict[Any, tuple[tuple[str, str], ...]] | None = None,
    ) -> tuple[tuple[str, str], ...]:
        """(word, column) of the rule's words in row ``i``'s units (those among ``keys``, if given).

        ``memo`` (one per rule) remembers the answer per unit and per row shape, as rows repeat.
        """
        units, ids = self.units, self.index.ids
        memo = {} if memo is None else memo
        start, end = units.starts[i], units.starts[i + 1]
        if end - start > 1:
            shape = (tuple(ids[start:end]), tuple(units.column[start:end]))
            got = memo.get(shape)
            if got is None:
                out: list[tuple[str, str]] = []
                for u in range(start, end):
                    if keys is None or ids[u] in keys:
                        out.extend(self._unit_places(cm, u, memo))
                got = memo[shape] = tuple(dict.fromkeys(out))
            return got
        return self._unit_places(cm, start, memo)

    def _unit_places(
        self, cm: CompiledMatch, u: int, memo: dict[Any, tuple[tuple[str, str], ...]]
    ) -> tuple[tuple[str, str], ...]:
        units = self.units
        kid, col = self.index.ids[u], units.column[u]
        got = memo.get((kid, col))
        if got is None:
            key = units.keys[u]
            found = [(w, place_of(key, norm, col)) for norm, w in cm.found_forms(key)]
            got = memo[(kid, col)] = tuple((w, p) for w, p in found if p is not None)
        return got

    def _concept_types_ok(self, cm: CompiledMatch, i: int, keys: set[int]) -> bool:
        """Row ``i`` matched by a word of the rule, or by a concept its type allows."""
        a, units, ids = self.activities[i], self.units, self.index.ids
        for u in units.of_row(i):
            if ids[u] not in keys:
                continue
            key = units.keys[u]
            if any(norm in key for norm, _ in cm.any) or not (cm.any or cm.concepts):
                return True
            if any(c.type_ok(a.type) and c.naming_forms(key) for c in cm.concepts):
                return True
        return False

    def row_units(self, i: int) -> list[str]:
        """Row ``i``'s units (see :mod:`dutyaudit.rowtext`), in match form."""
        return [self.units.keys[u] for u in self.units.of_row(i)]

    def row_text(self, i: int) -> str:
        """Row ``i``'s whole text in match form (its units joined): where a single word is looked for."""
        return SEP.join(self.units.keys[u] for u in self.units.of_row(i))
