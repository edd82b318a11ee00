"""The conformance adapters of the Python surfaces (tests/conformance):
`serde` is the Rust side's serde_json text of each case (rust_json), and
`uniffi-python` the fields of the exception Python catches. Writes one dump
per surface into argv[1] for check.py."""
import json
import os
import sys

sys.path.insert(0, os.environ["UNI_UNIFFI_PY"])

from bindings import uni_error  # noqa: E402
from bindings import uni_error_uniffi_tests as plugin  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
with open(os.path.join(HERE, "../../conformance/cases.json"), encoding="utf-8") as f:
    CASES = [row["case"] for row in json.load(f)]

serde, python = {}, {}
for name in CASES:
    text = plugin.rust_json(name)
    parsed = json.loads(text)
    serde[name] = {k: v for k, v in parsed.items() if k in ("errSubject", "errCode", "errMsg", "data", "cause")}
    serde[name]["json"] = text
    try:
        plugin.fail(name)
        raise AssertionError(f"{name}: expected UniFfiError.Uni")
    except uni_error.UniFfiError.Uni as e:
        fields = {"errSubject": e.err_subject, "errCode": e.err_code, "errMsg": e.err_msg}
        if e.data_json is not None:
            fields["data"] = json.loads(e.data_json)
        if e.cause_json is not None:
            fields["cause"] = json.loads(e.cause_json)
        fields["json"] = e.json
        python[name] = fields

for surface, dump in (("serde", serde), ("uniffi-python", python)):
    with open(os.path.join(sys.argv[1], f"{surface}.json"), "w", encoding="utf-8") as f:
        json.dump(dump, f, ensure_ascii=False)
