#!/usr/bin/env bash
# The `napi` feature in Node: builds tests/napi as a real napi-rs addon
# (cdylib → .node) and runs node's test runner over it with the wasm
# suite's shared assertions (tests/wasm/js/shape.mjs, bridge.mjs).
#
#   scripts/test-napi.sh           build and run the node tests
#   scripts/test-napi.sh --sizes   print the addon sizes of BENCHMARKS.md
#
# Then checks the conformance table (tests/conformance) on the napi surface.
#
# Needs only cargo, node >= 18 and python3 (napi-rs's build script links against
# nothing: Node's symbols are resolved when node loads the addon).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
target_dir=${CARGO_TARGET_DIR:-$root/target}
out=$target_dir/napi-test
manifest=tests/napi/Cargo.toml
lib_name=uni_error_napi_tests

fail() {
    echo "test-napi: $*" >&2
    exit 1
}

mode=test
case "${1:-}" in
"") ;;
--sizes) mode=sizes ;;
*) fail "unknown argument '$1': expected nothing or --sizes" ;;
esac

case "$(uname -s)" in
Darwin) dylib=lib$lib_name.dylib ;;
MINGW* | MSYS* | CYGWIN*) dylib=$lib_name.dll ;;
*) dylib=lib$lib_name.so ;;
esac

# build <addon path> <cargo feature args...>: the release addon (LTO,
# stripped), copied to the `.node` name node's require() loads.
build() {
    local dest=$1
    shift
    cargo build --quiet --manifest-path "$manifest" --release --target-dir "$out/cargo" "$@"
    mkdir -p "$(dirname "$dest")"
    cp "$out/cargo/release/$dylib" "$dest"
}

if [ "$mode" = sizes ]; then
    printf '%-44s %10s %10s\n' "build of tests/napi (features)" "bytes" "gzip -9"
    size_of() {
        local label=$1
        shift
        build "$out/size.node" "$@"
        printf '%-44s %10d %10d\n' "$label" "$(wc -c <"$out/size.node")" "$(gzip -9 -c "$out/size.node" | wc -c)"
    }
    size_of "LoginError, napi::Error (no bridge)" --no-default-features
    size_of "LoginError, NapiUniError + install (bridge)" --no-default-features --features bridge
    exit 0
fi

cargo fmt --manifest-path "$manifest" --check
echo "== build tests/napi (release addon)"
build "$out/$lib_name.node"

command -v node >/dev/null || fail "node not found: install Node.js 18 or later"
node_major=$(node -p 'process.versions.node.split(".")[0]')
[ "$node_major" -ge 18 ] || fail "node $(node --version) is too old: node --test needs 18 or later"

# fast-check for the from_js property tests, from tests/wasm/package-lock.json.
. "$root/scripts/lib/fast-check.sh"

echo "== node --test tests/napi/js/napi.test.mjs (node $(node --version))"
log=$out/node-test.log
UNI_NAPI_ADDON=$out/$lib_name.node node --test tests/napi/js/napi.test.mjs | tee "$log"
# A run of no test fails (summary `# tests N` in TAP, `ℹ tests N` in spec).
ran=$(sed -nE 's/^(# |ℹ )tests ([0-9]+)$/\2/p' "$log" | tail -n 1)
[ "${ran:-0}" -gt 0 ] || fail "node --test ran no test (summary: tests ${ran:-missing})"

echo "== conformance: the napi JS error of every case in tests/conformance/cases.json"
mkdir -p "$target_dir/conformance"
node tests/conformance/dump-js.mjs "$out/$lib_name.node" "$target_dir/conformance/napi.json"
python3 tests/conformance/check.py napi "$target_dir/conformance/napi.json"
