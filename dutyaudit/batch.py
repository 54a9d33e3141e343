"""Batch audits: many logs (or one log with a unit column) → one audit per unit, in parallel.

Each file is read and audited on its own (the file is the unit, or ``--by`` splits it), by this
process and ``jobs - 1`` worker processes; only compact results travel back, without the pack.
The rare unit that spans several files is audited again on its merged rows, so the answer is the
same for any ``--jobs``.
A file that cannot be read is data (:class:`Failure`), never a reason to stop.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from dutyaudit import waivers as waiver_rules
from dutyaudit.audit import Audit, pack_columns
from dutyaudit.batchjob import BY_FIELD as BY_FIELD  # re-exported: the --by column's field name
from dutyaudit.batchjob import Cards as Cards  # re-exported: part of run_batch's interface
from dutyaudit.batchjob import Failure as Failure  # re-exported: part of BatchResult
from dutyaudit.batchjob import FileDone, Job, Runner, UnitAudit, audit_units, group_units
from dutyaudit.errors import OutputError, UsageError
from dutyaudit.evaluate import Waiver
from dutyaudit.i18n import Lang, msg, t
from dutyaudit.ingest import IngestOptions
from dutyaudit.inputs import collect_inputs, same_content
from dutyaudit.output import refuse_inputs
from dutyaudit.packmodel import Pack
from dutyaudit.parallel import WorkerLost as WorkerLost  # re-exported: a batch error
from dutyaudit.parallel import usable_cores


@dataclass(slots=True)
class BatchResult:
    """Audits in ranking order (score descending, then unit name) and the failed inputs by file."""

    audits: list[Audit] = field(default_factory=list)
    failures: list[Failure] = field(default_factory=list)
    rendered: dict[str, str] = field(default_factory=dict)
    """Unit → ``render(audit)`` when run_batch was given ``render`` (made in the worker processes)."""
    cards: dict[str, Path] = field(default_factory=dict)
    """Unit → its workbook when run_batch was given ``cards``."""


def card_names(audits: Sequence[Audit]) -> list[str]:
    """File names for the units' scorecards, in the given (ranking) order: safe, and distinct even
    where two unit names differ only in characters a file name cannot hold (or in case)."""
    used: set[str] = set()
    names = []
    for audit in audits:
        base = f"{safe_filename(audit.unit or 'unit')}-{audit.year}-scorecard"
        name, n = base, 2
        while name.lower() in used:
            name, n = f"{base}-{n}", n + 1
        used.add(name.lower())
        names.append(f"{name}.xlsx")
    return names


def _place_cards(result: BatchResult, made: dict[str, Path], cards: Cards, inputs: Sequence[Path]) -> None:
    """Rename each unit's temporary workbook to its final name (never over an input file)."""
    mask = os.umask(0)
    os.umask(mask)
    for audit, name in zip(result.audits, card_names(result.audits), strict=True):
        final = cards.folder / name
        refuse_inputs(final, inputs)
        tmp = made.pop(audit.unit or "")
        try:
            os.chmod(tmp, 0o666 & ~mask)  # mkstemp makes 0600; give the file the usual mode
            os.replace(tmp, final)
        except OSError as exc:
            raise OutputError(msg("err.out.cannot", out=final, why=exc.strerror or str(exc))) from None
        result.cards[audit.unit or ""] = final


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
    render: Callable[[Audit], str] | None = None,
    evidence: bool = True,
    cards: Cards | None = None,
) -> BatchResult:
    """Audit every unit found in the inputs. ``by`` names the column that splits rows into units.

    ``waivers_for(unit)`` gives the waivers that apply to a unit (e.g. ``partial(waivers.scoped, entries)``);
    ``today`` is the day waiver expiry is judged against (default: today). ``jobs`` counts this
    process (default: the usable cores). ``render(audit)``, when given, runs where each audit is
    made and is kept in ``BatchResult.rendered``. ``cards`` writes each unit's scorecard there too
    and names the files once the ranking is known (see card_names). Where the start method is not
    fork, ``waivers_for``, ``render`` and ``cards.write`` must be picklable (module-level, partials).
    ``evidence=False`` then drops each audit's evidence and unmatched rows (``DutyResult.evidence``
    and ``Audit.unmatched`` come back empty; statuses, found counts and scores stay): enough for the
    ranking, CSV and the summary workbook, and far less to send between processes.

    Each file is read and audited on its own; a unit that turns out to span several files (two
    quarterly logs of one county, or ``--by`` units in several logs) is audited again on its merged
    rows here, so the answer is the same for any ``jobs``.
    """
    paths = list(paths) if paths is not None else collect_inputs(inputs)
    mapping = dict(mapping or {})
    if by:
        mapping[BY_FIELD] = by
    options = IngestOptions(year=year, mapping=mapping, encoding=encoding, pack_columns=pack_columns(pack))
    job = Job(
        pack=pack,
        options=options,
        by=by,
        year=year,
        lang=lang,
        today=today or waiver_rules.today(),
        waivers_for=waivers_for,
        render=render,
        evidence=evidence,
        cards=cards,
        token=uuid.uuid4().hex[:12],
        send_rows=by is not None,
        same_content=same_content(paths),
    )
    n_jobs = max(1, min(jobs or usable_cores(), len(paths)))
    if cards is not None:
        try:
            cards.folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise OutputError(msg("err.out.mkdir", folder=cards.folder, why=exc.strerror or str(exc))) from None
    try:
        result, made = _run(job, paths, n_jobs, progress)
        years = sorted({a.year for a in result.audits})
        if year is None and len(years) > 1:
            listed = "; ".join(
                f"{y}: {t('sep', lang).join(a.unit or '' for a in result.audits if a.year == y)}" for y in years
            )
            raise UsageError(msg("err.batch_years", years=listed))
        if cards is not None:
            _place_cards(result, made, cards, paths)
    finally:
        if cards is not None:  # cards of failed runs, and of units audited again on merged rows
            for leftover in cards.folder.glob(f".dutyaudit-{job.token}-*"):
                leftover.unlink(missing_ok=True)
    return result


def _run(
    job: Job, paths: Sequence[Path], n_jobs: int, progress: Callable[[int], None] | None
) -> tuple[BatchResult, dict[str, Path]]:
    failures: list[Failure] = []
    done: dict[int, FileDone] = {}
    files_of: dict[str, list[int]] = {}  # unit → indices of the files it appears in (first-seen order)
    by = job.by
    with Runner(job, n_jobs) as runner:
        for i, d in enumerate(runner.audit(paths, progress)):
            if isinstance(d, Failure):
                failures.append(d)
                continue
            done[i] = d
            for u in d.units:
                files_of.setdefault(u.name, []).append(i)
        if by and done and not any(d.has_by for d in done.values()):
            raise UsageError(msg("err.batch.by", by=by))
        shared = [u for u, idx in files_of.items() if len(idx) > 1]
        merged: dict[str, UnitAudit] = {}
        if shared:
            idx = sorted({i for u in shared for i in files_of[u]})
            rows = [done[i].acts for i in idx] if job.send_rows else runner.read([paths[i] for i in idx])
            units, _ = group_units(zip((paths[i] for i in idx), rows, strict=True), by, job.lang)  # type: ignore[arg-type]
            where = {u: ", ".join(str(paths[i]) for i in files_of[u]) for u in shared}
            merged = {u.name: u for u in audit_units(job, {u: units[u] for u in shared}, where.__getitem__)}
    result = BatchResult(failures=sorted(failures, key=lambda f: f.file))
    made: dict[str, Path] = {}
    for name, idx in files_of.items():
        unit = merged.get(name) or next(u for u in done[idx[0]].units if u.name == name)
        if unit.failure is not None:
            result.failures.append(unit.failure)
            continue
        assert unit.audit is not None
        result.audits.append(unit.audit)
        if unit.text is not None:
            result.rendered[name] = unit.text
        if unit.card is not None:
            made[name] = unit.card
    result.audits.sort(key=lambda a: (-a.score, a.unit or ""))
    return result, made


def safe_filename(name: str) -> str:
    """A unit name usable as a file name on Windows, macOS and Linux."""
    cleaned = re.sub(r'[\\/:*?"<>|\x00-\x1f]+', "_", name).strip(" .")[:80].strip(" .")
    if cleaned.split(".")[0].upper() in _RESERVED:
        cleaned = "_" + cleaned
    return cleaned or "unit"


#: Names Windows refuses for a file, whatever the extension.
_RESERVED = {"CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(1, 10)), *(f"LPT{i}" for i in range(1, 10))}
