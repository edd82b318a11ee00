// The same wasm module through wasm-bindgen's `--target web` glue: loaded by
// node as an ES module, and as a WeChat mini program would load it
// (mini-program.mjs) inside a separate JavaScript realm that has no
// `WebAssembly`, `fetch`, `URL` or `import.meta`, only a `WXWebAssembly`
// that takes a code-package path.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { pathToFileURL } from 'node:url';

import { pkgDir } from './load.mjs';
import { miniProgramGlue } from './mini-program.mjs';
import { RUST_JSON, shapeSuite, thrown } from './shape.mjs';

const webDir = path.join(pkgDir, 'web');
const gluePath = path.join(webDir, 'uni_error_wasm_tests.js');
const wasmBytes = fs.readFileSync(path.join(webDir, 'uni_error_wasm_tests_bg.wasm'));

// 1. The web glue as an ES module, initialised synchronously from the bytes.
const web = await import(pathToFileURL(gluePath).href);
web.initSync({ module: wasmBytes });
shapeSuite(web, globalThis, 'web glue');

// 2. The mini-program emulation.
const requested = [];
const WXWebAssembly = {
  // Like WeChat's: only a code-package path, never bytes or a Response.
  instantiate(codePath, imports) {
    if (typeof codePath !== 'string' || !codePath.startsWith('/')) {
      throw new TypeError(`WXWebAssembly.instantiate takes a code-package path, got ${typeof codePath}`);
    }
    requested.push(codePath);
    const file = path.join(webDir, path.basename(codePath));
    return WebAssembly.instantiate(fs.readFileSync(file), imports);
  },
};
const context = vm.createContext({
  WXWebAssembly,
  // Stand-ins for the polyfill a plugin supplies where the base library has none.
  TextEncoder,
  TextDecoder,
  console,
});
vm.runInContext('delete globalThis.WebAssembly;', context);
const realm = vm.runInContext('globalThis', context);
const glue = miniProgramGlue(fs.readFileSync(gluePath, 'utf8'), '/wasm/uni_error_wasm_tests_bg.wasm');
const mini = {};
vm.runInContext(`(function (exports) {\n${glue}\n})`, context, { filename: 'mini-program-glue.js' })(mini);
await mini.init();

test('mini program: the module loads through WXWebAssembly from a code-package path', () => {
  assert.deepEqual(requested, ['/wasm/uni_error_wasm_tests_bg.wasm']);
  assert.equal(vm.runInContext('typeof WebAssembly + typeof fetch + typeof URL', context), 'undefinedundefinedundefined');
});

test("mini program: errors are Errors of the glue's own realm", () => {
  const err = thrown(() => mini.login('off'));
  assert.ok(err instanceof realm.Error);
  assert.ok(!(err instanceof Error), 'not an Error of the test runner');
  assert.equal(JSON.stringify(err), RUST_JSON.nfc);
});

shapeSuite(mini, realm, 'mini-program glue');
