"""Time `dutyaudit check` on a large log as a ratio to python-calamine's bare read, in the same run.

    python benchmarks/generate.py --rows 100000 --out benchmarks/data/log-100k.xlsx
    python benchmarks/bench_check.py benchmarks/data/log-100k.xlsx --pack panjin

Both are whole processes (interpreter start-up included). The two commands alternate, round after
round, so a busy neighbour slows both alike; the script prints the best time of each, the ratio of
the bests (goal <= 1.5x) and the spread of the per-round ratios. It then splits one in-process run
into phases (imports, pack, ingest — its guard, calamine parse and row building — audit, JSON;
the collector off, as the CLI runs) to show what dominates, and the CLI's own run as a timeline (s
from start): the CLI overlaps some phases — calamine parses in a read-ahead thread, after the guard,
while the rest is imported, the pack loaded and the previous sheet's rows built. It reports `--version`
and whether the CLI imports pandas or openpyxl at start-up.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time

BARE = (
    "import sys, python_calamine as pc\n"
    "wb = pc.CalamineWorkbook.from_path(sys.argv[1])\n"
    "n = sum(len(wb.get_sheet_by_name(s).to_python()) for s in wb.sheet_names)\n"
)

PHASES = """
import gc, io, sys, time
gc.disable()  # as the CLI runs
t0 = time.perf_counter()
from pathlib import Path
from dutyaudit.audit import pack_columns, run_audit
from dutyaudit.ingest import IngestOptions, ingest
import dutyaudit.ingest as ingest_mod, dutyaudit.ingest.excel as excel
from dutyaudit.packs import load_pack
from dutyaudit.report.json import JsonRenderer
t1 = time.perf_counter()
spent = {}
def timed(owner, name, label):
    f = getattr(owner, name)
    def run(*a, **k):
        t = time.perf_counter()
        try:
            return f(*a, **k)
        finally:
            spent[label] = spent.get(label, 0) + time.perf_counter() - t
    setattr(owner, name, run)
timed(excel, "check_xlsx", "guard")
timed(excel.CalamineReader, "_sheet", "parse")
timed(ingest_mod, "read_sheet", "rows")
pack = load_pack(sys.argv[2])
t2 = time.perf_counter()
acts = ingest([Path(sys.argv[1])], IngestOptions(pack_columns=pack_columns(pack)))
t3 = time.perf_counter()
audit = run_audit(acts, pack)
t4 = time.perf_counter()
JsonRenderer().write(audit, io.StringIO())
t5 = time.perf_counter()
split = ", ".join(f"{k} {v:.2f}" for k, v in spent.items())
print(f"imports {t1 - t0:.2f} s · pack {t2 - t1:.2f} s · ingest {t3 - t2:.2f} s ({split}) · audit {t4 - t3:.2f} s · "
      f"JSON {t5 - t4:.2f} s  ({len(acts.rows):,} rows)")
"""


# The CLI run itself, as a timeline: when the read-ahead's guard ends, when calamine parses each sheet (in the
# read-ahead's thread), when the reader takes it, and when the run exits.
TIMELINE = """
import os, sys, time
T0 = time.perf_counter()
marks = []
def mark(label, start=None):
    now = time.perf_counter() - T0
    text = f"{label} {now:.2f}" if start is None else f"{label} {start:.2f}–{now:.2f}"
    marks.append((now if start is None else start, text))
import dutyaudit.ingest.readahead as ra
read_ahead, sheet, init = ra.read_ahead, ra.ReadAhead.sheet, ra.ReadAhead.__init__
def timed_read_ahead(paths):
    fresh = paths and str(paths[0]) not in ra._STARTED
    read_ahead(paths)
    if fresh:
        mark("guard done")
class Book:
    def __init__(self, book):
        self.book = book
    def __getattr__(self, name):
        return getattr(self.book, name)
    def get_sheet_by_name(self, name):
        start = time.perf_counter() - T0
        got = self.book.get_sheet_by_name(name)
        mark(f"parse {name}", start)
        return got
def timed_sheet(self, name):
    got = sheet(self, name)
    mark(f"taken {name}")
    return got
ra.read_ahead = timed_read_ahead
ra.ReadAhead.__init__ = lambda self, data, book, *rest: init(self, data, Book(book), *rest)
ra.ReadAhead.sheet = timed_sheet
sys.argv = ["dutyaudit", "check", sys.argv[1], "--pack", sys.argv[2], "-f", "json"]
import dutyaudit.cli as cli
def leave(code):
    mark("exit")
    sys.stdout.flush()
    print(" · ".join(text for _, text in sorted(marks)), file=sys.stderr)
    os._exit(code)
cli._leave = leave
cli.main()
"""


def timed(cmd: list[str]) -> float:
    return measured(cmd)[0]


def measured(cmd: list[str]) -> tuple[float, float]:
    """Wall time (s) and peak resident memory (MiB) of one whole process."""
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, _, usage = os.wait4(proc.pid, 0)
    proc.returncode = 0
    return time.perf_counter() - t0, usage.ru_maxrss / 1024


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("log")
    ap.add_argument("--pack", default="panjin")
    ap.add_argument("--rounds", type=int, default=5)
    args = ap.parse_args()
    py = sys.executable
    bare_cmd = [py, "-c", BARE, args.log]
    check_cmd = [py, "-m", "dutyaudit", "check", args.log, "--pack", args.pack, "-f", "json"]
    bare, check, bare_mem, check_mem = [], [], [], []
    for _ in range(args.rounds):
        t, m = measured(bare_cmd)
        bare.append(t)
        bare_mem.append(m)
        t, m = measured(check_cmd)
        check.append(t)
        check_mem.append(m)
    ratios = [c / b for b, c in zip(bare, check, strict=True)]
    med = statistics.median
    version = min(timed([py, "-m", "dutyaudit", "--version"]) for _ in range(3))
    mods = subprocess.run(
        [py, "-c", "import sys, dutyaudit.cli; print(sorted(m for m in ('pandas','openpyxl') if m in sys.modules))"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    print(f"bare calamine read : {min(bare):6.2f} s  (best of {args.rounds})")
    print(f"dutyaudit check    : {min(check):6.2f} s  ratio {min(check) / min(bare):4.2f}x  (goal <= 1.5x)")
    print(f"per-round ratios   : {min(ratios):.2f}–{max(ratios):.2f}, median {med(ratios):.2f}")
    print(
        f"peak memory        : read {med(bare_mem):.0f} MiB, check {med(check_mem):.0f} MiB,"
        f" ratio {med(check_mem) / med(bare_mem):.2f}x (medians; goal <= 2x)"
    )
    phases = subprocess.run([py, "-c", PHASES, args.log, args.pack], capture_output=True, text=True, check=True)
    print(f"check, in-process  : {phases.stdout.strip()}  (one after the other)")
    timeline = subprocess.run(
        [py, "-c", TIMELINE, args.log, args.pack], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True
    )
    print(f"check, CLI timeline: {timeline.stderr.strip().splitlines()[-1]} s")
    print(f"dutyaudit --version: {version:6.2f} s")
    print(f"heavy modules imported by the CLI at start-up: {mods}")


if __name__ == "__main__":
    main()
