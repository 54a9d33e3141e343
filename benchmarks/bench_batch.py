"""Time `dutyaudit batch` over many county logs with --jobs 1 and --jobs 2, in the same run.

    python benchmarks/generate.py --counties 200 --rows 300 --out-dir benchmarks/data/counties
    python benchmarks/bench_batch.py benchmarks/data/counties --pack panjin

Runs the whole command (a fresh process each time, as a script would) --repeat times for each
--jobs value, alternating them so that a burst of load elsewhere hits both alike. Reports the best
wall time of each with the spread (median and worst), the speed-up of the best times (goal >= 1.7x
on 2 cores) and the time per log. The load average is printed before and after: on a machine
others use, trust a figure only when the load was low.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path


def timed(cmd: list[str]) -> float:
    t0 = time.perf_counter()
    subprocess.run(cmd, check=False, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - t0


def load() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("folder", type=Path)
    ap.add_argument("--pack", default="panjin")
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--format", default="json", choices=("json", "table", "csv"))
    ap.add_argument("--jobs", type=int, nargs="+", default=[1, 2], help="--jobs values to time (first is the base)")
    args = ap.parse_args()
    n = sum(1 for p in args.folder.rglob("*.xlsx"))
    base = [sys.executable, "-m", "dutyaudit", "batch", str(args.folder), "--pack", args.pack, "-f", args.format]
    print(f"{n} logs, --format {args.format}, {os.cpu_count()} cores; load average before: {load()}")
    times: dict[int, list[float]] = {j: [] for j in args.jobs}
    for _ in range(args.repeat):
        for j in args.jobs:
            times[j].append(timed([*base, "--jobs", str(j)]))
    for j, ts in times.items():
        best = min(ts)
        print(
            f"--jobs {j}: best {best:6.2f} s  median {statistics.median(ts):6.2f}  worst {max(ts):6.2f}"
            f"  ({1000 * best / n:5.1f} ms per log)"
        )
    first = args.jobs[0]
    for j in args.jobs[1:]:
        ratios = [a / b for a, b in zip(times[first], times[j], strict=True)]
        print(
            f"speed-up --jobs {j}: {min(times[first]) / min(times[j]):4.2f}x of best times"
            f"  (per round: {min(ratios):.2f}–{max(ratios):.2f}, median {statistics.median(ratios):.2f})"
        )
    print(f"load average after: {load()}")


if __name__ == "__main__":
    main()
