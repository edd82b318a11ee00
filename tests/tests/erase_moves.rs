//! Erasure by value (`?`, `.into()`, `UniError::into_error`) moves the
//! sources a derived error owns: wrapping an error ten thousand times, each
//! layer a derived error whose `#[source]` is the previous layer's
//! `uni_error::Error`, is linear and fits a 2 MiB stack in a debug build.

use uni_error::{Error, UniError};

#[path = "support/counting.rs"]
mod counting;
use counting::allocations;

#[derive(Debug, UniError)]
#[subject("uni-layers")]
#[errno(category = 15, sub = 4, code = 30)]
#[msg("layer {depth}")]
struct Layer {
    depth: usize,
    #[source]
    source: Error,
}

#[derive(Debug, UniError)]
#[subject("uni-layers")]
#[errno(category = 15, sub = 4)]
enum Shapes {
    #[errno(code = 31)]
    #[msg("typed")]
    Typed(#[source] Layer),
    #[errno(code = 32)]
    #[msg("maybe")]
    Maybe(#[source] Option<Error>),
    #[errno(code = 33)]
    #[msg("all {}", .0.len())]
    All(#[source] Vec<Error>),
    #[errno(code = 34)]
    #[msg("labelled")]
    Labelled(#[source(subject = "sdk", code = raw_code)] std::io::Error),
    #[errno(code = 35)]
    #[msg("boxed")]
    Boxed(#[source] Box<dyn std::error::Error + Send + Sync>),
    #[errno(code = 36)]
    #[subject("uni-layers::inner")]
    #[msg(transparent)]
    Inner(Error),
    #[errno(code = 37)]
    #[msg("array")]
    Array(#[source] [Layer; 2]),
    #[errno(code = 38)]
    #[msg("none")]
    Leaf,
}

fn raw_code(e: &std::io::Error) -> Option<i64> {
    e.raw_os_error().map(i64::from)
}

fn layer(depth: usize) -> Result<(), Error> {
    if depth == 0 {
        return Err(Error::new("uni-layers", 1_504_029, "bottom"));
    }
    match layer(depth - 1) {
        Ok(()) => Ok(()),
        Err(source) => Err(Layer { depth, source })?,
    }
}

/// `n` layers above the bottom, built with `?` in a loop (no recursion).
fn wrap(n: usize) -> Error {
    let mut e = layer(0).unwrap_err();
    for depth in 1..=n {
        let wrapped: Result<(), Error> = (|| Err(Layer { depth, source: e })?)();
        e = wrapped.unwrap_err();
    }
    e
}

/// Runs `f` on a 2 MiB thread, like the default test thread.
fn on_small_stack<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> T {
    std::thread::Builder::new()
        .stack_size(2 << 20)
        .spawn(f)
        .unwrap()
        .join()
        .unwrap()
}

#[test]
fn ten_thousand_layers_wrap_with_question_mark_on_a_2_mib_stack() {
    let (count, top, bottom) = on_small_stack(|| {
        let e = wrap(10_000);
        // Cloning, comparing and printing the result walk it iteratively too.
        let copy = e.clone();
        assert_eq!(copy, e);
        assert_ne!(copy, wrap(9_999));
        let debug = format!("{e:?}");
        assert!(
            debug.ends_with("}) }"),
            "Debug of the chain: {}",
            &debug[debug.len() - 60..]
        );
        let count = e.chain().count();
        let top = e.message().to_owned();
        let bottom = e.chain().last().map(|c| c.message().to_owned());
        (count, top, bottom)
    });
    assert_eq!(count, 10_000);
    assert_eq!(top, "layer 10000");
    assert_eq!(bottom.as_deref(), Some("bottom"));
}

#[test]
fn wrapping_is_linear() {
    // The same few allocations per layer at any depth: erasing by reference
    // copied the whole chain below at every layer, n * (n + 1) / 2 causes.
    let (small, large) = on_small_stack(|| {
        let small = allocations(|| drop(wrap(1_000)));
        let large = allocations(|| drop(wrap(10_000)));
        (small, large)
    });
    // Ten times the layers, ten times the allocations (quadratic: a hundred).
    assert!(
        large <= small * 11,
        "1 000 layers: {small}, 10 000: {large}"
    );
    assert!(large <= 10_000 * 8, "{large} allocations for 10 000 layers");
}

#[test]
fn recursion_through_the_result_type_builds_the_same_chain() {
    let e = on_small_stack(|| layer(50).unwrap_err());
    assert_eq!(e.chain().count(), 50);
    assert_eq!(
        serde_json::to_string(&e).unwrap(),
        serde_json::to_string(&wrap(50)).unwrap()
    );
}

/// `into_error` (by value) says exactly what `to_error` (by reference) says.
fn same_both_ways(make: impl Fn() -> Shapes, expected: &str) {
    let by_ref = make().to_error();
    let by_value: Error = make().into();
    assert_eq!(serde_json::to_string(&by_ref).unwrap(), expected);
    assert_eq!(serde_json::to_string(&by_value).unwrap(), expected);
    assert_eq!(serde_json::to_string(&make()).unwrap(), expected);
    assert_eq!(by_value.status_override(), by_ref.status_override());
}

#[test]
fn every_source_shape_erases_by_value_as_by_reference() {
    let owned = || Error::new("uni-below", 1_504_001, "below");
    same_both_ways(
        || {
            Shapes::Typed(Layer {
                depth: 1,
                source: owned(),
            })
        },
        r#"{"errSubject":"uni-layers","errCode":1504031,"errMsg":"typed","cause":{"message":"layer 1","subject":"uni-layers","code":1504030,"cause":{"message":"below","subject":"uni-below","code":1504001}}}"#,
    );
    same_both_ways(
        || Shapes::Maybe(Some(owned().with_data(serde_json::json!(1)))),
        // The cause keeps the error's data as its unknown key `data`.
        r#"{"errSubject":"uni-layers","errCode":1504032,"errMsg":"maybe","cause":{"message":"below","subject":"uni-below","code":1504001,"data":1}}"#,
    );
    same_both_ways(
        || Shapes::Maybe(None),
        r#"{"errSubject":"uni-layers","errCode":1504032,"errMsg":"maybe"}"#,
    );
    same_both_ways(
        || Shapes::All(vec![owned(), Error::new("uni-b", 2, "b")]),
        r#"{"errSubject":"uni-layers","errCode":1504033,"errMsg":"all 2","cause":{"message":"all 2","errors":[{"message":"below","subject":"uni-below","code":1504001},{"message":"b","subject":"uni-b","code":2}]}}"#,
    );
    same_both_ways(
        || Shapes::Labelled(std::io::Error::from_raw_os_error(2)),
        &format!(
            r#"{{"errSubject":"uni-layers","errCode":1504034,"errMsg":"labelled","cause":{{"message":{},"subject":"sdk","code":2}}}}"#,
            serde_json::to_string(&std::io::Error::from_raw_os_error(2).to_string()).unwrap()
        ),
    );
    same_both_ways(
        || Shapes::Boxed(Box::new(std::io::Error::other("io"))),
        r#"{"errSubject":"uni-layers","errCode":1504035,"errMsg":"boxed","cause":{"message":"io"}}"#,
    );
    same_both_ways(
        || Shapes::Inner(owned().with_cause(uni_error::SourceError::new("deep"))),
        r#"{"errSubject":"uni-layers::inner","errCode":1504036,"errMsg":"below","cause":{"message":"deep"}}"#,
    );
    same_both_ways(
        || {
            Shapes::Array([
                Layer {
                    depth: 1,
                    source: owned(),
                },
                Layer {
                    depth: 2,
                    source: owned(),
                },
            ])
        },
        r#"{"errSubject":"uni-layers","errCode":1504037,"errMsg":"array","cause":{"message":"array","errors":[{"message":"layer 1","subject":"uni-layers","code":1504030,"cause":{"message":"below","subject":"uni-below","code":1504001}},{"message":"layer 2","subject":"uni-layers","code":1504030,"cause":{"message":"below","subject":"uni-below","code":1504001}}]}}"#,
    );
    same_both_ways(
        || Shapes::Leaf,
        r#"{"errSubject":"uni-layers","errCode":1504038,"errMsg":"none"}"#,
    );
}
