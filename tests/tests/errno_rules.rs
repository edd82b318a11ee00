//! The errno rules of issue 14, point 1, on accepted shapes: one errno under
//! two errSubjects in one type (the spec's errSubject exists "to distinguish
//! different modules with the same errCode"), and the three complete forms
//! of a variant's errno. The refused shapes are trybuild cases under
//! `tests/ui/errno/` (`zero*`, `partial_mix`, `string_number`,
//! `duplicate_under_subject`).

use serde::Serialize;
use uni_error::catalog::CatalogSet;
use uni_error::{Errno, UniError};

fn assert_wire<E: UniError + Serialize>(e: &E, expected: &str) {
    assert_eq!(serde_json::to_string(e).unwrap(), expected, "direct");
    assert_eq!(
        serde_json::to_string(&e.to_error()).unwrap(),
        expected,
        "through to_error()"
    );
}

#[derive(Debug, UniError)]
#[subject("uni-login")]
#[errno(category = 15, sub = 4)]
enum LoginError {
    #[errno(code = 1)]
    #[subject("uni-login::weixin")]
    #[msg("weixin login failed")]
    Weixin,

    #[errno(code = 1)]
    #[subject("uni-login::alipay")]
    #[msg("alipay login failed")]
    Alipay,

    // The same number again under the type's own subject: a third pair.
    #[errno(1504001)]
    #[msg("login failed")]
    Plain,

    // All three parts given: no default is mixed in.
    #[errno(category = 7, sub = 1, code = 2)]
    #[msg("declined")]
    Declined,
}

#[test]
fn one_errno_under_two_subjects_is_two_errors() {
    assert_wire(
        &LoginError::Weixin,
        r#"{"errSubject":"uni-login::weixin","errCode":1504001,"errMsg":"weixin login failed"}"#,
    );
    assert_wire(
        &LoginError::Alipay,
        r#"{"errSubject":"uni-login::alipay","errCode":1504001,"errMsg":"alipay login failed"}"#,
    );
    assert_wire(
        &LoginError::Plain,
        r#"{"errSubject":"uni-login","errCode":1504001,"errMsg":"login failed"}"#,
    );
}

#[test]
fn all_three_parts_take_nothing_from_the_defaults() {
    assert_wire(
        &LoginError::Declined,
        r#"{"errSubject":"uni-login","errCode":701002,"errMsg":"declined"}"#,
    );
    assert_eq!(LoginError::Declined.errno(), Errno::new(7, 1, 2).unwrap());
}

#[test]
fn the_catalog_agrees_the_pairs_are_distinct() {
    let set = CatalogSet::new().with::<LoginError>();
    assert!(set.check().is_ok());
    let json: serde_json::Value = serde_json::from_str(&set.to_json()).unwrap();
    // Sorted by errno, then errSubject.
    let pairs: Vec<(String, u64)> = json
        .as_array()
        .unwrap()
        .iter()
        .map(|row| {
            (
                row["subject"].as_str().unwrap().to_owned(),
                row["errno"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        pairs,
        [
            ("uni-login".to_owned(), 701002),
            ("uni-login".to_owned(), 1504001),
            ("uni-login::alipay".to_owned(), 1504001),
            ("uni-login::weixin".to_owned(), 1504001),
        ]
    );
}
