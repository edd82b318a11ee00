//! Property test: every path from a derived error to the wire gives the same
//! bytes. Arbitrary error shapes (every kind of source: derived, transparent
//! over `uni_error::Error` with any i64 code, `Box`/`Arc<dyn UniError>`,
//! `Arc<T>`, `Option`, `Vec`, a plain `std` chain, `anyhow`, a labelled
//! `#[source(subject, code)]`, `#[data]`, an owned `Error`; nested to random
//! depth, now and then past the depth cut) are written through
//!
//! - the derived `Serialize` (streamed),
//! - `to_error()` (by reference), `into_error()`, `Error::from` and `?` (by
//!   value), and the same through `Box<dyn UniError>`,
//! - `err_cause()`, against the `cause` of each of those,
//! - `Public`, and the google.rpc `Status`,
//!
//! and every one must give byte-identical JSON.
//!
//! The case count is bounded for CI; raise it locally with
//! `PROPTEST_CASES=20000 cargo test -p uni-error-tests --test prop_paths`.

use std::sync::Arc;

use proptest::prelude::*;
use uni_error::google::Status;
use uni_error::{Cause, Error, Json, Public, UniError};

/// A plain error with a `source()` chain, and a code for a labelled source.
#[derive(Debug, Clone)]
struct Plain {
    message: String,
    code: Option<i64>,
    below: Option<Box<Plain>>,
}

impl std::fmt::Display for Plain {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Plain {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        self.below.as_deref().map(|b| b as _)
    }
}

fn plain_code(e: &Plain) -> Option<i64> {
    e.code
}

/// One type with a variant per kind of source, its sources themselves
/// `Node`s (or made from them), so a shape nests to any depth.
#[derive(Debug, UniError)]
#[subject("uni-prop")]
#[errno(category = 15, sub = 4)]
enum Node {
    #[errno(code = 1)]
    #[msg("leaf {0}")]
    Leaf(String),
    #[errno(code = 2)]
    #[msg("derived")]
    Derived(#[source] Box<Node>),
    #[msg(transparent)]
    Transparent(Error),
    #[msg(transparent)]
    TransparentDerived(Box<Node>),
    #[errno(code = 3)]
    #[msg("dyn box")]
    DynBox(#[source] Box<dyn UniError + Send + Sync>),
    #[errno(code = 4)]
    #[msg("dyn arc")]
    DynArc(#[source] Arc<dyn UniError + Send + Sync>),
    #[errno(code = 5)]
    #[msg("arc")]
    ArcT(#[source] Arc<Node>),
    #[errno(code = 6)]
    #[msg("maybe")]
    Opt(#[source] Option<Box<Node>>),
    #[errno(code = 7)]
    #[msg("{} errors", .0.len())]
    List(#[source] Vec<Node>),
    #[errno(code = 8)]
    #[msg("plain")]
    Std(#[source] Plain),
    #[errno(code = 9)]
    #[msg("anyhow")]
    Anyhow(#[source] anyhow::Error),
    #[errno(code = 10)]
    #[msg("labelled")]
    Labelled(#[source(subject = "sdk", code = plain_code)] Plain),
    #[errno(code = 11)]
    #[msg("with data")]
    Data {
        #[data]
        data: serde_json::Value,
        #[source]
        source: Box<Node>,
    },
    #[errno(code = 12)]
    #[msg("owned")]
    Owned(#[source] Error),
}

/// What a `Node` is built from: plain data, so a case can be built twice
/// (a `Node` holding a `Box<dyn UniError>` cannot be cloned).
#[derive(Debug, Clone)]
enum Plan {
    Leaf(String),
    Derived(Box<Plan>),
    /// A transparent variant over `Error::new(subject, code, message)`,
    /// with the error of the plan below as its cause.
    Transparent(String, i64, String, Option<Box<Plan>>),
    TransparentDerived(Box<Plan>),
    DynBox(Box<Plan>),
    DynArc(Box<Plan>),
    ArcT(Box<Plan>),
    Opt(Option<Box<Plan>>),
    List(Vec<Plan>),
    Std(Vec<(String, Option<i64>)>),
    Anyhow(Vec<(String, Option<i64>)>),
    Labelled(Vec<(String, Option<i64>)>),
    Data(serde_json::Value, Box<Plan>),
    Owned(
        String,
        i64,
        String,
        Option<serde_json::Value>,
        Option<Box<Plan>>,
    ),
}

fn chain(links: &[(String, Option<i64>)]) -> Plain {
    let mut built: Option<Plain> = None;
    for (message, code) in links.iter().rev() {
        built = Some(Plain {
            message: message.clone(),
            code: *code,
            below: built.map(Box::new),
        });
    }
    built.unwrap_or(Plain {
        message: String::new(),
        code: None,
        below: None,
    })
}

fn owned(subject: &str, code: i64, message: &str, below: Option<&Plan>) -> Error {
    let error = Error::new(subject, code, message);
    match below {
        Some(p) => error.with_cause(Error::from(build(p))),
        None => error,
    }
}

fn build(plan: &Plan) -> Node {
    let boxed = |p: &Plan| Box::new(build(p));
    match plan {
        Plan::Leaf(s) => Node::Leaf(s.clone()),
        Plan::Derived(p) => Node::Derived(boxed(p)),
        Plan::Transparent(subject, code, message, below) => {
            Node::Transparent(owned(subject, *code, message, below.as_deref()))
        }
        Plan::TransparentDerived(p) => Node::TransparentDerived(boxed(p)),
        Plan::DynBox(p) => Node::DynBox(boxed(p)),
        Plan::DynArc(p) => Node::DynArc(Arc::new(build(p))),
        Plan::ArcT(p) => Node::ArcT(Arc::new(build(p))),
        Plan::Opt(p) => Node::Opt(p.as_deref().map(boxed)),
        Plan::List(ps) => Node::List(ps.iter().map(build).collect()),
        Plan::Std(links) => Node::Std(chain(links)),
        Plan::Anyhow(links) => Node::Anyhow(anyhow::Error::new(chain(links))),
        Plan::Labelled(links) => Node::Labelled(chain(links)),
        Plan::Data(data, p) => Node::Data {
            data: data.clone(),
            source: boxed(p),
        },
        Plan::Owned(subject, code, message, data, below) => {
            let mut error = owned(subject, *code, message, below.as_deref());
            if let Some(data) = data {
                error = error.with_data(data.clone());
            }
            Node::Owned(error)
        }
    }
}

fn text() -> impl Strategy<Value = String> {
    // Any text, quotes and control characters included, kept short.
    "\\PC{0,6}|[\"\\\\\n\t]{0,3}|[\u{0}-\u{1f}\u{7f}\u{2028}登录失败]{0,5}"
}

fn data() -> impl Strategy<Value = serde_json::Value> {
    prop_oneof![
        any::<i64>().prop_map(serde_json::Value::from),
        text().prop_map(serde_json::Value::from),
        (text(), any::<bool>()).prop_map(|(k, v)| serde_json::json!({ k: v, "n": [1, null] })),
    ]
}

/// A `source()` chain: mostly short, now and then deeper than the 127
/// JSON levels the writers cut at.
fn links() -> impl Strategy<Value = Vec<(String, Option<i64>)>> {
    let link = || (text(), any::<Option<i64>>());
    prop_oneof![
        9 => prop::collection::vec(link(), 1..4),
        1 => prop::collection::vec(link(), 120..140),
    ]
}

fn subject() -> impl Strategy<Value = String> {
    "[a-z][a-z0-9-]{0,8}"
}

fn plan() -> impl Strategy<Value = Plan> {
    let leaf = prop_oneof![
        text().prop_map(Plan::Leaf),
        (subject(), any::<i64>(), text()).prop_map(|(s, c, m)| Plan::Transparent(s, c, m, None)),
        links().prop_map(Plan::Std),
        links().prop_map(Plan::Anyhow),
        links().prop_map(Plan::Labelled),
        Just(Plan::Opt(None)),
        Just(Plan::List(Vec::new())),
        (subject(), any::<i64>(), text(), prop::option::of(data()))
            .prop_map(|(s, c, m, d)| Plan::Owned(s, c, m, d, None)),
    ];
    leaf.prop_recursive(6, 48, 3, |inner| {
        let b = inner.clone().prop_map(Box::new);
        prop_oneof![
            b.clone().prop_map(Plan::Derived),
            (subject(), any::<i64>(), text(), b.clone())
                .prop_map(|(s, c, m, p)| Plan::Transparent(s, c, m, Some(p))),
            b.clone().prop_map(Plan::TransparentDerived),
            b.clone().prop_map(Plan::DynBox),
            b.clone().prop_map(Plan::DynArc),
            b.clone().prop_map(Plan::ArcT),
            b.clone().prop_map(|p| Plan::Opt(Some(p))),
            prop::collection::vec(inner, 1..4).prop_map(Plan::List),
            (data(), b.clone()).prop_map(|(d, p)| Plan::Data(d, p)),
            (subject(), any::<i64>(), text(), prop::option::of(data()), b)
                .prop_map(|(s, c, m, d, p)| Plan::Owned(s, c, m, d, Some(p))),
        ]
    })
}

fn json<T: serde::Serialize + ?Sized>(value: &T) -> String {
    serde_json::to_string(value).expect("serializes")
}

fn dynamic_ref(node: &Node) -> &dyn UniError {
    node
}

fn question_mark(node: Node) -> Result<(), Error> {
    Err(node)?
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn every_path_writes_the_same_json(plan in plan()) {
        let node = build(&plan);
        let streamed = json(&node);

        // By reference.
        let by_ref = node.to_error();
        prop_assert_eq!(&json(&by_ref), &streamed, "to_error()");
        // By value: into_error, From, `?`, and through `Box<dyn UniError>`.
        prop_assert_eq!(&json(&build(&plan).into_error()), &streamed, "into_error()");
        prop_assert_eq!(&json(&Error::from(build(&plan))), &streamed, "Error::from");
        let err = question_mark(build(&plan)).unwrap_err();
        prop_assert_eq!(&json(&err), &streamed, "?");
        let dynamic: Box<dyn UniError + Send + Sync> = Box::new(build(&plan));
        prop_assert_eq!(&json(&dynamic.to_error()), &streamed, "Box<dyn UniError>::to_error()");
        prop_assert_eq!(dynamic.err_cause(), node.err_cause(), "Box<dyn UniError>::err_cause()");
        prop_assert_eq!(&json(&Error::from(dynamic)), &streamed, "Error::from(Box<dyn UniError>)");

        // The cause: err_cause() is the cause every path writes.
        let cause = node.err_cause();
        prop_assert_eq!(cause.as_ref(), by_ref.cause(), "err_cause() vs to_error().cause()");
        prop_assert_eq!(cause.as_ref(), err.cause(), "err_cause() vs (?).cause()");
        // ... and the cause written is err_cause()'s JSON. (Alone, a cause
        // is written from level 1, as a member from level 2: compare where
        // no depth cut is involved.)
        let read: Error = serde_json::from_str(&streamed).unwrap();
        prop_assert_eq!(cause.is_some(), read.cause().is_some(), "written cause");
        if let (Some(c), Some(w)) = (&cause, read.cause()) {
            if by_ref.chain().count() < 100 {
                prop_assert_eq!(json(c), json(w), "err_cause() as JSON");
            }
        }

        // What the owned error reads back is what it wrote.
        prop_assert_eq!(&json(&read), &streamed, "read back");

        // The direct writer: the same bytes, for the derived error, through
        // `dyn UniError`, for the owned error, and appended to what a
        // reused buffer already holds.
        prop_assert_eq!(&node.to_json().unwrap(), &streamed, "to_json()");
        prop_assert_eq!(&dynamic_ref(&node).to_json().unwrap(), &streamed, "dyn to_json()");
        prop_assert_eq!(&by_ref.to_json().unwrap(), &streamed, "Error::to_json()");
        prop_assert_eq!(&read.to_json().unwrap(), &streamed, "read back, to_json()");
        let mut out = b"[".to_vec();
        node.write_json(&mut out).unwrap();
        prop_assert_eq!(&out[1..], streamed.as_bytes(), "write_json appends");

        // Public and google.rpc.
        prop_assert_eq!(json(&Public(&node)), json(&Public(&by_ref)), "Public");
        // The typed error names its variant (AIP-193 reason) and adds the
        // message's fields and errCode to the metadata; the owned one has
        // no variant: 0.2's decimal reason. Beyond that, the same Status.
        let typed = Status::from_uni(&node);
        let owned = Status::from_uni(&by_ref);
        let (t, o) = (typed.error_info().unwrap(), owned.error_info().unwrap());
        prop_assert_eq!(&o.reason, &by_ref.code().to_string(), "owned reason");
        prop_assert!(!t.reason.is_empty() && t.reason.bytes().all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'_'), "typed reason {}", t.reason);
        prop_assert_eq!(t.metadata_get("errCode"), Some(o.reason.as_str()), "errCode");
        prop_assert_eq!(t.metadata_get("cause"), o.metadata_get("cause"), "cause");
        prop_assert_eq!(&t.domain, &o.domain, "domain");
        prop_assert_eq!((typed.code(), typed.message()), (owned.code(), owned.message()), "google Status");
    }
}

/// The bug of issue 23: a `Box<dyn UniError>` (or `Arc<..>`) source holding
/// a transparent variant over `Error::new("uni-legacy", -7, ..)` was written
/// with code 4 (the typed errno of a code that is not one) by the derived
/// `Serialize` and `err_cause()`, and with -7 by `Error::from`. Its wire
/// code is -7 on every path.
#[test]
fn a_dyn_source_keeps_the_wire_code_of_a_transparent_error() {
    #[derive(Debug, UniError)]
    #[subject("uni-legacy")]
    #[errno(category = 15, sub = 4)]
    enum Legacy {
        #[msg(transparent)]
        Sdk(Error),
    }

    #[derive(Debug, UniError)]
    #[subject("uni-outer")]
    #[errno(category = 15, sub = 4)]
    enum Outer {
        #[errno(code = 1)]
        #[msg("outer failed")]
        Boxed(#[source] Box<dyn UniError + Send + Sync>),
        #[errno(code = 2)]
        #[msg("outer failed")]
        Shared(#[source] Arc<dyn UniError + Send + Sync>),
    }

    let legacy = || Legacy::Sdk(Error::new("uni-legacy", -7, "legacy sdk"));
    let cases = [
        (
            Outer::Boxed(Box::new(legacy())),
            Outer::Boxed(Box::new(legacy())),
            1504001,
        ),
        (
            Outer::Shared(Arc::new(legacy())),
            Outer::Shared(Arc::new(legacy())),
            1504002,
        ),
    ];
    for (outer, again, code) in cases {
        let expected = format!(
            r#"{{"errSubject":"uni-outer","errCode":{code},"errMsg":"outer failed","cause":{{"message":"legacy sdk","subject":"uni-legacy","code":-7}}}}"#
        );
        assert_eq!(serde_json::to_string(&outer).unwrap(), expected);
        assert_eq!(outer.err_cause().and_then(|c| c.code()), Some(-7));
        assert_eq!(serde_json::to_string(&outer.to_error()).unwrap(), expected);
        assert_eq!(
            serde_json::to_string(&Error::from(again)).unwrap(),
            expected
        );
    }
}

/// The `data` of an owned `Error` (and of a derived error with `#[data]`)
/// that becomes a cause is kept, as the source node's unknown key `data`,
/// after the known keys; it reads back as that unknown key.
#[test]
fn the_data_of_a_cause_is_kept_as_an_unknown_key() {
    #[derive(Debug, UniError)]
    #[subject("uni-outer")]
    #[errno(category = 15, sub = 4, code = 3)]
    #[msg("outer failed")]
    struct Outer(#[source] Error);

    let inner = Error::new("uni-pay", 700001, "payment failed")
        .with_data(r#"{"orderId":"o-1","n":[1,2]}"#.parse::<Json>().unwrap())
        .with_cause(uni_error::SourceError::new("db timeout"));
    let expected = r#"{"errSubject":"uni-outer","errCode":1504003,"errMsg":"outer failed","cause":{"message":"payment failed","subject":"uni-pay","code":700001,"cause":{"message":"db timeout"},"data":{"orderId":"o-1","n":[1,2]}}}"#;
    let outer = Outer(inner.clone());
    assert_eq!(serde_json::to_string(&outer).unwrap(), expected);
    assert_eq!(serde_json::to_string(&outer.to_error()).unwrap(), expected);
    assert_eq!(
        serde_json::to_string(&Error::from(Outer(inner.clone()))).unwrap(),
        expected
    );
    let cause = outer.err_cause().unwrap();
    assert_eq!(
        cause
            .head()
            .extra_get("data")
            .map(ToString::to_string)
            .as_deref(),
        Some(r#"{"orderId":"o-1","n":[1,2]}"#)
    );
    // `Cause::from(Error)` keeps it too, and it round-trips.
    let as_cause = Cause::from(inner);
    assert_eq!(
        serde_json::to_string(&as_cause).unwrap(),
        r#"{"message":"payment failed","subject":"uni-pay","code":700001,"cause":{"message":"db timeout"},"data":{"orderId":"o-1","n":[1,2]}}"#
    );
    let read: Error = serde_json::from_str(expected).unwrap();
    assert_eq!(serde_json::to_string(&read).unwrap(), expected);
}

#[path = "support/counting.rs"]
mod counting;
use counting::allocations;

/// A transparent variant erases by moving: `?` / `into_error()` on one
/// over an `Error` with a thousand causes takes the chain over instead of
/// cloning it (which was three allocations per cause).
#[test]
fn a_transparent_variant_moves_its_chain_when_erased() {
    let chain = || {
        (0..1000).fold(Error::new("uni-deep", -7, "bottom"), |below, i| {
            Error::new("uni-deep", i, "layer").with_cause(below)
        })
    };
    let expected = json(&Node::Transparent(chain()));
    let node = Node::Transparent(chain());
    let mut erased = None;
    let n = allocations(|| erased = Some(node.into_error()));
    assert!(n < 10, "{n} allocations to erase a transparent variant");
    assert_eq!(json(&erased.unwrap()), expected);

    // The same through a derived wrapper's `#[source]`, and `?`.
    let wrapped = Node::Derived(Box::new(Node::Transparent(chain())));
    let expected = json(&wrapped);
    let mut erased = None;
    let n = allocations(|| erased = question_mark(wrapped).err());
    assert!(
        n < 20,
        "{n} allocations to erase a wrapped transparent variant"
    );
    assert_eq!(json(&erased.unwrap()), expected);
}
