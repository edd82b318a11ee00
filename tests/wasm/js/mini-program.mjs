// What a WeChat mini-program plugin does to wasm-bindgen's `--target web`
// glue (README, "Mini programs"), as a text transform the tests run:
//
// 1. the default wasm location is a code-package path, not
//    `new URL(.., import.meta.url)` (no `import.meta` in a mini program);
// 2. a path is not `fetch`ed (there is no `fetch`);
// 3. the module is instantiated by `WXWebAssembly.instantiate(path, imports)`
//    (base library >= 2.13; plugins >= 2.18.1), not `WebAssembly`;
// 4. ES exports become CommonJS `exports` (`require` in the plugin).
//
// TextEncoder / TextDecoder, which the glue uses for strings, must exist:
// the plugin supplies them where the base library lacks them.
//
// Each step must match exactly once, so a wasm-bindgen whose glue changed
// fails here instead of producing a half-patched file.

const STEPS = [
  ['code-package path', /new URL\('[^']+', import\.meta\.url\)/g, (_, path) => `'${path}'`],
  ['no fetch', /module_or_path = fetch\(module_or_path\);/g, () => ''],
  [
    'WXWebAssembly',
    /const instance = await WebAssembly\.instantiate\(module, imports\);/g,
    () => 'return await WXWebAssembly.instantiate(module, imports);',
  ],
  ['CommonJS init', /export \{ initSync, __wbg_init as default \};/g, () => 'exports.init = __wbg_init;'],
];

/**
 * The mini-program glue for `glue` (the text of `<name>.js` from
 * `wasm-bindgen --target web`), loading the wasm from `wasmPath` in the code
 * package.
 */
export function miniProgramGlue(glue, wasmPath) {
  let out = glue;
  for (const [what, pattern, replace] of STEPS) {
    const hits = out.match(pattern)?.length ?? 0;
    if (hits !== 1) {
      throw new Error(`mini-program glue: step "${what}" matched ${hits} times, expected 1`);
    }
    out = out.replace(pattern, () => replace(null, wasmPath));
  }
  const exported = [...out.matchAll(/^export function (\w+)/gm)].map((m) => m[1]);
  out = out.replace(/^export function /gm, 'function ');
  return out + '\n' + exported.map((name) => `exports.${name} = ${name};`).join('\n') + '\n';
}
