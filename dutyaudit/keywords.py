"""The keyword index of an audit's row texts, and a duty's match rule compiled against it.

:class:`KeywordIndex` finds the distinct keys (row texts, or units of rows) that contain a word;
:class:`CompiledMatch` is a pack's match rule normalised the way titles are, answering which keys satisfy
it and which of its words a key contains. Roles, types of rows and exclusive packs are
:class:`dutyaudit.matching.Matcher`'s business.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from dutyaudit.concepts import CompiledConcept, compiled_concepts
from dutyaudit.packmodel import Match
from dutyaudit.vocabulary import match_form

SEP = "\x00"
"""Between keys in the index's joined text (and between a row's units in its whole text): no word spans two."""


class KeywordIndex:
    """Finds the keys (row texts, or units of rows) that contain a word, and the rows they belong to.

    Logs repeat their texts (会前学法, 常务会议 …), so the index scans one joined string of the
    distinct keys per word; word lookups answer with distinct-key ids, which :meth:`rows_of` maps
    back to the rows (``owners``: the row of each key; default, key ``i`` is row ``i``).
    """

    def __init__(self, keys: Sequence[str], owners: Sequence[int] | None = None) -> None:
        id_of: dict[str, int] = {}
        distinct: list[str] = []
        rows: list[list[int]] = []
        ids: list[int] = []
        for k, owner in zip(keys, range(len(keys)) if owners is None else owners, strict=True):
            j = id_of.get(k)
            if j is None:
                j = id_of[k] = len(distinct)
                distinct.append(k)
                rows.append([owner])
            else:
                rows[j].append(owner)
            ids.append(j)
        self._id = id_of
        self.ids = ids
        """The distinct-key id of each key given."""
        self.keys = distinct
        """The distinct keys; a key id is a position in this list."""
        self._rows = rows
        self._text = SEP.join(distinct)
        starts, pos = [], 0
        for k in distinct:
            starts.append(pos)
            pos += len(k) + 1
        self._starts = starts
        self._cache: dict[str, frozenset[int]] = {}
        self.memo: dict[str, frozenset[int]] = {}
        """Keys naming each concept, filled by :meth:`CompiledConcept.keys_naming`."""

    def __len__(self) -> int:
        return len(self.keys)

    def keys_with(self, word: str) -> frozenset[int]:
        """Ids of the distinct keys that contain ``word`` (already in match form)."""
        hit = self._cache.get(word)
        if hit is not None:
            return hit
        out: list[int] = []
        text, find, starts = self._text, self._text.find, self._starts
        if word:
            i = find(word)
            while i != -1:
                k = bisect_right(starts, i) - 1
                out.append(k)
                # jump to the next key: one hit per key is enough
                nxt = starts[k + 1] if k + 1 < len(starts) else len(text)
                i = find(word, nxt)
        hit = frozenset(out)
        self._cache[word] = hit
        return hit

    def rows_of(self, key_ids: Iterable[int]) -> set[int]:
        """The rows the given keys belong to."""
        out: set[int] = set()
        rows = self._rows
        for k in key_ids:
            out.update(rows[k])
        return out

    def rows_with(self, word: str) -> set[int]:
        """Rows with a key that contains ``word``."""
        return self.rows_of(self.keys_with(word))


#: Words of a row about being inspected by another body (督察组来镇督察, 迎检): the unit is the object there, not
#: doing a duty, so no rule counts it (every writer of the labelled logs agrees); the follow-up 整改 still counts.
BEING_INSPECTED = (
    "检查组来",
    "督察组来",
    "督导组来",
    "考核组来",
    "来局检查",
    "来镇检查",
    "来县检查",
    "来区检查",
    "迎检",
)


@dataclass(frozen=True, slots=True)
class CompiledMatch:
    """A pack's match rule with its keywords normalised the way titles are."""

    all: tuple[tuple[tuple[str, str], ...], ...]
    """Each entry: alternatives as (normalised, as written)."""
    any: tuple[tuple[str, str], ...]
    none: tuple[tuple[str, str], ...]
    types: frozenset[str]
    concepts: tuple[CompiledConcept, ...] = ()
    attributed: bool = False
    """Rows of no role do not count (see :attr:`Match.attributed`)."""
    any_role: bool = False
    """Rows of every role count (see :attr:`Match.any_role`)."""

    @classmethod
    def of(cls, m: Match) -> CompiledMatch:
        def words(ws: list[str]) -> tuple[tuple[str, str], ...]:
            return tuple((match_form(w), w) for w in ws if w.strip())

        table = compiled_concepts() if m.concepts else {}
        return cls(
            all=tuple(words(entry.split("|")) for entry in m.all),
            any=words(m.any),
            none=words(list(dict.fromkeys([*m.none, *BEING_INSPECTED]))),
            types=frozenset(m.types),
            concepts=tuple(table[c] for c in m.concepts),
            attributed=m.attributed,
            any_role=m.any_role,
        )

    def matching_keys(self, index: KeywordIndex) -> set[int]:
        """Ids of the index's keys that satisfy concepts/all/any/none (all in one key)."""
        keys: set[int] | None = None
        for alts in self.all:
            hit: set[int] = set()
            for norm, _ in alts:
                hit |= index.keys_with(norm)
            keys = hit if keys is None else keys & hit
            if not keys:
                return set()
        if self.any or self.concepts:
            hit = set()
            for norm, _ in self.any:
                hit |= index.keys_with(norm)
            for c in self.concepts:
                hit |= c.keys_naming(index)
            keys = hit if keys is None else keys & hit
        keys = keys if keys is not None else set(range(len(index)))
        for norm, _ in self.none:
            if not keys:
                break
            keys -= index.keys_with(norm)
        return keys

    def keyword_rows(self, index: KeywordIndex, n: int) -> set[int]:
        """Rows (of ``n``) with a key that satisfies the rule."""
        return index.rows_of(self.matching_keys(index)) if n else set()

    def found_forms(self, key: str) -> tuple[tuple[str, str], ...]:
        """The rule's words present in a key: (match form, as written in the pack or the vocabulary)."""
        out = [(norm, w) for alts in self.all for norm, w in alts if norm in key]
        out += [(norm, w) for norm, w in self.any if norm in key]
        for c in self.concepts:
            out += c.naming_forms(key)
        return tuple(dict.fromkeys(out))

    def found_words(self, key: str) -> tuple[str, ...]:
        """The keywords (as written in the pack or the vocabulary) present in a key."""
        return tuple(dict.fromkeys(w for _, w in self.found_forms(key)))

    def type_ok(self, type_id: str | None) -> bool:
        """A row's type passes unless it is a known type outside the rule's types."""
        return not self.types or type_id is None or type_id == "other" or type_id in self.types
