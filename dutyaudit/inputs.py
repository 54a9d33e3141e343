"""Batch inputs: files, folders and globs → the log files to audit; inputs whose bytes are the same."""

from __future__ import annotations

import glob
import hashlib
from collections.abc import Sequence
from pathlib import Path

from dutyaudit.errors import UsageError
from dutyaudit.ingest import SUPPORTED_SUFFIXES
from dutyaudit.ingest.sniff import is_report


def _is_lock(path: Path) -> bool:
    """An office suite's lock or temporary file (~$log.xlsx, .~lock.log.xlsx#), never a log."""
    return path.name.startswith(("~$", ".~lock"))


def _is_log(path: Path) -> bool:
    return path.suffix.lower() in SUPPORTED_SUFFIXES and not _is_lock(path) and not path.name.startswith(".")


def _logs_in(folder: Path) -> list[Path]:
    """The logs in a folder, recursively; scorecards and summaries dutyaudit wrote there are left out."""
    return sorted(q for q in folder.rglob("*") if q.is_file() and _is_log(q) and not is_report(q))


def collect_inputs(inputs: Sequence[str]) -> list[Path]:
    """Files, folders (searched recursively for logs) and glob patterns → distinct paths, in input order.

    A glob's matches are taken like the shell would pass them (a folder is searched, a file is
    taken whatever its suffix) except lock files. A path that does not exist is kept, so that it is
    reported as a failed input.
    """
    found: list[Path] = []
    for item in inputs:
        p = Path(item)
        if p.is_dir():
            found.extend(_logs_in(p))
        elif any(ch in item for ch in "*?[") and not p.exists():
            matches = sorted(Path(m) for m in glob.glob(item, recursive=True))
            if not matches:
                raise UsageError(f"no files match {item!r}")
            for m in matches:
                if m.is_dir():
                    found.extend(_logs_in(m))
                elif m.is_file() and not _is_lock(m):
                    found.append(m)
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
