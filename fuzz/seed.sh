#!/usr/bin/env bash
# Writes the seed inputs of every target into seeds/<target>/ (committed,
# with what `cargo fuzz cmin` kept of the recorded runs; see README.md):
# the spec's shapes here, and real encoded values (the conformance cases,
# our own google.rpc encoder's bytes) from examples/seeds.rs.
set -euo pipefail
cd "$(dirname "$0")"
mkdir -p seeds/wire_error seeds/errno_str
i=0
while IFS= read -r line; do
    printf '%s' "$line" > "seeds/wire_error/seed-$i.json"; i=$((i + 1))
done <<'SEEDS'
{"errSubject":"uni-apidName","errCode":60000,"errMsg":"Custom uni error","data":{"dataName":"custom data value"}}
{"errSubject":"uni-ad","errCode":1416601,"errMsg":"m","cause":{"message":"no fill","subject":"csj","code":-404012,"slotId":"887654","cause":{"message":"x"}}}
{"errSubject":"a","errCode":1,"errMsg":"m","cause":{"message":"2 errors","errors":[{"message":"a"},{"message":"b","errors":[]}]},"extra":[1,2.5e-7,null,true]}
SEEDS
for s in 0 5 1504003 9999999 10000000 0000005 abc -1; do printf '%s' "$s" > "seeds/errno_str/seed-$s"; done
# Interop readers: the first byte picks the reader (see fuzz_targets/interop.rs).
mkdir -p seeds/interop
printf '\x00%s' '{"errMsg":"openBluetoothAdapter:fail:not available","errCode":10001,"errno":1500102}' > seeds/interop/seed-wechat
printf '\x01%s' '{"code":5,"message":"not found","details":[{"@type":"type.googleapis.com/google.rpc.ErrorInfo","reason":"1504003","domain":"uni-login","metadata":{"a":"b"}}]}' > seeds/interop/seed-status
printf '\x02%s' '{"deployment":"d","error":{"code":13,"message":"boom","details":[]},"deploymentFunction":"f"}' > seeds/interop/seed-log
printf '\x03%s' '{"error_response":{"code":530,"msg":"Remote service error","sub_code":"missing-parameter","sub_msg":"x"}}' > seeds/interop/seed-top
printf '\x04%s' '{"errorMsg":"boom","errorStack":"at x","Count":"1"}' > seeds/interop/seed-jserr
printf '\x05%s' 'openBluetoothAdapter:fail not available' > seeds/interop/seed-errmsg
# The Json reader, the axum body extractor and tonic's from_status.
CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-../target/fuzz} cargo run --quiet --example seeds
