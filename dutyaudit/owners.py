"""Which duties of a pack bind an audit: the audit year, the roles audited and the responsible unit.

A duty may name its responsible units (``owners``: 市司法局, 各县(区)政府 …); :func:`owner_covers` tells
whether such a name covers the audited unit.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from dutyaudit.packmodel import Duty, Pack


def duties_for(pack: Pack, year: int, role: str | Sequence[str] | None = None, unit: str | None = None) -> list[Duty]:
    """Duties that apply to an audit: the year, optional roles (one id or several) and an optional owner unit."""
    roles = None if role is None else {role} if isinstance(role, str) else set(role)
    out = []
    for d in pack.duties:
        if d.years is not None and not d.years.covers(year):
            continue
        if roles is not None and d.role not in roles:
            continue
        if unit is not None and d.owners and not any(owner_covers(o, unit) for o in d.owners):
            continue
        out.append(d)
    return out


_PAREN = re.compile(r"[(（][^)）]*[)）]")
_COUNTY = re.compile(r"(县|区|旗)(人民)?(政府)?$")
_NOT_GOVERNMENT = ("人大", "政协", "法院", "检察院", "市委", "县委", "区委", "党委")
_DEPARTMENT = re.compile(r"(局|委|办|厅|处|中心|室|部|署|院|所|站|队|会)$")


def owner_covers(owner: str, unit: str) -> bool:
    """Whether a responsible unit named in a document (``owner``) covers the audited ``unit``.

    A named unit covers a unit whose name contains it or is contained in it (市司法局 ↔ 司法局).
    A group named with 各 covers its members by kind: 各县(区)政府 covers 平罗县 and 大武口区人民政府;
    a 乡镇 or 街道 too (the 县(区)政府 answer for it: shizuishan's 任务41 binds each 街道办事处);
    市政府各部门 / 市直各行政执法部门 cover any department (市司法局, 市发改委); 各园区管委会 covers a
    管委会. Parenthesised asides (市委依法治市办(市司法局)) also name the unit. A unit named in traditional
    script (惠農區司法局) is read in simplified.
    """
    from dutyaudit.ingest.text import normalize
    from dutyaudit.units import unit_kind

    unit = normalize(unit)
    if not unit:
        return False
    names = [_PAREN.sub("", owner), *(m.strip("()（）") for m in _PAREN.findall(owner))]
    if any(n and (unit in n or n in unit) for n in names):
        return True
    if "各" not in owner:
        return False
    group = owner[owner.index("各") + 1 :]
    if "县" in group or "区政府" in group:
        if unit_kind(unit) == "township":
            return True  # a 乡镇/街道 is the county's: a duty the 县(区)政府 answer for binds it through them
        return bool(_COUNTY.search(unit)) and not _DEPARTMENT.search(unit.removesuffix("政府"))
    if "管委会" in group or "园区" in group:
        return "管委会" in unit or "园区" in unit
    if "部门" in group or "单位" in group:
        governmental = any(w in owner for w in ("政府", "行政", "执法"))
        if governmental and any(w in unit for w in _NOT_GOVERNMENT):
            return False
        return bool(_DEPARTMENT.search(unit)) and not unit.endswith(("政府", "县", "区"))
    return False
