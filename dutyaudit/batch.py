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
import tempfile
import uuid
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field, fields
from functools import partial
from pathlib import Path
from typing import Any

from dutyaudit import waivers as waiver_rules
from dutyaudit.audit import Audit, infer_unit, pack_columns, run_audit
from dutyaudit.errors import DutyAuditError, InputError, OutputError, UsageError
from dutyaudit.evaluate import DutyResult, Waiver
from dutyaudit.i18n import Lang, Msg, msg, render, t
from dutyaudit.ingest import IngestOptions, ingest
from dutyaudit.inputs import collect_inputs, same_content
from dutyaudit.model import Activities, RowWarning
from dutyaudit.output import refuse_inputs
from dutyaudit.packs import Duty, Pack
from dutyaudit.parallel import WorkerLost as WorkerLost  # re-exported: a batch error
from dutyaudit.parallel import share, usable_cores
from dutyaudit.units import unit_from_filename

#: Internal field name that carries the ``--by`` column's value through ingest.
BY_FIELD = "__by__"


@dataclass(frozen=True, slots=True)
class Failure:
    """An input that could not be audited, and why."""

    file: str
    error: str | Msg
    """Why, as plain text or an i18n message (see :meth:`text`)."""

    def text(self, lang: Lang = "zh") -> str:
        """Why the input was not audited, in ``lang``."""
        return render(self.error, lang)


@dataclass(frozen=True, slots=True)
class Cards:
    """One workbook per unit into ``folder``: ``write(audit, path)`` runs in the worker that made the audit."""

    folder: Path
    write: Callable[[Audit, Path], None]


@dataclass(slots=True)
class BatchResult:
    """Audits in ranking order (score descending, then unit name) and the failed inputs by file."""

    audits: list[Audit] = field(default_factory=list)
    failures: list[Failure] = field(default_factory=list)
    rendered: dict[str, str] = field(default_factory=dict)
    """Unit → ``render(audit)`` when run_batch was given ``render`` (made in the worker processes)."""
    cards: dict[str, Path] = field(default_factory=dict)
    """Unit → its workbook when run_batch was given ``cards``."""


def _read_one(path: Path, options: IngestOptions) -> Activities | Failure:
    try:
        return ingest([path], options)
    except DutyAuditError as exc:
        return Failure(
            str(path), (exc.reason_msg or exc.reason) if isinstance(exc, InputError) else exc.msg or exc.message
        )


@dataclass(frozen=True, slots=True)
class _Job:
    """Everything a worker needs besides the file: sent once per worker process, not once per file."""

    pack: Pack
    options: IngestOptions
    by: str | None
    year: int | None
    lang: Lang
    today: dt.date
    waivers_for: Callable[[str], Sequence[Waiver]] | None
    render: Callable[[Audit], str] | None
    evidence: bool
    """Keep each audit's evidence and unmatched rows (False: drop them before they travel)."""
    cards: Cards | None
    token: str
    """Names this run's temporary card files (``.dutyaudit-<token>-…``), so that they can be cleaned up."""
    send_rows: bool
    """Send each file's rows back too (``--by``: units often span files and are re-audited merged)."""
    same_content: dict[str, str] = field(default_factory=dict)
    """Input file name → another input with the same bytes (each audit that reads it says so)."""


@dataclass(slots=True)
class _Unit:
    """One unit found in one file, audited on that file alone."""

    name: str
    audit: Audit | None
    failure: Failure | None = None
    text: str | None = None
    """``render(audit)``, made where the audit was (in the worker)."""
    card: Path | None = None
    """Its workbook under a temporary name; run_batch gives it the final one."""
    state: tuple[Any, ...] | None = None
    """The audit without its pack while it travels between processes (see _detach)."""


@dataclass(slots=True)
class _FileDone:
    """A file read and audited: its units in grouping order; its rows only when the job keeps them."""

    units: list[_Unit]
    has_by: bool
    acts: Activities | None = None


def _audit_units(job: _Job, units: dict[str, Activities], where: Callable[[str], str]) -> list[_Unit]:
    """Audit each unit; ``where(unit)`` names its input files for a failure."""
    out = []
    for name, acts in units.items():
        if not acts.rows:
            out.append(_Unit(name, None, Failure(where(name), msg("err.batch.no_rows"))))
            continue
        try:
            waivers = job.waivers_for(name) if job.waivers_for else ()
            audit = run_audit(
                acts,
                job.pack,
                year=job.year,
                label=name,
                check_units=job.by is None,
                waivers=waivers,
                lang=job.lang,
                today=job.today,
            )
        except DutyAuditError as exc:
            out.append(_Unit(name, None, Failure(where(name), exc.msg or exc.message)))
            continue
        for f in audit.files:
            if f in job.same_content:
                audit.warnings.append(
                    RowWarning(f, None, None, msg=msg("warn.same_content", other=job.same_content[f]))
                )
        text = job.render(audit) if job.render else None
        card = _write_card(job, audit) if job.cards else None
        if not job.evidence:
            _drop_rows(audit)
        out.append(_Unit(name, audit, text=text, card=card))
    return out


def _write_card(job: _Job, audit: Audit) -> Path:
    assert job.cards is not None
    folder = job.cards.folder
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".dutyaudit-{job.token}-", suffix=".xlsx", dir=folder)
        os.close(fd)
        job.cards.write(audit, Path(tmp))
    except OSError as exc:
        raise OutputError(msg("err.out.card", folder=folder, why=exc.strerror or str(exc))) from None
    return Path(tmp)


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


def _drop_rows(audit: Audit) -> None:
    """Forget the rows behind the verdicts; statuses, counts and scores stay."""
    audit.unmatched = []
    for r in audit.results:
        r.evidence = []


def _audit_file(job: _Job, path: Path) -> _FileDone | Failure:
    """Read one file, split it into units (the file itself without ``--by``) and audit each."""
    acts = _read_one(path, job.options)
    if isinstance(acts, Failure):
        return acts
    units, _ = _group([(path, acts)], job.by, job.lang)
    has_by = job.by is not None and any(BY_FIELD in a.extra for a in acts.rows)
    return _FileDone(_audit_units(job, units, lambda _: str(path)), has_by, acts if job.send_rows else None)


# --- worker processes -----------------------------------------------------------------------------
# Results cross the process boundary without the pack: the pydantic Pack is left out and each Duty
# is replaced by its id, then both are re-attached in the parent (pickling them with every result
# would cost more than the audit). Activities pickle as plain tuples (Activity.__reduce__).

_JOB: _Job | None = None


def _init_worker(job: _Job) -> None:
    global _JOB
    _JOB = job


def _detach(audit: Audit) -> tuple[Any, ...]:
    results = [(r.duty.id, *(getattr(r, f) for f in _RESULT_FIELDS)) for r in audit.results]
    return (results, *(getattr(audit, f) for f in _AUDIT_FIELDS))


def _attach(state: tuple[Any, ...], pack: Pack, duties: dict[str, Duty]) -> Audit:
    results, *rest = state
    return Audit(
        pack=pack,
        results=[DutyResult(duty=duties[r[0]], **dict(zip(_RESULT_FIELDS, r[1:], strict=True))) for r in results],
        **dict(zip(_AUDIT_FIELDS, rest, strict=True)),
    )


_RESULT_FIELDS = tuple(f.name for f in fields(DutyResult) if f.name != "duty")
_AUDIT_FIELDS = tuple(f.name for f in fields(Audit) if f.name not in ("pack", "results"))


def _worker_audit(path: Path) -> _FileDone | Failure:
    assert _JOB is not None
    done = _audit_file(_JOB, path)
    if isinstance(done, _FileDone):
        for u in done.units:
            if u.audit is not None:
                u.state, u.audit = _detach(u.audit), None
    return done


def _worker_read(path: Path) -> Activities | Failure:
    assert _JOB is not None
    return _read_one(path, _JOB.options)


class _Runner:
    """Runs per-file work in this process alone (``jobs`` 1), or here and in ``jobs - 1`` worker
    processes (started once, forked before any other thread runs)."""

    def __init__(self, job: _Job, jobs: int) -> None:
        self.job = job
        self.workers = jobs - 1
        self.pool: ProcessPoolExecutor | None = None
        self.duties = {d.id: d for d in job.pack.duties}

    def __enter__(self) -> _Runner:
        if self.workers > 0:
            self.pool = ProcessPoolExecutor(max_workers=self.workers, initializer=_init_worker, initargs=(self.job,))
        return self

    def __exit__(self, *exc: object) -> None:
        if self.pool is not None:
            self.pool.shutdown(cancel_futures=True)

    def audit(self, paths: Sequence[Path], progress: Callable[[int], None] | None) -> list[_FileDone | Failure]:
        """Each file read and audited, in input order."""
        job = self.job
        if self.pool is None:
            out = []
            for p in paths:
                out.append(_audit_file(job, p))
                if progress:
                    progress(1)
            return out

        def attach(d: _FileDone | Failure) -> _FileDone | Failure:
            if isinstance(d, _FileDone):
                for u in d.units:
                    if u.state is not None:
                        u.audit, u.state = _attach(u.state, job.pack, self.duties), None
            return d

        return share(self.pool, self.workers, paths, partial(_audit_file, job), _worker_audit, attach, progress)

    def read(self, paths: Sequence[Path]) -> list[Activities | Failure]:
        """Each file read, in input order."""
        local = partial(_read_one, options=self.job.options)
        if self.pool is None or len(paths) < 2:
            return [local(p) for p in paths]
        return share(self.pool, self.workers, paths, local, _worker_read)


def _group(
    read: Iterable[tuple[Path, Activities | Failure]], by: str | None, lang: Lang = "zh"
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
        blank = []
        for a in acts.rows:
            unit = str(a.extra.get(BY_FIELD) or "").strip()
            if unit:
                rows_by_unit.setdefault(unit, []).append(a)
            else:  # a row naming no unit is not a unit of its own (it would rank last with 0)
                blank.append(RowWarning(a.file, a.sheet, a.row, msg=msg("warn.by_blank", by=by, title=a.title)))
        acts = Activities(acts.rows, [*acts.warnings, *blank], acts.files, acts.titles, acts.file_titles)
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
    job = _Job(
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
    job: _Job, paths: Sequence[Path], n_jobs: int, progress: Callable[[int], None] | None
) -> tuple[BatchResult, dict[str, Path]]:
    failures: list[Failure] = []
    done: dict[int, _FileDone] = {}
    files_of: dict[str, list[int]] = {}  # unit → indices of the files it appears in (first-seen order)
    by = job.by
    with _Runner(job, n_jobs) as runner:
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
        merged: dict[str, _Unit] = {}
        if shared:
            idx = sorted({i for u in shared for i in files_of[u]})
            rows = [done[i].acts for i in idx] if job.send_rows else runner.read([paths[i] for i in idx])
            units, _ = _group(zip((paths[i] for i in idx), rows, strict=True), by, job.lang)  # type: ignore[arg-type]
            where = {u: ", ".join(str(paths[i]) for i in files_of[u]) for u in shared}
            merged = {u.name: u for u in _audit_units(job, {u: units[u] for u in shared}, where.__getitem__)}
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
