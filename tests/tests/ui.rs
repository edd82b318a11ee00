//! Compile-fail and compile-pass cases of `#[derive(UniError)]`, blessed on
//! our toolchain with `TRYBUILD=overwrite`. One misuse per file. A pass
//! case is compiled and run: its `main` asserts what the derive produced.

#[test]
fn ui() {
    let t = trybuild::TestCases::new();
    for group in [
        "errno",
        "subject",
        "msg",
        "fields",
        "shape",
        "transparent",
        "status",
        "platforms",
        "locale",
    ] {
        t.compile_fail(format!("tests/ui/{group}/*.rs"));
    }
    t.pass("tests/ui/pass/*.rs");
}
