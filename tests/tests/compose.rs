//! Composing with thiserror (issue 14, point 3). Every helper of the derive
//! has a namespaced spelling under `#[uni(..)]`, for types where another
//! derive owns the bare name. With thiserror: its `#[source]`/`#[from]`
//! mark the cause (read by both derives; `#[uni(source(..))]` only labels
//! it), its `#[error("..")]` templates document the catalog, and
//! `#[error(transparent)]` forwards like `#[msg(transparent)]`. The derive
//! order does not matter. Refused shapes: `tests/ui/msg/msg_and_error.rs`,
//! `tests/ui/msg/error_without_thiserror.rs`, `tests/ui/shape/uni_unknown_key.rs`.

// The generated code (const assertions, namespaced attributes) stays clean
// under strict lints; `cargo clippy --all-targets` checks this file.
#![deny(warnings, unused_qualifications, clippy::pedantic)]

use std::error::Error as _;

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

/// A third-party SDK error with a code of its own.
#[derive(Debug)]
pub struct CsjError(i32);

impl std::fmt::Display for CsjError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "csj error {}", self.0)
    }
}

impl std::error::Error for CsjError {}

#[allow(clippy::unnecessary_wraps)] // the signature #[source(code = f)] takes
fn csj_code(e: &CsjError) -> Option<i64> {
    Some(i64::from(e.0))
}

#[derive(Debug, thiserror::Error, UniError)]
#[uni(subject("uni-ad"))]
#[uni(errno(category = 15, sub = 6))]
pub enum AdError {
    /// The SDK refused to load the ad.
    #[error("ad failed to load: {0}")]
    #[uni(errno(code = 1), status(http = 502))]
    Load(
        #[source]
        #[uni(source(subject = "csj", code = csj_code))]
        CsjError,
    ),

    #[error("ad SDK I/O")]
    #[uni(errno(code = 2))]
    Io(
        #[from]
        #[uni(source(subject = "csj-io"))]
        std::io::Error,
    ),

    #[error("no fill for slot {slot}")]
    #[uni(errno(code = 3))]
    NoFill {
        #[uni(data)]
        slot: u32,
    },

    #[error(transparent)]
    Login(#[from] LoginError),
}

#[derive(Debug, UniError)]
#[uni(subject("uni-login"), errno(category = 15, sub = 4))]
pub enum LoginError {
    #[uni(errno(code = 3), msg("login refused: {reason}"))]
    Refused { reason: String },

    #[uni(errno(code = 4), msg("token store failed"))]
    Store(#[uni(source)] std::io::Error),

    #[uni(errno(code = 5), msg("rate limited"))]
    Limited(#[uni(from)] std::num::ParseIntError),
}

#[test]
fn thiserror_marks_the_cause_and_uni_source_labels_it() {
    let e = AdError::Load(CsjError(40_018));
    assert_eq!(e.to_string(), "ad failed to load: csj error 40018");
    assert_eq!(e.source().unwrap().to_string(), "csj error 40018");
    assert_wire(
        &e,
        concat!(
            r#"{"errSubject":"uni-ad","errCode":1506001,"errMsg":"ad failed to load: csj error 40018","#,
            r#""cause":{"message":"csj error 40018","subject":"csj","code":40018}}"#
        ),
    );
    assert_eq!(e.status_override().and_then(|s| s.http), Some(502));

    // thiserror's From, and the label on the #[from] field.
    let e: AdError = std::io::Error::other("disk full").into();
    assert_wire(
        &e,
        concat!(
            r#"{"errSubject":"uni-ad","errCode":1506002,"errMsg":"ad SDK I/O","#,
            r#""cause":{"message":"disk full","subject":"csj-io"}}"#
        ),
    );
    assert_wire(
        &AdError::NoFill { slot: 7 },
        r#"{"errSubject":"uni-ad","errCode":1506003,"errMsg":"no fill for slot 7","data":7}"#,
    );
}

#[test]
fn error_transparent_forwards_like_msg_transparent() {
    let e: AdError = LoginError::Refused {
        reason: "wrong password".into(),
    }
    .into();
    assert_eq!(e.to_string(), "login refused: wrong password");
    assert_wire(
        &e,
        r#"{"errSubject":"uni-login","errCode":1504003,"errMsg":"login refused: wrong password"}"#,
    );
}

#[test]
fn the_catalog_reads_thiserror_templates() {
    assert_eq!(
        CatalogSet::new().with::<AdError>().to_markdown(),
        "| errno | errMsg | subject | description |\n\
         |---|---|---|---|\n\
         | 1504003 | login refused: {reason} | uni-login | (through AdError::Login) |\n\
         | 1504004 | token store failed | uni-login | (through AdError::Login) |\n\
         | 1504005 | rate limited | uni-login | (through AdError::Login) |\n\
         | 1506001 | ad failed to load: {0} | uni-ad | The SDK refused to load the ad. |\n\
         | 1506002 | ad SDK I/O | uni-ad |  |\n\
         | 1506003 | no fill for slot {slot} | uni-ad |  |\n"
    );
}

#[test]
fn namespaced_spellings_without_thiserror() {
    let e = LoginError::Store(std::io::Error::other("locked"));
    assert_eq!(e.source().unwrap().to_string(), "locked");
    assert_wire(
        &e,
        r#"{"errSubject":"uni-login","errCode":1504004,"errMsg":"token store failed","cause":{"message":"locked"}}"#,
    );
    let e: LoginError = "x".parse::<u8>().unwrap_err().into();
    assert_wire(
        &e,
        r#"{"errSubject":"uni-login","errCode":1504005,"errMsg":"rate limited","cause":{"message":"invalid digit found in string"}}"#,
    );
}

// The derive order does not matter: thiserror before ours, after ours in
// one list, and in a separate #[derive] on either side.
macro_rules! in_every_order {
    ($($name:ident: [$($before:meta),*] [$($after:meta),*];)*) => {$(
        $(#[$before])*
        #[subject("uni-order")]
        #[errno(1_509_001)]
        #[error("order {0}")]
        $(#[$after])*
        pub struct $name(u8);
    )*};
}

in_every_order! {
    TheirsFirst: [derive(Debug, thiserror::Error, UniError)] [];
    OursFirst: [derive(Debug, UniError, thiserror::Error)] [];
    TheirsAbove: [derive(Debug, thiserror::Error), derive(UniError)] [];
    OursAbove: [derive(Debug, UniError), derive(thiserror::Error)] [];
}

#[test]
fn any_derive_order_composes() {
    let expected =
        |n: u8| format!(r#"{{"errSubject":"uni-order","errCode":1509001,"errMsg":"order {n}"}}"#);
    assert_wire(&TheirsFirst(1), &expected(1));
    assert_wire(&OursFirst(2), &expected(2));
    assert_wire(&TheirsAbove(3), &expected(3));
    assert_wire(&OursAbove(4), &expected(4));
}

/// `crate` beside namespaced keys in one `#[uni(..)]`.
#[derive(Debug, UniError)]
#[uni(
    crate = "uni_error",
    subject("uni-mixed"),
    errno(1_509_002),
    msg("mixed {0}")
)]
pub struct Mixed(#[uni(data)] u8);

#[test]
fn crate_and_namespaced_keys_share_one_attribute() {
    assert_wire(
        &Mixed(3),
        r#"{"errSubject":"uni-mixed","errCode":1509002,"errMsg":"mixed 3","data":3}"#,
    );
}
