"""The audit's scope: which of a pack's roles (and owned duties) bind the audited unit, and why.

A department's log (…局, …委, …办) is audited on department duties, a township's (…镇, …乡, …街道) on
township duties, a county's or city's on 党委/政府 duties, unless ``--role`` names the roles. Roles that the
log itself names in a sheet name or a 责任主体 cell (a county log's 县司法局 sheet) are audited too. A role's
kind comes from its id (party, government, township_*, department) or, for other packs, from its name
(乡镇/街道 → township, 部门 → department, 党委/政府/党组 → county); a role named for 政府及各部门 binds
departments too. Duties of other roles are out of scope: not audited, not "missing".
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from dutyaudit.errors import UsageError
from dutyaudit.i18n import Lang, t
from dutyaudit.ingest.text import normalize
from dutyaudit.model import Activity
from dutyaudit.packmodel import Pack, Role
from dutyaudit.roleresolve import RoleResolver
from dutyaudit.units import UnitKind, unit_kind


@dataclass(frozen=True, slots=True)
class Scope:
    """The roles audited and the reason, in the run's language."""

    roles: tuple[str, ...]
    """Role ids whose duties are audited (every role of the pack when nothing narrows it)."""
    inferred: bool
    """True when the roles follow from the unit's kind, False when --role gave them or nothing narrowed them."""
    kind: UnitKind | None
    """The audited unit's kind, when its name tells it."""
    reason: str

    def as_dict(self) -> dict[str, object]:
        return {"roles": list(self.roles), "inferred": self.inferred, "kind": self.kind, "reason": self.reason}


def role_kinds(role_id: str, role: Role) -> set[UnitKind]:
    """The kinds of unit a role binds."""
    rid, name = role_id.lower(), role.name
    if "judiciary" in rid or any(w in name for w in ("法院", "检察院", "司法机关")):
        return {"judiciary"}
    if "congress" in rid or "人大" in name:
        return {"congress"}
    if "township" in rid or any(w in name for w in ("乡镇", "街道")):
        return {"township"}
    if "department" in rid:
        return {"department"}
    if rid in ("party", "government") or any(w in name for w in ("党委", "政府", "党组")):
        kinds: set[UnitKind] = {"county"}
        if "各部门" in name:
            kinds.add("department")
        return kinds
    if "部门" in name:
        return {"department"}
    return set()


def _names(pack: Pack, roles: Sequence[str], lang: Lang) -> str:
    """Roles for people: the pack's names in Chinese, the ids in English (names are pack content)."""
    return t("sep", lang).join(pack.roles[r].name if lang == "zh" else r for r in roles)


def log_roles(pack: Pack, rows: Iterable[Activity]) -> set[str]:
    """The roles a log names by sheet name or 责任主体 cell (not by title words)."""
    resolver = RoleResolver(pack)
    out = set()
    for text in dict.fromkeys(a.role_text for a in rows if a.role_text):
        rid = resolver.role_of(Activity("", "", 0, None, "", "", role_text=text))
        if rid is not None:
            out.add(rid)
    return out


#: A unit's own 党组 at work (院党组会, 局党组会议, 党组理论学习中心组): a row of its 党组, not of another body.
_OWN_PARTY_GROUP = re.compile(r"(?:[院局委办会]|本)党组|^党组")


def _excerpt(title: str, size: int = 16) -> str:
    """A title's opening for a message: up to its first comma or ``size`` characters, … when cut."""
    head = re.split(r"[，,；;。]", title, maxsplit=1)[0]
    return head if len(head) <= size and head == title else (head[:size] + "…")


def party_group(pack: Pack, rows: Iterable[Activity]) -> tuple[str, str] | None:
    """(role id, an example title) when the pack has one role named for 党组 (各级党委（党组）) and rows are the
    unit's own 党组's (院党组会…): a court's or a department's 党组 is one of the 党组 such a document binds."""
    groups = [rid for rid, role in pack.roles.items() if "党组" in role.name]
    if len(groups) != 1:
        return None
    title = next((a.title for a in rows if _OWN_PARTY_GROUP.search(a.title)), None)
    return None if title is None else (groups[0], title)


def infer_scope(
    pack: Pack,
    unit: str | None,
    roles: Sequence[str] = (),
    lang: Lang = "zh",
    named: Iterable[str] = (),
    content: tuple[UnitKind, str] | None = None,
    group: tuple[str, str] | None = None,
) -> Scope:
    """The roles to audit: ``roles`` (--role) when given, else those of the unit's kind and those the log
    names (``named``, see :func:`log_roles`) and the 党组 role its own 党组's rows call for (``group``, see
    :func:`party_group`), else — for a log that names no unit — those of the kind its
    rows speak of themselves as (``content``, see :func:`dutyaudit.contentkind.kind_from_rows`), else all."""
    everything = tuple(pack.roles)
    if roles:
        unknown = [r for r in roles if r not in pack.roles]
        if unknown:
            raise UsageError(t("err.role", lang, role=unknown[0], pack=pack.id, roles=", ".join(pack.roles)))
        chosen = tuple(dict.fromkeys(roles))
        return Scope(chosen, False, unit_kind(unit), t("scope.given", lang, roles=_names(pack, chosen, lang)))
    if unit:
        kind = unit_kind(unit)
        if kind is None:
            return Scope(everything, False, None, t("scope.unknown_kind", lang, unit=unit))
    elif content is not None:
        kind, word = content
    else:
        return Scope(everything, False, None, t("scope.no_unit", lang))
    fitting = tuple(rid for rid, role in pack.roles.items() if kind in role_kinds(rid, role))
    kind_name = t(f"scope.kind.{kind}", lang)
    if not unit and (not fitting or len(fitting) == len(everything)):
        return Scope(everything, False, None, t("scope.no_unit", lang))
    if not fitting:
        return Scope(everything, False, kind, t("scope.no_role", lang, unit=unit, kind=kind_name))
    if unit:
        reason = t("scope.inferred", lang, unit=unit, kind=kind_name, roles=_names(pack, fitting, lang))
    else:
        reason = t("scope.content", lang, kind=kind_name, word=word, roles=_names(pack, fitting, lang))
    more = [rid for rid in pack.roles if rid in set(named) and rid not in fitting]
    if more:
        reason += t("scope.log_roles", lang, roles=_names(pack, more, lang))
    if group is not None and group[0] not in fitting and group[0] not in more:
        more.append(group[0])
        reason += t("scope.party_group", lang, roles=_names(pack, [group[0]], lang), title=_excerpt(group[1]))
    chosen = tuple(rid for rid in pack.roles if rid in fitting or rid in more)
    return Scope(chosen, True, kind, reason)


_PARTY_BODY = re.compile(r"中共|中国共产党|党委|党工委|[县市区旗州盟镇乡]委(?:办公室|办)?$")


def default_role(pack: Pack, scope: Scope, unit: str | None) -> str | None:
    """The role of the rows that name none, when the audited unit is one body of a county or township: a
    镇党委's ledger (中共兴仁镇委员会) is the 党委's, a 县政府办公室's the 政府's. None when the unit is both,
    neither or of another kind, or when the scope holds no single role of that body."""
    if not unit or scope.kind not in ("county", "township"):
        return None
    n = normalize(unit)
    party, government = bool(_PARTY_BODY.search(n)), "政府" in n
    if party == government:
        return None
    word, rid_word = ("党委", "party") if party else ("政府", "government")
    fits = [
        rid
        for rid in scope.roles
        if scope.kind in role_kinds(rid, pack.roles[rid])
        and (rid_word in rid.lower() or word in pack.roles[rid].name)
        and not ("government" in rid.lower() and party) | ("party" in rid.lower() and government)
    ]
    return fits[0] if len(fits) == 1 else None


def own_role(pack: Pack, scope: Scope, unit: str | None) -> tuple[str, str] | None:
    """(unit, role) when one audited role fits the audited unit's kind (a 人大常委会's log: congress): the words of
    the unit's own name then name that role in its rows (see :class:`dutyaudit.roleresolve.RoleResolver`)."""
    if not unit or scope.kind is None:
        return None
    fits = [rid for rid in scope.roles if scope.kind in role_kinds(rid, pack.roles[rid])]
    return (unit, fits[0]) if len(fits) == 1 else None
