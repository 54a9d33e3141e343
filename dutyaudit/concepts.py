"""Vocabulary concepts compiled for matching: which keys name a concept, with which words, or nearly.

A key (a row's text, or one unit of it: see :mod:`dutyaudit.rowtext`) names a concept when it holds
one of the concept's ``words``, or one alternative of every group of one of its ``all`` entries, and
none of its ``exclude`` phrases.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from dutyaudit.vocabulary import Concept, load_vocabulary, match_form

if TYPE_CHECKING:
    from dutyaudit.keywords import KeywordIndex


@dataclass(frozen=True, slots=True)
class CompiledConcept:
    """A vocabulary concept with its words in match form."""

    id: str
    label: str
    words: tuple[tuple[str, str], ...]
    """(match form, as written)."""
    groups: tuple[tuple[tuple[tuple[str, str], ...], ...], ...]
    """Per ``all`` entry, per group, the alternatives (match form, as written)."""
    exclude: tuple[tuple[str, str], ...]
    types: frozenset[str] = frozenset()
    """Activity types a row naming it may have (empty: any)."""
    masks: tuple[str, ...] = ()
    """Names (match form) whose own words do not count (综合执法队): see :meth:`unmasked`."""

    @property
    def example(self) -> str:
        """A phrase that names the concept (its first word, or one alternative of each group)."""
        if self.words:
            return self.words[0][1]
        return "".join(alts[0][1] for alts in self.groups[0])

    @classmethod
    def of(cls, cid: str, c: Concept) -> CompiledConcept:
        return cls(
            id=cid,
            label=c.label,
            words=c.word_forms,
            groups=c.group_forms,
            exclude=tuple((match_form(w), w) for w in c.exclude if w.strip()),
            types=frozenset(c.types),
            masks=c.mask_forms,
        )

    def unmasked(self, key: str) -> str:
        """A key with the concept's masks blanked out (综合执法队执法证年审 → □执法证年审)."""
        for m in self.masks:
            key = key.replace(m, "□")
        return key

    def type_ok(self, type_id: str | None) -> bool:
        """A row's type allows the concept unless it is a known type outside the concept's types."""
        return not self.types or type_id is None or type_id == "other" or type_id in self.types

    def keys_naming(self, index: KeywordIndex) -> frozenset[int]:
        """Indices of the index's keys that name this concept (cached on the index)."""
        memo = index.memo
        hit = memo.get(self.id)
        if hit is not None:
            return hit
        rows: set[int] = set()
        for norm, _ in self.words:
            rows |= index.keys_with(norm)
        for entry in self.groups:
            both: set[int] | None = None
            for alts in entry:
                one: set[int] = set()
                for norm, _ in alts:
                    one |= index.keys_with(norm)
                both = one if both is None else both & one
                if not both:
                    break
            if both:
                rows |= both
        if rows:
            for norm, _ in self.exclude:
                rows -= index.keys_with(norm)
        if rows and self.masks:  # a word inside a body's name (综合执法队) counts only if named again outside it
            masked = set().union(*(index.keys_with(m) for m in self.masks)) & rows
            rows -= {k for k in masked if not self.naming_forms(index.keys[k])}
        hit = memo[self.id] = frozenset(rows)
        return hit

    def naming_forms(self, key: str) -> tuple[tuple[str, str], ...]:
        """The words by which a key names this concept, as (match form, as written); empty if it does not."""
        if any(norm in key for norm, _ in self.exclude):
            return ()
        if self.masks:
            key = self.unmasked(key)
        out = [(norm, w) for norm, w in self.words if norm in key]
        if out:
            return tuple(out)
        for entry in self.groups:  # no single word: the first entry whose groups all hold
            found = [next(((norm, w) for norm, w in alts if norm in key), None) for alts in entry]
            if all(found):
                return tuple(f for f in found if f)
        return ()

    def named_by(self, key: str) -> tuple[str, ...]:
        """The words (as written) by which a key names this concept; empty when it does not."""
        return tuple(dict.fromkeys(w for _, w in self.naming_forms(key)))

    def nearly(self, key: str) -> Near | None:
        """How a key that does not name the concept comes close to it, else None.

        Close means a concept word in a context the concept excludes (城投公司…法律顾问), or one word
        group of an ``all`` entry short (常务会…学《…》 without 会前/学法). The entry with most groups held
        wins.
        """
        if self.naming_forms(key):
            return None
        key = self.unmasked(key)
        word = next((w for norm, w in self.words if norm in key), None)
        excluded = next((w for norm, w in self.exclude if norm in key), None)
        if word is not None and excluded is not None:
            return Near(self.id, word, "", excluded, 2)
        best: Near | None = None
        for entry in self.groups:
            held = [next((w for norm, w in alts if norm in key), None) for alts in entry]
            missing = [alts for alts, w in zip(entry, held, strict=True) if w is None]
            if len(missing) == 1 and sum(len(w) for w in held if w) >= 2:  # 法 alone is near nothing
                have = "+".join(w for w in held if w)
                need = "|".join(w for _, w in missing[0][:4]) + ("|…" if len(missing[0]) > 4 else "")
                near = Near(self.id, have, need, "", len(entry) - 1)
                if best is None or near.held > best.held:
                    best = near
        return best

    def near_keys(self, index: KeywordIndex) -> set[int]:
        """Keys that may come close to the concept (a superset: :meth:`nearly` decides)."""
        out: set[int] = set()
        if self.exclude:
            ex: set[int] = set()
            for norm, _ in self.exclude:
                ex |= index.keys_with(norm)
            if ex:
                for norm, _ in self.words:
                    out |= ex & index.keys_with(norm)
        for entry in self.groups:
            for alts in entry:
                for norm, _ in alts:
                    out |= index.keys_with(norm)
        return out


@dataclass(frozen=True, slots=True)
class Near:
    """A key close to naming a concept: what it holds, and the word group it lacks or the context
    that excludes it."""

    concept: str
    have: str
    """The words held, as written (A+B)."""
    need: str
    """The missing group's alternatives (A|B), or "" when an excluding context is the reason."""
    excluded_by: str
    """The excluding phrase found, or ""."""
    held: int
    """How many word groups are held (2 for a word in an excluding context: closer than one group)."""


@cache
def compiled_concepts() -> dict[str, CompiledConcept]:
    """Every concept of the built-in vocabulary, compiled once per process."""
    return {cid: CompiledConcept.of(cid, c) for cid, c in load_vocabulary().concepts.items()}


@cache
def broader() -> dict[str, frozenset[str]]:
    """For each concept of the built-in vocabulary, the concepts broader than it: one of its words holds one of
    theirs (规范性文件合法性审核 holds 合法性审核), and none of theirs holds one of its."""

    def holds(a: CompiledConcept, b: CompiledConcept) -> bool:
        return any(nb in na for na, _ in a.words for nb, _ in b.words)

    table = compiled_concepts()
    out = {
        a.id: frozenset(b.id for b in table.values() if b.id != a.id and holds(a, b) and not holds(b, a))
        for a in table.values()
    }
    return {cid: wider for cid, wider in out.items() if wider}
