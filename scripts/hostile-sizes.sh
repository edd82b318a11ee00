#!/usr/bin/env bash
# Hostile input sizes: each case at n and 2n, with time per phase and the
# peak resident memory of the whole process (GNU time's %M).
# Usage: scripts/hostile-sizes.sh   (numbers go to BENCHMARKS.md)
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --quiet --release -p uni-error-tests --example hostile
bin=target/release/examples/hostile
for spec in "msg 10000000" "aggregate 1000000" "keys 100000" "deep 10000"; do
    set -- $spec
    for n in "$2" "$(( $2 * 2 ))"; do
        echo "== $1 n=$n"
        /usr/bin/time -f "peak RSS: %M KiB, wall: %e s" "$bin" "$1" "$n"
    done
done
