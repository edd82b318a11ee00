//! `#[derive(UniError)]` against exact JSON strings: DESIGN.md's LoginError
//! (every variant), structs, tuple and unit shapes, generics, Display,
//! errnos, `From` with `?`, `source()` walking and `to_error()`.

use std::error::Error as _;
use std::fmt;

use serde::ser::{Serialize, SerializeStruct, Serializer};
use uni_error::{Cause, Errno, UniError};

fn json<T: Serialize + ?Sized>(v: &T) -> String {
    serde_json::to_string(v).unwrap()
}

/// `to_error()` must say exactly what direct serialization says.
fn assert_wire<E: UniError + Serialize>(e: &E, expected: &str) {
    assert_eq!(json(e), expected, "direct serialization");
    assert_eq!(json(&e.to_error()), expected, "through to_error()");
}

#[derive(Debug, UniError)]
#[subject("weixin-sdk")]
#[errno(category = 14, sub = 16, code = 2)]
#[msg("weixin sdk error {code}")]
pub struct WeixinSdkError {
    code: i32,
}

#[derive(Debug, UniError)]
#[subject("uni-login::provider")]
#[errno(category = 15, sub = 4)]
pub enum ProviderError {
    #[errno(code = 101)]
    #[msg("{name} is not installed")]
    NotInstalled { name: &'static str },
    #[errno(code = 102)]
    #[subject("apple-id")]
    #[msg("no network")]
    Offline,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Profile {
    nickname: String,
}

impl Serialize for Profile {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut st = s.serialize_struct("Profile", 1)?;
        st.serialize_field("nickname", &self.nickname)?;
        st.end()
    }
}

// DESIGN.md's contract, verbatim.
#[derive(Debug, UniError)]
#[subject("uni-login")] // errSubject of every variant
#[errno(category = 15, sub = 4)] // optional enum-level defaults
pub enum LoginError {
    /// Shown in the catalog as the variant's description.
    #[errno(code = 3)] // 1504003
    #[msg("NFC is not available: {reason}")]
    NfcUnavailable { reason: String },

    #[errno(category = 0, sub = 0, code = 5)] // 5, WeChat's "time out"
    #[msg("login timed out after {0} ms")]
    Timeout(u64),

    #[errno(category = 14, sub = 16, code = 601)] // 6xx: cross-platform code
    #[subject("uni-login::weixin")] // per-variant override
    #[msg("weixin login failed")]
    Weixin {
        #[source]
        sdk: WeixinSdkError, // -> "cause"
        #[data]
        partial: Option<Profile>, // -> "data" (T: Serialize)
    },

    #[errno(code = 9)]
    #[msg("every provider failed")]
    AllFailed {
        #[source]
        errors: Vec<ProviderError>,
    }, // -> aggregate cause

    #[errno(code = 10)]
    #[msg("storage: {0}")]
    Io(#[from] std::io::Error), // From<io::Error>
}

#[test]
fn login_nfc_unavailable() {
    let e = LoginError::NfcUnavailable {
        reason: "off".into(),
    };
    assert_wire(
        &e,
        r#"{"errSubject":"uni-login","errCode":1504003,"errMsg":"NFC is not available: off"}"#,
    );
    assert_eq!(e.errno(), Errno::new(15, 4, 3).unwrap());
    assert_eq!(e.err_subject(), "uni-login");
    assert!(e.source().is_none());
    assert!(e.err_cause().is_none());
    assert!(e.data().is_none());
}

#[test]
fn login_timeout_is_category_zero() {
    let e = LoginError::Timeout(3000);
    assert_wire(
        &e,
        r#"{"errSubject":"uni-login","errCode":5,"errMsg":"login timed out after 3000 ms"}"#,
    );
    assert_eq!(e.errno(), Errno::TIMEOUT);
}

#[test]
fn login_weixin_with_data_and_uni_cause() {
    let e = LoginError::Weixin {
        sdk: WeixinSdkError { code: -2 },
        partial: Some(Profile {
            nickname: "ann".into(),
        }),
    };
    assert_wire(
        &e,
        concat!(
            r#"{"errSubject":"uni-login::weixin","errCode":1416601,"errMsg":"weixin login failed","#,
            r#""data":{"nickname":"ann"},"#,
            r#""cause":{"message":"weixin sdk error -2","subject":"weixin-sdk","code":1416002}}"#
        ),
    );
    assert_eq!(e.errno().get(), 1_416_601);
    assert_eq!(e.errno().platform(), uni_error::Platform::CrossPlatform);
    assert_eq!(e.data().unwrap(), serde_json::json!({"nickname": "ann"}));
    assert_eq!(e.source().unwrap().to_string(), "weixin sdk error -2");
}

#[test]
fn login_weixin_without_data_omits_the_key() {
    let e = LoginError::Weixin {
        sdk: WeixinSdkError { code: 7 },
        partial: None,
    };
    assert_wire(
        &e,
        concat!(
            r#"{"errSubject":"uni-login::weixin","errCode":1416601,"errMsg":"weixin login failed","#,
            r#""cause":{"message":"weixin sdk error 7","subject":"weixin-sdk","code":1416002}}"#
        ),
    );
    assert_eq!(e.data(), None);
}

#[test]
fn login_all_failed_is_an_aggregate() {
    let e = LoginError::AllFailed {
        errors: vec![
            ProviderError::NotInstalled { name: "weixin" },
            ProviderError::Offline,
        ],
    };
    assert_wire(
        &e,
        concat!(
            r#"{"errSubject":"uni-login","errCode":1504009,"errMsg":"every provider failed","#,
            r#""cause":{"message":"every provider failed","errors":["#,
            r#"{"message":"weixin is not installed","subject":"uni-login::provider","code":1504101},"#,
            r#"{"message":"no network","subject":"apple-id","code":1504102}]}}"#
        ),
    );
    // A list of sources has no single std source.
    assert!(e.source().is_none());
    match e.err_cause() {
        Some(Cause::Aggregate(a)) => assert_eq!(a.errors().len(), 2),
        other => panic!("expected an aggregate, got {other:?}"),
    }
}

#[test]
fn login_io_from_and_std_cause() {
    fn read() -> Result<(), LoginError> {
        Err(std::io::Error::other("disk full"))?;
        Ok(())
    }
    let e = read().unwrap_err();
    assert!(matches!(e, LoginError::Io(_)));
    assert_wire(
        &e,
        r#"{"errSubject":"uni-login","errCode":1504010,"errMsg":"storage: disk full","cause":{"message":"disk full"}}"#,
    );
    assert_eq!(e.source().unwrap().to_string(), "disk full");
}

#[test]
fn question_mark_into_the_owned_error() {
    fn run() -> Result<(), uni_error::Error> {
        Err(LoginError::Timeout(5))?;
        Ok(())
    }
    let e = run().unwrap_err();
    assert_eq!(e.err_subject(), "uni-login");
    assert_eq!(e.code(), 5);
    assert_eq!(e.message(), "login timed out after 5 ms");
}

#[test]
fn dyn_uni_error_works() {
    let errors: Vec<Box<dyn UniError>> = vec![
        Box::new(LoginError::Timeout(1)),
        Box::new(WeixinSdkError { code: 1 }),
    ];
    let codes: Vec<u32> = errors.iter().map(|e| e.errno().get()).collect();
    assert_eq!(codes, [5, 1_416_002]);
}

// --- structs and shapes -----------------------------------------------------

#[derive(Debug, UniError)]
#[subject("uni-getSystemInfo")]
#[errno(1500102)]
#[msg("not available")]
struct Unit;

#[derive(Debug, UniError)]
#[subject("my-plugin-scan")]
#[errno(category = 15, sub = 5, code = 701, platform = "android")]
#[msg("wifi {0} failed with {1:?}")]
struct Tuple(String, Option<i32>);

#[derive(Debug, UniError)]
#[subject("uni-ad")]
#[errno(category = 14, sub = 16, code = 2)]
#[msg("slot {slot:>4} x{:x} ({n})", .slot.len(), n = .slot.len() + 1)]
struct Named {
    slot: String,
    #[data]
    extra: Vec<u8>,
}

/// `.0.1` lexes as `.` and the float literal `0.1`.
#[derive(Debug, UniError)]
#[subject("uni-pair")]
#[errno(1504020)]
#[msg("pair {} and {}, {}", .0.1, .0.0 + 1, .1 .0)]
struct Pair((u8, u16), (char,));

#[test]
fn tuple_fields_of_tuple_fields_in_msg_args() {
    assert_eq!(Pair((3, 7), ('x',)).to_string(), "pair 7 and 4, x");
}

#[test]
fn unit_struct_splits_a_whole_errno() {
    assert_wire(
        &Unit,
        r#"{"errSubject":"uni-getSystemInfo","errCode":1500102,"errMsg":"not available"}"#,
    );
    let e = Unit.errno();
    assert_eq!((e.category(), e.sub(), e.code()), (15, 0, 102));
}

#[test]
fn tuple_struct_with_debug_placeholder() {
    let e = Tuple("home".into(), Some(-1));
    assert_eq!(e.to_string(), "wifi home failed with Some(-1)");
    assert_wire(
        &e,
        r#"{"errSubject":"my-plugin-scan","errCode":1505701,"errMsg":"wifi home failed with Some(-1)"}"#,
    );
}

#[test]
fn extra_arguments_and_format_specs() {
    let e = Named {
        slot: "ab".into(),
        extra: vec![1, 2],
    };
    assert_eq!(e.to_string(), "slot   ab x2 (3)");
    assert_wire(
        &e,
        r#"{"errSubject":"uni-ad","errCode":1416002,"errMsg":"slot   ab x2 (3)","data":[1,2]}"#,
    );
}

#[derive(Debug, UniError)]
#[subject("uni-push")]
#[errno(category = 6, sub = 2)]
enum Shapes {
    #[errno(code = 1)]
    #[msg("unit")]
    Unit,
    #[errno(code = 2)]
    #[msg("tuple {0} {1}")]
    Tuple(u8, char),
    #[errno(code = 3)]
    #[msg("named {b} of {a}")]
    Named { a: u8, b: u8 },
    #[errno(code = 4)]
    #[msg("maybe")]
    Maybe(#[source] Option<std::io::Error>),
    #[errno(code = 5)]
    #[msg("boxed")]
    Boxed {
        source: Box<dyn std::error::Error + Send + Sync>,
    },
}

#[test]
fn unit_tuple_named_variants() {
    assert_eq!(Shapes::Unit.to_string(), "unit");
    assert_eq!(Shapes::Tuple(1, 'x').to_string(), "tuple 1 x");
    assert_eq!(Shapes::Named { a: 1, b: 2 }.to_string(), "named 2 of 1");
    assert_eq!(Shapes::Unit.errno().get(), 602_001);
    assert_eq!(Shapes::Named { a: 0, b: 0 }.errno().get(), 602_003);
    assert_wire(
        &Shapes::Tuple(7, 'y'),
        r#"{"errSubject":"uni-push","errCode":602002,"errMsg":"tuple 7 y"}"#,
    );
}

#[test]
fn optional_source_and_boxed_dyn_source() {
    let none = Shapes::Maybe(None);
    assert!(none.source().is_none());
    assert_wire(
        &none,
        r#"{"errSubject":"uni-push","errCode":602004,"errMsg":"maybe"}"#,
    );
    let some = Shapes::Maybe(Some(std::io::Error::other("eof")));
    assert_eq!(some.source().unwrap().to_string(), "eof");
    assert_wire(
        &some,
        r#"{"errSubject":"uni-push","errCode":602004,"errMsg":"maybe","cause":{"message":"eof"}}"#,
    );
    // A field named `source` is the source, as in thiserror.
    let boxed = Shapes::Boxed {
        source: "dyn failure".into(),
    };
    assert_eq!(boxed.source().unwrap().to_string(), "dyn failure");
    assert_wire(
        &boxed,
        r#"{"errSubject":"uni-push","errCode":602005,"errMsg":"boxed","cause":{"message":"dyn failure"}}"#,
    );
}

// --- source chains ----------------------------------------------------------

#[derive(Debug)]
struct Lower;
impl fmt::Display for Lower {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("lower")
    }
}
impl std::error::Error for Lower {}

#[derive(Debug, UniError)]
#[subject("uni-mid")]
#[errno(1)]
#[msg("middle")]
struct Middle(#[source] Lower);

#[derive(Debug, UniError)]
#[subject("uni-top")]
#[errno(4)]
#[msg("top")]
struct Top {
    #[from]
    middle: Middle,
}

#[test]
fn source_walks_the_chain() {
    let top: Top = Middle(Lower).into();
    let mut messages = vec![top.to_string()];
    let mut next = top.source();
    while let Some(e) = next {
        messages.push(e.to_string());
        next = e.source();
    }
    assert_eq!(messages, ["top", "middle", "lower"]);
    assert_wire(
        &top,
        concat!(
            r#"{"errSubject":"uni-top","errCode":4,"errMsg":"top","#,
            r#""cause":{"message":"middle","subject":"uni-mid","code":1,"cause":{"message":"lower"}}}"#
        ),
    );
}

// --- generics ---------------------------------------------------------------

#[derive(Debug, UniError)]
#[subject("uni-generic")]
#[errno(category = 1, sub = 0)]
enum Generic<E, D, M> {
    #[errno(code = 1)]
    #[msg("failed: {0}")]
    Source(#[source] E),
    #[errno(code = 2)]
    #[msg("with data {shown}")]
    Data {
        #[data]
        value: D,
        shown: M,
    },
}

#[derive(Debug, UniError)]
#[subject("uni-bounded")]
#[errno(7)]
#[msg("bounded")]
struct Bounded<E: UniError + 'static> {
    #[source]
    inner: E,
}

#[test]
fn generic_type_parameters_get_inferred_bounds() {
    type G = Generic<std::io::Error, Vec<u32>, &'static str>;
    let e: G = Generic::Source(std::io::Error::other("inner"));
    assert_eq!(e.to_string(), "failed: inner");
    assert_wire(
        &e,
        r#"{"errSubject":"uni-generic","errCode":100001,"errMsg":"failed: inner","cause":{"message":"inner"}}"#,
    );
    let d: G = Generic::Data {
        value: vec![1, 2],
        shown: "x",
    };
    assert_wire(
        &d,
        r#"{"errSubject":"uni-generic","errCode":100002,"errMsg":"with data x","data":[1,2]}"#,
    );
}

#[test]
fn generic_source_takes_the_plain_path_unless_bounded_by_uni_error() {
    // Unbounded: even a uni source is a plain std error (documented).
    let plain: Generic<Unit, (), &str> = Generic::Source(Unit);
    assert_eq!(
        json(&plain),
        r#"{"errSubject":"uni-generic","errCode":100001,"errMsg":"failed: not available","cause":{"message":"not available"}}"#
    );
    // Bounded by UniError: keeps subject and code.
    let bounded = Bounded { inner: Unit };
    assert_eq!(
        json(&bounded),
        r#"{"errSubject":"uni-bounded","errCode":7,"errMsg":"bounded","cause":{"message":"not available","subject":"uni-getSystemInfo","code":1500102}}"#
    );
}

// --- composing with a hand-written Display ----------------------------------

#[derive(Debug, UniError)]
#[subject("uni-verify")]
#[errno(category = 1, sub = 3)]
enum OwnDisplay {
    #[errno(code = 1)]
    A,
    #[errno(code = 2)]
    B(#[source] std::io::Error),
}

impl fmt::Display for OwnDisplay {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            OwnDisplay::A => f.write_str("my own a"),
            OwnDisplay::B(_) => f.write_str("my own b"),
        }
    }
}

#[test]
fn without_msg_the_users_display_is_kept() {
    assert_wire(
        &OwnDisplay::A,
        r#"{"errSubject":"uni-verify","errCode":103001,"errMsg":"my own a"}"#,
    );
    // The derive writes Error, so source() agrees with the JSON cause.
    let b = OwnDisplay::B(std::io::Error::other("io"));
    assert_eq!(
        std::error::Error::source(&b)
            .map(ToString::to_string)
            .as_deref(),
        Some("io")
    );
    assert!(std::error::Error::source(&OwnDisplay::A).is_none());
    assert_wire(
        &b,
        r#"{"errSubject":"uni-verify","errCode":103002,"errMsg":"my own b","cause":{"message":"io"}}"#,
    );
}

// --- edge cases ---------------------------------------------------------------

#[derive(Debug, UniError)]
#[subject("uni-edge")]
#[errno(category = 9, sub = 9)]
enum Edge {
    #[errno(code = 1)]
    #[msg("{{literal}} braces")]
    Braces,
    #[errno(code = 2)]
    #[msg("{0} and {1}", "first", "second")]
    PositionalArgs {
        #[data]
        count: u8,
    },
    #[errno(code = 3)]
    #[msg("owned")]
    Owned(#[source] uni_error::Error),
    #[errno(code = 904, platform = "web")]
    #[msg("hex {0:#x} width {0:>5}")]
    Hex(u32),
}

#[test]
fn escaped_braces_and_positional_extra_arguments() {
    assert_eq!(Edge::Braces.to_string(), "{literal} braces");
    assert_eq!(
        Edge::PositionalArgs { count: 0 }.to_string(),
        "first and second"
    );
    assert_eq!(Edge::Hex(255).to_string(), "hex 0xff width   255");
    assert_eq!(Edge::Hex(0).errno().get(), 909_904);
}

#[test]
fn an_owned_uni_error_source_keeps_its_subject_and_code() {
    let e = Edge::Owned(uni_error::Error::new("csj", -404_012, "no fill"));
    assert_wire(
        &e,
        r#"{"errSubject":"uni-edge","errCode":909003,"errMsg":"owned","cause":{"message":"no fill","subject":"csj","code":-404012}}"#,
    );
    assert_eq!(e.source().unwrap().to_string(), "no fill");
}

// --- catalog ------------------------------------------------------------------

#[test]
fn catalog_lists_every_variant_as_written() {
    use uni_error::catalog::{Catalog, CatalogSet};
    let rows: Vec<(String, u32, &str, &str, &str)> = LoginError::CATALOG
        .iter()
        .map(|e| {
            (
                e.to_string(),
                e.errno().get(),
                e.subject(),
                e.msg(),
                e.doc(),
            )
        })
        .collect();
    assert_eq!(
        rows,
        [
            (
                "LoginError::NfcUnavailable".to_owned(),
                1_504_003,
                "uni-login",
                "NFC is not available: {reason}",
                "Shown in the catalog as the variant's description."
            ),
            (
                "LoginError::Timeout".to_owned(),
                5,
                "uni-login",
                "login timed out after {0} ms",
                ""
            ),
            (
                "LoginError::Weixin".to_owned(),
                1_416_601,
                "uni-login::weixin",
                "weixin login failed",
                ""
            ),
            (
                "LoginError::AllFailed".to_owned(),
                1_504_009,
                "uni-login",
                "every provider failed",
                ""
            ),
            (
                "LoginError::Io".to_owned(),
                1_504_010,
                "uni-login",
                "storage: {0}",
                ""
            ),
        ]
    );
    let unit = &Unit::CATALOG[0];
    assert_eq!((unit.type_name(), unit.variant()), ("Unit", None));
    // A type without #[msg] lists an empty template.
    assert_eq!(OwnDisplay::CATALOG[0].msg(), "");
    CatalogSet::new()
        .with::<LoginError>()
        .with::<ProviderError>()
        .with::<WeixinSdkError>()
        .check()
        .unwrap();
}

// --- labelled third-party sources ---------------------------------------------

#[derive(Debug, UniError)]
#[subject("uni-ad")]
#[errno(category = 14, sub = 16)]
enum AdError {
    #[errno(code = 601)]
    #[msg("no ad could be shown")]
    NoFill(#[source(subject = "csj")] std::io::Error),
    #[errno(code = 602)]
    #[msg("every network failed")]
    AllFailed {
        #[source(subject = "sdk")]
        errors: Vec<std::io::Error>,
    },
    #[errno(code = 603)]
    #[msg("uni source keeps its own subject")]
    Uni(#[from(subject = "ignored")] WeixinSdkError),
}

#[test]
fn source_subject_labels_a_third_party_cause() {
    assert_wire(
        &AdError::NoFill(std::io::Error::other("no fill")),
        r#"{"errSubject":"uni-ad","errCode":1416601,"errMsg":"no ad could be shown","cause":{"message":"no fill","subject":"csj"}}"#,
    );
    assert_wire(
        &AdError::AllFailed {
            errors: vec![std::io::Error::other("a"), std::io::Error::other("b")],
        },
        concat!(
            r#"{"errSubject":"uni-ad","errCode":1416602,"errMsg":"every network failed","#,
            r#""cause":{"message":"every network failed","errors":["#,
            r#"{"message":"a","subject":"sdk"},{"message":"b","subject":"sdk"}]}}"#
        ),
    );
    let uni: AdError = WeixinSdkError { code: 3 }.into();
    assert_wire(
        &uni,
        concat!(
            r#"{"errSubject":"uni-ad","errCode":1416603,"errMsg":"uni source keeps its own subject","#,
            r#""cause":{"message":"weixin sdk error 3","subject":"weixin-sdk","code":1416002}}"#
        ),
    );
}

#[derive(Debug, UniError)]
#[subject("uni-fmt")]
#[errno(5)]
#[msg("[{name:>width$}] [{x:.prec$}] width {width}")]
struct Widths {
    name: &'static str,
    width: usize,
    x: f64,
    prec: usize,
}

#[test]
fn fields_as_width_and_precision() {
    let e = Widths {
        name: "ab",
        width: 5,
        x: 1.23456,
        prec: 2,
    };
    assert_eq!(e.to_string(), "[   ab] [1.23] width 5");
}

// ---------------------------------------------------------------------------
// #[msg(transparent)]

#[derive(Debug, UniError)]
#[subject("uni-app")]
#[errno(category = 15, sub = 5)]
pub enum AppError {
    /// Forwards everything: the wire form is the login error's.
    #[msg(transparent)]
    Login(#[from] LoginError),
    /// Keeps the inner message and chain, with its own errno.
    #[errno(code = 1)]
    #[msg(transparent)]
    Provider(ProviderError),
    /// A plain error needs its own errno and subject.
    #[errno(code = 2)]
    #[subject("uni-app::io")]
    #[msg(transparent)]
    Io(std::io::Error),
    #[errno(code = 3)]
    #[subject("uni-app::boxed")]
    #[msg(transparent)]
    Boxed(Box<dyn std::error::Error + Send + Sync>),
    #[errno(code = 4)]
    #[msg("plain")]
    Plain,
}

#[derive(Debug)]
struct WithSource(std::io::Error);
impl fmt::Display for WithSource {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("outer io")
    }
}
impl std::error::Error for WithSource {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        Some(&self.0)
    }
}

#[test]
fn transparent_forwards_the_whole_wire_form() {
    let inner = LoginError::Weixin {
        sdk: WeixinSdkError { code: -2 },
        partial: Some(Profile {
            nickname: "ann".into(),
        }),
    };
    let expected = json(&inner);
    let e = AppError::from(inner);
    assert_wire(&e, &expected);
    assert_eq!(e.to_string(), "weixin login failed");
    assert_eq!(e.errno().get(), 1_416_601);
    assert_eq!(e.err_subject(), "uni-login::weixin");
    assert_eq!(e.data().unwrap(), serde_json::json!({"nickname": "ann"}));
    // source() is the inner error's source, not the inner error.
    assert_eq!(e.source().unwrap().to_string(), "weixin sdk error -2");
}

#[test]
fn transparent_with_its_own_errno_keeps_the_inner_subject() {
    let e = AppError::Provider(ProviderError::NotInstalled { name: "qq" });
    assert_wire(
        &e,
        r#"{"errSubject":"uni-login::provider","errCode":1505001,"errMsg":"qq is not installed"}"#,
    );
    // The enum's #[subject] does not override the inner error's.
    assert_eq!(AppError::Plain.err_subject(), "uni-app");
}

#[test]
fn transparent_over_a_plain_error_forwards_message_and_chain() {
    let e = AppError::Io(std::io::Error::other(WithSource(std::io::Error::other(
        "disk full",
    ))));
    assert_wire(
        &e,
        concat!(
            r#"{"errSubject":"uni-app::io","errCode":1505002,"errMsg":"outer io","#,
            r#""cause":{"message":"disk full"}}"#
        ),
    );
    assert_eq!(e.source().unwrap().to_string(), "disk full");
    let e = AppError::Boxed("boxed".into());
    assert_wire(
        &e,
        r#"{"errSubject":"uni-app::boxed","errCode":1505003,"errMsg":"boxed"}"#,
    );
    assert!(e.source().is_none());
}

#[test]
fn transparent_variants_without_errno_are_not_in_the_catalog() {
    use uni_error::catalog::Catalog;
    let names: Vec<_> = AppError::CATALOG.iter().map(|e| e.to_string()).collect();
    assert_eq!(
        names,
        [
            "AppError::Provider",
            "AppError::Io",
            "AppError::Boxed",
            "AppError::Plain"
        ]
    );
    assert_eq!(AppError::CATALOG[0].msg(), "");
}

#[derive(Debug, UniError)]
#[msg(transparent)]
pub struct Wrapper(ProviderError);

#[derive(Debug, UniError)]
#[subject("uni-generic")]
#[msg(transparent)]
pub struct GenericWrapper<E>(E);

#[test]
fn transparent_structs_forward_too() {
    let e = Wrapper(ProviderError::Offline);
    assert_wire(
        &e,
        r#"{"errSubject":"apple-id","errCode":1504102,"errMsg":"no network"}"#,
    );
    let e = GenericWrapper(ProviderError::Offline);
    assert_wire(
        &e,
        r#"{"errSubject":"uni-generic","errCode":1504102,"errMsg":"no network"}"#,
    );
}

// ---------------------------------------------------------------------------
// #[source(code = ..)]

#[derive(Debug)]
pub struct SdkError {
    code: i64,
}
impl fmt::Display for SdkError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "sdk said {}", self.code)
    }
}
impl std::error::Error for SdkError {}

fn sdk_code(e: &SdkError) -> Option<i64> {
    (e.code != 0).then_some(e.code)
}

mod sdk {
    pub fn io_code(e: &std::io::Error) -> Option<i64> {
        e.raw_os_error().map(i64::from)
    }
}

#[derive(Debug, UniError)]
#[subject("uni-ad")]
#[errno(category = 14, sub = 16)]
pub enum SdkAdError {
    #[errno(code = 601)]
    #[msg("no fill")]
    NoFill(#[source(subject = "csj", code = sdk_code)] SdkError),
    #[errno(code = 602)]
    #[msg("all failed")]
    AllFailed(#[source(code = sdk_code)] Vec<SdkError>),
    #[errno(code = 603)]
    #[msg("maybe")]
    Maybe(#[source(code = crate::sdk_code, subject = "gdt")] Option<SdkError>),
    #[errno(code = 604)]
    #[msg("os")]
    Os(#[from(code = sdk::io_code)] std::io::Error),
}

#[test]
fn source_code_reads_the_sdk_code_per_error() {
    assert_wire(
        &SdkAdError::NoFill(SdkError { code: -404012 }),
        concat!(
            r#"{"errSubject":"uni-ad","errCode":1416601,"errMsg":"no fill","#,
            r#""cause":{"message":"sdk said -404012","subject":"csj","code":-404012}}"#
        ),
    );
    assert_wire(
        &SdkAdError::NoFill(SdkError { code: 0 }),
        concat!(
            r#"{"errSubject":"uni-ad","errCode":1416601,"errMsg":"no fill","#,
            r#""cause":{"message":"sdk said 0","subject":"csj"}}"#
        ),
    );
    assert_wire(
        &SdkAdError::AllFailed(vec![SdkError { code: 1 }, SdkError { code: 0 }]),
        concat!(
            r#"{"errSubject":"uni-ad","errCode":1416602,"errMsg":"all failed","#,
            r#""cause":{"message":"all failed","errors":["#,
            r#"{"message":"sdk said 1","code":1},{"message":"sdk said 0"}]}}"#
        ),
    );
    assert_wire(
        &SdkAdError::Maybe(Some(SdkError { code: 7 })),
        concat!(
            r#"{"errSubject":"uni-ad","errCode":1416603,"errMsg":"maybe","#,
            r#""cause":{"message":"sdk said 7","subject":"gdt","code":7}}"#
        ),
    );
    assert_wire(
        &SdkAdError::from(std::io::Error::from_raw_os_error(2)),
        &format!(
            concat!(
                r#"{{"errSubject":"uni-ad","errCode":1416604,"errMsg":"os","#,
                r#""cause":{{"message":{},"code":2}}}}"#
            ),
            json(&std::io::Error::from_raw_os_error(2).to_string())
        ),
    );
}

// ---------------------------------------------------------------------------
// #[status(..)]

#[derive(Debug, UniError)]
#[subject("uni-openDocument")]
#[errno(category = 13, sub = 0)]
#[status(grpc = "UNAVAILABLE")]
pub enum DocError {
    #[errno(code = 2)]
    #[status(grpc = "NOT_FOUND", http = 410)]
    #[msg("no such file")]
    Missing,
    #[errno(code = 3)]
    #[status(http = 418)]
    #[msg("teapot")]
    Teapot,
    #[errno(code = 4)]
    #[msg("busy")]
    Busy,
    #[msg(transparent)]
    Inner(#[from] Box<NotFoundStruct>),
}

#[derive(Debug, UniError)]
#[uni(crate = "::uni_error")]
#[subject("uni-openDocument")]
#[errno(1300009)]
#[status(grpc = "PERMISSION_DENIED")]
#[msg("denied")]
pub struct NotFoundStruct;

#[test]
fn status_overrides_the_google_mapping() {
    use uni_error::status;
    use uni_error::status::{Code, StatusOverride};
    assert_eq!(
        DocError::Missing.status_override(),
        Some(StatusOverride {
            grpc: Some(Code::NotFound),
            http: Some(410)
        })
    );
    assert_eq!(status::grpc_code(&DocError::Missing), Code::NotFound);
    assert_eq!(status::http_status(&DocError::Missing), 410);
    // A variant's #[status] replaces the enum's whole: no grpc given here.
    assert_eq!(
        DocError::Teapot.status_override(),
        Some(StatusOverride {
            grpc: None,
            http: Some(418)
        })
    );
    assert_eq!(status::http_status(&DocError::Teapot), 418);
    // The enum's #[status] is the default.
    assert_eq!(status::grpc_code(&DocError::Busy), Code::Unavailable);
    assert_eq!(status::http_status(&DocError::Busy), 503);
    // A transparent variant forwards its field's.
    let inner = DocError::from(Box::new(NotFoundStruct));
    assert_eq!(status::grpc_code(&inner), Code::PermissionDenied);
    assert_eq!(status::grpc_code(&NotFoundStruct), Code::PermissionDenied);
    assert_eq!(
        json(&uni_error::google::Status::from_uni(&DocError::Missing)),
        concat!(
            r#"{"code":5,"message":"no such file","details":[{"#,
            r#""@type":"type.googleapis.com/google.rpc.ErrorInfo","reason":"MISSING","domain":"uni-openDocument","#,
            r#""metadata":{"errCode":"1300002"}}]}"#
        )
    );
}

#[test]
fn without_status_the_default_mapping_stays() {
    use uni_error::status;
    assert_eq!(ProviderError::Offline.status_override(), None);
    assert_eq!(
        status::grpc_code(&ProviderError::Offline),
        status::Code::from_errno(ProviderError::Offline.errno())
    );
}

/// Every google.rpc name the derive accepts is the `Code` of that name.
#[derive(Debug, UniError)]
#[subject("uni-codes")]
#[errno(category = 13, sub = 9)]
pub enum AllCodes {
    #[errno(code = 0)]
    #[status(grpc = "OK")]
    #[msg("")]
    A0,
    #[errno(code = 1)]
    #[status(grpc = "CANCELLED")]
    #[msg("")]
    A1,
    #[errno(code = 2)]
    #[status(grpc = "UNKNOWN")]
    #[msg("")]
    A2,
    #[errno(code = 3)]
    #[status(grpc = "INVALID_ARGUMENT")]
    #[msg("")]
    A3,
    #[errno(code = 4)]
    #[status(grpc = "DEADLINE_EXCEEDED")]
    #[msg("")]
    A4,
    #[errno(code = 5)]
    #[status(grpc = "NOT_FOUND")]
    #[msg("")]
    A5,
    #[errno(code = 6)]
    #[status(grpc = "ALREADY_EXISTS")]
    #[msg("")]
    A6,
    #[errno(code = 7)]
    #[status(grpc = "PERMISSION_DENIED")]
    #[msg("")]
    A7,
    #[errno(code = 8)]
    #[status(grpc = "RESOURCE_EXHAUSTED")]
    #[msg("")]
    A8,
    #[errno(code = 9)]
    #[status(grpc = "FAILED_PRECONDITION")]
    #[msg("")]
    A9,
    #[errno(code = 10)]
    #[status(grpc = "ABORTED")]
    #[msg("")]
    A10,
    #[errno(code = 11)]
    #[status(grpc = "OUT_OF_RANGE")]
    #[msg("")]
    A11,
    #[errno(code = 12)]
    #[status(grpc = "UNIMPLEMENTED")]
    #[msg("")]
    A12,
    #[errno(code = 13)]
    #[status(grpc = "INTERNAL")]
    #[msg("")]
    A13,
    #[errno(code = 14)]
    #[status(grpc = "UNAVAILABLE")]
    #[msg("")]
    A14,
    #[errno(code = 15)]
    #[status(grpc = "DATA_LOSS")]
    #[msg("")]
    A15,
    #[errno(code = 16)]
    #[status(grpc = "UNAUTHENTICATED", http = 599)]
    #[msg("")]
    A16,
}

#[test]
fn every_grpc_name_maps_to_the_code_of_that_name() {
    use uni_error::status::Code;
    let all = [
        AllCodes::A0,
        AllCodes::A1,
        AllCodes::A2,
        AllCodes::A3,
        AllCodes::A4,
        AllCodes::A5,
        AllCodes::A6,
        AllCodes::A7,
        AllCodes::A8,
        AllCodes::A9,
        AllCodes::A10,
        AllCodes::A11,
        AllCodes::A12,
        AllCodes::A13,
        AllCodes::A14,
        AllCodes::A15,
        AllCodes::A16,
    ];
    for (e, code) in all.iter().zip(Code::ALL) {
        let over = e.status_override().unwrap();
        assert_eq!(over.grpc, Some(code), "{e:?}");
        assert_eq!(u32::from(e.errno().code()), code.value().unsigned_abs());
    }
    assert_eq!(AllCodes::A16.status_override().unwrap().http, Some(599));
    assert_eq!(AllCodes::A0.status_override().unwrap().http, None);
}

/// The owned `uni_error::Error` has no static errno: a transparent wrapper
/// gives its own, and forwards the message, data and cause.
#[derive(Debug, UniError)]
#[subject("uni-remote")]
#[errno(category = 13, sub = 8, code = 1)]
#[msg(transparent)]
pub struct Remote(uni_error::Error);

#[test]
fn transparent_over_the_owned_error_forwards_message_data_and_cause() {
    let inner = uni_error::Error::new("csj", -404_012, "no fill")
        .with_data(serde_json::json!({"slot": 7}))
        .with_cause(uni_error::SourceError::new("upstream"));
    assert_wire(
        &Remote(inner),
        concat!(
            r#"{"errSubject":"uni-remote","errCode":1308001,"errMsg":"no fill","#,
            r#""data":{"slot":7},"cause":{"message":"upstream"}}"#
        ),
    );
}
