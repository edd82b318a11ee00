#!/usr/bin/env bash
# Instructions per operation, ours against the baseline, counted by
# callgrind: (instructions at N=11000 - at N=1000) / 10000, so start-up and
# setup cancel out. Repeatable regardless of load or code layout.
# Usage: scripts/bench-instructions.sh [OPERATION...] (all when none given)
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --quiet --release -p uni-error-tests --example instructions
bin=target/release/examples/instructions
count() { # case n
    valgrind --tool=callgrind --callgrind-out-file=/dev/null "$bin" "$1" "$2" 2>&1 \
        | awk '/Collected :/ {print $4}'
}
per_op() { # case
    local a b
    a=$(count "$1" 1000)
    b=$(count "$1" 11000)
    echo "($b - $a) / 10000" | bc -l
}
only=("$@")
printf '%-10s %14s %14s %8s\n' operation "ours (instr)" "base (instr)" ratio
for pair in "leaf leaf-derived leaf-hand" "chain3 chain-derived chain-hand" \
    "leaf-json leaf-direct leaf-hand" "chain-json chain-direct chain-hand" \
    "display display-derived display-thiserror" "errno200 errno-derived errno-hand" \
    "errno-val errno-derived errno-hand-val" \
    "big-leaf big-leaf-derived big-leaf-hand" "big-source big-source-derived big-source-hand" \
    "l10n-def l10n-default leaf-derived" "l10n-en l10n-view-en l10n-default" \
    "l10n-zh l10n-view-zh l10n-default" "read read-ours read-plain"; do
    set -- $pair
    if [ ${#only[@]} -gt 0 ] && [[ " ${only[*]} " != *" $1 "* ]]; then continue; fi
    ours=$(per_op "$2")
    base=$(per_op "$3")
    printf '%-10s %14.1f %14.1f %8.3f\n' "$1" "$ours" "$base" "$(echo "$ours / $base" | bc -l)"
done
# Erasure by value (`?`): each case minus the same input built without it.
for pair in "erase-chain3 erase-chain build-chain" "erase-layers3 erase-layers build-layers"; do
    set -- $pair
    if [ ${#only[@]} -gt 0 ] && [[ " ${only[*]} " != *" $1 "* ]]; then continue; fi
    printf '%-14s %14.1f instructions\n' "$1" "$(echo "$(per_op "$2") - $(per_op "$3")" | bc -l)"
done
