"""Time `dutyaudit check` on a large log as a ratio to python-calamine's bare read, in the same run.

    python benchmarks/generate.py --rows 100000 --out benchmarks/data/log-100k.xlsx
    python benchmarks/bench_check.py benchmarks/data/log-100k.xlsx --pack panjin

Both are whole processes (interpreter start-up included), each the best of --repeat runs. Also
reports `dutyaudit --version` and whether the CLI imports pandas or openpyxl at start-up.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time

BARE = (
    "import sys, python_calamine as pc\n"
    "wb = pc.CalamineWorkbook.from_path(sys.argv[1])\n"
    "n = sum(len(wb.get_sheet_by_name(s).to_python()) for s in wb.sheet_names)\n"
)


def best(cmd: list[str], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        subprocess.run(cmd, check=False, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        times.append(time.perf_counter() - t0)
    return min(times)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("log")
    ap.add_argument("--pack", default="panjin")
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    py = sys.executable
    bare = best([py, "-c", BARE, args.log], args.repeat)
    check = best([py, "-m", "dutyaudit", "check", args.log, "--pack", args.pack, "-f", "json"], args.repeat)
    version = best([py, "-m", "dutyaudit", "--version"], args.repeat)
    mods = subprocess.run(
        [py, "-c", "import sys, dutyaudit.cli; print(sorted(m for m in ('pandas','openpyxl') if m in sys.modules))"],
        capture_output=True, text=True, check=True,
    ).stdout.strip()
    print(f"bare calamine read : {bare:6.2f} s")
    print(f"dutyaudit check    : {check:6.2f} s   ratio {check / bare:4.2f}x  (goal <= 1.5x)")
    print(f"dutyaudit --version: {version:6.2f} s")
    print(f"heavy modules imported by the CLI at start-up: {mods}")


if __name__ == "__main__":
    main()
