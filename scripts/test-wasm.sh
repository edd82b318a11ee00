#!/usr/bin/env bash
# The `wasm` feature in a real JavaScript engine: builds tests/wasm for
# wasm32-unknown-unknown, runs wasm-bindgen's CLI (--target nodejs and
# --target web), then node's test runner on tests/wasm/js/*.test.mjs.
#
#   scripts/test-wasm.sh           build and run the node tests
#   scripts/test-wasm.sh --sizes   print the .wasm sizes of BENCHMARKS.md
#
# It installs what it needs: the wasm32-unknown-unknown target (rustup) and
# wasm-bindgen-cli of exactly the version in tests/wasm/Cargo.lock, reusing
# one on PATH or in ~/.cargo/bin when its version matches, else building it
# once under the target dir (about 6 minutes on 2 cores), and fast-check for
# the from_js property tests (npm ci in tests/wasm). Needs node >= 18 and npm.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
target_dir=${CARGO_TARGET_DIR:-$root/target}
out=$target_dir/wasm-test
pkg=$out/pkg
manifest=tests/wasm/Cargo.toml
wasm_name=uni_error_wasm_tests

fail() {
    echo "test-wasm: $*" >&2
    exit 1
}

mode=test
case "${1:-}" in
"") ;;
--sizes) mode=sizes ;;
*) fail "unknown argument '$1': expected nothing or --sizes" ;;
esac

# --- what it needs ---------------------------------------------------------

if ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
    rustup target add wasm32-unknown-unknown >/dev/null 2>&1 ||
        fail "cannot install the Rust target wasm32-unknown-unknown (rustup target add wasm32-unknown-unknown failed)"
fi

# The CLI must be the crate's version exactly: its glue and the crate's
# generated code speak one private ABI.
lock_version() {
    awk '/^name = "wasm-bindgen"$/ { getline; gsub(/"/, "", $3); print $3; exit }' "$1"
}
version=$(lock_version tests/wasm/Cargo.lock)
[ -n "$version" ] || fail "no wasm-bindgen in tests/wasm/Cargo.lock"
main_version=$(lock_version Cargo.lock)
[ -z "$main_version" ] || [ "$main_version" = "$version" ] ||
    fail "wasm-bindgen $version in tests/wasm/Cargo.lock but $main_version in Cargo.lock: update both"

bindgen=
for candidate in "$(command -v wasm-bindgen || true)" "$HOME/.cargo/bin/wasm-bindgen" \
    "$target_dir/wasm-tools/wasm-bindgen-cli-$version/bin/wasm-bindgen"; do
    if [ -x "$candidate" ] && [ "$("$candidate" --version 2>/dev/null)" = "wasm-bindgen $version" ]; then
        bindgen=$candidate
        break
    fi
done
if [ -z "$bindgen" ]; then
    echo "== installing wasm-bindgen-cli $version under $target_dir/wasm-tools (once, several minutes)"
    # No --locked: the CLI's own lock file pins crates that no longer build.
    nice -n 10 cargo install --quiet wasm-bindgen-cli --version "$version" \
        --root "$target_dir/wasm-tools/wasm-bindgen-cli-$version" ||
        fail "cannot install wasm-bindgen-cli $version (cargo install failed)"
    bindgen=$target_dir/wasm-tools/wasm-bindgen-cli-$version/bin/wasm-bindgen
fi

# --- build -----------------------------------------------------------------

# build <out-dir> <cargo feature args...>: the release .wasm through
# wasm-bindgen --target nodejs and --target web.
build() {
    local dest=$1
    shift
    cargo build --quiet --manifest-path "$manifest" --target wasm32-unknown-unknown --release \
        --target-dir "$out/cargo" "$@"
    local wasm=$out/cargo/wasm32-unknown-unknown/release/$wasm_name.wasm
    rm -rf "$dest"
    "$bindgen" --target nodejs --out-dir "$dest/nodejs" "$wasm"
    "$bindgen" --target web --out-dir "$dest/web" "$wasm"
}

if [ "$mode" = sizes ]; then
    # What a plugin ships: the .wasm after wasm-bindgen (--target web),
    # opt-level "z", LTO, one codegen unit; no wasm-opt.
    printf '%-44s %10s %10s\n' "build of tests/wasm (features)" "bytes" "gzip -9"
    size_of() {
        local label=$1
        shift
        build "$out/size" "$@"
        local wasm=$out/size/web/${wasm_name}_bg.wasm
        printf '%-44s %10d %10d\n' "$label" "$(wc -c <"$wasm")" "$(gzip -9 -c "$wasm" | wc -c)"
    }
    size_of "LoginError, JSON string (no bridge)" --no-default-features
    size_of "LoginError, JsUniError (bridge)" --no-default-features --features bridge
    size_of "+ 4 more error types (bridge)" --no-default-features --features bridge,extra-types
    size_of "LoginError, bridge + Error::from_js" --no-default-features --features from-js
    size_of "LoginError, bridge + from_js alone (rethrow)" --no-default-features --features from-js-alone
    exit 0
fi

cargo fmt --manifest-path "$manifest" --check
echo "== build tests/wasm (wasm32-unknown-unknown, release) and run wasm-bindgen $version"
build "$pkg"

command -v node >/dev/null || fail "node not found: install Node.js 18 or later"
node_major=$(node -p 'process.versions.node.split(".")[0]')
[ "$node_major" -ge 18 ] || fail "node $(node --version) is too old: node --test needs 18 or later"

# fast-check for the from_js property tests, from tests/wasm/package-lock.json.
. "$root/scripts/lib/fast-check.sh"

# Test files by name: node >= 21 takes no directory argument (node 20
# would run one, node 22 looks for a file of that name and fails).
shopt -s nullglob
js_tests=(tests/wasm/js/*.test.mjs)
shopt -u nullglob
[ "${#js_tests[@]}" -gt 0 ] || fail "no test files match tests/wasm/js/*.test.mjs: nothing would be tested"

echo "== node --test ${js_tests[*]} (node $(node --version))"
log=$out/node-test.log
UNI_WASM_PKG=$pkg node --test "${js_tests[@]}" | tee "$log"
# The summary is `# tests N` (TAP, node 20's default when piped) or
# `ℹ tests N` (spec, the default from node 23): a run of no test fails.
ran=$(sed -nE 's/^(# |ℹ )tests ([0-9]+)$/\2/p' "$log" | tail -n 1)
[ "${ran:-0}" -gt 0 ] || fail "node --test ran no test (summary: tests ${ran:-missing})"
echo "== node --test: $ran tests in ${#js_tests[@]} files"

echo "== conformance: the wasm JS error of every case in tests/conformance/cases.json"
mkdir -p "$target_dir/conformance"
node tests/conformance/dump-js.mjs "$pkg/nodejs/$wasm_name.js" "$target_dir/conformance/wasm.json"
python3 tests/conformance/check.py wasm "$target_dir/conformance/wasm.json"
