//! thiserror's `test_lints.rs`: the generated code passes the strict lints
//! of the user's crate (`unused_qualifications`, clippy's lifetime lints,
//! `allow_attributes`) and derives on deprecated items without warnings.
//! The crate-wide pedantic set is `tests/lints.rs`'s.

use uni_error::UniError;

#[test]
fn strict_lints_on_the_users_code() {
    #![deny(unused_qualifications, clippy::allow_attributes)]
    #![deny(clippy::elidable_lifetime_names, clippy::needless_lifetimes)]

    #[derive(Debug, UniError)]
    #[subject("uni-parity")]
    #[errno(category = 9, sub = 70, code = 1)]
    #[msg("any")]
    pub struct Any(#[from] anyhow::Error);

    #[derive(Debug, UniError)]
    #[subject("uni-parity")]
    #[errno(category = 9, sub = 71)]
    pub enum Borrowed<'a> {
        #[errno(code = 1)]
        #[msg("io")]
        Io(#[from] std::io::Error),
        #[errno(code = 2)]
        #[msg("{0:?}")]
        Unit(&'a ()),
    }

    let e = Any::from(anyhow::anyhow!("x"));
    assert_eq!(e.to_string(), "any");
    assert_eq!(Borrowed::Unit(&()).to_string(), "()");
}

#[test]
fn forbidden_needless_lifetimes() {
    #![forbid(clippy::needless_lifetimes)]

    #[derive(Debug, UniError)]
    #[subject("uni-parity")]
    #[errno(category = 9, sub = 72, code = 1)]
    #[msg("io")]
    pub struct Io(#[from] std::io::Error);

    assert_eq!(Io::from(std::io::Error::other("x")).to_string(), "io");
}

#[test]
#[allow(deprecated)]
fn deprecated_items_derive_without_warnings() {
    #[deprecated]
    #[derive(Debug, UniError)]
    #[subject("uni-parity")]
    #[errno(category = 9, sub = 73, code = 1)]
    #[msg("old struct")]
    pub struct OldStruct;

    #[derive(Debug, UniError)]
    #[subject("uni-parity")]
    #[errno(category = 9, sub = 73, code = 2)]
    #[msg("{note} {}", .note)]
    pub struct OldField {
        #[deprecated]
        note: String,
    }

    #[deprecated]
    #[derive(Debug, UniError)]
    #[subject("uni-parity")]
    #[errno(category = 9, sub = 74)]
    pub enum OldEnum {
        #[errno(code = 1)]
        #[msg("old enum")]
        Variant,
    }

    #[derive(Debug, UniError)]
    #[subject("uni-parity")]
    #[errno(category = 9, sub = 75)]
    pub enum OldVariant {
        #[deprecated]
        #[errno(code = 1)]
        #[msg("old variant")]
        Variant,
    }

    #[derive(Debug, UniError)]
    #[subject("uni-parity")]
    #[errno(category = 9, sub = 76)]
    pub enum OldFrom {
        #[errno(code = 1)]
        #[msg(transparent)]
        Variant(#[from] OldStruct),
    }

    assert_eq!(OldStruct.to_string(), "old struct");
    let e = OldField { note: "n".into() };
    assert_eq!(e.to_string(), "n n");
    assert_eq!(OldEnum::Variant.to_string(), "old enum");
    assert_eq!(OldVariant::Variant.to_string(), "old variant");
    assert_eq!(OldFrom::from(OldStruct).to_string(), "old struct");
}
