//! A `#[msg]` whose placeholders are all plain `{field}` is written piece by
//! piece to the formatter at hand, not through a second `format_args!`
//! (issue 26): it must read exactly as thiserror's `write!` reads, whatever
//! flags the caller gives, stop at the first failed write, and give its
//! fields a formatter without flags. The serializer skips its guard for a
//! type whose messages format only types that cannot fail on their own
//! (`__msg_sure`); every other type keeps it.

use std::fmt::{self, Write as _};
use std::path::PathBuf;

use uni_error::__private::StreamSource;
use uni_error::UniError;

/// Shows the flags its formatter carries.
#[derive(Debug)]
struct Flags;
impl fmt::Display for Flags {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "[w={:?} p={:?} a={} +={}]",
            f.width(),
            f.precision(),
            f.alternate(),
            f.sign_plus()
        )
    }
}

#[derive(Debug, UniError)]
#[subject("uni-x")]
#[errno(category = 15, sub = 4)]
enum Ours {
    #[errno(code = 1)]
    #[msg("step {step} failed for {user}")]
    Step { step: u32, user: String },
    #[errno(code = 2)]
    #[msg("{0}")]
    Alone(i64),
    #[errno(code = 3)]
    #[msg("{{literal}} {r#type} {{}}")]
    Raw { r#type: &'static str },
    #[errno(code = 4)]
    #[msg("saw {0} then {0} and {1}")]
    Twice(f64, char),
    #[errno(code = 5)]
    #[msg("flags {0}")]
    Flagged(Flags),
    #[errno(code = 6)]
    #[msg("at {path}")]
    At { path: PathBuf },
    #[errno(code = 7)]
    #[msg("debug {0:?} and {1}")]
    Debugged(String, u8),
    #[errno(code = 8)]
    #[msg("中文 {0}：完")]
    Chinese(String),
    #[errno(code = 9)]
    #[msg("{{only braces}}")]
    Braces,
    #[errno(code = 10)]
    #[msg("{0}{1}{0}")]
    Adjacent(u8, &'static str),
}

#[derive(Debug, thiserror::Error)]
enum Theirs {
    #[error("step {step} failed for {user}")]
    Step { step: u32, user: String },
    #[error("{0}")]
    Alone(i64),
    #[error("{{literal}} {type} {{}}")]
    Raw { r#type: &'static str },
    #[error("saw {0} then {0} and {1}")]
    Twice(f64, char),
    #[error("flags {0}")]
    Flagged(Flags),
    #[error("at {}", path.display())]
    At { path: PathBuf },
    #[error("debug {0:?} and {1}")]
    Debugged(String, u8),
    #[error("中文 {0}：完")]
    Chinese(String),
    #[error("{{only braces}}")]
    Braces,
    #[error("{0}{1}{0}")]
    Adjacent(u8, &'static str),
}

fn pairs() -> Vec<(Ours, Theirs)> {
    vec![
        (
            Ours::Step {
                step: 7,
                user: "alice".into(),
            },
            Theirs::Step {
                step: 7,
                user: "alice".into(),
            },
        ),
        (Ours::Alone(-42), Theirs::Alone(-42)),
        (Ours::Raw { r#type: "t" }, Theirs::Raw { r#type: "t" }),
        (Ours::Twice(1.5, '√'), Theirs::Twice(1.5, '√')),
        (Ours::Flagged(Flags), Theirs::Flagged(Flags)),
        (
            Ours::At {
                path: "/tmp/a b".into(),
            },
            Theirs::At {
                path: "/tmp/a b".into(),
            },
        ),
        (
            Ours::Debugged("q\"".into(), 3),
            Theirs::Debugged("q\"".into(), 3),
        ),
        (Ours::Chinese("好".into()), Theirs::Chinese("好".into())),
        (Ours::Braces, Theirs::Braces),
        (Ours::Adjacent(7, "x"), Theirs::Adjacent(7, "x")),
    ]
}

/// Every flag a caller may give is ignored as thiserror's `write!` ignores
/// it: the same text, and a field sees a formatter without flags.
#[test]
fn reads_as_thiserror_under_every_flag() {
    for (ours, theirs) in pairs() {
        let cases = [
            (format!("{ours}"), format!("{theirs}")),
            (format!("{ours:>60}"), format!("{theirs:>60}")),
            (format!("{ours:*^60}"), format!("{theirs:*^60}")),
            (format!("{ours:.3}"), format!("{theirs:.3}")),
            (format!("{ours:+}"), format!("{theirs:+}")),
            (format!("{ours:-}"), format!("{theirs:-}")),
            (format!("{ours:08}"), format!("{theirs:08}")),
            (format!("{ours:<}"), format!("{theirs:<}")),
        ];
        for (a, b) in cases {
            assert_eq!(a, b);
        }
    }
    assert_eq!(
        format!("{:>40.2}", Ours::Flagged(Flags)),
        "flags [w=None p=None a=false +=false]"
    );
    assert_eq!(
        Ours::Raw { r#type: "t" }.to_string(),
        "{literal} t {}",
        "escaped braces"
    );
    assert_eq!(Ours::Braces.to_string(), "{only braces}");
    assert_eq!(Ours::Adjacent(7, "x").to_string(), "7x7");
}

/// A `fmt::Write` that fails on its `fail_at`-th write and counts the
/// writes it is handed after that.
struct FailAt {
    fail_at: usize,
    calls: usize,
    after: usize,
    text: String,
}
impl fmt::Write for FailAt {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        self.calls += 1;
        if self.calls > self.fail_at {
            self.after += 1;
            return Err(fmt::Error);
        }
        if self.calls == self.fail_at {
            return Err(fmt::Error);
        }
        self.text.push_str(s);
        Ok(())
    }
}

/// The first failed write ends the message: nothing is written after it,
/// and the error comes back, at every piece.
#[test]
fn stops_at_the_first_failed_write() {
    for fail_at in 1..=4 {
        let mut w = FailAt {
            fail_at,
            calls: 0,
            after: 0,
            text: String::new(),
        };
        let e = Ours::Step {
            step: 7,
            user: "alice".into(),
        };
        assert!(write!(w, "{e}").is_err(), "fail at {fail_at}");
        assert_eq!(w.after, 0, "writes after the failure at {fail_at}");
        assert_eq!(w.calls, fail_at);
        let full = "step 7 failed for alice";
        assert!(full.starts_with(&w.text), "{:?}", w.text);
    }
}

// ---------------------------------------------------------------------------
// Which types skip the serializer's guard.
// ---------------------------------------------------------------------------

#[derive(Debug, UniError)]
#[subject("uni-x")]
#[errno(category = 15, sub = 4, code = 1)]
#[msg("literal only")]
struct Literal;

#[derive(Debug, UniError)]
#[subject("uni-x")]
#[errno(category = 15, sub = 4, code = 1)]
#[msg("{a} {b:?} {c} {d} {e}")]
struct Std<'a> {
    a: &'a str,
    b: i8,
    c: u128,
    d: Box<str>,
    e: std::num::NonZero<u16>,
}

#[derive(Debug, UniError)]
#[subject("uni-x")]
#[errno(category = 15, sub = 4, code = 1)]
#[msg("{0:?}")]
struct OptionDebug(Option<u8>);

#[derive(Debug, UniError)]
#[subject("uni-x")]
#[errno(category = 15, sub = 4, code = 1)]
#[msg("{a}")]
struct Path {
    a: PathBuf,
}

#[derive(Debug, UniError)]
#[subject("uni-x")]
#[errno(category = 15, sub = 4, code = 1)]
#[msg("{0}")]
struct Generic<T: fmt::Display + fmt::Debug>(T);

#[derive(Debug, UniError)]
#[subject("uni-x")]
#[errno(category = 15, sub = 4, code = 1)]
#[msg("{}", 1 + 1)]
struct Extra;

#[derive(Debug, UniError)]
#[subject("uni-x")]
#[errno(category = 15, sub = 4)]
enum Mixed {
    #[errno(code = 1)]
    #[msg("{0}")]
    Sure(String),
    #[errno(code = 2)]
    #[msg("{0}")]
    Unsure(Flags),
}

#[derive(Debug, UniError)]
#[subject("uni-x")]
#[errno(category = 15, sub = 4)]
enum Transparent {
    #[errno(code = 1)]
    #[msg("{0}")]
    Sure(String),
    #[msg(transparent)]
    Inner(Chain),
}

#[test]
fn the_guard_is_skipped_only_where_no_message_can_fail_on_its_own() {
    assert!(Literal.__msg_sure());
    // Per variant: Flags is the user's.
    assert!(Ours::Alone(1).__msg_sure());
    assert!(!Ours::Flagged(Flags).__msg_sure());
    let std = Std {
        a: "a",
        b: -1,
        c: 1,
        d: "d".into(),
        e: std::num::NonZero::new(1).unwrap(),
    };
    assert!(std.__msg_sure());
    // Option's Debug is not listed: conservative.
    assert!(!OptionDebug(None).__msg_sure());
    assert!(Path { a: "/".into() }.__msg_sure());
    // A type parameter is never proved, even where it is a listed type.
    assert!(!Generic(String::new()).__msg_sure());
    assert!(!Extra.__msg_sure());
    assert!(Mixed::Sure(String::new()).__msg_sure());
    assert!(!Mixed::Unsure(Flags).__msg_sure());
    assert!(Transparent::Sure(String::new()).__msg_sure());
    assert!(!Transparent::Inner(Chain::Refs("x", 1)).__msg_sure());
    assert!(Chain::Step {
        step: 1,
        user: String::new()
    }
    .__msg_sure());
}

#[derive(Debug, UniError)]
#[subject("uni-x")]
#[errno(category = 15, sub = 4)]
enum Chain {
    #[errno(code = 1)]
    #[msg("step {step} failed for {user}")]
    Step { step: u32, user: String },
    #[errno(code = 2)]
    #[msg("{0} at {1}")]
    Refs(&'static str, usize),
}

/// Where the guard is skipped the JSON is the same bytes, and a writer
/// that fails is still the writer's I/O error (serde_json's own check).
#[test]
fn sure_messages_serialize_the_same_and_report_the_writer() {
    let e = Chain::Step {
        step: 7,
        user: "a\"\u{1}中".into(),
    };
    let json =
        r#"{"errSubject":"uni-x","errCode":1504001,"errMsg":"step 7 failed for a\"\u0001中"}"#;
    assert_eq!(serde_json::to_string(&e).unwrap(), json);
    assert_eq!(e.to_json().unwrap(), json);
    for room in [0, 10, 55, 70] {
        let err = serde_json::to_writer(Full { room }, &e).unwrap_err();
        assert!(err.is_io(), "room {room}: {err}");
    }
    let e = Chain::Refs("x", 3);
    assert_eq!(
        serde_json::to_string(&e).unwrap(),
        r#"{"errSubject":"uni-x","errCode":1504002,"errMsg":"x at 3"}"#
    );
}

/// An `io::Write` that takes `room` bytes, then fails.
struct Full {
    room: usize,
}
impl std::io::Write for Full {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        if self.room == 0 {
            return Err(std::io::Error::other("disk full"));
        }
        let n = buf.len().min(self.room);
        self.room -= n;
        Ok(n)
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// A generic field whose `Display` fails keeps the guard: an error, no
/// panic.
#[test]
fn a_failing_generic_field_is_still_guarded() {
    struct Fails;
    impl fmt::Display for Fails {
        fn fmt(&self, _: &mut fmt::Formatter<'_>) -> fmt::Result {
            Err(fmt::Error)
        }
    }
    impl fmt::Debug for Fails {
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("Fails")
        }
    }
    let err = serde_json::to_string(&Generic(Fails)).unwrap_err();
    assert_eq!(
        err.to_string(),
        "a message's Display impl returned an error"
    );
    assert_eq!(
        serde_json::to_string(&Mixed::Unsure(Flags)).unwrap(),
        r#"{"errSubject":"uni-x","errCode":1504002,"errMsg":"[w=None p=None a=false +=false]"}"#
    );
}

/// `Debug` for a struct with a `tail` field that may be unsized (the
/// std derive would pass it as `&dyn Debug`, which needs it sized).
macro_rules! debug_tail {
    ($($ty:ident $(<$t:ident>)?),*) => {$(
        impl$(<$t: ?Sized + fmt::Display + fmt::Debug>)? fmt::Debug for $ty$(<$t>)? {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.debug_struct(stringify!($ty)).field("tail", &&self.tail).finish()
            }
        }
    )*};
}

debug_tail!(
    Tail<T>,
    LocalizedTail<T>,
    PiecesTail<T>,
    StrTailTable,
    StrTailPieces
);

/// A struct whose last field is unsized, behind a type parameter: its
/// message is written through a reference to the field.
#[derive(UniError)]
#[subject("uni-x")]
#[errno(category = 15, sub = 4, code = 1)]
#[msg("tail {tail}!")]
struct Tail<T: ?Sized + fmt::Display + fmt::Debug> {
    tail: T,
}

/// (That `Tail` compiles is the check for `T: ?Sized`; `Tail<str>` is
/// thiserror's suite's case, `tests/parity/path.rs`.)
#[test]
fn an_unsized_tail_is_written() {
    assert_eq!(Tail { tail: "x" }.to_string(), "tail x!");
    assert_eq!(Tail { tail: 1.5 }.to_string(), "tail 1.5!");
}

/// The same with `#[locales]`, whose messages are a table (`write_text`),
/// and a translation of a variant whose `#[msg]` has a spec
/// (`write_pieces`): an unsized tail is passed by reference there too.
#[derive(UniError)]
#[subject("uni-x")]
#[errno(category = 15, sub = 4, code = 1)]
#[locales("en", "zh-Hans")]
#[msg("tail {tail}!")]
#[locale(zh_Hans = "尾 {tail}！")]
struct LocalizedTail<T: ?Sized + fmt::Display + fmt::Debug> {
    tail: T,
}

#[derive(UniError)]
#[subject("uni-x")]
#[errno(category = 15, sub = 4, code = 1)]
#[locales("en", "zh-Hans")]
#[msg("tail {tail:>4}!")]
#[locale(zh_Hans = "尾 {tail}！")]
struct PiecesTail<T: ?Sized + fmt::Display + fmt::Debug> {
    tail: T,
}

#[test]
fn an_unsized_tail_with_locales_is_written() {
    let e = LocalizedTail { tail: "x" };
    assert_eq!(e.to_string(), "tail x!");
    assert_eq!(e.localized("zh-Hans").to_string(), "尾 x！");
    let e = PiecesTail { tail: "x" };
    assert_eq!(e.to_string(), "tail    x!");
    assert_eq!(e.localized("zh-Hans").to_string(), "尾 x！");
}

/// A concrete unsized tail (no probe: `str` is never a path) with
/// `#[locales]`, in the table and as pieces: that these compile is the
/// check (a `str` tail cannot be built safely).
#[derive(UniError)]
#[subject("uni-x")]
#[errno(category = 15, sub = 4, code = 1)]
#[locales("en", "zh-Hans")]
#[msg("tail {tail}!")]
#[locale(zh_Hans = "尾 {tail}！")]
#[allow(dead_code)]
struct StrTailTable {
    tail: str,
}

#[derive(UniError)]
#[subject("uni-x")]
#[errno(category = 15, sub = 4, code = 1)]
#[locales("en", "zh-Hans")]
#[msg("tail {tail:>4}!")]
#[locale(zh_Hans = "尾 {tail}！")]
#[allow(dead_code)]
struct StrTailPieces {
    tail: str,
}
