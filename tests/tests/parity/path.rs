//! thiserror's `test_path.rs`: `Path` and `PathBuf` fields show as
//! `Path::display` shows them, by name or index, owned, borrowed (also
//! `&mut`), boxed or unsized; `{:?}` keeps their `Debug`. Also an unsized
//! `str` field.

use std::path::{Path, PathBuf};

use uni_error::UniError;

use super::check;

#[derive(Debug, UniError)]
#[subject("uni-parity")]
#[errno(category = 9, sub = 30, code = 1)]
#[msg("failed to read {path}")]
struct Read {
    path: PathBuf,
}

#[derive(Debug, UniError)]
#[subject("uni-parity")]
#[errno(category = 9, sub = 31)]
enum Paths<'a> {
    #[errno(code = 1)]
    #[msg("cannot open '{0}'")]
    Open(PathBuf),
    #[errno(code = 2)]
    #[msg("borrowed {0}, boxed {1}")]
    Shapes(&'a Path, Box<Path>),
    #[errno(code = 3)]
    #[msg("display {0} then debug {0:?}")]
    DisplayDebug(PathBuf),
    #[errno(code = 4)]
    #[msg("debug {0:?} then display {0}")]
    DebugDisplay(PathBuf),
    #[errno(code = 5)]
    #[msg("padded [{0:>8}]")]
    Padded(PathBuf),
    #[errno(code = 6)]
    #[msg("held mutably: {0}")]
    Mutable(&'a mut PathBuf),
}

#[test]
fn path_fields_show_as_display() {
    check(
        &Read {
            path: PathBuf::from("/etc/hosts"),
        },
        "failed to read /etc/hosts",
        r#"{"errSubject":"uni-parity","errCode":930001,"errMsg":"failed to read /etc/hosts"}"#,
    );
    check(
        &Paths::Open(PathBuf::from("a b.txt")),
        "cannot open 'a b.txt'",
        r#"{"errSubject":"uni-parity","errCode":931001,"errMsg":"cannot open 'a b.txt'"}"#,
    );
    check(
        &Paths::Shapes(Path::new("/x"), PathBuf::from("/y").into_boxed_path()),
        "borrowed /x, boxed /y",
        r#"{"errSubject":"uni-parity","errCode":931002,"errMsg":"borrowed /x, boxed /y"}"#,
    );
    check(
        &Paths::Padded(PathBuf::from("/z")),
        "padded [      /z]",
        r#"{"errSubject":"uni-parity","errCode":931005,"errMsg":"padded [      /z]"}"#,
    );
    let mut held = PathBuf::from("/m n");
    check(
        &Paths::Mutable(&mut held),
        "held mutably: /m n",
        r#"{"errSubject":"uni-parity","errCode":931006,"errMsg":"held mutably: /m n"}"#,
    );
}

#[test]
fn one_path_read_by_display_and_by_debug() {
    check(
        &Paths::DisplayDebug(PathBuf::from("/p")),
        r#"display /p then debug "/p""#,
        r#"{"errSubject":"uni-parity","errCode":931003,"errMsg":"display /p then debug \"/p\""}"#,
    );
    check(
        &Paths::DebugDisplay(PathBuf::from("/p")),
        r#"debug "/p" then display /p"#,
        r#"{"errSubject":"uni-parity","errCode":931004,"errMsg":"debug \"/p\" then display /p"}"#,
    );
}

#[cfg(unix)]
#[test]
fn a_path_that_is_not_utf8_shows_lossily() {
    use std::os::unix::ffi::OsStrExt;
    let path = Path::new(std::ffi::OsStr::from_bytes(b"/tmp/\xFFx")).to_owned();
    check(
        &Read { path },
        "failed to read /tmp/\u{FFFD}x",
        r#"{"errSubject":"uni-parity","errCode":930001,"errMsg":"failed to read /tmp/�x"}"#,
    );
}

/// A path held in place: an unsized last field.
#[derive(Debug, UniError)]
#[subject("uni-parity")]
#[errno(category = 9, sub = 30, code = 2)]
#[msg("failed to read '{file}'")]
#[repr(transparent)]
struct InPlace {
    file: Path,
}

impl InPlace {
    fn new(path: &Path) -> &InPlace {
        // SAFETY: `InPlace` is `repr(transparent)` over `Path`.
        unsafe { &*(path as *const Path as *const InPlace) }
    }
}

/// An unsized `str` read by `{tail}`.
#[derive(Debug, UniError)]
#[subject("uni-parity")]
#[errno(category = 9, sub = 30, code = 3)]
#[msg("{tail}")]
struct Unsized {
    #[allow(dead_code)]
    head: i32,
    tail: str,
}

#[test]
fn unsized_fields() {
    check(
        InPlace::new(Path::new("/srv/data")),
        "failed to read '/srv/data'",
        r#"{"errSubject":"uni-parity","errCode":930002,"errMsg":"failed to read '/srv/data'"}"#,
    );
    let _: fn(&Unsized) -> String = ToString::to_string;
}
