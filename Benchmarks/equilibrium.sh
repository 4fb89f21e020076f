#!/usr/bin/env bash
# Times `tender equilibrium` (Docs/behaviour.md, issue 15 item 5): Daqing (7 lots, about 80 suppliers; target
# ≤ 2 min on 2 cores) and a one-lot, 5-bidder preference case (Scenarios/one-lot-preference.yaml; ≤ 5 s).
# Usage: Benchmarks/equilibrium.sh [path/to/tender]   (default: .build/release/tender; build it with
# `swift build -c release --product tender`). Prints wall-clock seconds per case.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
tender="${1:-$root/.build/release/tender}"
for case in "$here/Scenarios/one-lot-preference.yaml" "$root/Scenarios/daqing-2023.yaml"; do
    start=$(date +%s.%N)
    "$tender" equilibrium "$case" --out /dev/null
    end=$(date +%s.%N)
    printf '%s\t%.2f s\n' "$(basename "$case")" "$(echo "$end - $start" | bc)"
done
