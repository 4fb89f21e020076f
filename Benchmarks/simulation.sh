#!/usr/bin/env bash
# Simulation throughput and memory (Docs/simulation.md, Benchmarks/README.md "Simulation"):
#   replications per second of the Daqing scenario with --jobs 1 and --jobs 2 (hyperfine),
#   peak resident memory of long simulate runs (/usr/bin/time -v).
# Usage: Benchmarks/simulation.sh [replications for the timing, default 10000] [memory runs, default "100000 200000"]
# On a shared, busy machine run it in an autogroup of its own at a high priority (root), or the wall times
# measure the other processes:  setsid bash -c 'echo -20 > /proc/self/autogroup; nice -n -20 Benchmarks/simulation.sh'

set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-10000}
memory_runs=${2:-"100000 200000"}
scenario=Scenarios/daqing-2023.yaml
swift build -c release --product tender >/dev/null
bin=.build/release/tender
command -v hyperfine >/dev/null || { echo "install hyperfine (apt-get install -y hyperfine)" >&2; exit 1; }

hyperfine --warmup 1 --runs 3 --export-json /tmp/tender-simulation-bench.json \
    -n "jobs 1" "$bin simulate $scenario --replications $n --jobs 1 --quiet --format json" \
    -n "jobs 2" "$bin simulate $scenario --replications $n --jobs 2 --quiet --format json"
python3 - "$n" <<'PY'
import json, sys
n = int(sys.argv[1])
runs = {r["command"]: r for r in json.load(open("/tmp/tender-simulation-bench.json"))["results"]}
one, two = runs["jobs 1"]["median"], runs["jobs 2"]["median"]
print(f"replications/s: jobs 1 {n / one:,.0f}; jobs 2 {n / two:,.0f}; speed-up {one / two:.2f}x")
PY
cmp <("$bin" simulate $scenario --replications 2000 --jobs 1 --quiet --format json) \
    <("$bin" simulate $scenario --replications 2000 --jobs 2 --quiet --format json) && echo "jobs 1 and jobs 2: identical output"

for m in $memory_runs; do
    /usr/bin/time -v "$bin" simulate $scenario --replications "$m" --jobs 2 --quiet --format json \
        2>/tmp/tender-simulation-time.txt >/dev/null
    peak=$(awk -F': ' '/Maximum resident set size/ {print $2}' /tmp/tender-simulation-time.txt)
    wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' /tmp/tender-simulation-time.txt)
    echo "replications $m: peak RSS $((peak / 1024)) MB, wall $wall"
done
