"""One batch job's work on one file: read it, split it into units, audit each, write its card; and the worker
processes that do this in parallel.

Results cross the process boundary without the pack (see :func:`_detach`); the parent only attaches them.
"""

from __future__ import annotations

import datetime as dt
import os
import tempfile
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field, fields
from functools import partial
from pathlib import Path
from typing import Any

from dutyaudit.audit import Audit, infer_unit, run_audit
from dutyaudit.errors import DutyAuditError, InputError, OutputError
from dutyaudit.evaluate import DutyResult, Waiver
from dutyaudit.i18n import Lang, Msg, msg, render
from dutyaudit.ingest import IngestOptions, ingest
from dutyaudit.model import Activities, RowWarning
from dutyaudit.packmodel import Duty, Pack
from dutyaudit.parallel import share
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


def read_one(path: Path, options: IngestOptions) -> Activities | Failure:
    try:
        return ingest([path], options)
    except DutyAuditError as exc:
        return Failure(
            str(path), (exc.reason_msg or exc.reason) if isinstance(exc, InputError) else exc.msg or exc.message
        )


@dataclass(frozen=True, slots=True)
class Job:
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
class UnitAudit:
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
class FileDone:
    """A file read and audited: its units in grouping order; its rows only when the job keeps them."""

    units: list[UnitAudit]
    has_by: bool
    acts: Activities | None = None


def audit_units(job: Job, units: dict[str, Activities], where: Callable[[str], str]) -> list[UnitAudit]:
    """Audit each unit; ``where(unit)`` names its input files for a failure."""
    out = []
    for name, acts in units.items():
        if not acts.rows:
            out.append(UnitAudit(name, None, Failure(where(name), msg("err.batch.no_rows"))))
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
            out.append(UnitAudit(name, None, Failure(where(name), exc.msg or exc.message)))
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
        out.append(UnitAudit(name, audit, text=text, card=card))
    return out


def _write_card(job: Job, audit: Audit) -> Path:
    assert job.cards is not None
    folder = job.cards.folder
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".dutyaudit-{job.token}-", suffix=".xlsx", dir=folder)
        os.close(fd)
        job.cards.write(audit, Path(tmp))
    except OSError as exc:
        raise OutputError(msg("err.out.card", folder=folder, why=exc.strerror or str(exc))) from None
    return Path(tmp)


def _drop_rows(audit: Audit) -> None:
    """Forget the rows behind the verdicts; statuses, counts and scores stay."""
    audit.unmatched = []
    for r in audit.results:
        r.evidence = []


def audit_file(job: Job, path: Path) -> FileDone | Failure:
    """Read one file, split it into units (the file itself without ``--by``) and audit each."""
    acts = read_one(path, job.options)
    if isinstance(acts, Failure):
        return acts
    units, _ = group_units([(path, acts)], job.by, job.lang)
    has_by = job.by is not None and any(BY_FIELD in a.extra for a in acts.rows)
    return FileDone(audit_units(job, units, lambda _: str(path)), has_by, acts if job.send_rows else None)


# --- worker processes -----------------------------------------------------------------------------
# Results cross the process boundary without the pack: the pydantic Pack is left out and each Duty
# is replaced by its id, then both are re-attached in the parent (pickling them with every result
# would cost more than the audit). Activities pickle as plain tuples (Activity.__reduce__).

_JOB: Job | None = None


def _init_worker(job: Job) -> None:
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


def _worker_audit(path: Path) -> FileDone | Failure:
    assert _JOB is not None
    done = audit_file(_JOB, path)
    if isinstance(done, FileDone):
        for u in done.units:
            if u.audit is not None:
                u.state, u.audit = _detach(u.audit), None
    return done


def _worker_read(path: Path) -> Activities | Failure:
    assert _JOB is not None
    return read_one(path, _JOB.options)


class Runner:
    """Runs per-file work in this process alone (``jobs`` 1), or here and in ``jobs - 1`` worker
    processes (started once, forked before any other thread runs)."""

    def __init__(self, job: Job, jobs: int) -> None:
        self.job = job
        self.workers = jobs - 1
        self.pool: ProcessPoolExecutor | None = None
        self.duties = {d.id: d for d in job.pack.duties}

    def __enter__(self) -> Runner:
        if self.workers > 0:
            self.pool = ProcessPoolExecutor(max_workers=self.workers, initializer=_init_worker, initargs=(self.job,))
        return self

    def __exit__(self, *exc: object) -> None:
        if self.pool is not None:
            self.pool.shutdown(cancel_futures=True)

    def audit(self, paths: Sequence[Path], progress: Callable[[int], None] | None) -> list[FileDone | Failure]:
        """Each file read and audited, in input order."""
        job = self.job
        if self.pool is None:
            out = []
            for p in paths:
                out.append(audit_file(job, p))
                if progress:
                    progress(1)
            return out

        def attach(d: FileDone | Failure) -> FileDone | Failure:
            if isinstance(d, FileDone):
                for u in d.units:
                    if u.state is not None:
                        u.audit, u.state = _attach(u.state, job.pack, self.duties), None
            return d

        return share(self.pool, self.workers, paths, partial(audit_file, job), _worker_audit, attach, progress)

    def read(self, paths: Sequence[Path]) -> list[Activities | Failure]:
        """Each file read, in input order."""
        local = partial(read_one, options=self.job.options)
        if self.pool is None or len(paths) < 2:
            return [local(p) for p in paths]
        return share(self.pool, self.workers, paths, local, _worker_read)


def group_units(
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
            merge_units(units, default, acts, acts.rows)
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
            merge_units(units, unit, acts, rows, with_warnings=i == 0)
        if not rows_by_unit:
            merge_units(units, default, acts, [])
    return units, failures


def merge_units(
    units: dict[str, Activities], unit: str, acts: Activities, rows: list, with_warnings: bool = True
) -> None:
    target = units.setdefault(unit, Activities(rows=[], warnings=[], files=[], titles=[]))
    target.rows.extend(rows)
    if with_warnings:
        target.warnings.extend(acts.warnings)
    for f in acts.files:
        if f not in target.files:
            target.files.append(f)
