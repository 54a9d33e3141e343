"""Who a drafted duty binds (roles) and which units answer for it (owners).

Roles come from the headings a clause sits under (一、乡镇党委主要负责人…清单, 第五条 党委主要负责人…,
(二)政府主要负责人…); a heading naming 党政主要负责人 binds both leaders. Where no heading names a
role, the subject a sentence opens with decides (乡镇政府、街道办事处…, 各级人大…, 人民法院…), else the subject
most sentences of its section open with (四、推进公正司法: 人民法院…, 司法机关…), else the document's issuer
(a 党委 decision binds the party, a 政府 plan the government) — a guess the review notes say. Owners are the
责任单位 / 牵头单位 tail of a task: (责任单位:市司法局、市政府各部门,各县(区)政府).
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class RoleDef:
    """A role a draft may use: id, the name written in the pack, the aliases logs tell it by."""

    id: str
    name: str
    aliases: tuple[str, ...]


ROLES: dict[str, RoleDef] = {
    r.id: r
    for r in (
        RoleDef(
            "township_party",
            "乡镇党委主要负责人",
            ("乡镇党委", "镇党委", "乡党委", "党委", "党委会", "党委书记", "街道党工委", "党工委"),
        ),
        RoleDef(
            "township_government",
            "乡镇政府主要负责人",
            (
                "乡镇政府",
                "镇政府",
                "乡政府",
                "镇人民政府",
                "乡人民政府",
                "人民政府",
                "政府",
                "镇长",
                "乡长",
                "街道办事处",
            ),
        ),
        RoleDef(
            "township",
            "乡镇政府、街道办事处",
            ("镇人民政府", "镇政府", "乡政府", "街道办事处", "街道办", "镇长", "乡长", "镇党委"),
        ),
        RoleDef("department", "部门主要负责人", ("部门", "局党组", "局党委", "局长", "局", "发改委", "卫健委")),
        RoleDef(
            "party",
            "党委主要负责人",
            ("市委", "县委", "区委", "党委", "党工委", "常委会", "县委常委会", "市委常委会", "区委常委会", "书记"),
        ),
        RoleDef(
            "government",
            "政府主要负责人",
            (
                "市政府",
                "县政府",
                "区政府",
                "人民政府",
                "政府",
                "政府党组",
                "常务会议",
                "常务会",
                "政府常务会议",
                "市长",
                "县长",
                "区长",
            ),
        ),
        RoleDef("congress", "人大及其常委会", ("人大", "人大常委会", "主任会议")),
        RoleDef("judiciary", "法院、检察院", ("法院", "人民法院", "检察院", "人民检察院", "司法机关")),
    )
}

# heading → roles: the subject of a 主要负责人 heading (most specific first)
_HEADING = (
    (re.compile(r"乡镇党委|镇党委|乡（镇）党委|乡\(镇\)党委"), ("township_party",)),
    (re.compile(r"乡镇政府|镇政府|乡镇人民政府"), ("township_government",)),
    (re.compile(r"部门(?:党政)?主要负责人|部门主要负责同志"), ("department",)),
    (re.compile(r"党政主要负责人"), ("party", "government")),
    (re.compile(r"党委(?:（党组）|\(党组\))?主要负责人|党委书记"), ("party",)),
    (re.compile(r"政府主要负责人|政府主要负责同志|市长|县长|区长"), ("government",)),
)
_LEADER = re.compile(r"主要负责人|主要负责同志|书记|市长|县长|区长")
# sentence opening → role
_SUBJECT = (
    (re.compile(r"^.{0,6}(?:乡镇政府|乡镇人民政府|街道办事处|乡镇（街道）|乡镇\(街道\))"), "township"),
    (re.compile(r"^.{0,4}人大(?:及其常委会)?"), "congress"),
    (re.compile(r"^.{0,4}(?:人民法院|法院|检察院|检察机关|审判机关|司法机关|政法机关)"), "judiciary"),
    (re.compile(r"^.{0,6}(?:政府(?:各)?(?:工作)?部门|各部门|行政执法部门|执法部门)"), "department"),
    (re.compile(r"^.{0,6}(?:党委|党组|各级党组织|党员领导干部)"), "party"),
    (re.compile(r"^.{0,6}(?:各级)?(?:人民)?政府"), "government"),
)


def heading_roles(text: str) -> tuple[str, ...] | None:
    """The roles a heading names as its subject (党委主要负责人…: party), or None."""
    head = text[:16]  # the subject opens the heading: 第五条 党委主要负责人在…, (二)政府主要负责人…
    if not _LEADER.search(head):
        return None
    for rx, roles in _HEADING:
        if rx.search(head):
            return roles
    return None


#: A sentence opening with these names its object, not its subject (对人民法院提出的司法建议…).
_OBJECT_LEAD = re.compile(r"^(?:对|向|与|会同|配合|协助|支持)")
#: What a body owns, not does (人民法院生效裁判履行率): the body is no subject then.
_OWNED = re.compile(r"的?(?:生效裁判|生效判决|判决|裁判|裁定|司法建议|检察建议|书面建议)")


def subject_role(sentence: str) -> str | None:
    """The role a sentence's opening subject names (乡镇政府、街道办事处每年… → township), or None; not a
    body the sentence opens with as an object (对人民法院…) or an owner (人民法院生效裁判履行率…)."""
    if _OBJECT_LEAD.match(sentence):
        return None
    for rx, role in _SUBJECT:
        m = rx.search(sentence)
        if m and not _OWNED.match(sentence, m.end()):
            return role
    return None


def default_role(title: str, issuer: str) -> str:
    """The role a document binds by default: a 党委 document the party, else the government."""
    text = title + issuer
    if re.search(r"中共|党委|市委|县委|区委|党工委", text) and not re.search(r"政府", title):
        return "party"
    return "government"


# ---------------------------------------------------------------- owners

_TAIL = re.compile(r"[（(]\s*(?:牵头单位|责任单位|牵头部门|责任部门|配合单位|主要责任单位)\s*[:：]")
_LABEL = re.compile(r"^(?:牵头单位|责任单位|牵头部门|责任部门|配合单位|主要责任单位)\s*[:：]\s*")


def split_owner_tail(paragraph: str) -> tuple[str, list[str]]:
    """``…命名。(责任单位:市委依法治市办(市司法局)、政府办公室)`` → (the text before, [owners]).

    Lead units (牵头单位) come first; units are split at 、，,；; but not inside brackets.
    """
    tails = list(_TAIL.finditer(paragraph))
    if not tails:
        return paragraph, []
    m = tails[-1]
    inner = paragraph[m.end() :].rstrip("。 ")
    if inner.endswith(("）", ")")):
        inner = inner[:-1]
    owners: list[str] = []
    for part in re.split(r"[;；]", inner):
        part = _LABEL.sub("", part.strip())
        owners.extend(_split_units(part))
    return paragraph[: m.start()].rstrip(), [o for o in dict.fromkeys(owners) if o]


def _split_units(text: str) -> list[str]:
    out, depth, cur = [], 0, ""
    for ch in text:
        if ch in "(（〔":
            depth += 1
        elif ch in ")）〕":
            depth = max(0, depth - 1)
        if depth == 0 and ch in "、，,":
            out.append(cur.strip())
            cur = ""
        else:
            cur += ch
    out.append(cur.strip())
    return [o for o in out if o]
