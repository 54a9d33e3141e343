"""Activities × pack → which rows satisfy which duty's match rule, and why (keywords, type, role).

Matching looks only at a row's words, type and role; dates (audit year, windows, deadlines) are
the evaluator's business, so ``explain`` can tell "wrong year" from "keyword missing".
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, cached_property

from dutyaudit.ingest.text import fold, normalize
from dutyaudit.model import Activity
from dutyaudit.packs import Duty, Match, Pack
from dutyaudit.vocabulary import Concept, load_vocabulary, match_form

_SEP = "\x00"


@dataclass(frozen=True, slots=True)
class Hit:
    """A row that satisfies a duty's match rule, with the reason."""

    activity: Activity
    keywords: tuple[str, ...]
    """Keywords (as the pack writes them) found in the title."""
    type: str | None
    role: str | None
    """The row's role id (None: the log does not say; it may count for any role)."""


class KeywordIndex:
    """Finds the rows whose key contains a word.

    Logs repeat titles (会前学法, 常务会议 …), so the index scans one joined string of the distinct
    keys per word and maps each distinct key back to its rows.
    """

    def __init__(self, keys: Sequence[str]) -> None:
        rows_of: dict[str, list[int]] = {}
        for i, k in enumerate(keys):
            rows_of.setdefault(k, []).append(i)
        distinct = list(rows_of)
        self._rows = [rows_of[k] for k in distinct]
        self._text = _SEP.join(distinct)
        starts, pos = [], 0
        for k in distinct:
            starts.append(pos)
            pos += len(k) + 1
        self._starts = starts
        self._cache: dict[str, frozenset[int]] = {}
        self.memo: dict[str, frozenset[int]] = {}
        """Keys naming each concept, filled by :meth:`CompiledConcept.keys_naming`."""

    def rows_with(self, word: str) -> frozenset[int]:
        """Indices of rows whose key contains ``word`` (already normalised)."""
        hit = self._cache.get(word)
        if hit is not None:
            return hit
        out: set[int] = set()
        text, find, starts, rows = self._text, self._text.find, self._starts, self._rows
        if word:
            i = find(word)
            while i != -1:
                k = bisect_right(starts, i) - 1
                out.update(rows[k])
                # jump to the next key: one hit per key is enough
                nxt = starts[k + 1] if k + 1 < len(starts) else len(text)
                i = find(word, nxt)
        hit = frozenset(out)
        self._cache[word] = hit
        return hit


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
            rows |= index.rows_with(norm)
        for entry in self.groups:
            both: set[int] | None = None
            for alts in entry:
                one: set[int] = set()
                for norm, _ in alts:
                    one |= index.rows_with(norm)
                both = one if both is None else both & one
                if not both:
                    break
            if both:
                rows |= both
        if rows:
            for norm, _ in self.exclude:
                rows -= index.rows_with(norm)
        hit = memo[self.id] = frozenset(rows)
        return hit

    def named_by(self, key: str) -> tuple[str, ...]:
        """The words (as written) by which a key names this concept; empty when it does not."""
        if any(norm in key for norm, _ in self.exclude):
            return ()
        out = [w for norm, w in self.words if norm in key]
        if out:
            return tuple(dict.fromkeys(out))
        for entry in self.groups:  # no single word: the first entry whose groups all hold
            found = [next((w for norm, w in alts if norm in key), None) for alts in entry]
            if all(found):
                return tuple(dict.fromkeys(w for w in found if w))
        return ()

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


@dataclass(frozen=True, slots=True)
class CompiledMatch:
    """A pack's match rule with its keywords normalised the way titles are."""

    all: tuple[tuple[tuple[str, str], ...], ...]
    """Each entry: alternatives as (normalised, as written)."""
    any: tuple[tuple[str, str], ...]
    none: tuple[tuple[str, str], ...]
    types: frozenset[str]
    concepts: tuple[CompiledConcept, ...] = ()

    @classmethod
    def of(cls, m: Match) -> CompiledMatch:
        def words(ws: list[str]) -> tuple[tuple[str, str], ...]:
            return tuple((match_form(w), w) for w in ws if w.strip())

        table = compiled_concepts() if m.concepts else {}
        return cls(
            all=tuple(words(entry.split("|")) for entry in m.all),
            any=words(m.any),
            none=words(m.none),
            types=frozenset(m.types),
            concepts=tuple(table[c] for c in m.concepts),
        )

    def keyword_rows(self, index: KeywordIndex, n: int) -> set[int]:
        """Keys of the index (rows, or items of rows) that satisfy concepts/all/any/none."""
        rows: set[int] | None = None
        for alts in self.all:
            hit: set[int] = set()
            for norm, _ in alts:
                hit |= index.rows_with(norm)
            rows = hit if rows is None else rows & hit
            if not rows:
                return set()
        if self.any or self.concepts:
            hit = set()
            for norm, _ in self.any:
                hit |= index.rows_with(norm)
            for c in self.concepts:
                hit |= c.keys_naming(index)
            rows = hit if rows is None else rows & hit
        rows = rows if rows is not None else set(range(n))
        for norm, _ in self.none:
            rows -= index.rows_with(norm)
        return rows

    def found_words(self, key: str) -> tuple[str, ...]:
        """The keywords (as written in the pack or the vocabulary) present in a normalised key."""
        out = [w for alts in self.all for norm, w in alts if norm in key]
        out += [w for norm, w in self.any if norm in key]
        for c in self.concepts:
            out += c.named_by(key)
        return tuple(dict.fromkeys(out))

    def type_ok(self, type_id: str | None) -> bool:
        """A row's type passes unless it is a known type outside the rule's types."""
        return not self.types or type_id is None or type_id == "other" or type_id in self.types


class RoleResolver:
    """Resolves a row's role id from its 责任主体 cell or sheet name, else from its title."""

    def __init__(self, pack: Pack) -> None:
        self._aliases = [
            (normalize(a), rid) for rid, role in pack.roles.items() for a in [role.name, *role.aliases] if a.strip()
        ]
        self._aliases.sort(key=lambda p: -len(p[0]))
        self._cache: dict[str, str | None] = {}
        self._by_text: dict[str, str | None] = {}
        self._joint: dict[str, frozenset[str]] = {}

    def _lookup(self, text: str) -> str | None:
        if text in self._cache:
            return self._cache[text]
        found = None
        hits = {rid for alias, rid in self._aliases if alias and alias in text}
        if len(hits) == 1:
            found = hits.pop()
        elif hits:  # several roles named: the longest alias decides
            found = next(rid for alias, rid in self._aliases if alias and alias in text)
        self._cache[text] = found
        return found

    def role_of(self, a: Activity) -> str | None:
        if a.role_text:
            rid = self._by_text.get(a.role_text, "?")
            if rid == "?":
                rid = self._by_text[a.role_text] = self._lookup(normalize(a.role_text))
            if rid is not None:
                return rid
        return self._title_role(a.key)

    def joint_roles(self, text: str) -> frozenset[str]:
        """Every role a 责任主体 cell or sheet name names on its own (县委、县政府 → party and government).

        Each alias occurrence not inside a longer one counts, so 区公安分局党委 names only the role of
        局党委, and 县政府 is not also 政府. Empty unless the row's role text names two or more roles.
        """
        if not text:
            return frozenset()
        found = self._joint.get(text)
        if found is None:
            norm = normalize(text)
            spans: list[tuple[int, int, str]] = []
            for alias, rid in self._aliases:  # longest first
                start = norm.find(alias)
                while start != -1:
                    end = start + len(alias)
                    if not any(s <= start and end <= e for s, e, _ in spans):
                        spans.append((start, end, rid))
                    start = norm.find(alias, start + 1)
            roles = frozenset(rid for _, _, rid in spans)
            found = self._joint[text] = roles if len(roles) > 1 else frozenset()
        return found

    def _title_role(self, key: str) -> str | None:
        if key in self._cache:
            return self._cache[key]
        hits = {rid for alias, rid in self._aliases if alias and alias in key}
        found = hits.pop() if len(hits) == 1 else None
        self._cache[key] = found
        return found


class Matcher:
    """Matches the rows of one audit against duties; build once, query per duty."""

    def __init__(self, pack: Pack, activities: Sequence[Activity]) -> None:
        self.pack = pack
        self.activities = activities
        self.index = KeywordIndex([a.key for a in activities])
        self._resolver = RoleResolver(pack)
        self._compiled: dict[str, CompiledMatch] = {}

    @cached_property
    def roles(self) -> list[str | None]:
        """Role id of each row (None when the log does not tell)."""
        return [self._resolver.role_of(a) for a in self.activities]

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

    def compiled(self, duty: Duty) -> CompiledMatch:
        cm = self._compiled.get(duty.id)
        if cm is None:
            cm = self._compiled[duty.id] = CompiledMatch.of(duty.match)
        return cm

    @cached_property
    def _other_role_rows(self) -> dict[str, frozenset[int]]:
        """For each role id, the rows that belong to another role (and are not joint with it)."""
        by_role: dict[str, set[int]] = {rid: set() for rid in self.pack.roles}
        joint = self.joint
        for i, role in enumerate(self.roles):
            if role is None:
                continue
            shared = joint.get(self.activities[i].role_text, ()) if joint else ()
            for rid, rows in by_role.items():
                if rid != role and rid not in shared:
                    rows.add(i)
        return {rid: frozenset(rows) for rid, rows in by_role.items()}

    def hits(self, duty: Duty) -> list[Hit]:
        """Rows that satisfy the duty's keywords, type and role, in log order."""
        cm = self.compiled(duty)
        roles = self.roles
        rows = cm.keyword_rows(self.index, len(self.activities))
        rows -= self._other_role_rows.get(duty.role, frozenset())
        out = []
        words: dict[str, tuple[str, ...]] = {}
        type_ok = cm.type_ok
        for i in sorted(rows):
            a = self.activities[i]
            if not type_ok(a.type):
                continue
            found = words.get(a.key)
            if found is None:
                found = words[a.key] = cm.found_words(a.key)
            role = roles[i]
            # a row of no role counts for any role; a joint row (县委、县政府) for each role it names
            out.append(Hit(a, found, a.type, None if role is None else duty.role))
        return out


def field_value(a: Activity, name: str) -> object:
    """A row's value for a condition field: canonical attribute, declared pack field or any column."""
    if name in ("hours", "duration_days", "title", "type", "unit", "actor", "date", "end_date"):
        return getattr(a, name)
    if name == "role":
        return a.role_text
    if name in a.extra:
        return a.extra[name]
    key = fold(name)
    for k, v in a.extra.items():
        if fold(k) == key:
            return v
    return None
