#!/usr/bin/env bash
# `tender validate` of the 10,000-project scenario (Benchmarks/README.md, "Loading a large scenario"): CPU time
# (user + system) and peak resident memory of each run, from /usr/bin/time -v, against the targets of
# issue 14 (≤ 5 s, ≤ 300 MB). Needs a release build and PyYAML (for generate-large-scenario.py).
#
# Usage: Benchmarks/validate-large.sh [BINARY] [RUNS] [PROJECTS]
#   BINARY    default .build/release/tender (built with `swift build -c release --product tender` if missing)
#   RUNS      default 3; the median run is reported
#   PROJECTS  default 10000
set -euo pipefail
cd "$(dirname "$0")/.."
binary=${1:-.build/release/tender}
runs=${2:-3}
projects=${3:-10000}
if [[ ! -x $binary ]]; then swift build -c release --product tender; fi
directory=$(mktemp -d)
trap 'rm -rf "$directory"' EXIT
python3 Benchmarks/generate-large-scenario.py "$directory" "$projects"
cpu=()
memory=()
for ((run = 1; run <= runs; run++)); do
    /usr/bin/time -v "$binary" validate "$directory/large.yaml" >"$directory/out" 2>"$directory/time" || {
        cat "$directory/out" "$directory/time" >&2
        exit 1
    }
    user=$(awk -F': ' '/User time/ {print $2}' "$directory/time")
    system=$(awk -F': ' '/System time/ {print $2}' "$directory/time")
    rss=$(awk -F': ' '/Maximum resident/ {print $2}' "$directory/time")
    cpu+=("$(echo "$user + $system" | bc)")
    memory+=("$((rss / 1024))")
    echo "run $run: $(cat "$directory/out")"
    echo "run $run: user+sys ${cpu[-1]} s, peak RSS ${memory[-1]} MB"
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR] = $1} END {print a[int((NR + 1) / 2)]}'; }
cpu_median=$(median "${cpu[@]}")
memory_median=$(median "${memory[@]}")
verdict() { if (($(echo "$1 <= $2" | bc))); then echo met; else echo "NOT met"; fi; }
echo "median of $runs: user+sys $cpu_median s (target ≤ 5 s: $(verdict "$cpu_median" 5)), peak RSS $memory_median MB (target ≤ 300 MB: $(verdict "$memory_median" 300))"
