//! An enum-level `#[msg("..")]` is the message of every variant without its
//! own (issue 14, point 6; thiserror's enum-level `#[error]`), checked
//! against each variant that inherits it: `{0}` and `{name}` must be fields
//! of every such variant (`tests/ui/msg/enum_default_missing_field.rs`).

// The generated code (const assertions, namespaced attributes) stays clean
// under strict lints; `cargo clippy --all-targets` checks this file.
#![deny(warnings, unused_qualifications, clippy::pedantic)]

use serde::Serialize;
use uni_error::catalog::CatalogSet;
use uni_error::UniError;

fn assert_wire<E: UniError + Serialize>(e: &E, expected: &str) {
    assert_eq!(serde_json::to_string(e).unwrap(), expected, "direct");
    assert_eq!(
        serde_json::to_string(&e.to_error()).unwrap(),
        expected,
        "through to_error()"
    );
}

#[derive(Debug, UniError)]
#[subject("uni-nfc")]
#[errno(category = 15, sub = 4)]
#[msg("NFC failed: {0}")]
enum NfcError {
    #[errno(code = 1)]
    Read(String),

    #[errno(code = 2)]
    Write(u32, #[data] u8),

    #[errno(code = 3)]
    #[msg("NFC is off")]
    Off,

    #[errno(code = 4)]
    #[subject("uni-nfc")]
    #[msg(transparent)]
    Io(std::io::Error),
}

#[derive(Debug, UniError)]
#[subject("uni-scan")]
#[errno(category = 15, sub = 5)]
#[msg("scan of {target} failed after {tries} tries", tries = .attempts)]
enum ScanError {
    #[errno(code = 1)]
    Timeout { target: String, attempts: u8 },

    #[errno(code = 2)]
    Refused {
        target: &'static str,
        attempts: u32,
        #[source]
        source: std::io::Error,
    },
}

#[test]
fn variants_without_a_message_show_the_enums() {
    assert_wire(
        &NfcError::Read("tag lost".into()),
        r#"{"errSubject":"uni-nfc","errCode":1504001,"errMsg":"NFC failed: tag lost"}"#,
    );
    assert_wire(
        &NfcError::Write(7, 3),
        r#"{"errSubject":"uni-nfc","errCode":1504002,"errMsg":"NFC failed: 7","data":3}"#,
    );
    assert_wire(
        &NfcError::Off,
        r#"{"errSubject":"uni-nfc","errCode":1504003,"errMsg":"NFC is off"}"#,
    );
    assert_eq!(
        NfcError::Io(std::io::Error::other("bus error")).to_string(),
        "bus error"
    );
    assert_wire(
        &ScanError::Timeout {
            target: "tag".into(),
            attempts: 3,
        },
        r#"{"errSubject":"uni-scan","errCode":1505001,"errMsg":"scan of tag failed after 3 tries"}"#,
    );
    assert_wire(
        &ScanError::Refused {
            target: "reader",
            attempts: 1,
            source: std::io::Error::other("busy"),
        },
        r#"{"errSubject":"uni-scan","errCode":1505002,"errMsg":"scan of reader failed after 1 tries","cause":{"message":"busy"}}"#,
    );
}

#[test]
fn the_catalog_shows_the_inherited_template() {
    assert_eq!(
        CatalogSet::new().with::<NfcError>().to_markdown(),
        "| errno | errMsg | subject | description |\n\
         |---|---|---|---|\n\
         | 1504001 | NFC failed: {0} | uni-nfc |  |\n\
         | 1504002 | NFC failed: {0} | uni-nfc |  |\n\
         | 1504003 | NFC is off | uni-nfc |  |\n\
         | 1504004 |  | uni-nfc |  |\n"
    );
}
