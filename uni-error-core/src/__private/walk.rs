//! The one cause pipeline. Every cause a derived error has, in every form,
//! comes from one walk:
//!
//! 1. **Dispatch, once per source type.** The derive binds the variant's
//!    source field and asks `kinds` for its kind,
//!    `(&&&&Wrap(field)).__kind()`: derived, another uni error, a pointer to
//!    `dyn Error`, a plain error, or not an error (one compile error at the
//!    field's type). The kind's [`SourceKind`](super::SourceKind) methods are
//!    every use of the field: its [`Node`], the cause a transparent wrapper
//!    forwards, `source()`, and the owned cause by value.
//! 2. **Walk.** [`StreamSource::__cause`] (generated) matches the variant and
//!    hands its source's node, or none, to a [`Visit`]or. A node knows how
//!    to count its subtree, write itself as JSON at a nesting level with the
//!    depth cut, and become an owned [`Cause`]: [`UniNode`] (a derived
//!    error: its message, subject, code, then its own `__cause`),
//!    [`StdNode`] (a plain error: its message, then its `source()` chain),
//!    [`OwnedNode`] (what is only reachable as a `Cause`: hand-written uni
//!    errors, `uni_error::Error`) and [`ListNode`] (a list source: one
//!    aggregate, one node per element).
//! 3. **Visitors** decide the form: `HasCause` and `Count` ask; `Entry`
//!    writes the `"cause"` entry of the top-level map (serialization streams,
//!    building nothing); [`OwnedCause`] builds the tree, which is
//!    `err_cause()` ([`owned_cause`]) and what `{:#}` prints.
//! 4. **Owned causes** (an [`OwnedNode`], and the wire types' own
//!    `Serialize`) are written by `wire::cut::CauseAt` with the same cut, so the
//!    streamed and the owned JSON are the same bytes.
//!
//! By value, `StreamSource::__take` (generated) uses the same dispatch's
//! `into_cause` per source field, moving what it owns (`erase`).
//!
//! A new shape of source is one new kind in `kinds` (or one more impl of a
//! level there); the walk, the owned cause, `source()` and erasure follow.

use core::fmt;
use std::error::Error as StdError;

use serde::ser::{SerializeMap, SerializeSeq};
use serde::{Serialize, Serializer};

use super::DisplayStr;
use crate::value::wire::cut::{omitted, too_deep, CauseAt};
use crate::{AggregateError, Cause, SourceError, UniError};

/// Implemented by `#[derive(UniError)]`: hands the cause of the variant at
/// hand to `v` as a [`Node`], or says there is none.
///
/// Not a subtrait of `UniError` (the functions that need both ask for
/// both): a supertrait would be checked at the derived impl too, so a type
/// that misses `Debug` would get one more error, naming this trait.
pub trait StreamSource {
    fn __cause<V: Visit>(&self, v: V) -> V::Out;
    /// The errno and whether there is a cause. The derive gives both from
    /// one `match` when every errno is a constant (and `errno()` reads it
    /// too), so that serializing matches on the variant once less.
    /// The cause, taken by value (`message` is the errMsg, which an
    /// aggregate cause repeats); the derive moves each source it owns.
    fn __take(self, message: &str) -> Option<Cause>
    where
        Self: Sized,
    {
        let _ = message;
        self.__cause(OwnedCause)
    }
}

impl<T: StreamSource + ?Sized> StreamSource for &T {
    fn __cause<V: Visit>(&self, v: V) -> V::Out {
        (**self).__cause(v)
    }
}

impl<T: StreamSource> StreamSource for Box<T> {
    fn __cause<V: Visit>(&self, v: V) -> V::Out {
        (**self).__cause(v)
    }
    fn __take(self, message: &str) -> Option<Cause> {
        (*self).__take(message)
    }
}

/// What is done with a cause: ask whether there is one, count it, write it.
pub trait Visit {
    type Out;
    fn node<N: Node>(self, node: N) -> Self::Out;
    fn none(self) -> Self::Out;
}

/// One cause, not yet written.
pub trait Node {
    /// How many causes this subtree holds, itself included.
    fn count(&self) -> usize;
    /// Writes the cause as the JSON object at `level` (the top-level error
    /// is level 1), cut where a child would nest deeper than the limit.
    fn serialize_at<S: Serializer>(&self, serializer: S, level: usize) -> Result<S::Ok, S::Error>;
    /// The cause in its owned form: what `err_cause()` gives.
    fn into_cause(self) -> Cause
    where
        Self: Sized;
}

/// Builds the owned cause: `err_cause()` of a derived error is
/// `self.__cause(OwnedCause)`, the same walk that serialization streams.
pub struct OwnedCause;

impl Visit for OwnedCause {
    type Out = Option<Cause>;
    fn node<N: Node>(self, node: N) -> Option<Cause> {
        Some(node.into_cause())
    }
    fn none(self) -> Option<Cause> {
        None
    }
}

/// `err_cause()` of a derived error, from the streamed walk.
pub fn owned_cause<T: StreamSource + ?Sized>(this: &T) -> Option<Cause> {
    this.__cause(OwnedCause)
}

pub(super) struct HasCause;

impl Visit for HasCause {
    type Out = bool;
    fn node<N: Node>(self, _: N) -> bool {
        true
    }
    fn none(self) -> bool {
        false
    }
}

struct Count;

impl Visit for Count {
    type Out = usize;
    fn node<N: Node>(self, node: N) -> usize {
        node.count()
    }
    fn none(self) -> usize {
        0
    }
}

/// Writes the `"cause"` entry, if any, at `level`.
pub(super) struct Entry<'m, M> {
    pub(super) map: &'m mut M,
    pub(super) level: usize,
}

impl<M: SerializeMap> Visit for Entry<'_, M> {
    type Out = Result<(), M::Error>;
    fn node<N: Node>(self, node: N) -> Self::Out {
        self.map.serialize_entry("cause", &At(&node, self.level))
    }
    fn none(self) -> Self::Out {
        Ok(())
    }
}

/// A node serialized at its level.
struct At<'n, N>(&'n N, usize);

impl<N: Node> Serialize for At<'_, N> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.0.serialize_at(serializer, self.1)
    }
}

/// A derived error as a cause: its message, subject, code and own cause.
/// Labels are no-ops: it always has a subject and a code.
pub struct UniNode<'a, T: ?Sized>(&'a T);

impl<'a, T: ?Sized> UniNode<'a, T> {
    pub(super) fn new(error: &'a T) -> Self {
        UniNode(error)
    }
    #[must_use]
    pub fn with_default_subject(self, _: &str) -> Self {
        self
    }
    #[must_use]
    pub fn with_default_code(self, _: Option<i64>) -> Self {
        self
    }
}

impl<T: StreamSource + UniError + ?Sized> Node for UniNode<'_, T> {
    fn count(&self) -> usize {
        1 + self.0.__cause(Count)
    }
    fn serialize_at<S: Serializer>(&self, serializer: S, level: usize) -> Result<S::Ok, S::Error> {
        let e = self.0;
        let has_cause = e.__cause(HasCause);
        if too_deep(level, has_cause, false) {
            return omitted(serializer, self.count());
        }
        let mut map = serializer.serialize_map(Some(3 + usize::from(has_cause)))?;
        map.serialize_entry("message", &DisplayStr(e))?;
        map.serialize_entry("subject", e.err_subject())?;
        map.serialize_entry("code", &e.__err_code())?;
        e.__cause(Entry {
            map: &mut map,
            level: level + 1,
        })?;
        map.end()
    }
    fn into_cause(self) -> Cause {
        let e = self.0;
        let mut source = SourceError::new(e.to_string())
            .with_subject(e.err_subject())
            .with_code(e.__err_code());
        if let Some(cause) = e.__cause(OwnedCause) {
            source = source.with_cause(cause);
        }
        Cause::Source(source)
    }
}

/// A plain error as a cause: its message, then its `source()` chain.
pub struct StdNode<'a> {
    error: &'a (dyn StdError + 'a),
    subject: Option<&'a str>,
    code: Option<i64>,
}

impl<'a> StdNode<'a> {
    pub(super) fn new(error: &'a (dyn StdError + 'a)) -> Self {
        StdNode {
            error,
            subject: None,
            code: None,
        }
    }
    #[must_use]
    pub fn with_default_subject(mut self, subject: &'a str) -> Self {
        self.subject = self.subject.or(Some(subject));
        self
    }
    #[must_use]
    pub fn with_default_code(mut self, code: Option<i64>) -> Self {
        self.code = self.code.or(code);
        self
    }
}

impl Node for StdNode<'_> {
    fn count(&self) -> usize {
        let mut n = 0;
        let mut next: Option<&(dyn StdError + '_)> = Some(self.error);
        while let Some(e) = next {
            n += 1;
            next = e.source();
        }
        n
    }
    fn serialize_at<S: Serializer>(&self, serializer: S, level: usize) -> Result<S::Ok, S::Error> {
        let below = self.error.source();
        if too_deep(level, below.is_some(), false) {
            return omitted(serializer, self.count());
        }
        let len = 1
            + usize::from(self.subject.is_some())
            + usize::from(self.code.is_some())
            + usize::from(below.is_some());
        let mut map = serializer.serialize_map(Some(len))?;
        map.serialize_entry("message", &DisplayStr(self.error))?;
        if let Some(subject) = self.subject {
            map.serialize_entry("subject", subject)?;
        }
        if let Some(code) = self.code {
            map.serialize_entry("code", &code)?;
        }
        if let Some(below) = below {
            map.serialize_entry("cause", &At(&StdNode::new(below), level + 1))?;
        }
        map.end()
    }
    fn into_cause(self) -> Cause {
        let cause = Cause::Source(SourceError::from_std(self.error));
        let cause = match self.subject {
            Some(subject) => cause.with_default_subject(subject),
            None => cause,
        };
        cause.with_default_code(self.code)
    }
}

/// A cause built the owned way: hand-written uni errors and the owned
/// [`Error`](crate::Error), whose causes are only reachable as a [`Cause`].
pub struct OwnedNode(Cause);

impl OwnedNode {
    pub(super) fn new(cause: Cause) -> Self {
        OwnedNode(cause)
    }
    #[must_use]
    pub fn with_default_subject(self, subject: &str) -> Self {
        OwnedNode(self.0.with_default_subject(subject))
    }
    #[must_use]
    pub fn with_default_code(self, code: Option<i64>) -> Self {
        OwnedNode(self.0.with_default_code(code))
    }
}

impl Node for OwnedNode {
    fn count(&self) -> usize {
        self.0.count()
    }
    fn serialize_at<S: Serializer>(&self, serializer: S, level: usize) -> Result<S::Ok, S::Error> {
        CauseAt::new(&self.0, level).serialize(serializer)
    }
    fn into_cause(self) -> Cause {
        self.0
    }
}

/// A list source as an aggregate cause: the error's errMsg, then one node
/// per element.
pub struct ListNode<'a, D: ?Sized, I, F> {
    message: &'a D,
    items: I,
    each: F,
}

/// `#[source] Vec<E>` (or `Box<[E]>`, `[E; N]`) for the error `message`.
pub fn list<D, I, F, N>(message: &D, items: I, each: F) -> ListNode<'_, D, I, F>
where
    D: fmt::Display + ?Sized,
    I: ExactSizeIterator + Clone,
    F: Fn(I::Item) -> N,
    N: Node,
{
    ListNode {
        message,
        items,
        each,
    }
}

impl<D, I, F, N> Node for ListNode<'_, D, I, F>
where
    D: fmt::Display + ?Sized,
    I: ExactSizeIterator + Clone,
    F: Fn(I::Item) -> N,
    N: Node,
{
    fn count(&self) -> usize {
        1 + self
            .items
            .clone()
            .map(|e| (self.each)(e).count())
            .sum::<usize>()
    }
    fn serialize_at<S: Serializer>(&self, serializer: S, level: usize) -> Result<S::Ok, S::Error> {
        if too_deep(level, false, self.items.len() > 0) {
            return omitted(serializer, self.count());
        }
        let mut map = serializer.serialize_map(Some(2))?;
        map.serialize_entry("message", &DisplayStr(self.message))?;
        map.serialize_entry("errors", &Members(self, level + 2))?;
        map.end()
    }
    fn into_cause(self) -> Cause {
        let errors = self.items.map(|e| (self.each)(e).into_cause()).collect();
        Cause::Aggregate(AggregateError::with_message(
            self.message.to_string(),
            errors,
        ))
    }
}

struct Members<'l, L>(&'l L, usize);

impl<D, I, F, N> Serialize for Members<'_, ListNode<'_, D, I, F>>
where
    D: ?Sized,
    I: ExactSizeIterator + Clone,
    F: Fn(I::Item) -> N,
    N: Node,
{
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let list = self.0;
        let mut seq = serializer.serialize_seq(Some(list.items.len()))?;
        for e in list.items.clone() {
            seq.serialize_element(&At(&(list.each)(e), self.1))?;
        }
        seq.end()
    }
}

/// `#[source] Option<E>`: no cause when `None`.
pub fn opt<'a, V, T, N>(v: V, e: Option<&'a T>, node: impl FnOnce(&'a T) -> N) -> V::Out
where
    V: Visit,
    T: ?Sized,
    N: Node,
{
    match e {
        Some(e) => v.node(node(e)),
        None => v.none(),
    }
}

/// A plain error's own `source()` chain, which is what a transparent
/// wrapper over it forwards as its cause.
pub(super) fn std_forward<V: Visit>(error: &(dyn StdError + '_), v: V) -> V::Out {
    match error.source() {
        Some(s) => v.node(StdNode::new(s)),
        None => v.none(),
    }
}
