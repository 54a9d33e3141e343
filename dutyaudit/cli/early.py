"""The logs a ``check`` will read, told from the command line before the parser runs.

Parsing the command line costs Typer about 0.1 s (it builds a validator per option); reading a large xlsx
log starts with its guard and calamine's parse, which need only the file. So the console script looks at
the arguments first and, for a plain ``check``, starts the read-ahead of the first log
(``ingest.readahead``) at once. It is only a head start: the reader takes the read-ahead only for the same
path and the very same bytes, and whatever this scan gets wrong (an unusual command line) costs at most a
read-ahead nobody takes. A command line it does not fully understand starts nothing.
"""

from __future__ import annotations

#: ``check``'s options that take a value (tests/test_readahead.py keeps this equal to the command's).
VALUED = frozenset(
    {
        "--pack", "-p", "--year", "-y", "--role", "-r", "--unit", "-u", "--format", "-f", "--out", "-o", "--map",
        "-m", "--encoding", "--waivers", "-w", "--fail-under", "--lang",
    }
)  # fmt: skip
#: ``check``'s flags (options without a value).
FLAGS = frozenset({"--force", "--gaps", "--show-unmatched", "--exit-zero", "--debug"})
#: Options after which no read-ahead is started: a refused ``--out`` should not cost a read.
_NOT_EARLY = frozenset({"--out", "-o", "--help"})


def check_logs(args: list[str]) -> list[str]:
    """The LOG arguments of ``check`` in ``args`` (the command line without the program), in order; empty
    when ``args`` is no ``check`` or holds anything this scan does not know."""
    if not args or args[0] != "check":
        return []
    logs: list[str] = []
    i = 1
    while i < len(args):
        a = args[i]
        i += 1
        if a == "--":
            logs.extend(args[i:])
            break
        if not a.startswith("-") or a == "-":
            logs.append(a)
            continue
        name = a.split("=", 1)[0] if a.startswith("--") else a[:2]
        if name in _NOT_EARLY:
            return []
        if name in FLAGS and name == a:
            continue
        if name not in VALUED:
            return []
        if name == a:  # the value is the next argument (--pack panjin, -p panjin)
            i += 1
    return logs
