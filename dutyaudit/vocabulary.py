"""The shared activity vocabulary: concepts (会前学法, 述法, 法律顾问 …) that packs' match rules name.

``packs/vocabulary.yaml`` (shipped beside the built-in packs) lists each concept with the words a log
row names it by, word groups that name it together, the contexts that exclude it and the cues by which
a duty sentence names it. Packs refer to concepts by id; ``packs draft`` finds them in duty sentences
with :meth:`Vocabulary.concepts_named_in`.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from dutyaudit.errors import PackError
from dutyaudit.i18n import msg as msg_
from dutyaudit.ingest.text import normalize

VOCABULARY_FILE = "vocabulary.yaml"

#: Dots clerks write in 4·15, 12·4 …: read as one (the full stop is left alone: 3.15 is often a date).
DOT_TABLE = str.maketrans({c: "·" for c in "•・‧∙⋅●"})


def match_form(text: str) -> str:
    """A text as concept words are tested on it: :func:`normalize`, and every kind of middle dot as ·."""
    return normalize(text).translate(DOT_TABLE)


class Concept(BaseModel):
    """One activity, with the words that name it in logs and the cues that name it in duty sentences."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    label: str = Field(description="What the concept is, for people (shown by explain).")
    words: list[str] = Field(default_factory=list, description="Any one of these phrases names the concept.")
    all: list[list[str]] = Field(
        default_factory=list,
        description="Word groups that name it together: one alternative (A|B) of every group of one entry.",
    )
    exclude: list[str] = Field(default_factory=list, description="Contexts that exclude it (same item of text).")
    masks: list[str] = Field(
        default_factory=list,
        description="Names holding one of its words that name something else (综合执法队, a body): the words "
        "inside them do not count, the rest of the item still may.",
    )
    types: list[str] = Field(default_factory=list, description="Activity types it may have (empty: any).")
    cues: list[str] = Field(default_factory=list, description="Phrases by which a duty sentence names it.")
    kinds: list[str] = Field(
        default_factory=list,
        description="Phrases of one narrow kind of it (以案释法 of 普法宣传): a duty sentence naming it only by "
        "these asks for that kind, matched on the sentence's own words, not for every row of the concept.",
    )
    note: str | None = None

    @field_validator("types")
    @classmethod
    def _known_types(cls, v: list[str]) -> list[str]:
        from dutyaudit.packmodel import known_types

        return known_types(v)

    @model_validator(mode="after")
    def _named_somehow(self) -> Concept:
        if not (self.words or self.all):
            raise ValueError("a concept needs words or all")
        if any(len(entry) < 2 for entry in self.all):
            raise ValueError("each entry of all needs two or more word groups (a single word belongs in words)")
        return self

    @property
    def word_forms(self) -> tuple[tuple[str, str], ...]:
        """``words`` as (match form, as written)."""
        return tuple((match_form(w), w) for w in self.words if w.strip())

    @property
    def group_forms(self) -> tuple[tuple[tuple[tuple[str, str], ...], ...], ...]:
        """``all``: per entry, per group, the alternatives as (match form, as written)."""
        return tuple(
            tuple(tuple((match_form(w), w) for w in group.split("|") if w.strip()) for group in entry)
            for entry in self.all
        )

    @property
    def mask_forms(self) -> tuple[str, ...]:
        """``masks`` in match form, longest first (综合行政执法大队 before 综合执法队)."""
        return tuple(sorted({match_form(w) for w in self.masks if w.strip()}, key=len, reverse=True))

    @property
    def exclude_forms(self) -> tuple[str, ...]:
        return tuple(match_form(w) for w in self.exclude if w.strip())


class Vocabulary(BaseModel):
    """The whole vocabulary file."""

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    schema_: Literal[1] = Field(alias="schema")
    concepts: dict[str, Concept] = Field(min_length=1)

    def concepts_named_in(self, sentence: str) -> list[str]:
        """Ids of the concepts a duty sentence names (one of their cues occurs), by first occurrence."""
        text = match_form(sentence)
        found: list[tuple[int, int, str]] = []
        for order, (cid, concept) in enumerate(self.concepts.items()):
            positions = [text.find(c) for c in (match_form(cue) for cue in concept.cues) if c and c in text]
            if positions:
                found.append((min(positions), order, cid))
        return [cid for _, _, cid in sorted(found)]


def vocabulary_path() -> Path:
    """Where the built-in vocabulary lives: beside the built-in packs."""
    from dutyaudit.packs import builtin_dir

    return builtin_dir() / VOCABULARY_FILE


def parse_vocabulary(data: Any, origin: str) -> Vocabulary:
    """Validate parsed YAML as a vocabulary; errors name the origin, the concept and the field."""
    try:
        return Vocabulary.model_validate(data)
    except ValidationError as exc:
        err = exc.errors()[0]
        where = ".".join(str(p) for p in err["loc"])
        msg = err["msg"].removeprefix("Value error, ")
        raise PackError(msg_("err.vocab.invalid", origin=origin, where=where, problem=msg)) from None


@cache
def load_vocabulary() -> Vocabulary:
    """The built-in vocabulary (read once per process)."""
    path = vocabulary_path()
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise PackError(msg_("err.vocab.unreadable", path=path, why=str(exc))) from None
    try:
        data = yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except yaml.YAMLError as exc:
        raise PackError(msg_("err.vocab.yaml", path=path, problem=str(exc))) from None
    return parse_vocabulary(data, str(path))
