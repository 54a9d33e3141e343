"""Unit names: which unit a log (or a row) belongs to, what kind of unit it is, and when two names are one unit.

A unit is named by a log's unit column (单位, 县区 …), by its title row (盘山县2023年度…工作台账) or by its file
name (盘山县-2023-台账.xlsx). Its kind follows the name's ending: a department (…局, …委, …办), a township
(…镇, …乡, …街道), a county or city (…县, …区, …市, 县委, 县政府), a court or procuratorate (…法院, …检察院) or a
people's congress (…人大常委会). Pure functions over strings and rows.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path
from typing import Literal

from dutyaudit.ingest.text import normalize
from dutyaudit.model import Activities, Activity

UnitKind = Literal["county", "township", "department", "judiciary", "congress"]

_UNIT_IN_TITLE = re.compile(r"^\s*(.{2,30}?)\s*(?:(?:19|20)\d\d|[一二三四五六七八九〇零○OoＯｏ]{4})\s*年")
_PARTY_PREFIX = re.compile(r"^(中国共产党|中共)")
_GOVERNMENT_SUFFIX = re.compile(r"(人民政府|政府|委员会|党委)$")
_COUNTY_PARTY = re.compile(r"(?<=[县市区旗州盟])委$")
_TOWNSHIP = re.compile(r"(镇|乡|街道|街道办事处|街道办|苏木)$")
_DEPARTMENT = re.compile(r"(局|委|办|厅|办公室|委员会|中心|部|署|院|所|站|队|室)$")
_COUNTY = re.compile(r"(省|自治区|市|县|区|旗|州|盟)$")
#: A court or procuratorate (雁江区人民法院, 市中院, 县检察院), not a government department.
_JUDICIARY = re.compile(r"(法院|中院|检察院|检察分院)$")
#: A people's congress or its standing committee (区人大常委会, 县人大), not a government department.
_CONGRESS = re.compile(r"(人大|人大常委会|人民代表大会|人民代表大会常务委员会)(?:办公室|机关)?$")
_PAREN = re.compile(r"[(（][^)）]*[)）]")
#: A place's party committee written in full (中共盘山县委员会, 中共兴仁镇委员会): the place itself.
_PARTY_COMMITTEE = re.compile(r"^([^委会]{1,12}?(?:[省市县区旗州盟镇乡]|街道))委员会$")
_TOWN_BODY = re.compile(r"(?<=[镇乡道])(党委|党工委|党政|人民政府|政府)$")
#: The general office of a 党委 or 政府 (县政府办公室, 区委办, 镇党政办): it keeps the body's own ledger
#: (常委会, 常务会议), so its log is the body's: the kind is the body's, not a department's.
_BODY_OFFICE = re.compile(
    r"(人民政府|[县市区旗州盟镇乡]政府|[县市区旗州盟镇乡]委|[镇乡]党委|[镇乡道]党政)(?:综合)?(?:办公室|办)$"
)
#: A line naming the unit that filled the log in (填报单位：宣和镇党政综合办公室  填报时间：…).
_FILED_BY = re.compile(r"(?:填报|报送|填表|编制|制表)?单位(?:名称)?\s*[：:]\s*([^\s：:，,;；]{2,30})")
_FILED_BY_END = re.compile(r"(?:填报|报送|填表|编制|制表|联系)|(?:日期|时间)$")


def title_unit(titles: Iterable[str]) -> str | None:
    """The unit a title row names before its year (盘山县2023年度… → 盘山县), or None.

    When that name reads as no unit (宣和镇党政综合办公室法治建设工作台账（2023年）), a 填报单位：… line that names
    one is the unit."""
    texts = list(titles)
    named = None
    for title in texts:
        m = _UNIT_IN_TITLE.match(title)
        if m:
            named = m.group(1).strip(" ：:（(") or None
            break
    if named is not None and unit_kind(named) is not None:
        return named
    for title in texts:
        m = _FILED_BY.search(title)
        if m:
            filed = _FILED_BY_END.split(m.group(1))[0]
            if unit_kind(filed) is not None:
                return filed
    return named


def core(name: str) -> str:
    """A unit name without party/government wrappers, in simplified characters: 中共盘山县委 → 盘山县,
    盘山县人民政府 → 盘山县, 測試縣 → 测试县."""
    n = _PAREN.sub("", normalize(name)).strip()
    n = _PARTY_PREFIX.sub("", n)
    n = _BODY_OFFICE.sub(r"\1", n)
    n = _COUNTY_PARTY.sub("", n)
    return _GOVERNMENT_SUFFIX.sub("", n) or n


def unit_kind(name: str | None) -> UnitKind | None:
    """department (…局 …委 …办), township (…镇 …乡 …街道), county (…县 …区 …市, their 党委/政府), judiciary
    (…法院, …检察院) or congress (…人大常委会), else None.
    A 党委's or 政府's general office (县政府办公室, 区委办, 镇党政办) is of its body's kind."""
    if not name:
        return None
    n = _PAREN.sub("", normalize(name)).strip()
    n = _PARTY_PREFIX.sub("", n)
    n = _BODY_OFFICE.sub(r"\1", n)
    n = _PARTY_COMMITTEE.sub(r"\1", n)  # 中共兴仁镇委员会 → 兴仁镇
    n = _TOWN_BODY.sub("", n)  # 永康镇党委, 镇党政(办), 街道党工委 → the township
    if _COUNTY_PARTY.search(n) or n.endswith(("人民政府", "政府")):
        n = core(n)
        if _TOWNSHIP.search(n):
            return "township"
        return "county" if _COUNTY.search(n) else None
    if _TOWNSHIP.search(n):
        return "township"
    if _JUDICIARY.search(n):
        return "judiciary"
    if _CONGRESS.search(n):
        return "congress"
    if _DEPARTMENT.search(n):
        return "department"
    if _COUNTY.search(n):
        return "county"
    return None


def same_unit(a: str, b: str) -> bool:
    """Whether two names are one unit: one contains the other once wrappers are dropped, and their kinds agree
    (市司法局 = 石嘴山市司法局, 中共盘山县委 = 盘山县; 盘山县 ≠ 盘山县司法局: a county is not its bureau)."""
    ca, cb = core(a), core(b)
    if ca == cb:
        return True
    if len(ca) < 2 or len(cb) < 2 or not (ca in cb or cb in ca):
        return False
    ka, kb = unit_kind(a), unit_kind(b)
    return ka is None or kb is None or ka == kb


def is_part_of(name: str, whole: str) -> bool:
    """Whether ``name`` is ``whole`` itself or one of its parts: a county's 司法局 or 镇 (a column of 责任单位)."""
    if same_unit(name, whole):
        return True
    if unit_kind(whole) != "county":
        return False
    # its bureaus and townships, and its own general offices (县委办, 县政府办公室) named without the place
    return unit_kind(name) in ("department", "township") or (
        _BODY_OFFICE.search(name) is not None and len(core(name)) < 2
    )


#: What a file or folder name may hold besides a unit's name: years, periods, 台账 and separators.
_NOT_A_NAME = re.compile(
    r"(?:19|20)\d\d\s*年?度?|第?[一二三四1-4]季度|[上下]半年|全年|工作台账|台账|汇总|[\d\s_\-—·.,，()（）\[\]【】]"
)


def _name_in(stem: str) -> str | None:
    m = re.match(r"^(.+?)[\s_\-—·.]*(?:(?:19|20)\d\d|台账|工作台账)", stem)
    name = (m.group(1) if m else stem).strip(" _-")
    return name if name and _NOT_A_NAME.sub("", name) else None


#: Words a file name adds to a unit's name without naming another unit (副本, 法治建设工作台账, 终稿 …).
_FILLER = re.compile(r"副本|拷贝|copy|法治|建设|政府|工作|履职|情况|记录|年度|清单|明细|终稿|最终|[年度表版新]", re.I)


def unit_from_filename(path: Path) -> str:
    """'盘山县-2023-台账.xlsx' → '盘山县' (the name before a year or a separator), else the stem.

    A file name with no name in it ('2023.xlsx', '2023年台账.xlsx') takes its folder's name
    (盘山县/2023.xlsx → 盘山县), so that per-unit folders of same-named files stay apart. A name followed
    by more than years, 台账 and filler words is not cut short, so that two units never share a name
    because their files look alike: 盘锦市台账-大洼区.xlsx → 大洼区 (the rest names a unit), 盘山县台账-修订.xlsx
    → the whole stem; 盘山县台账(1).xlsx and 盘山县台账 - 副本.xlsx → 盘山县.
    """
    name = _name_in(path.stem)
    if name is None:
        return (path.parent.name and _name_in(path.parent.name)) or path.stem
    rest = _FILLER.sub("", _NOT_A_NAME.sub("", path.stem[path.stem.index(name) + len(name) :]))
    if not rest:
        return name
    return rest if unit_kind(rest) is not None else path.stem


def filename_unit(path: Path) -> str | None:
    """A unit the file name names, only when it reads as one (ends in 县, 区, 镇, 局 …): 盘山县台账(1).xlsx → 盘山县."""
    name = _name_in(path.stem)
    return name if name and unit_kind(name) is not None else None


def row_units(acts: Activities, file_units: dict[str, str | None]) -> dict[int, str | None]:
    """Each row's unit (by ``id``): its unit cell, unless that names a part of its file's unit (a county log's
    责任单位 column), else the unit its file names (title, then file name); None when nothing says."""
    out: dict[int, str | None] = {}
    by_file: dict[str, list[Activity]] = {}
    for a in acts.rows:
        by_file.setdefault(a.file, []).append(a)
    for file, rows in by_file.items():
        whole = file_units.get(file)
        cells = {a.unit for a in rows if a.unit}
        own = {u for u in cells if whole is None or not is_part_of(u, whole)}
        if not own:
            out.update(dict.fromkeys(map(id, rows), whole))
            continue
        for a in rows:
            if a.unit and a.unit in own:
                out[id(a)] = a.unit
            else:
                out[id(a)] = None if own else whole
    return out


def distinct_units(names: Iterable[str]) -> list[str]:
    """Names grouped into units (first spelling kept, in first-seen order)."""
    out: list[str] = []
    for n in names:
        if not any(same_unit(n, o) for o in out):
            out.append(n)
    return out


#: A proper place name opening a unit name: 盘山县, 大洼区, 石嘴山市(司法局), 永康镇 — not 县司法局, 市场监管局.
_PLACE = re.compile(r"^([^县市区镇乡旗州盟]{2,}?(?:自治县|自治州|街道|县|市|区|镇|乡|旗|州|盟))")


def place_of(name: str) -> str | None:
    """The place a unit's name starts with (平罗县司法局 → 平罗县), or None for a relative or bare name (县司法局,
    区政府办, 司法局): such a name is a part of whatever unit the log belongs to, not a unit of its own."""
    m = _PLACE.match(_PARTY_PREFIX.sub("", _PAREN.sub("", normalize(name)).strip()))
    return m.group(1) if m else None


def peer_units(named: list[str]) -> list[str]:
    """Of several unit names in one log, those that are separate units (盘山县, 大洼区 …).

    Relative and bare names (县司法局, 县政府办, 司法局) are parts of the log's own unit, and names of one place
    (盘山县, 盘山县司法局; 平罗县司法局, 平罗县财政局) are one unit, the place itself when it is named: a county's
    ledger whose 牵头单位 column lists its bureaus is one unit, a city's summary naming four counties is four.
    """
    if len(named) < 2:
        return named
    by_place: dict[str, list[str]] = {}
    for n in named:
        place = place_of(n)
        if place is not None:
            by_place.setdefault(core(place), []).append(n)
    if len(by_place) > 1:
        return [next((n for n in names if same_unit(n, place)), names[0]) for place, names in by_place.items()]
    return [n for names in by_place.values() for n in names if core(n) == place_of(n)][:1]
