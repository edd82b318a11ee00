//! Serializing a derived error streams its cause chain; `to_error()` builds
//! the owned `Cause` tree. Both must give the same bytes for every shape of
//! source, including chains cut at the 127-level JSON depth limit.

use std::error::Error as StdError;
use std::fmt;

use serde::Serialize;
use uni_error::{Cause, Errno, UniError};

fn json<T: Serialize + ?Sized>(v: &T) -> String {
    serde_json::to_string(v).unwrap()
}

/// Streamed and owned serialization agree; returns the JSON.
#[track_caller]
fn same<E: UniError + Serialize>(e: &E) -> String {
    let streamed = json(e);
    assert_eq!(streamed, json(&e.to_error()), "streamed vs to_error()");
    streamed
}

const OMITTED: &str = "omitted: the chain nests deeper than 127 JSON levels";

/// A plain error whose `source()` chain is `below` links long.
#[derive(Debug)]
struct Chain {
    level: usize,
    below: Option<Box<Chain>>,
}

impl Chain {
    fn new(len: usize) -> Chain {
        assert!(len > 0);
        let mut c = Chain {
            level: len - 1,
            below: None,
        };
        for level in (0..len - 1).rev() {
            c = Chain {
                level,
                below: Some(Box::new(c)),
            };
        }
        c
    }
}

/// Unlinks iteratively: a 10 000-deep recursive drop could overflow.
impl Drop for Chain {
    fn drop(&mut self) {
        let mut next = self.below.take();
        while let Some(mut c) = next {
            next = c.below.take();
        }
    }
}

impl fmt::Display for Chain {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "link \"{}\"", self.level)
    }
}

impl StdError for Chain {
    fn source(&self) -> Option<&(dyn StdError + 'static)> {
        self.below.as_deref().map(|c| c as _)
    }
}

fn sdk_code(e: &Chain) -> Option<i64> {
    (e.level % 2 == 0).then_some(-(e.level as i64) - 1)
}

/// A hand-written uni error (not derived): takes the owned path.
#[derive(Debug)]
struct Hand {
    below: Option<uni_error::SourceError>,
}

impl fmt::Display for Hand {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("by hand")
    }
}

impl StdError for Hand {}

impl UniError for Hand {
    fn err_subject(&self) -> &str {
        "hand"
    }
    fn errno(&self) -> Errno {
        Errno::TIMEOUT
    }
    fn err_cause(&self) -> Option<Cause> {
        self.below.clone().map(Cause::Source)
    }
}

#[derive(Debug, UniError)]
#[subject("uni-leaf")]
#[errno(category = 13, sub = 7)]
enum Leaf {
    #[errno(code = 1)]
    #[msg("leaf")]
    Bare,
    #[errno(code = 2)]
    #[msg("leaf over std")]
    Std(#[source] Chain),
}

#[derive(Debug, UniError)]
#[subject("uni-mix")]
#[errno(category = 13, sub = 8)]
enum Mix {
    #[errno(code = 1)]
    #[msg("derived")]
    Derived(#[source] Leaf),
    #[errno(code = 2)]
    #[msg("std")]
    Std(#[source] Chain),
    #[errno(code = 3)]
    #[msg("labelled")]
    Labelled(#[source(subject = "csj", code = sdk_code)] Chain),
    #[errno(code = 4)]
    #[msg("boxed")]
    Boxed(#[source] Box<dyn StdError + Send + Sync>),
    #[errno(code = 5)]
    #[msg("owned")]
    Owned(#[source] uni_error::Error),
    #[errno(code = 6)]
    #[msg("hand")]
    Hand(#[source(subject = "ignored")] Hand),
    #[errno(code = 7)]
    #[msg("maybe")]
    Maybe(#[source(subject = "gdt")] Option<Chain>),
    #[errno(code = 8)]
    #[msg("{} in list", .0.len())]
    List(#[source] Vec<Leaf>),
    #[errno(code = 9)]
    #[msg("labelled list")]
    LabelledList(#[source(subject = "sdk", code = sdk_code)] Box<[Chain]>),
    #[errno(code = 10)]
    #[msg("pair")]
    Pair(#[source] [Leaf; 2]),
    #[errno(code = 11)]
    #[msg(transparent)]
    OverDerived(Leaf),
    #[errno(code = 12)]
    #[subject("uni-mix::std")]
    #[msg(transparent)]
    OverStd(Chain),
    #[errno(code = 13)]
    #[subject("uni-mix::boxed")]
    #[msg(transparent)]
    OverBoxed(Box<dyn StdError + Send + Sync>),
    #[errno(code = 15)]
    #[subject("uni-mix::owned")]
    #[msg(transparent)]
    OverOwned(uni_error::Error),
    #[errno(code = 14)]
    #[msg("none")]
    Nothing,
    // Same source type and labels as above: the derive shares their arm.
    #[errno(code = 16)]
    #[msg("std again")]
    StdAgain(#[source] Chain),
    #[errno(code = 17)]
    #[msg("labelled again")]
    LabelledAgain {
        #[source(subject = "csj", code = sdk_code)]
        chain: Chain,
    },
}

fn every_shape() -> Vec<Mix> {
    let owned = || {
        uni_error::Error::new("csj", -404_012, "no fill")
            .with_cause(uni_error::SourceError::new("upstream timeout"))
    };
    vec![
        Mix::Derived(Leaf::Bare),
        Mix::Derived(Leaf::Std(Chain::new(3))),
        Mix::Std(Chain::new(1)),
        Mix::Std(Chain::new(4)),
        Mix::Labelled(Chain::new(1)),
        Mix::Labelled(Chain::new(3)),
        Mix::Boxed(Box::new(Chain::new(2))),
        Mix::Boxed("just text".into()),
        Mix::Owned(owned()),
        Mix::Hand(Hand { below: None }),
        Mix::Hand(Hand {
            below: Some(uni_error::SourceError::new("below").with_code(3)),
        }),
        Mix::Maybe(None),
        Mix::Maybe(Some(Chain::new(2))),
        Mix::List(Vec::new()),
        Mix::List(vec![Leaf::Bare, Leaf::Std(Chain::new(2))]),
        Mix::LabelledList(vec![Chain::new(2), Chain::new(1)].into_boxed_slice()),
        Mix::Pair([Leaf::Std(Chain::new(2)), Leaf::Bare]),
        Mix::OverDerived(Leaf::Bare),
        Mix::OverDerived(Leaf::Std(Chain::new(2))),
        Mix::OverStd(Chain::new(1)),
        Mix::OverStd(Chain::new(3)),
        Mix::OverBoxed(Box::new(Chain::new(3))),
        Mix::OverOwned(owned()),
        Mix::OverOwned(uni_error::Error::new("csj", 1, "bare")),
        Mix::Nothing,
        Mix::StdAgain(Chain::new(2)),
        Mix::LabelledAgain {
            chain: Chain::new(2),
        },
    ]
}

#[test]
fn every_shape_streams_what_to_error_writes() {
    for e in every_shape() {
        same(&e);
    }
    // Spot checks: labels fill in, a derived source keeps its own.
    assert_eq!(
        same(&Mix::Labelled(Chain::new(2))),
        concat!(
            r#"{"errSubject":"uni-mix","errCode":1308003,"errMsg":"labelled","#,
            r#""cause":{"message":"link \"0\"","subject":"csj","code":-1,"#,
            r#""cause":{"message":"link \"1\""}}}"#
        )
    );
    assert_eq!(
        same(&Mix::Hand(Hand { below: None })),
        concat!(
            r#"{"errSubject":"uni-mix","errCode":1308006,"errMsg":"hand","#,
            r#""cause":{"message":"by hand","subject":"hand","code":5}}"#
        )
    );
}

/// The bug this file guards against is a cut one level off: sweep the
/// depth across the limit for each kind of link.
#[test]
fn a_chain_is_cut_at_the_same_link_both_ways() {
    for len in 118..=132 {
        let std = same(&Mix::Std(Chain::new(len)));
        assert_eq!(std.contains(OMITTED), len > 126, "std chain of {len}");
        same(&Mix::Labelled(Chain::new(len)));
        same(&Mix::Maybe(Some(Chain::new(len))));
        same(&Mix::OverStd(Chain::new(len)));
        same(&Mix::Derived(Leaf::Std(Chain::new(len))));
        same(&Mix::LabelledList(vec![Chain::new(len)].into_boxed_slice()));
    }
}

/// A derived error that can nest itself: derived links, lists and empty
/// lists at every depth.
#[derive(Debug, UniError)]
#[subject("uni-rec")]
#[errno(category = 13, sub = 9)]
enum Rec {
    #[errno(code = 1)]
    #[msg("bottom")]
    Bottom,
    #[errno(code = 2)]
    #[msg("over std")]
    Std(#[source] Chain),
    #[errno(code = 3)]
    #[msg("deeper {0}")]
    Deeper(usize, #[source] Box<Rec>),
    #[errno(code = 4)]
    #[msg("many {0}")]
    Many(usize, #[source] Vec<Rec>),
    #[errno(code = 5)]
    #[msg("none")]
    Empty(#[source] Vec<Rec>),
}

fn rec(len: usize, shape: usize, bottom: &dyn Fn() -> Rec) -> Rec {
    let mut e = bottom();
    for i in 0..len {
        e = match (i + shape) % 3 {
            0 => Rec::Deeper(i, Box::new(e)),
            1 => Rec::Many(i, vec![e, Rec::Bottom]),
            _ => Rec::Many(i, vec![Rec::Empty(Vec::new()), e]),
        };
    }
    e
}

#[test]
fn derived_links_and_aggregates_are_cut_at_the_same_place_both_ways() {
    let bottoms: [&dyn Fn() -> Rec; 4] = [
        &|| Rec::Bottom,
        &|| Rec::Empty(Vec::new()),
        &|| Rec::Std(Chain::new(3)),
        &|| Rec::Many(0, vec![Rec::Bottom, Rec::Std(Chain::new(2))]),
    ];
    for len in 30..=70 {
        for shape in 0..3 {
            for bottom in bottoms {
                same(&rec(len, shape, bottom));
            }
        }
    }
    assert!(same(&rec(70, 0, &|| Rec::Bottom)).contains(OMITTED));
}

/// 10 000 links under a derived error, on the default test thread: both
/// writers stop at the limit and count what they left out.
#[test]
fn a_ten_thousand_deep_std_chain_is_cut_identically() {
    let e = Mix::Std(Chain::new(10_000));
    let out = same(&e);
    // The error is level 1, link k is level k + 2: link 125 would put its
    // cause at level 128, so it and the 9 874 links below it are counted.
    assert!(
        out.ends_with(&format!(
            r#""cause":{{"message":"9875 more causes {OMITTED}"}}{}"#,
            "}".repeat(126)
        )),
        "{}",
        &out[out.len() - 300..]
    );
    assert!(out.contains(r#"{"message":"link \"124\"","cause":"#));
    assert!(!out.contains(r#"link \"125\""#));
    let depth = out.bytes().filter(|&b| b == b'{').count();
    assert_eq!(depth, 127);
    // The transparent and labelled paths cut the same way.
    same(&Mix::OverStd(Chain::new(10_000)));
    same(&Mix::Labelled(Chain::new(10_000)));
    same(&Mix::Derived(Leaf::Std(Chain::new(10_000))));
}
