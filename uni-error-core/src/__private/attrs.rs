//! Compile-time checks of attributes whose meaning the derive cannot see
//! when it runs: `#[errno(PATH)]` (the constant's type and value) and
//! thiserror's `#[error(..)]` (that thiserror writes `Display`).

use crate::Errno;

/// The value of `#[errno(PATH)]`, by the constant's type: an inherent
/// `const fn value` per accepted type. Any other type finds
/// [`ErrnoConstFallback::value`] instead, which is never run: the
/// generated code first names [`ErrnoConstType`] for the constant, which
/// fails with one error in the user's words.
pub struct ErrnoConst<T>(pub T);

impl ErrnoConst<Errno> {
    /// The errno.
    pub const fn value(self) -> i64 {
        self.0.get() as i64
    }
}

macro_rules! errno_const_ints {
    ($($t:ty)*) => {$(
        impl ErrnoConst<$t> {
            /// The value, saturated to `i64` (the derive's check rejects
            /// anything over 9 999 999 or negative).
            #[allow(
                clippy::cast_possible_truncation,
                clippy::cast_possible_wrap,
                clippy::cast_lossless,
                unused_comparisons
            )]
            pub const fn value(self) -> i64 {
                if self.0 > i64::MAX as $t && (i64::MAX as u128) < <$t>::MAX as u128 {
                    i64::MAX
                } else if self.0 < 0 as $t && (i64::MIN as i128) > <$t>::MIN as i128 {
                    i64::MIN
                } else {
                    self.0 as i64
                }
            }
        }
    )*};
}

errno_const_ints!(u8 u16 u32 u64 u128 usize i8 i16 i32 i64 i128 isize);

macro_rules! errno_const_types {
    ($($t:ty)*) => {$(
        impl ErrnoConstType for $t {}
    )*};
}

errno_const_types!(u8 u16 u32 u64 u128 usize i8 i16 i32 i64 i128 isize);

/// What a `#[errno(PATH)]` constant of another type finds, so that the
/// value compiles and [`ErrnoConstType`]'s is the only error.
pub trait ErrnoConstFallback<T> {
    fn value(self) -> i64;
}

impl<T> ErrnoConstFallback<T> for ErrnoConst<T> {
    fn value(self) -> i64 {
        0
    }
}

/// The types a `#[errno(PATH)]` constant may have: `Errno` and the
/// integers. The generated code names it as
/// `|| <_ as ErrnoConstType>::__check(&PATH)`, a closure that is never
/// called: the obligation itself (no "required by a bound" note), inside
/// the const item, whose body then has an error and is not const-checked
/// (so the fallback's non-const `value` adds no second error).
#[diagnostic::on_unimplemented(
    message = "#[errno(..)] names a constant of type `{Self}`, which is not an errno",
    label = "expected a `const` of type `uni_error::Errno` or of an integer type",
    note = "write #[errno(path::TO_CONST)] with `const TO_CONST: uni_error::Errno` (or `u32`), or give the number itself"
)]
pub trait ErrnoConstType {
    fn __check(&self) {}
}

impl ErrnoConstType for Errno {}

/// Implemented by every type with `Display` and `std::error::Error`: a type
/// that has thiserror's `#[error(..)]` and no `#[msg]` must get them from
/// thiserror.
#[diagnostic::on_unimplemented(
    message = "`{Self}` has thiserror's #[error(..)] but does not implement `Display` and `std::error::Error`",
    label = "no `Display`/`Error` for `{Self}`",
    note = "#[error(..)] is thiserror's attribute: also derive `thiserror::Error`, or write the message with #[msg(\"..\")], this derive's own"
)]
pub trait ThiserrorDisplay {
    /// Named by the generated `const _: () = <T as ThiserrorDisplay>::CHECK;`:
    /// a path, so the one obligation is `T: ThiserrorDisplay` itself and
    /// rustc adds no "required by a bound in" note pointing in here.
    const CHECK: () = ();
}

// `do_not_recommend`: report the trait above, in its words, rather than
// the `Display`/`Error` bound of this impl that failed.
#[diagnostic::do_not_recommend]
impl<T: core::fmt::Display + std::error::Error + ?Sized> ThiserrorDisplay for T {}

/// `#[source(code = f)]` on a `Box<E>` source: `f` may read the error, a
/// `fn(&E) -> Option<i64>`, or the box, a `fn(&Box<E>) -> Option<i64>`
/// (what 0.1 took). The generated code calls `BoxCode::__read(boxed, &f)`
/// with `boxed: &Box<E>` first, so that `E` is known when `f` is checked;
/// the marker `M` ([`ReadsError`] or [`ReadsBox`]) is inferred from which
/// of the two `f` is, so exactly one impl applies.
#[diagnostic::on_unimplemented(
    message = "#[source(code = ..)] on a `Box<{E}>` source takes a `fn(&{E}) -> Option<i64>` or a `fn(&Box<{E}>) -> Option<i64>`",
    label = "expected `fn(&{E}) -> Option<i64>` or `fn(&Box<{E}>) -> Option<i64>`"
)]
// The box is what it is about.
#[allow(clippy::borrowed_box)]
pub trait BoxCode<E: ?Sized, M> {
    /// The code `read` reads off `boxed`.
    fn __read(boxed: &Box<E>, read: &Self) -> Option<i64>;
}

/// [`BoxCode`]'s marker for a reader of the boxed error itself.
pub enum ReadsError {}

/// [`BoxCode`]'s marker for a reader of the box.
pub enum ReadsBox {}

impl<E: ?Sized, F: Fn(&E) -> Option<i64>> BoxCode<E, ReadsError> for F {
    fn __read(boxed: &Box<E>, read: &Self) -> Option<i64> {
        read(boxed)
    }
}

// A `Box<E>` is what the reader takes here.
#[allow(clippy::borrowed_box)]
impl<E: ?Sized, F: Fn(&Box<E>) -> Option<i64>> BoxCode<E, ReadsBox> for F {
    fn __read(boxed: &Box<E>, read: &Self) -> Option<i64> {
        read(boxed)
    }
}
