#!/usr/bin/env bash
# Seeds the fuzz corpora with the spec's shapes (corpus/ is not committed).
set -euo pipefail
cd "$(dirname "$0")"
mkdir -p corpus/wire_error corpus/errno_str
i=0
while IFS= read -r line; do
    printf '%s' "$line" > "corpus/wire_error/seed-$i.json"; i=$((i + 1))
done <<'SEEDS'
{"errSubject":"uni-apidName","errCode":60000,"errMsg":"Custom uni error","data":{"dataName":"custom data value"}}
{"errSubject":"uni-ad","errCode":1416601,"errMsg":"m","cause":{"message":"no fill","subject":"csj","code":-404012,"slotId":"887654","cause":{"message":"x"}}}
{"errSubject":"a","errCode":1,"errMsg":"m","cause":{"message":"2 errors","errors":[{"message":"a"},{"message":"b","errors":[]}]},"extra":[1,2.5e-7,null,true]}
SEEDS
for s in 0 5 1504003 9999999 10000000 0000005 abc -1; do printf '%s' "$s" > "corpus/errno_str/seed-$s"; done
