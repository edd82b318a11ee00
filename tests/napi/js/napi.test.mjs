// uni_error::napi in a real napi-rs addon: the wasm suite's assertions
// (shape.mjs, bridge.mjs) run unchanged over it, then what only napi has.
// Run by scripts/test-napi.sh: `node --test tests/napi/js/`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

import { bridgeSuite } from '../../wasm/js/bridge.mjs';
import { RUST_JSON, shapeSuite, thrown } from '../../wasm/js/shape.mjs';
import { fromJsProperties } from '../../wasm/js/from-js-props.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
/** The addon scripts/test-napi.sh built (env `UNI_NAPI_ADDON`). */
const addon =
  process.env.UNI_NAPI_ADDON ?? path.resolve(here, '../../../target/napi-test/uni_error_napi_tests.node');
const m = createRequire(import.meta.url)(addon);

shapeSuite(m, globalThis, 'napi');
bridgeSuite(m, 'napi');
fromJsProperties('napi', addon);

test('napi: the thrown Error has no napi-rs status `code`', () => {
  const err = thrown(() => m.fail('nfc'));
  assert.equal(Object.hasOwn(err, 'code'), false);
  assert.equal(err.code, undefined);
});

test('napi: an async fn rejects with the same Error', async () => {
  assert.equal(await m.failLater('none'), 'fine');
  for (const name of ['nfc', 'weixin', 'chain3', 'aggregate-owned', 'unicode']) {
    await assert.rejects(m.failLater(name), (err) => {
      assert.ok(err instanceof Error);
      assert.equal(err.name, 'UniError');
      assert.equal(JSON.stringify(err), RUST_JSON[name]);
      return true;
    });
  }
});

test('napi: `?` into napi::Result throws the same Error', () => {
  const err = thrown(() => m.failNapiResult('weixin'));
  assert.ok(err instanceof Error);
  assert.equal(err.name, 'UniError');
  assert.equal(err.cause.name, 'SourceError');
  assert.equal(JSON.stringify(err), RUST_JSON.weixin);
});
