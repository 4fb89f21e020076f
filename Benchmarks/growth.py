#!/usr/bin/env python3
"""Cost per replication against the number of demand lines (issue 14: "cost per replication grows with the
number of bids, not with the number of demand lines"), and the peak memory of a long simulation.

For each scenario size (projects; Benchmarks/generate-large-scenario.py writes Daqing's suppliers and policy
with that many copies of its nine projects), it

- counts the bids of a replication: the batch lots' bids plus the projects' own purchases' bids, from
  `tender run --format json`, averaged over `--bid-samples` replications;
- times `tender simulate --jobs 1 --quiet` at two replication counts, R1 and R2, and takes the difference of
  the CPU times (user + system of the child, from the kernel): (cpu(R2) − cpu(R1)) / (R2 − R1) is the cost of
  one replication (R1 and R2 are given for the smallest size and scaled down by the size ratio for the others,
  at least 1 and 9) without the loading and the preparation, which both runs pay once;
- prints CPU-µs per replication and per bid, and the ratio of the per-bid costs to the smallest scenario's.

With `--memory N` it also runs `tender simulate` of Daqing with N replications (`--jobs 2`, `/usr/bin/time -v`)
and prints the peak resident set size.

Usage:
  Benchmarks/growth.py [--binary PATH] [--sizes 10,10000] [--replications R1,R2] [--runs 3]
                       [--memory 1000000] [--memory-scenario FILE]
The binary defaults to .build/release/tender (build it first: swift build -c release). Medians of --runs
alternated runs; wall time on a shared machine measures the neighbours, CPU time does not (much).
"""
import argparse
import json
import os
import re
import resource
import statistics
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def cpu_of(command):
    """Runs `command` (output discarded) and returns the user + system CPU seconds of the child."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def bids_per_replication(binary, scenario, samples):
    total = 0
    for replication in range(samples):
        out = subprocess.run(
            [binary, "run", scenario, "--format", "json", "--replication", str(replication)],
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            check=True,
        ).stdout
        result = json.loads(out)
        lots = sum(len(lot["bids"]) if isinstance(lot["bids"], list) else lot["bids"] for lot in result["lots"])
        purchases = sum(purchase["bids"] for purchase in result["projectPurchases"])
        total += lots + purchases
    return total / samples, len(result["plan"]["lots"]), len(result["plan"]["excluded"])


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", default=os.path.join(ROOT, ".build", "release", "tender"))
    parser.add_argument("--sizes", default="10,10000")
    parser.add_argument("--replications", default="200,1200")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--bid-samples", type=int, default=5)
    parser.add_argument("--memory", type=int, default=0)
    parser.add_argument("--memory-scenario", default=os.path.join(ROOT, "Scenarios", "daqing-2023.yaml"))
    args = parser.parse_args()
    r1, r2 = (int(x) for x in args.replications.split(","))
    sizes = [int(x) for x in args.sizes.split(",")]
    work = tempfile.mkdtemp(prefix="tender-growth-")
    rows = []
    for size in sizes:
        directory = os.path.join(work, f"p{size}")
        subprocess.run(
            [sys.executable, os.path.join(ROOT, "Benchmarks", "generate-large-scenario.py"), directory, str(size)],
            stdout=subprocess.DEVNULL,
            check=True,
        )
        scenario = os.path.join(directory, "large.yaml")
        bids, lots, excluded = bids_per_replication(args.binary, scenario, args.bid_samples)
        # The replication counts are the smallest scenario's, scaled down by the size ratio (at least 1 and 9).
        n1 = max(1, round(r1 * sizes[0] / size))
        n2 = max(n1 + 8, round(r2 * sizes[0] / size))
        per_replication = []
        for _ in range(args.runs):
            base = [args.binary, "simulate", scenario, "--jobs", "1", "--quiet", "--seed", "1"]
            short = cpu_of(base + ["--replications", str(n1)])
            long = cpu_of(base + ["--replications", str(n2)])
            per_replication.append((long - short) / (n2 - n1))
        cost = statistics.median(per_replication)
        rows.append((size, lots, excluded, bids, cost))
        print(
            f"{size:>6} projects: {lots} lots, {excluded} lines left to projects, {bids:.1f} bids per replication; "
            f"{cost * 1e6:,.0f} CPU-µs per replication, {cost / bids * 1e6:,.1f} CPU-µs per bid "
            f"(runs: {', '.join(f'{x * 1e6:,.0f}' for x in per_replication)})",
            flush=True,
        )
    smallest = rows[0][4] / rows[0][3]
    for size, _, _, bids, cost in rows[1:]:
        print(f"per bid, {size} projects / {rows[0][0]} projects: {cost / bids / smallest:.2f}")
    if args.memory:
        timed = subprocess.run(
            [
                "/usr/bin/time", "-v", args.binary, "simulate", args.memory_scenario, "--replications",
                str(args.memory), "--jobs", "2", "--quiet", "--seed", "1",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
            check=True,
        ).stderr
        peak = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", timed).group(1))
        user = float(re.search(r"User time \(seconds\): ([\d.]+)", timed).group(1))
        system = float(re.search(r"System time \(seconds\): ([\d.]+)", timed).group(1))
        print(
            f"{os.path.basename(args.memory_scenario)}, {args.memory:,} replications, --jobs 2: peak RSS "
            f"{peak / 1024:.1f} MB ({peak:,} KB), {user + system:.1f} CPU-s, "
            f"{args.memory / (user + system):,.0f} replications per CPU-second"
        )


if __name__ == "__main__":
    main()
