#!/usr/bin/env python3
"""One conformance table, every surface: checks what one surface made of
each case in cases.json, field for field, against the case's expected JSON.

    check.py SURFACE DUMP.json

DUMP.json is what the surface's adapter wrote: for each case name, the
fields it reads off that surface's error object:

    {"nfc": {"errSubject": ..., "errCode": ..., "errMsg": ...,
             "data": ...?, "cause": ...?, "extra": {...}?, "json": "..."?}}

`data` and `cause` are absent when the surface has none. Unknown keys are
`extra` when the surface holds them as fields (JavaScript), else they are
read from `json`, the surface's whole-error JSON text (uniffi), which is
then also compared byte for byte with the expected JSON. Objects are
compared with their key order. Adding a surface means writing one adapter
that writes such a dump (see README.md here).
"""
import json
import sys

HERE = __file__.rsplit("/", 1)[0] if "/" in __file__ else "."
KNOWN = ("errSubject", "errCode", "errMsg", "data", "cause")


def ordered(text):
    """JSON text with every object as a list of (key, value) pairs, so that
    == also compares key order."""
    return json.loads(text, object_pairs_hook=lambda pairs: ("object", pairs))


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    surface, dump_path = sys.argv[1], sys.argv[2]
    with open(f"{HERE}/cases.json", encoding="utf-8") as f:
        table = json.load(f)
    with open(dump_path, encoding="utf-8") as f:
        dump_text = f.read()
    dump = dict(ordered(dump_text)[1])
    failures = []
    fields = 0
    for row in table:
        name = row["case"]
        expected_text = json.dumps(row["expected"], ensure_ascii=False, separators=(",", ":"))
        expected = dict(ordered(expected_text)[1])
        if name not in dump:
            failures.append(f"{name}: the surface wrote no entry")
            continue
        got = dict(dump[name][1])
        if "json" in got:
            # The expected JSON as the crate writes it: json.dumps and
            # serde_json escape the same characters the same way.
            fields += 1
            if got["json"] != expected_text:
                failures.append(f"{name}.json: {got['json']!r}\n   expected {expected_text!r}")
        for key in KNOWN:
            fields += 1
            if key not in expected and key not in got:
                continue
            if got.get(key) != expected.get(key):
                failures.append(
                    f"{name}.{key}: {got.get(key, '<absent>')!r}\n   expected {expected.get(key, '<absent>')!r}"
                )
        want_extra = [(k, v) for k, v in expected.items() if k not in KNOWN]
        if "extra" in got:
            extra = list(got["extra"][1])
        elif "json" in got:
            extra = [(k, v) for k, v in ordered(got["json"])[1] if k not in KNOWN]
        else:
            extra = None
        fields += 1
        if extra != want_extra:
            failures.append(f"{name} unknown keys: {extra!r}\n   expected {want_extra!r}")
    if failures:
        print(f"conformance {surface}: {len(failures)} mismatches")
        for failure in failures:
            print(" -", failure)
        sys.exit(1)
    print(f"conformance {surface}: {len(table)} cases, {fields} fields as expected")


if __name__ == "__main__":
    main()
