"""The one error hierarchy: every error a user can cause is a :class:`DutyAuditError`.

Each carries a one-line, actionable message and an exit code. The CLI catches only these,
prints the message on stderr and exits with the code; anything else is a bug and keeps its
traceback.
"""

from __future__ import annotations


class DutyAuditError(Exception):
    """Base of every user-facing error (bad input, bad usage, bad pack)."""

    exit_code: int = 2

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class UsageError(DutyAuditError):
    """A command-line option is wrong or options conflict."""


def _one_line(path: str) -> str:
    """A file name as printed in a message: a newline or other control character in it shown escaped, so
    the message stays on one line."""
    return path if path.isprintable() else path.encode("unicode_escape").decode("ascii", "replace")


class InputError(DutyAuditError):
    """A log file cannot be read: missing, unreadable, encrypted, corrupt, or without a header."""

    def __init__(self, message: str, path: str | None = None) -> None:
        super().__init__(f"{_one_line(path)}: {message}" if path else message)
        self.path = path
        self.reason = message


class PackError(DutyAuditError):
    """A duty pack cannot be found, parsed or validated."""


class WaiverError(DutyAuditError):
    """A waivers file is malformed or names a duty the pack does not have."""


class OutputError(DutyAuditError):
    """An output file cannot be written, or would overwrite an input."""
