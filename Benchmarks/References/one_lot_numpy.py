#!/usr/bin/env python3
"""The one-lot scenario (Benchmarks/Scenarios/one-lot-uniform.yaml) in NumPy float64, vectorised.

The same model and the same 24 statistics as one_lot_fraction.py (four metrics: contract, savings,
savings-rate, savings-rate-all; mean, sd, se, p5, p50, p95 each), computed on whole arrays in float64: the
costs are rounded half away from zero to the cent as floats, the rates are float quotients.

Usage: one_lot_numpy.py REPLICATIONS [SEED]. Prints JSON on stdout: the statistics and the CPU seconds of
the computation inside the process (time.process_time, the import of NumPy and start-up excluded).
"""
import json
import sys
import time

import numpy as np

CEILING = 200.0
BIDDERS = 5


def statistics(values):
    n = values.size
    sd = float(values.std(ddof=1))
    p5, p50, p95 = np.quantile(values, [0.05, 0.5, 0.95])
    return {
        "mean": float(values.mean()),
        "sd": sd,
        "se": sd / np.sqrt(n),
        "p5": float(p5),
        "p50": float(p50),
        "p95": float(p95),
    }


def main():
    n = int(sys.argv[1])
    rng = np.random.default_rng(int(sys.argv[2]) if len(sys.argv) > 2 else 20240601)
    start = time.process_time()
    costs = np.floor((80.0 + rng.random((n, BIDDERS)) * 40.0) * 100.0 + 0.5) / 100.0
    contract = costs.min(axis=1)
    savings = CEILING - contract
    rate = savings / CEILING
    metrics = {
        "contract": statistics(contract),
        "savings": statistics(savings),
        "savings-rate": statistics(rate),
        "savings-rate-all": statistics(rate),
    }
    seconds = time.process_time() - start
    json.dump({"replications": n, "seconds": seconds, "metrics": metrics}, sys.stdout)
    print()


main()
