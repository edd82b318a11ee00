//! Serializing a derived leaf error allocates nothing beyond the output
//! buffer, and the derive adds nothing to the type's size.
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
    }
    // The counter does count: an owned String allocates.
    assert!(allocations_during(|| drop(errors[0].to_string())) > 0);
}

#[test]
fn the_derive_adds_nothing_to_the_size() {
    assert_eq!(
        std::mem::size_of::<LoginError>(),
        std::mem::size_of::<Plain>()
    );
}
