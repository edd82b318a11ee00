//! Hygiene of the generated code: derives whose body arrives as token trees
//! through `macro_rules!`, types declared inside functions, `#[cfg]` on
//! variants and fields, raw identifiers, field and argument names that look
//! like generated ones, shadowed prelude names, `#![no_implicit_prelude]`
//! and deprecated items under `#![deny(deprecated)]`. Every case asserts the
//! JSON and the `Display` it produces.

#![deny(deprecated, warnings)]

use uni_error::UniError;

fn json<T: serde::Serialize + ?Sized>(v: &T) -> String {
    serde_json::to_string(v).unwrap()
}

/// JSON of the derived value, checked to equal its erased form's.
fn wire<E: UniError + serde::Serialize>(e: &E) -> String {
    let direct = json(e);
    assert_eq!(direct, json(&e.to_error()), "to_error() differs");
    direct
}

// ---------------------------------------------------------------------------
// The enum body as `tt` through `macro_rules!`, for every attribute.
// ---------------------------------------------------------------------------

/// A typed source for the cases below.
#[derive(Debug, UniError)]
#[subject("uni-probe::sdk")]
#[errno(category = 15, sub = 4, code = 900)]
#[msg("sdk {0}")]
pub struct Sdk(pub i32);

#[derive(Debug, serde::Serialize)]
pub struct Reading {
    pub value: u8,
}

macro_rules! plugin_error {
    ($name:ident { $($body:tt)* }) => {
        #[derive(Debug, UniError)]
        #[subject("uni-probe")]
        #[errno(category = 15, sub = 4)]
        pub enum $name { $($body)* }
    };
}

plugin_error!(ProbeError {
    #[errno(code = 1)]
    #[msg("io: {0}")]
    Io(#[source] std::io::Error),
    #[errno(code = 2)]
    #[msg("from: {0}")]
    From(#[from] std::fmt::Error),
    #[errno(code = 3)]
    #[msg("reading {}", .reading.value)]
    Data {
        #[data]
        reading: Reading,
    },
    #[errno(code = 4)]
    #[msg("maybe data")]
    MaybeData(#[data] Option<Reading>),
    #[msg(transparent)]
    Inner(Sdk),
    #[errno(code = 5)]
    #[msg("{} failed", .0.len())]
    List(#[source] Vec<Sdk>),
    #[errno(code = 6)]
    #[msg("optional")]
    Maybe(#[source] Option<std::io::Error>),
    #[errno(code = 7)]
    #[msg("typed")]
    Typed {
        #[source(subject = "sdk", code = code_of)]
        sdk: std::io::Error,
    },
    #[errno(code = 8)]
    #[status(grpc = "NOT_FOUND")]
    #[msg("boxed")]
    Boxed(#[source] Box<dyn std::error::Error + Send + Sync>),
});

fn code_of(e: &std::io::Error) -> Option<i64> {
    e.raw_os_error().map(i64::from)
}

#[test]
fn an_enum_body_through_macro_rules_derives_every_attribute() {
    let io = ProbeError::Io(std::io::Error::other("disk"));
    assert_eq!(io.to_string(), "io: disk");
    assert_eq!(
        wire(&io),
        r#"{"errSubject":"uni-probe","errCode":1504001,"errMsg":"io: disk","cause":{"message":"disk"}}"#
    );
    let from: ProbeError = std::fmt::Error.into();
    assert_eq!(
        from.to_string(),
        "from: an error occurred when formatting an argument"
    );
    assert_eq!(
        wire(&from),
        r#"{"errSubject":"uni-probe","errCode":1504002,"errMsg":"from: an error occurred when formatting an argument","cause":{"message":"an error occurred when formatting an argument"}}"#
    );
    let data = ProbeError::Data {
        reading: Reading { value: 7 },
    };
    assert_eq!(data.to_string(), "reading 7");
    assert_eq!(
        wire(&data),
        r#"{"errSubject":"uni-probe","errCode":1504003,"errMsg":"reading 7","data":{"value":7}}"#
    );
    let none = ProbeError::MaybeData(None);
    assert_eq!(none.to_string(), "maybe data");
    assert_eq!(
        wire(&none),
        r#"{"errSubject":"uni-probe","errCode":1504004,"errMsg":"maybe data"}"#
    );
    let inner = ProbeError::Inner(Sdk(-2));
    assert_eq!(inner.to_string(), "sdk -2");
    assert_eq!(
        wire(&inner),
        r#"{"errSubject":"uni-probe::sdk","errCode":1504900,"errMsg":"sdk -2"}"#
    );
    let list = ProbeError::List(vec![Sdk(1), Sdk(2)]);
    assert_eq!(list.to_string(), "2 failed");
    assert_eq!(
        wire(&list),
        r#"{"errSubject":"uni-probe","errCode":1504005,"errMsg":"2 failed","cause":{"message":"2 failed","errors":[{"message":"sdk 1","subject":"uni-probe::sdk","code":1504900},{"message":"sdk 2","subject":"uni-probe::sdk","code":1504900}]}}"#
    );
    let maybe = ProbeError::Maybe(Some(std::io::Error::other("gone")));
    assert_eq!(maybe.to_string(), "optional");
    assert_eq!(
        wire(&maybe),
        r#"{"errSubject":"uni-probe","errCode":1504006,"errMsg":"optional","cause":{"message":"gone"}}"#
    );
    let typed = ProbeError::Typed {
        sdk: std::io::Error::from_raw_os_error(2),
    };
    assert_eq!(typed.to_string(), "typed");
    let typed_json = wire(&typed);
    assert!(
        typed_json.starts_with(
            r#"{"errSubject":"uni-probe","errCode":1504007,"errMsg":"typed","cause":{"message":""#
        ) && typed_json.ends_with(r#"","subject":"sdk","code":2}}"#),
        "{typed_json}"
    );
    let boxed = ProbeError::Boxed("dyn".into());
    assert_eq!(boxed.to_string(), "boxed");
    assert_eq!(
        wire(&boxed),
        r#"{"errSubject":"uni-probe","errCode":1504008,"errMsg":"boxed","cause":{"message":"dyn"}}"#
    );
    assert_eq!(
        uni_error::status::grpc_code(&boxed),
        uni_error::status::Code::NotFound
    );
}

macro_rules! generic_error {
    ($name:ident < $($param:ident),* > { $($body:tt)* }) => {
        #[derive(Debug, UniError)]
        #[subject("uni-probe::generic")]
        #[errno(category = 15, sub = 5)]
        pub enum $name < $($param),* > { $($body)* }
    };
}

generic_error!(Generic<E, T> {
    #[errno(code = 1)]
    #[msg("source: {0}")]
    Source(#[source] E),
    #[errno(code = 2)]
    #[msg("data")]
    Data(#[data] T),
    #[errno(code = 3)]
    #[subject("uni-probe::generic")]
    #[msg(transparent)]
    Inner(E),
});

#[test]
fn a_generic_enum_through_macro_rules_derives() {
    let e: Generic<std::io::Error, u8> = Generic::Source(std::io::Error::other("x"));
    assert_eq!(e.to_string(), "source: x");
    assert_eq!(
        wire(&e),
        r#"{"errSubject":"uni-probe::generic","errCode":1505001,"errMsg":"source: x","cause":{"message":"x"}}"#
    );
    let d: Generic<Sdk, [u8; 2]> = Generic::Data([1, 2]);
    assert_eq!(d.to_string(), "data");
    assert_eq!(
        wire(&d),
        r#"{"errSubject":"uni-probe::generic","errCode":1505002,"errMsg":"data","data":[1,2]}"#
    );
    let t: Generic<Sdk, u8> = Generic::Inner(Sdk(4));
    assert_eq!(t.to_string(), "sdk 4");
    assert_eq!(
        wire(&t),
        r#"{"errSubject":"uni-probe::generic","errCode":1505003,"errMsg":"sdk 4"}"#
    );
}

/// The whole item, attributes included, through a macro.
macro_rules! whole_item {
    ($($item:tt)*) => { $($item)* };
}

whole_item! {
    #[derive(Debug, UniError)]
    #[subject("uni-probe::whole")]
    #[errno(1_504_010)]
    #[msg("whole {code} {}", .detail.len())]
    pub struct Whole {
        code: u16,
        detail: String,
        #[source]
        cause: Sdk,
    }
}

#[test]
fn a_whole_struct_through_macro_rules_derives() {
    let e = Whole {
        code: 3,
        detail: "abc".into(),
        cause: Sdk(1),
    };
    assert_eq!(e.to_string(), "whole 3 3");
    assert_eq!(
        wire(&e),
        r#"{"errSubject":"uni-probe::whole","errCode":1504010,"errMsg":"whole 3 3","cause":{"message":"sdk 1","subject":"uni-probe::sdk","code":1504900}}"#
    );
}

// ---------------------------------------------------------------------------
// Names: fields and format arguments that look like generated names.
// ---------------------------------------------------------------------------

#[derive(Debug, UniError)]
#[subject("uni-probe::names")]
#[errno(category = 15, sub = 6)]
pub enum Names {
    /// A field used as a width whose name plus `_count` is another field.
    #[errno(code = 1)]
    #[msg("[{v:>a$}] {a_count}")]
    Width { v: String, a: usize, a_count: u8 },
    /// Fields named like the generated locals.
    #[errno(code = 2)]
    #[msg("{__formatter} {__serializer} {__v} {__f} {__e} {__field_x} {x} {__source}")]
    Locals {
        __formatter: u8,
        __serializer: u8,
        __v: u8,
        __f: u8,
        __e: u8,
        __field_x: u8,
        x: u8,
        #[data]
        __source: u8,
    },
    /// Named arguments named like the generated ones.
    #[errno(code = 3)]
    #[msg("{v:>w$} {__field_v} {__count_w}", __field_v = 1, __count_w = 2)]
    Args { v: u8, w: usize },
    /// A field named `self_` and a source named `source`.
    #[errno(code = 4)]
    #[msg("{self_}")]
    Source { self_: u8, source: std::io::Error },
}

#[test]
fn generated_names_do_not_collide_with_fields_or_arguments() {
    let w = Names::Width {
        v: "x".into(),
        a: 3,
        a_count: 9,
    };
    assert_eq!(w.to_string(), "[  x] 9");
    assert_eq!(
        wire(&w),
        r#"{"errSubject":"uni-probe::names","errCode":1506001,"errMsg":"[  x] 9"}"#
    );
    let l = Names::Locals {
        __formatter: 1,
        __serializer: 2,
        __v: 3,
        __f: 4,
        __e: 5,
        __field_x: 6,
        x: 7,
        __source: 8,
    };
    assert_eq!(l.to_string(), "1 2 3 4 5 6 7 8");
    assert_eq!(
        wire(&l),
        r#"{"errSubject":"uni-probe::names","errCode":1506002,"errMsg":"1 2 3 4 5 6 7 8","data":8}"#
    );
    let a = Names::Args { v: 5, w: 3 };
    assert_eq!(a.to_string(), "  5 1 2");
    assert_eq!(
        wire(&a),
        r#"{"errSubject":"uni-probe::names","errCode":1506003,"errMsg":"  5 1 2"}"#
    );
    let s = Names::Source {
        self_: 4,
        source: std::io::Error::other("io"),
    };
    assert_eq!(s.to_string(), "4");
    assert_eq!(
        wire(&s),
        r#"{"errSubject":"uni-probe::names","errCode":1506004,"errMsg":"4","cause":{"message":"io"}}"#
    );
}

#[derive(Debug, UniError)]
#[subject("uni-probe::raw")]
#[errno(category = 15, sub = 7)]
pub enum r#Raw {
    #[errno(code = 1)]
    #[msg("{r#type} {r#match:?} {}", .r#type.len())]
    r#Kind {
        r#type: String,
        #[source]
        r#match: Option<std::io::Error>,
    },
    #[errno(code = 2)]
    #[msg("{0}")]
    r#Tuple(#[from] std::num::ParseIntError),
}

#[test]
fn raw_identifiers_everywhere() {
    let e = Raw::Kind {
        r#type: "ab".into(),
        r#match: None,
    };
    assert_eq!(e.to_string(), "ab None 2");
    assert_eq!(
        wire(&e),
        r#"{"errSubject":"uni-probe::raw","errCode":1507001,"errMsg":"ab None 2"}"#
    );
    let t: Raw = "x".parse::<u8>().unwrap_err().into();
    assert_eq!(t.to_string(), "invalid digit found in string");
    assert_eq!(
        wire(&t),
        r#"{"errSubject":"uni-probe::raw","errCode":1507002,"errMsg":"invalid digit found in string","cause":{"message":"invalid digit found in string"}}"#
    );
    let entries = <Raw as uni_error::catalog::Catalog>::CATALOG;
    assert_eq!(entries[0].variant(), Some("Kind"));
    assert_eq!(entries[0].type_name(), "Raw");
}

// ---------------------------------------------------------------------------
// Types declared inside functions, `#[cfg]` and `#[cfg_attr]`.
// ---------------------------------------------------------------------------

#[test]
fn types_declared_inside_a_function() {
    #[derive(Debug, UniError)]
    #[subject("uni-probe::local")]
    #[errno(category = 15, sub = 8, code = 1)]
    #[msg("local {n}")]
    struct Local {
        n: u8,
        #[source]
        inner: LocalEnum,
    }

    #[derive(Debug, UniError)]
    #[subject("uni-probe::local")]
    #[errno(category = 15, sub = 8)]
    enum LocalEnum {
        #[errno(code = 2)]
        #[msg("leaf")]
        Leaf,
    }

    let e = Local {
        n: 1,
        inner: LocalEnum::Leaf,
    };
    assert_eq!(e.to_string(), "local 1");
    assert_eq!(
        wire(&e),
        r#"{"errSubject":"uni-probe::local","errCode":1508001,"errMsg":"local 1","cause":{"message":"leaf","subject":"uni-probe::local","code":1508002}}"#
    );
}

#[derive(Debug, UniError)]
#[subject("uni-probe::cfg")]
#[errno(category = 15, sub = 9)]
pub enum Cfg {
    #[errno(code = 1)]
    #[msg("kept {n}")]
    Kept {
        n: u8,
        #[cfg(any())]
        gone: u8,
        #[cfg_attr(all(), source)]
        below: std::io::Error,
    },
    #[cfg(any())]
    #[errno(code = 1)]
    #[msg("compiled out, errno reused")]
    Gone,
    #[cfg_attr(all(), errno(code = 2))]
    #[cfg_attr(all(), msg("attr {0}"))]
    Attr(#[cfg_attr(all(), data)] u8),
}

#[test]
fn cfg_and_cfg_attr_on_variants_and_fields() {
    let k = Cfg::Kept {
        n: 1,
        below: std::io::Error::other("io"),
    };
    assert_eq!(k.to_string(), "kept 1");
    assert_eq!(
        wire(&k),
        r#"{"errSubject":"uni-probe::cfg","errCode":1509001,"errMsg":"kept 1","cause":{"message":"io"}}"#
    );
    let a = Cfg::Attr(3);
    assert_eq!(a.to_string(), "attr 3");
    assert_eq!(
        wire(&a),
        r#"{"errSubject":"uni-probe::cfg","errCode":1509002,"errMsg":"attr 3","data":3}"#
    );
}

// ---------------------------------------------------------------------------
// Shadowed prelude names and `#![no_implicit_prelude]`.
// ---------------------------------------------------------------------------

mod shadowed {
    #![allow(dead_code, unused_imports, non_snake_case)]

    /// Shadows the prelude's `Result`.
    pub type Result<T> = ::core::result::Result<T, ()>;
    /// Shadows the prelude's `Option`.
    pub enum Option {
        Some,
        None,
    }
    /// Shadows `Some`/`None`/`Ok`/`Err` as values.
    pub use self::Option::{None, Some};
    pub const OK: u8 = 0;
    pub fn Ok() {}
    pub fn Err() {}
    /// Shadows `core`, `std`, `serde` and `uni_error` as paths.
    pub mod core {}
    pub mod std {}
    pub mod serde {}
    pub mod uni_error {}
    /// Shadows traits used by method-call syntax.
    pub trait Display {}
    pub trait Iterator {}
    pub trait From {}
    pub trait Into {}

    #[derive(Debug, ::uni_error::UniError)]
    #[subject("uni-probe::shadowed")]
    #[errno(category = 15, sub = 10)]
    #[status(http = 418)]
    pub enum Shadowed {
        #[errno(code = 1)]
        #[msg("list {}", .0.len())]
        List(#[source] ::std::vec::Vec<::std::io::Error>),
        #[errno(code = 2)]
        #[msg("maybe {name:?}")]
        Maybe {
            #[source]
            source: ::std::option::Option<::std::io::Error>,
            #[data]
            name: ::std::option::Option<::std::string::String>,
        },
        #[errno(code = 3)]
        #[msg("from {0}")]
        From(#[from] ::std::fmt::Error),
        #[msg(transparent)]
        Inner(super::Sdk),
    }
}

#[test]
fn shadowed_prelude_names_do_not_reach_the_generated_code() {
    let e = shadowed::Shadowed::Maybe {
        source: None,
        name: Some("n".into()),
    };
    assert_eq!(e.to_string(), r#"maybe Some("n")"#);
    assert_eq!(
        wire(&e),
        r#"{"errSubject":"uni-probe::shadowed","errCode":1510002,"errMsg":"maybe Some(\"n\")","data":"n"}"#
    );
    let l = shadowed::Shadowed::List(vec![std::io::Error::other("a")]);
    assert_eq!(l.to_string(), "list 1");
    assert_eq!(
        wire(&l),
        r#"{"errSubject":"uni-probe::shadowed","errCode":1510001,"errMsg":"list 1","cause":{"message":"list 1","errors":[{"message":"a"}]}}"#
    );
    assert_eq!(uni_error::status::http_status(&l), 418);
}

mod no_prelude {
    #![no_implicit_prelude]

    #[derive(Debug, ::uni_error::UniError)]
    #[subject("uni-probe::bare")]
    #[errno(category = 15, sub = 11)]
    pub enum Bare {
        #[errno(code = 1)]
        #[msg("list of {}", .0.len())]
        List(#[source] ::std::vec::Vec<::std::io::Error>),
        #[errno(code = 2)]
        #[msg("maybe {name:?}")]
        Maybe {
            #[source]
            source: ::std::option::Option<::std::io::Error>,
            #[data]
            name: ::std::option::Option<::std::string::String>,
        },
        #[errno(code = 3)]
        #[msg("from")]
        From(#[from] ::std::fmt::Error),
        #[msg(transparent)]
        Inner(super::Sdk),
    }

    // And through a macro, in the same module.
    macro_rules! bare_error {
        ($($body:tt)*) => {
            #[derive(Debug, ::uni_error::UniError)]
            #[subject("uni-probe::bare")]
            #[errno(category = 15, sub = 12)]
            pub enum BareMacro { $($body)* }
        };
    }
    bare_error! {
        #[errno(code = 1)]
        #[msg("io {0}")]
        Io(#[source] ::std::io::Error),
        #[errno(code = 2)]
        #[msg("data")]
        Data(#[data] ::std::option::Option<u8>),
    }
}

#[test]
fn no_implicit_prelude_directly_and_through_macro_rules() {
    let e = no_prelude::Bare::List(vec![std::io::Error::other("a")]);
    assert_eq!(e.to_string(), "list of 1");
    assert_eq!(
        wire(&e),
        r#"{"errSubject":"uni-probe::bare","errCode":1511001,"errMsg":"list of 1","cause":{"message":"list of 1","errors":[{"message":"a"}]}}"#
    );
    let maybe = no_prelude::Bare::Maybe {
        source: Some(std::io::Error::other("c")),
        name: None,
    };
    assert_eq!(maybe.to_string(), "maybe None");
    assert_eq!(
        wire(&maybe),
        r#"{"errSubject":"uni-probe::bare","errCode":1511002,"errMsg":"maybe None","cause":{"message":"c"}}"#
    );
    let inner = no_prelude::Bare::Inner(Sdk(3));
    assert_eq!(inner.to_string(), "sdk 3");
    assert_eq!(
        wire(&inner),
        r#"{"errSubject":"uni-probe::sdk","errCode":1504900,"errMsg":"sdk 3"}"#
    );
    let m = no_prelude::BareMacro::Io(std::io::Error::other("b"));
    assert_eq!(m.to_string(), "io b");
    assert_eq!(
        wire(&m),
        r#"{"errSubject":"uni-probe::bare","errCode":1512001,"errMsg":"io b","cause":{"message":"b"}}"#
    );
    let d = no_prelude::BareMacro::Data(Some(1));
    assert_eq!(d.to_string(), "data");
    assert_eq!(
        wire(&d),
        r#"{"errSubject":"uni-probe::bare","errCode":1512002,"errMsg":"data","data":1}"#
    );
}

// ---------------------------------------------------------------------------
// Deprecated items under `#![deny(deprecated)]`.
// ---------------------------------------------------------------------------

/// A deprecated type with a deprecated variant and a deprecated field.
#[deprecated = "use NewError"]
#[derive(Debug, UniError)]
#[subject("uni-probe::old")]
#[errno(category = 15, sub = 13)]
pub enum OldError {
    #[deprecated = "use Other"]
    #[errno(code = 1)]
    #[msg("old {0}")]
    Old(#[from] std::fmt::Error),
    #[errno(code = 2)]
    #[msg("other {code} {}", .code)]
    Other {
        #[deprecated = "gone"]
        #[data]
        code: u8,
        #[deprecated = "gone"]
        #[source]
        below: Option<Sdk>,
    },
    #[deprecated = "gone"]
    #[msg(transparent)]
    Inner(Sdk),
}

/// A deprecated struct with a deprecated field.
#[deprecated = "gone"]
#[derive(Debug, UniError)]
#[subject("uni-probe::old")]
#[errno(category = 15, sub = 13, code = 3)]
#[status(grpc = "ABORTED")]
#[msg("old struct {n}")]
pub struct OldStruct {
    #[deprecated = "gone"]
    #[from]
    n: std::num::ParseIntError,
}

#[test]
#[allow(deprecated)]
fn deprecated_items_derive_under_deny_deprecated() {
    let e: OldError = std::fmt::Error.into();
    assert_eq!(
        e.to_string(),
        "old an error occurred when formatting an argument"
    );
    assert_eq!(
        wire(&e),
        r#"{"errSubject":"uni-probe::old","errCode":1513001,"errMsg":"old an error occurred when formatting an argument","cause":{"message":"an error occurred when formatting an argument"}}"#
    );
    let o = OldError::Other {
        code: 4,
        below: Some(Sdk(1)),
    };
    assert_eq!(o.to_string(), "other 4 4");
    assert_eq!(
        wire(&o),
        r#"{"errSubject":"uni-probe::old","errCode":1513002,"errMsg":"other 4 4","data":4,"cause":{"message":"sdk 1","subject":"uni-probe::sdk","code":1504900}}"#
    );
    let i = OldError::Inner(Sdk(6));
    assert_eq!(i.to_string(), "sdk 6");
    assert_eq!(
        wire(&i),
        r#"{"errSubject":"uni-probe::sdk","errCode":1504900,"errMsg":"sdk 6"}"#
    );
    let s = OldStruct::from("x".parse::<u8>().unwrap_err());
    assert_eq!(s.to_string(), "old struct invalid digit found in string");
    assert_eq!(
        wire(&s),
        r#"{"errSubject":"uni-probe::old","errCode":1513003,"errMsg":"old struct invalid digit found in string","cause":{"message":"invalid digit found in string"}}"#
    );
    assert_eq!(
        <OldStruct as uni_error::catalog::Catalog>::CATALOG[0].msg(),
        "old struct {n}"
    );
}

/// A deprecated error type, used only where `#[allow(deprecated)]` says so.
#[deprecated = "use Sdk"]
#[derive(Debug)]
pub struct DeprecatedSdk;

#[allow(deprecated)]
impl std::fmt::Display for DeprecatedSdk {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("deprecated sdk")
    }
}

#[allow(deprecated)]
impl std::error::Error for DeprecatedSdk {}

/// thiserror's `test_deprecated` case: a `#[from]` field whose type is
/// `#[deprecated]`, allowed on the field, compiles under
/// `#![deny(deprecated)]` (the generated `From` names the type too).
#[derive(Debug, UniError)]
#[subject("uni-probe::old")]
#[errno(category = 15, sub = 14)]
pub enum UsesDeprecated {
    #[errno(code = 1)]
    #[msg("wrapped: {0}")]
    Wrapped(
        #[from]
        #[allow(deprecated)]
        DeprecatedSdk,
    ),
    #[errno(code = 2)]
    #[msg("maybe")]
    Maybe {
        #[source]
        #[allow(deprecated)]
        below: Option<DeprecatedSdk>,
        #[data]
        #[allow(deprecated)]
        reading: DeprecatedReading,
    },
    #[msg(transparent)]
    Inner(#[allow(deprecated)] DeprecatedUni),
}

/// A deprecated data type.
#[deprecated = "use Reading"]
#[derive(Debug, serde::Serialize)]
pub struct DeprecatedReading {
    pub value: u8,
}

/// A deprecated uni error, forwarded to by a transparent variant.
#[deprecated = "use Sdk"]
#[derive(Debug, UniError)]
#[subject("uni-probe::old-sdk")]
#[errno(category = 15, sub = 14, code = 900)]
#[msg("old sdk")]
pub struct DeprecatedUni;

/// The same under thiserror, which writes `From`.
#[derive(Debug, thiserror::Error, UniError)]
#[subject("uni-probe::old")]
#[errno(category = 15, sub = 15, code = 1)]
#[error("composed: {0}")]
pub struct ComposedDeprecated(
    #[from]
    #[allow(deprecated)]
    DeprecatedSdk,
);

#[test]
#[allow(deprecated)]
fn a_deprecated_from_type_allowed_on_its_field_derives_under_deny_deprecated() {
    let e: UsesDeprecated = DeprecatedSdk.into();
    assert_eq!(e.to_string(), "wrapped: deprecated sdk");
    assert_eq!(
        wire(&e),
        r#"{"errSubject":"uni-probe::old","errCode":1514001,"errMsg":"wrapped: deprecated sdk","cause":{"message":"deprecated sdk"}}"#
    );
    let m = UsesDeprecated::Maybe {
        below: Some(DeprecatedSdk),
        reading: DeprecatedReading { value: 3 },
    };
    assert_eq!(
        wire(&m),
        r#"{"errSubject":"uni-probe::old","errCode":1514002,"errMsg":"maybe","data":{"value":3},"cause":{"message":"deprecated sdk"}}"#
    );
    let i = UsesDeprecated::Inner(DeprecatedUni);
    assert_eq!(
        wire(&i),
        r#"{"errSubject":"uni-probe::old-sdk","errCode":1514900,"errMsg":"old sdk"}"#
    );
    let c: ComposedDeprecated = DeprecatedSdk.into();
    assert_eq!(
        wire(&c),
        r#"{"errSubject":"uni-probe::old","errCode":1515001,"errMsg":"composed: deprecated sdk","cause":{"message":"deprecated sdk"}}"#
    );
}
