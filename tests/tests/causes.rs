//! The cause dispatch of `#[derive(UniError)]`, path by path, against exact
//! JSON: a derived uni source, the owned `uni_error::Error`, a plain std
//! error, a boxed `dyn Error`, lists (`Vec`, `Box<[T]>`, `[T; N]`), `Option`,
//! generic sources with and without a `UniError` bound; then a chain four
//! levels deep, an aggregate holding an aggregate, the `{:#}` rendering and
//! the `std::error::Error::source()` walk.

use std::error::Error as StdError;
use std::fmt;

use serde::Serialize;
use uni_error::UniError;

fn json<T: Serialize + ?Sized>(v: &T) -> String {
    serde_json::to_string(v).unwrap()
}

/// Direct serialization and the erased `to_error()` agree, exactly.
fn assert_wire<E: UniError + Serialize>(e: &E, expected: &str) {
    assert_eq!(json(e), expected, "direct serialization");
    assert_eq!(json(&e.to_error()), expected, "through to_error()");
}

/// A plain error with a `source()` of its own.
#[derive(Debug)]
struct Disk {
    inner: std::io::Error,
}
impl fmt::Display for Disk {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("disk full")
    }
}
impl StdError for Disk {
    fn source(&self) -> Option<&(dyn StdError + 'static)> {
        Some(&self.inner)
    }
}

/// `io::Error::other(Disk)`: displays "disk full"; its `source()` is the
/// custom error's own source, "sector 7 unreadable".
fn disk_io() -> std::io::Error {
    std::io::Error::other(Disk {
        inner: std::io::Error::other("sector 7 unreadable"),
    })
}

#[derive(Debug, UniError)]
#[subject("uni-storage")]
#[errno(category = 13, sub = 0)]
pub enum StorageError {
    #[errno(code = 1)]
    #[msg("write failed")]
    Write(#[source] std::io::Error),
    #[errno(code = 2)]
    #[msg("quota")]
    Quota,
}

#[derive(Debug, UniError)]
#[subject("uni-sync")]
#[errno(category = 13, sub = 1)]
pub enum SyncError {
    #[errno(code = 1)]
    #[msg("sync failed")]
    Storage(#[from] StorageError),
    #[errno(code = 2)]
    #[msg("remote said no")]
    Remote(#[source] uni_error::Error),
    #[errno(code = 3)]
    #[msg("plain io")]
    Io(#[source] std::io::Error),
    #[errno(code = 4)]
    #[msg("boxed")]
    Boxed(#[source] Box<dyn StdError + Send + Sync>),
    #[errno(code = 5)]
    #[msg("{} failed", .0.len())]
    List(#[source] Vec<StorageError>),
    #[errno(code = 6)]
    #[msg("slice")]
    Slice(#[source] Box<[StorageError]>),
    #[errno(code = 7)]
    #[msg("pair")]
    Pair(#[source] [std::io::Error; 2]),
    #[errno(code = 8)]
    #[msg("maybe")]
    Maybe(#[source] Option<StorageError>),
    #[errno(code = 9)]
    #[msg("nested")]
    Nested(#[source] Vec<SyncError>),
}

#[test]
fn a_derived_uni_source_keeps_subject_code_and_its_own_chain() {
    let e = SyncError::Storage(StorageError::Quota);
    assert_wire(
        &e,
        concat!(
            r#"{"errSubject":"uni-sync","errCode":1301001,"errMsg":"sync failed","#,
            r#""cause":{"message":"quota","subject":"uni-storage","code":1300002}}"#
        ),
    );
}

#[test]
fn the_owned_error_as_a_source_keeps_subject_and_code() {
    let remote = uni_error::Error::new("csj", -404_012, "no fill")
        .with_cause(uni_error::SourceError::new("upstream timeout"));
    assert_wire(
        &SyncError::Remote(remote),
        concat!(
            r#"{"errSubject":"uni-sync","errCode":1301002,"errMsg":"remote said no","#,
            r#""cause":{"message":"no fill","subject":"csj","code":-404012,"#,
            r#""cause":{"message":"upstream timeout"}}}"#
        ),
    );
}

#[test]
fn a_plain_std_error_gives_its_message_and_source_chain() {
    assert_wire(
        &SyncError::Io(std::io::Error::other("eof")),
        r#"{"errSubject":"uni-sync","errCode":1301003,"errMsg":"plain io","cause":{"message":"eof"}}"#,
    );
    assert_wire(
        &SyncError::Io(disk_io()),
        concat!(
            r#"{"errSubject":"uni-sync","errCode":1301003,"errMsg":"plain io","#,
            r#""cause":{"message":"disk full","cause":{"message":"sector 7 unreadable"}}}"#
        ),
    );
}

#[test]
fn a_boxed_dyn_error_takes_the_plain_path() {
    let boxed: Box<dyn StdError + Send + Sync> = Box::new(disk_io());
    assert_wire(
        &SyncError::Boxed(boxed),
        concat!(
            r#"{"errSubject":"uni-sync","errCode":1301004,"errMsg":"boxed","#,
            r#""cause":{"message":"disk full","cause":{"message":"sector 7 unreadable"}}}"#
        ),
    );
    let boxed: Box<dyn StdError + Send + Sync> = "just text".into();
    let e = SyncError::Boxed(boxed);
    assert_eq!(e.source().unwrap().to_string(), "just text");
}

#[test]
fn lists_give_an_aggregate_in_order() {
    let quota = || StorageError::Quota;
    let write = || StorageError::Write(std::io::Error::other("eof"));
    let members = concat!(
        r#"{"message":"quota","subject":"uni-storage","code":1300002},"#,
        r#"{"message":"write failed","subject":"uni-storage","code":1300001,"cause":{"message":"eof"}}"#
    );
    assert_wire(
        &SyncError::List(vec![quota(), write()]),
        &format!(
            r#"{{"errSubject":"uni-sync","errCode":1301005,"errMsg":"2 failed","cause":{{"message":"2 failed","errors":[{members}]}}}}"#
        ),
    );
    assert_wire(
        &SyncError::Slice(vec![quota(), write()].into_boxed_slice()),
        &format!(
            r#"{{"errSubject":"uni-sync","errCode":1301006,"errMsg":"slice","cause":{{"message":"slice","errors":[{members}]}}}}"#
        ),
    );
    assert_wire(
        &SyncError::Pair([std::io::Error::other("a"), std::io::Error::other("b")]),
        concat!(
            r#"{"errSubject":"uni-sync","errCode":1301007,"errMsg":"pair","#,
            r#""cause":{"message":"pair","errors":[{"message":"a"},{"message":"b"}]}}"#
        ),
    );
    // A list has no single std source.
    assert!(SyncError::List(vec![quota()]).source().is_none());
    // An empty list is still an aggregate, with no members.
    assert_wire(
        &SyncError::List(Vec::new()),
        r#"{"errSubject":"uni-sync","errCode":1301005,"errMsg":"0 failed","cause":{"message":"0 failed","errors":[]}}"#,
    );
}

#[test]
fn option_none_is_no_cause_and_some_is_one() {
    let none = SyncError::Maybe(None);
    assert_wire(
        &none,
        r#"{"errSubject":"uni-sync","errCode":1301008,"errMsg":"maybe"}"#,
    );
    assert!(none.err_cause().is_none());
    assert!(none.source().is_none());
    assert_wire(
        &SyncError::Maybe(Some(StorageError::Quota)),
        concat!(
            r#"{"errSubject":"uni-sync","errCode":1301008,"errMsg":"maybe","#,
            r#""cause":{"message":"quota","subject":"uni-storage","code":1300002}}"#
        ),
    );
}

#[derive(Debug, UniError)]
#[subject("uni-app")]
#[errno(category = 13, sub = 2, code = 1)]
#[msg("app failed")]
pub struct AppError(#[source] SyncError);

/// derived -> derived -> derived -> io::Error whose inner error has a source.
fn deep() -> AppError {
    AppError(SyncError::Storage(StorageError::Write(disk_io())))
}

const DEEP_JSON: &str = concat!(
    r#"{"errSubject":"uni-app","errCode":1302001,"errMsg":"app failed","#,
    r#""cause":{"message":"sync failed","subject":"uni-sync","code":1301001,"#,
    r#""cause":{"message":"write failed","subject":"uni-storage","code":1300001,"#,
    r#""cause":{"message":"disk full","#,
    r#""cause":{"message":"sector 7 unreadable"}}}}}"#
);

#[test]
fn a_deep_chain_keeps_every_level() {
    assert_wire(&deep(), DEEP_JSON);
    // And reads back to the same bytes.
    let back: uni_error::Error = serde_json::from_str(DEEP_JSON).unwrap();
    assert_eq!(json(&back), DEEP_JSON);
}

#[test]
fn the_alternate_display_prints_the_deep_chain() {
    assert_eq!(
        format!("{:#}", deep().to_error()),
        "uni-app 1302001: app failed\n\
         caused by: uni-sync 1301001: sync failed\n\
         caused by: uni-storage 1300001: write failed\n\
         caused by: disk full\n\
         caused by: sector 7 unreadable"
    );
    assert_eq!(deep().to_string(), "app failed");
}

#[test]
fn source_walks_from_the_outer_error_to_the_bottom() {
    let e = deep();
    let mut messages = Vec::new();
    let mut next: Option<&(dyn StdError + 'static)> = Some(&e);
    while let Some(err) = next {
        messages.push(err.to_string());
        next = err.source();
    }
    assert_eq!(
        messages,
        [
            "app failed",
            "sync failed",
            "write failed",
            "disk full",
            "sector 7 unreadable"
        ]
    );
    // The erased error walks the same messages through its causes.
    let erased = e.to_error();
    let mut messages = Vec::new();
    let mut next: Option<&(dyn StdError + 'static)> = Some(&erased);
    while let Some(err) = next {
        messages.push(err.to_string());
        next = err.source();
    }
    assert_eq!(messages.len(), 5);
    assert_eq!(messages[4], "sector 7 unreadable");
}

#[test]
fn an_aggregate_can_hold_an_aggregate() {
    let e = SyncError::Nested(vec![
        SyncError::List(vec![StorageError::Quota, StorageError::Quota]),
        SyncError::Io(std::io::Error::other("eof")),
    ]);
    let expected = concat!(
        r#"{"errSubject":"uni-sync","errCode":1301009,"errMsg":"nested","#,
        r#""cause":{"message":"nested","errors":["#,
        r#"{"message":"2 failed","subject":"uni-sync","code":1301005,"#,
        r#""cause":{"message":"2 failed","errors":["#,
        r#"{"message":"quota","subject":"uni-storage","code":1300002},"#,
        r#"{"message":"quota","subject":"uni-storage","code":1300002}]}},"#,
        r#"{"message":"plain io","subject":"uni-sync","code":1301003,"cause":{"message":"eof"}}"#,
        r#"]}}"#
    );
    assert_wire(&e, expected);
    assert_eq!(
        format!("{:#}", e.to_error()),
        "uni-sync 1301009: nested\n\
         caused by: nested\n  \
           [0] uni-sync 1301005: 2 failed\n  \
           caused by: 2 failed\n    \
             [0] uni-storage 1300002: quota\n    \
             [1] uni-storage 1300002: quota\n  \
           [1] uni-sync 1301003: plain io\n  \
           caused by: eof"
    );
}

#[derive(Debug, UniError)]
#[subject("uni-generic")]
#[errno(category = 13, sub = 3)]
pub enum Generic<E: StdError + 'static, U: UniError + 'static> {
    #[errno(code = 1)]
    #[msg("plain bound")]
    Plain(#[source] E),
    #[errno(code = 2)]
    #[msg("uni bound")]
    Uni(#[source] U),
}

#[test]
fn a_generic_source_takes_the_plain_path_unless_bounded_by_uni_error() {
    let plain: Generic<StorageError, StorageError> = Generic::Plain(StorageError::Quota);
    assert_wire(
        &plain,
        r#"{"errSubject":"uni-generic","errCode":1303001,"errMsg":"plain bound","cause":{"message":"quota"}}"#,
    );
    let uni: Generic<StorageError, StorageError> = Generic::Uni(StorageError::Quota);
    assert_wire(
        &uni,
        concat!(
            r#"{"errSubject":"uni-generic","errCode":1303002,"errMsg":"uni bound","#,
            r#""cause":{"message":"quota","subject":"uni-storage","code":1300002}}"#
        ),
    );
}
