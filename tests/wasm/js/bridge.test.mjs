// uni_error::wasm through wasm-bindgen's `--target nodejs` glue.
// Run by scripts/test-wasm.sh: `node --test tests/wasm/js/`.
import { loadNode } from './load.mjs';
import { bridgeSuite } from './bridge.mjs';
import { shapeSuite } from './shape.mjs';

const m = loadNode();

shapeSuite(m, globalThis, 'nodejs');
bridgeSuite(m, 'nodejs');

// Issue 24: the JS error in the language the page asks for (nodejs glue).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { thrown } from './shape.mjs';

test('nodejs: the JS error in the language the page asks for', () => {
  const zh = thrown(() => m.nfc_off_in('系统设置', 'zh-Hans'));
  assert.ok(zh instanceof Error);
  assert.equal(zh.name, 'UniError');
  assert.equal(zh.message, 'NFC 已关闭：系统设置');
  assert.equal(
    JSON.stringify(zh),
    '{"errSubject":"uni-nfc","errCode":1504001,"errMsg":"NFC 已关闭：系统设置"}',
  );
  assert.equal(thrown(() => m.nfc_off_in('設定', 'zh-TW')).errMsg, 'NFC 已關閉：設定');
  assert.equal(thrown(() => m.nfc_off_in('settings', 'fr')).errMsg, 'NFC is off: settings');
});
