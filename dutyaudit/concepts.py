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
    from dutyaudit.matching import KeywordIndex


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

    @classmethod
    def of(cls, cid: str, c: Concept) -> CompiledConcept:
        return cls(
            id=cid,
            label=c.label,
            words=c.word_forms,
            groups=c.group_forms,
            exclude=tuple((match_form(w), w) for w in c.exclude if w.strip()),
        )

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
        hit = memo[self.id] = frozenset(rows)
        return hit

    def naming_forms(self, key: str) -> tuple[tuple[str, str], ...]:
        """The words by which a key names this concept, as (match form, as written); empty if it does not."""
        if any(norm in key for norm, _ in self.exclude):
            return ()
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

    def nearly(self, key: str) -> tuple[str, str] | None:
        """For a key that does not name the concept: (what it holds, what is missing), else None.

        Near means one ``all`` group short (聘请…律师 without 法律顾问 is not near; 常务会…学习 without
        会前/学法 is), or a word present but excluded by its context.
        """
        excluded = next((w for norm, w in self.exclude if norm in key), None)
        if excluded is not None and any(norm in key for norm, _ in self.words):
            return next(w for norm, w in self.words if norm in key), excluded
        best: tuple[int, str, str] | None = None
        for entry in self.groups:
            held = [next((w for norm, w in alts if norm in key), None) for alts in entry]
            missing = [alts for alts, w in zip(entry, held, strict=True) if w is None]
            if len(missing) == 1 and len(entry) >= 2:
                have = "+".join(w for w in held if w)
                need = "|".join(w for _, w in missing[0][:4])
                score = sum(1 for w in held if w)
                if best is None or score > best[0]:
                    best = (score, have, need)
        return None if best is None else (best[1], best[2])


@cache
def compiled_concepts() -> dict[str, CompiledConcept]:
    """Every concept of the built-in vocabulary, compiled once per process."""
    return {cid: CompiledConcept.of(cid, c) for cid, c in load_vocabulary().concepts.items()}
