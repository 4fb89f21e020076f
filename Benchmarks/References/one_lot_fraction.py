#!/usr/bin/env python3
"""The one-lot scenario (Benchmarks/Scenarios/one-lot-uniform.yaml) in exact Python: fractions.Fraction.

Per replication: five unit costs drawn from uniform [80, 120] in floating point and rounded half away from
zero to the cent (as tender draws them), the lowest one is the contract price (quantity 1, lowest price, every
bid valid), the ceiling is 200. Four metrics as tender names them (contract, savings, savings-rate,
savings-rate-all), six statistics each (mean, sd, se, p5, p50, p95): 24 statistics. Every amount and rate is
an exact Fraction; the mean and the variance are exact, then printed as floats.

Usage: one_lot_fraction.py REPLICATIONS [SEED]. Prints JSON on stdout: the statistics and the CPU seconds of
the computation inside the process (time.process_time, imports and start-up excluded).
"""
import json
import math
import random
import sys
import time
from fractions import Fraction

CEILING = Fraction(200)
BIDDERS = 5


def statistics(values):
    n = len(values)
    mean = sum(values, Fraction(0)) / n
    variance = sum(((v - mean) ** 2 for v in values), Fraction(0)) / (n - 1)
    ordered = sorted(values)

    def quantile(p):  # linear interpolation between order statistics (NumPy's default)
        h = (n - 1) * Fraction(p)
        low = math.floor(h)
        high = min(low + 1, n - 1)
        return ordered[low] + (h - low) * (ordered[high] - ordered[low])

    sd = math.sqrt(variance)
    return {
        "mean": float(mean),
        "sd": sd,
        "se": sd / math.sqrt(n),
        "p5": float(quantile(Fraction(5, 100))),
        "p50": float(quantile(Fraction(1, 2))),
        "p95": float(quantile(Fraction(95, 100))),
    }


def main():
    n = int(sys.argv[1])
    rng = random.Random(int(sys.argv[2]) if len(sys.argv) > 2 else 20240601)
    start = time.process_time()
    contract, savings, rate = [], [], []
    for _ in range(n):
        lowest = None
        for _ in range(BIDDERS):
            cents = math.floor((80 + rng.random() * 40) * 100 + 0.5)
            cost = Fraction(cents, 100)
            if lowest is None or cost < lowest:
                lowest = cost
        saved = CEILING - lowest
        contract.append(lowest)
        savings.append(saved)
        rate.append(saved / CEILING)
    metrics = {
        "contract": statistics(contract),
        "savings": statistics(savings),
        "savings-rate": statistics(rate),
        "savings-rate-all": statistics(rate),  # one lot, always awarded: the same as savings-rate
    }
    seconds = time.process_time() - start
    json.dump({"replications": n, "seconds": seconds, "metrics": metrics}, sys.stdout)
    print()


main()
