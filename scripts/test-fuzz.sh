#!/usr/bin/env bash
# Builds every cargo-fuzz target of fuzz/ with libFuzzer and runs each for a
# short, bounded time over its committed corpus (fuzz/seeds/<target>): a
# crash, a failed property or a timeout fails the script. The long runs
# (10 minutes each, recorded in fuzz/README.md) are done by hand.
#
#   scripts/test-fuzz.sh                 build, then run each target 20 s
#   FUZZ_SECONDS=60 scripts/test-fuzz.sh longer runs
#   scripts/test-fuzz.sh json tonic_status   only these targets
#
# It installs what it needs: a nightly toolchain (rustup, minimal profile;
# libFuzzer's sanitizer flags need it) and cargo-fuzz of the version below,
# reusing one on PATH when its version matches, else building it once under
# the target dir (a minute of CPU, 1-3 minutes on 2 shared cores).
# Exit status 2 (and nothing run): nightly could not be installed here.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
target_dir=${CARGO_TARGET_DIR:-$root/target}
seconds=${FUZZ_SECONDS:-20}
cargo_fuzz_version=0.13.2

fail() {
    echo "error: $*" >&2
    exit 1
}

# --- what it needs ---------------------------------------------------------

if ! rustup toolchain list 2>/dev/null | grep -q '^nightly'; then
    rustup toolchain install nightly --profile minimal >/dev/null 2>&1 || {
        echo "cannot install a nightly toolchain (rustup toolchain install nightly failed)" >&2
        exit 2
    }
fi

cargo_fuzz=
if command -v cargo-fuzz >/dev/null &&
    [ "$(cargo-fuzz --version 2>/dev/null)" = "cargo-fuzz $cargo_fuzz_version" ]; then
    cargo_fuzz=$(command -v cargo-fuzz)
fi
tools=$target_dir/fuzz-tools/cargo-fuzz-$cargo_fuzz_version
if [ -z "$cargo_fuzz" ]; then
    if [ ! -x "$tools/bin/cargo-fuzz" ]; then
        echo "== installing cargo-fuzz $cargo_fuzz_version under $tools (once, 1-3 minutes)"
        nice -n 10 cargo install --quiet --locked cargo-fuzz --version "$cargo_fuzz_version" \
            --root "$tools" || fail "cannot install cargo-fuzz $cargo_fuzz_version (cargo install failed)"
    fi
    cargo_fuzz=$tools/bin/cargo-fuzz
fi
# `cargo fuzz` finds it on PATH.
PATH=$(dirname "$cargo_fuzz"):$PATH
export PATH

# --- build -----------------------------------------------------------------

targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
    mapfile -t targets < <(cd fuzz && "$cargo_fuzz" list)
fi
echo "== cargo +nightly fuzz build -O (${targets[*]})"
(cd fuzz && CARGO_TARGET_DIR=$target_dir/fuzz cargo +nightly fuzz build -O)
bin_dir=$target_dir/fuzz/$(rustc -vV | sed -n 's/^host: //p')/release

# --- run -------------------------------------------------------------------

# Each target over a scratch copy of its corpus (what it finds stays out of
# the tree), seconds each; a crash input is kept under the scratch dir and
# its path printed.
scratch=$target_dir/fuzz-runs
rm -rf "$scratch"
for t in "${targets[@]}"; do
    seeds=fuzz/seeds/$t
    [ -d "$seeds" ] || fail "no committed corpus for the target $t (fuzz/seeds/$t)"
    mkdir -p "$scratch/$t/corpus"
    echo "-- $t: ${seconds}s over $(find "$seeds" -type f | wc -l) committed inputs"
    if ! "$bin_dir/$t" "$scratch/$t/corpus" "$seeds" -max_total_time="$seconds" \
        -timeout=10 -rss_limit_mb=2048 -artifact_prefix="$scratch/$t/" \
        >"$scratch/$t/log" 2>&1; then
        tail -n 40 "$scratch/$t/log" >&2
        fail "fuzz target $t failed; its input is under $scratch/$t/ (add it to tests/tests/fuzz_found.rs)"
    fi
    grep -E '^Done [0-9]+ runs' "$scratch/$t/log" || true
done
