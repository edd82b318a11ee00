// uni_error::wasm through wasm-bindgen's `--target nodejs` glue.
// Run by scripts/test-wasm.sh: `node --test tests/wasm/js/`.
import { loadNode } from './load.mjs';
import { bridgeSuite } from './bridge.mjs';
import { shapeSuite } from './shape.mjs';

const m = loadNode();

shapeSuite(m, globalThis, 'nodejs');
bridgeSuite(m, 'nodejs');
