#!/usr/bin/env bash
# Times `tender equilibrium` (Docs/behaviour.md, issue 15 item 5): Daqing (7 lots, about 80 suppliers; target
# ≤ 2 min on 2 cores) and a one-lot, 5-bidder preference case (Scenarios/one-lot-preference.yaml; ≤ 5 s).
# Usage: Benchmarks/equilibrium.sh [path/to/tender] [jobs]   (default: .build/release/tender, 2 jobs; build it
# with `swift build -c release --product tender`). Prints wall-clock and CPU seconds per case, and checks that
# the output does not depend on the number of jobs (1 and `jobs`).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
tender="${1:-$root/.build/release/tender}"
jobs="${2:-2}"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
# The preference case's five suppliers are declared truthful: `--bidders all` solves them all. Daqing is solved as
# its policy says (`bidders: declared`: its suppliers of behaviour: equilibrium, against the others as rivals).
for case in "$here/Scenarios/one-lot-preference.yaml" "$root/Scenarios/daqing-2023.yaml"; do
    name="$(basename "$case" .yaml)"
    bidders=()
    [ "$name" = one-lot-preference ] && bidders=(--bidders all)
    for j in 1 "$jobs"; do
        /usr/bin/time -f "%e %U %S" -o "$out/time" "$tender" equilibrium "$case" "${bidders[@]}" --jobs "$j" --out "$out/$name-$j.txt" 2>/dev/null
        read -r wall user sys < "$out/time"
        printf '%s\t--jobs %s\twall %.2f s\tCPU %.2f s\n' "$name" "$j" "$wall" "$(echo "$user + $sys" | bc)"
    done
    cmp -s "$out/$name-1.txt" "$out/$name-$jobs.txt" && echo "$name: same output with 1 and $jobs jobs" \
        || echo "$name: OUTPUT DIFFERS between 1 and $jobs jobs"
    grep -E '^Lot ' "$out/$name-1.txt" | sed 's/^/  /'
done
