//! The enum-level message thiserror calls inherited (`test_display.rs`'s
//! inherit cases, `test_path.rs`'s inherited path, `test_transparent.rs`'s
//! transparent variant beside a default message): a `#[msg]` on the enum is
//! the message of each variant without its own.

use std::path::PathBuf;

use uni_error::UniError;

use super::check;

#[derive(Debug, UniError)]
#[subject("uni-parity")]
#[errno(category = 9, sub = 80)]
#[msg("step failed: {0}")]
enum Inherited {
    #[errno(code = 1)]
    Parse(String),
    #[errno(code = 2)]
    Count(u32),
    #[errno(code = 3)]
    #[msg("cancelled")]
    Cancelled,
}

#[test]
fn variants_without_a_message_take_the_enums() {
    check(
        &Inherited::Parse("eof".into()),
        "step failed: eof",
        r#"{"errSubject":"uni-parity","errCode":980001,"errMsg":"step failed: eof"}"#,
    );
    check(
        &Inherited::Count(7),
        "step failed: 7",
        r#"{"errSubject":"uni-parity","errCode":980002,"errMsg":"step failed: 7"}"#,
    );
    check(
        &Inherited::Cancelled,
        "cancelled",
        r#"{"errSubject":"uni-parity","errCode":980003,"errMsg":"cancelled"}"#,
    );
}

#[derive(Debug, UniError)]
#[subject("uni-parity")]
#[errno(category = 9, sub = 81)]
#[msg("failed to read {path}")]
enum InheritedPath {
    #[errno(code = 1)]
    Open { path: PathBuf },
    #[errno(code = 2)]
    Lock { path: PathBuf },
}

#[test]
fn an_inherited_message_shows_a_path_as_display_does() {
    check(
        &InheritedPath::Open {
            path: PathBuf::from("/data/a.json"),
        },
        "failed to read /data/a.json",
        r#"{"errSubject":"uni-parity","errCode":981001,"errMsg":"failed to read /data/a.json"}"#,
    );
    check(
        &InheritedPath::Lock {
            path: PathBuf::from("b.lock"),
        },
        "failed to read b.lock",
        r#"{"errSubject":"uni-parity","errCode":981002,"errMsg":"failed to read b.lock"}"#,
    );
}

#[derive(Debug, UniError)]
#[subject("uni-parity-inner")]
#[errno(category = 9, sub = 83, code = 1)]
#[msg("inner went wrong")]
struct Inner;

#[derive(Debug, UniError)]
#[subject("uni-parity")]
#[errno(category = 9, sub = 82)]
#[msg("outer: {0}")]
enum WithTransparent {
    #[errno(code = 1)]
    Plain(String),
    #[msg(transparent)]
    Passed(Inner),
}

#[test]
fn a_transparent_variant_does_not_inherit_the_message() {
    check(
        &WithTransparent::Plain("x".into()),
        "outer: x",
        r#"{"errSubject":"uni-parity","errCode":982001,"errMsg":"outer: x"}"#,
    );
    check(
        &WithTransparent::Passed(Inner),
        "inner went wrong",
        r#"{"errSubject":"uni-parity-inner","errCode":983001,"errMsg":"inner went wrong"}"#,
    );
}

macro_rules! inherited_in_a_macro {
    ($name:ident { $($body:tt)* }) => {
        #[derive(Debug, UniError)]
        #[subject("uni-parity")]
        #[errno(category = 9, sub = 84)]
        #[msg("macro step: {0}")]
        enum $name { $($body)* }
    };
}

inherited_in_a_macro!(FromMacro {
    #[errno(code = 1)]
    Step(u8),
});

#[test]
fn an_inherited_message_through_macro_rules() {
    check(
        &FromMacro::Step(3),
        "macro step: 3",
        r#"{"errSubject":"uni-parity","errCode":984001,"errMsg":"macro step: 3"}"#,
    );
}
