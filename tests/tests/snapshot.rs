//! The code snapshot: every kind of drift from a committed snapshot, what
//! the check prints, and the check on files.

#![deny(warnings)]
// The types exist for their catalogs; no value is ever built.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

use uni_error::catalog::{CatalogSet, Change, GenerateError, Mode, Snapshot};
use uni_error::UniError;

/// The codes today.
#[derive(Debug, UniError)]
#[subject("uni-pay")]
#[errno(category = 7, sub = 1)]
enum PayError {
    #[errno(code = 1)]
    #[msg("order failed")]
    Failed,
    #[errno(code = 600)]
    #[msg("result unknown")]
    Unknown,
    #[deprecated = "use Failed"]
    #[errno(code = 2)]
    #[msg("repeat request")]
    Repeat,
    #[errno(code = 3)]
    #[msg("network\terror ")]
    Network,
    #[errno(code = 4)]
    #[subject("uni-pay::refund")]
    #[msg("refund failed")]
    Refund,
    #[errno(code = 5)]
    #[msg("the user canceled")]
    Canceled,
    #[errno(code = 6)]
    #[msg("brand new")]
    New,
    #[errno(code = 9)]
    #[msg("back")]
    Back,
}

/// The codes as published, one of each kind of drift from `PayError`.
const PUBLISHED: &str = r#"{
  "version": 1,
  "codes": [
    {"subject": "uni-pay", "errno": 701001, "template": "order failed", "deprecated": null, "platform": "shared"},
    {"subject": "uni-pay", "errno": 701002, "template": "repeat request", "deprecated": null, "platform": "shared"},
    {"subject": "uni-pay", "errno": 701003, "template": "network error", "deprecated": null, "platform": "shared"},
    {"subject": "uni-pay", "errno": 701004, "template": "refund failed", "deprecated": null, "platform": "shared"},
    {"subject": "uni-pay", "errno": 701005, "template": "user canceled midway", "deprecated": null, "platform": "shared"},
    {"subject": "uni-pay", "errno": 701007, "template": "gone", "deprecated": null, "platform": "shared"},
    {"subject": "uni-pay", "errno": 701008, "template": "old", "deprecated": "", "platform": "shared"},
    {"subject": "uni-pay", "errno": 701009, "template": "back", "deprecated": "for a while", "platform": "shared"},
    {"subject": "uni-pay", "errno": 701600, "template": "result unknown", "deprecated": null, "platform": "web"}
  ]
}"#;

fn current() -> Snapshot {
    CatalogSet::new().with::<PayError>().snapshot()
}

#[test]
fn every_kind_of_drift_is_found_and_explained() {
    let published = Snapshot::from_json(PUBLISHED).unwrap();
    let drift = current().drift_from(&published);
    let kinds: Vec<(&str, bool)> = drift
        .changes()
        .iter()
        .map(|c| {
            let kind = match c {
                Change::Added(_) => "added",
                Change::Deprecated(_) => "deprecated",
                Change::Undeprecated(_) => "undeprecated",
                Change::RemovedAfterDeprecation(_) => "removed after deprecation",
                Change::Removed(_) => "removed",
                Change::SubjectChanged { .. } => "subject",
                Change::Changed { .. } => "changed",
                _ => "other",
            };
            (kind, c.is_breaking())
        })
        .collect();
    assert_eq!(
        kinds,
        [
            ("deprecated", false),
            ("subject", true),
            ("changed", true),
            ("removed", true),
            ("removed after deprecation", false),
            ("undeprecated", false),
            ("changed", true),
            ("added", false),
        ]
    );
    assert!(drift.is_breaking());
    assert_eq!(
        drift.to_string(),
        "published error codes changed meaning\n  \
         ok: deprecated: uni-pay 701002 \"repeat request\"\n  \
         BREAKING: errno 701004 moved from subject \"uni-pay\" to \"uni-pay::refund\"\n  \
         BREAKING: uni-pay 701005 changed its meaning: template \"user canceled midway\" -> \"the user canceled\"\n  \
         BREAKING: removed without being deprecated first: uni-pay 701007 \"gone\"\n  \
         ok: removed after deprecation: uni-pay 701008 \"old\"\n  \
         ok: no longer deprecated: uni-pay 701009 \"back\"\n  \
         BREAKING: uni-pay 701600 changed its meaning: platform web -> cross\n  \
         ok: added: uni-pay 701006 \"brand new\"\n\
         Callers match on (errSubject, errCode): restore the code, or mark it #[deprecated] for a \
         release before removing it. To accept the change deliberately, regenerate the snapshot \
         (Mode::Write; a test using Mode::from_env: UNI_ERROR_BLESS=1 cargo test) and commit it."
    );
}

#[test]
fn a_removed_code_that_was_deprecated_first_is_not_breaking() {
    let published = current();
    let without_repeat = r#"{"version": 1, "codes": [
        {"subject": "uni-pay", "errno": 701001, "template": "order failed", "deprecated": null, "platform": "shared"}
    ]}"#;
    let now = Snapshot::from_json(without_repeat).unwrap();
    let drift = now.drift_from(&published);
    // 701002 was deprecated: removing it is fine; the others were not.
    let removed: Vec<(u32, bool)> = drift
        .changes()
        .iter()
        .filter_map(|c| match c {
            Change::Removed(code) | Change::RemovedAfterDeprecation(code) => {
                Some((code.errno, c.is_breaking()))
            }
            _ => None,
        })
        .collect();
    assert_eq!(
        removed,
        [
            (701002, false),
            (701003, true),
            (701005, true),
            (701006, true),
            (701009, true),
            (701600, true),
            (701004, true),
        ]
    );
}

#[test]
fn only_safe_changes_ask_for_a_refresh_without_alarm() {
    let published = Snapshot::from_json(
        r#"{"version": 1, "codes": [
            {"subject": "uni-pay", "errno": 701001, "template": "order  failed", "deprecated": null, "platform": "shared"}
        ]}"#,
    )
    .unwrap();
    let now = Snapshot::from_json(
        r#"{"version": 1, "codes": [
            {"subject": "uni-pay", "errno": 701001, "template": "order failed", "deprecated": "", "platform": "shared"},
            {"subject": "uni-pay", "errno": 701002, "template": "new", "deprecated": null, "platform": "shared"}
        ]}"#,
    )
    .unwrap();
    let drift = now.drift_from(&published);
    assert!(!drift.is_breaking());
    assert_eq!(
        drift.to_string(),
        "the snapshot of error codes is out of date\n  \
         ok: deprecated: uni-pay 701001 \"order failed\"\n  \
         ok: added: uni-pay 701002 \"new\"\n\
         Regenerate the snapshot (Mode::Write; a test using Mode::from_env: UNI_ERROR_BLESS=1 \
         cargo test) and commit it."
    );
    // Whitespace alone is no change at all.
    assert!(current().drift_from(&current()).changes().is_empty());
}

#[test]
fn a_moved_code_says_what_else_changed() {
    let published = Snapshot::from_json(
        r#"{"version": 1, "codes": [
            {"subject": "uni-pay", "errno": 701004, "template": "refund failed", "deprecated": null, "platform": "shared"}
        ]}"#,
    )
    .unwrap();
    let now = Snapshot::from_json(
        r#"{"version": 1, "codes": [
            {"subject": "uni-refund", "errno": 701004, "template": "refund refused", "deprecated": null, "platform": "shared"}
        ]}"#,
    )
    .unwrap();
    let drift = now.drift_from(&published);
    assert_eq!(drift.changes().len(), 1);
    assert_eq!(
        drift.changes()[0].to_string(),
        "errno 701004 moved from subject \"uni-pay\" to \"uni-refund\", \
         template \"refund failed\" -> \"refund refused\""
    );
}

#[test]
fn malformed_snapshots_are_refused_with_the_reason() {
    let cases = [
        ("[]", "not an error-code snapshot: expected \"version\": 1"),
        (
            r#"{"version": 1}"#,
            "not an error-code snapshot: expected a \"codes\" array",
        ),
        (
            r#"{"version": 1, "codes": [{"subject": "s", "errno": -1}]}"#,
            "not an error-code snapshot: codes[0]: expected a number \"errno\"",
        ),
        (
            r#"{"version": 1, "codes": [{"subject": "s", "errno": 1, "template": "t", "deprecated": 3}]}"#,
            "not an error-code snapshot: codes[0]: expected \"deprecated\" to be null or a string",
        ),
        (
            r#"{"version": 1, "codes": [{"errno": 1, "template": "t", "platform": "shared"}]}"#,
            "not an error-code snapshot: codes[0]: expected a string \"subject\"",
        ),
    ];
    for (json, message) in cases {
        assert_eq!(
            Snapshot::from_json(json).unwrap_err().to_string(),
            message,
            "{json}"
        );
    }
    assert!(Snapshot::from_json("{")
        .unwrap_err()
        .to_string()
        .starts_with("not an error-code snapshot: EOF"));
}

/// A fresh folder under the target dir for one test.
fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&dir);
    dir
}

#[test]
fn the_check_on_disk_fails_on_drift_and_writing_accepts_it() {
    let path = scratch("snapshot-check").join("codes.json");
    let now = current();
    assert!(matches!(
        now.write(&path, Mode::Check),
        Err(GenerateError::Missing { .. })
    ));
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(&path, PUBLISHED).unwrap();
    let err = now.write(&path, Mode::Check).unwrap_err();
    let GenerateError::Drift { drift, .. } = &err else {
        panic!("{err:?}")
    };
    assert_eq!(drift.changes().len(), 8);
    assert!(err.to_string().starts_with(&format!(
        "{}: published error codes changed meaning\n",
        path.display()
    )));
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        PUBLISHED,
        "check writes nothing"
    );

    now.write(&path, Mode::Write).unwrap();
    now.write(&path, Mode::Check).unwrap();
    assert_eq!(std::fs::read_to_string(&path).unwrap(), now.to_json());

    std::fs::write(&path, "{\"version\": 2}").unwrap();
    let err = now.write(&path, Mode::Check).unwrap_err();
    assert_eq!(
        err.to_string(),
        format!(
            "{}: not an error-code snapshot: expected \"version\": 1",
            path.display()
        )
    );
}
