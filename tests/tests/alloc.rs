//! Serializing a derived error allocates nothing beyond the output buffer,
//! leaf or cause chain of derived and plain std errors, the derive adds
//! nothing to the type's size, and a million errors of every kind, created,
//! converted and dropped, leave no byte behind.
//!
//! A counting global allocator sees every allocation and free of this test
//! binary; the measured sections run on one thread, and the counts are per
//! thread.

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;

use serde::Serialize;
use uni_error::UniError;

struct Counting;

thread_local! {
    static ALLOCATIONS: Cell<usize> = const { Cell::new(0) };
    /// Blocks allocated and not yet freed, and their bytes.
    static LIVE: Cell<(isize, isize)> = const { Cell::new((0, 0)) };
}

fn live_add(blocks: isize, bytes: isize) {
    LIVE.with(|l| {
        let (n, b) = l.get();
        l.set((n + blocks, b + bytes));
    });
}

// SAFETY: every call is forwarded to the system allocator unchanged.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        ALLOCATIONS.with(|n| n.set(n.get() + 1));
        live_add(1, layout.size() as isize);
        // SAFETY: the caller's contract, passed on.
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        live_add(-1, -(layout.size() as isize));
        // SAFETY: the caller's contract, passed on.
        unsafe { System.dealloc(ptr, layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        ALLOCATIONS.with(|n| n.set(n.get() + 1));
        live_add(0, new_size as isize - layout.size() as isize);
        // SAFETY: the caller's contract, passed on.
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

fn allocations_during(f: impl FnOnce()) -> usize {
    let before = ALLOCATIONS.with(Cell::get);
    f();
    ALLOCATIONS.with(Cell::get) - before
}

/// The blocks and bytes `f` leaves allocated on this thread.
fn left_by(f: impl FnOnce()) -> (isize, isize) {
    let (n, b) = LIVE.with(Cell::get);
    f();
    let (n2, b2) = LIVE.with(Cell::get);
    (n2 - n, b2 - b)
}

#[derive(Debug, Serialize)]
struct Profile {
    name: String,
    age: u8,
}

#[derive(Debug, UniError)]
#[subject("uni-login")]
#[errno(category = 15, sub = 4)]
enum LoginError {
    #[errno(code = 3)]
    #[msg("NFC is not available: {reason} ({code:?})")]
    NfcUnavailable { reason: String, code: Option<i32> },
    #[errno(code = 5)]
    #[msg("partial profile for {0}")]
    Partial(String, #[data] Profile),
    #[errno(code = 6)]
    #[msg("unit")]
    Unit,
}

#[derive(Debug)]
#[allow(dead_code)]
enum Plain {
    NfcUnavailable { reason: String, code: Option<i32> },
    Partial(String, Profile),
    Unit,
}

#[test]
fn serializing_a_leaf_allocates_nothing_beyond_the_buffer() {
    let errors = [
        LoginError::NfcUnavailable {
            reason: "switched \"off\" \u{1F512}".into(),
            code: Some(-3),
        },
        LoginError::Partial(
            "alice".into(),
            Profile {
                name: "Alice".into(),
                age: 30,
            },
        ),
        LoginError::Unit,
    ];
    let mut buf = Vec::with_capacity(4096);
    for e in &errors {
        buf.clear();
        let n = allocations_during(|| serde_json::to_writer(&mut buf, e).unwrap());
        assert_eq!(n, 0, "{}", String::from_utf8_lossy(&buf));
        // The direct writer, too, into the reused buffer.
        let serde_bytes = buf.clone();
        buf.clear();
        let n = allocations_during(|| e.write_json(&mut buf).unwrap());
        assert_eq!(n, 0, "write_json: {}", String::from_utf8_lossy(&buf));
        assert_eq!(buf, serde_bytes);
    }
    // The counter does count: an owned String allocates.
    assert!(allocations_during(|| drop(errors[0].to_string())) > 0);
}

#[derive(Debug, UniError)]
#[subject("uni-login")]
#[errno(category = 15, sub = 4)]
#[locales("en", "zh-Hans")]
enum Localized {
    #[errno(code = 3)]
    #[msg("NFC is not available: {reason} ({code:?})")]
    #[locale(zh_Hans = "NFC 不可用：{reason}（{code:?}）")]
    NfcUnavailable { reason: String, code: Option<i32> },
    #[errno(code = 4)]
    #[msg("tag {id:#06x}")]
    #[locale(zh_Hans = "标签 {id:#06x}")]
    Tag { id: u16 },
}

#[test]
fn a_localized_view_allocates_nothing_beyond_the_buffer() {
    let errors = [
        Localized::NfcUnavailable {
            reason: "switched off".into(),
            code: Some(-3),
        },
        Localized::Tag { id: 42 },
    ];
    let mut buf = Vec::with_capacity(4096);
    for e in &errors {
        for tag in [
            "zh-Hans-CN",
            "en",
            "fr",
            "a-very-long-tag-that-is-cut-at-a-subtag",
        ] {
            buf.clear();
            let view = e.localized(tag);
            let n = allocations_during(|| serde_json::to_writer(&mut buf, &view).unwrap());
            assert_eq!(n, 0, "{tag}: {}", String::from_utf8_lossy(&buf));
        }
    }
    buf.clear();
    serde_json::to_writer(&mut buf, &errors[0].localized("zh")).unwrap();
    assert_eq!(
        String::from_utf8(buf).unwrap(),
        r#"{"errSubject":"uni-login","errCode":1504003,"errMsg":"NFC 不可用：switched off（Some(-3)）"}"#
    );
}

/// `io::Error::other(Disk)`: displays "disk full"; its `source()` is
/// "sector 7 unreadable".
#[derive(Debug)]
struct Disk {
    inner: std::io::Error,
}
impl std::fmt::Display for Disk {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("disk full")
    }
}
impl std::error::Error for Disk {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        Some(&self.inner)
    }
}

#[derive(Debug, UniError)]
#[subject("uni-storage")]
#[errno(category = 13, sub = 0)]
enum StorageError {
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
enum SyncError {
    #[errno(code = 1)]
    #[msg("sync failed")]
    Storage(#[source] StorageError),
    #[errno(code = 2)]
    #[msg("{} failed", .0.len())]
    List(#[source] Vec<StorageError>),
    #[errno(code = 3)]
    #[msg("no fill")]
    Labelled(#[source(subject = "csj")] std::io::Error),
}

#[test]
fn serializing_a_cause_chain_allocates_nothing_beyond_the_buffer() {
    let disk = || {
        std::io::Error::other(Disk {
            inner: std::io::Error::other("sector 7 unreadable"),
        })
    };
    let errors = [
        // derived -> derived -> io::Error with a source of its own.
        SyncError::Storage(StorageError::Write(disk())),
        SyncError::List(vec![StorageError::Quota, StorageError::Write(disk())]),
        SyncError::Labelled(disk()),
    ];
    let mut buf = Vec::with_capacity(4096);
    for e in &errors {
        buf.clear();
        let n = allocations_during(|| serde_json::to_writer(&mut buf, e).unwrap());
        let out = String::from_utf8_lossy(&buf);
        assert!(out.contains("sector 7 unreadable"), "{out}");
        assert_eq!(n, 0, "{out}");
        let serde_bytes = buf.clone();
        buf.clear();
        let n = allocations_during(|| e.write_json(&mut buf).unwrap());
        assert_eq!(n, 0, "write_json: {}", String::from_utf8_lossy(&buf));
        assert_eq!(buf, serde_bytes);
    }
    // The owned path allocates: the counter sees cause trees being built.
    assert!(allocations_during(|| drop(errors[0].err_cause())) > 0);
}

#[test]
fn the_derive_adds_nothing_to_the_size() {
    assert_eq!(
        std::mem::size_of::<LoginError>(),
        std::mem::size_of::<Plain>()
    );
}

/// One error, created, put through one conversion and dropped: `i` picks
/// the kind and the conversion, and varies the text (and the language
/// asked for), so no cache could keep up with it unseen.
fn churn(i: usize) -> usize {
    let disk = || {
        std::io::Error::other(Disk {
            inner: std::io::Error::other(format!("sector {i} unreadable")),
        })
    };
    match i % 8 {
        // Derived, with a derived source and a std chain below it: erased
        // with `?` (moves the sources), then the owned chain as text.
        0 => format!(
            "{:#}",
            uni_error::Error::from(SyncError::Storage(StorageError::Write(disk())))
        )
        .len(),
        // A derived aggregate, and its owned cause tree.
        1 => SyncError::List(vec![StorageError::Quota, StorageError::Write(disk())])
            .err_cause()
            .map_or(0, |c| c.to_string().len()),
        // A labelled third-party source, as JSON.
        2 => SyncError::Labelled(disk()).to_json().unwrap().len(),
        // The owned error with data, a chain and an aggregate: cloned.
        3 => {
            let e = uni_error::Error::new("uni-ad", 1_416_601, format!("no ad {i}"))
                .with_data(serde_json::json!({"slot": i, "tags": ["a", "b"]}))
                .with_cause(
                    uni_error::SourceError::new("no fill")
                        .with_subject("csj")
                        .with_code(-404_012)
                        .with_cause(uni_error::AggregateError::new(vec![
                            uni_error::SourceError::new("timeout").into(),
                            uni_error::SourceError::new("refused").into(),
                        ])),
                );
            e.clone().message().len()
        }
        // The same shape read from JSON.
        4 => {
            let text = format!(
                r#"{{"errSubject":"uni-ad","errCode":{i},"errMsg":"no ad","data":{{"slot":{i}}},"cause":{{"message":"no fill","subject":"csj","slotId":"s{i}","cause":{{"message":"2 errors","errors":[{{"message":"a"}},{{"message":"b"}}]}}}}}}"#
            );
            serde_json::from_str::<uni_error::Error>(&text)
                .unwrap()
                .code() as usize
        }
        // A localized view, in a language picked from 64 tags.
        5 => {
            let tag = ["zh-Hans-CN", "en-US", "fr", "zh"][i % 4];
            let tag = format!("{tag}-x-{}", i % 16);
            Localized::NfcUnavailable {
                reason: format!("switched off {i}"),
                code: Some(-3),
            }
            .localized(&tag)
            .to_string()
            .len()
        }
        // A derived error with `#[data]`, erased.
        6 => uni_error::Error::from(LoginError::Partial(
            format!("user {i}"),
            Profile {
                name: "Alice".into(),
                age: 30,
            },
        ))
        .data()
        .map_or(0, |d| d.get().len()),
        // A gRPC status in a requested language, and back.
        _ => {
            let status =
                uni_error::tonic::to_status_in(&Localized::Tag { id: i as u16 }, "zh-Hans");
            uni_error::tonic::from_status(&status)
                .unwrap()
                .message()
                .len()
        }
    }
}

#[test]
fn a_million_errors_created_and_dropped_leave_nothing() {
    // `UNI_ERROR_CHURN` lowers the count for a quick local run.
    let n: usize = std::env::var("UNI_ERROR_CHURN")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(1_000_000);
    // Whatever the first call sets up once (thread-locals, lazy statics)
    // is not a leak: one call of each kind first.
    let warm: usize = (0..8).map(churn).sum();
    assert!(warm > 0);
    let mut written = 0;
    let mut allocated = 0;
    let left = left_by(|| {
        allocated = allocations_during(|| {
            for i in 0..n {
                written += churn(i);
            }
        });
    });
    assert_eq!(left, (0, 0), "blocks and bytes left after {n} errors");
    // The counters did see the work.
    assert!(allocated > n, "{allocated} allocations for {n} errors");
    assert!(written > 10 * n, "{written}");
    // And a leak would show.
    let leak = left_by(|| std::mem::forget(vec![0u8; 24]));
    assert_eq!(leak, (1, 24));
}
