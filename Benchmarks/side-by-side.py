#!/usr/bin/env python3
"""tender against exact Python and NumPy on the same one-lot scenario, side by side, in one command.

Runs, alternately and several times, the release `tender simulate` on Benchmarks/Scenarios/one-lot-uniform.yaml
(--jobs 1) and the two reference scripts beside it (References/one_lot_fraction.py: fractions.Fraction;
References/one_lot_numpy.py: NumPy float64, vectorised), which simulate the same model and compute the same
24 statistics (contract, savings, savings-rate, savings-rate-all: mean, sd, se, p5, p50, p95). It checks
that each script's means agree with tender's within 4 combined standard errors (sqrt(se_a^2 + se_b^2); the
draws differ, so the means differ by chance), then prints the CPU time (user + system, of the child process
as the kernel counts it: wall time is noisy on a shared machine) as medians over the runs, replications per
CPU-second, and the ratios. With --daqing N it also times Scenarios/daqing-2023.yaml with --jobs 1 and 2.

Usage: Benchmarks/side-by-side.py [--replications N] [--fraction-replications N] [--runs R] [--daqing N]
                                  [--binary PATH] [--no-build]
Exit status 1 when a mean disagrees.
"""
import argparse
import json
import os
import resource
import statistics
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
HERE = os.path.join(ROOT, "Benchmarks")
SCENARIO = os.path.join(HERE, "Scenarios", "one-lot-uniform.yaml")
DAQING = os.path.join(ROOT, "Scenarios", "daqing-2023.yaml")
METRICS = ["contract", "savings", "savings-rate", "savings-rate-all"]


def timed(command):
    """Runs `command`; returns (stdout, CPU seconds of the child: user + system)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    done = subprocess.run(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        sys.exit(f"{' '.join(command)} failed ({done.returncode}): {done.stderr.strip()}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return done.stdout, cpu


def tender_statistics(output):
    document = json.loads(output)
    return {m["name"]: m for m in document["metrics"]}


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--replications", type=int, default=200_000, help="tender and NumPy (default 200000)")
    parser.add_argument("--fraction-replications", type=int, default=20_000, help="Python Fraction (default 20000)")
    parser.add_argument("--runs", type=int, default=5, help="alternated runs of each (default 5)")
    parser.add_argument("--daqing", type=int, default=0, help="also time Daqing with this many replications")
    parser.add_argument("--binary", default=os.path.join(ROOT, ".build", "release", "tender"))
    parser.add_argument("--no-build", action="store_true", help="do not build the release tender first")
    args = parser.parse_args()
    if not args.no_build:
        subprocess.run(["swift", "build", "-c", "release", "--product", "tender"], cwd=ROOT, check=True,
                       stdout=subprocess.DEVNULL)
    n, nf = args.replications, args.fraction_replications
    commands = {
        "tender": [args.binary, "simulate", SCENARIO, "--replications", str(n), "--jobs", "1", "--quiet",
                   "--format", "json"],
        "numpy": [sys.executable, os.path.join(HERE, "References", "one_lot_numpy.py"), str(n)],
        "fraction": [sys.executable, os.path.join(HERE, "References", "one_lot_fraction.py"), str(nf)],
    }
    if args.daqing:
        for jobs in (1, 2):
            commands[f"daqing jobs {jobs}"] = [args.binary, "simulate", DAQING, "--replications", str(args.daqing),
                                               "--jobs", str(jobs), "--quiet", "--format", "json"]
    counts = {"tender": n, "numpy": n, "fraction": nf, "daqing jobs 1": args.daqing, "daqing jobs 2": args.daqing}
    cpu = {name: [] for name in commands}
    inner = {"numpy": [], "fraction": []}
    outputs = {}
    for _ in range(args.runs):
        for name, command in commands.items():  # alternated: one run of each, then again
            output, seconds = timed(command)
            cpu[name].append(seconds)
            outputs[name] = output
            if name in inner:
                inner[name].append(json.loads(output)["seconds"])
    if args.daqing:
        if outputs["daqing jobs 1"] != outputs["daqing jobs 2"]:
            sys.exit("Daqing: --jobs 1 and --jobs 2 printed different results")

    ours = tender_statistics(outputs["tender"])
    agree = True
    print(f"means (tender {n:,} replications; NumPy {n:,}; Fraction {nf:,}); agreement within 4 combined SE")
    for reference in ("numpy", "fraction"):
        theirs = json.loads(outputs[reference])["metrics"]
        for metric in METRICS:
            a, b = ours[metric], theirs[metric]
            combined = (a["se"] ** 2 + b["se"] ** 2) ** 0.5
            z = abs(a["mean"] - b["mean"]) / combined if combined > 0 else 0.0
            ok = z <= 4
            agree = agree and ok
            print(f"  {metric:17} tender {a['mean']:.6f} ± {a['se']:.6f}   {reference:8} {b['mean']:.6f} ± "
                  f"{b['se']:.6f}   |Δ| = {z:.2f} SE {'ok' if ok else 'DISAGREE'}")

    print(f"\nCPU time, median of {args.runs} alternated runs (user + system of the process)")
    rate = {}
    for name in commands:
        median = statistics.median(cpu[name])
        rate[name] = counts[name] / median
        line = f"  {name:14} {counts[name]:>9,} replications  {median:8.3f} s  {rate[name]:>12,.0f} per CPU-second"
        if name in inner:
            inside = counts[name] / statistics.median(inner[name])
            rate[name + " inside"] = inside
            line += f"   (inside the process: {inside:,.0f} per CPU-second)"
        print(line)
    print("\nratios (replications per CPU-second)")
    print(f"  tender / NumPy, whole processes:      {rate['tender'] / rate['numpy']:.2f}")
    print(f"  tender / NumPy inside its process:    {rate['tender'] / rate['numpy inside']:.2f}")
    print(f"  tender / Fraction, whole processes:   {rate['tender'] / rate['fraction']:.2f}")
    print(f"  tender / Fraction inside its process: {rate['tender'] / rate['fraction inside']:.2f}")
    if args.daqing:
        one, two = statistics.median(cpu["daqing jobs 1"]), statistics.median(cpu["daqing jobs 2"])
        print(f"  Daqing --jobs 2 / --jobs 1 CPU time:   {two / one:.2f} (identical output)")
    return 0 if agree else 1


sys.exit(main())
