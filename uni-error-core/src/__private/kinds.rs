//! Autoref dispatch on a field's type: which node a source field's cause
//! is ([`DerivedKind`] streams a derived error, [`OwnedKind`] builds the
//! owned form of another uni error, [`BoxedNodeKind`] and [`StdNodeKind`]
//! walk a plain error's `source()` chain), and what a `#[msg(transparent)]`
//! variant forwards ([`UniKind`], [`BoxedKind`], [`StdKind`]).

use core::ops::Deref;
use std::error::Error as StdError;

use super::walk::{std_forward, OwnedNode, StdNode, StreamSource, UniNode, Visit};
use crate::status::StatusOverride;
use crate::{Cause, Error, SourceError, UniError};

/// A source error kept with its subject and code: typed uni errors and the
/// owned [`Error`].
pub trait UniSource {
    fn to_source(&self) -> SourceError;
    /// What a `#[msg(transparent)]` wrapper forwards: data, cause, status.
    fn inner_data(&self) -> Option<crate::Json>;
    fn inner_cause(&self) -> Option<Cause>;
    fn inner_status(&self) -> Option<StatusOverride>;
}

impl<T: UniError + ?Sized> UniSource for T {
    fn inner_data(&self) -> Option<crate::Json> {
        self.data()
    }
    fn inner_cause(&self) -> Option<Cause> {
        self.err_cause()
    }
    fn inner_status(&self) -> Option<StatusOverride> {
        self.status_override()
    }
    fn to_source(&self) -> SourceError {
        let mut s = SourceError::new(self.to_string())
            .with_subject(self.err_subject())
            .with_code(self.errno());
        if let Some(c) = self.err_cause() {
            s = s.with_cause(c);
        }
        s
    }
}

impl UniSource for Error {
    fn inner_data(&self) -> Option<crate::Json> {
        self.data().cloned()
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
}

/// Autoref-specialization wrapper. A source field's cause, streamed or
/// owned, is `(&&&Wrap(field)).__node()` (see [`DerivedKind`]); what a
/// `#[msg(transparent)]` variant forwards besides its cause is
/// `(&Wrap(field)).__transparent_data()` / `__transparent_status()`:
/// [`UniKind`] when the field's type is a uni error, else [`BoxedKind`] for
/// a boxed `dyn Error`, else [`StdKind`] for a plain std error.
pub struct Wrap<'a, T: ?Sized>(pub &'a T);

/// The data and status override a `#[msg(transparent)]` variant forwards:
/// a uni error's own; a plain error has none.
pub trait UniKind {
    fn __transparent_data(&self) -> Option<crate::Json>;
    fn __transparent_status(&self) -> Option<StatusOverride>;
}

impl<T: UniSource + ?Sized> UniKind for Wrap<'_, T> {
    fn __transparent_data(&self) -> Option<crate::Json> {
        self.0.inner_data()
    }
    fn __transparent_status(&self) -> Option<StatusOverride> {
        self.0.inner_status()
    }
}

pub trait BoxedKind {
    fn __transparent_data(&self) -> Option<crate::Json> {
        None
    }
    fn __transparent_status(&self) -> Option<StatusOverride> {
        None
    }
}

impl<T> BoxedKind for Wrap<'_, T>
where
    T: Deref + ?Sized,
    T::Target: DynStdError,
{
}

pub trait StdKind {
    fn __transparent_data(&self) -> Option<crate::Json> {
        None
    }
    fn __transparent_status(&self) -> Option<StatusOverride> {
        None
    }
}

impl<T: StdError> StdKind for &Wrap<'_, T> {}

/// Autoref dispatch of a source field to its node, called as
/// `(&&&Wrap(field)).__node()`: a derived error ([`DerivedKind`], on
/// `&&Wrap`) streams; another uni error ([`OwnedKind`], on `&Wrap`) goes the
/// owned way; a boxed `dyn Error` ([`BoxedNodeKind`], on `&Wrap`) and a
/// plain error ([`StdNodeKind`], on `Wrap`) stream their `source()` chain.
/// `__forward` is what a `#[msg(transparent)]` variant hands on.
pub trait DerivedKind {
    type Node;
    fn __node(&self) -> Self::Node;
    fn __forward<V: Visit>(&self, v: V) -> V::Out;
}

impl<'a, T: StreamSource + ?Sized> DerivedKind for &&Wrap<'a, T> {
    type Node = UniNode<'a, T>;
    fn __node(&self) -> UniNode<'a, T> {
        UniNode::new(self.0)
    }
    fn __forward<V: Visit>(&self, v: V) -> V::Out {
        self.0.__cause(v)
    }
}

pub trait OwnedKind {
    fn __node(&self) -> OwnedNode;
    fn __forward<V: Visit>(&self, v: V) -> V::Out;
}

impl<T: UniSource + ?Sized> OwnedKind for &Wrap<'_, T> {
    fn __node(&self) -> OwnedNode {
        OwnedNode::new(Cause::Source(self.0.to_source()))
    }
    fn __forward<V: Visit>(&self, v: V) -> V::Out {
        match self.0.inner_cause() {
            Some(c) => v.node(OwnedNode::new(c)),
            None => v.none(),
        }
    }
}

pub trait BoxedNodeKind<'a> {
    fn __node(&self) -> StdNode<'a>;
    fn __forward<V: Visit>(&self, v: V) -> V::Out;
}

impl<'a, T> BoxedNodeKind<'a> for &Wrap<'a, T>
where
    T: Deref + ?Sized,
    T::Target: DynStdError,
{
    fn __node(&self) -> StdNode<'a> {
        StdNode::new(T::deref(self.0).__as_std())
    }
    fn __forward<V: Visit>(&self, v: V) -> V::Out {
        std_forward(T::deref(self.0).__as_std(), v)
    }
}

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

pub trait StdNodeKind<'a> {
    fn __node(&self) -> StdNode<'a>;
    fn __forward<V: Visit>(&self, v: V) -> V::Out;
}

impl<'a, T: StdError + 'a> StdNodeKind<'a> for Wrap<'a, T> {
    fn __node(&self) -> StdNode<'a> {
        StdNode::new(self.0)
    }
    fn __forward<V: Visit>(&self, v: V) -> V::Out {
        std_forward(self.0, v)
    }
}
