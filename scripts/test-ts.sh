#!/usr/bin/env bash
# Type-checks the example plugin's generated TypeScript declarations with the
# real compiler:
#   - tests/ts/exhaustive.ts (an exhaustive switch on errCode) must pass
#     `tsc --strict --noEmit`;
#   - tests/ts/unknown_code.ts (errCode compared with, and a code union given,
#     a code the plugin does not have) must fail, with TS2367 / TS2322 only;
#   - the .d.ts files of DCloud's modules ported in tests/fixtures/dcloud (hand-
#     written API around a generated region), with tests/ts/dcloud/consumer.ts
#     (their API used: exhaustive switches, fail callbacks) and impl.ts
#     (Impl classes written as DCloud writes them), must pass `tsc --strict`.
#
# npm installs `typescript` and `@dcloudio/uni-app-x` into a scratch folder
# under target/ (nothing global, no install scripts). `@dcloudio/uni-app-x`
# as a whole does not type-check under plain tsc (its global declarations
# need HBuilderX's platform types: Android `View`, HarmonyOS `FrameNode`,
# `@vue/runtime-core`, ...), so the generated file imports only its
# `types/native/IUniError` declaration, which is self-contained.
#
# The UTS files have no compiler outside HBuilderX: they are checked against
# committed golden files by `cargo test` instead.
set -euo pipefail
cd "$(dirname "$0")/.."

TYPESCRIPT_VERSION="${TYPESCRIPT_VERSION:-7.0.2}"
UNI_APP_X_VERSION="${UNI_APP_X_VERSION:-0.7.122}"
scratch="target/ts-check"
plugin="uni-error/examples/plugin"

# The generated files must be fresh before they are worth compiling.
cargo run --quiet --example catalog -- --check

mkdir -p "$scratch"
installed() {
    node -p "require('./$scratch/node_modules/$1/package.json').version" 2>/dev/null || true
}
if [[ "$(installed typescript)" != "$TYPESCRIPT_VERSION" \
    || "$(installed @dcloudio/uni-app-x)" != "$UNI_APP_X_VERSION" ]]; then
    [[ -f "$scratch/package.json" ]] || echo '{"private": true}' > "$scratch/package.json"
    (cd "$scratch" && nice -n 10 npm install --no-audit --no-fund --ignore-scripts --silent \
        "typescript@$TYPESCRIPT_VERSION" "@dcloudio/uni-app-x@$UNI_APP_X_VERSION")
fi

# The generated .d.ts and the consumers, side by side, byte for byte.
cp "$plugin/nfc.d.ts" tests/ts/exhaustive.ts tests/ts/unknown_code.ts "$scratch/"

tsc() {
    (cd "$scratch" && ./node_modules/.bin/tsc --strict --noEmit --target es2022 \
        --module esnext --moduleResolution bundler --types "" "$@")
}

echo "tsc $(cd "$scratch" && ./node_modules/.bin/tsc --version)"
echo "-- nfc.d.ts + exhaustive.ts must type-check"
tsc nfc.d.ts exhaustive.ts

echo "-- DCloud's modules (tests/fixtures/dcloud): a consumer of their API and DCloud-shaped Impl classes"
dcloud="$scratch/dcloud"
mkdir -p "$dcloud"
for dts in tests/fixtures/dcloud/*/*.d.ts; do cp "$dts" "$dcloud/"; done
cp tests/ts/dcloud/*.ts "$dcloud/"
(cd "$dcloud" && ../node_modules/.bin/tsc --strict --noEmit --target es2022 \
    --module esnext --moduleResolution bundler --types "" \
    uts-globals.d.ts location.d.ts shareWithSystem.d.ts payment.d.ts websocket.d.ts \
    getbatteryinfo.d.ts consumer.ts impl.ts)

echo "-- unknown_code.ts must fail with TS2367 / TS2322"
if out="$(tsc nfc.d.ts unknown_code.ts 2>&1)"; then
    echo "unknown_code.ts type-checked, but it uses a code the plugin does not have" >&2
    exit 1
fi
echo "$out"
errors="$(grep -E 'error TS[0-9]+' <<<"$out" || true)"
others="$(grep -vE '^unknown_code\.ts\([0-9]+,[0-9]+\): error TS(2367|2322):' <<<"$errors" || true)"
if [[ -z "$errors" || -n "$others" ]]; then
    echo "unknown_code.ts failed for another reason than TS2367 / TS2322:" >&2
    echo "${others:-$out}" >&2
    exit 1
fi
grep -q 'error TS2367' <<<"$errors" || { echo "expected TS2367 for the comparison" >&2; exit 1; }
grep -q 'error TS2322' <<<"$errors" || { echo "expected TS2322 for the assignment" >&2; exit 1; }
echo "ok: TypeScript declarations accepted and an unknown code rejected"
