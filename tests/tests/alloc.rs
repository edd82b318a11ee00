//! Serializing a derived error allocates nothing beyond the output buffer,
//! leaf or cause chain of derived and plain std errors, and the derive adds
//! nothing to the type's size.
//!
//! A counting global allocator sees every allocation of this test binary;
//! the measured sections run on one thread, and the count is per thread.

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;

use serde::Serialize;
use uni_error::UniError;

struct Counting;

thread_local! {
    static ALLOCATIONS: Cell<usize> = const { Cell::new(0) };
}

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        ALLOCATIONS.with(|n| n.set(n.get() + 1));
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        ALLOCATIONS.with(|n| n.set(n.get() + 1));
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
