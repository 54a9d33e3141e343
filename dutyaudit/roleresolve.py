"""Which role a log row belongs to: its 责任主体 cell or sheet name, a 类别 cell that is a role's name,
else the subject of its title, else the body a descriptive column (主要内容) opens with.

A row whose role the log does not say (no role cell, a role-neutral title) may count for any role; a
role cell naming two roles (县委、县政府) makes the row count for each.
"""

from __future__ import annotations

import re

from dutyaudit.ingest.aliases import TITLE_TEXTS
from dutyaudit.ingest.text import fold, normalize
from dutyaudit.model import Activity
from dutyaudit.packmodel import Pack

#: Words after which a title names whom the activity was about or for, not who did it.
_OBJECT_CUE = re.compile(r"听取|听|审议|督促|支持|配合|向|关于|给|请|到|赴|就|对|选举|任命|履行|报(?=[县区市镇乡])")


#: Compounds in which 政府 names a quality of government, a place or an activity, not a body (法治政府建设, 政府网站,
#: 政府信息公开):
#: masked before a title's roles are looked for.
_NOT_A_BODY = re.compile(
    r"(?:法治|数字|服务型|诚信|廉洁|责任|创新|阳光)政府|(?:区|县|市|镇)?(?:人民)?政府(?:门户)?网站|政府信息公开"
)


def _subject(key: str) -> str:
    """The part of a title that names who acted: before any object cue, 法治政府 and the like masked."""
    return _NOT_A_BODY.sub(lambda m: "□" * len(m.group(0)), _OBJECT_CUE.split(key, maxsplit=1)[0])


#: Titles that name a kind of meeting and nothing else: the body is looked for in the row's other cells.
_GENERIC_TITLES = frozenset({"专题会议", "专题会", "工作会议", "会议", "协调会", "座谈会", "推进会", "调度会"})

#: Headers of a descriptive column (主要内容, 议题 …) beside a title column: its opening may name who acted.
_DESCRIPTIVE = frozenset(fold(t) for t in TITLE_TEXTS)

#: A leader's title and the body the leader heads, for a person column (覃丽萍（镇长）): 县长 heads the 县政府.
_LEADERS = (
    ("县长", "县政府"),
    ("区长", "区政府"),
    ("市长", "市政府"),
    ("镇长", "镇政府"),
    ("乡长", "乡政府"),
    ("书记", "党委"),
    ("局长", "局"),
)

#: Bodies that are no role of a 党政 duty list: a title opening with one of them is theirs.
_OTHER_BODIES = ("人大", "政协")
#: …but not one opening with what their deputies hand to others (人大代表建议办理, 政协提案办理): the unit handles it.
_HANDLED = re.compile(r"(?:代表|委员)?(?:建议|提案|议案)")


class RoleResolver:
    """Resolves a row's role id from its 责任主体 cell or sheet name, else from its title."""

    def __init__(self, pack: Pack, own: tuple[str, str] | None = None) -> None:
        """``own``: (the audited unit's name, its role): an alias its name holds names that role there (常委会 in
        乐至县人大常委会's log is the 人大常委会, not a 党委's 常委会)."""
        unit = normalize(own[0]) if own else ""
        self._aliases = [
            (alias, own[1] if own and len(alias) > 1 and alias in unit else rid)
            for rid, role in pack.roles.items()
            for a in [role.name, *role.aliases]
            if a.strip()
            for alias in [normalize(a)]
        ]
        self._aliases.sort(key=lambda p: -len(p[0]))
        self._exact = {alias: rid for alias, rid in self._aliases if alias}
        self._cache: dict[str, str | None] = {}
        self._by_text: dict[str, str | None] = {}
        self._by_actor: dict[str, str | None] = {}
        self._joint: dict[str, frozenset[str]] = {}
        self._titled: dict[str, frozenset[str]] = {}

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
        if a.type_text:
            # a 类别 column the clerk filled with the body (党委, 政府) rather than an activity type
            rid = self._exact.get(normalize(a.type_text))
            if rid is not None:
                return rid
        found = self._title_role(a.key)
        if found is None and a.type_text:
            # a 形式 column naming the meeting (区政府常务会议会前学法) beside a title that names the law studied
            found = self._title_role(normalize(a.type_text))
        if found is None and a.extra and a.key in _GENERIC_TITLES:
            # a generic title (专题会议) whose 议题 names the body: 区政府2023年第一期法治专题讲座
            named = {
                r
                for v in a.extra.values()
                if isinstance(v, str) and len(v) > 4
                for r in [self._title_role(normalize(v)[:40])]
                if r is not None and r not in _OTHER_BODIES
            }
            found = named.pop() if len(named) == 1 else None
        elif found is None and a.extra:
            # a title that names nobody (民法典宣传月) beside a 主要内容 that opens with the body: 镇党委牵头组织…
            named = {
                r
                for k, v in a.extra.items()
                if isinstance(v, str) and len(v) > 4 and fold(k).rstrip(":：") in _DESCRIPTIVE
                for r in [self._opening_role(normalize(v))]
                if r is not None
            }
            found = named.pop() if len(named) == 1 else None
        if found is None and a.actor:
            # the leader who did it (覃丽萍（镇长）, 县委书记): the body the leader heads
            found = self._leader_role(a.actor)
        return found

    def _leader_role(self, actor: str) -> str | None:
        """The role of the body a person column's leader heads (镇长 → 镇政府, 党委书记 → 党委), or None."""
        rid = self._by_actor.get(actor, "?")
        if rid == "?":
            text = normalize(actor)
            rid = self._lookup(text)  # 党委书记, 镇长 where the pack names them
            if rid is None:
                bodies = {body for title, body in _LEADERS if title in text}
                found = {r for body in bodies for r in [self._lookup(body)] if r is not None}
                rid = found.pop() if len(found) == 1 else None
            self._by_actor[actor] = rid
        return rid

    def _opening_role(self, key: str) -> str | None:
        """The role a text opens with (镇党委牵头组织…, 党委文件…), not one named further on (研究部署区政府部门…)."""
        subject = _subject(key[:12])
        hits = {rid for alias, rid in self._aliases if len(alias) > 1 and 0 <= subject.find(alias) <= 2}
        return hits.pop() if len(hits) == 1 else None

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

    def title_roles(self, key: str) -> frozenset[str]:
        """Every role the title's subject names (宪法日 党委政府在广场搞宣传 → both township roles)."""
        found = self._titled.get(key)
        if found is None:
            subject = _subject(key)
            found = frozenset(rid for alias, rid in self._aliases if len(alias) > 1 and alias in subject)
            self._titled[key] = found
        return found

    def weak_role(self, key: str) -> str | None:
        """The role a title names only inside a compound such as 法治政府建设 (see :data:`_NOT_A_BODY`): a hint
        that the row is that body's work where the audit covers it, never a reason to take the row away
        from the roles audited (a department's 法治政府建设 report is the department's)."""
        subject = _OBJECT_CUE.split(key, maxsplit=1)[0]
        if not _NOT_A_BODY.search(subject):
            return None
        hits = {rid for alias, rid in self._aliases if len(alias) > 1 and alias in subject}
        return hits.pop() if len(hits) == 1 else None

    def _title_role(self, key: str) -> str | None:
        """The role a title names by a unique alias of two or more characters, before any word that
        makes what follows an object (常委会听取区政府党组汇报 is not the government's; a title naming
        局 — 报区司法局 — is usually about another office, not by a department)."""
        if key in self._cache:
            return self._cache[key]
        subject = _subject(key)
        hits = {rid for alias, rid in self._aliases if len(alias) > 1 and alias in subject}
        found = hits.pop() if len(hits) == 1 else None
        if found is None and not hits:
            # opened by another body (镇人大主席团听取…, 县政协视察…): no role of this pack
            found = next(
                (
                    body
                    for body in _OTHER_BODIES
                    if body in subject[:4] and not _HANDLED.match(subject, subject.find(body) + len(body))
                ),
                None,
            )
        self._cache[key] = found
        return found
