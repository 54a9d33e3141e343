"""Time `dutyaudit batch` over many county logs with --jobs 1 and --jobs 2, in the same run.

    python benchmarks/generate.py --counties 200 --rows 300 --out-dir benchmarks/data/counties
    python benchmarks/bench_batch.py benchmarks/data/counties --pack panjin

Runs the whole command (a fresh process each time, as a script would) --repeat times for each
--jobs value, alternating them so that a burst of load elsewhere hits both alike. Reports the best
wall time of each with the spread (median and worst), the speed-up of the best times (goal >= 1.7x
on 2 cores) and the time per log. The load average and CPU pressure are printed before and after,
and each round first times two CPU-bound loops against one: on a machine others use (or whose
virtual cores share physical ones), that is the most any 2-process speed-up could have been then.
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


_SPIN = "import time\nt=time.perf_counter()\nfor i in range(6_000_000): pass\nprint(time.perf_counter()-t)"


def ceiling() -> float:
    """What two CPU-bound processes gain over one on this machine right now (the best a speed-up can be).

    Virtual cores may share a physical one or a busy host: then even two idle loops are not 2x.
    """
    one = float(subprocess.run([sys.executable, "-c", _SPIN], capture_output=True, text=True).stdout)
    t0 = time.perf_counter()
    procs = [subprocess.Popen([sys.executable, "-c", _SPIN], stdout=subprocess.DEVNULL) for _ in range(2)]
    for p in procs:
        p.wait()
    return 2 * one / (time.perf_counter() - t0 - 0.02)  # 0.02 s: interpreter start, roughly


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("folder", type=Path)
    ap.add_argument("--pack", default="panjin")
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--format", default="json", choices=("json", "table", "csv"))
    ap.add_argument("--jobs", type=int, nargs="+", default=[1, 2], help="--jobs values to time (first is the base)")
    ap.add_argument("--quiet", type=float, default=1.8, help="a round counts as quiet when spin loops scale this much")
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
    n = sum(1 for p in args.folder.rglob("*.xlsx"))
    base = [sys.executable, "-m", "dutyaudit", "batch", str(args.folder), "--pack", args.pack, "-f", args.format]
    print(f"{n} logs, --format {args.format}, {os.cpu_count()} cores; load average before: {load()}")
    timed([*base, "--jobs", "1"], env)  # warm-up: file cache, bytecode
    first, rest = args.jobs[0], args.jobs[1:]
    times: dict[int, list[float]] = {j: [] for j in args.jobs}
    ceilings: list[tuple[float, float]] = []
    print("round  ceiling before/after  " + "  ".join(f"--jobs {j:<3}" for j in args.jobs) + "  speed-up")
    for r in range(args.repeat):
        before = ceiling()
        for j in args.jobs:
            times[j].append(timed([*base, "--jobs", str(j)], env))
        ceilings.append((before, ceiling()))
        ups = "  ".join(f"{times[first][-1] / times[j][-1]:.2f}x" for j in rest)
        print(
            f"{r + 1:5}  {before:6.2f}x / {ceilings[-1][1]:.2f}x      "
            + "  ".join(f"{times[j][-1]:7.2f} s " for j in args.jobs)
            + f"  {ups}"
        )
    for j, ts in times.items():
        best = min(ts)
        print(
            f"--jobs {j}: best {best:6.2f} s  median {statistics.median(ts):6.2f}  worst {max(ts):6.2f}"
            f"  ({1000 * best / n:5.1f} ms per log)"
        )
    quiet = [i for i, (b, a) in enumerate(ceilings) if min(b, a) >= args.quiet]
    for j in rest:
        ratios = [a / b for a, b in zip(times[first], times[j], strict=True)]
        print(
            f"speed-up --jobs {j}: {min(times[first]) / min(times[j]):4.2f}x of best times"
            f"  (per round: {min(ratios):.2f}–{max(ratios):.2f}, median {statistics.median(ratios):.2f})"
        )
        if quiet:
            q = [ratios[i] for i in quiet]
            print(
                f"  in the {len(q)} quiet round(s) (spin loops >= {args.quiet}x before and after):"
                f" {min(q):.2f}–{max(q):.2f}, median {statistics.median(q):.2f}"
            )
    flat = [c for pair in ceilings for c in pair]
    print(
        f"two spin loops vs one: {min(flat):.2f}–{max(flat):.2f}x (median {statistics.median(flat):.2f}),"
        " the machine's own ceiling for a 2-process speed-up at the time"
    )
    print(f"load average after: {load()}")


if __name__ == "__main__":
    main()
