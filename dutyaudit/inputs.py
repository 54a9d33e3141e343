"""Batch inputs: files, folders and globs → the log files to audit; inputs whose bytes are the same."""

from __future__ import annotations

import glob
import hashlib
from collections.abc import Sequence
from fnmatch import fnmatch
from pathlib import Path

from dutyaudit.errors import UsageError
from dutyaudit.i18n import msg
from dutyaudit.ingest import SUPPORTED_SUFFIXES
from dutyaudit.ingest.sniff import is_report


def _is_lock(path: Path) -> bool:
    """An office suite's lock or temporary file (~$log.xlsx, .~lock.log.xlsx#), never a log."""
    return path.name.startswith(("~$", ".~lock"))


def _is_log(path: Path) -> bool:
    return path.suffix.lower() in SUPPORTED_SUFFIXES and not _is_lock(path) and not path.name.startswith(".")


#: Text suffixes that hold a log only when the file is a table (a readme or a note is not).
_TEXT_SUFFIXES = (".txt", ".tsv", ".csv")


def is_note(path: Path) -> bool:
    """A readme or notes file met in a folder: README*, or a text file whose first lines have no columns."""
    if path.stem.lower().startswith(("readme", "说明", "备注")):
        return True
    if path.suffix.lower() not in _TEXT_SUFFIXES:
        return False
    try:
        head = path.read_bytes()[:4096]
    except OSError:
        return False
    for enc in ("utf-8-sig", "gb18030", "utf-16"):
        try:
            text = head.decode(enc)
            break
        except UnicodeDecodeError:
            continue
    else:
        return False
    lines = [ln for ln in text.splitlines()[:10] if ln.strip()]
    return not any(sum(ln.count(sep) for sep in (",", "\t", ";", "，", "|")) >= 1 for ln in lines)


def _logs_in(folder: Path, skipped: list[Path] | None = None) -> list[Path]:
    """The logs in a folder, recursively; scorecards and summaries dutyaudit wrote there are left out, and
    readme and notes files are added to ``skipped``."""
    out = []
    for q in sorted(folder.rglob("*")):
        if not (q.is_file() and _is_log(q)) or is_report(q):
            continue
        if is_note(q):
            if skipped is not None:
                skipped.append(q)
            continue
        out.append(q)
    return out


def collect_inputs(inputs: Sequence[str], exclude: Sequence[str] = (), skipped: list[Path] | None = None) -> list[Path]:
    """Files, folders (searched recursively for logs) and glob patterns → distinct paths, in input order.

    A glob's matches are taken like the shell would pass them (a folder is searched, a file is
    taken whatever its suffix) except lock files. A path that does not exist is kept, so that it is
    reported as a failed input. A path matching one of the ``exclude`` globs (on its name or its whole
    path) is left out; readme and notes files found in folders are left out and added to ``skipped``.
    """
    found: list[Path] = []
    for item in inputs:
        p = Path(item)
        if p.is_dir():
            found.extend(_logs_in(p, skipped))
        elif any(ch in item for ch in "*?[") and not p.exists():
            matches = sorted(Path(m) for m in glob.glob(item, recursive=True))
            if not matches:
                raise UsageError(msg("err.batch.no_match", pattern=item))
            for m in matches:
                if m.is_dir():
                    found.extend(_logs_in(m, skipped))
                elif m.is_file() and not _is_lock(m):
                    found.append(m)
        else:
            found.append(p)
    if exclude:
        found = [p for p in found if not any(fnmatch(p.name, g) or fnmatch(str(p), g) for g in exclude)]
    seen: set[Path] = set()
    out = []
    for p in found:
        key = p.resolve()
        if key not in seen:
            seen.add(key)
            out.append(p)
    if not out:
        raise UsageError(msg("err.batch.no_logs", suffixes=", ".join(SUPPORTED_SUFFIXES)))
    return out


def same_content(paths: Sequence[Path]) -> dict[str, str]:
    """Inputs whose bytes equal an earlier input's: file name → that input (sizes first, hashes only on a tie)."""
    by_size: dict[int, list[Path]] = {}
    for p in paths:
        try:
            by_size.setdefault(p.stat().st_size, []).append(p)
        except OSError:
            continue  # reported when it is read
    out: dict[str, str] = {}
    for group in by_size.values():
        if len(group) < 2:
            continue
        first: dict[bytes, Path] = {}
        for p in group:
            try:
                digest = hashlib.blake2b(p.read_bytes(), digest_size=16).digest()
            except OSError:
                continue
            seen = first.setdefault(digest, p)
            if seen is not p:
                out[p.name] = str(seen)
                out.setdefault(seen.name, str(p))
    return out
