// The bridge's behaviour beyond the shape, checked the same way for every
// binding that builds the JavaScript error (wasm-bindgen's nodejs glue, a
// napi-rs addon): `bridgeSuite(m, label)` registers the tests for module
// `m`, which exports the functions of tests/wasm/src/suite.rs (failing
// with the cases of tests/shared/cases.rs).
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { EXACT, RUST_JSON, thrown } from './shape.mjs';

export function bridgeSuite(m, label) {
  test(`${label}: \`?\` converts a derived error and the owned uni_error::Error`, () => {
    const signIn = thrown(() => m.sign_in());
    assert.ok(signIn instanceof Error);
    assert.equal(
      JSON.stringify(signIn),
      '{"errSubject":"uni-plugin","errCode":1416602,"errMsg":"sign-in failed","cause":' +
        '{"message":"login timed out after 5 ms","subject":"uni-login","code":5}}',
    );
    const owned = thrown(() => m.open_owned());
    assert.ok(owned instanceof Error);
    assert.equal(owned.name, 'UniError');
    assert.equal(JSON.stringify(owned), '{"errSubject":"uni-fs","errCode":1300002,"errMsg":"no such file"}');
  });

  test(`${label}: unknown keys named like Error properties keep their JSON value and place`, () => {
    const err = thrown(() => m.fail('own-names'));
    assert.equal(JSON.stringify(err), RUST_JSON['own-names']);
    // The JSON key wins over what the Error had or would get ...
    assert.equal(err.name, 'TopName');
    assert.equal(err.message, 'top message');
    assert.equal(err.stack, 'st');
    assert.equal(err.cause.name, 'AbortError');
    // ... and `__proto__` is an own property, not the prototype.
    assert.equal(Object.getPrototypeOf(err), Error.prototype);
    assert.ok(Object.hasOwn(err, '__proto__'));
    assert.deepEqual(Object.getOwnPropertyDescriptor(err, '__proto__').value, [1]);
    assert.ok(err instanceof Error);
    assert.deepEqual(Object.keys(err), [
      'errSubject', 'errCode', 'errMsg', 'cause', 'message', 'name', 'stack', '__proto__',
    ]);
  });

  test(`${label}: a chain deeper than the JSON limit is cut as the Rust JSON is`, () => {
    const err = thrown(() => m.fail('deep'));
    let depth = 0;
    let last = err;
    for (let c = err.cause; c !== undefined; c = c.cause) {
      assert.ok(c instanceof Error);
      depth += 1;
      last = c;
    }
    // 127 JSON levels: the error and 126 causes, the last saying what was cut.
    assert.equal(depth, 126);
    assert.equal(
      last.message,
      '175 more causes omitted: the chain nests deeper than 127 JSON levels',
    );
    assert.equal(JSON.stringify(err), m.rust_json('deep'));
  });

  // The exceptions JavaScript imposes, each as documented in uni_error::wasm:
  // JSON.stringify gives what JavaScript makes of the Rust JSON.
  const EXCEPTIONS = {
    'int-keys': {
      rust: '{"errSubject":"s","errCode":1,"errMsg":"m","data":{"10":2,"9":3,"a":4},"z":0,"7":1}',
      js: '{"7":1,"errSubject":"s","errCode":1,"errMsg":"m","data":{"9":3,"10":2,"a":4},"z":0}',
    },
    floats: {
      rust: '{"errSubject":"s","errCode":1,"errMsg":"m","data":[1.0,-0.0,1e21,1e20,0.1,1.5e-7,123456.789]}',
      js: '{"errSubject":"s","errCode":1,"errMsg":"m","data":[1,0,1e+21,100000000000000000000,0.1,1.5e-7,123456.789]}',
    },
    'big-ints': {
      rust:
        '{"errSubject":"s","errCode":9007199254740993,"errMsg":"m",' +
        '"data":[9007199254740993,-9007199254740993,18446744073709551615],' +
        '"cause":{"message":"c","code":-9007199254740993}}',
      js:
        '{"errSubject":"s","errCode":9007199254740992,"errMsg":"m",' +
        '"data":[9007199254740992,-9007199254740992,18446744073709552000],' +
        '"cause":{"message":"c","code":-9007199254740992}}',
    },
  };

  for (const [name, { rust, js }] of Object.entries(EXCEPTIONS)) {
    test(`${label}: documented JS exception: ${name}`, () => {
      assert.equal(m.rust_json(name), rust);
      const err = thrown(() => m.fail(name));
      assert.equal(JSON.stringify(err), js);
      // Exactly what JavaScript itself makes of the Rust JSON, nothing more.
      assert.equal(JSON.stringify(JSON.parse(rust)), js);
    });
  }

  test(`${label}: JS → Rust → JS: every case reads back and is rebuilt equal`, () => {
    for (const name of [...EXACT, ...Object.keys(EXCEPTIONS)]) {
      const err = thrown(() => m.fail(name));
      const again = m.round_trip(err);
      assert.ok(again instanceof Error);
      assert.equal(again.name, err.name);
      assert.equal(JSON.stringify(again), JSON.stringify(err), name);
      if (EXACT.includes(name)) {
        // Rust → JS → Rust loses nothing where JavaScript holds the value.
        assert.equal(m.read_json(err), m.rust_json(name), name);
      }
    }
  });

  test(`${label}: a JS value from JavaScript reads into uni_error::Error`, () => {
    // A plain object, as a uni-app `fail` callback passes it.
    assert.equal(
      m.read_json({ errSubject: 'uni-login', errCode: 1504003, errMsg: 'x', data: { a: [1, 'b'] } }),
      '{"errSubject":"uni-login","errCode":1504003,"errMsg":"x","data":{"a":[1,"b"]}}',
    );
    // uni-app's own class: `this.name = 'UniError'` is its marker, not data;
    // an ES2022 `cause` and a native AggregateError (non-enumerable message,
    // cause and errors) read as source and aggregate.
    class UniError extends Error {
      constructor(errSubject, errCode, errMsg, cause) {
        super(errMsg, { cause });
        this.name = 'UniError';
        this.errSubject = errSubject;
        this.errCode = errCode;
        this.errMsg = errMsg;
        this.data = null;
      }
    }
    const sdk = new AggregateError([new Error('no fill'), new TypeError('bad slot')], 'all failed');
    const e = new UniError('uni-ad', 1416601, 'no ad', new Error('wrapped', { cause: sdk }));
    assert.equal(
      m.read_json(e),
      '{"errSubject":"uni-ad","errCode":1416601,"errMsg":"no ad","cause":{"message":"wrapped","cause":' +
        '{"message":"all failed","errors":[{"message":"no fill"},{"message":"bad slot"}]}}}',
    );
    // Getters and inherited fields count; undefined, functions and symbols
    // are left out as JSON.stringify leaves them out.
    const proto = { get errSubject() { return 'uni-x'; } };
    const v = Object.assign(Object.create(proto), {
      errCode: -1, errMsg: 'm', slotId: undefined, f() {}, s: Symbol('s'), ok: 1,
    });
    assert.equal(m.read_json(v), '{"errSubject":"uni-x","errCode":-1,"errMsg":"m","ok":1}');
  });

  test(`${label}: a uni-app callback's error becomes the cause of the plugin's error`, () => {
    const fromUniApp = { errSubject: 'uni-login', errCode: 1504003, errMsg: 'login:fail', slotId: 'a' };
    const err = thrown(() => m.fail_with_callback_error(fromUniApp));
    assert.ok(err instanceof Error);
    assert.ok(err.cause instanceof Error);
    assert.equal(err.cause.subject, 'uni-login');
    assert.equal(err.cause.code, 1504003);
    assert.equal(
      JSON.stringify(err),
      '{"errSubject":"uni-plugin","errCode":1416603,"errMsg":"uni.login failed","cause":' +
        '{"message":"login:fail","subject":"uni-login","code":1504003,"slotId":"a"}}',
    );
  });

  // Each bad value and the exact message of its FromJsError (a TypeError).
  function cyclicCause() {
    const e = { errSubject: 's', errCode: 1, errMsg: 'm', cause: { message: 'a' } };
    e.cause.cause = e.cause;
    return e;
  }
  function cyclicToTop() {
    const e = { errSubject: 's', errCode: 1, errMsg: 'm', cause: { message: 'a' } };
    e.cause.cause = e;
    return e;
  }
  function cyclicMember() {
    const agg = { message: 'agg', errors: [] };
    agg.errors.push({ message: 'ok' }, agg);
    return { errSubject: 's', errCode: 1, errMsg: 'm', cause: agg };
  }
  function deepChain(n) {
    let c = { message: 'bottom' };
    for (let i = 0; i < n; i++) c = { message: `level ${i}`, cause: c };
    return { errSubject: 's', errCode: 1, errMsg: 'm', cause: c };
  }
  function deepData(n) {
    let d = [];
    for (let i = 0; i < n; i++) d = [d];
    return { errSubject: 's', errCode: 1, errMsg: 'm', data: d };
  }
  const base = { errSubject: 's', errCode: 1, errMsg: 'm' };
  const cyclicData = { a: 1 };
  cyclicData.self = cyclicData;
  const revocable = Proxy.revocable({}, {});
  revocable.revoke();

  const BAD = [
    ['a string', 'x', 'expected a UniError object {errSubject, errCode, errMsg, data?, cause?}, found a string'],
    ['null', null, 'expected a UniError object {errSubject, errCode, errMsg, data?, cause?}, found null'],
    ['undefined', undefined, 'expected a UniError object {errSubject, errCode, errMsg, data?, cause?}, found undefined'],
    ['a function', () => 1, 'expected a UniError object {errSubject, errCode, errMsg, data?, cause?}, found a function'],
    ['no errCode', { errSubject: 's', errMsg: 'm' }, 'missing field `errCode`'],
    ['no errSubject', { errCode: 1, errMsg: 'm' }, 'missing field `errSubject`'],
    ['a string errCode', { ...base, errCode: '1504003' }, '`errCode` is a string, expected an integer in the i64 range'],
    ['a fractional errCode', { ...base, errCode: 1.5 }, '`errCode` is the number 1.5, expected an integer in the i64 range'],
    ['a NaN errCode', { ...base, errCode: NaN }, '`errCode` is the number NaN, expected an integer in the i64 range'],
    ['errCode 2^63', { ...base, errCode: 2 ** 63 }, '`errCode` is the number 9223372036854776000, expected an integer in the i64 range'],
    ['a bigint code', { ...base, cause: { message: 'c', code: 1n } }, '`cause.code` is a bigint, expected an integer in the i64 range'],
    ['a number errMsg', { ...base, errMsg: 5 }, '`errMsg` is the number 5, expected a string'],
    ['a string cause', { ...base, cause: 'oops' }, '`cause` is a string, expected a source error object {message, subject?, code?, cause?, errors?}'],
    ['a cause without message', { ...base, cause: {} }, 'missing field `message` at `cause`'],
    ['errors not an array', { ...base, cause: { message: 'c', errors: 'x' } }, '`cause.errors` is a string, expected an array of source errors'],
    ['a bad member', { ...base, cause: { message: 'c', errors: [{ message: 'a' }, { code: 1 }] } }, 'missing field `message` at `cause.errors[1]`'],
    ['a cycle', cyclicCause(), '`cause.cause` is `cause` again: a cycle cannot be an error chain'],
    ['a cycle to the top', cyclicToTop(), '`cause.cause` is the error itself again: a cycle cannot be an error chain'],
    ['a cycle through errors', cyclicMember(), '`cause.errors[1]` is `cause` again: a cycle cannot be an error chain'],
    ['a chain of 200', deepChain(200), 'the cause chain nests deeper than 127 JSON levels'],
    ['a lone surrogate', { ...base, errMsg: 'a\ud800b' }, '`errMsg` has a lone surrogate, which is not Unicode text'],
  ];

  for (const [what, value, message] of BAD) {
    test(`${label}: a bad value gives a FromJsError, never a trap: ${what}`, () => {
      const e = thrown(() => m.read_json(value));
      assert.ok(e instanceof TypeError, `${e}`);
      assert.equal(e.message, message);
    });
  }

  // Messages that quote the engine's own words: checked by their start.
  const BAD_PREFIX = [
    ['a bigint in data', { ...base, data: { n: 1n } }, '`data` cannot be written as JSON: TypeError: Do not know how to serialize a BigInt'],
    ['a cycle in data', { ...base, data: cyclicData }, '`data` cannot be written as JSON: TypeError: Converting circular structure to JSON'],
    ['a bigint in an unknown key', { ...base, cause: { message: 'c', slotId: 2n } }, '`cause.slotId` cannot be written as JSON: TypeError: Do not know how to serialize a BigInt'],
    ['a lone surrogate in data', { ...base, data: '\udc00' }, '`data` is not valid JSON text: lone leading surrogate'],
    ['data nested too deep', deepData(200), '`data` is not valid JSON text: recursion limit exceeded'],
    ['a throwing getter', Object.defineProperty({ ...base }, 'errCode', { get() { throw new RangeError('boom'); } }), 'reading `errCode` threw RangeError: boom'],
    ['a revoked Proxy', revocable.proxy, "reading `errSubject` threw TypeError: Cannot perform 'get' on a proxy that has been revoked"],
    ['a Proxy with no keys', new Proxy({ ...base }, { ownKeys() { throw new Error('no keys'); } }), 'listing the keys threw Error: no keys'],
  ];

  for (const [what, value, prefix] of BAD_PREFIX) {
    test(`${label}: a bad value gives a FromJsError, never a trap: ${what}`, () => {
      const e = thrown(() => m.read_json(value));
      assert.ok(e instanceof TypeError, `${e}`);
      assert.ok(e.message.startsWith(prefix), e.message);
    });
  }

  test(`${label}: the module still works after every bad value`, () => {
    for (const [, value] of [...BAD, ...BAD_PREFIX]) {
      assert.throws(() => m.round_trip(value), TypeError);
    }
    assert.equal(m.rust_json('nfc'), RUST_JSON.nfc);
    assert.equal(JSON.stringify(thrown(() => m.login('off'))), RUST_JSON.nfc);
  });
}
