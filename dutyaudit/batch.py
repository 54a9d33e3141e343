"""Batch audits: many logs (or one log with a unit column) → one audit per unit, in parallel.

Reading files is the expensive part and runs in worker processes; grouping rows into units and
auditing them is cheap and runs in the parent, so the result is the same for any ``--jobs``.
A file that cannot be read is data (:class:`Failure`), never a reason to stop.
"""

from __future__ import annotations

import datetime as dt
import glob
import os
import re
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from dutyaudit.audit import Audit, infer_unit, pack_columns, run_audit
from dutyaudit.errors import DutyAuditError, UsageError
from dutyaudit.evaluate import Waiver
from dutyaudit.i18n import Lang
from dutyaudit.ingest import SUPPORTED_SUFFIXES, IngestOptions, ingest
from dutyaudit.model import Activities
from dutyaudit.packs import Pack

#: Internal field name that carries the ``--by`` column's value through ingest.
BY_FIELD = "__by__"


@dataclass(frozen=True, slots=True)
class Failure:
    """An input that could not be audited, and why."""

    file: str
    error: str


@dataclass(slots=True)
class BatchResult:
    """Audits in ranking order (score descending, then unit name) and the failed inputs by file."""

    audits: list[Audit] = field(default_factory=list)
    failures: list[Failure] = field(default_factory=list)


def _is_log(path: Path) -> bool:
    name = path.name
    return path.suffix.lower() in SUPPORTED_SUFFIXES and not name.startswith(("~$", ".~lock", "."))


def collect_inputs(inputs: Sequence[str]) -> list[Path]:
    """Files, folders (searched recursively for logs) and glob patterns → sorted, distinct paths.

    A path that does not exist is kept, so that it is reported as a failed input.
    """
    found: list[Path] = []
    for item in inputs:
        p = Path(item)
        if p.is_dir():
            found.extend(sorted(q for q in p.rglob("*") if q.is_file() and _is_log(q)))
        elif any(ch in item for ch in "*?[") and not p.exists():
            matches = sorted(Path(m) for m in glob.glob(item, recursive=True))
            if not matches:
                raise UsageError(f"no files match {item!r}")
            found.extend(m for m in matches if m.is_file())
        else:
            found.append(p)
    seen: set[Path] = set()
    out = []
    for p in found:
        key = p.resolve()
        if key not in seen:
            seen.add(key)
            out.append(p)
    if not out:
        raise UsageError("no log files found in the inputs (looked for " + ", ".join(SUPPORTED_SUFFIXES) + ")")
    return out


def _read_one(args: tuple[Path, IngestOptions]) -> Activities | Failure:
    path, options = args
    try:
        return ingest([path], options)
    except DutyAuditError as exc:
        return Failure(str(path), getattr(exc, "reason", exc.message))


def read_all(
    paths: Sequence[Path],
    options: IngestOptions,
    jobs: int,
    progress: Callable[[int], None] | None = None,
) -> list[tuple[Path, Activities | Failure]]:
    """Ingest every file (in ``jobs`` processes), keeping the input order."""
    work = [(p, options) for p in paths]
    results: list[Activities | Failure] = []
    if jobs <= 1 or len(paths) <= 1:
        for item in work:
            results.append(_read_one(item))
            if progress:
                progress(1)
    else:
        chunk = max(1, min(16, len(work) // (jobs * 4)))
        with ProcessPoolExecutor(max_workers=jobs) as pool:
            for res in pool.map(_read_one, work, chunksize=chunk):
                results.append(res)
                if progress:
                    progress(1)
    return list(zip(paths, results, strict=True))


def unit_from_filename(path: Path) -> str:
    """'盘山县-2023-台账.xlsx' → '盘山县' (the name before a year or a separator), else the stem."""
    stem = path.stem
    m = re.match(r"^(.+?)[\s_\-—·.]*(?:(?:19|20)\d\d|台账|工作台账)", stem)
    return (m.group(1) if m else stem).strip(" _-") or stem


def _group(
    read: Iterable[tuple[Path, Activities | Failure]], by: str | None
) -> tuple[dict[str, Activities], list[Failure]]:
    units: dict[str, Activities] = {}
    failures: list[Failure] = []
    for path, acts in read:
        if isinstance(acts, Failure):
            failures.append(acts)
            continue
        file_unit = infer_unit(acts) if by is None else None
        default = file_unit or unit_from_filename(path)
        if by is None:
            _merge(units, default, acts, acts.rows)
            continue
        rows_by_unit: dict[str, list] = {}
        for a in acts.rows:
            unit = str(a.extra.get(BY_FIELD) or "").strip() or infer_unit(acts) or unit_from_filename(path)
            rows_by_unit.setdefault(unit, []).append(a)
        for i, (unit, rows) in enumerate(sorted(rows_by_unit.items())):
            _merge(units, unit, acts, rows, with_warnings=i == 0)
        if not rows_by_unit:
            _merge(units, default, acts, [])
    return units, failures


def _merge(units: dict[str, Activities], unit: str, acts: Activities, rows: list, with_warnings: bool = True) -> None:
    target = units.setdefault(unit, Activities(rows=[], warnings=[], files=[], titles=[]))
    target.rows.extend(rows)
    if with_warnings:
        target.warnings.extend(acts.warnings)
    for f in acts.files:
        if f not in target.files:
            target.files.append(f)


def run_batch(
    inputs: Sequence[str],
    pack: Pack,
    *,
    year: int | None = None,
    by: str | None = None,
    jobs: int | None = None,
    mapping: dict[str, str] | None = None,
    encoding: str | None = None,
    waivers_for: Callable[[str], Sequence[Waiver]] | None = None,
    lang: Lang = "zh",
    progress: Callable[[int], None] | None = None,
    paths: Sequence[Path] | None = None,
    today: dt.date | None = None,
) -> BatchResult:
    """Audit every unit found in the inputs. ``by`` names the column that splits rows into units.

    ``waivers_for(unit)`` gives the waivers that apply to a unit (e.g. ``partial(waivers.scoped, entries)``);
    ``today`` is the day waiver expiry is judged against (default: today).
    """
    paths = list(paths) if paths is not None else collect_inputs(inputs)
    mapping = dict(mapping or {})
    if by:
        mapping[BY_FIELD] = by
    options = IngestOptions(year=year, mapping=mapping, encoding=encoding, pack_columns=pack_columns(pack))
    read = read_all(paths, options, jobs or os.cpu_count() or 1, progress)
    units, failures = _group(read, by)
    if by and units and not any(BY_FIELD in a.extra for acts in units.values() for a in acts.rows):
        raise UsageError(f"--by {by}: no such column in the logs; give the header of the unit column")
    result = BatchResult(failures=sorted(failures, key=lambda f: f.file))
    for unit, acts in units.items():
        if not acts.rows:
            result.failures.append(Failure(", ".join(acts.files), "no dated rows to audit"))
            continue
        try:
            audit = run_audit(
                acts, pack, year=year, waivers=waivers_for(unit) if waivers_for else (), lang=lang, today=today
            )
        except DutyAuditError as exc:
            result.failures.append(Failure(", ".join(acts.files), exc.message))
            continue
        audit.unit = unit
        result.audits.append(audit)
    result.audits.sort(key=lambda a: (-a.score, a.unit or ""))
    return result


def safe_filename(name: str) -> str:
    """A unit name usable as a file name on Windows, macOS and Linux."""
    cleaned = re.sub(r'[\\/:*?"<>|\x00-\x1f]+', "_", name).strip(" .")
    return cleaned[:80] or "unit"
