"""uni_error::uniffi from Python: the bindings uniffi-bindgen generated for
tests/uniffi, loaded against its cdylib (scripts/test-uniffi.sh puts them
in the package `bindings` of the directory UNI_UNIFFI_PY), with every field asserted."""
import asyncio
import json
import os
import sys
import unittest

sys.path.insert(0, os.environ["UNI_UNIFFI_PY"])

from bindings import uni_error  # noqa: E402  (the namespace of uni-error-core)
from bindings import uni_error_uniffi_tests as plugin  # noqa: E402


def caught(fn, *args):
    try:
        fn(*args)
    except uni_error.UniFfiError.Uni as e:
        return e
    raise AssertionError("expected UniFfiError.Uni")


class UniFfiErrorTest(unittest.TestCase):
    def test_a_derived_error_is_an_exception_with_every_field(self):
        e = caught(plugin.login, "off")
        self.assertIsInstance(e, Exception)
        self.assertIsInstance(e, uni_error.UniFfiError)
        self.assertEqual(e.err_subject, "uni-login")
        self.assertEqual(e.err_code, 1504003)
        self.assertEqual(e.err_msg, "NFC is not available: off")
        self.assertIsNone(e.data_json)
        self.assertIsNone(e.cause_json)
        self.assertEqual(
            e.json,
            '{"errSubject":"uni-login","errCode":1504003,"errMsg":"NFC is not available: off"}',
        )

    def test_data_and_cause_are_their_json_text(self):
        e = caught(plugin.fail, "weixin")
        self.assertEqual(e.err_subject, "uni-login::weixin")
        self.assertEqual(e.err_code, 1416601)
        self.assertEqual(e.data_json, '["nickname"]')
        self.assertEqual(e.cause_json, '{"message":"user cancelled","subject":"weixin-sdk"}')
        self.assertEqual(e.json, plugin.rust_json("weixin"))

    def test_a_uni_cause_keeps_subject_and_code(self):
        e = caught(plugin.sign_in)
        self.assertEqual(e.err_subject, "uni-plugin")
        self.assertEqual(e.err_code, 1416602)
        cause = json.loads(e.cause_json)
        self.assertEqual(cause, {"message": "login timed out after 5 ms", "subject": "uni-login", "code": 5})

    def test_the_owned_error_converts(self):
        e = caught(plugin.open_owned)
        self.assertEqual((e.err_subject, e.err_code, e.err_msg), ("uni-fs", 1300002, "no such file"))

    def test_negative_and_wide_codes_fit(self):
        e = caught(plugin.fail, "big-ints")
        self.assertEqual(e.err_code, 9007199254740993)  # beyond a double: exact in i64
        self.assertEqual(json.loads(e.cause_json)["code"], -9007199254740993)

    def test_the_whole_json_is_serde_jsons(self):
        for name in ["nfc", "timeout", "weixin", "io", "chain3", "unicode", "aggregate",
                     "aggregate-owned", "data", "extra", "own-names", "deep", "int-keys",
                     "floats", "big-ints"]:
            e = caught(plugin.fail, name)
            self.assertEqual(e.json, plugin.rust_json(name), name)

    def test_an_async_export_raises_the_same(self):
        self.assertEqual(asyncio.run(plugin.fail_later("none")), "fine")
        with self.assertRaises(uni_error.UniFfiError.Uni) as ctx:
            asyncio.run(plugin.fail_later("chain3"))
        self.assertEqual(ctx.exception.json, plugin.rust_json("chain3"))


if __name__ == "__main__":
    unittest.main()
