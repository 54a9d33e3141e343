"""Time `dutyaudit batch` over many county logs with --jobs 1 and --jobs 2, in the same run.

    python benchmarks/generate.py --counties 200 --rows 300 --out-dir benchmarks/data/counties
    python benchmarks/bench_batch.py benchmarks/data/counties --pack panjin

Reports wall time for each, the speed-up (goal >= 1.7x on 2 cores) and the time per log.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path


def timed(cmd: list[str]) -> float:
    t0 = time.perf_counter()
    subprocess.run(cmd, check=False, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - t0


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("folder", type=Path)
    ap.add_argument("--pack", default="panjin")
    ap.add_argument("--repeat", type=int, default=2)
    args = ap.parse_args()
    n = sum(1 for p in args.folder.rglob("*.xlsx"))
    base = [sys.executable, "-m", "dutyaudit", "batch", str(args.folder), "--pack", args.pack, "-f", "json"]
    one = min(timed([*base, "--jobs", "1"]) for _ in range(args.repeat))
    two = min(timed([*base, "--jobs", "2"]) for _ in range(args.repeat))
    print(f"{n} logs")
    print(f"--jobs 1: {one:6.2f} s  ({1000 * one / n:5.1f} ms per log)")
    print(f"--jobs 2: {two:6.2f} s  ({1000 * two / n:5.1f} ms per log)")
    print(f"speed-up: {one / two:4.2f}x  (goal >= 1.7x)")


if __name__ == "__main__":
    main()
