// The JavaScript shape of a thrown JsUniError, checked the same way for each
// glue (nodejs, web, the mini-program emulation): `shapeSuite(m, realm)`
// registers the tests for module `m`, whose errors belong to `realm` (the
// global object their `Error` comes from).
import { test } from 'node:test';
import assert from 'node:assert/strict';

/** What `fn()` throws; fails when it returns. */
export function thrown(fn) {
  try {
    fn();
  } catch (e) {
    return e;
  }
  assert.fail('expected a throw');
}

/** The Rust side's JSON of each case, as the spec writes it. */
export const RUST_JSON = {
  nfc: '{"errSubject":"uni-login","errCode":1504003,"errMsg":"NFC is not available: off"}',
  timeout: '{"errSubject":"uni-login","errCode":5,"errMsg":"login timed out after 30000 ms"}',
  weixin:
    '{"errSubject":"uni-login::weixin","errCode":1416601,"errMsg":"weixin login failed",' +
    '"data":["nickname"],"cause":{"message":"user cancelled","subject":"weixin-sdk"}}',
  io: '{"errSubject":"uni-login","errCode":1504010,"errMsg":"storage: disk full","cause":{"message":"disk full"}}',
  chain3:
    '{"errSubject":"uni-plugin","errCode":1416602,"errMsg":"sign-in failed","cause":' +
    '{"message":"storage: sdk handshake failed","subject":"uni-login","code":1504010,"cause":' +
    '{"message":"sdk handshake failed","cause":{"message":"socket closed"}}}}',
  unicode:
    String.raw`{"errSubject":"uni-登录::微信","errCode":1504003,"errMsg":"登录失败 🚫 \"引号\" \\ / \n\r\t\u0001\u001f` +
    '\u007f\u2028\u2029' +
    String.raw` é","cause":{"message":"原因 💥 \u0000","subject":"sdk-微信"}}`,
  aggregate:
    '{"errSubject":"uni-ad","errCode":1416601,"errMsg":"no ad could be shown","cause":' +
    '{"message":"no ad could be shown","errors":[' +
    '{"message":"csj: no fill","subject":"uni-ad::provider","code":1416604},' +
    '{"message":"gdt: timeout","subject":"uni-ad::provider","code":1416604}]}}',
  'aggregate-owned':
    '{"errSubject":"uni-ad","errCode":1416601,"errMsg":"no ad could be shown","cause":' +
    '{"message":"all providers failed","subject":"uni-ad::waterfall","code":3,' +
    '"cause":{"message":"config missing"},"errors":[' +
    '{"message":"no fill","subject":"csj","code":-404012,"slotId":"887654"},' +
    '{"message":"1 error","subject":"mixed","errors":[{"message":"inner"}]},' +
    '{"message":"timeout","subject":"gdt","cause":{"message":"socket closed"},"slotId":12}]}}',
  data:
    '{"errSubject":"uni-pay","errCode":1500101,"errMsg":"partial","data":' +
    '{"nested":{"empty":{},"emptyList":[],"list":[1,2.5,-3,true,null,"s"]},"text":"x"}}',
  extra:
    '{"errSubject":"uni-push","errCode":1400601,"errMsg":"m","cause":' +
    '{"message":"c","slotId":"s1","weight":0.5},"traceId":"abc","retry":true}',
  'own-names':
    '{"errSubject":"s","errCode":1,"errMsg":"m","cause":' +
    '{"message":"c","name":"AbortError","stack":"at x","__proto__":{"p":1}},' +
    '"message":"top message","name":"TopName","stack":"st","__proto__":[1]}',
};

/** Cases JavaScript can hold exactly: JSON.stringify equals the Rust JSON. */
export const EXACT = [...Object.keys(RUST_JSON), 'deep'];

/** Walks `cause` links, checking each is an Error of `realm`. */
function causes(err, realm) {
  const out = [];
  for (let c = err.cause; c !== undefined; c = c.cause) {
    assert.ok(c instanceof realm.Error, `cause ${out.length} is an Error`);
    out.push(c);
  }
  return out;
}

export function shapeSuite(m, realm, label) {
  test(`${label}: a derived error arrives as an Error named UniError`, () => {
    const err = thrown(() => m.login('off'));
    assert.ok(err instanceof realm.Error);
    assert.equal(Object.getPrototypeOf(err), realm.Error.prototype);
    assert.equal(Object.prototype.toString.call(err), '[object Error]');
    assert.equal(err.name, 'UniError');
    assert.equal(err.message, 'NFC is not available: off');
    assert.equal(String(err), 'UniError: NFC is not available: off');
    assert.equal(err.errSubject, 'uni-login');
    assert.equal(err.errCode, 1504003);
    assert.equal(err.errMsg, 'NFC is not available: off');
    assert.deepEqual(Object.keys(err), ['errSubject', 'errCode', 'errMsg']);
    // Absent optionals are absent properties, as in the JSON.
    assert.equal(err.data, undefined);
    assert.equal(err.cause, undefined);
    assert.equal(Object.hasOwn(err, 'data'), false);
    assert.equal(Object.getOwnPropertyDescriptor(err, 'name').enumerable, false);
    assert.equal(Object.getOwnPropertyDescriptor(err, 'message').enumerable, false);
    assert.equal(JSON.stringify(err), RUST_JSON.nfc);
  });

  test(`${label}: data is plain JS values and cause an Error with subject`, () => {
    const err = thrown(() => m.fail('weixin'));
    assert.ok(Array.isArray(err.data));
    assert.deepEqual([...err.data], ['nickname']);
    const cause = err.cause;
    assert.ok(cause instanceof realm.Error);
    assert.equal(cause.name, 'SourceError');
    assert.equal(cause.message, 'user cancelled');
    assert.equal(cause.subject, 'weixin-sdk');
    assert.equal(cause.code, undefined);
    assert.equal(cause.cause, undefined);
    assert.deepEqual(Object.keys(cause), ['message', 'subject']);
    assert.equal(JSON.stringify(err), RUST_JSON.weixin);

    const data = thrown(() => m.fail('data')).data;
    assert.equal(Object.getPrototypeOf(data), realm.Object.prototype);
    assert.ok(!(data instanceof Map));
    assert.equal(Object.getPrototypeOf(data.nested.empty), realm.Object.prototype);
    assert.ok(Array.isArray(data.nested.list));
    assert.equal(JSON.stringify(data.nested.list), '[1,2.5,-3,true,null,"s"]');
    assert.equal(data.text, 'x');
  });

  test(`${label}: a 3-level chain is an Error at each level`, () => {
    const err = thrown(() => m.fail('chain3'));
    const [login, sdk, socket] = causes(err, realm);
    assert.equal(causes(err, realm).length, 3);
    assert.equal(err.errSubject, 'uni-plugin');
    assert.equal(err.errCode, 1416602);
    assert.equal(login.message, 'storage: sdk handshake failed');
    assert.equal(login.subject, 'uni-login');
    assert.equal(login.code, 1504010);
    assert.deepEqual(Object.keys(login), ['message', 'subject', 'code', 'cause']);
    assert.equal(sdk.message, 'sdk handshake failed');
    assert.deepEqual(Object.keys(sdk), ['message', 'cause']);
    assert.equal(socket.message, 'socket closed');
    assert.equal(socket.name, 'SourceError');
    assert.equal(JSON.stringify(err), RUST_JSON.chain3);
  });

  test(`${label}: an aggregate is an Error with errors: Error[]`, () => {
    const err = thrown(() => m.fail('aggregate'));
    const agg = err.cause;
    assert.ok(agg instanceof realm.Error);
    assert.equal(agg.name, 'UniAggregateError');
    assert.equal(agg.message, 'no ad could be shown');
    assert.ok(Array.isArray(agg.errors));
    assert.equal(agg.errors.length, 2);
    for (const member of agg.errors) {
      assert.ok(member instanceof realm.Error);
      assert.equal(member.name, 'SourceError');
      assert.equal(member.subject, 'uni-ad::provider');
      assert.equal(member.code, 1416604);
    }
    assert.deepEqual(
      Array.from(agg.errors, (e) => e.message),
      ['csj: no fill', 'gdt: timeout'],
    );
    assert.equal(JSON.stringify(err), RUST_JSON.aggregate);

    // Owned: unknown attributes, a nested aggregate, an aggregate's cause.
    const owned = thrown(() => m.fail('aggregate-owned')).cause;
    assert.equal(owned.subject, 'uni-ad::waterfall');
    assert.equal(owned.code, 3);
    assert.ok(owned.cause instanceof realm.Error);
    assert.equal(owned.cause.message, 'config missing');
    assert.deepEqual(Object.keys(owned), ['message', 'subject', 'code', 'cause', 'errors']);
    const [csj, mixed, gdt] = owned.errors;
    assert.equal(csj.slotId, '887654');
    assert.deepEqual(Object.keys(csj), ['message', 'subject', 'code', 'slotId']);
    assert.equal(mixed.name, 'UniAggregateError');
    assert.ok(mixed.errors[0] instanceof realm.Error);
    assert.equal(mixed.errors[0].message, 'inner');
    assert.equal(gdt.slotId, 12);
    assert.ok(gdt.cause instanceof realm.Error);
  });

  test(`${label}: unknown keys become properties`, () => {
    const err = thrown(() => m.fail('extra'));
    assert.equal(err.traceId, 'abc');
    assert.equal(err.retry, true);
    assert.deepEqual(Object.keys(err), ['errSubject', 'errCode', 'errMsg', 'cause', 'traceId', 'retry']);
    assert.equal(err.cause.slotId, 's1');
    assert.equal(err.cause.weight, 0.5);
  });

  test(`${label}: JSON.stringify equals serde_json::to_string byte for byte`, () => {
    for (const name of EXACT) {
      const rust = m.rust_json(name);
      if (name in RUST_JSON) {
        assert.equal(rust, RUST_JSON[name], `Rust JSON of ${name}`);
      }
      assert.equal(JSON.stringify(thrown(() => m.fail(name))), rust, `thrown ${name}`);
      assert.equal(JSON.stringify(m.to_js(name)), rust, `returned ${name}`);
    }
  });
}
