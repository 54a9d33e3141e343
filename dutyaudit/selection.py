"""Which rows an audit counts: one unit's rows, each activity once, dated in the audit year.

Every row read ends up either in the audit (matched or unmatched) or in the excluded list with its
reason, so that read = counted + unmatched + excluded. A log naming several units, a ``--unit`` the log
does not name, and an audit year with no row in it are errors, not a silent score.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from dutyaudit.errors import InputError, UsageError
from dutyaudit.i18n import Lang, msg, t
from dutyaudit.model import Activities, Activity, Excluded, RowWarning
from dutyaudit.packmodel import Pack
from dutyaudit.roleresolve import RoleResolver
from dutyaudit.units import (
    distinct_units,
    filename_unit,
    is_part_of,
    peer_units,
    place_of,
    row_units,
    same_unit,
    title_unit,
)


@dataclass(slots=True)
class Selection:
    """The rows of one unit, without duplicates, split into those of the audit year and the rest."""

    rows: list[Activity]
    """Rows of the audited unit, each activity once (any year)."""
    unit: str | None
    """The unit the rows name (``--unit`` when given), None when nothing names one."""
    excluded: list[Excluded] = field(default_factory=list)
    warnings: list[RowWarning] = field(default_factory=list)


def file_units(acts: Activities) -> dict[str, str | None]:
    """The unit each file names: its title row, else its file name (盘山县台账(1).xlsx); None when neither does."""
    files = dict.fromkeys(a.file for a in acts.rows)
    out: dict[str, str | None] = {}
    for f in files:
        titles = acts.file_titles.get(f, acts.titles if not acts.file_titles else [])
        out[f] = title_unit(titles) or filename_unit(Path(f))
    return out


def select_unit(acts: Activities, unit: str | None, lang: Lang, *, check: bool = True) -> Selection:
    """The rows of the audited unit.

    A log names a unit by its title, its file name or a unit column; relative names (县司法局) and the bureaus
    of one place (平罗县司法局、平罗县财政局) are parts of one unit, only places (盘山县、大洼区) are peers. Without
    ``unit``, logs naming more than one unit are a UsageError (``check=False`` skips that: batch has already
    split the rows by unit). With ``unit``, the log must name it (or name no unit at all); rows of other units
    are excluded.
    """
    per_row = row_units(acts, file_units(acts))
    named = peer_units(distinct_units(dict.fromkeys(u for u in per_row.values() if u)))
    cells = {a.unit for a in acts.rows if a.unit}
    if unit is None:
        if check and len(named) > 1:
            raise UsageError(t("err.several_units", lang, units=t("sep", lang).join(named[:8])))
        return Selection(list(acts.rows), named[0] if len(named) == 1 else None)
    if named and not any(same_unit(unit, n) for n in [*named, *cells]):
        raise UsageError(t("err.unit_mismatch", lang, unit=unit, named=t("sep", lang).join(named[:8])))
    sel = Selection([], unit)
    verdict: dict[str, bool] = {}
    for a in acts.rows:
        u = per_row[id(a)]
        if u is None:
            sel.rows.append(a)
            continue
        ok = verdict.get(u)
        if ok is None:  # a relative name (县司法局) is a part of the audited unit, whatever it is
            ok = verdict[u] = is_part_of(u, unit) or place_of(u) is None
        if ok:
            sel.rows.append(a)
        else:
            sel.excluded.append(Excluded(a, t("excl.unit", lang, unit=u)))
    return sel


def drop_duplicates(sel: Selection, pack: Pack, lang: Lang) -> None:
    """Count once an activity read twice from different places (two files, two sheets, a copy of a file).

    Rows are the same activity when date, normalised title, person and hours agree, their unit cells do not
    differ (one may be blank: a copy without the column) and neither do their roles; rows of one sheet are never
    merged (a log may list one activity per person or per item).
    One warning per pair of places says how many rows were repeated.
    """
    rows = sel.rows
    place_ids: dict[tuple[str, str], int] = {}
    where = [place_ids.setdefault((a.file, a.sheet), len(place_ids)) for a in rows]
    if len(place_ids) < 2:
        return  # one sheet: nothing was read twice
    index: dict[tuple[object, ...], int] = {}
    first = [index.setdefault((a.date, a.key), i) for i, a in enumerate(rows)]  # the first row with its key
    repeats = [i for i, f in enumerate(first) if f != i]
    if not repeats:
        return
    role_of = RoleResolver(pack).role_of
    # (first row, person, hours, unit cell, role) → (place, row) of the first row kept for it: a later row from
    # the same place is kept too, one from another place is the same activity read twice. The first row with
    # its key holds its own role's entry for rows of its person, hours and unit.
    state: dict[tuple[int, str, float | None, str, str | None], tuple[int, int]] = {}
    dropped: set[int] = set()
    pairs: dict[tuple[int, int], list[tuple[int, int]]] = {}
    for i in repeats:
        f = first[i]
        a, head = rows[i], rows[f]
        unit = a.unit or head.unit
        same_kind = a.actor == head.actor and a.hours == head.hours and (not head.unit or unit == head.unit)
        place = where[i]
        if same_kind and place == where[f]:
            continue  # another row of the sheet the first one is in: kept
        role = role_of(a)
        key = (f, a.actor, a.hours, unit, role)
        kept = state.get(key)
        if kept is None:
            if not same_kind or role != role_of(head):  # a new role
                state[key] = (place, i)
                continue
            kept = state[key] = (where[f], f)
        if kept[0] == place:  # another row of a sheet already kept
            continue
        o = rows[kept[1]]
        dropped.add(i)
        sel.excluded.append(Excluded(a, t("excl.duplicate", lang, file=o.file, sheet=o.sheet, row=o.row)))
        pairs.setdefault((place, kept[0]), []).append((a.row, o.row))
    sel.rows = [a for i, a in enumerate(rows) if i not in dropped]
    places = list(place_ids)
    for (p, op), repeated in pairs.items():
        (file, sheet), (ofile, osheet) = places[p], places[op]
        row, orow = repeated[0]
        why = msg("warn.duplicates", n=len(repeated), file=ofile, sheet=osheet, row=row, orow=orow)
        sel.warnings.append(RowWarning(file, sheet, row, msg=why))


def split_year(sel: Selection, year: int, lang: Lang) -> list[Activity]:
    """The rows dated in ``year``; the others are excluded with the reason. No such row is an InputError."""
    in_year: list[Activity] = []
    years: Counter[int] = Counter()
    for a in sel.rows:
        if a.date is None:
            sel.excluded.append(Excluded(a, t("excl.undated", lang)))
        elif a.date.year == year:
            in_year.append(a)
        else:
            years[a.date.year] += 1
            sel.excluded.append(Excluded(a, t("excl.year", lang, year=year, date=a.date.isoformat())))
    if not in_year and sel.rows:
        listed = t("sep", lang).join(t("err.year_rows", lang, year=y, n=n) for y, n in sorted(years.items()))
        best = max(years.items(), key=lambda kv: (kv[1], kv[0]))[0] if years else year
        raise InputError(t("err.no_rows_in_year", lang, year=year, years=listed or "—", best=best))
    return in_year


def pack_date_warning(pack: Pack, year: int, files: Sequence[str], lang: Lang) -> RowWarning | None:
    """A warning when the pack's document was issued after the audit year (its duties did not bind then)."""
    if pack.issued.year <= year:
        return None
    why = msg("warn.pack_after_year", pack=pack.id, issued=pack.issued.isoformat(), year=year)
    return RowWarning(files[0] if files else pack.id, None, None, msg=why)
