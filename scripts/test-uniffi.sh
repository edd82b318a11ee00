#!/usr/bin/env bash
# The `uniffi` feature in the languages App plugins use: builds tests/uniffi
# (a cdylib plugin whose exports fail with `UniFfiError`, a type of another
# crate) and uniffi's bindings generator, generates Python, Kotlin and Swift
# bindings in library mode, then
#   - runs the Python tests against the cdylib (python3),
#   - compiles the Kotlin tests with the bindings and runs them on the JVM
#     (kotlinc from the npm package `kotlin-compiler`, JNA from Debian),
#   - checks the Swift bindings against the committed golden files in
#     tests/uniffi/swift/ (no Swift toolchain here),
#   - checks the conformance table (tests/conformance) on the serde,
#     uniffi-python and uniffi-kotlin surfaces.
#
#   scripts/test-uniffi.sh           all of the above
#   scripts/test-uniffi.sh --bless   rewrite tests/uniffi/swift/ from the generator
#   scripts/test-uniffi.sh --sizes   print the cdylib sizes of BENCHMARKS.md
#
# It installs what it needs once, under the target dir: kotlin-compiler
# (npm, pinned below); and through apt-get when missing and run as root, a
# JDK and libjna-java. Needs python3, node/npm, cargo.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
target_dir=${CARGO_TARGET_DIR:-$root/target}
out=$target_dir/uniffi-test
tools=$target_dir/uniffi-tools
manifest=tests/uniffi/Cargo.toml
lib_name=uni_error_uniffi_tests
kotlin_version=2.4.20

fail() {
    echo "test-uniffi: $*" >&2
    exit 1
}

mode=test
case "${1:-}" in
"") ;;
--bless) mode=bless ;;
--sizes) mode=sizes ;;
*) fail "unknown argument '$1': expected nothing, --bless or --sizes" ;;
esac

case "$(uname -s)" in
Darwin) dylib=lib$lib_name.dylib ;;
*) dylib=lib$lib_name.so ;;
esac

if [ "$mode" = sizes ]; then
    printf '%-44s %10s %10s\n' "build of tests/uniffi (features)" "bytes" "gzip -9"
    size_of() {
        local label=$1
        shift
        cargo build --quiet --manifest-path "$manifest" --release --lib --target-dir "$out/size" "$@"
        local lib=$out/size/release/$dylib
        printf '%-44s %10d %10d\n' "$label" "$(wc -c <"$lib")" "$(gzip -9 -c "$lib" | wc -c)"
    }
    size_of "LoginError, flat error with JSON (no bridge)" --no-default-features
    size_of "LoginError, UniFfiError (bridge)" --no-default-features --features bridge
    exit 0
fi

# --- build and generate ------------------------------------------------------

cargo fmt --manifest-path "$manifest" --check
echo "== build tests/uniffi (cdylib, dev profile: quicker to build than the LTO release) and its uniffi-bindgen"
cargo build --quiet --manifest-path "$manifest" --features bindgen --target-dir "$out/cargo"
lib=$out/cargo/debug/$dylib
bindings=$out/bindings
rm -rf "$bindings"
# Library mode: the bindings of every crate in the cdylib (this plugin's and
# uni-error-core's `uni_error` namespace). Run from the crate for cargo
# metadata.
# One language per run, unformatted (ktlint/swiftformat are not needed).
for language in python kotlin swift; do
    (cd tests/uniffi && "$out/cargo/debug/uniffi-bindgen" generate --no-format --library "$lib" \
        --language "$language" --out-dir "$bindings" >/dev/null) ||
        fail "uniffi-bindgen could not generate the $language bindings"
done

golden=tests/uniffi/swift
if [ "$mode" = bless ]; then
    rm -rf "$golden"
    mkdir -p "$golden"
    cp "$bindings"/*.swift "$bindings"/*.h "$bindings"/*.modulemap "$golden"/
    echo "blessed $golden"
    exit 0
fi

echo "== Swift bindings match the golden files in $golden (scripts/test-uniffi.sh --bless)"
mkdir -p "$out/swift"
rm -f "$out/swift"/*
cp "$bindings"/*.swift "$bindings"/*.h "$bindings"/*.modulemap "$out/swift"/
diff -ru "$golden" "$out/swift" ||
    fail "the generated Swift bindings changed: review, then scripts/test-uniffi.sh --bless"

conformance=$target_dir/conformance
mkdir -p "$conformance"

# --- Python -------------------------------------------------------------------

echo "== Python (python3 $(python3 -c 'import platform; print(platform.python_version())')) against the cdylib"
# A package: the plugin's module imports `uni_error` relatively.
py=$out/py
rm -rf "$py"
mkdir -p "$py/bindings"
cp "$bindings"/*.py "$lib" "$py/bindings"/
touch "$py/bindings/__init__.py"
UNI_UNIFFI_PY=$py python3 tests/uniffi/py/test_uniffi.py -v 2>&1 | sed 's/^/   /'
test "${PIPESTATUS[0]}" -eq 0 || fail "the Python tests failed"
UNI_UNIFFI_PY=$py python3 tests/uniffi/py/conformance.py "$conformance"
python3 tests/conformance/check.py serde "$conformance/serde.json"
python3 tests/conformance/check.py uniffi-python "$conformance/uniffi-python.json"

# --- Kotlin on the JVM ----------------------------------------------------------

if ! command -v javac >/dev/null || ! [ -f /usr/share/java/jna.jar ]; then
    [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null ||
        fail "a JDK and JNA are needed: apt-get install default-jdk-headless libjna-java"
    echo "== installing a JDK and JNA (apt-get, once)"
    apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq default-jdk-headless libjna-java >/dev/null ||
        fail "apt-get install default-jdk-headless libjna-java failed"
fi
jna=/usr/share/java/jna.jar
kotlin_home=$tools/kotlin-$kotlin_version/node_modules/kotlin-compiler
if ! [ -x "$kotlin_home/bin/kotlinc-jvm" ]; then
    echo "== installing kotlin-compiler $kotlin_version (npm) under $tools (once)"
    mkdir -p "$tools/kotlin-$kotlin_version"
    (cd "$tools/kotlin-$kotlin_version" && npm install --silent --no-audit --no-fund \
        "kotlin-compiler@$kotlin_version" >/dev/null) ||
        fail "npm install kotlin-compiler@$kotlin_version failed"
fi
coroutines=$kotlin_home/lib/kotlinx-coroutines-core-jvm.jar
stdlib=$kotlin_home/lib/kotlin-stdlib.jar
[ -f "$coroutines" ] || fail "$coroutines is missing from kotlin-compiler $kotlin_version"

echo "== Kotlin $kotlin_version: compile the bindings, the UTS glue's UniFfiErrorFields.kt and tests/uniffi/kotlin/Main.kt, run on $(java -version 2>&1 | head -1)"
rm -f "$out/kotlin.jar"
mapfile -t kotlin_sources < <(find "$bindings/uniffi" -name '*.kt' | sort)
"$kotlin_home/bin/kotlinc-jvm" -nowarn -cp "$jna:$coroutines" -d "$out/kotlin.jar" \
    "${kotlin_sources[@]}" uni-error/examples/plugin/utssdk/app-android/UniFfiErrorFields.kt \
    tests/uniffi/kotlin/Main.kt 2>&1 | grep -v '^warning: ' || true
[ -f "$out/kotlin.jar" ] || fail "kotlinc did not compile the Kotlin tests"
java -Djna.library.path="$(dirname "$lib")" -cp "$out/kotlin.jar:$jna:$coroutines:$stdlib" MainKt \
    tests/conformance/cases.json "$conformance/uniffi-kotlin.json" | sed 's/^/   /'
test "${PIPESTATUS[0]}" -eq 0 || fail "the Kotlin tests failed"
python3 tests/conformance/check.py uniffi-kotlin "$conformance/uniffi-kotlin.json"
