//! Catalogs: exact Markdown and JSON, clashes across types, reuse of
//! WeChat's published errnos.

// The types exist for their catalogs; no value is ever built. Generated
// code for `#[deprecated]` variants must not warn.
#![deny(warnings)]
#![allow(dead_code)]

use uni_error::catalog::{Catalog, CatalogSet};
use uni_error::UniError;

/// Errors of the NFC plugin.
#[derive(Debug, UniError)]
#[subject("uni-nfc")]
#[errno(category = 15, sub = 4)]
enum NfcError {
    /// The device has no NFC hardware.
    ///
    /// This second paragraph is not part of the catalog.
    #[errno(code = 0)]
    #[msg("NFC is not supported")]
    Unsupported,
    /// NFC is switched off
    /// in the system settings.
    #[errno(code = 1)]
    #[msg("NFC is off: {reason}")]
    Off { reason: String },
    /// Reading a tag timed out; WeChat's own "time out".
    #[errno(category = 0, sub = 0, code = 5)]
    #[msg("read timed out after {0} ms")]
    Timeout(u64),
    #[errno(code = 602, platform = "cross")]
    #[msg("tag a|b unreadable")]
    Unreadable,
}

/// A second plugin type that (wrongly) reuses two of NfcError's codes.
#[derive(Debug, UniError)]
#[subject("uni-nfc")]
#[errno(category = 15, sub = 4)]
enum NfcWriteError {
    /// Writing failed.
    #[errno(code = 1)]
    #[msg("write failed")]
    WriteFailed,
    #[errno(code = 602)]
    #[msg("tag locked")]
    Locked,
    /// Same errno, another subject: not a clash.
    #[errno(code = 0)]
    #[subject("uni-nfc::write")]
    #[msg("writer missing")]
    NoWriter,
}

/// Reuses a published WeChat errno for another meaning.
#[derive(Debug, UniError)]
#[subject("uni-bluetooth")]
#[errno(1_500_102)]
#[msg("the adapter is busy")]
struct AdapterBusy;

#[test]
fn markdown_is_sorted_by_errno_with_escaped_cells() {
    assert_eq!(
        CatalogSet::new().with::<NfcError>().to_markdown(),
        "| errno | errMsg | subject | description |\n\
         |---|---|---|---|\n\
         | 5 | read timed out after {0} ms | uni-nfc | Reading a tag timed out; WeChat's own \"time out\". |\n\
         | 1504000 | NFC is not supported | uni-nfc | The device has no NFC hardware. |\n\
         | 1504001 | NFC is off: {reason} | uni-nfc | NFC is switched off in the system settings. |\n\
         | 1504602 | tag a\\|b unreadable | uni-nfc |  |\n"
    );
}

#[test]
fn json_lists_every_entry_in_a_fixed_layout() {
    // The exact text: key order, indentation and escapes are what a
    // publisher diffs and commits, so they are checked, not only the values.
    let json = CatalogSet::new().with::<NfcError>().to_json();
    assert_eq!(
        json,
        r#"[
  {
    "errno": 5,
    "errMsg": "read timed out after {0} ms",
    "subject": "uni-nfc",
    "description": "Reading a tag timed out; WeChat's own \"time out\".",
    "variant": "NfcError::Timeout",
    "platform": "shared",
    "deprecated": null,
    "platforms": null,
    "unionOnly": false,
    "messages": null
  },
  {
    "errno": 1504000,
    "errMsg": "NFC is not supported",
    "subject": "uni-nfc",
    "description": "The device has no NFC hardware.",
    "variant": "NfcError::Unsupported",
    "platform": "shared",
    "deprecated": null,
    "platforms": null,
    "unionOnly": false,
    "messages": null
  },
  {
    "errno": 1504001,
    "errMsg": "NFC is off: {reason}",
    "subject": "uni-nfc",
    "description": "NFC is switched off in the system settings.",
    "variant": "NfcError::Off",
    "platform": "shared",
    "deprecated": null,
    "platforms": null,
    "unionOnly": false,
    "messages": null
  },
  {
    "errno": 1504602,
    "errMsg": "tag a|b unreadable",
    "subject": "uni-nfc",
    "description": "",
    "variant": "NfcError::Unreadable",
    "platform": "cross",
    "deprecated": null,
    "platforms": null,
    "unionOnly": false,
    "messages": null
  }
]"#
    );
    let rows: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(rows.as_array().unwrap().len(), NfcError::CATALOG.len());
}

#[test]
fn clashes_across_types_are_all_listed_with_both_names() {
    let err = CatalogSet::new()
        .with::<NfcError>()
        .with::<NfcWriteError>()
        .check()
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        "2 errno clashes\n\
         - errno 1504001 of subject `uni-nfc` is used by both NfcError::Off and NfcWriteError::WriteFailed\n\
         - errno 1504602 of subject `uni-nfc` is used by both NfcError::Unreadable and NfcWriteError::Locked"
    );
    assert_eq!(err.clashes().len(), 2);
    assert!(CatalogSet::new().with::<NfcError>().check().is_ok());
}

#[test]
fn reuses_of_published_wechat_errnos_are_listed_for_review() {
    let set = CatalogSet::new().with::<NfcError>().with::<AdapterBusy>();
    let reuses: Vec<String> = set
        .wechat_reuses()
        .iter()
        .map(ToString::to_string)
        .collect();
    // `5` is a deliberate reuse (the same meaning), 1500102 is not: the list
    // shows both so a test like this one pins exactly the intended ones.
    assert_eq!(
        reuses,
        [
            "NfcError::Timeout uses errno 5 (\"read timed out after {0} ms\"), which WeChat publishes as \"time out\"",
            "AdapterBusy uses errno 1500102 (\"the adapter is busy\"), which WeChat publishes as \"\"",
            // Found by this very check: WeChat publishes 1504001 too.
            "NfcError::Off uses errno 1504001 (\"NFC is off: {reason}\"), which WeChat publishes as \"\"",
        ]
    );
    let published = set.wechat_reuses()[1].published;
    assert_eq!(published.errno().get(), 1_500_102);
    assert_eq!(published.meaning_zh(), Some("当前蓝牙适配器不可用"));
}

/// Strings the derive reads without syn's unescaping (plain and raw
/// literals) and ones it leaves to syn (escapes): the catalog holds each
/// string's value, and `Display` writes the message as rustc reads it.
#[derive(Debug, UniError)]
#[subject(r"uni-raw")]
enum Spelled {
    /// Doc with "quotes", a \ backslash and ✓ unicode.
    #[errno(1504010)]
    #[msg("tab\there, \"quoted\" {0} \u{2713}")]
    Escaped(u8),
    /// Raw.
    #[errno(1504011)]
    #[msg(r#"raw "quotes" \n stays {0}"#)]
    Raw(u8),
    #[doc = "Escaped doc: \"x\"\tend"]
    #[errno(1504012)]
    #[msg("plain ✓ {{braces}} {0}")]
    Plain(u8),
}

#[test]
fn strings_are_read_as_rustc_reads_them() {
    let docs: Vec<_> = Spelled::CATALOG.iter().map(|e| e.doc()).collect();
    assert_eq!(
        docs,
        [
            "Doc with \"quotes\", a \\ backslash and ✓ unicode.",
            "Raw.",
            "Escaped doc: \"x\"\tend",
        ]
    );
    let msgs: Vec<_> = Spelled::CATALOG.iter().map(|e| e.msg()).collect();
    assert_eq!(
        msgs,
        [
            "tab\there, \"quoted\" {0} \u{2713}",
            r#"raw "quotes" \n stays {0}"#,
            "plain ✓ {{braces}} {0}",
        ]
    );
    assert!(Spelled::CATALOG.iter().all(|e| e.subject() == "uni-raw"));
    assert_eq!(
        Spelled::Escaped(7).to_string(),
        "tab\there, \"quoted\" 7 \u{2713}"
    );
    assert_eq!(Spelled::Raw(7).to_string(), r#"raw "quotes" \n stays 7"#);
    assert_eq!(Spelled::Plain(7).to_string(), "plain ✓ {braces} 7");
    assert_eq!(Spelled::Plain(7).err_subject(), "uni-raw");
}

/// Every spelling of `#[deprecated]`, on variants and on a struct.
#[derive(Debug, UniError)]
#[subject("uni-old")]
#[errno(category = 15, sub = 4)]
enum Old {
    #[deprecated]
    #[errno(code = 1)]
    #[msg("bare")]
    Bare,
    #[deprecated = "use New"]
    #[errno(code = 2)]
    #[msg("with a note")]
    Noted(#[source] std::io::Error),
    #[deprecated(since = "1.2.0", note = "tab\there")]
    #[errno(code = 3)]
    #[msg("listed")]
    Listed,
    #[errno(code = 4)]
    #[msg("current")]
    Current,
}

/// A deprecated struct. Its catalog impl is clean under `deny(deprecated)`,
/// but the derive's other impls still name the type (and a deprecated
/// variant's fields used by `#[msg]` or `#[data]`) with the user's span,
/// which rustc reports: this module allows that until they use call-site
/// names too.
#[allow(deprecated)]
mod old_struct {
    use uni_error::UniError;

    #[deprecated(note = "gone in 2.0")]
    #[derive(Debug, UniError)]
    #[subject("uni-old")]
    #[errno(1_504_005)]
    #[msg("old struct")]
    pub struct OldStruct;

    /// A deprecated enum deprecates every code; a variant's own note wins.
    #[deprecated = "the whole enum"]
    #[derive(Debug, UniError)]
    #[subject("uni-old")]
    #[errno(category = 15, sub = 4)]
    pub enum OldEnum {
        #[errno(code = 6)]
        #[msg("a")]
        A,
        #[deprecated = "b's own"]
        #[errno(code = 7)]
        #[msg("b")]
        B,
    }
}

#[test]
fn deprecated_variants_stay_in_the_catalog_with_their_note() {
    let notes: Vec<_> = Old::CATALOG.iter().map(|e| e.deprecated()).collect();
    assert_eq!(notes, [Some(""), Some("use New"), Some("tab\there"), None]);
    #[allow(deprecated)]
    let old = <old_struct::OldStruct as Catalog>::CATALOG[0].deprecated();
    assert_eq!(old, Some("gone in 2.0"));
    #[allow(deprecated)]
    let notes: Vec<_> = <old_struct::OldEnum as Catalog>::CATALOG
        .iter()
        .map(|e| e.deprecated())
        .collect();
    assert_eq!(notes, [Some("the whole enum"), Some("b's own")]);
    assert_eq!(
        CatalogSet::new().with::<Old>().to_json(),
        r#"[
  {
    "errno": 1504001,
    "errMsg": "bare",
    "subject": "uni-old",
    "description": "",
    "variant": "Old::Bare",
    "platform": "shared",
    "deprecated": "",
    "platforms": null,
    "unionOnly": false,
    "messages": null
  },
  {
    "errno": 1504002,
    "errMsg": "with a note",
    "subject": "uni-old",
    "description": "",
    "variant": "Old::Noted",
    "platform": "shared",
    "deprecated": "use New",
    "platforms": null,
    "unionOnly": false,
    "messages": null
  },
  {
    "errno": 1504003,
    "errMsg": "listed",
    "subject": "uni-old",
    "description": "",
    "variant": "Old::Listed",
    "platform": "shared",
    "deprecated": "tab\there",
    "platforms": null,
    "unionOnly": false,
    "messages": null
  },
  {
    "errno": 1504004,
    "errMsg": "current",
    "subject": "uni-old",
    "description": "",
    "variant": "Old::Current",
    "platform": "shared",
    "deprecated": null,
    "platforms": null,
    "unionOnly": false,
    "messages": null
  }
]"#
    );
    assert_eq!(
        CatalogSet::new().with::<Old>().to_markdown(),
        "| errno | errMsg | subject | description |\n\
         |---|---|---|---|\n\
         | 1504001 | bare | uni-old | (deprecated) |\n\
         | 1504002 | with a note | uni-old | (deprecated: use New) |\n\
         | 1504003 | listed | uni-old | (deprecated: tab\there) |\n\
         | 1504004 | current | uni-old |  |\n"
    );
}

#[test]
fn with_entries_adds_a_table_as_it_is() {
    // A type's own table, added by hand: the same rows as `with`, in the
    // same order, none of them reached through anything.
    let by_type = CatalogSet::new().with::<NfcError>();
    let by_table = CatalogSet::new().with_entries(NfcError::CATALOG);
    assert_eq!(by_table.entries(), by_type.entries());
    assert_eq!(by_table.to_json(), by_type.to_json());
    assert!(by_table
        .entries()
        .iter()
        .all(|e| by_table.via(e).is_empty()));
    // Appended after what is there; a table added twice clashes row by row.
    let twice = CatalogSet::new()
        .with::<AdapterBusy>()
        .with_entries(NfcError::CATALOG)
        .with_entries(NfcError::CATALOG);
    let names: Vec<String> = twice.entries().iter().map(|e| e.to_string()).collect();
    assert_eq!(names[0], "AdapterBusy");
    assert_eq!(names.len(), 1 + 2 * NfcError::CATALOG.len());
    assert_eq!(
        twice.check().unwrap_err().clashes().len(),
        NfcError::CATALOG.len()
    );
    // An empty table adds nothing.
    assert_eq!(CatalogSet::new().with_entries(&[]).to_json(), "[]");
}
