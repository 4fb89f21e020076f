#!/usr/bin/env bash
# Instructions and allocations per replication (Benchmarks/README.md, "Eighth round"): deterministic measures
# of what a replication costs, for comparing binaries on a machine whose times drift.
#
#   instructions: `valgrind --tool=callgrind` on a stripped copy of each binary (callgrind cannot read the
#     debug information of a 70 MB Swift binary), the difference of two replication counts divided by the
#     difference, so loading, solving and warming the equilibrium memos cancel out;
#   allocations: `perf stat -e probe_libc:malloc` (a uprobe on libc's malloc, added if missing; needs root),
#     the same difference.
#
# Usage: Benchmarks/instructions.sh [BINARY ...]     (default: .build/release/tender, built if missing)
# Needs valgrind and linux-perf (apt-get install -y valgrind linux-perf). About 2–3 minutes per binary.
set -euo pipefail
cd "$(dirname "$0")/.."
binaries=("$@")
if [[ ${#binaries[@]} -eq 0 ]]; then
    [[ -x .build/release/tender ]] || swift build -c release --product tender >/dev/null
    binaries=(.build/release/tender)
fi
command -v valgrind >/dev/null || { echo "install valgrind (apt-get install -y valgrind)" >&2; exit 1; }
directory=$(mktemp -d)
trap 'rm -rf "$directory"' EXIT

one_lot=Benchmarks/Scenarios/one-lot-uniform.yaml
daqing=Scenarios/daqing-2023.yaml

# instructions BINARY SCENARIO LOW HIGH: instructions per replication between LOW and HIGH replications.
instructions() {
    local counts=()
    for n in "$3" "$4"; do
        valgrind --tool=callgrind --callgrind-out-file=/dev/null "$1" simulate "$2" --replications "$n" --jobs 1 \
            --quiet --format json >/dev/null 2>"$directory/callgrind"
        counts+=("$(awk '/Collected :/ {print $NF}' "$directory/callgrind")")
    done
    echo $(((counts[1] - counts[0]) / ($4 - $3)))
}

# allocations BINARY SCENARIO LOW HIGH: malloc calls per replication between LOW and HIGH replications.
allocations() {
    local counts=()
    for n in "$3" "$4"; do
        counts+=("$(perf stat -e probe_libc:malloc -x, "$1" simulate "$2" --replications "$n" --jobs 1 --quiet \
            --format json 2>&1 >/dev/null | awk -F, '/malloc/ {print $1}')")
    done
    echo "scale=1; (${counts[1]} - ${counts[0]}) / ($4 - $3)" | bc
}

probe=no
if command -v perf >/dev/null; then
    libc=$(ldconfig -p | awk '/libc.so.6 .*x86-64/ {print $NF; exit}')
    perf stat -e probe_libc:malloc true >/dev/null 2>&1 || perf probe -x "$libc" malloc >/dev/null 2>&1 || true
    if perf stat -e probe_libc:malloc true >/dev/null 2>&1; then probe=yes; fi
fi

printf '%-40s %18s %18s %14s %14s\n' binary "one-lot instr/rep" "Daqing instr/rep" "one-lot allocs" "Daqing allocs"
for binary in "${binaries[@]}"; do
    stripped="$directory/$(basename "$binary").stripped"
    strip -o "$stripped" "$binary"
    one=$(instructions "$stripped" "$one_lot" 2000 12000)
    dq=$(instructions "$stripped" "$daqing" 1200 2400)
    if [[ $probe == yes ]]; then
        one_allocs=$(allocations "$binary" "$one_lot" 10000 30000)
        dq_allocs=$(allocations "$binary" "$daqing" 1000 3000)
    else
        one_allocs="(no probe)"
        dq_allocs="(no probe)"
    fi
    printf '%-40s %18s %18s %14s %14s\n' "$binary" "$one" "$dq" "$one_allocs" "$dq_allocs"
done
