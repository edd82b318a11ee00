// Property tests of `Error::from_js` (and napi's `Error::from_napi`, the
// same reader): fast-check throws random and hostile JavaScript values at
// `read_json` (tests/wasm/src/suite.rs, tests/napi/src/suite.rs). Every
// input must give a value that reads back the same, or a TypeError with one
// of the reader's messages: never a wasm trap, another exception, or a hang.
//
// `fromJsProperties(label, modulePath)` registers one node:test test per
// property. Each runs in a worker thread that loads the module itself (the
// values, with their Proxies and cycles, cannot cross threads); the worker
// stamps each run's start into shared memory, and the test terminates the
// worker and fails when one run takes longer than `UNI_FC_RUN_MS` (a hang:
// node cannot interrupt a synchronous call from inside its own thread).
//
// Environment: UNI_FC_RUNS (runs of the two random properties, default 3000),
// UNI_FC_SEED (replay a failure), UNI_FC_RUN_MS (per-run limit, default
// 120000: a million members take seconds on a loaded machine; a hang
// never ends).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';

import fc from 'fast-check';

const RUNS = Number(process.env.UNI_FC_RUNS ?? 3000);
const RUN_MS = Number(process.env.UNI_FC_RUN_MS ?? 120_000);
const SEED = process.env.UNI_FC_SEED === undefined ? undefined : Number(process.env.UNI_FC_SEED);

// --- what a clear error says --------------------------------------------

/** Every message the reader gives (runtime/js/read.rs), as patterns. */
export const CLEAR = [
  /^expected a UniError object \{errSubject, errCode, errMsg, data\?, cause\?\}, found (undefined|null|the boolean (true|false)|the number .+|a string|a bigint|a symbol|a function)$/s,
  /^missing field `(errSubject|errCode|errMsg|message)`( at `.*`)?$/s,
  /^`.*` is (undefined|null|the boolean (true|false)|the number .+|a string|a bigint|a symbol|a function|an array|an object), expected (a string|an integer in the i64 range|a source error object \{message, subject\?, code\?, cause\?, errors\?\}|an array of source errors)$/s,
  /^`.*` has a lone surrogate, which is not Unicode text$/s,
  /^`.*` is (`.*`|the error itself) again: a cycle cannot be an error chain$/s,
  /^the cause chain nests deeper than 127 JSON levels$/,
  /^reading `.*` threw .+$/s,
  /^listing the keys( at `.*`)? threw .+$/s,
  /^`.*` cannot be written as JSON: .+$/s,
  /^`.*` is not valid JSON text: (lone leading surrogate in hex escape|unexpected end of hex escape|recursion limit exceeded) at line 1 column \d+$/s,
  /^the error cannot be read as JSON: duplicate field `.*`( at `.*`)?$/s,
];

/**
 * Reads `value` with `m.read_json` and checks the outcome: a TypeError
 * with a clear message, or JSON of a uni error that JavaScript parses and
 * that reads back to the same JSON. Returns 'value', or the index in
 * CLEAR of the message's pattern.
 */
export function checkOne(m, value) {
  let out;
  try {
    out = m.read_json(value);
  } catch (e) {
    assert.ok(e instanceof TypeError, `not a TypeError: ${describeThrown(e)}`);
    const which = CLEAR.findIndex((re) => re.test(e.message));
    assert.ok(which >= 0, `unclear message: ${JSON.stringify(e.message)}`);
    return which;
  }
  assert.equal(typeof out, 'string');
  const parsed = JSON.parse(out);
  assert.equal(typeof parsed.errSubject, 'string');
  assert.ok(Number.isInteger(parsed.errCode), out);
  assert.equal(typeof parsed.errMsg, 'string');
  // What Rust wrote, parsed by JavaScript, reads back the same, except
  // that an unknown key whose value JSON.stringify wrote as `null` (NaN, an
  // invalid Date) keeps that `null`, which a second read drops: `null`
  // counts as absent (the reader's rule before this test, kept).
  const again = m.read_json(parsed);
  if (out.length > 1_000_000) {
    // A million members: once is enough (and has no `null` to drop).
    assert.equal(again, out);
    return 'value';
  }
  assert.deepEqual(JSON.parse(again), dropNullKeys(parsed));
  assert.equal(m.read_json(JSON.parse(again)), again);
  return 'value';
}

/** The error nodes' own keys whose value is `null`, removed (`node` is JSON.parse's). */
function dropNullKeys(node) {
  for (const key of Object.keys(node)) {
    if (node[key] === null) delete node[key];
  }
  if (typeof node.cause === 'object') dropNullKeys(node.cause);
  if (Array.isArray(node.errors)) node.errors.forEach(dropNullKeys);
  return node;
}

function describeThrown(e) {
  try {
    return `${e?.constructor?.name}: ${e?.message ?? String(e)}`;
  } catch {
    return 'an exception that cannot be shown';
  }
}

// --- arbitraries ---------------------------------------------------------

/** Code units a string is made of: any, lone surrogates and escapes among them. */
const unit = fc.oneof(
  { weight: 4, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }) },
  fc.constantFrom('\ud800', '\udbff', '\udc00', '\udfff', '\ud83d\ude00', '\u0000', '"', '\\', '\u2028', '\ufffd', '中'),
);
const text = fc.oneof(
  { weight: 3, arbitrary: fc.string({ maxLength: 12 }) },
  fc.string({ unit, maxLength: 8 }),
  fc.constantFrom('', 'uni-login', 'NFC 不可用', 'name', '__proto__', 'toString'),
);
const awkwardNumbers = fc.constantFrom(
  NaN, -0, Infinity, -Infinity, 0.5, -1.5, 2 ** 53, 2 ** 53 + 2, -(2 ** 53), 2 ** 63, -(2 ** 63),
  2 ** 63 - 1024, 2 ** 64, Number.MAX_VALUE, Number.MIN_VALUE, -Number.MAX_SAFE_INTEGER, 1504003,
);
const code = fc.oneof(
  { weight: 6, arbitrary: fc.integer() },
  fc.maxSafeInteger(),
  awkwardNumbers,
  fc.double(),
);
/** JavaScript values of every kind, as fields and data. */
const anyValue = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.anything({
      maxDepth: 3,
      maxKeys: 4,
      withBigInt: true,
      withBoxedValues: true,
      withDate: true,
      withMap: true,
      withSet: true,
      withNullPrototype: true,
      withObjectString: true,
      withSparseArray: true,
      withTypedArray: true,
    }),
  },
  awkwardNumbers,
  text,
  fc.bigInt(),
  fc.string().map((s) => Symbol(s)),
  fc.constant(null).map(() => () => 1),
  fc.constant(null).map(() => new Date(NaN)),
  fc.constant(null).map(() => new Error('plain')),
  fc.constant(null).map(() => ({ toJSON() { throw new Error('toJSON threw'); } })),
);
/** Mostly the right type, sometimes anything. */
const mostly = (valid) => fc.oneof({ weight: 12, arbitrary: valid }, anyValue);
const extraKeys = fc.dictionary(text, mostly(fc.jsonValue({ maxDepth: 3 })), { maxKeys: 3 });

/** Own enumerable data properties, `__proto__` included, as JSON.parse makes them. */
function own(entries) {
  const o = {};
  for (const [k, v] of entries) {
    Object.defineProperty(o, k, { value: v, enumerable: true, writable: true, configurable: true });
  }
  return o;
}
const withExtra = (record) =>
  fc.tuple(record, extraKeys).map(([r, extra]) => own([...Object.entries(extra), ...Object.entries(r)]));

const { top } = fc.letrec((tie) => ({
  top: withExtra(
    fc.record(
      {
        errSubject: mostly(text),
        errCode: mostly(code),
        errMsg: mostly(text),
        data: mostly(fc.jsonValue({ maxDepth: 3 })),
        cause: fc.option(tie('node'), { nil: undefined, depthSize: 'small' }),
        name: fc.constantFrom('UniError', 'Other'),
      },
      { requiredKeys: ['errSubject', 'errCode', 'errMsg'] },
    ),
  ),
  node: withExtra(
    fc.record(
      {
        message: mostly(text),
        subject: mostly(text),
        code: mostly(code),
        cause: fc.option(tie('node'), { nil: undefined, depthSize: 'small' }),
        errors: fc.option(fc.array(tie('node'), { maxLength: 3, depthSize: 'small' }), {
          nil: undefined,
          depthSize: 'small',
        }),
        name: fc.constantFrom('SourceError', 'UniAggregateError', 'Other'),
      },
      { requiredKeys: ['message'] },
    ),
  ),
}));

/** What is done to one node of a generated error to make it hostile. */
const hostile = fc.oneof(
  fc.record({
    kind: fc.constant('getter'),
    key: fc.constantFrom('errSubject', 'errCode', 'errMsg', 'data', 'cause', 'message', 'subject', 'code', 'errors', 'slotId'),
    enumerable: fc.boolean(),
  }),
  fc.record({
    kind: fc.constant('proxy'),
    trap: fc.constantFrom('get', 'ownKeys', 'getOwnPropertyDescriptor', 'has', 'getPrototypeOf', 'none'),
  }),
  fc.record({ kind: fc.constantFrom('revoked', 'cyclicData', 'errorsProxy', 'surrogateKeys', 'throwingThrow') }),
  fc.record({ kind: fc.constant('cycle'), to: fc.nat() }),
  fc.record({
    kind: fc.constantFrom('deepCause', 'deepData', 'deepErrors', 'deepExtra'),
    n: fc.constantFrom(125, 126, 127, 128, 10_000),
  }),
);
const plan = fc.tuple(
  top,
  fc.oneof(fc.constant([]), fc.array(fc.tuple(fc.nat(), hostile), { minLength: 1, maxLength: 3 })),
);

/** The error nodes of a generated value: the value itself and each plain-object cause and member. */
function nodes(root) {
  const out = [{ obj: root, set: null }];
  for (let i = 0; i < out.length; i++) {
    const { obj } = out[i];
    if (typeof obj !== 'object' || obj === null || out.length > 64) continue;
    if (typeof obj.cause === 'object' && obj.cause !== null) {
      out.push({ obj: obj.cause, set: (v) => put(obj, 'cause', v) });
    }
    if (Array.isArray(obj.errors)) {
      // The array itself, not `obj.errors` read again: a later change may
      // put a throwing getter on `errors` (seed 2038503190 did).
      const errors = obj.errors;
      errors.forEach((member, j) => {
        if (typeof member === 'object' && member !== null) {
          out.push({ obj: member, set: (v) => { errors[j] = v; } });
        }
      });
    }
  }
  return out;
}

/** Sets an own enumerable data property, whatever was there (a getter included). */
function put(obj, key, value) {
  Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
}

function chain(n, leaf) {
  let c = leaf;
  for (let i = 0; i < n; i++) c = { message: `level ${i}`, cause: c };
  return c;
}

/** A fresh copy of the generated tree (plain objects and arrays), so that a run's mutations stay its own. */
function copy(v, depth = 0) {
  if (depth > 64 || typeof v !== 'object' || v === null) return v;
  if (Array.isArray(v)) return v.map((x) => copy(x, depth + 1));
  if (Object.getPrototypeOf(v) !== Object.prototype) return v;
  return own(Object.entries(v).map(([k, x]) => [k, copy(x, depth + 1)]));
}

/** Builds the run's value: the generated error with the hostile changes applied. */
function build([generated, changes]) {
  let root = copy(generated);
  // Listed once, before any change: a changed node may throw when read.
  const all = nodes(root);
  for (const [at, change] of changes) {
    const node = all[at % all.length];
    const { obj } = node;
    if (typeof obj !== 'object' || obj === null) continue;
    const replace = (v) => (node.set ? node.set(v) : (root = v));
    switch (change.kind) {
      case 'getter':
        Object.defineProperty(obj, change.key, {
          get() { throw new RangeError(`getter ${change.key} threw`); },
          enumerable: change.enumerable,
          configurable: true,
        });
        break;
      case 'proxy':
        replace(new Proxy(obj, change.trap === 'none' ? {} : { [change.trap]() { throw new Error(`${change.trap} trap threw`); } }));
        break;
      case 'revoked': {
        const r = Proxy.revocable(obj, {});
        r.revoke();
        replace(r.proxy);
        break;
      }
      case 'cyclicData': {
        const d = { a: [1] };
        d.a.push(d);
        put(obj, 'data', d);
        break;
      }
      case 'errorsProxy':
        put(obj, 'errors', new Proxy([], {
          get(target, key) {
            if (key === 'length') return 2 ** 32 - 1;
            throw new Error(`member ${String(key)} threw`);
          },
        }));
        break;
      case 'surrogateKeys':
        // wasm-bindgen reads a key's lone surrogate as U+FFFD, so it
        // reads the property '\ufffd' for both keys (napi leaves the key out).
        put(obj, '\ud800', 1);
        put(obj, '\ufffd', 2);
        break;
      case 'throwingThrow':
        // A getter that throws a value whose String() throws in turn.
        Object.defineProperty(obj, 'errMsg', {
          get() { throw Object.create(null); },
          enumerable: true,
          configurable: true,
        });
        break;
      case 'cycle':
        put(obj, 'cause', all[change.to % all.length].obj);
        break;
      case 'deepCause':
        put(obj, 'cause', chain(change.n, { message: 'bottom' }));
        break;
      case 'deepData': {
        let d = 0;
        for (let i = 0; i < change.n; i++) d = [d];
        put(obj, 'data', d);
        break;
      }
      case 'deepErrors': {
        let e = { message: 'leaf' };
        for (let i = 0; i < change.n; i++) e = { message: `agg ${i}`, errors: [e] };
        put(obj, 'cause', e);
        break;
      }
      case 'deepExtra': {
        let d = {};
        for (let i = 0; i < change.n; i++) d = { d };
        put(obj, 'slotId', d);
        break;
      }
    }
  }
  return root;
}

/** Values too big to make often: a million elements, long strings, many keys. */
const huge = fc.record({
  shape: fc.constantFrom('dataArray', 'errorsSame', 'errorsHoles', 'manyKeys', 'longMessage'),
  valid: fc.boolean(),
});
function buildHuge({ shape, valid }) {
  const base = { errSubject: 's', errCode: 1, errMsg: 'm' };
  const member = valid ? { message: 'm' } : { code: 1 };
  switch (shape) {
    case 'dataArray':
      return { ...base, data: new Array(1_000_000).fill(valid ? 7 : '\ud800') };
    case 'errorsSame':
      return { ...base, cause: { message: 'all', errors: new Array(1_000_000).fill(member) } };
    case 'errorsHoles':
      return { ...base, cause: { message: 'all', errors: new Array(1_000_000) } };
    case 'manyKeys': {
      const o = { ...base };
      for (let i = 0; i < 100_000; i++) o[`k${i}`] = valid ? i : 1n;
      return o;
    }
    case 'longMessage':
      return { ...base, errMsg: 'x'.repeat(16 << 20) + (valid ? '' : '\udc00') };
  }
  throw new Error(shape);
}

/** The properties by name: the arbitrary, how to make the value, runs. */
export const PROPERTIES = {
  'random and hostile values': { arb: plan, make: build, runs: RUNS },
  'fc.anything() as the value': { arb: fc.anything({ withBigInt: true, withBoxedValues: true, withMap: true, withSet: true, withNullPrototype: true, withSparseArray: true, withTypedArray: true }), make: (v) => v, runs: RUNS },
  'a million elements, 100 000 keys, 16 MiB strings': { arb: huge, make: buildHuge, runs: 10 },
};

// --- the worker ------------------------------------------------------------

if (!isMainThread && workerData?.fromJsProperty) {
  const { modulePath, property, seed, runs, stamp } = workerData;
  const m = createRequire(import.meta.url)(modulePath);
  const runStart = new Float64Array(stamp, 0, 1);
  const runCount = new Int32Array(stamp, 8, 1);
  const { arb, make } = PROPERTIES[property];
  const seen = { value: 0, error: 0, messages: CLEAR.map(() => 0) };
  try {
    fc.assert(
      fc.property(arb, (input) => {
        runStart[0] = Date.now();
        Atomics.add(runCount, 0, 1);
        const outcome = checkOne(m, make(input));
        if (outcome === 'value') seen.value += 1;
        else {
          seen.error += 1;
          seen.messages[outcome] += 1;
        }
        // The module still works after the value.
        assert.equal(m.rust_json('nfc').length > 0, true);
      }),
      { numRuns: runs, seed },
    );
    parentPort.postMessage({ ok: true, seen });
  } catch (e) {
    const cause = e?.cause === undefined ? '' : `\nGot: ${describeThrown(e.cause)}`;
    parentPort.postMessage({ ok: false, message: String(e?.message ?? e) + cause });
  }
}

// --- the tests -------------------------------------------------------------

/** Runs property `property` against the module at `modulePath` in a worker, under the per-run limit. */
function runProperty(modulePath, property) {
  const stamp = new SharedArrayBuffer(16);
  const runStart = new Float64Array(stamp, 0, 1);
  const runCount = new Int32Array(stamp, 8, 1);
  const runs = PROPERTIES[property].runs;
  const worker = new Worker(new URL(import.meta.url), {
    workerData: { fromJsProperty: true, modulePath, property, seed: SEED, runs, stamp },
    resourceLimits: { maxOldGenerationSizeMb: 4096 },
  });
  return new Promise((resolve, reject) => {
    const watchdog = setInterval(() => {
      const since = runStart[0] === 0 ? 0 : Date.now() - runStart[0];
      if (since > RUN_MS) {
        clearInterval(watchdog);
        worker.terminate();
        reject(new Error(`run ${Atomics.load(runCount, 0)} of ${runs} did not end within ${RUN_MS} ms: a hang`));
      }
    }, 250);
    worker.on('message', (msg) => {
      clearInterval(watchdog);
      if (msg.ok) resolve({ ...msg, runs: Atomics.load(runCount, 0) });
      else reject(new Error(msg.message));
    });
    worker.on('error', (e) => {
      clearInterval(watchdog);
      reject(e);
    });
    worker.on('exit', (code) => {
      clearInterval(watchdog);
      reject(new Error(`the worker exited (${code}) before it reported`));
    });
  });
}

/** Registers the property tests for the module at `modulePath`. */
export function fromJsProperties(label, modulePath) {
  for (const property of Object.keys(PROPERTIES)) {
    test(`${label}: from_js property: ${property}`, async (t) => {
      const { seen, runs } = await runProperty(modulePath, property);
      t.diagnostic(`${runs} runs: ${seen.value} read as a uni error, ${seen.error} refused with a TypeError`);
      t.diagnostic(`refusals by message pattern (CLEAR): ${seen.messages.join(' ')}`);
      // fast-check ran them all (a shrink adds runs only on failure).
      assert.equal(seen.value + seen.error, PROPERTIES[property].runs);
      if (property === 'random and hostile values' && runs >= 200) {
        // The generators reach both outcomes, in numbers.
        assert.ok(seen.value >= runs / 20, `only ${seen.value} values read`);
        assert.ok(seen.error >= runs / 20, `only ${seen.error} values refused`);
      }
    });
  }
}
