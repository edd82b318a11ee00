// fast-check over `Error::from_js` through wasm-bindgen's nodejs glue
// (from-js-props.mjs). Run by scripts/test-wasm.sh.
import path from 'node:path';

import { pkgDir } from './load.mjs';
import { fromJsProperties } from './from-js-props.mjs';

fromJsProperties('nodejs', path.join(pkgDir, 'nodejs', 'uni_error_wasm_tests.js'));
