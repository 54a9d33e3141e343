"""The one error hierarchy: every error a user can cause is a :class:`DutyAuditError`.

Each carries a one-line, actionable message and an exit code. The CLI catches only these,
prints the message on stderr and exits with the code; anything else is a bug and keeps its
traceback.
"""

from __future__ import annotations

from dutyaudit.i18n import Lang, Msg, render


class DutyAuditError(Exception):
    """Base of every user-facing error (bad input, bad usage, bad pack).

    ``message`` is plain text or a :class:`~dutyaudit.i18n.Msg` (an i18n key and parameters); the CLI
    shows :meth:`text` in the run's language. ``.message`` stays the English text either way.
    """

    exit_code: int = 2

    def __init__(self, message: str | Msg) -> None:
        self.msg = message if isinstance(message, Msg) else None
        text = render(message, "en")
        super().__init__(text)
        self.message = text

    def text(self, lang: Lang = "zh") -> str:
        """The message in ``lang`` (as written when it was made from plain text)."""
        return self.msg.render(lang) if self.msg is not None else self.message


class UsageError(DutyAuditError):
    """A command-line option is wrong or options conflict."""


def _one_line(path: str) -> str:
    """A file name as printed in a message: a newline or other control character in it shown escaped, so
    the message stays on one line."""
    return path if path.isprintable() else path.encode("unicode_escape").decode("ascii", "replace")


class InputError(DutyAuditError):
    """A log file cannot be read: missing, unreadable, encrypted, corrupt, or without a header."""

    def __init__(self, message: str | Msg, path: str | None = None) -> None:
        super().__init__(message)
        self.path = path
        self.reason = self.message
        self.reason_msg = self.msg
        if path:
            self.message = f"{_one_line(path)}: {self.message}"
            self.args = (self.message,)

    def reason_text(self, lang: Lang = "zh") -> str:
        """Why the file cannot be read, in ``lang``, without the path."""
        return self.reason_msg.render(lang) if self.reason_msg is not None else self.reason

    def text(self, lang: Lang = "zh") -> str:
        return f"{_one_line(self.path)}: {self.reason_text(lang)}" if self.path else self.reason_text(lang)


class PackError(DutyAuditError):
    """A duty pack cannot be found, parsed or validated."""

    problems: list[Msg] | None = None
    """Every problem schema validation found (the message names the first), for ``packs validate``."""


class WaiverError(DutyAuditError):
    """A waivers file is malformed or names a duty the pack does not have."""


class OutputError(DutyAuditError):
    """An output file cannot be written, or would overwrite an input."""
