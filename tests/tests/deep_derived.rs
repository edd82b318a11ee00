//! A self-recursive derived error thousands of links deep, on the default
//! 2 MiB test thread.
//!
//! Unlike a chain of `uni_error::Error` values (iterative at any depth), a
//! derived chain is walked recursively: where serialization's depth cut
//! counts what it leaves out, and by `to_error()`, which builds the owned
//! chain. Measured in a debug build on a 2 MiB stack: streamed serialization
//! handles 8 000 links (not 10 000); `to_error()` 1 000 (not 2 000).

use uni_error::UniError;

#[derive(Debug, UniError)]
#[subject("uni-deep")]
#[errno(category = 1, sub = 1)]
enum Deep {
    #[errno(code = 1)]
    #[msg("link")]
    Link(#[source] Box<Deep>),
    #[errno(code = 2)]
    #[msg("bottom")]
    Bottom,
}

/// `n` links above the bottom: `n + 1` errors, `n` causes below the top.
fn chain(n: usize) -> Deep {
    let mut e = Deep::Bottom;
    for _ in 0..n {
        e = Deep::Link(Box::new(e));
    }
    e
}

#[test]
fn five_thousand_derived_links_serialize_cut() {
    let e = chain(5_000);
    let json = serde_json::to_string(&e).unwrap();
    let back: uni_error::Error = serde_json::from_str(&json).unwrap();
    assert_eq!(back.chain().count(), 126);
    assert_eq!(
        back.chain().last().unwrap().message(),
        "4875 more causes omitted: the chain nests deeper than 127 JSON levels"
    );
    // Dropping a Box<Self> chain is the user's type's business, recursive
    // by Rust's default; forget it so this test measures only our code.
    std::mem::forget(e);
}

#[test]
fn a_thousand_derived_links_erase_into_the_owned_form() {
    let e = chain(1_000);
    let owned = e.to_error();
    assert_eq!(owned.chain().count(), 1_000);
    assert_eq!(
        serde_json::to_string(&owned).unwrap(),
        serde_json::to_string(&e).unwrap()
    );
    std::mem::forget(e);
}
