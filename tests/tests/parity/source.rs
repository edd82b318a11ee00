//! thiserror's `test_source.rs`, `test_error.rs`, `test_from.rs` and
//! `test_option.rs`: which field is the source, `From` from a `#[from]`
//! field (also an `Option` one), a type that writes its own `Display`, and
//! optional sources, anyhow's among them.

use std::error::Error as _;
use std::fmt;
use std::io;

use uni_error::UniError;

use super::check;

#[derive(Debug, UniError)]
#[subject("uni-parity")]
#[errno(category = 9, sub = 40)]
enum Sources {
    /// A field named `source` needs no attribute.
    #[errno(code = 1)]
    #[msg("by name")]
    ByName { source: io::Error },
    /// `#[source]` picks a field; another named `source` is then data.
    #[errno(code = 2)]
    #[msg("by attribute ({source})")]
    ByAttribute {
        source: String,
        #[source]
        io: io::Error,
    },
    #[errno(code = 3)]
    #[msg("boxed")]
    Boxed {
        #[source]
        inner: Box<dyn std::error::Error + Send + 'static>,
    },
}

#[test]
fn the_source_field() {
    let e = Sources::ByName {
        source: io::Error::other("disk"),
    };
    assert!(e.source().unwrap().downcast_ref::<io::Error>().is_some());
    check(
        &e,
        "by name",
        r#"{"errSubject":"uni-parity","errCode":940001,"errMsg":"by name","cause":{"message":"disk"}}"#,
    );
    let e = Sources::ByAttribute {
        source: "cfg".into(),
        io: io::Error::other("denied"),
    };
    assert!(e.source().unwrap().downcast_ref::<io::Error>().is_some());
    check(
        &e,
        "by attribute (cfg)",
        r#"{"errSubject":"uni-parity","errCode":940002,"errMsg":"by attribute (cfg)","cause":{"message":"denied"}}"#,
    );
    let e = Sources::Boxed {
        inner: Box::new(io::Error::other("boxed io")),
    };
    assert!(e.source().unwrap().downcast_ref::<io::Error>().is_some());
    check(
        &e,
        "boxed",
        r#"{"errSubject":"uni-parity","errCode":940003,"errMsg":"boxed","cause":{"message":"boxed io"}}"#,
    );
}

#[test]
fn a_raw_source_name_read_by_the_message_is_no_source() {
    #[derive(Debug, UniError)]
    #[subject("uni-parity")]
    #[errno(category = 9, sub = 40, code = 4)]
    #[msg("{source} -> {target}")]
    struct Route {
        r#source: char,
        target: char,
    }
    let e = Route {
        source: 'a',
        target: 'b',
    };
    assert!(e.source().is_none());
    check(
        &e,
        "a -> b",
        r#"{"errSubject":"uni-parity","errCode":940004,"errMsg":"a -> b"}"#,
    );
}

macro_rules! enum_from_a_macro {
    ($($variants:tt)*) => {
        #[derive(UniError)]
        #[derive(Debug)]
        #[subject("uni-parity")]
        #[errno(category = 9, sub = 41)]
        enum FromMacro {
            $($variants)*
        }
    };
}

enum_from_a_macro! {
    #[errno(code = 1)]
    #[msg("from a macro")]
    Io(#[from] io::Error)
}

#[test]
fn from_inside_a_macro_body() {
    let e = FromMacro::from(io::Error::other("m"));
    check(
        &e,
        "from a macro",
        r#"{"errSubject":"uni-parity","errCode":941001,"errMsg":"from a macro","cause":{"message":"m"}}"#,
    );
}

// `From<io::Error>` for each shape thiserror's from-test lists.
#[derive(Debug, UniError)]
#[subject("uni-parity")]
#[errno(category = 9, sub = 42, code = 1)]
#[msg("struct")]
struct FromStruct {
    #[from]
    source: io::Error,
}

#[derive(Debug, UniError)]
#[subject("uni-parity")]
#[errno(category = 9, sub = 42, code = 2)]
#[msg("optional struct")]
struct FromOptional {
    #[from]
    source: Option<io::Error>,
}

#[derive(Debug, UniError)]
#[subject("uni-parity")]
#[errno(category = 9, sub = 42, code = 3)]
#[msg("tuple")]
struct FromTuple(#[from] io::Error);

#[derive(Debug, UniError)]
#[subject("uni-parity")]
#[errno(category = 9, sub = 42, code = 4)]
#[msg("optional tuple")]
struct FromOptionalTuple(#[from] Option<io::Error>);

#[derive(Debug, UniError)]
#[subject("uni-parity")]
#[errno(category = 9, sub = 43)]
enum FromEnum {
    #[errno(code = 1)]
    #[msg("variant")]
    Plain {
        #[from]
        source: io::Error,
    },
}

#[derive(Debug, UniError)]
#[subject("uni-parity")]
#[errno(category = 9, sub = 44)]
enum FromOptionalEnum {
    #[errno(code = 1)]
    #[msg("optional variant")]
    Optional {
        #[from]
        source: Option<io::Error>,
    },
}

#[derive(Debug, UniError)]
#[subject("uni-parity")]
#[errno(category = 9, sub = 45)]
enum FromMany {
    #[errno(code = 1)]
    #[msg("any: {0}")]
    Any(#[from] anyhow::Error),
    #[errno(code = 2)]
    #[msg("io")]
    Io(#[from] io::Error),
}

fn from_io<T: From<io::Error>>() -> T {
    T::from(io::Error::other("src"))
}

#[test]
fn from_each_shape() {
    check(
        &from_io::<FromStruct>(),
        "struct",
        r#"{"errSubject":"uni-parity","errCode":942001,"errMsg":"struct","cause":{"message":"src"}}"#,
    );
    check(
        &from_io::<FromOptional>(),
        "optional struct",
        r#"{"errSubject":"uni-parity","errCode":942002,"errMsg":"optional struct","cause":{"message":"src"}}"#,
    );
    check(
        &from_io::<FromTuple>(),
        "tuple",
        r#"{"errSubject":"uni-parity","errCode":942003,"errMsg":"tuple","cause":{"message":"src"}}"#,
    );
    check(
        &from_io::<FromOptionalTuple>(),
        "optional tuple",
        r#"{"errSubject":"uni-parity","errCode":942004,"errMsg":"optional tuple","cause":{"message":"src"}}"#,
    );
    check(
        &from_io::<FromEnum>(),
        "variant",
        r#"{"errSubject":"uni-parity","errCode":943001,"errMsg":"variant","cause":{"message":"src"}}"#,
    );
    check(
        &from_io::<FromOptionalEnum>(),
        "optional variant",
        r#"{"errSubject":"uni-parity","errCode":944001,"errMsg":"optional variant","cause":{"message":"src"}}"#,
    );
    check(
        &from_io::<FromMany>(),
        "io",
        r#"{"errSubject":"uni-parity","errCode":945002,"errMsg":"io","cause":{"message":"src"}}"#,
    );
    let any = FromMany::from(anyhow::anyhow!("root").context("ctx"));
    check(
        &any,
        "any: ctx",
        r#"{"errSubject":"uni-parity","errCode":945001,"errMsg":"any: ctx","cause":{"message":"ctx","cause":{"message":"root"}}}"#,
    );
    // An empty optional source is no cause.
    let none = FromOptional { source: None };
    assert!(none.source().is_none());
    check(
        &none,
        "optional struct",
        r#"{"errSubject":"uni-parity","errCode":942002,"errMsg":"optional struct"}"#,
    );
}

// Types whose `Display` is hand-written: the derive still writes
// `std::error::Error`, its `source()` and the uni side.
#[derive(Debug, UniError)]
#[subject("uni-parity")]
#[errno(category = 9, sub = 46)]
enum HandWritten {
    #[errno(code = 1)]
    Braced {
        #[source]
        cause: io::Error,
    },
    #[errno(code = 2)]
    Tuple(#[source] io::Error),
    #[errno(code = 3)]
    Unit,
}

impl fmt::Display for HandWritten {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str(match self {
            HandWritten::Braced { .. } => "braced by hand",
            HandWritten::Tuple(_) => "tuple by hand",
            HandWritten::Unit => "unit by hand",
        })
    }
}

#[derive(Debug, UniError)]
#[subject("uni-parity")]
#[errno(category = 9, sub = 47, code = 1)]
struct HandWrittenAnyhow {
    #[source]
    cause: anyhow::Error,
}

impl fmt::Display for HandWrittenAnyhow {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("anyhow by hand")
    }
}

#[test]
fn display_written_by_hand() {
    let e = HandWritten::Braced {
        cause: io::Error::other("b"),
    };
    assert_eq!(e.source().unwrap().to_string(), "b");
    check(
        &e,
        "braced by hand",
        r#"{"errSubject":"uni-parity","errCode":946001,"errMsg":"braced by hand","cause":{"message":"b"}}"#,
    );
    let e = HandWritten::Tuple(io::Error::other("t"));
    assert_eq!(e.source().unwrap().to_string(), "t");
    check(
        &HandWritten::Unit,
        "unit by hand",
        r#"{"errSubject":"uni-parity","errCode":946003,"errMsg":"unit by hand"}"#,
    );
    let e = HandWrittenAnyhow {
        cause: anyhow::anyhow!("deep"),
    };
    assert_eq!(e.source().unwrap().to_string(), "deep");
    check(
        &e,
        "anyhow by hand",
        r#"{"errSubject":"uni-parity","errCode":947001,"errMsg":"anyhow by hand","cause":{"message":"deep"}}"#,
    );
}

// thiserror's option test (its parts without a backtrace): an optional
// anyhow source, present or not.
#[derive(Debug, UniError)]
#[subject("uni-parity")]
#[errno(category = 9, sub = 48)]
enum OptionalAnyhow {
    #[errno(code = 1)]
    #[msg("optional anyhow")]
    Test {
        #[source]
        source: Option<anyhow::Error>,
    },
}

#[test]
fn an_optional_anyhow_source() {
    let e = OptionalAnyhow::Test {
        source: Some(anyhow::anyhow!("inner")),
    };
    assert_eq!(e.source().unwrap().to_string(), "inner");
    check(
        &e,
        "optional anyhow",
        r#"{"errSubject":"uni-parity","errCode":948001,"errMsg":"optional anyhow","cause":{"message":"inner"}}"#,
    );
    let e = OptionalAnyhow::Test { source: None };
    assert!(e.source().is_none());
    check(
        &e,
        "optional anyhow",
        r#"{"errSubject":"uni-parity","errCode":948001,"errMsg":"optional anyhow"}"#,
    );
}
