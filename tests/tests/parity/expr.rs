//! thiserror's `test_expr.rs`: elaborate extra arguments as real projects
//! write them (a C compiler's and rustup's errors), bare field names in
//! arguments, and a type with an associated type binding in an argument.

use std::fmt::Display;
use std::path::PathBuf;

use uni_error::UniError;

use super::check;

#[derive(Debug, UniError)]
#[subject("uni-parity")]
#[errno(category = 9, sub = 20)]
enum Compiler {
    #[errno(code = 1)]
    #[msg("cannot rotate {} by {limit} or more (got {got})", if *.leftwards { "left" } else { "right" })]
    Rotate {
        leftwards: bool,
        limit: u32,
        got: u32,
    },
    #[errno(code = 2)]
    #[msg("#warning {}", (.0).iter().rev().copied().collect::<Vec<_>>().join(" "))]
    Warning(Vec<&'static str>),
    #[errno(code = 3)]
    #[msg("literal too large for {}type",
        if let Some(wide) = .wide {
            if *wide { "a wide " } else { "a narrow " }
        } else {
            "its "
        }
    )]
    IfLet { wide: Option<bool> },
    #[errno(code = 4)]
    #[msg("literal too large for {}type", match .wide {
        Some(true) => "a wide ",
        Some(false) => "a narrow ",
        None => "its ",
    })]
    Match { wide: Option<bool> },
}

#[test]
fn compiler_style_messages() {
    check(
        &Compiler::Rotate {
            leftwards: true,
            limit: 64,
            got: 70,
        },
        "cannot rotate left by 64 or more (got 70)",
        r#"{"errSubject":"uni-parity","errCode":920001,"errMsg":"cannot rotate left by 64 or more (got 70)"}"#,
    );
    check(
        &Compiler::Warning(vec!["x", "y"]),
        "#warning y x",
        r##"{"errSubject":"uni-parity","errCode":920002,"errMsg":"#warning y x"}"##,
    );
    check(
        &Compiler::IfLet { wide: Some(false) },
        "literal too large for a narrow type",
        r#"{"errSubject":"uni-parity","errCode":920003,"errMsg":"literal too large for a narrow type"}"#,
    );
    check(
        &Compiler::Match { wide: None },
        "literal too large for its type",
        r#"{"errSubject":"uni-parity","errCode":920004,"errMsg":"literal too large for its type"}"#,
    );
}

#[derive(Debug, UniError)]
#[subject("uni-parity")]
#[errno(category = 9, sub = 21, code = 1)]
#[msg(
    "toolchain '{name}' lacks {component}{}",
    .hint
        .as_ref()
        .map_or_else(String::new, |h| format!("; did you mean '{h}'?")),
)]
struct MissingComponent {
    name: String,
    component: String,
    hint: Option<String>,
}

#[test]
fn a_method_chain_over_a_field() {
    check(
        &MissingComponent {
            name: "beta".into(),
            component: "rustfmt-".into(),
            hint: Some("rustfmt".into()),
        },
        "toolchain 'beta' lacks rustfmt-; did you mean 'rustfmt'?",
        r#"{"errSubject":"uni-parity","errCode":921001,"errMsg":"toolchain 'beta' lacks rustfmt-; did you mean 'rustfmt'?"}"#,
    );
}

#[derive(Debug, UniError)]
#[subject("uni-parity")]
#[errno(category = 9, sub = 22)]
enum Bare<'a> {
    #[errno(code = 1)]
    #[msg("unexpected token: {:?}", token)]
    Token { token: &'a str },
    #[errno(code = 2)]
    #[msg("{} of {}, {is}", used.min(total), total, is = if used > total { "over" } else { "ok" })]
    Quota { used: u32, total: u32 },
    #[errno(code = 3)]
    #[msg("{}", r#type.len() + len(r#type))]
    Raw { r#type: String },
}

fn len(s: &str) -> usize {
    s.len()
}

#[test]
fn bare_field_names_in_arguments() {
    check(
        &Bare::Token { token: "}" },
        r#"unexpected token: "}""#,
        r#"{"errSubject":"uni-parity","errCode":922001,"errMsg":"unexpected token: \"}\""}"#,
    );
    check(
        &Bare::Quota {
            used: 12,
            total: 10,
        },
        "10 of 10, over",
        r#"{"errSubject":"uni-parity","errCode":922002,"errMsg":"10 of 10, over"}"#,
    );
    // `len(..)` is the function: a path or call name is no field.
    check(
        &Bare::Raw {
            r#type: "abc".into(),
        },
        "6",
        r#"{"errSubject":"uni-parity","errCode":922003,"errMsg":"6"}"#,
    );
}

pub trait Shape<T>: Display {
    type A;
}

impl<T> Shape<T> for i32 {
    type A = u8;
}

#[derive(Debug, UniError)]
#[subject("uni-parity")]
#[errno(category = 9, sub = 23, code = 1)]
#[msg("{A} {b}", b = &7 as &dyn Shape<i32, A = u8>)]
#[allow(non_snake_case)]
struct AssocBinding {
    A: PathBuf,
}

#[test]
fn an_associated_type_binding_in_an_argument_hides_no_field() {
    check(
        &AssocBinding {
            A: PathBuf::from("/srv"),
        },
        "/srv 7",
        r#"{"errSubject":"uni-parity","errCode":923001,"errMsg":"/srv 7"}"#,
    );
}
