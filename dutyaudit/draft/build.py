"""Drafting: a document's clause tree → duties (text, clause, role, requirement, match, owners, review).

Every sentence of a numbered clause is a candidate duty, quoted verbatim. A sentence with quantified
requirements gives one duty per number (its comma-segment quoted when the sentence holds several);
any other sentence is an ``evidence`` duty. Titles (a short first sentence followed by more) and the
text of clauses that have sub-clauses give duties only where they add a number or a concept their
sub-clauses do not name. Purpose, scope, definition (本制度所称…是指), entry-into-force and repeal
sentences are left out. A clause saying that another body's heads follow the document
(部门主要负责人…参照本办法执行) binds that body to the government's duties, each cited by the clause it
applies (第六条(一)), a review note naming the clause that binds (第十条).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from dutyaudit.draft.matchrules import ConceptFinder, Narrower, Phrases, Strength, assign_matches
from dutyaudit.draft.quantities import Quantity, find_quantities, unread_figures
from dutyaudit.draft.roles import default_role, heading_roles, split_owner_tail, subject_role
from dutyaudit.draft.tree import Clause, Tree

_SENTENCE = re.compile(r"[^。；;！？!?]+[。；;！？!?]?")
_BOILERPLATE = re.compile(
    r"制定本(?:实施)?(?:办法|方案|清单|规定|细则|决定|意见|制度|规则)|特制定"
    r"|本(?:实施)?(?:办法|方案|清单|决定|规定|意见|细则|制度|规则)(?:自|由|适用|所称|具体解释)|自(?:印发|发布)之日起(?:施行|实施|生效|执行)"
    r"|负责解释|解释工作由|适用于|参照本|如下[。:：]?$|同时废止|所称[^，,。]{1,20}[，,]?是指"
)
_REFER = re.compile(r"部门[^。]{0,20}主要负责人[^。]{0,40}参照本")
#: Words around a figure that say how often, not what: left out when judging whether a segment names its activity.
_FILLER = re.compile(
    r"[\d.%％]+|[一二两三四五六七八九十]+(?=[次期场轮档个项])|原则上|一般|每年度?|每半年|每季度?|每月|年内|全年"
    r"|不少于|不低于|不得少于|至少|最少|以上|达到|均|应当|要|参加人数|人数|时间|分钟|[次期场轮档个项学时日天率人名,，、]"
)
#: Sections that state principles and aims rather than duties: only their figures are drafted.
_GENERAL = re.compile(r"指导思想|基本原则|总体要求|工作原则|重要意义|总体目标|目的依据")
#: A heading that is a sentence of several tasks (加强…组织领导，制定工作方案和年度工作计划，及时研究解决…):
#: drafted itself, as its items need not restate it.
_TASKS = re.compile(r"[,，；;]")
#: Sections of requirements (组织领导, 经费保障, 宣传, 督察) addressed to every body the document binds: drafted,
#: with the document's own role rather than their sentences' subjects (各县(区)各部门要…).
_REQUIREMENTS = re.compile(r"工作要求|保障措施|组织保障|组织实施")
_PREFIX = {
    "party": "party",
    "government": "gov",
    "department": "dept",
    "township_party": "tparty",
    "township_government": "tgov",
    "township": "town",
    "congress": "congress",
    "judiciary": "judiciary",
}
_MANNER = re.compile(r"^(?:严格)?(?:按照|依照|根据|对照|遵照)[^,，]*(?:要求|规定|部署|精神)$")
#: A target's year closing a run of a sentence (…创建,到2025年).
_YEAR_TAIL = re.compile(r"[,，]\s*(?:到|至|力争到)\d{4}年(?:底|末)?$")
_HINT = re.compile(r"定期|经常性|常态化|年度|按时|按期")


@dataclass
class Drafted:
    """One drafted duty before ids are given."""

    role: str
    clause: str
    text: str
    requirement: dict[str, Any]
    match: dict[str, Any]
    owners: list[str] = field(default_factory=list)
    years: int | None = None
    review: list[str] = field(default_factory=list)
    fields: list[str] = field(default_factory=list)
    match_text: str = ""
    part: bool = False
    """The rest of a sentence whose figures are duties of their own."""
    """The words the match rule is drawn from: the quoted text, or a figure's own comma-segment."""


def sentences(paragraph: str) -> list[str]:
    """A paragraph's sentences, verbatim, without their closing 。；."""
    out = []
    for m in _SENTENCE.finditer(paragraph):
        s = m.group(0).strip().rstrip("。；;！？!? ")
        if s:
            out.append(s)
    return out


@dataclass
class _Unit:
    clause: Clause
    text: str
    owners: list[str]
    title: bool


def _units(c: Clause) -> list[_Unit]:
    """A clause's sentences, with the task's owners and whether the sentence is the clause's title."""
    units: list[_Unit] = []
    owners: list[str] = []
    paragraphs = list(c.paragraphs)
    if paragraphs:
        paragraphs[-1], owners = split_owner_tail(paragraphs[-1])
    for i, p in enumerate(paragraphs):
        for j, s in enumerate(sentences(p)):
            units.append(_Unit(c, s, owners, False))
            if i == 0 and j == 0 and len(s) <= 20:
                units[-1].title = True
    if len(units) == 1:
        units[0].title = False
    return units


def _segments(sentence: str, qs: list[Quantity]) -> tuple[list[tuple[str, str]], list[str]]:
    """(quoted text, match text) of each quantity, and the sentence's other comma-separated runs.

    A figure quotes the sentence, or its own comma-segment when the sentence's numbers fall in several;
    it matches on its own segment (what the figure counts; a segment that is only 每年不少于2次 reaches
    back to the one before). The runs of segments no figure uses are left over for evidence duties
    (定期听取工作汇报,组织…每年至少听取1次…汇报,及时研究解决有关重大问题 leaves two).
    """
    bounds = [0] + [m.end() for m in re.finditer(r"[,，]", sentence)] + [len(sentence) + 1]
    seg_of = [max(i for i, b in enumerate(bounds[:-1]) if b <= q.start) for q in qs]
    own, used = [], set()
    for k in seg_of:
        a, b = bounds[k], bounds[k + 1] - 1
        used.add(k)
        last = len(bounds) - 2
        if sentence[a:b].strip(",， ").endswith("前") and k < last and len(_FILLER.sub("", sentence[a:b])) < 4:
            k += 1  # 每年3月1日前,…报告上一年度…情况: what is due comes after the date
            b = bounds[k + 1] - 1
            used.add(k)
        while k > 0 and len(_FILLER.sub("", sentence[a:b])) < 4:  # 原则上每年不少于2次: what it counts is before
            k -= 1
            a = bounds[k]
            used.add(k)
        own.append(sentence[a:b].strip(",， "))
    targets = any(q.years for q in qs)
    rest: list[list[int]] = []
    run: list[int] = []
    for k in range(len(bounds) - 1):
        if k in used:
            rest.append(run)
            run = []
        else:
            run.append(k)
    rest.append(run)
    runs = [sentence[bounds[r[0]] : bounds[r[-1] + 1] - 1].strip(",， ") for r in rest if r]
    runs = [t for t in runs if len(_FILLER.sub("", t)) >= 6]
    if targets:  # a year's target quotes its sentence; the task beside it (深化…创建,到2025年,…) is every year's
        return [(sentence, sentence)] * len(qs), [_YEAR_TAIL.sub("", t) for t in runs]
    if len(set(seg_of)) <= 1:
        return [(sentence, o) for o in own], runs
    return [(o, o) for o in own], runs


class Drafter:
    """Turns a clause tree into drafted duties."""

    def __init__(
        self,
        tree: Tree,
        vocab: ConceptFinder,
        title: str,
        issuer: str,
        strength: Strength | None = None,
        narrower: Narrower | None = None,
        phrases: Phrases | None = None,
    ) -> None:
        self.tree = tree
        self.vocab = vocab
        self.strength = strength
        self.narrower = narrower
        self.phrases = phrases
        self.default = default_role(title, issuer)
        self._theme = self._concepts(title)
        self.corpus = [(c.id, s) for c in tree.clauses() for p in c.paragraphs for s in sentences(p)]
        self._leads = {c.id: lead_in(c) for c in tree.clauses()}
        self._sections: dict[str, str | None] = {}
        self._parents = {c.id: "".join(c.parent.paragraphs) for c in tree.clauses() if c.parent and self._leads[c.id]}

    def _roles(self, c: Clause, text: str) -> tuple[tuple[str, ...], list[str]]:
        for node in [c, *c.ancestors()]:
            paragraphs = node.paragraphs if node is not c else node.paragraphs[:1]
            for p in paragraphs:
                found = heading_roles(p)
                if found:
                    return found, []
        lead = lead_in(c)
        role = subject_role(lead if lead else text)  # an item of a list (…的案件) has the lead-in's subject
        if role and c.paragraphs and split_owner_tail(c.paragraphs[-1])[1] and role != "township":
            role = None  # a task with 责任单位: the units tell who does it, not the sentence's subject
        if role:
            return (role,), [f"role from the sentence's subject ({role}); no heading names the role"]
        section = self._section_role(c)
        if section:
            return (section,), [f"role from its section's subjects ({section}): most of its sentences that name one"]
        return (self.default,), [
            f"role guessed: no heading or subject names one, so the document's default ({self.default})"
        ]

    def _section_role(self, c: Clause) -> str | None:
        """The role most sentences of ``c``'s top section name as their subject (四、推进公正司法: 人民法院…,
        司法机关…), when it is another than the document's default: the section's other sentences are that body's
        work too. None when fewer than two sentences, or not most of those with a subject, name it."""
        top = c
        while top.parent is not None and top.parent.style != "root":
            top = top.parent
        if top.id not in self._sections:
            found = [subject_role(s) for node in top.walk() for p in node.paragraphs for s in sentences(p)]
            named = [r for r in found if r]
            best = max(set(named), key=named.count) if named else None
            keep = best is not None and best != self.default and named.count(best) >= max(2, len(named) / 2)
            self._sections[top.id] = best if keep else None
        return self._sections[top.id]

    def _concepts(self, text: str) -> set[str]:
        return set(self.vocab.concepts_named_in(text))

    def _adds_concept(self, c: Clause, heading: str) -> bool:
        """Whether a heading names (squarely) a concept none of its sub-clauses name (深入推进…法治宣传教育
        over tasks of 示范村创建, 法律明白人, 法律顾问): a duty of its own, which rows of that concept evidence."""
        named = {x for x in self._concepts(heading) if self.strength is None or self.strength(x, heading)}
        below = {x for d in c.children for p in _all_text(d) for x in self._concepts(p)}
        return bool(named - below)

    def _title_adds(self, title: _Unit, units: list[_Unit]) -> bool:
        """Whether a task's title names (squarely) a concept none of its sentences name (推动落实党委理论学习中心组
        学法制度。 over 建立健全…学法用法制度, 每年举办2期以上法治专题讲座): a duty of its own, unless the
        document's title names that concept (会前学法实行年度计划管理 in a 会前学法制度)."""
        named = {x for x in self._concepts(title.text) if self.strength is None or self.strength(x, title.text)}
        below = {x for u in units if u is not title for x in self._concepts(u.text)}
        return bool(named - below - self._theme)  # the document's own subject (会前学法制度) is every task's

    def draft(self) -> list[Drafted]:
        out: list[Drafted] = []
        required: list[Drafted] = []  # duties of a section of requirements
        for c in self.tree.clauses():
            units = _units(c)
            general = any(_GENERAL.search(a.heading[:12]) for a in [c, *c.ancestors()])
            requirements = any(_REQUIREMENTS.search(a.heading[:12]) for a in [c, *c.ancestors()])
            for u in units:
                if _BOILERPLATE.search(u.text) or u.text.endswith((":", "：")):
                    continue
                qs = find_quantities(u.text)
                if not qs:
                    if general or (u.title and not self._title_adds(u, units)):
                        continue  # principles and aims; a task's title, restated by its sentences
                    if c.children and not _TASKS.search(u.text) and not self._adds_concept(c, u.text):
                        continue  # a heading: its sub-clauses say it
                drafted = self._duties(c, u, qs)
                out.extend(drafted)
                if requirements:
                    required.extend(drafted)
        self._bind_requirements(out, required)
        out += self._referred(out)
        for d, (match, notes) in zip(
            out,
            assign_matches(
                [(d.role, d.clause, d.match_text, _kind(d)) for d in out],
                self.vocab,
                self.corpus,
                self.strength,
                self.narrower,
                [self._leads.get(d.clause.split("/")[-1], "") for d in out],
                self.phrases,
                [self._parents.get(d.clause.split("/")[-1], "") for d in out],
            ),
            strict=True,
        ):
            d.match = match
            d.review += notes
        return out

    def _bind_requirements(self, out: list[Drafted], required: list[Drafted]) -> None:
        """A section of requirements addresses every body the document binds (各县(区)各部门要…): a duty
        there whose subject names a role no other section uses takes the document's default role."""
        ids = {id(d) for d in required}
        used = {d.role for d in out if id(d) not in ids}
        for d in required:
            if d.role not in used and self.default in used:
                d.review = [n for n in d.review if not n.startswith("role ")]
                d.review.append(
                    f"role: the document's default ({self.default}); the subject's role ({d.role}) binds nothing"
                    " else in the document and a section of requirements addresses every body it binds"
                )
                d.role = self.default

    def _duties(self, c: Clause, u: _Unit, qs: list[Quantity]) -> list[Drafted]:
        roles, role_notes = self._roles(c, u.text)
        drafted: list[Drafted] = []
        rest: list[str] = []
        if qs:
            texts, rest = _segments(u.text, qs)
            items = [
                (t, q.requirement, q.years, [_reading(q), *q.review], q.fields, m)
                for (t, m), q in zip(texts, qs, strict=True)
            ]
            if len(qs) > 1:
                items = [
                    (t, r, y, [*n, f"one of {len(qs)} figures in the sentence"], f, m) for t, r, y, n, f, m in items
                ]
        else:
            note = "no number found: evidence (one matching row in the year)"
            hint = _HINT.search(u.text)
            if hint:
                note += f"; “{hint.group(0)}” without a figure — set a count if your practice fixes one"
            items = [(u.text, {"kind": "evidence"}, None, [note], [], u.text)]
        for run in rest:  # what the sentence asks besides its figures
            if run.endswith(("后", "时", "的")) or _MANNER.match(run):
                continue  # a condition (收到通知书后) or a manner (按照…要求), not a duty of its own
            note = "no number in this part of the sentence: evidence (one matching row in the year)"
            items.append((run, {"kind": "evidence"}, None, [note], [], run))
        unread = unread_figures(u.text, qs)
        for text, _, _, notes, _, _ in items:
            notes += [f"a figure the drafter could not read: {f}; set it by hand" for f in unread if f in text]
        for text, req, years, notes, fields, match_text in items:
            own = subject_role(text) if text != u.text else None  # a segment with a subject of its own
            if own and own not in roles and role_notes and not u.owners:  # no heading decided the role
                roles, role_notes = (own,), [f"role from the segment's subject ({own}); no heading names the role"]
            for role in roles:
                both = [f"binds {' and '.join(roles)}: one duty each"] if len(roles) > 1 else []
                drafted.append(
                    Drafted(
                        role,
                        c.id,
                        text,
                        dict(req),
                        {},
                        list(u.owners),
                        years,
                        [*notes, *role_notes, *both],
                        list(fields),
                        match_text,
                        part=bool(qs) and req["kind"] == "evidence",
                    )
                )
        return drafted

    def _referred(self, drafted: list[Drafted]) -> list[Drafted]:
        """Department duties where the document says department heads follow it (参照本…执行)."""
        out: list[Drafted] = []
        if any(d.role == "department" for d in drafted):
            return out
        for c in self.tree.clauses():
            if any(_REFER.search(p) for p in c.paragraphs):
                for d in drafted:
                    if d.role == "government" and d.clause != c.id:
                        note = f"{c.id}: department heads follow the document, so the government's duty binds them too"
                        out.append(
                            Drafted(
                                "department",
                                d.clause,
                                d.text,
                                dict(d.requirement),
                                d.match,
                                [],
                                d.years,
                                [note, *d.review],
                                d.fields,
                                d.match_text,
                                d.part,
                            )
                        )
        return out


def _all_text(c: Clause) -> list[str]:
    """The paragraphs of a clause and of all its sub-clauses."""
    return [*c.paragraphs, *(p for d in c.children for p in _all_text(d))]


def lead_in(c: Clause) -> str:
    """The sentence that introduces the list ``c`` is an item of (下列案件，…应当出庭应诉：), or ""."""
    parent = c.parent
    if parent is None or parent.style == "root" or not parent.paragraphs:
        return ""
    last = sentences(parent.paragraphs[-1])
    return last[-1] if last and last[-1].endswith((":", "：")) else ""


def _kind(d: Drafted) -> str:
    """What assign_matches is told: ``target``, ``part`` (a sentence's rest beside its figures) or the kind."""
    if d.years:
        return "target"
    if d.part:
        return "part"
    return str(d.requirement["kind"])


def _reading(q: Quantity) -> str:
    """How a figure was read, e.g. 'read as count: min 4, per year'."""
    r = q.requirement
    parts = ", ".join(f"{k} {v}" for k, v in r.items() if k not in ("kind", "where", "window"))
    if "where" in r:
        w = r["where"]
        cond = f"where {w['field']} {w.get('op') or 'says'} {w.get('value', '/'.join(w.get('any', [])))}"
        parts = f"{parts}, {cond}" if parts else cond
    if "window" in r:
        parts += f", window {r['window']['from']}..{r['window']['to']}"
    year = f" in the {q.years} audit only" if q.years else ""
    return f"read as {q.kind}: {parts}{year}"


def assign_ids(drafted: list[Drafted]) -> list[str]:
    """Ids per role in document order: party-01, gov-01, dept-01 …"""
    seen: dict[str, int] = {}
    ids = []
    for d in drafted:
        n = seen.get(d.role, 0) + 1
        seen[d.role] = n
        ids.append(f"{_PREFIX.get(d.role, d.role)}-{n:02d}")
    return ids
