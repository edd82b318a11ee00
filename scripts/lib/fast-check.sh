# Sourced by scripts/test-wasm.sh and scripts/test-napi.sh (which define
# `fail`): both run the from_js property tests, which need fast-check.
#
# fast-check (tests/wasm/js/from-js-props.mjs):
# npm ci from tests/wasm/package-lock.json, once, or again when the lock
# names another version than the one installed.
npm_version() { node -p "try { require('./$1').$2 } catch { '' }" 2>/dev/null || true; }
want=$(npm_version tests/wasm/package-lock.json "packages['node_modules/fast-check'].version")
have=$(npm_version tests/wasm/node_modules/fast-check/package.json version)
if [ -z "$want" ]; then
    fail "no fast-check in tests/wasm/package-lock.json"
elif [ "$want" != "$have" ]; then
    echo "== npm ci in tests/wasm (fast-check $want)"
    (cd tests/wasm && npm ci --no-audit --no-fund --ignore-scripts --silent) ||
        fail "npm ci in tests/wasm failed (fast-check $want from the npm registry)"
fi
