//! thiserror's `test_transparent.rs`: `#[msg(transparent)]` forwards the
//! inner error's `Display` and `source()`, on a struct, on a variant beside
//! others, over anyhow, over a type parameter, and over a borrowed error.

use std::error::Error as _;
use std::io;

use anyhow::anyhow;
use uni_error::UniError;

use super::check;

#[derive(Debug, UniError)]
#[subject("uni-parity")]
#[errno(category = 9, sub = 60)]
enum Kind {
    #[errno(code = 1)]
    #[msg("kind zero")]
    Zero,
    #[errno(code = 2)]
    #[msg("kind io")]
    Io(#[from] io::Error),
}

#[derive(Debug, UniError)]
#[subject("uni-parity")]
#[errno(category = 9, sub = 61, code = 1)]
#[msg(transparent)]
struct Outer(Kind);

#[test]
fn a_transparent_struct() {
    let e = Outer(Kind::Zero);
    assert!(e.source().is_none());
    check(
        &e,
        "kind zero",
        r#"{"errSubject":"uni-parity","errCode":961001,"errMsg":"kind zero"}"#,
    );
    let e = Outer(Kind::from(io::Error::other("oh no")));
    assert!(e.source().unwrap().downcast_ref::<io::Error>().is_some());
    check(
        &e,
        "kind io",
        r#"{"errSubject":"uni-parity","errCode":961001,"errMsg":"kind io","cause":{"message":"oh no"}}"#,
    );
}

#[derive(Debug, UniError)]
#[subject("uni-parity")]
#[errno(category = 9, sub = 62)]
enum WithAnyhow {
    #[errno(code = 1)]
    #[msg("own message")]
    Own,
    #[errno(code = 2)]
    #[subject("uni-parity")]
    #[msg(transparent)]
    Other(anyhow::Error),
}

#[test]
fn a_transparent_variant_over_anyhow() {
    check(
        &WithAnyhow::Own,
        "own message",
        r#"{"errSubject":"uni-parity","errCode":962001,"errMsg":"own message"}"#,
    );
    let e = WithAnyhow::Other(anyhow!("inner").context("outer"));
    assert_eq!(e.source().unwrap().to_string(), "inner");
    check(
        &e,
        "outer",
        r#"{"errSubject":"uni-parity","errCode":962002,"errMsg":"outer","cause":{"message":"inner"}}"#,
    );
}

#[derive(Debug, UniError)]
#[subject("uni-parity")]
#[errno(category = 9, sub = 63)]
enum Generic<E> {
    #[errno(code = 1)]
    #[msg("generic own")]
    Own,
    #[errno(code = 2)]
    #[subject("uni-parity")]
    #[msg(transparent)]
    Other(E),
}

#[derive(Debug, UniError)]
#[subject("uni-parity")]
#[errno(category = 9, sub = 64, code = 1)]
#[msg("leaf")]
struct Leaf;

#[derive(Debug, UniError)]
#[subject("uni-parity")]
#[errno(category = 9, sub = 64, code = 2)]
#[msg("wrapping")]
struct Wrapping(#[source] io::Error);

#[test]
fn a_transparent_variant_over_a_parameter() {
    check(
        &Generic::<Leaf>::Own,
        "generic own",
        r#"{"errSubject":"uni-parity","errCode":963001,"errMsg":"generic own"}"#,
    );
    let e = Generic::Other(Leaf);
    assert!(e.source().is_none());
    check(
        &e,
        "leaf",
        r#"{"errSubject":"uni-parity","errCode":963002,"errMsg":"leaf"}"#,
    );
    let e = Generic::Other(Wrapping(io::Error::other("under")));
    assert_eq!(e.source().unwrap().to_string(), "under");
    check(
        &e,
        "wrapping",
        r#"{"errSubject":"uni-parity","errCode":963002,"errMsg":"wrapping","cause":{"message":"under"}}"#,
    );
}

#[test]
fn a_transparent_struct_from_anyhow() {
    #[derive(Debug, UniError)]
    #[subject("uni-parity")]
    #[errno(category = 9, sub = 65, code = 1)]
    #[msg(transparent)]
    struct Any(#[from] anyhow::Error);
    let e = Any::from(anyhow!("inner").context("outer"));
    assert_eq!(e.source().unwrap().to_string(), "inner");
    check(
        &e,
        "outer",
        r#"{"errSubject":"uni-parity","errCode":965001,"errMsg":"outer","cause":{"message":"inner"}}"#,
    );
}

#[test]
fn a_transparent_struct_over_a_borrowing_error() {
    #[derive(Debug, UniError)]
    #[subject("uni-parity")]
    #[errno(category = 9, sub = 66, code = 1)]
    #[msg(transparent)]
    struct Borrowing<'a> {
        inner: Token<'a>,
    }
    #[derive(Debug, UniError)]
    #[subject("uni-parity")]
    #[errno(category = 9, sub = 67)]
    enum Token<'a> {
        #[errno(code = 1)]
        #[msg("unexpected token: {:?}", token)]
        Unexpected { token: &'a str },
    }
    let text = String::from("fn");
    let e = Borrowing {
        inner: Token::Unexpected { token: &text },
    };
    assert!(e.source().is_none());
    check(
        &e,
        r#"unexpected token: "fn""#,
        r#"{"errSubject":"uni-parity","errCode":966001,"errMsg":"unexpected token: \"fn\""}"#,
    );
}
