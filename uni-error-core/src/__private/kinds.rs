//! The one dispatch of a source field on its type. Every use of a
//! `#[source]` (or `#[msg(transparent)]`) field in generated code starts
//! with `(&&&&Wrap(field)).__kind()`, which picks a zero-sized *kind* by
//! autoref specialization, and then calls the [`SourceKind`] method it
//! needs with the field: the streamed and owned walk (`node`), the cause a
//! transparent wrapper hands on (`forward`), erasure by value
//! (`into_cause`, and `take_forward` for a transparent variant; the kind
//! picked from a borrow that ends before the field moves), `source()`
//! (`as_std`) and the data and status override a
//! transparent wrapper forwards. A new shape of source is one new kind (or
//! one new impl of an existing level): every use follows.
//!
//! The levels, first match wins:
//!
//! | receiver | kind | for |
//! |---|---|---|
//! | `&&&Wrap<T>` | [`Derived`] | a derived error (`StreamSource`): streamed |
//! | `&&Wrap<T>` | [`Uni`] | another uni error (hand-written, `Box<dyn UniError>`, the owned [`Error`]): its owned form |
//! | `&&Wrap<T>` | [`DynStd`] | what derefs to `dyn Error` (`Box<dyn Error>`, anyhow, eyre): its `source()` chain |
//! | `&Wrap<T>` | [`Std`] | any other `std::error::Error`: its `source()` chain |
//! | `Wrap<T>` | [`NotASource`] | anything else: rejected by [`IsSource`], once |
//!
//! Dispatch decides from the field's declared type: a generic `E: Error`
//! takes [`Std`] unless the derive's bounds say `E: UniError`.

use core::ops::Deref;
use std::error::Error as StdError;

use super::walk::{
    std_forward, Node, OwnedCause, OwnedNode, StdNode, StreamSource, UniNode, Visit,
};
use crate::value::code::StatusOverride;
use crate::value::error_trait::source_of;
use crate::{Cause, Error, Json, SourceError, UniError};

/// A source error kept with its subject and code: typed uni errors and the
/// owned [`Error`].
pub trait UniSource {
    fn to_source(&self) -> SourceError;
    /// The owned cause, by value (moving what it owns).
    fn into_cause(self) -> Cause
    where
        Self: Sized;
    /// Its own cause, by value: what a `#[msg(transparent)]` wrapper over
    /// it hands on when erased.
    fn take_cause(self) -> Option<Cause>
    where
        Self: Sized;
    /// What a `#[msg(transparent)]` wrapper forwards: data, cause, status.
    fn inner_data(&self) -> Option<Json>;
    fn inner_extra(&self) -> &[(String, Json)];
    fn inner_cause(&self) -> Option<Cause>;
    fn inner_status(&self) -> Option<StatusOverride>;
}

impl<T: UniError + ?Sized> UniSource for T {
    fn inner_data(&self) -> Option<Json> {
        self.data()
    }
    fn inner_extra(&self) -> &[(String, Json)] {
        self.__extra()
    }
    fn inner_cause(&self) -> Option<Cause> {
        self.err_cause()
    }
    fn inner_status(&self) -> Option<StatusOverride> {
        self.status_override()
    }
    fn to_source(&self) -> SourceError {
        source_of(self)
    }
    fn into_cause(self) -> Cause
    where
        Self: Sized,
    {
        Cause::from(self.into_error())
    }
    fn take_cause(self) -> Option<Cause>
    where
        Self: Sized,
    {
        self.into_error().set_cause(None)
    }
}

impl UniSource for Error {
    fn inner_data(&self) -> Option<Json> {
        self.data().cloned()
    }
    fn inner_extra(&self) -> &[(String, Json)] {
        self.extra()
    }
    fn inner_cause(&self) -> Option<Cause> {
        self.cause().cloned()
    }
    fn inner_status(&self) -> Option<StatusOverride> {
        None
    }
    fn to_source(&self) -> SourceError {
        Error::to_source(self)
    }
    /// Linear: `From<Error> for Cause` moves the chain.
    fn into_cause(self) -> Cause {
        Cause::from(self)
    }
    fn take_cause(mut self) -> Option<Cause> {
        self.set_cause(None)
    }
}

/// The receiver of the dispatch: `(&&&&Wrap(field)).__kind()`.
pub struct Wrap<'a, T: ?Sized>(pub &'a T);

/// What generated code does with a source field of type `T`, by the kind
/// the dispatch picked for it.
pub trait SourceKind<T: ?Sized>: Copy {
    /// The field as a cause of the walk (`__private::walk`).
    type Node<'a>: Node
    where
        T: 'a;
    /// The field as a cause, streamed or owned.
    fn node<'a>(self, error: &'a T) -> Self::Node<'a>;
    /// The field's own cause: what a `#[msg(transparent)]` variant over it
    /// hands on.
    fn forward<V: Visit>(self, error: &T, v: V) -> V::Out;
    /// The field as an owned cause, by value.
    fn into_cause(self, error: T) -> Cause
    where
        T: Sized;
    /// The field's own cause, by value: what a `#[msg(transparent)]`
    /// variant over it hands on when erased (`__take`), moving what it owns
    /// (`message` is the errMsg, which an aggregate cause repeats).
    fn take_forward(self, error: T, message: &str) -> Option<Cause>
    where
        T: Sized;
    /// The field as `Error::source()` gives it.
    fn as_std<'a>(self, error: &'a T) -> &'a (dyn StdError + 'static)
    where
        T: 'static;
    /// The field's own `source()`: what a `#[msg(transparent)]` variant
    /// over it gives as its `source()`. Unlike [`as_std`](Self::as_std) it
    /// needs no `'static` field, so a transparent wrapper over a borrowing
    /// error (`Token<'a>`) compiles, as with thiserror.
    fn std_source<'a>(self, error: &'a T) -> Option<&'a (dyn StdError + 'static)>;
    /// The data a `#[msg(transparent)]` variant over the field forwards.
    fn data(self, error: &T) -> Option<Json>;
    /// The top-level unknown keys a `#[msg(transparent)]` variant over the
    /// field forwards: an owned [`Error`]'s (also through a derived or
    /// boxed uni error that forwards to one), else none.
    fn extra(self, error: &T) -> &[(String, Json)] {
        let _ = error;
        &[]
    }
    /// The status override a `#[msg(transparent)]` variant forwards.
    fn status(self, error: &T) -> Option<StatusOverride>;
}

macro_rules! kinds {
    ($($(#[$doc:meta])* $kind:ident, $level:ident;)*) => {$(
        $(#[$doc])*
        #[derive(Clone, Copy, Debug)]
        pub struct $kind;

        pub trait $level {
            #[inline(always)]
            fn __kind(&self) -> $kind {
                $kind
            }
        }

        impl Valid for $kind {}
    )*};
}

kinds! {
    /// A derived error: streamed, its own sources taken by value in turn.
    Derived, DerivedLevel;
    /// Another uni error: its owned form keeps its subject and code.
    Uni, UniLevel;
    /// A smart pointer to `dyn Error`: its message and `source()` chain.
    DynStd, DynStdLevel;
    /// A plain `std::error::Error`: its message and `source()` chain.
    Std, StdLevel;
}

/// The kind of a field that is no error; [`IsSource`] rejects it.
#[derive(Clone, Copy, Debug)]
pub struct NotASource;

pub trait NotASourceLevel {
    #[inline(always)]
    fn __kind(&self) -> NotASource {
        NotASource
    }
}

impl<T: StreamSource + UniError> DerivedLevel for &&&Wrap<'_, T> {}
impl<T: UniSource + StdError> UniLevel for &&Wrap<'_, T> {}
impl<T> DynStdLevel for &&Wrap<'_, T>
where
    T: Deref + ?Sized,
    T::Target: DynStdError,
{
}
impl<T: StdError> StdLevel for &Wrap<'_, T> {}
impl<T: ?Sized> NotASourceLevel for Wrap<'_, T> {}

/// The kinds of a field that is an error.
pub trait Valid {}

/// The check that a source field is an error, made once per source type
/// with the kind the dispatch picked: only [`NotASource`] fails it, with
/// the one error the user sees (at the field's type). Every other use of
/// that field compiles against [`NotASource`]'s silent [`SourceKind`] impl,
/// so it adds no error of its own.
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be a source: it is not an error",
    label = "`{Self}` does not implement `std::error::Error`",
    note = "a #[source], #[from] or #[msg(transparent)] field must implement `std::error::Error` (a uni error does), be a list of errors (`Vec<E>`, `Box<[E]>`, `[E; N]`) or deref to `dyn Error` (`Box<dyn Error>`, `anyhow::Error`)"
)]
pub trait IsSource<K> {
    #[inline(always)]
    fn __checked(&self, kind: K) -> K {
        kind
    }
}

#[diagnostic::do_not_recommend]
impl<T: ?Sized, K: Valid> IsSource<K> for T {}

/// `as_std` and `std_source` of a kind whose field is itself a
/// `std::error::Error` (`Derived`, `Uni`, `Std`): the field, and its own
/// `source()`.
macro_rules! std_error_methods {
    () => {
        fn as_std<'a>(self, error: &'a T) -> &'a (dyn StdError + 'static)
        where
            T: 'static,
        {
            error
        }
        fn std_source<'a>(self, error: &'a T) -> Option<&'a (dyn StdError + 'static)> {
            StdError::source(error)
        }
    };
}

impl<T: StreamSource + UniError> SourceKind<T> for Derived {
    type Node<'a>
        = UniNode<'a, T>
    where
        T: 'a;
    fn node<'a>(self, error: &'a T) -> UniNode<'a, T> {
        UniNode::new(error)
    }
    fn forward<V: Visit>(self, error: &T, v: V) -> V::Out {
        error.__cause(v)
    }
    fn into_cause(self, error: T) -> Cause {
        super::erase::into_cause(error)
    }
    fn take_forward(self, error: T, message: &str) -> Option<Cause> {
        error.__take(message)
    }
    std_error_methods!();
    fn data(self, error: &T) -> Option<Json> {
        error.data()
    }
    fn extra(self, error: &T) -> &[(String, Json)] {
        error.__extra()
    }
    fn status(self, error: &T) -> Option<StatusOverride> {
        error.status_override()
    }
}

impl<T: UniSource + StdError> SourceKind<T> for Uni {
    type Node<'a>
        = OwnedNode
    where
        T: 'a;
    fn node(self, error: &T) -> OwnedNode {
        OwnedNode::new(Cause::Source(error.to_source()))
    }
    fn forward<V: Visit>(self, error: &T, v: V) -> V::Out {
        match error.inner_cause() {
            Some(c) => v.node(OwnedNode::new(c)),
            None => v.none(),
        }
    }
    fn into_cause(self, error: T) -> Cause {
        error.into_cause()
    }
    fn take_forward(self, error: T, _: &str) -> Option<Cause> {
        error.take_cause()
    }
    std_error_methods!();
    fn data(self, error: &T) -> Option<Json> {
        error.inner_data()
    }
    fn extra(self, error: &T) -> &[(String, Json)] {
        error.inner_extra()
    }
    fn status(self, error: &T) -> Option<StatusOverride> {
        error.inner_status()
    }
}

impl<T> SourceKind<T> for DynStd
where
    T: Deref + ?Sized,
    T::Target: DynStdError,
{
    type Node<'a>
        = StdNode<'a>
    where
        T: 'a;
    fn node<'a>(self, error: &'a T) -> StdNode<'a> {
        StdNode::new(T::deref(error).__as_std())
    }
    fn forward<V: Visit>(self, error: &T, v: V) -> V::Out {
        std_forward(T::deref(error).__as_std(), v)
    }
    fn into_cause(self, error: T) -> Cause
    where
        T: Sized,
    {
        Cause::Source(SourceError::from_std(T::deref(&error).__as_std()))
    }
    fn take_forward(self, error: T, _: &str) -> Option<Cause>
    where
        T: Sized,
    {
        std_forward(T::deref(&error).__as_std(), OwnedCause)
    }
    fn as_std<'a>(self, error: &'a T) -> &'a (dyn StdError + 'static)
    where
        T: 'static,
    {
        T::deref(error).__as_std()
    }
    fn std_source<'a>(self, error: &'a T) -> Option<&'a (dyn StdError + 'static)> {
        T::deref(error).__as_std().source()
    }
    fn data(self, _: &T) -> Option<Json> {
        None
    }
    fn status(self, _: &T) -> Option<StatusOverride> {
        None
    }
}

impl<T: StdError> SourceKind<T> for Std {
    type Node<'a>
        = StdNode<'a>
    where
        T: 'a;
    fn node<'a>(self, error: &'a T) -> StdNode<'a> {
        StdNode::new(error)
    }
    fn forward<V: Visit>(self, error: &T, v: V) -> V::Out {
        std_forward(error, v)
    }
    fn into_cause(self, error: T) -> Cause {
        Cause::Source(SourceError::from_std(&error))
    }
    fn take_forward(self, error: T, _: &str) -> Option<Cause> {
        std_forward(&error, OwnedCause)
    }
    std_error_methods!();
    fn data(self, _: &T) -> Option<Json> {
        None
    }
    fn status(self, _: &T) -> Option<StatusOverride> {
        None
    }
}

/// What a field that is no error compiles against, so that the derive's
/// uses of it add nothing to the one [`IsSource`] error. It never runs: a
/// program that picks it does not compile. Its node and `source()` are
/// [`NoError`]'s.
impl<T: ?Sized> SourceKind<T> for NotASource {
    type Node<'a>
        = StdNode<'a>
    where
        T: 'a;
    fn node<'a>(self, _: &'a T) -> StdNode<'a> {
        StdNode::new(&NoError)
    }
    fn forward<V: Visit>(self, _: &T, v: V) -> V::Out {
        v.none()
    }
    fn into_cause(self, _: T) -> Cause
    where
        T: Sized,
    {
        Cause::Source(SourceError::from_std(&NoError))
    }
    fn take_forward(self, _: T, _: &str) -> Option<Cause>
    where
        T: Sized,
    {
        None
    }
    fn as_std<'a>(self, _: &'a T) -> &'a (dyn StdError + 'static)
    where
        T: 'static,
    {
        &NoError
    }
    fn std_source<'a>(self, _: &'a T) -> Option<&'a (dyn StdError + 'static)> {
        None
    }
    fn data(self, _: &T) -> Option<Json> {
        None
    }
    fn status(self, _: &T) -> Option<StatusOverride> {
        None
    }
}

/// The error [`NotASource`]'s impl stands in with (see there).
#[derive(Debug)]
pub struct NoError;

impl core::fmt::Display for NoError {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str("not an error")
    }
}

impl StdError for NoError {}

/// What a `Box<dyn Error>`, an `anyhow::Error`, an `eyre::Report` or an
/// `Arc<dyn Error>` derefs to: such a source takes the plain path, its
/// message and its `source()` chain, as thiserror's does.
pub trait DynStdError {
    fn __as_std(&self) -> &(dyn StdError + 'static);
}

macro_rules! dyn_std_error {
    ($($ty:ty),*) => {$(
        impl DynStdError for $ty {
            fn __as_std(&self) -> &(dyn StdError + 'static) {
                self
            }
        }
    )*};
}

dyn_std_error!(
    dyn StdError + 'static,
    dyn StdError + Send + 'static,
    dyn StdError + Sync + 'static,
    dyn StdError + Send + Sync + 'static
);

/// The traits generated code calls the dispatch through (of sources, and
/// of `#[data]` fields), all brought into scope by one
/// `use __private::dispatch::*;`.
pub mod dispatch {
    pub use super::super::data::{NotSerializeLevel as _, SerLevel as _};
    pub use super::{
        DerivedLevel as _, DynStdLevel as _, IsSource as _, NotASourceLevel as _, SourceKind as _,
        StdLevel as _, UniLevel as _,
    };
}
