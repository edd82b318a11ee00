//! thiserror's `test_generics.rs`: bounds inferred per impl from what each
//! message does with a type parameter, so a type instantiated with a
//! parameter that lacks `Display` (or `Debug`) still derives wherever the
//! message does not format it that way.

use std::fmt::{self, Debug, Display};
use std::str::FromStr;

use uni_error::UniError;

use super::check;

pub struct Neither;

#[derive(Debug)]
pub struct OnlyDebug;

pub struct OnlyDisplay;

impl Display for OnlyDisplay {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("shown")
    }
}

#[derive(Debug, UniError)]
#[subject("uni-parity")]
#[errno(category = 9, sub = 50)]
pub enum DebugOf<E> {
    #[errno(code = 1)]
    #[msg("fatal: {0:?}")]
    Fatal(E),
}

#[derive(Debug, UniError)]
#[subject("uni-parity")]
#[errno(category = 9, sub = 51)]
pub enum FromGeneric<E> {
    #[errno(code = 1)]
    #[msg("wrapped")]
    Source(#[from] DebugOf<E>),
}

#[derive(UniError)]
#[subject("uni-parity")]
#[errno(category = 9, sub = 52)]
pub enum Compound<Disp, Dbg, None_> {
    #[errno(code = 1)]
    #[msg("{0} {1:?}")]
    Both(Disp, Dbg),
    #[errno(code = 2)]
    #[msg("{0}")]
    DisplayOnly(Disp, None_),
    #[errno(code = 3)]
    #[msg("{1:?}")]
    DebugOnly(None_, Dbg),
}

impl<A, B, C> Debug for Compound<A, B, C> {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("Compound")
    }
}

#[test]
fn each_variant_bounds_only_what_it_formats() {
    let e: Compound<OnlyDisplay, OnlyDebug, Neither> = Compound::Both(OnlyDisplay, OnlyDebug);
    check(
        &e,
        "shown OnlyDebug",
        r#"{"errSubject":"uni-parity","errCode":952001,"errMsg":"shown OnlyDebug"}"#,
    );
    let e: Compound<OnlyDisplay, OnlyDebug, Neither> = Compound::DisplayOnly(OnlyDisplay, Neither);
    check(
        &e,
        "shown",
        r#"{"errSubject":"uni-parity","errCode":952002,"errMsg":"shown"}"#,
    );
    let e: Compound<OnlyDisplay, OnlyDebug, Neither> = Compound::DebugOnly(Neither, OnlyDebug);
    check(
        &e,
        "OnlyDebug",
        r#"{"errSubject":"uni-parity","errCode":952003,"errMsg":"OnlyDebug"}"#,
    );
}

#[test]
fn a_debug_only_parameter_in_a_debug_placeholder() {
    let e = FromGeneric::from(DebugOf::Fatal(OnlyDebug));
    check(
        &e,
        "wrapped",
        r#"{"errSubject":"uni-parity","errCode":951001,"errMsg":"wrapped","cause":{"message":"fatal: OnlyDebug","subject":"uni-parity","code":950001}}"#,
    );
}

#[derive(Debug, UniError)]
#[subject("uni-parity")]
#[errno(category = 9, sub = 53, code = 1)]
#[msg(transparent)]
pub struct TransparentOf<E>(pub E);

#[derive(Debug, UniError)]
#[subject("uni-parity")]
#[errno(category = 9, sub = 54)]
pub enum TransparentVariant<E> {
    #[errno(code = 1)]
    #[subject("uni-parity")]
    #[msg(transparent)]
    Other(E),
}

#[derive(Debug, UniError)]
#[subject("uni-parity")]
#[errno(category = 9, sub = 55, code = 1)]
#[msg("{inner:?}")]
pub struct DebugField<E> {
    pub inner: E,
}

#[derive(Debug, UniError)]
#[subject("uni-parity")]
#[errno(category = 9, sub = 56, code = 1)]
#[msg("from debug field")]
pub struct FromDebugField<E> {
    #[from]
    pub source: DebugField<E>,
}

#[test]
fn transparent_and_debug_fields_of_a_parameter() {
    let io = std::io::Error::other("io inside");
    check(
        &TransparentOf(io),
        "io inside",
        r#"{"errSubject":"uni-parity","errCode":953001,"errMsg":"io inside"}"#,
    );
    check(
        &TransparentVariant::Other(std::io::Error::other("variant io")),
        "variant io",
        r#"{"errSubject":"uni-parity","errCode":954001,"errMsg":"variant io"}"#,
    );
    let e = FromDebugField::from(DebugField { inner: OnlyDebug });
    check(
        &e,
        "from debug field",
        r#"{"errSubject":"uni-parity","errCode":956001,"errMsg":"from debug field","cause":{"message":"OnlyDebug","subject":"uni-parity","code":955001}}"#,
    );
}

#[derive(Debug, UniError)]
#[subject("uni-parity")]
#[errno(category = 9, sub = 57)]
pub enum Parse<T: FromStr> {
    #[errno(code = 1)]
    #[msg("no matrix")]
    Other,
    #[errno(code = 2)]
    #[msg("bad entry: {0}")]
    Entry(T::Err),
}

#[test]
fn a_bound_on_an_associated_type() {
    let err = "x".parse::<u8>().unwrap_err();
    check(
        &Parse::<u8>::Entry(err),
        "bad entry: invalid digit found in string",
        r#"{"errSubject":"uni-parity","errCode":957002,"errMsg":"bad entry: invalid digit found in string"}"#,
    );
    check(
        &Parse::<u8>::Other,
        "no matrix",
        r#"{"errSubject":"uni-parity","errCode":957001,"errMsg":"no matrix"}"#,
    );
}

#[test]
fn a_named_argument_bounds_nothing_of_the_field_it_shadows() {
    #[derive(Debug, UniError)]
    #[subject("uni-parity")]
    #[errno(category = 9, sub = 58, code = 1)]
    #[msg("{thing}", thing = "shadowed")]
    struct Shadowed<T> {
        #[allow(dead_code)]
        thing: T,
    }
    check(
        &Shadowed { thing: OnlyDebug },
        "shadowed",
        r#"{"errSubject":"uni-parity","errCode":958001,"errMsg":"shadowed"}"#,
    );
}

#[test]
fn one_parameter_under_two_traits() {
    #[derive(Debug, UniError)]
    #[subject("uni-parity")]
    #[errno(category = 9, sub = 59, code = 1)]
    #[msg("{v:#x} {v:#X} {v:o}")]
    struct Radix<T> {
        v: T,
    }
    check(
        &Radix { v: 255u8 },
        "0xff 0xFF 377",
        r#"{"errSubject":"uni-parity","errCode":959001,"errMsg":"0xff 0xFF 377"}"#,
    );
}
