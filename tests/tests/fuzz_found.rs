//! Inputs the cargo-fuzz targets (`fuzz/`) found, each pinned with the exact
//! behaviour that is right for it. Kept as plain tests so they run on every
//! `cargo test` without cargo-fuzz.

use uni_error::Json;

/// `fuzz/fuzz_targets/json.rs`: `"\x0c0"` (form feed, then `0`). `str::trim`
/// took the form feed for whitespace, so `parse` accepted text that is not
/// JSON and that `Deserialize` refuses. JSON's whitespace is space, tab, LF
/// and CR only.
#[test]
fn json_parse_trims_only_json_whitespace() {
    for text in [
        "\x0c0",
        "0\x0c",
        "\u{a0}1",
        "\u{2003}[]",
        "\u{85}null",
        "\x0b{}",
    ] {
        let parsed = text.parse::<Json>();
        assert!(parsed.is_err(), "{text:?} parsed as {parsed:?}");
        assert!(serde_json::from_str::<Json>(text).is_err(), "{text:?}");
    }
    let kept = " \t\r\n{\"a\" : [1, 2]}\n\r\t ".parse::<Json>().unwrap();
    assert_eq!(kept.get(), "{\"a\" : [1, 2]}");
}
