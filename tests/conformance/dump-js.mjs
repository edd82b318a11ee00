// The conformance adapter of every JavaScript surface (the wasm glue, the
// napi addon): loads module `argv[2]` (anything require() loads), throws
// each case of cases.json through its `fail(name)` and writes the fields
// read off the thrown Error to `argv[3]`, for check.py.
import { createRequire } from 'node:module';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const [modulePath, outPath] = process.argv.slice(2);
const m = createRequire(import.meta.url)(path.resolve(modulePath));
const table = JSON.parse(readFileSync(new URL('./cases.json', import.meta.url), 'utf8'));
const KNOWN = ['errSubject', 'errCode', 'errMsg', 'data', 'cause'];

/** What JSON holds of a JS value (an Error cause: its own enumerable keys). */
const plain = (value) => JSON.parse(JSON.stringify(value));

const dump = {};
for (const { case: name } of table) {
  let err;
  try {
    m.fail(name);
  } catch (e) {
    err = e;
  }
  if (!(err instanceof Error) || err.name !== 'UniError') {
    throw new Error(`${name}: expected a thrown UniError, got ${err}`);
  }
  const fields = { errSubject: err.errSubject, errCode: err.errCode, errMsg: err.errMsg };
  if (Object.hasOwn(err, 'data')) fields.data = plain(err.data);
  if (Object.hasOwn(err, 'cause')) fields.cause = plain(err.cause);
  fields.extra = Object.fromEntries(
    Object.keys(err).filter((k) => !KNOWN.includes(k)).map((k) => [k, plain(err[k])]),
  );
  fields.json = JSON.stringify(err);
  dump[name] = fields;
}
writeFileSync(outPath, JSON.stringify(dump));
