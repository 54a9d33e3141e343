"""Time `dutyaudit batch` over many county logs with --jobs 1 and --jobs 2, in the same run.

    python benchmarks/generate.py --counties 200 --rows 300 --out-dir benchmarks/data/counties
    python benchmarks/bench_batch.py benchmarks/data/counties --pack panjin

Runs the whole command (a fresh process each time, as a script would) --repeat times for each
--jobs value, alternating them so that a burst of load elsewhere hits both alike. Reports the best
wall time of each with the spread (median and worst), the speed-up of the best times (goal >= 1.7x
on 2 cores) and the time per log. Each round also times two independent `--jobs 1` runs over half
the logs each, started together: the ceiling that two processes reach on this machine at that
moment (virtual cores that share a physical one, or a busy host, keep it well under 2x). The load
average and CPU pressure are printed before and after.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def timed(cmd: list[str], env: dict[str, str] | None = None) -> float:
    t0 = time.perf_counter()
    subprocess.run(cmd, check=False, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    return time.perf_counter() - t0


def load() -> str:
    """The load average, and the share of time tasks waited for a CPU in the last 10 s (Linux PSI)."""
    text = " ".join(f"{x:.2f}" for x in os.getloadavg())
    try:
        with open("/proc/pressure/cpu", encoding="ascii") as fh:
            text += f"; cpu pressure {fh.readline().split()[1]}"
    except OSError:
        pass
    return text


def halves_at_once(base: list[str], files: list[Path], env: dict[str, str] | None) -> float:
    """Wall time of two independent `--jobs 1` runs over half the logs each, started together.

    The most any two processes could do on this workload here and now (each even pays the start-up
    alone): virtual cores that share a physical core or a busy host show up as a low figure.
    """
    half = len(files) // 2
    t0 = time.perf_counter()
    procs = [
        subprocess.Popen(
            [*base, *map(str, part), "--jobs", "1"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env
        )
        for part in (files[:half], files[half:])
    ]
    for p in procs:
        p.wait()
    return time.perf_counter() - t0


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("folder", type=Path)
    ap.add_argument("--pack", default="panjin")
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--format", default="json", choices=("json", "table", "csv"))
    ap.add_argument("--jobs", type=int, nargs="+", default=[1, 2], help="--jobs values to time (first is the base)")
    ap.add_argument(
        "--no-pyc-cache",
        action="store_true",
        help="keep PYTHONDONTWRITEBYTECODE: compile dutyaudit's modules in every run (an editable install here)",
    )
    args = ap.parse_args()
    env = None
    if not args.no_pyc_cache and os.environ.get("PYTHONDONTWRITEBYTECODE"):
        # An installed package has its bytecode; this sandbox's editable install would recompile the
        # modules in every run (~0.2 s of serial start-up). Cache it outside the checkout instead.
        env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        env["PYTHONPYCACHEPREFIX"] = os.path.join(tempfile.gettempdir(), "dutyaudit-bench-pyc")
        print(f"bytecode cached in {env['PYTHONPYCACHEPREFIX']} as after an install (--no-pyc-cache: compile each run)")
    files = sorted(p for p in args.folder.rglob("*") if p.is_file() and not p.name.startswith((".", "~$")))
    n = len(files)
    cmd = [sys.executable, "-m", "dutyaudit", "batch", "--pack", args.pack, "-f", args.format]
    print(f"{n} logs, --format {args.format}, {os.cpu_count()} cores; load average before: {load()}")
    timed([*cmd, str(args.folder), "--jobs", "1"], env)  # warm-up: file cache, bytecode
    first, rest = args.jobs[0], args.jobs[1:]
    times: dict[int, list[float]] = {j: [] for j in args.jobs}
    halves: list[float] = []
    print("round  " + "  ".join(f"--jobs {j:<3}" for j in args.jobs) + "  2 halves at once  speed-up  ceiling")
    for r in range(args.repeat):
        for j in args.jobs:
            times[j].append(timed([*cmd, str(args.folder), "--jobs", str(j)], env))
        halves.append(halves_at_once(cmd, files, env))
        ups = "  ".join(f"{times[first][-1] / times[j][-1]:5.2f}x" for j in rest)
        print(
            f"{r + 1:5}  "
            + "  ".join(f"{times[j][-1]:7.2f} s " for j in args.jobs)
            + f"  {halves[-1]:8.2f} s       {ups}    {times[first][-1] / halves[-1]:5.2f}x"
        )
    for j, ts in times.items():
        best = min(ts)
        print(
            f"--jobs {j}: best {best:6.2f} s  median {statistics.median(ts):6.2f}  worst {max(ts):6.2f}"
            f"  ({1000 * best / n:5.1f} ms per log)"
        )
    ceil = [a / b for a, b in zip(times[first], halves, strict=True)]
    for j in rest:
        ratios = [a / b for a, b in zip(times[first], times[j], strict=True)]
        print(
            f"speed-up --jobs {j}: {min(times[first]) / min(times[j]):4.2f}x of best times"
            f"  (per round: {min(ratios):.2f}–{max(ratios):.2f}, median {statistics.median(ratios):.2f})"
        )
    print(
        f"ceiling, --jobs {first} over two independent half runs at once: {min(times[first]) / min(halves):4.2f}x"
        f" of best times (per round: {min(ceil):.2f}–{max(ceil):.2f}, median {statistics.median(ceil):.2f})"
    )
    print(f"load average after: {load()}")


if __name__ == "__main__":
    main()
