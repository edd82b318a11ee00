//! `#[errno(PATH)]` (issue 14, point 1): a path to a `const` `Errno` or
//! integer gives the errno, checked when the crate compiles by a const
//! assertion in the generated code (type, range, errno 0, `platform`, and
//! uniqueness per (errSubject, errno)), and used for the wire errno and the
//! catalog. The refused shapes are trybuild cases under
//! `tests/ui/errno/const_*`.

// The generated code (const assertions, namespaced attributes) stays clean
// under strict lints; `cargo clippy --all-targets` checks this file.
#![deny(warnings, unused_qualifications, clippy::pedantic)]

use serde::Serialize;
use uni_error::catalog::{Catalog, CatalogSet};
use uni_error::{Errno, UniError};

/// Where a plugin keeps its codes.
mod codes {
    use uni_error::Errno;

    pub const LOGIN_FAILED: Errno = match Errno::new(15, 4, 3) {
        Ok(e) => e,
        Err(_) => panic!("not an errno"),
    };
    pub const TOKEN_EXPIRED: u32 = 1_504_004;
    pub const SIGNED: i64 = 1_504_601;
    pub const PAY_LIMIT: usize = 701_009;
}

const CANCELLED: u16 = 1;

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
    /// The credentials were refused.
    #[errno(codes::LOGIN_FAILED)]
    #[msg("login failed")]
    Failed,

    #[errno(codes::TOKEN_EXPIRED)]
    #[msg("token expired")]
    Expired,

    #[errno(codes::SIGNED, platform = "cross")]
    #[msg("signed")]
    Signed,

    #[errno(Errno::TIMEOUT)]
    #[msg("timed out")]
    Timeout,

    #[errno(CANCELLED)]
    #[msg("cancelled")]
    Cancelled,

    // A literal beside the consts: the const assertions compare against it.
    #[errno(code = 1)]
    #[msg("plain")]
    Plain,

    // The same const under another subject is another error.
    #[errno(codes::LOGIN_FAILED)]
    #[subject("uni-login::weixin")]
    #[msg("weixin login failed")]
    Weixin,
}

/// Paths from another module, written out in full.
mod pay {
    use uni_error::UniError;

    #[derive(Debug, UniError)]
    #[subject("uni-pay")]
    #[errno(uni_error::Errno::CANCEL)]
    #[msg("payment cancelled")]
    pub struct PayCancelled;

    #[derive(Debug, UniError)]
    #[subject("uni-pay")]
    #[errno(crate::codes::PAY_LIMIT)]
    #[msg("over the daily limit")]
    pub struct PayLimit;
}

use pay::{PayCancelled, PayLimit};

#[test]
fn const_errnos_are_the_wire_errno() {
    assert_wire(
        &LoginError::Failed,
        r#"{"errSubject":"uni-login","errCode":1504003,"errMsg":"login failed"}"#,
    );
    assert_wire(
        &LoginError::Expired,
        r#"{"errSubject":"uni-login","errCode":1504004,"errMsg":"token expired"}"#,
    );
    assert_wire(
        &LoginError::Signed,
        r#"{"errSubject":"uni-login","errCode":1504601,"errMsg":"signed"}"#,
    );
    assert_wire(
        &LoginError::Timeout,
        r#"{"errSubject":"uni-login","errCode":5,"errMsg":"timed out"}"#,
    );
    assert_wire(
        &LoginError::Cancelled,
        r#"{"errSubject":"uni-login","errCode":1,"errMsg":"cancelled"}"#,
    );
    assert_wire(
        &LoginError::Weixin,
        r#"{"errSubject":"uni-login::weixin","errCode":1504003,"errMsg":"weixin login failed"}"#,
    );
    assert_wire(
        &LoginError::Plain,
        r#"{"errSubject":"uni-login","errCode":1504001,"errMsg":"plain"}"#,
    );
    assert_wire(
        &PayLimit,
        r#"{"errSubject":"uni-pay","errCode":701009,"errMsg":"over the daily limit"}"#,
    );
    assert_wire(
        &PayCancelled,
        r#"{"errSubject":"uni-pay","errCode":1,"errMsg":"payment cancelled"}"#,
    );
    assert_eq!(LoginError::Failed.errno(), codes::LOGIN_FAILED);
    assert_eq!(PayCancelled.errno(), Errno::CANCEL);
}

#[test]
fn const_errnos_are_in_the_catalog() {
    assert_eq!(
        CatalogSet::new().with::<LoginError>().to_markdown(),
        "| errno | errMsg | subject | description |\n\
         |---|---|---|---|\n\
         | 1 | cancelled | uni-login |  |\n\
         | 5 | timed out | uni-login |  |\n\
         | 1504001 | plain | uni-login |  |\n\
         | 1504003 | login failed | uni-login | The credentials were refused. |\n\
         | 1504003 | weixin login failed | uni-login::weixin |  |\n\
         | 1504004 | token expired | uni-login |  |\n\
         | 1504601 | signed | uni-login |  |\n"
    );
    let errnos: Vec<u32> = LoginError::CATALOG
        .iter()
        .map(|e| e.errno().get())
        .collect();
    assert_eq!(
        errnos,
        [1_504_003, 1_504_004, 1_504_601, 5, 1, 1_504_001, 1_504_003]
    );
    assert!(CatalogSet::new()
        .with::<LoginError>()
        .with::<PayCancelled>()
        .with::<PayLimit>()
        .check()
        .is_ok());
    assert_eq!(PayCancelled::CATALOG[0].errno(), Errno::CANCEL);
}

/// Codes kept as associated consts of the error type itself.
#[derive(Debug, UniError)]
#[subject("uni-share")]
enum ShareError<'a> {
    #[errno(Self::DENIED)]
    #[msg("share denied: {0}")]
    Denied(&'a str),
    #[errno(Self::TOO_LARGE)]
    #[msg("too large")]
    TooLarge,
}

impl ShareError<'_> {
    const DENIED: Errno = match Errno::new(12, 3, 1) {
        Ok(e) => e,
        Err(_) => panic!("not an errno"),
    };
    const TOO_LARGE: u32 = 1_203_002;
}

#[derive(Debug, UniError)]
#[subject("uni-share")]
#[errno(Self::CODE)]
#[msg("quota")]
struct ShareQuota;

impl ShareQuota {
    const CODE: u32 = 1_203_003;
}

#[test]
fn self_paths_name_the_types_own_consts() {
    assert_wire(
        &ShareError::Denied("album"),
        r#"{"errSubject":"uni-share","errCode":1203001,"errMsg":"share denied: album"}"#,
    );
    assert_wire(
        &ShareError::TooLarge,
        r#"{"errSubject":"uni-share","errCode":1203002,"errMsg":"too large"}"#,
    );
    assert_wire(
        &ShareQuota,
        r#"{"errSubject":"uni-share","errCode":1203003,"errMsg":"quota"}"#,
    );
    let errnos: Vec<u32> = ShareError::CATALOG
        .iter()
        .map(|e| e.errno().get())
        .collect();
    assert_eq!(errnos, [1_203_001, 1_203_002]);
}

/// `Self::CODE` written by a `macro_rules!` that defines the type.
macro_rules! plugin_error {
    ($name:ident, $code:literal, $msg:literal) => {
        #[derive(Debug, UniError)]
        #[subject("uni-share")]
        #[errno(Self::CODE)]
        #[msg($msg)]
        struct $name;

        impl $name {
            const CODE: u32 = $code;
        }
    };
}

plugin_error!(ShareOffline, 1_203_004, "offline");

#[test]
fn self_paths_work_inside_macro_rules() {
    assert_wire(
        &ShareOffline,
        r#"{"errSubject":"uni-share","errCode":1203004,"errMsg":"offline"}"#,
    );
}
