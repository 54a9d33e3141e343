"""The pydantic model of a duty pack file: roles, fields, duties, their requirements and match rules.

A pack is one official document turned into checkable duties. Every duty quotes its source
sentence verbatim (``text``), cites the document's own clause number (``clause``) and carries
exactly one requirement (``count``, ``deadline``, ``sum``, ``rate``, ``each``, ``all_of`` or ``evidence``).
Reading pack files and the built-in registry are :mod:`dutyaudit.packs`'s; which duties bind an audit,
:mod:`dutyaudit.owners`'s.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from dutyaudit.model import ACTIVITY_TYPES

FieldType = Literal["text", "number", "date"]
Period = Literal["year", "half", "quarter", "month"]
_MMDD = re.compile(r"^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$")


def _mmdd(v: str) -> str:
    if not _MMDD.match(v):
        raise ValueError(f"expected MM-DD, got {v!r}")
    return v


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


class Role(_Model):
    """Who a duty binds (e.g. 党委主要负责人); aliases let ingest tell a row's role."""

    name: str = Field(description="Full name of the role, as the document writes it.")
    aliases: list[str] = Field(
        default_factory=list,
        description="Words in a sheet name, a 责任主体 cell or a title that mark a row as this role's.",
    )


class PackField(_Model):
    """An extra log column a pack needs (e.g. 学时, 出庭情况)."""

    name: str = Field(description="Column name used in the log template and in conditions.")
    aliases: list[str] = Field(default_factory=list, description="Other header spellings.")
    type: FieldType = Field(default="text", description="How cells are read: text, number or date.")
    help: str | None = Field(default=None, description="What to write in this column (template hint).")


class Window(_Model):
    """Part of the audit year an activity must fall in (MM-DD bounds, inclusive)."""

    from_: str = Field(alias="from", description="First day, MM-DD.")
    to: str = Field(description="Last day, MM-DD.")

    _check = field_validator("from_", "to")(classmethod(lambda cls, v: _mmdd(v)))


class Condition(_Model):
    """A test on one field of an activity: a comparison (``op``/``value``) or keyword lists."""

    field: str = Field(description="Canonical field (hours, duration_days, title …) or a log column name.")
    op: Literal[">=", ">", "<=", "<", "==", "!=", "nonempty"] | None = Field(
        default=None, description="Comparison with value; numbers compare numerically."
    )
    value: float | str | None = Field(default=None, description="Right-hand side of op.")
    any: list[str] = Field(default_factory=list, description="Text contains at least one of these.")
    none: list[str] = Field(default_factory=list, description="…and none of these.")

    @model_validator(mode="after")
    def _one_form(self) -> Condition:
        if self.op is None and not self.any:
            raise ValueError("a condition needs op (with value) or any")
        if self.op not in (None, "nonempty") and self.value is None:
            raise ValueError(f"op {self.op!r} needs a value")
        return self


class _Req(_Model):
    window: Window | None = Field(default=None, description="Only activities inside this window count.")


class CountReq(_Req):
    """At least ``min`` matching activities in each ``per`` period of the audit year."""

    kind: Literal["count"]
    min: int = Field(ge=1)
    per: Period = "year"


class DeadlineReq(_Req):
    """A matching activity dated on or before ``by`` (MM-DD) of the audit year."""

    kind: Literal["deadline"]
    by: str

    _check = field_validator("by")(classmethod(lambda cls, v: _mmdd(v)))


class SumReq(_Req):
    """A numeric field summed over matching activities reaches ``min`` (per person if asked)."""

    kind: Literal["sum"]
    field: str = Field(default="hours", description="Numeric field to add up.")
    min: float = Field(gt=0)
    per_person: bool = Field(default=False, description="Check each person (actor column) separately.")
    unit: str = Field(default="学时", description="Unit of the sum, for display.")


class RateReq(_Req):
    """Share (percent) of matching case rows that satisfy ``where`` reaches ``min``."""

    kind: Literal["rate"]
    min: float = Field(gt=0, le=100, description="Percent.")
    where: Condition
    of: str = Field(default="事项", description="What the rows are (案件, 文件 …), for display.")


class EachReq(_Req):
    """Every matching activity satisfies ``where``."""

    kind: Literal["each"]
    where: Condition


class AllOfReq(_Req):
    """Each of several named bodies or items has a matching activity (听取人大、政府、政协、法院、检察院党组汇报).

    An item may list alternatives separated by ``|`` (政府|人民政府); the first is its name in shortfalls.
    """

    kind: Literal["all_of"]
    items: list[str] = Field(min_length=2, description="The bodies or items that each need a row (A|B = either).")

    @field_validator("items")
    @classmethod
    def _distinct(cls, v: list[str]) -> list[str]:
        names = [i.split("|")[0].strip() for i in v]
        if any(not n for n in names) or len(set(names)) != len(names):
            raise ValueError("items need distinct, non-empty names")
        return v

    def names(self) -> list[str]:
        """Each item's name (its first alternative)."""
        return [i.split("|")[0].strip() for i in self.items]


class EvidenceReq(_Req):
    """Qualitative duty: at least one matching activity shows it was done."""

    kind: Literal["evidence"]


Requirement = Annotated[
    CountReq | DeadlineReq | SumReq | RateReq | EachReq | AllOfReq | EvidenceReq, Field(discriminator="kind")
]


def known_types(types: list[str]) -> list[str]:
    """``types`` unchanged when each is an activity type id, else a ValueError naming the first unknown one."""
    unknown = [t for t in types if t not in ACTIVITY_TYPES]
    if unknown:
        raise ValueError(f"unknown type {unknown[0]!r}; known: {', '.join(ACTIVITY_TYPES)}")
    return types


class Match(_Model):
    """Which log rows evidence a duty. Keywords are tested on the row's normalised text.

    ``concepts`` name activities of the shared vocabulary (packs/vocabulary.yaml); a row naming one of
    them, or containing one of ``any``, qualifies. An entry of ``all`` may list alternatives separated
    by ``|`` (听取|审议): one of them suffices.
    """

    types: list[str] = Field(default_factory=list, description="Activity types (see ACTIVITY_TYPES).")
    concepts: list[str] = Field(
        default_factory=list,
        description="Concept ids of the shared vocabulary (会前学法, 述法 …); naming one qualifies, like any.",
    )
    all: list[str] = Field(default_factory=list, description="Every entry must occur (A|B = either).")
    any: list[str] = Field(default_factory=list, description="At least one must occur (or a concept), if given.")
    none: list[str] = Field(default_factory=list, description="None may occur.")
    attributed: bool = Field(
        default=False,
        description=(
            "Only rows the log attributes to the duty's role count (责任主体, sheet, 类别 or the title's subject): "
            "for a duty whose twin in another role's list takes the rows that say nobody (党委 and 政府 普法)."
        ),
    )
    any_role: bool = Field(
        default=False,
        description=(
            "Rows of every role count: for a duty the sentence lays on every leader (年终述职 of 领导班子和领导干部), "
            "when the other role's list has no such duty."
        ),
    )

    @field_validator("types")
    @classmethod
    def _known_types(cls, v: list[str]) -> list[str]:
        return known_types(v)

    @field_validator("concepts")
    @classmethod
    def _known_concepts(cls, v: list[str]) -> list[str]:
        from dutyaudit.vocabulary import load_vocabulary

        known = load_vocabulary().concepts
        unknown = [c for c in v if c not in known]
        if unknown:
            raise ValueError(f"unknown concept {unknown[0]!r} (concepts are listed in packs/vocabulary.yaml)")
        return v

    @model_validator(mode="after")
    def _something(self) -> Match:
        if not (self.all or self.any or self.concepts):
            raise ValueError("a match needs concepts or keywords in all or any")
        if self.attributed and self.any_role:
            raise ValueError("attributed and any_role contradict each other")
        return self


class Years(_Model):
    """Audit years a duty applies to (a target set for a named year)."""

    from_: int | None = Field(default=None, alias="from")
    to: int | None = None

    def covers(self, year: int) -> bool:
        return (self.from_ is None or year >= self.from_) and (self.to is None or year <= self.to)


class Duty(_Model):
    """One checkable duty, quoting its source sentence."""

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9_.-]*$")
    role: str
    clause: str = Field(description="The source's own clause number, e.g. 三(一)1(1).")
    text: str = Field(description="Source sentence, verbatim (simplified Chinese).")
    label: str = Field(description="Short label for tables.")
    requirement: Requirement
    match: Match
    weight: float = Field(default=1, gt=0)
    owners: list[str] = Field(default_factory=list, description="Responsible units, lead first.")
    years: Years | None = Field(default=None, description="Audit years the duty applies to.")
    note: str | None = Field(default=None, description="How the duty is read (hedges, later years).")
    review: list[str] = Field(
        default_factory=list, description="What a person must still check (set by `packs draft`; delete when settled)."
    )

    @property
    def kind(self) -> str:
        return self.requirement.kind


class Pack(_Model):
    """A whole duty pack."""

    schema_: Literal[1] = Field(alias="schema")
    id: str = Field(pattern=r"^[a-z0-9][a-z0-9_-]*$")
    name: str
    jurisdiction: str
    issuer: str
    issued: dt.date
    version: str | None = None
    source: str | None = Field(default=None, description="Where the document was published.")
    roles: dict[str, Role]
    grades: dict[str, float] = Field(default_factory=dict, description="Grade name → lower bound.")
    fields: list[PackField] = Field(default_factory=list)
    exclusive: bool = Field(
        default=False,
        description=(
            "A row satisfying the rules of several clauses counts only for the clause(s) whose text it "
            "resembles most (see dutyaudit.specificity); drafted packs set it."
        ),
    )
    duties: list[Duty] = Field(min_length=1)

    @model_validator(mode="after")
    def _consistent(self) -> Pack:
        seen: set[str] = set()
        for d in self.duties:
            if d.id in seen:
                raise ValueError(f"duty {d.id}: id is used twice")
            seen.add(d.id)
            if d.role not in self.roles:
                raise ValueError(f"duty {d.id}: role {d.role!r} is not one of {', '.join(self.roles)}")
        return self

    @property
    def display_version(self) -> str:
        return self.version or self.issued.isoformat()

    def duty(self, duty_id: str) -> Duty | None:
        return next((d for d in self.duties if d.id == duty_id), None)
