// Where scripts/test-wasm.sh put wasm-bindgen's output for the test package.
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const here = path.dirname(fileURLToPath(import.meta.url));

/** The directory holding `nodejs/` and `web/` (env `UNI_WASM_PKG`). */
export const pkgDir =
  process.env.UNI_WASM_PKG ?? path.resolve(here, '../../../target/wasm-test/pkg');

/** The `--target nodejs` glue, loaded once. */
export function loadNode() {
  const require = createRequire(import.meta.url);
  return require(path.join(pkgDir, 'nodejs', 'uni_error_wasm_tests.js'));
}
