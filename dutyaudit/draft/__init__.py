"""``dutyaudit packs draft``: an official document → a duty pack marked as a draft for a person to review.

reading (txt/docx/pdf/html → simplified lines) → tree (the clause tree) → build (duties: quantities,
roles, match rules from the shared vocabulary) → write (YAML with a header naming the source and its
sha256). :func:`draft_pack` runs the whole chain and validates the result as a pack.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

from dutyaudit.concepts import CompiledConcept
from dutyaudit.draft.build import Drafted, Drafter
from dutyaudit.draft.matchrules import ConceptFinder, as_activity, clause_parts, failing, together
from dutyaudit.draft.meta import read_meta
from dutyaudit.draft.reading import Document, read_document
from dutyaudit.draft.tree import parse
from dutyaudit.draft.write import pack_mapping, render
from dutyaudit.errors import InputError
from dutyaudit.i18n import msg
from dutyaudit.packmodel import Pack
from dutyaudit.packs import parse_pack


@dataclass(frozen=True)
class Draft:
    """A drafted pack: its YAML text, the validated pack and the document it came from."""

    yaml: str
    pack: Pack
    document: Document


def default_id(path: Path) -> str:
    """A pack id from the file name: its ASCII letters and digits, else ``draft``."""
    slug = re.sub(r"[^a-z0-9]+", "-", path.stem.lower()).strip("-")
    return slug if slug and slug[0].isalnum() else "draft"


def draft_pack(
    path: Path,
    pack_id: str | None = None,
    name: str | None = None,
    vocab: ConceptFinder | None = None,
    today: dt.date | None = None,
) -> Draft:
    """Read ``path`` and draft a pack from it (the built-in vocabulary unless ``vocab`` is given)."""
    strength = narrower = phrases = None
    if vocab is None:
        from dutyaudit.concepts import compiled_concepts
        from dutyaudit.vocabulary import load_vocabulary, match_form

        vocabulary = vocab = load_vocabulary()
        compiled = compiled_concepts()

        def strength(concept: str, text: str) -> bool:
            """Named by one of the concept's phrases (not only by its narrow kinds), or by a word group whose words
            stand together."""
            key = match_form(text)
            # 工作 is officialese filler between a field and its body or act (法治政府建设工作领导小组)
            return _strength(compiled[concept], key) or (
                "工作" in key and _strength(compiled[concept], key.replace("工作", ""))
            )

        def _strength(c: CompiledConcept, key: str) -> bool:
            concept = c.id
            forms = [norm for norm, _ in c.naming_forms(key)]
            phrases = {norm for norm, _ in c.words}
            kinds = {match_form(k) for k in vocabulary.concepts[concept].kinds}
            named = [f for f in forms if f in phrases and as_activity(f, key)]
            if named and all(f in kinds for f in named):
                return False  # one narrow kind of it (庭审点评和以案释法): the sentence's own words say which
            if named:
                return True
            if not forms or any(f in phrases for f in forms):
                return False
            # a word group: all its words within one clause of the sentence, whichever alternatives
            return any(
                together(part_forms, part)
                for part in clause_parts(key)
                if not failing(part)
                and (part_forms := [norm for norm, _ in c.naming_forms(part)])
                and not any(f in phrases for f in part_forms)
            )

        def phrases(concept: str) -> list[str]:
            """The concept's phrases, as the vocabulary writes them."""
            return [w for _, w in compiled[concept].words]

        def narrower(concept: str) -> list[tuple[str, str]]:
            """Other concepts' phrases that hold one of this concept's phrases (执法协调 → 执法协调小组)."""
            own = {norm for norm, _ in compiled[concept].words}
            return [
                (cid, w)
                for cid, other in compiled.items()
                if cid != concept
                for norm, w in other.words
                if norm not in own and any(o in norm for o in own)
            ]

    doc = read_document(path)
    tree = parse(doc.lines)
    if not tree.clauses():
        raise InputError(msg("err.draft.no_clauses", examples="一、 (一) 1. 第一条"), str(path))
    file_date = dt.date.fromtimestamp(path.stat().st_mtime)
    meta = read_meta(tree, path.stem, file_date, name)
    drafted = Drafter(tree, vocab, meta.name, meta.issuer, strength, narrower, phrases).draft()
    if strength is not None:  # the built-in vocabulary
        _own_words_keep_contexts(drafted)
    _not_the_document_itself(drafted, meta.name)
    if not drafted:
        raise InputError(msg("err.draft.no_duties"), str(path))
    pid = pack_id or default_id(path)
    data = pack_mapping(pid, meta, drafted)
    pack = parse_pack(data, str(path))
    text = render(doc, meta, data, (today or dt.date.today()).isoformat())
    return Draft(text, pack, doc)


#: What a body does to a document it issues (审议《…》, 印发《…》): adopting it, not doing what it asks.
ADOPTING = ("审议", "审定", "印发", "修订", "起草", "出台", "制定")


def _not_the_document_itself(drafted: list[Drafted], name: str) -> None:
    """A row about adopting or revising the document itself (审议《惠宁县人民政府常务会议会前学法制度（修订稿）》,
    印发《…》) is not about doing what it asks: every duty leaves such rows out. A row implementing it
    (学习贯彻《…》) still counts."""
    name = name.strip("《》 ")
    if len(name) < 6:
        return
    phrases = [f"{verb}《{name}" for verb in ADOPTING]
    for d in drafted:
        d.match["none"] = list(dict.fromkeys([*d.match.get("none", []), *phrases]))
        d.review.append(f"rows adopting or revising the document itself ({phrases[0]}…) left out")


def _own_words_keep_contexts(drafted: list[Drafted]) -> None:
    """A duty's own words holding a phrase of the vocabulary (政府信息公开) leave out the rows where the
    vocabulary says that phrase names no activity (诉镇政府信息公开: a lawsuit, not 政务公开 work), unless
    the duty's own sentence says that context."""
    from dutyaudit.concepts import compiled_concepts
    from dutyaudit.vocabulary import match_form

    compiled = compiled_concepts()
    for d in drafted:
        text = match_form(d.text)
        # 风险评估 of 立法过程中的风险评估机制: a phrase of 重大行政决策 in a context that excludes it (立法) names
        # that concept's rows in logs, not this duty's
        foreign = [norm for c in compiled.values() if any(x in text for x, _ in c.exclude) for norm, _ in c.words]
        dropped = [w for w in d.match.get("any", []) if any(match_form(w) in norm for norm in foreign)]
        if dropped and len(dropped) < len(d.match["any"]):
            d.match["any"] = [w for w in d.match["any"] if w not in dropped]
            d.review.append(f"own words {'、'.join(dropped)} left out: the vocabulary's words of another activity")
        words = [match_form(w) for w in d.match.get("any", [])]
        contexts = [
            x
            for c in compiled.values()
            if any(norm in w for norm, _ in c.words for w in words)
            for norm_x, x in c.exclude
            if norm_x not in text
        ]
        if contexts:
            d.match["none"] = list(dict.fromkeys([*d.match.get("none", []), *contexts]))
            d.review.append(
                f"rows where its own words name no activity ({'、'.join(dict.fromkeys(contexts))}) left out"
            )
