"""Start-up time of the ``burhan`` command (issue 14: ``--help``, ``stats``, ``list`` ≤ 0.5 s).

    python bench/startup.py [--db burhan-demo.db] [--runs 5]

Median wall time of each command as a subprocess, beside a bare ``python -c pass`` measured
in the same run (the interpreter's own start-up), printed as a ratio to it.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import time


def wall(command: list[str], runs: int) -> float:
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", default="burhan-demo.db")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    burhan = shutil.which("burhan") or "burhan"
    base = wall([sys.executable, "-c", "pass"], args.runs)
    print(f"{'python -c pass':24} {base:6.3f} s  ×1.00")
    for label, command in (("burhan --help", [burhan, "--help"]), ("burhan stats", [burhan, "stats", "--db", args.db]),
                           ("burhan list", [burhan, "list", "--db", args.db])):
        t = wall(command, args.runs)
        print(f"{label:24} {t:6.3f} s  ×{t / base:.2f}")


if __name__ == "__main__":
    main()
