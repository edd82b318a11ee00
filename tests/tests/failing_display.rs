//! A user's `Display` that returns `fmt::Error` (without its writer
//! failing) is a serializer error on every writer, serde's streamed one and
//! the direct `write_json`, whether it is errMsg or a cause's message at
//! any depth: never serde_json's "there should be an error" panic. A writer
//! that fails is still reported as the writer's I/O error.

use std::fmt;
use std::io;

use uni_error::{Public, UniError};

const FAILED: &str = "a message's Display impl returned an error";

/// Writes "half", then fails.
#[derive(Debug)]
struct Broken;
impl fmt::Display for Broken {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("half")?;
        Err(fmt::Error)
    }
}
impl std::error::Error for Broken {}

#[derive(Debug, UniError)]
#[subject("uni-x")]
#[errno(category = 15, sub = 4, code = 9)]
#[msg("inner {0}")]
struct Inner(Broken);

#[derive(Debug, UniError)]
#[subject("uni-x")]
#[errno(category = 15, sub = 4)]
enum Outer {
    /// errMsg fails.
    #[errno(code = 1)]
    #[msg("outer {0}")]
    Msg(Broken),
    /// A plain cause fails.
    #[errno(code = 2)]
    #[msg("plain")]
    Plain(#[source] Broken),
    /// A derived cause's errMsg fails.
    #[errno(code = 3)]
    #[msg("derived")]
    Derived(#[source] Inner),
    /// An aggregate member fails.
    #[errno(code = 4)]
    #[msg("list")]
    List(#[source] Vec<Broken>),
    /// Fine: for the writer-failure check.
    #[errno(code = 5)]
    #[msg("fine")]
    Fine(#[source] std::io::Error),
}

/// Both writers give the error (serde's through `to_string` and
/// `to_writer`, the direct one leaving the buffer as it was).
fn refused(e: &Outer) {
    let err = serde_json::to_string(e).unwrap_err();
    assert_eq!(err.to_string(), FAILED);
    assert!(!err.is_io());
    assert_eq!(e.to_json().unwrap_err().to_string(), FAILED);
    let mut out = b"kept".to_vec();
    assert_eq!(e.write_json(&mut out).unwrap_err().to_string(), FAILED);
    assert_eq!(out, b"kept");
}

#[test]
fn a_failing_err_msg_is_an_error_on_the_serde_path_too() {
    refused(&Outer::Msg(Broken));
    // Public writes errMsg only: the same error.
    let e = Outer::Msg(Broken);
    assert_eq!(
        serde_json::to_string(&Public(&e)).unwrap_err().to_string(),
        FAILED
    );
}

#[test]
fn a_failing_plain_cause() {
    refused(&Outer::Plain(Broken));
}

#[test]
fn a_failing_derived_cause() {
    refused(&Outer::Derived(Inner(Broken)));
}

#[test]
fn a_failing_aggregate_member() {
    refused(&Outer::List(vec![Broken]));
}

/// The owned form cannot fail: it keeps what each failing `Display` wrote
/// before it failed (`to_string` would panic), the same through
/// `to_error`, `into_error` and `err_cause`. `{:#}` fails where errMsg
/// fails, and shows a cause as the owned form keeps it.
#[test]
fn erasure_keeps_the_text_written_before_the_failure() {
    let cases = [
        (
            Outer::Msg(Broken),
            r#"{"errSubject":"uni-x","errCode":1504001,"errMsg":"outer half"}"#,
            None,
        ),
        (
            Outer::Plain(Broken),
            r#"{"errSubject":"uni-x","errCode":1504002,"errMsg":"plain","cause":{"message":"half"}}"#,
            Some("uni-x 1504002: plain\ncaused by: half"),
        ),
        (
            Outer::Derived(Inner(Broken)),
            r#"{"errSubject":"uni-x","errCode":1504003,"errMsg":"derived","cause":{"message":"inner half","subject":"uni-x","code":1504009}}"#,
            Some("uni-x 1504003: derived\ncaused by: uni-x 1504009: inner half"),
        ),
        (
            Outer::List(vec![Broken]),
            r#"{"errSubject":"uni-x","errCode":1504004,"errMsg":"list","cause":{"message":"list","errors":[{"message":"half"}]}}"#,
            Some("uni-x 1504004: list\ncaused by: list\n  [0] half"),
        ),
    ];
    for (e, json, chain) in cases {
        assert_eq!(serde_json::to_string(&e.to_error()).unwrap(), json);
        let mut shown = String::new();
        let ok = fmt::write(&mut shown, format_args!("{e:#}")).is_ok();
        assert_eq!(ok.then_some(shown.as_str()), chain, "{json}");
        assert_eq!(serde_json::to_string(&e.into_error()).unwrap(), json);
    }
}

/// An `io::Write` that takes `room` bytes, then fails.
struct Full {
    room: usize,
}
impl io::Write for Full {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        if self.room == 0 {
            return Err(io::Error::other("disk full"));
        }
        let n = buf.len().min(self.room);
        self.room -= n;
        Ok(n)
    }
    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

/// A writer that fails inside a cause's message is the writer's error,
/// whatever byte it fails at: the guard tells it from a failing `Display`.
#[test]
fn a_failing_writer_is_an_io_error() {
    let e = Outer::Fine(io::Error::other("the cause message"));
    let whole = serde_json::to_string(&e).unwrap();
    assert_eq!(
        whole,
        r#"{"errSubject":"uni-x","errCode":1504005,"errMsg":"fine","cause":{"message":"the cause message"}}"#
    );
    for room in 0..whole.len() {
        let err = serde_json::to_writer(Full { room }, &e).unwrap_err();
        assert!(err.is_io(), "{room}: {err}");
        assert_eq!(err.to_string(), "disk full", "{room}");
    }
    serde_json::to_writer(Full { room: whole.len() }, &e).unwrap();
}
